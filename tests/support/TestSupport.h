#pragma once

// Shared helpers for the test suites: fresh databases in temporary folders, a
// snapshot of everything a user could see, and file fingerprints.

#include "SeatDatabase.h"
#include "SeatLedger.h"

#include <memory>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace TestSupport {

inline QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

// Everything an admin could observe: users with their seats, counts, ledger length.
inline QString snapshot(const SeatLedger &ledger)
{
    QString text;
    const auto users = ledger.users();
    if (!users)
        return QStringLiteral("error: ") + users.error().message;
    for (const User &u : users.value())
        text += QStringLiteral("%1|%2|%3|%4|%5|%6\n")
                    .arg(u.email, u.firstName, u.lastName, roleKey(u.role), u.sales ? seatTypeKey(*u.sales) : QString(),
                         u.service ? seatTypeKey(*u.service) : QString());
    for (const SeatCount &c : ledger.seatCounts().value())
        text += QStringLiteral("%1 %2/%3\n").arg(seatTypeKey(c.type)).arg(c.assigned).arg(c.purchased);
    text += QStringLiteral("ledger %1\n").arg(ledger.entries().value().size());
    return text;
}

// snapshot() of a database restored from a backup whose snapshot was
// `atBackup`: the same users and seats, and one more ledger entry, the record
// of the restore.
inline QString restoredSnapshot(QString atBackup)
{
    static const QRegularExpression count(QStringLiteral("ledger (\\d+)\n$"));
    const QRegularExpressionMatch m = count.match(atBackup);
    return m.hasMatch()
        ? atBackup.replace(m.capturedStart(1), m.capturedLength(1), QString::number(m.captured(1).toInt() + 1))
        : atBackup;
}

// A raw connection for doing what Seatkeeper never does (tampering, locking),
// the way another program would.
class RawConnection
{
public:
    explicit RawConnection(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(reinterpret_cast<quintptr>(this)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    // Runs one statement; returns the error text, empty on success.
    QString exec(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql))
            return q.lastError().text().isEmpty() ? QStringLiteral("error") : q.lastError().text();
        return {};
    }
    // The first column of every row a query gives.
    QStringList column(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        QStringList values;
        if (q.exec(sql)) {
            while (q.next())
                values << q.value(0).toString();
        }
        return values;
    }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }

private:
    QString m_name;
};

// The addresses of smallAccount()'s people.
namespace SmallAccount {
inline const QString ada = QStringLiteral("ada@example.com");
inline const QString ben = QStringLiteral("ben@example.com");
inline const QString uma = QStringLiteral("uma@example.com");
inline const QString bob = QStringLiteral("bob@example.com");
inline const QString cat = QStringLiteral("cat@example.com");
} // namespace SmallAccount

// A small account: ada (Super admin), ben (Admin), uma (User), bob and cat
// (Users); 2 Sales Professional and 1 Service Starter seats purchased, bob holds
// one Sales Professional seat.
inline std::unique_ptr<SeatLedger> smallAccount(const QString &path)
{
    auto created = SeatLedger::create(path, QStringLiteral("ada@example.com"), QStringLiteral("Ada"),
                                      QStringLiteral("Lovelace"));
    if (!created) {
        qWarning() << created.error().message;
        return nullptr;
    }
    std::unique_ptr<SeatLedger> ledger = created.takeValue();
    const auto must = [](const Status &s) {
        if (!s)
            qFatal("fixture: %s", qPrintable(s.error().message));
    };
    const auto add = [&](const char *email, Role role, const char *first) {
        NewUser u;
        u.email = QLatin1String(email);
        u.firstName = QString::fromUtf8(first);
        u.role = role;
        auto r = ledger->createUser(u);
        if (!r)
            qFatal("fixture: %s", qPrintable(r.error().message));
    };
    add("ben@example.com", Role::Admin, "Ben");
    add("uma@example.com", Role::User, "Uma");
    add("bob@example.com", Role::User, "Bob");
    add("cat@example.com", Role::User, "Cat");
    must(ledger->buySeats(SeatType::SalesProfessional, 2));
    must(ledger->buySeats(SeatType::ServiceStarter, 1));
    must(ledger->assignSeat(QStringLiteral("bob@example.com"), SeatType::SalesProfessional));
    return ledger;
}

// A file Seatkeeper must refuse and leave untouched, at `path`: "foreign"
// (another program's SQLite file), "newer" (a Seatkeeper file of a later
// schema) or "truncated" (a Seatkeeper file cut in half); any other kind is
// written as the file's bytes. Returns false if the file could not be made.
inline bool writeUnusableFile(const QString &path, const QByteArray &kind)
{
    if (kind == "foreign") {
        RawConnection raw(path);
        return raw.exec(QStringLiteral("CREATE TABLE notes (body TEXT)")).isEmpty();
    }
    if (kind == "newer" || kind == "truncated") {
        {
            auto ledger = smallAccount(path);
            QVector<NewUser> many; // enough pages that half the file loses some
            for (int i = 0; i < 300; ++i)
                many.append(NewUser { QStringLiteral("user%1@example.com").arg(i),
                                      QString(60, QLatin1Char('x')),
                                      {},
                                      Role::User,
                                      {},
                                      {} });
            if (!ledger || !ledger->createUsers(many).ok())
                return false;
        }
        if (kind == "newer") {
            RawConnection raw(path);
            return raw.exec(QStringLiteral("PRAGMA user_version = 42")).isEmpty();
        }
        QFile f(path);
        return f.resize(f.size() / 2);
    }
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(kind) == kind.size();
}

} // namespace TestSupport
