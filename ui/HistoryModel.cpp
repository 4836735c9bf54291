#include "HistoryModel.h"

#include "BackgroundWork.h"
#include "LedgerText.h"
#include "SeatLedger.h"

#include <algorithm>
#include <QLocale>
#include <QPointer>

namespace {

const char *const headers[HistoryModel::ColumnCount] = {
    QT_TRANSLATE_NOOP("HistoryModel", "When"),           QT_TRANSLATE_NOOP("HistoryModel", "Who"),
    QT_TRANSLATE_NOOP("HistoryModel", "What"),           QT_TRANSLATE_NOOP("HistoryModel", "For whom"),
    QT_TRANSLATE_NOOP("HistoryModel", "Before → after"),
};

// A page of entries, or why it could not be read (shown in the page, not an error of the read itself).
struct Page
{
    QVector<LedgerEntry> rows;
    QString problem;
};

Page readPage(const SeatLedger &ledger, const LedgerFilter &filter, qint64 beforeId)
{
    auto page = ledger.entriesPage(filter, beforeId, HistoryModel::PageSize);
    if (!page)
        return { {}, page.error().message };
    return { page.takeValue(), {} };
}

} // namespace

HistoryModel::HistoryModel(SeatLedger &ledger, QObject *parent)
    : QAbstractTableModel(parent)
    , m_ledger(ledger)
{
}

void HistoryModel::setWriter(ServerWriter *writer, QWidget *busyParent)
{
    m_writer = writer;
    m_busyParent = busyParent;
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
    return !parent.isValid() && !m_exhausted && !m_resetting && !m_fetching;
}

void HistoryModel::fetchMore(const QModelIndex &parent)
{
    // Not while a reset is being announced (QAbstractItemModelTester asks then),
    // nor while the page before is still being read.
    if (parent.isValid() || m_exhausted || m_rows.isEmpty() || m_resetting || m_fetching)
        return;
    const quint64 mine = m_reads;
    const qint64 before = m_rows.last().id;
    const LedgerFilter filter = m_filter;
    QPointer<HistoryModel> alive(this);
    m_fetching = true;
    auto read = runRead(m_writer, m_busyParent, m_ledger, [&filter, before](const SeatLedger &ledger) {
        return Result<Page>(readPage(ledger, filter, before));
    });
    if (!alive)
        return;
    m_fetching = false;
    // Everything was read again meanwhile (another filter, new entries in a
    // big batch): this page belongs to rows no longer shown.
    if (mine != m_reads || m_rows.isEmpty() || m_rows.last().id != before)
        return;
    Page page = read ? read.takeValue() : Page { {}, read.error().message };
    m_problem = page.problem;
    m_exhausted = !page.problem.isEmpty() || page.rows.size() < PageSize;
    if (page.rows.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.rows.size() - 1));
    m_rows += page.rows;
    endInsertRows();
}

void HistoryModel::setFilter(const LedgerFilter &filter)
{
    m_filter = filter;
    reload();
}

void HistoryModel::reload()
{
    const quint64 mine = ++m_reads;
    const LedgerFilter filter = m_filter;
    struct First
    {
        qint64 newest = 0;
        Page page;
    };
    QPointer<HistoryModel> alive(this);
    auto read = runRead(m_writer, m_busyParent, m_ledger, [&filter](const SeatLedger &ledger) {
        First first;
        // Everything after this position is new, whether this filter shows it or not.
        auto last = ledger.feedPosition();
        first.newest = last ? last.value() : 0;
        first.page = readPage(ledger, filter, last ? last.value() + 1 : 0);
        return Result<First>(first);
    });
    if (!alive || mine != m_reads)
        return; // a later reload (another filter, say) shows its own rows
    First first = read ? read.takeValue() : First { 0, { {}, read.error().message } };
    m_resetting = true;
    beginResetModel();
    m_newest = first.newest;
    m_rows = std::move(first.page.rows);
    m_problem = first.page.problem;
    m_exhausted = !m_problem.isEmpty() || m_rows.size() < PageSize;
    endResetModel();
    m_resetting = false;
    emit loaded();
}

void HistoryModel::readNew()
{
    const quint64 mine = m_reads;
    const qint64 newest = m_newest;
    LedgerFilter newer = m_filter;
    newer.afterId = std::max(m_filter.afterId, m_newest);
    struct Newer
    {
        qint64 last = 0;
        bool again = false; // a shorter ledger, or a big batch: read everything again
        QVector<LedgerEntry> rows;
    };
    QPointer<HistoryModel> alive(this);
    auto read = runRead(m_writer, m_busyParent, m_ledger, [&newer, newest](const SeatLedger &ledger) {
        auto last = ledger.feedPosition();
        if (!last)
            return Result<Newer>(last.error());
        Newer found;
        found.last = last.value();
        if (found.last == newest)
            return Result<Newer>(found);
        if (found.last < newest) { // a shorter ledger: another database now
            found.again = true;
            return Result<Newer>(found);
        }
        auto page = ledger.entriesPage(newer, found.last + 1, PageSize);
        if (!page)
            return Result<Newer>(page.error());
        found.again = page.value().size() == PageSize; // a big batch: start again from the top
        found.rows = page.takeValue();
        return Result<Newer>(found);
    });
    if (!alive || mine != m_reads)
        return; // everything was read again meanwhile
    if (!read)
        return; // tried again at the next change
    if (m_newest != newest) {
        readNew(); // another read of the new entries came first: on from where it stopped
        return;
    }
    Newer found = read.takeValue();
    if (found.again) {
        reload();
        return;
    }
    if (found.last == m_newest)
        return;
    m_newest = found.last;
    if (found.rows.isEmpty())
        return;
    const bool wasEmpty = m_rows.isEmpty();
    beginInsertRows({}, 0, int(found.rows.size() - 1));
    m_rows = found.rows + m_rows;
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
