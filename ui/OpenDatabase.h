#pragma once

#include "SeatLedger.h"

#include <memory>
#include <QCoreApplication>
#include <QString>

class QWidget;

struct OpenedDatabase
{
    std::unique_ptr<SeatLedger> ledger; // null: the person chose to quit
    // Something worth knowing that did not stop the opening (no backup written today).
    QString notice;
    // The users, read on the worker: the window starts from them.
    SeatLedger::UsersSnapshot users;
};

// Opens an existing database for the window. On a worker, behind a progress
// dialog: SQLite's quick_check, the day's backup, the users (handed to the
// window). A file that cannot be opened, fails quick_check or stays
// locked gets an OpenProblemDialog — restore from a backup, try again or quit —
// and is never modified. A server is reached first from a worker (the window
// never waits on the network); one that asks for a password gets a
// PasswordDialog first (the password is kept in memory, for this run only).
class DatabaseOpener
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseOpener)

public:
    static OpenedDatabase open(QWidget *parent, const QString &path);
};
