#include "LargeTable.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>

void configureLargeTable(QTableView *table, QSortFilterProxyModel *proxy, int sortedColumn)
{
    table->setModel(proxy);
    table->setTabKeyNavigation(false); // arrows move inside the table
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    QHeaderView *header = table->horizontalHeader();
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(sortedColumn, Qt::AscendingOrder);
    QObject::connect(header, &QHeaderView::sortIndicatorChanged, proxy,
                     [proxy](int column, Qt::SortOrder order) { proxy->sort(column, order); });
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
}
