#pragma once

#include "LargeTable.h"

#include <functional>
#include <QAbstractTableModel>
#include <QVector>
#include <utility>

// A table model whose rows can be put in a new order (a header click) without a
// reset: views keep their selection and current cell, proxies just remap.
class RowOrderModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

protected:
    // `order[i]` is the row that becomes row i; `permute` moves the model's own
    // data the same way (see reordered()).
    void applyRowOrder(const QVector<int> &order, const std::function<void(const QVector<int> &)> &permute)
    {
        emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        permute(order);
        QVector<int> newRow(order.size());
        for (int i = 0; i < order.size(); ++i)
            newRow[order[i]] = i;
        const QModelIndexList before = persistentIndexList();
        QModelIndexList after;
        for (const QModelIndex &i : before)
            after.append(index(newRow[i.row()], i.column()));
        changePersistentIndexList(before, after);
        emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }

    // Where a new row goes, so that the table stays in its order: by e-mail key
    // while the rows are in storage's order (no header clicked yet), by the
    // sorted column's kept collation keys after a click; at the end otherwise.
    int rowForNew(int sortColumn, Qt::SortOrder order, const SortKeys &keys, const QString &emailKey,
                  const QString &sortedText, const std::function<QString(int)> &emailKeyOfRow) const
    {
        if (sortColumn >= 0) {
            const int row = keys.insertionRow(sortColumn, order, sortedText);
            return row < 0 ? rowCount() : row;
        }
        int low = 0;
        int high = rowCount();
        while (low < high) {
            const int mid = (low + high) / 2;
            if (emailKey < emailKeyOfRow(mid))
                high = mid;
            else
                low = mid + 1;
        }
        return low;
    }

    template<typename T> static QVector<T> reordered(QVector<T> &rows, const QVector<int> &order)
    {
        QVector<T> result;
        result.reserve(order.size());
        for (int from : order)
            result.append(std::move(rows[from]));
        return result;
    }
};
