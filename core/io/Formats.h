#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

struct BackupInfo;
struct LedgerEntry;
struct SeatCount;
struct Team;
struct User;

// How users, seat counts, ledger entries and backups are written out: as JSON
// objects (seatctl --json; their keys and values never change with the
// language) and as lines of text for a person (seatctl's tables, and the
// window's exports). Qt Core only.
class Formats
{
    Q_DECLARE_TR_FUNCTIONS(Formats)

public:
    // JSON objects, one per record.
    static QJsonObject userJson(const User &user);
    static QJsonObject seatCountJson(const SeatCount &count);
    static QJsonObject teamJson(const Team &team);
    static QJsonObject ledgerEntryJson(const LedgerEntry &entry);
    static QJsonObject backupJson(const BackupInfo &backup);

    // The columns of each kind of record, translated, and one record's cells.
    // Counts follow the default QLocale (the language installed).
    // `withLogin`: a Database login column (on a PostgreSQL server).
    static QStringList userHeader(bool withLogin = false);
    static QStringList userRow(const User &user, bool withLogin = false);
    static QStringList teamHeader();
    static QStringList teamRow(const Team &team);
    static QStringList seatCountHeader();
    static QStringList seatCountRow(const SeatCount &count);
    static QStringList ledgerEntryHeader();
    static QStringList ledgerEntryRow(const LedgerEntry &entry);
    // Backups: number, when written (UTC, four-digit years), size, path.
    static QStringList backupHeader();
    static QStringList backupRow(const BackupInfo &backup);

    // Lays rows out in columns padded to the widest cell, one line each,
    // trailing spaces trimmed, the header first.
    static QString table(const QStringList &header, const QVector<QStringList> &rows);
    static QString usersTable(const QVector<User> &users, bool withLogin = false);
    static QString teamsTable(const QVector<Team> &teams);
    static QString seatCountsTable(const QVector<SeatCount> &counts);
    static QString ledgerTable(const QVector<LedgerEntry> &entries);
    static QString backupsTable(const QVector<BackupInfo> &backups);
};
