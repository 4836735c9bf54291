#include "HistoryModel.h"

#include "LedgerText.h"
#include "SeatLedger.h"

#include <algorithm>
#include <QLocale>

namespace {

const char *const headers[HistoryModel::ColumnCount] = {
    QT_TRANSLATE_NOOP("HistoryModel", "When"),           QT_TRANSLATE_NOOP("HistoryModel", "Who"),
    QT_TRANSLATE_NOOP("HistoryModel", "What"),           QT_TRANSLATE_NOOP("HistoryModel", "For whom"),
    QT_TRANSLATE_NOOP("HistoryModel", "Before → after"),
};

} // namespace

HistoryModel::HistoryModel(SeatLedger &ledger, QObject *parent)
    : QAbstractTableModel(parent)
    , m_ledger(ledger)
{
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const LedgerEntry &e = m_rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case When:
            if (role == Qt::ToolTipRole) // the exact time, to the second
                return QLocale().toString(e.at.toLocalTime(), QLocale::LongFormat);
            return QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat);
        case Who:
            return e.actor;
        case What:
            return LedgerText::what(e);
        case ForWhom:
            return e.subject;
        case Change:
            return LedgerText::change(e);
        }
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
        return tr(headers[section]);
    return {};
}

Qt::ItemFlags HistoryModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

bool HistoryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted && !m_resetting;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    // Not while a reset is being announced (QAbstractItemModelTester asks then).
    if (parent.isValid() || m_exhausted || m_rows.isEmpty() || m_resetting)
        return;
    const QVector<LedgerEntry> page = readPage(m_rows.last().id);
    if (page.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size() - 1));
    m_rows += page;
    endInsertRows();
}

QVector<LedgerEntry> HistoryModel::readPage(qint64 beforeId)
{
    auto page = m_ledger.entriesPage(m_filter, beforeId, PageSize);
    if (!page) {
        m_problem = page.error().message;
        m_exhausted = true;
        return {};
    }
    m_problem.clear();
    m_exhausted = page.value().size() < PageSize;
    return page.takeValue();
}

void HistoryModel::setFilter(const LedgerFilter &filter)
{
    m_filter = filter;
    reload();
}

void HistoryModel::reload()
{
    m_resetting = true;
    beginResetModel();
    m_rows.clear();
    // Everything after this position is new, whether this filter shows it or not.
    auto last = m_ledger.feedPosition();
    m_newest = last ? last.value() : 0;
    m_rows = readPage(last ? last.value() + 1 : 0);
    endResetModel();
    m_resetting = false;
    emit loaded();
}

void HistoryModel::readNew()
{
    auto last = m_ledger.feedPosition();
    if (!last || last.value() == m_newest)
        return;
    if (last.value() < m_newest) { // a shorter ledger: another database now
        reload();
        return;
    }
    LedgerFilter newer = m_filter;
    newer.afterId = std::max(m_filter.afterId, m_newest);
    auto read = m_ledger.entriesPage(newer, last.value() + 1, PageSize);
    if (!read)
        return; // tried again at the next change
    if (read.value().size() == PageSize) { // a big batch: start again from the top
        reload();
        return;
    }
    m_newest = last.value();
    if (read.value().isEmpty())
        return;
    const bool wasEmpty = m_rows.isEmpty();
    beginInsertRows({}, 0, int(read.value().size() - 1));
    m_rows = read.value() + m_rows;
    endInsertRows();
    if (wasEmpty)
        emit loaded();
}

void HistoryModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1), { Qt::DisplayRole });
}
