#include "UsersModel.h"

#include "LargeTable.h"
#include "SearchText.h"
#include "UserRows.h"

namespace {
const char *const headers[UsersModel::ColumnCount] = {
    QT_TRANSLATE_NOOP("UsersModel", "Name"),         QT_TRANSLATE_NOOP("UsersModel", "Email"),
    QT_TRANSLATE_NOOP("UsersModel", "Role"),         QT_TRANSLATE_NOOP("UsersModel", "Sales seat"),
    QT_TRANSLATE_NOOP("UsersModel", "Service seat"), QT_TRANSLATE_NOOP("UsersModel", "Main team"),
};
} // namespace

UsersModel::UsersModel(QObject *parent)
    : RowOrderModel(parent)
{
}

void UsersModel::setUsers(QVector<User> users, bool inEmailOrder)
{
    beginResetModel();
    m_users = std::move(users);
    m_sortKeys.clear();
    // Storage hands them over by e-mail in plain text order (".10659" before
    // ".1840"): put them in the order people expect, numbers inside by value,
    // or in the order the admin chose by a header.
    const int sortColumn = m_sortColumn < 0 ? int(EmailColumn) : m_sortColumn;
    const Qt::SortOrder sortOrder = m_sortColumn < 0 ? Qt::AscendingOrder : m_sortOrder;
    indexRows();
    // Folded now, while the account loads, rather than on the first key typed.
    m_searchKeys.resize(m_users.size());
    for (int row = 0; row < m_users.size(); ++row)
        m_searchKeys[row] = searchKeyOf(m_users[row]);
    endResetModel();
    if (inEmailOrder && sortColumn == EmailColumn && sortOrder == Qt::AscendingOrder) {
        m_sortColumn = sortColumn; // already in that order: no keys made, none kept
        m_sortOrder = sortOrder;
        return;
    }
    sort(sortColumn, sortOrder);
}

void UsersModel::indexRows()
{
    m_rowOfUser.clear();
    m_rowOfUser.reserve(m_users.size());
    for (int row = 0; row < m_users.size(); ++row)
        m_rowOfUser.insert(m_users[row].id, row);
}

bool UsersModel::applyChanges(const QVector<User> &users, const QStringList &removed)
{
    const QVector<const User *> added = UserRows::added(users, m_rowOfUser);
    if (added.size() + removed.size() > UserRows::MaxAddedOrRemoved)
        return false;
    for (const User &u : users) {
        const int row = m_rowOfUser.value(u.id, -1);
        if (row < 0)
            continue;
        m_users[row] = u;
        m_searchKeys[row] = searchKeyOf(u);
        m_sortKeys.updateRow(row, [this, &u](int column) { return textOf(u, column); });
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    for (const QString &email : removed) {
        const int row = UserRows::rowOfEmail(m_users, email);
        if (row < 0)
            continue;
        beginRemoveRows({}, row, row);
        m_searchKeys.removeAt(row);
        m_users.removeAt(row);
        m_sortKeys.removeRow(row);
        endRemoveRows();
    }
    for (const User *u : added) {
        const int at = UserRows::rowForNew(m_users, m_sortColumn, m_sortOrder, m_sortKeys, *u,
                                           m_sortColumn >= 0 ? textOf(*u, m_sortColumn) : QString(),
                                           [this](int row) { return textOf(m_users.at(row), m_sortColumn); });
        beginInsertRows({}, at, at);
        m_users.insert(at, *u);
        m_searchKeys.insert(at, searchKeyOf(*u));
        m_sortKeys.insertRow(at, [this, u](int column) { return textOf(*u, column); });
        endInsertRows();
    }
    if (!added.isEmpty() || !removed.isEmpty())
        indexRows();
    return true;
}

void UsersModel::applySeatEdits(const QVector<SeatEdit> &edits)
{
    for (const SeatEdit &edit : edits) {
        const int row = m_rowOfUser.value(edit.userId, -1);
        if (row < 0)
            continue;
        m_users[row].setSeat(edit.product, edit.to);
        const int column = edit.product == Product::Sales ? SalesColumn : ServiceColumn;
        m_sortKeys.updateCell(row, column, textOf(m_users[row], column));
        emit dataChanged(index(row, column), index(row, column));
    }
}

int UsersModel::rowOfEmail(const QString &email) const
{
    return UserRows::rowOfEmail(m_users, email);
}

SearchText::Key UsersModel::searchKeyOf(const User &u)
{
    return SearchText::keyOf(u.fullName() + QLatin1Char('\n') + u.email);
}

QString UsersModel::textOf(const User &u, int column) const
{
    switch (column) {
    case NameColumn:
        return u.fullName();
    case EmailColumn:
        return u.email;
    case RoleColumn:
        return roleName(u.role);
    case SalesColumn:
        return u.sales ? seatTypeName(*u.sales) : QString();
    case ServiceColumn:
        return u.service ? seatTypeName(*u.service) : QString();
    case MainTeamColumn:
        return u.mainTeam;
    default:
        return {};
    }
}

int UsersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UsersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UsersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    return textOf(m_users.at(index.row()), index.column());
}

QVariant UsersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    return tr(headers[section]);
}

Qt::ItemFlags UsersModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

void UsersModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    const QVector<int> rows = sortedRows(
        m_sortKeys.of(column, rowCount(), [this, column](int row) { return data(index(row, column)).toString(); }),
        order);
    applyRowOrder(rows, [this](const QVector<int> &order) {
        m_users = reordered(m_users, order);
        m_searchKeys = reordered(m_searchKeys, order);
        m_sortKeys.permute(order);
        indexRows();
    });
    m_sortColumn = column;
    m_sortOrder = order;
}

void UsersModel::retranslate()
{
    m_sortKeys.clear(); // roles and seats read differently, and sort by other rules
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_users.isEmpty())
        emit dataChanged(index(0, RoleColumn), index(rowCount() - 1, ServiceColumn), { Qt::DisplayRole });
}
