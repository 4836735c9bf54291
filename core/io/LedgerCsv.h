#pragma once

#include "LedgerEntry.h"
#include "UserCsv.h"

#include <QByteArray>
#include <QVector>

// The ledger as CSV, in the same two profiles as the users (UserCsv::Profile):
// Id, Time (UTC), Actor, Action, Subject, Seat type, Before, After, Hash.
// Values stay as the ledger holds them (action and seat type keys, ISO 8601
// times), so a file is the same whichever language wrote it, headers aside.
// `seatctl export ledger` writes it, and the History page's Export… writes
// the entries its filters match with this same function.
class LedgerCsv
{
public:
    static QStringList header(const QString &language);
    static QByteArray write(const QVector<LedgerEntry> &entries, const UserCsv::Profile &profile);
};
