#pragma once

#include "LedgerEntry.h"

#include <QAbstractTableModel>
#include <QString>
#include <QVector>

class QWidget;
class SeatLedger;
class ServerWriter;

// The ledger as the History page shows it, newest first, read a page at a time
// as the view scrolls (canFetchMore/fetchMore): at a million entries only the
// pages looked at are ever read. Its texts are made when asked, in the current
// language (LedgerText), so a language switch only repaints.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        When,
        Who,
        What,
        ForWhom,
        Change,
        ColumnCount
    };
    static constexpr int PageSize = 200;

    explicit HistoryModel(SeatLedger &ledger, QObject *parent = nullptr);

    // On a server: every read runs on `writer`'s worker, the window (`busyParent`
    // says it is busy) painting meanwhile. A read that a later one made moot
    // (a filter changed, everything read again) is dropped, never shown.
    void setWriter(ServerWriter *writer, QWidget *busyParent);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Shows what `filter` matches, from the newest entry.
    void setFilter(const LedgerFilter &filter);
    const LedgerFilter &filter() const { return m_filter; }
    // Reads everything again (the database was replaced).
    void reload();
    // Entries written since the newest one shown, if they match, go on top.
    void readNew();
    // The texts follow the language now installed.
    void retranslate();

    const LedgerEntry &entryAt(int row) const { return m_rows.at(row); }
    // What went wrong with the last read, translated; empty when all went well.
    const QString &problem() const { return m_problem; }

signals:
    // The rows were read anew (a filter, a reload): the page says whether any matched.
    void loaded();

private:
    SeatLedger &m_ledger;
    ServerWriter *m_writer = nullptr;
    QWidget *m_busyParent = nullptr;
    quint64 m_reads = 0; // grows with every reload: an older read's rows are dropped
    bool m_fetching = false; // fetchMore() waits on the worker
    LedgerFilter m_filter;
    QVector<LedgerEntry> m_rows;
    qint64 m_newest = 0; // the newest entry looked at, shown or not
    bool m_exhausted = true;
    bool m_resetting = false;
    QString m_problem;
};
