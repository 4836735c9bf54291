#pragma once

#include "LargeTable.h"
#include "RowOrderModel.h"
#include "User.h"

#include <QVector>

// The Users & Teams table: one row per user, over the users the core hands out.
class UsersModel : public RowOrderModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        EmailColumn,
        RoleColumn,
        SalesColumn,
        ServiceColumn,
        ColumnCount
    };

    explicit UsersModel(QObject *parent = nullptr);

    // Swaps the whole data set (a reset: every row may have changed).
    void setUsers(QVector<User> users);
    const User &userAt(int row) const { return m_users.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Header and role names are translated when asked for, so a language switch
    // only needs views to be told that they changed.
    void retranslate();

private:
    QVector<User> m_users;
    SortKeys m_sortKeys;
};
