#include "LargeTable.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <QAbstractItemDelegate>
#include <QCollator>
#include <QHeaderView>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <thread>
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

void fitColumnToContents(QTableView *table, int column, int limit)
{
    const QAbstractItemModel *model = table->model();
    const int rows = model->rowCount();
    // A few dozen of the longest texts stand for all of them, whatever letters they are made of.
    constexpr int Measured = 48;
    std::vector<std::pair<int, int>> lengths; // (characters, row)
    lengths.reserve(size_t(rows));
    for (int row = 0; row < rows; ++row)
        lengths.emplace_back(int(model->index(row, column).data().toString().size()), row);
    const auto measured = lengths.begin() + std::min<std::ptrdiff_t>(Measured, std::ptrdiff_t(lengths.size()));
    std::partial_sort(lengths.begin(), measured, lengths.end(),
                      [](const auto &a, const auto &b) { return a.first > b.first; });
    QStyleOptionViewItem option;
    option.initFrom(table->viewport());
    option.font = table->font();
    QHeaderView *header = table->horizontalHeader();
    int width = header->sectionSizeHint(column);
    for (auto it = lengths.begin(); it != measured; ++it) {
        const QModelIndex index = model->index(it->second, column);
        width = std::max(
            width, table->itemDelegateForIndex(index)->sizeHint(option, index).width() + (table->showGrid() ? 1 : 0));
    }
    header->resizeSection(column, std::min(width, std::max(limit, header->sectionSizeHint(column))));
}

namespace {

// How the window compares names: the language's rules, any case, numbers inside.
QCollator tableCollator(const QLocale &locale = QLocale())
{
    QCollator collator(locale);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    return collator;
}

} // namespace

namespace {

// The collation keys of `texts`, made on two threads, each with a collator of its own.
std::vector<QCollatorSortKey> keysOf(const QVector<QString> &texts)
{
    const int rows = int(texts.size());
    const QLocale locale; // the language of the window, for both threads
    std::vector<std::optional<QCollatorSortKey>> made(static_cast<size_t>(rows));
    const auto makeKeys = [&texts, &made, &locale](int from, int to) {
        const QCollator collator = tableCollator(locale);
        for (int row = from; row < to; ++row)
            made[size_t(row)] = collator.sortKey(texts.at(row));
    };
    const int half = rows / 2;
    std::thread other(makeKeys, half, rows);
    makeKeys(0, half);
    other.join();
    std::vector<QCollatorSortKey> keys;
    keys.reserve(size_t(rows));
    for (auto &key : made)
        keys.push_back(std::move(*key));
    return keys;
}

} // namespace

const std::vector<QCollatorSortKey> &SortKeys::of(int column, int rows, const std::function<QString(int)> &textOf)
{
    auto kept = m_columns.find(column);
    if (kept != m_columns.end() && int(kept->second.size()) == rows)
        return kept->second;
    // The texts are read here, on the model's thread.
    QVector<QString> texts(rows);
    for (int row = 0; row < rows; ++row)
        texts[row] = textOf(row);
    return m_columns.insert_or_assign(column, keysOf(texts)).first->second;
}

QVector<int> naturalOrder(const QVector<QString> &texts)
{
    return sortedRows(keysOf(texts), Qt::AscendingOrder);
}

void SortKeys::permute(const QVector<int> &order)
{
    for (auto &[column, keys] : m_columns) {
        if (keys.size() != size_t(order.size())) {
            keys.clear();
            continue;
        }
        std::vector<QCollatorSortKey> moved;
        moved.reserve(keys.size());
        for (int from : order)
            moved.push_back(std::move(keys[size_t(from)]));
        keys = std::move(moved);
    }
}

void SortKeys::insertRow(int row, const std::function<QString(int)> &textOf)
{
    const QCollator collator = tableCollator();
    for (auto &[column, keys] : m_columns)
        keys.insert(keys.begin() + row, collator.sortKey(textOf(column)));
}

void SortKeys::removeRow(int row)
{
    for (auto &[column, keys] : m_columns)
        keys.erase(keys.begin() + row);
}

void SortKeys::updateRow(int row, const std::function<QString(int)> &textOf)
{
    const QCollator collator = tableCollator();
    for (auto &[column, keys] : m_columns)
        keys[size_t(row)] = collator.sortKey(textOf(column));
}

void SortKeys::updateCell(int row, int column, const QString &text)
{
    const auto kept = m_columns.find(column);
    if (kept != m_columns.end())
        kept->second[size_t(row)] = tableCollator().sortKey(text);
}

int SortKeys::insertionRow(int column, Qt::SortOrder order, const QString &text,
                           const std::function<QString(int)> &textOf, int rows) const
{
    const QCollator collator = tableCollator();
    const auto before = [&collator, order](int c) {
        return order == Qt::AscendingOrder ? c < 0 : c > 0;
    };
    const auto kept = m_columns.find(column);
    if (kept == m_columns.end()) {
        // No keys kept (rows that came sorted): the same stable place, found by
        // comparing texts, a few dozen of them.
        int low = 0;
        int high = rows;
        while (low < high) {
            const int middle = low + (high - low) / 2;
            if (before(collator.compare(text, textOf(middle))))
                high = middle;
            else
                low = middle + 1;
        }
        return low;
    }
    const QCollatorSortKey key = collator.sortKey(text);
    const std::vector<QCollatorSortKey> &keys = kept->second;
    // After every row that sorts before or with it: a stable place.
    const auto at = std::upper_bound(
        keys.begin(), keys.end(), key,
        [&before](const QCollatorSortKey &a, const QCollatorSortKey &b) { return before(a.compare(b)); });
    return int(at - keys.begin());
}

QVector<int> sortedRows(const std::vector<QCollatorSortKey> &keys, Qt::SortOrder order)
{
    QVector<int> result(int(keys.size()));
    std::iota(result.begin(), result.end(), 0);
    std::stable_sort(result.begin(), result.end(), [&keys, order](int a, int b) {
        const int c = keys[size_t(a)].compare(keys[size_t(b)]);
        return order == Qt::AscendingOrder ? c < 0 : c > 0;
    });
    return result;
}
