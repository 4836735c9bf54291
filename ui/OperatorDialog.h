#pragma once

#include "Result.h"
#include "User.h"

#include <QDialog>
#include <QVector>

class QComboBox;

// Who is at the keyboard, when the window cannot tell: the operator it
// remembered was deleted by another admin, or the database has several Super
// admins. Lists the database's users, admins first.
class OperatorDialog : public QDialog
{
    Q_OBJECT

public:
    OperatorDialog(const QString &reason, QVector<User> users, QWidget *parent = nullptr);

    QString email() const;

private:
    QVector<User> m_users;
    QComboBox *m_choice;
};

class SeatLedger;

// Sets the ledger's operator at start: --as if given (an unknown one is
// refused), else the one remembered for this database, else its sole Super
// admin; when none of these works (the remembered one was deleted, or there
// are several Super admins), asks with an OperatorDialog. An error with an
// empty message means the person chose Quit.
// On a PostgreSQL server, the user tied to the login, whatever is remembered;
// --as may only name that user. A login tied to nobody leaves the ledger with
// no operator (SeatLedger::untiedLogin()): the window opens read-only.
Status settleOperator(QWidget *parent, SeatLedger &ledger, const QString &asOption, const QString &remembered);

// settleOperator() on a PostgreSQL server, which asks nobody: callable on a
// worker's ledger (DatabaseOpener settles the operator there, and the window's
// ledger takes it from that one without reading).
Status settleLoginOperator(SeatLedger &ledger, const QString &asOption);
