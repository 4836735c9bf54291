// R6: which e-mail addresses and names are accepted, and what a refusal says.

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
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("refusal"); // empty: accepted

    QTest::newRow("plain") << "ada@example.com"
                           << "";
    QTest::newRow("plus and dots") << "ada.lovelace+seats@mail.example.co.uk"
                                   << "";
    QTest::newRow("Unicode domain") << "cléo@exämple.fr"
                                    << "";
    QTest::newRow("Unicode local part") << "zoë@example.com"
                                        << "";
    QTest::newRow("64-character local part") << QString(64, QLatin1Char('a')) + QStringLiteral("@example.com") << "";
    QTest::newRow("254 characters") << QString(64, QLatin1Char('a')) + QStringLiteral("@")
            + QString(61, QLatin1Char('b')) + QStringLiteral(".") + QString(61, QLatin1Char('c')) + QStringLiteral(".")
            + QString(61, QLatin1Char('d'))
            + QStringLiteral(".com") << "";
    QTest::newRow("empty") << ""
                           << "The email address is required.";
    QTest::newRow("no @") << "ada.example.com"
                          << "has no @";
    QTest::newRow("two @") << "ada@b@example.com"
                           << "has more than one @";
    QTest::newRow("nothing before @") << "@example.com"
                                      << "nothing before the @";
    QTest::newRow("no domain") << "ada@"
                               << "has no domain";
    QTest::newRow("single-label domain") << "ada@localhost"
                                         << "is not a valid domain name";
    QTest::newRow("domain label starts with a hyphen") << "ada@-example.com"
                                                       << "is not a valid domain name";
    QTest::newRow("domain with an empty label") << "ada@example..com"
                                                << "is not a valid domain name";
    QTest::newRow("255 characters") << QString(64, QLatin1Char('a')) + QStringLiteral("@")
            + QString(186, QLatin1Char('b'))
            + QStringLiteral(".com") << "at most 254";
    QTest::newRow("65-character local part")
        << QString(65, QLatin1Char('a')) + QStringLiteral("@example.com") << "at most 64";
    QTest::newRow("space inside") << "ada lovelace@example.com"
                                  << "contains a space";
    QTest::newRow("leading space") << " ada@example.com"
                                   << "contains a space";
    QTest::newRow("control character") << QStringLiteral("ada\x07@example.com") << "control character";
    QTest::newRow("NUL") << QString(QStringLiteral("ada")) + QChar(0) + QStringLiteral("@example.com")
                         << "control character";
    QTest::newRow("leading dot") << ".ada@example.com"
                                 << "misplaced dot";
    QTest::newRow("double dot") << "ada..l@example.com"
                                << "misplaced dot";
    QTest::newRow("quote in local part") << "\"ada\"@example.com"
                                         << "not allowed before the @";
    QTest::newRow("SQL metacharacters") << "ada'); DROP TABLE users;--@example.com"
                                        << "contains a space";
    QTest::newRow("comma") << "ada,bob@example.com"
                           << "not allowed before the @";
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
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("refusal");
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("accents") << "Éloïse d'Aubigné"
                             << "";
    QTest::newRow("emoji") << "Ada 👩‍💻"
                           << "";
    QTest::newRow("right-to-left") << "שלום עליכם"
                                   << "";
    QTest::newRow("quotes and SQL") << "Robert'); DROP TABLE users;--"
                                    << "";
    QTest::newRow("256 characters") << QString(256, QLatin1Char('x')) << "";
    QTest::newRow("10,000 characters") << QString(10000, QLatin1Char('x')) << "at most 256";
    QTest::newRow("NUL") << QString(QStringLiteral("Ada")) + QChar(0) << "control character";
    QTest::newRow("newline") << "Ada\nLovelace"
                             << "control character";
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
