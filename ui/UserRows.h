#pragma once

#include "LargeTable.h"
#include "User.h"
#include "Validation.h"

#include <algorithm>
#include <functional>
#include <QHash>
#include <QVector>

// What both tables of users need to take the change feed row by row.
namespace UserRows {

// Each row that comes or goes moves every row after it: past this many at once,
// reading the whole list again is the quicker way.
constexpr int MaxAddedOrRemoved = 64;

// The users of `changed` that have no row yet.
inline QVector<const User *> added(const QVector<User> &changed, const QHash<qint64, int> &rowOfUser)
{
    QVector<const User *> fresh;
    for (const User &u : changed) {
        if (!rowOfUser.contains(u.id))
            fresh.append(&u);
    }
    return fresh;
}

// The row of the user with exactly this e-mail, -1 if none (a deleted user is
// named by e-mail only).
inline int rowOfEmail(const QVector<User> &rows, const QString &email)
{
    const auto it = std::find_if(rows.cbegin(), rows.cend(), [&email](const User &u) { return u.email == email; });
    return it == rows.cend() ? -1 : int(it - rows.cbegin());
}

// Where a new user goes so that the table stays in its order: by e-mail key
// while the rows are in storage's order (sortColumn < 0), else by the sorted
// column — its kept collation keys, or `rowText(row)` compared when none are
// kept; at the end when the column does not sort by text (`rowText` empty: a
// seat column).
inline int rowForNew(const QVector<User> &rows, int sortColumn, Qt::SortOrder order, const SortKeys &keys,
                     const User &user, const QString &sortedText, const std::function<QString(int)> &rowText)
{
    if (sortColumn >= 0) {
        if (!rowText)
            return int(rows.size());
        return keys.insertionRow(sortColumn, order, sortedText, rowText, int(rows.size()));
    }
    const QString key = Validation::emailKey(user.email);
    const auto at = std::upper_bound(rows.cbegin(), rows.cend(), key,
                                     [](const QString &k, const User &u) { return k < Validation::emailKey(u.email); });
    return int(at - rows.cbegin());
}

} // namespace UserRows
