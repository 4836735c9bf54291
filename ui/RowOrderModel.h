#pragma once

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

    template<typename T> static QVector<T> reordered(QVector<T> &rows, const QVector<int> &order)
    {
        QVector<T> result;
        result.reserve(order.size());
        for (int from : order)
            result.append(std::move(rows[from]));
        return result;
    }
};
