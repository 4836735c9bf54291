#pragma once

#include "Result.h"

#include <functional>
#include <QString>

class QWidget;
class SeatLedger;

// Runs a long change (a big Save, for one) on a worker thread with its own
// connection to the same database — Qt Sql connections belong to one thread —
// as the same operator. A busy progress dialog appears if it takes more than
// 100 ms; the window keeps painting meanwhile. Returns what the work returned.
Status runInBackground(QWidget *parent, const QString &label, const SeatLedger &ledger,
                       const std::function<Status(SeatLedger &)> &work);
