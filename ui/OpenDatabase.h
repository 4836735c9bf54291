#pragma once

#include "SeatLedger.h"
#include "WindowStart.h"

#include <memory>
#include <optional>
#include <QCoreApplication>
#include <QString>

class QWidget;

struct OpenedDatabase
{
    std::unique_ptr<SeatLedger> ledger; // null: the person chose to quit
    // Something worth knowing that did not stop the opening (no backup written today).
    QString notice;
    // What the window starts from, read on the worker: the users (a file),
    // everything it shows first (a server).
    WindowStart start;
    // On a server, the operator settled on the worker (settleLoginOperator()):
    // how that went. None: settleOperator() is still to be called (a file).
    std::optional<Status> operatorSettled;
};

// Opens an existing database for the window. On a worker, behind a progress
// dialog: SQLite's quick_check, the day's backup, the users (handed to the
// window). A file that cannot be opened, fails quick_check or stays
// locked gets an OpenProblemDialog — restore from a backup, try again or quit —
// and is never modified. A server is reached only from a worker (the window
// never waits on the network): the worker checks it, settles the operator
// (the login's user; `asOption` as settleOperator() takes it) and reads all
// the window shows first, and the window's own connection is opened at its
// first use only, which on a server never comes; one that asks for a password
// gets a PasswordDialog first (the password is kept in memory, for this run only).
class DatabaseOpener
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseOpener)

public:
    static OpenedDatabase open(QWidget *parent, const QString &path, const QString &asOption = {});
};
