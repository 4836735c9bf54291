#include "PaidUsersModel.h"

#include "LargeTable.h"
#include "SearchText.h"
#include "UserRows.h"

#include <numeric>
#include <QBrush>
#include <QColor>
#include <QFont>
#include <QUndoCommand>
#include <QUndoStack>

namespace {

// One tick or untick in the grid, undoable. It names the user, not the row:
// sorting the grid moves rows under the undo history.
class SetSeatCommand : public QUndoCommand
{
public:
    SetSeatCommand(PaidUsersModel *model, int row, Product product, std::optional<SeatType> to)
        : m_model(model)
        , m_userId(model->userAt(row).id)
        , m_product(product)
        , m_from(model->seatAt(row, product))
        , m_to(to)
    {
        setText(PaidUsersModel::tr("change the seat of %1").arg(model->userAt(row).email));
    }
    void redo() override { set(m_to); }
    void undo() override { set(m_from); }

private:
    void set(std::optional<SeatType> seat)
    {
        const int row = m_model->rowOfUser(m_userId);
        if (row >= 0)
            m_model->setSeat(row, m_product, seat);
    }

    PaidUsersModel *m_model;
    qint64 m_userId;
    Product m_product;
    std::optional<SeatType> m_from;
    std::optional<SeatType> m_to;
};

} // namespace

PaidUsersModel::PaidUsersModel(QObject *parent)
    : RowOrderModel(parent)
{
}

void PaidUsersModel::reset(QVector<User> users, const std::array<SeatCount, SeatTypeCount> &counts, bool inEmailOrder)
{
    beginResetModel();
    m_users = std::move(users);
    m_sortKeys.clear();
    // Storage hands them over by e-mail in plain text order (".10659" before
    // ".1840"): put them in the order people expect, numbers inside by value,
    // or in the order the admin chose by a header.
    const int sortColumn = m_sortColumn < 0 ? int(EmailColumn) : m_sortColumn;
    const Qt::SortOrder sortOrder = m_sortColumn < 0 ? Qt::AscendingOrder : m_sortOrder;
    m_seats.resize(m_users.size());
    m_assigned.fill(0);
    // Counted from the rows themselves, so the footer always agrees with the grid.
    for (int i = 0; i < m_users.size(); ++i) {
        m_seats[i] = { m_users[i].sales, m_users[i].service };
        for (const auto &seat : m_seats[i]) {
            if (seat)
                ++m_assigned[seatTypeIndex(*seat)];
        }
    }
    for (const SeatCount &c : counts)
        m_purchased[seatTypeIndex(c.type)] = c.purchased;
    m_pendingCount = 0;
    indexRows();
    // Folded now, while the account loads, rather than on the first key typed.
    m_searchKeys.resize(m_users.size());
    for (int row = 0; row < m_users.size(); ++row)
        m_searchKeys[row] = searchKeyOf(m_users[row]);
    endResetModel();
    emit pendingChanged();
    if (inEmailOrder && sortColumn == EmailColumn && sortOrder == Qt::AscendingOrder) {
        m_sortColumn = sortColumn; // already in that order: no keys made, none kept
        m_sortOrder = sortOrder;
        return;
    }
    sort(sortColumn, sortOrder);
}

bool PaidUsersModel::applyChanges(const QVector<User> &users, const QStringList &removed,
                                  const std::optional<std::array<SeatCount, SeatTypeCount>> &counts)
{
    const QVector<const User *> added = UserRows::added(users, m_rowOfUser);
    if (added.size() + removed.size() > UserRows::MaxAddedOrRemoved)
        return false;
    for (const User &u : users) {
        const int row = m_rowOfUser.value(u.id, -1);
        if (row < 0)
            continue;
        User &shown = m_users[row];
        const auto before = m_seats[row];
        const bool wasPending[ProductCount] = { isPending(row, Product::Sales), isPending(row, Product::Service) };
        shown.email = u.email;
        shown.firstName = u.firstName;
        shown.lastName = u.lastName;
        shown.role = u.role;
        m_searchKeys[row] = searchKeyOf(shown);
        for (Product product : allProducts()) {
            const int p = productIndex(product);
            // Nothing pending here: the box shows what is stored now. A pending
            // edit keeps the seat it was made from, even if another admin made
            // the very same change: Save says so rather than guess.
            if (!wasPending[p]) {
                shown.setSeat(product, u.seat(product));
                m_seats[row][p] = u.seat(product);
            }
        }
        for (const auto &seat : before) {
            if (seat)
                --m_assigned[seatTypeIndex(*seat)];
        }
        countSeats(row, +1);
        m_sortKeys.updateRow(row, [this, &shown](int column) { return textOf(shown, column); });
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    for (const QString &email : removed) {
        const int row = UserRows::rowOfEmail(m_users, email);
        if (row < 0)
            continue;
        if (isPending(row, Product::Sales) || isPending(row, Product::Service))
            continue; // Save will say the user was deleted
        countSeats(row, -1);
        beginRemoveRows({}, row, row);
        m_searchKeys.removeAt(row);
        m_users.removeAt(row);
        m_seats.removeAt(row);
        m_sortKeys.removeRow(row);
        endRemoveRows();
    }
    for (const User *u : added) {
        const bool byText = m_sortColumn >= 0 && m_sortColumn < FirstSeatColumn;
        const int at = UserRows::rowForNew(
            m_users, m_sortColumn, m_sortOrder, m_sortKeys, *u, byText ? textOf(*u, m_sortColumn) : QString(),
            byText ? std::function<QString(int)>([this](int row) { return textOf(m_users.at(row), m_sortColumn); })
                   : std::function<QString(int)>());
        beginInsertRows({}, at, at);
        m_users.insert(at, *u);
        m_seats.insert(at, { u->sales, u->service });
        m_searchKeys.insert(at, searchKeyOf(*u));
        m_sortKeys.insertRow(at, [this, u](int column) { return textOf(*u, column); });
        countSeats(at, +1);
        endInsertRows();
    }
    if (!added.isEmpty() || !removed.isEmpty())
        indexRows();
    if (counts) {
        for (const SeatCount &c : *counts)
            m_purchased[seatTypeIndex(c.type)] = c.purchased;
    }
    emit pendingChanged();
    return true;
}

void PaidUsersModel::countSeats(int row, int sign)
{
    for (const auto &seat : m_seats[row]) {
        if (seat)
            m_assigned[seatTypeIndex(*seat)] += sign;
    }
}

void PaidUsersModel::discardPending()
{
    if (m_pendingCount == 0)
        return;
    for (int row = 0; row < m_users.size(); ++row) {
        countSeats(row, -1);
        m_seats[row] = { m_users[row].sales, m_users[row].service };
        countSeats(row, +1);
    }
    m_pendingCount = 0;
    emit dataChanged(index(0, FirstSeatColumn), index(rowCount() - 1, ColumnCount - 1));
    emit pendingChanged();
}

QString PaidUsersModel::textOf(const User &u, int column) const
{
    if (column == NameColumn)
        return u.fullName();
    if (column == EmailColumn)
        return u.email;
    return {};
}

SearchText::Key PaidUsersModel::searchKeyOf(const User &u)
{
    return SearchText::keyOf(u.fullName() + QLatin1Char('\n') + u.email);
}

void PaidUsersModel::indexRows()
{
    m_rowOfUser.clear();
    m_rowOfUser.reserve(m_users.size());
    for (int row = 0; row < m_users.size(); ++row)
        m_rowOfUser.insert(m_users[row].id, row);
}

void PaidUsersModel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    if (!m_users.isEmpty())
        emit dataChanged(index(0, FirstSeatColumn), index(rowCount() - 1, ColumnCount - 1));
}

void PaidUsersModel::setSeat(int row, Product product, std::optional<SeatType> seat)
{
    std::optional<SeatType> &current = m_seats[row][productIndex(product)];
    if (current == seat)
        return;
    const bool wasPending = isPending(row, product);
    if (current)
        --m_assigned[seatTypeIndex(*current)];
    if (seat)
        ++m_assigned[seatTypeIndex(*seat)];
    current = seat;
    m_pendingCount += int(isPending(row, product)) - int(wasPending);
    const int first = columnOf(seatTypeOf(product, Tier::Starter));
    emit dataChanged(index(row, first), index(row, first + 2),
                     { Qt::CheckStateRole, Qt::BackgroundRole, Qt::ToolTipRole });
    emit pendingChanged();
}

void PaidUsersModel::commitPending()
{
    if (m_pendingCount == 0)
        return;
    for (int row = 0; row < m_users.size(); ++row) {
        m_users[row].sales = m_seats[row][productIndex(Product::Sales)];
        m_users[row].service = m_seats[row][productIndex(Product::Service)];
    }
    m_pendingCount = 0;
    emit dataChanged(index(0, FirstSeatColumn), index(rowCount() - 1, ColumnCount - 1),
                     { Qt::BackgroundRole, Qt::ToolTipRole });
    emit pendingChanged();
}

QVector<SeatEdit> PaidUsersModel::pendingEdits() const
{
    QVector<SeatEdit> edits;
    edits.reserve(m_pendingCount);
    for (int row = 0; row < m_users.size() && edits.size() < m_pendingCount; ++row) {
        for (Product product : allProducts()) {
            if (isPending(row, product))
                edits.append(SeatEdit { m_users[row].id, m_users[row].email, product, m_users[row].seat(product),
                                        seatAt(row, product) });
        }
    }
    return edits;
}

int PaidUsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int PaidUsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PaidUsersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const User &u = m_users.at(row);
    if (index.column() == NameColumn)
        return role == Qt::DisplayRole ? QVariant(u.fullName()) : QVariant();
    if (index.column() == EmailColumn)
        return role == Qt::DisplayRole ? QVariant(u.email) : QVariant();
    const SeatType type = typeOfColumn(index.column());
    const Product product = productOf(type);
    const bool pendingHere = isPending(row, product) && (seatAt(row, product) == type || u.seat(product) == type);
    switch (role) {
    case Qt::CheckStateRole:
        return seatAt(row, product) == type ? Qt::Checked : Qt::Unchecked;
    case Qt::BackgroundRole:
        return pendingHere ? QVariant(QBrush(QColor(255, 236, 179))) : QVariant();
    case Qt::ToolTipRole:
        return pendingHere ? QVariant(tr("Unsaved change")) : QVariant();
    case Qt::AccessibleTextRole:
        return seatTypeName(type);
    default:
        return {};
    }
}

void PaidUsersModel::setSeatForRows(const QVector<int> &rows, SeatType type, bool on)
{
    if (m_readOnly)
        return;
    const Product product = productOf(type);
    const std::optional<SeatType> to = on ? std::optional<SeatType>(type) : std::nullopt;
    if (m_undo)
        m_undo->beginMacro(tr("change the seats of %n user(s)", nullptr, int(rows.size())));
    for (int row : rows) {
        if ((!on && seatAt(row, product) != type) || seatAt(row, product) == to)
            continue;
        if (m_undo)
            m_undo->push(new SetSeatCommand(this, row, product, to));
        else
            setSeat(row, product, to);
    }
    if (m_undo)
        m_undo->endMacro();
}

bool PaidUsersModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || m_readOnly
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() < FirstSeatColumn)
        return false;
    const SeatType type = typeOfColumn(index.column());
    const Product product = productOf(type);
    // Ticking a second tier of the same product moves the seat there (R3).
    const std::optional<SeatType> to
        = value.value<Qt::CheckState>() == Qt::Checked ? std::optional<SeatType>(type) : std::nullopt;
    if (!to && seatAt(index.row(), product) != type)
        return true; // clearing a box that is already clear
    if (seatAt(index.row(), product) == to)
        return true;
    if (m_undo)
        m_undo->push(new SetSeatCommand(this, index.row(), product, to));
    else
        setSeat(index.row(), product, to);
    return true;
}

QVariant PaidUsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == NameColumn)
        return tr("Name");
    if (section == EmailColumn)
        return tr("Email");
    // Two lines ("Sales" over "Professional") keep six seat columns narrow.
    QString name = seatTypeName(typeOfColumn(section));
    const qsizetype space = name.indexOf(QLatin1Char(' '));
    if (space > 0)
        name[space] = QLatin1Char('\n');
    return name;
}

Qt::ItemFlags PaidUsersModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (index.column() >= FirstSeatColumn && !m_readOnly)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

void PaidUsersModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    QVector<int> rows;
    if (column < FirstSeatColumn) {
        rows = sortedRows(
            m_sortKeys.of(column, rowCount(), [this, column](int row) { return textOf(m_users.at(row), column); }),
            order);
    } else {
        // Holders of that seat (pending ticks included) first, in their current order.
        const SeatType type = typeOfColumn(column);
        rows.resize(rowCount());
        std::iota(rows.begin(), rows.end(), 0);
        std::stable_sort(rows.begin(), rows.end(), [this, type, order](int a, int b) {
            const bool holdsA = seatAt(a, productOf(type)) == type;
            const bool holdsB = seatAt(b, productOf(type)) == type;
            return order == Qt::AscendingOrder ? holdsA && !holdsB : holdsB && !holdsA;
        });
    }
    applyRowOrder(rows, [this](const QVector<int> &order) {
        m_users = reordered(m_users, order);
        m_seats = reordered(m_seats, order);
        m_searchKeys = reordered(m_searchKeys, order);
        m_sortKeys.permute(order);
        indexRows();
    });
    m_sortColumn = column;
    m_sortOrder = order;
}

void PaidUsersModel::retranslate()
{
    m_sortKeys.clear();
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_users.isEmpty())
        emit dataChanged(index(0, FirstSeatColumn), index(rowCount() - 1, ColumnCount - 1), { Qt::ToolTipRole });
}
