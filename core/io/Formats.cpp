#include "Formats.h"

#include "Backup.h"
#include "LedgerEntry.h"
#include "LedgerText.h"
#include "Team.h"
#include "User.h"

#include <algorithm>
#include <optional>
#include <QDir>
#include <QJsonArray>
#include <QJsonValue>
#include <QLocale>

namespace {

QJsonValue seatJson(const std::optional<SeatType> &type)
{
    return type ? QJsonValue(seatTypeKey(*type)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject Formats::userJson(const User &u)
{
    return QJsonObject {
        { QStringLiteral("email"), u.email },
        { QStringLiteral("first_name"), u.firstName },
        { QStringLiteral("last_name"), u.lastName },
        { QStringLiteral("role"), roleKey(u.role) },
        { QStringLiteral("created_at"), u.createdAt.toString(Qt::ISODateWithMs) },
        { QStringLiteral("sales"), seatJson(u.sales) },
        { QStringLiteral("service"), seatJson(u.service) },
        { QStringLiteral("main_team"), u.mainTeam.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(u.mainTeam) },
        { QStringLiteral("teams"), QJsonArray::fromStringList(u.additionalTeams) },
        // The PostgreSQL login tied to the user; null when none (always on SQLite).
        { QStringLiteral("login"), u.login.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(u.login) }
    };
}

QJsonObject Formats::teamJson(const Team &t)
{
    return QJsonObject { { QStringLiteral("name"), t.name }, { QStringLiteral("members"), t.members } };
}

QStringList Formats::teamHeader()
{
    return { tr("Team"), tr("Members") };
}

QStringList Formats::teamRow(const Team &t)
{
    return { t.name, QLocale().toString(t.members) };
}

QString Formats::teamsTable(const QVector<Team> &teams)
{
    QVector<QStringList> rows;
    rows.reserve(teams.size());
    for (const Team &t : teams)
        rows.append(teamRow(t));
    return table(teamHeader(), rows);
}

QJsonObject Formats::seatCountJson(const SeatCount &c)
{
    return QJsonObject { { QStringLiteral("type"), seatTypeKey(c.type) },
                         { QStringLiteral("purchased"), c.purchased },
                         { QStringLiteral("assigned"), c.assigned },
                         { QStringLiteral("free"), c.free() } };
}

QJsonObject Formats::ledgerEntryJson(const LedgerEntry &e)
{
    QJsonObject json;
    json.insert(QStringLiteral("id"), e.id);
    json.insert(QStringLiteral("at"), e.at.toString(Qt::ISODateWithMs));
    json.insert(QStringLiteral("actor"), e.actor);
    // The PostgreSQL login that wrote it; empty on SQLite.
    json.insert(QStringLiteral("login"), e.login);
    json.insert(QStringLiteral("action"), e.action);
    json.insert(QStringLiteral("subject"), e.subject);
    json.insert(QStringLiteral("seat_type"), e.seatType);
    json.insert(QStringLiteral("before"), e.before);
    json.insert(QStringLiteral("after"), e.after);
    json.insert(QStringLiteral("hash"), e.hash);
    return json;
}

QJsonObject Formats::backupJson(const BackupInfo &b)
{
    return QJsonObject { { QStringLiteral("path"), b.path },
                         { QStringLiteral("taken_at"), b.takenAt.toString(Qt::ISODateWithMs) },
                         { QStringLiteral("bytes"), b.bytes },
                         { QStringLiteral("sequence"), b.sequence > 0 ? QJsonValue(b.sequence) : QJsonValue() } };
}

QStringList Formats::userHeader(bool withLogin)
{
    QStringList header { tr("Email address"),   tr("Name"),         tr("Role"),
                         tr("Sales seat"),      tr("Service seat"), tr("Main team"),
                         tr("Additional teams") };
    if (withLogin)
        header << tr("Database login");
    return header;
}

QStringList Formats::userRow(const User &u, bool withLogin)
{
    QStringList row { u.email,
                      u.fullName(),
                      roleName(u.role),
                      u.sales ? seatTypeName(*u.sales) : QString(),
                      u.service ? seatTypeName(*u.service) : QString(),
                      u.mainTeam,
                      u.additionalTeams.join(QStringLiteral(", ")) };
    if (withLogin)
        row << u.login;
    return row;
}

QStringList Formats::seatCountHeader()
{
    return { tr("Type"), tr("Seat"), tr("Purchased"), tr("Assigned"), tr("Free") };
}

QStringList Formats::seatCountRow(const SeatCount &c)
{
    const QLocale locale;
    return { seatTypeKey(c.type), seatTypeName(c.type), locale.toString(c.purchased), locale.toString(c.assigned),
             locale.toString(c.free()) };
}

QStringList Formats::ledgerEntryHeader()
{
    return { tr("#"), tr("When (UTC)"), tr("Who"), tr("What"), tr("For whom"), tr("Before → after") };
}

QStringList Formats::ledgerEntryRow(const LedgerEntry &e)
{
    // In words, as the History page says it (LedgerText); --json keeps the keys.
    const QString who = e.login.isEmpty() ? e.actor : tr("%1 (login %2)").arg(e.actor, e.login);
    return { QString::number(e.id), e.at.toUTC().toString(Qt::ISODate), who, LedgerText::what(e), e.subject,
             LedgerText::change(e) };
}

QStringList Formats::backupHeader()
{
    return { tr("#"), tr("Written (UTC)"), tr("Size"), tr("File") };
}

QStringList Formats::backupRow(const BackupInfo &b)
{
    // The same date and time in every language, as in the backup's name: the
    // locale's short date has two-digit years.
    return { b.sequence > 0 ? QString::number(b.sequence) : QStringLiteral("-"), // a name from before the numbers
             b.takenAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), QLocale().formattedDataSize(b.bytes),
             QDir::toNativeSeparators(b.path) };
}

QString Formats::table(const QStringList &header, const QVector<QStringList> &rows)
{
    QVector<int> widths(header.size());
    for (int c = 0; c < header.size(); ++c)
        widths[c] = int(header.at(c).size());
    for (const QStringList &row : rows)
        for (int c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], int(row.at(c).size()));
    QString text;
    const auto line = [&](const QStringList &cells) {
        QString out;
        for (int c = 0; c < cells.size(); ++c)
            out += c + 1 < cells.size() ? cells.at(c).leftJustified(widths[c] + 2) : cells.at(c);
        text += out.trimmed() + QLatin1Char('\n');
    };
    line(header);
    for (const QStringList &row : rows)
        line(row);
    return text;
}

QString Formats::usersTable(const QVector<User> &users, bool withLogin)
{
    QVector<QStringList> rows;
    rows.reserve(users.size());
    for (const User &u : users)
        rows.append(userRow(u, withLogin));
    return table(userHeader(withLogin), rows);
}

QString Formats::seatCountsTable(const QVector<SeatCount> &counts)
{
    QVector<QStringList> rows;
    rows.reserve(counts.size());
    for (const SeatCount &c : counts)
        rows.append(seatCountRow(c));
    return table(seatCountHeader(), rows);
}

QString Formats::ledgerTable(const QVector<LedgerEntry> &entries)
{
    QVector<QStringList> rows;
    rows.reserve(entries.size());
    for (const LedgerEntry &e : entries)
        rows.append(ledgerEntryRow(e));
    return table(ledgerEntryHeader(), rows);
}

QString Formats::backupsTable(const QVector<BackupInfo> &backups)
{
    QVector<QStringList> rows;
    rows.reserve(backups.size());
    for (const BackupInfo &b : backups)
        rows.append(backupRow(b));
    return table(backupHeader(), rows);
}
