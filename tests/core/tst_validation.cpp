// R6: which e-mail addresses and names are accepted, and what a refusal says.

#include "HostileInput.h"
#include "Language.h"
#include "Validation.h"

#include <QTest>

class TestValidation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Language::install(QStringLiteral("en")); }
    void emails_data();
    void emails();
    void names_data();
    void names();
    void sameAddressInAnotherCaseHasTheSameKey();
};

void TestValidation::emails_data()
{
    HostileInput::emailRows();
}

void TestValidation::emails()
{
    QFETCH(QString, email);
    QFETCH(QString, refusal);
    const Status s = Validation::checkEmail(email);
    if (refusal.isEmpty()) {
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
    } else {
        QVERIFY2(!s.ok(), "accepted");
        QCOMPARE(int(s.error().kind), int(ErrorKind::Invalid));
        QVERIFY2(s.error().message.contains(refusal), qPrintable(s.error().message));
    }
}

void TestValidation::names_data()
{
    HostileInput::nameRows();
}

void TestValidation::names()
{
    QFETCH(QString, name);
    QFETCH(QString, refusal);
    const Status s = Validation::checkName(name);
    if (refusal.isEmpty()) {
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
    } else {
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(refusal), qPrintable(s.error().message));
    }
}

void TestValidation::sameAddressInAnotherCaseHasTheSameKey()
{
    QCOMPARE(Validation::emailKey(QStringLiteral("Ada@Example.COM")),
             Validation::emailKey(QStringLiteral("ada@example.com")));
    QCOMPARE(Validation::emailKey(QStringLiteral("CLÉO@EXÄMPLE.FR")),
             Validation::emailKey(QStringLiteral("cléo@exämple.fr")));
    QVERIFY(Validation::emailKey(QStringLiteral("ada@example.com"))
            != Validation::emailKey(QStringLiteral("ada@example.org")));
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
