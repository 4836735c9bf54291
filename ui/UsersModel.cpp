#include "UsersModel.h"

#include "LargeTable.h"

namespace {
const char *const headers[UsersModel::ColumnCount] = {
    QT_TRANSLATE_NOOP("UsersModel", "Name"),         QT_TRANSLATE_NOOP("UsersModel", "Email"),
    QT_TRANSLATE_NOOP("UsersModel", "Role"),         QT_TRANSLATE_NOOP("UsersModel", "Sales seat"),
    QT_TRANSLATE_NOOP("UsersModel", "Service seat"),
};
} // namespace

UsersModel::UsersModel(QObject *parent)
    : RowOrderModel(parent)
{
}

void UsersModel::setUsers(QVector<User> users)
{
    beginResetModel();
    m_users = std::move(users);
    m_sortKeys.clear();
    endResetModel();
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
    const User &u = m_users.at(index.row());
    switch (index.column()) {
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
    default:
        return {};
    }
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
        m_sortKeys.permute(order);
    });
}

void UsersModel::retranslate()
{
    m_sortKeys.clear(); // roles and seats read differently, and sort by other rules
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_users.isEmpty())
        emit dataChanged(index(0, RoleColumn), index(rowCount() - 1, ServiceColumn), { Qt::DisplayRole });
}
