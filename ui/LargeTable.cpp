#include "LargeTable.h"

#include <numeric>
#include <QCollator>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <vector>

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
                     [proxy](int column, Qt::SortOrder order) { proxy->sourceModel()->sort(column, order); });
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
}

QVector<int> sortedRows(int rows, const std::function<QString(int)> &textOf, Qt::SortOrder order)
{
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    std::vector<QCollatorSortKey> keys;
    keys.reserve(rows);
    for (int row = 0; row < rows; ++row)
        keys.push_back(collator.sortKey(textOf(row)));
    QVector<int> result(rows);
    std::iota(result.begin(), result.end(), 0);
    std::stable_sort(result.begin(), result.end(), [&keys, order](int a, int b) {
        const int c = keys[a].compare(keys[b]);
        return order == Qt::AscendingOrder ? c < 0 : c > 0;
    });
    return result;
}
