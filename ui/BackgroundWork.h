#pragma once

#include "Result.h"
#include "SeatLedger.h"

#include <functional>
#include <QString>

class QWidget;

// Runs `work` on a thread of its own; a busy progress dialog saying `label`
// appears if it takes more than 100 ms, and the window keeps painting.
Status runBusy(QWidget *parent, const QString &label, const std::function<Status()> &work);

// Runs a long change (a big Save, for one) on a worker thread with its own
// connection to the same database — Qt Sql connections belong to one thread —
// as the same operator. A busy progress dialog appears if it takes more than
// 100 ms; the window keeps painting meanwhile. Returns what the work returned.
Status runInBackground(QWidget *parent, const QString &label, const SeatLedger &ledger,
                       const std::function<Status(SeatLedger &)> &work);

// From this many users on, reading them again happens on a worker (a large account
// takes a few hundred milliseconds to read).
constexpr int BackgroundReadUsers = 20000;
