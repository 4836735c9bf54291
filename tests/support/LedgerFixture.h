#pragma once

// The fixture of the core ledger tests (tst_seatrules, tst_seatledger): the
// small account (TestSupport::smallAccount) in a fresh temporary folder for
// every test, opened as ada@example.com.
//
// A plain class, not a QObject: each test class derives from QObject (for moc)
// and from this, and keeps its own slots:
//     class TestX : public QObject, protected LedgerFixture

#include "SeatLedger.h"
#include "TestSupport.h"

#include <memory>
#include <QTemporaryDir>
#include <QTest>

class LedgerFixture
{
protected:
    // For init().
    void setUp()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("seats.db"));
        m_ledger = TestSupport::smallAccount(m_path);
        QVERIFY(m_ledger);
    }

    // For cleanup().
    void tearDown()
    {
        m_ledger.reset();
        m_dir.reset();
    }

    // Creates a user with no seat, as a Status.
    static Status createPlain(SeatLedger &l, const QString &email, Role role = Role::User)
    {
        NewUser u;
        u.email = email;
        u.role = role;
        auto r = l.createUser(u);
        return r ? Status() : Status(r.error());
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SeatLedger> m_ledger;
    QString m_path;
};
