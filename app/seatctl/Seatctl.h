#pragma once

#include "Plan.h"
#include "Result.h"

#include <memory>
#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

class SeatLedger;

// seatctl: parses the command line, runs one command against the seat ledger and
// reports it as text or as one JSON document (--json).
// Exit status: 0 done, 1 refused by a rule, 2 usage error, 3 storage error.
class Seatctl
{
    Q_DECLARE_TR_FUNCTIONS(Seatctl)

public:
    enum Exit
    {
        Done = 0,
        Refused = 1,
        Usage = 2,
        StorageFailure = 3
    };

    Seatctl();
    int run(const QStringList &arguments);

private:
    int usage(const QString &message);
    int fail(const Error &error);
    int done(const QString &text, const QJsonObject &json = {});
    int runCommand(SeatLedger &ledger, const QStringList &words);
    int usersCommand(SeatLedger &ledger, const QStringList &words);
    int seatsCommand(SeatLedger &ledger, const QStringList &words);
    int listUsers(SeatLedger &ledger);
    int listSeats(SeatLedger &ledger);
    int showLedger(SeatLedger &ledger);
    int check(SeatLedger &ledger);
    int backup(SeatLedger &ledger, const QStringList &words);
    int listBackups(const QString &path);
    int restore(const QString &path, const QStringList &words);
    // Reads a plan file, or standard input for "-", to its end. `unreadable`: the
    // file could not be read at all (a usage error) rather than being a bad plan.
    Result<QVector<PlanLine>> readPlan(const QString &planPath, bool &unreadable);
    int apply(SeatLedger &ledger, const QVector<PlanLine> &plan);
    bool needsOperator(const QStringList &words) const;

    QTextStream m_out;
    QTextStream m_err;
    bool m_json = false;
    QString m_first;
    QString m_last;
    QString m_role;
    bool m_hasFirst = false;
    bool m_hasLast = false;
    bool m_hasRole = false;
    QVector<PlanLine> m_plan; // apply: read before the database opens
};
