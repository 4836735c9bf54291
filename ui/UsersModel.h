#pragma once

#include "LargeTable.h"
#include "RowOrderModel.h"
#include "SearchText.h"
#include "SeatEdit.h"
#include "User.h"

#include <QHash>
#include <QStringList>
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
        MainTeamColumn, // R14; last, so the columns before it keep their places
        ColumnCount
    };

    explicit UsersModel(QObject *parent = nullptr);

    // Swaps the whole data set (a reset: every row may have changed).
    // `inEmailOrder`: the list comes sorted as the E-mail column sorts
    // (UsersCache does it once for both tables), so it is not sorted again
    // while that is the order shown.
    void setUsers(QVector<User> users, bool inEmailOrder = false);
    // Updates only the rows of these users (from the change feed): changed rows
    // in place, new ones where the order puts them, deleted ones out. False,
    // and nothing changed, when so many rows come or go that a reload is quicker
    // (UserRows::MaxAddedOrRemoved).
    bool applyChanges(const QVector<User> &users, const QStringList &removed);
    // Seat edits saved in this window: the rows of their users show them.
    void applySeatEdits(const QVector<SeatEdit> &edits);
    const User &userAt(int row) const { return m_users.at(row); }
    // The row of the user with this e-mail, -1 if none.
    int rowOfEmail(const QString &email) const;
    // The row's name and e-mail, folded (SearchText::fold) for the search. Kept
    // per row, following the rows, so filtering 100,000 rows stays quick.
    const SearchText::Key &searchKey(int row) const { return m_searchKeys.at(row); }

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
    QString textOf(const User &u, int column) const;
    void indexRows();
    static SearchText::Key searchKeyOf(const User &u);

    QVector<User> m_users;
    SortKeys m_sortKeys;
    QHash<qint64, int> m_rowOfUser;
    QVector<SearchText::Key> m_searchKeys; // per row, as m_users
    int m_sortColumn = -1; // storage's order (by e-mail) until a header is clicked
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};
