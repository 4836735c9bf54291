#pragma once

#include <Qt>

class QSortFilterProxyModel;
class QTableView;

#include <functional>
#include <map>
#include <QCollatorSortKey>
#include <QString>
#include <QVector>
#include <vector>

// What both tables of the window need to stay instant with 100,000 rows: uniform
// row heights, no sort when the data arrives (storage hands rows over by e-mail),
// and a click on a header sorting the source model (the proxy only filters);
// Tab leaves the table.
void configureLargeTable(QTableView *table, QSortFilterProxyModel *proxy, int sortedColumn);

// Makes `column` as wide as its widest text in every row, not only in the rows
// around the visible ones that QHeaderView measures (at 100,000 users a long
// name in the middle was cut), and as its header; never wider than `limit`
// pixels (a cut text shows whole in its tooltip). The longest texts by
// characters are the ones measured, so it stays quick at any number of rows.
void fitColumnToContents(QTableView *table, int column, int limit);

// The collation keys of a table's text columns — how people expect them sorted in
// the current language (accents, case, numbers inside names) — kept in the order
// of the table's rows. A key costs about a microsecond through the locale, so a
// column's keys are computed once (on two cores) and follow the rows when they
// move: clicking a header again, or going back to a column, sorts at once.
class SortKeys
{
public:
    // The keys of `column`; `textOf(row)` is asked for each row if they are not kept.
    const std::vector<QCollatorSortKey> &of(int column, int rows, const std::function<QString(int)> &textOf);
    // The rows were put in a new order (`order[i]` became row i).
    void permute(const QVector<int> &order);
    // The texts or the language changed.
    void clear() { m_columns.clear(); }
    // One row came, went or changed: the kept keys follow (`textOf(column)`).
    void insertRow(int row, const std::function<QString(int)> &textOf);
    void removeRow(int row);
    void updateRow(int row, const std::function<QString(int)> &textOf);
    void updateCell(int row, int column, const QString &text);
    // Where a row whose `column` reads `text` goes among `rows` rows sorted by
    // that column (`textOf(row)` reads them when that column's keys are not kept).
    int insertionRow(int column, Qt::SortOrder order, const QString &text, const std::function<QString(int)> &textOf,
                     int rows) const;

private:
    std::map<int, std::vector<QCollatorSortKey>> m_columns;
};

// The order in which the table sorts `texts` (ascending, stable): `order[i]` is
// the row that goes to row i. The keys are made for it and let go.
QVector<int> naturalOrder(const QVector<QString> &texts);

// The order of the rows by their keys: a stable sort, ascending or descending.
QVector<int> sortedRows(const std::vector<QCollatorSortKey> &keys, Qt::SortOrder order);
