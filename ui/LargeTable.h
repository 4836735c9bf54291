#pragma once

class QSortFilterProxyModel;
class QTableView;

// What both tables of the window need to stay instant with 100,000 rows: uniform
// row heights, no sort when the data arrives (storage hands rows over by e-mail)
// and a proxy sort only when a header is clicked; Tab leaves the table.
void configureLargeTable(QTableView *table, QSortFilterProxyModel *proxy, int sortedColumn);
