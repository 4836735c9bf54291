#pragma once

#include "LargeTable.h"
#include "RowOrderModel.h"
#include "SearchText.h"
#include "SeatEdit.h"
#include "User.h"

#include <array>
#include <optional>
#include <QHash>
#include <QStringList>
#include <QVector>

class QUndoStack;

// Manage paid users: one row per user, one check box per seat type (R1 order).
// Ticks are pending edits until saved (R10); the counts per seat type include
// them and are kept up to date one tick at a time, never by rescanning rows.
class PaidUsersModel : public RowOrderModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        EmailColumn,
        FirstSeatColumn,
        ColumnCount = FirstSeatColumn + SeatTypeCount
    };

    explicit PaidUsersModel(QObject *parent = nullptr);

    // Swaps in fresh data from the ledger and drops every pending edit.
    // `inEmailOrder`: as UsersModel::setUsers.
    void reset(QVector<User> users, const std::array<SeatCount, SeatTypeCount> &counts, bool inEmailOrder = false);
    // Updates only the rows of these users (from the change feed), and the
    // purchased counts if given. A pending edit stays as the admin made it, with
    // the seat it was made from, so Save still finds what changed under it (R12);
    // a user deleted elsewhere keeps their row while it holds a pending edit.
    // False, and nothing changed, when so many rows come or go that a reload is quicker.
    bool applyChanges(const QVector<User> &users, const QStringList &removed,
                      const std::optional<std::array<SeatCount, SeatTypeCount>> &counts);
    // Drops every pending edit: the boxes show what is stored again.
    void discardPending();
    // With an undo stack, a tick becomes an undoable command; without one it applies at once.
    void setUndoStack(QUndoStack *stack) { m_undo = stack; }
    void setReadOnly(bool readOnly);

    static int columnOf(SeatType type) { return FirstSeatColumn + seatTypeIndex(type); }
    static SeatType typeOfColumn(int column) { return allSeatTypes()[column - FirstSeatColumn]; }

    const User &userAt(int row) const { return m_users.at(row); }
    // The row of a user now (sorting moves rows), -1 if not listed.
    int rowOfUser(qint64 userId) const { return m_rowOfUser.value(userId, -1); }
    // What the search looks in (name and e-mail), folded (SearchText::fold);
    // kept per row, following the rows as they come, go and move.
    const SearchText::Key &searchKey(int row) const { return m_searchKeys.at(row); }
    std::optional<SeatType> seatAt(int row, Product product) const { return m_seats[row][productIndex(product)]; }
    // Sets one pending seat (nullopt: none). Used by ticks and by undo/redo.
    void setSeat(int row, Product product, std::optional<SeatType> seat);
    // Ticks (on) or clears one seat type for several rows at once: one undo step.
    void setSeatForRows(const QVector<int> &rows, SeatType type, bool on);

    int pendingCount() const { return m_pendingCount; }
    // The pending edits were saved: they become what is stored, without a reload.
    void commitPending();
    QVector<SeatEdit> pendingEdits() const;
    int assigned(SeatType type) const { return m_assigned[seatTypeIndex(type)]; }
    int purchased(SeatType type) const { return m_purchased[seatTypeIndex(type)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Name and e-mail as text; a seat column puts the ticked boxes first.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void retranslate();

signals:
    // Counts or pending edits changed: the footer and the Save button follow.
    void pendingChanged();

private:
    bool isPending(int row, Product product) const
    {
        return m_seats[row][productIndex(product)] != m_users[row].seat(product);
    }

    void indexRows();
    QString textOf(const User &u, int column) const;
    void countSeats(int row, int sign);
    static SearchText::Key searchKeyOf(const User &u);

    int m_sortColumn = -1; // storage's order (by e-mail) until a header is clicked
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;

    QVector<User> m_users;
    SortKeys m_sortKeys; // the Name and Email columns
    QHash<qint64, int> m_rowOfUser;
    QVector<SearchText::Key> m_searchKeys; // per row, as m_seats
    QVector<std::array<std::optional<SeatType>, ProductCount>> m_seats;
    std::array<int, SeatTypeCount> m_assigned {};
    std::array<int, SeatTypeCount> m_purchased {};
    int m_pendingCount = 0;
    bool m_readOnly = false;
    QUndoStack *m_undo = nullptr;
};
