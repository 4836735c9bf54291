#pragma once

#include <Qt>

class QSortFilterProxyModel;
class QTableView;

#include <functional>
#include <QString>
#include <QVector>

// What both tables of the window need to stay instant with 100,000 rows: uniform
// row heights, no sort when the data arrives (storage hands rows over by e-mail),
// and a click on a header sorting the source model (the proxy only filters);
// Tab leaves the table.
void configureLargeTable(QTableView *table, QSortFilterProxyModel *proxy, int sortedColumn);

// The order of `rows` rows by the text `textOf` gives each, as people expect it
// in the current language (accents, case, numbers inside names). Each text's
// collation key is computed once: a sort costs n keys, not n·log n comparisons
// through the locale.
QVector<int> sortedRows(int rows, const std::function<QString(int)> &textOf, Qt::SortOrder order);
