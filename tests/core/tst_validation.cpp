// R6: which e-mail addresses and names are accepted, and what a refusal says.

#include "HostileInput.h"
#include "InputText.h"
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
    void oneMailboxHasOneKey_data() { HostileInput::sameMailboxRows(); }
    void oneMailboxHasOneKey();
    void keysOfAcceptedAddressesAreAcceptedAndStable_data() { HostileInput::emailRows(); }
    void keysOfAcceptedAddressesAreAcceptedAndStable();
    void differentMailboxesKeepDifferentKeys();
    void loneSurrogateIsNoCharacter();
    void normalizingCannotTakeAnAddressPastItsLimits();
    void echoedInputShowsHiddenCharacters_data();
    void echoedInputShowsHiddenCharacters();
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
    for (const auto part : { Validation::NamePart::First, Validation::NamePart::Last }) {
        const Status s = Validation::checkName(name, part);
        if (refusal.isEmpty()) {
            QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        } else {
            QVERIFY(!s.ok());
            QVERIFY2(s.error().message.contains(refusal), qPrintable(s.error().message));
            // Which name, too.
            const QString which = part == Validation::NamePart::First ? QStringLiteral("The first name")
                                                                      : QStringLiteral("The last name");
            QVERIFY2(s.error().message.startsWith(which), qPrintable(s.error().message));
            QVERIFY(!InputText::firstHidden(s.error().message));
        }
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

void TestValidation::oneMailboxHasOneKey()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QVERIFY(Validation::checkEmail(first).ok());
    QVERIFY2(Validation::checkEmail(second).ok(), qPrintable(Validation::checkEmail(second).error().message));
    QCOMPARE(Validation::emailKey(second), Validation::emailKey(first));
}

void TestValidation::keysOfAcceptedAddressesAreAcceptedAndStable()
{
    QFETCH(QString, email);
    QFETCH(QString, refusal);
    if (!refusal.isEmpty())
        return;
    const QString key = Validation::emailKey(email);
    QCOMPARE(Validation::emailKey(key), key);
    QVERIFY2(Validation::checkEmail(key).ok(), qPrintable(key));
}

void TestValidation::differentMailboxesKeepDifferentKeys()
{
    const auto differ = [](const char *a, const char *b) {
        return Validation::emailKey(QString::fromUtf8(a)) != Validation::emailKey(QString::fromUtf8(b));
    };
    QVERIFY(differ("jose@example.com", "josé@example.com")); // an accent is a letter of its own
    QVERIFY(differ("j@bücher.de", "j@bucher.de"));
    QVERIFY(differ("strasse@example.com", "straße@example.com"));
    QVERIFY(differ("j@faß.de", "j@fass.de")); // UTS #46 non-transitional: ß stays ß
    QVERIFY(differ("ada@example.com", "ada@example.org"));
    // The key keeps the domain readable: what the users are sorted by.
    QCOMPARE(Validation::emailKey(QStringLiteral("J@XN--BCHER-KVA.DE")), QStringLiteral("j@bücher.de"));
    QCOMPARE(Validation::emailKey(QStringLiteral("Ada@Example.COM")), QStringLiteral("ada@example.com"));
}

void TestValidation::loneSurrogateIsNoCharacter()
{
    const QString email = QStringLiteral("dana") + QChar(0xD800) + QStringLiteral("@example.com");
    const Status s = Validation::checkEmail(email);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().message.contains(QStringLiteral("not allowed before the @")), qPrintable(s.error().message));
}

void TestValidation::normalizingCannotTakeAnAddressPastItsLimits()
{
    // U+0958 is two characters once in NFC: 40 of them are 80 before the @.
    const QString local = QString(40, QChar(0x0958));
    QCOMPARE(Validation::emailKey(local).size(), 80);
    const Status s = Validation::checkEmail(local + QStringLiteral("@example.com"));
    QVERIFY(!s.ok());
    QVERIFY2(s.error().message.contains(QStringLiteral("80 characters long; at most 64")),
             qPrintable(s.error().message));
}

void TestValidation::echoedInputShowsHiddenCharacters_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << "bob@example.com"
                           << "bob@example.com";
    QTest::newRow("terminal title") << QStringLiteral("\x1b]0;pwned\x07") << "\\e]0;pwned\\a";
    QTest::newRow("screen clear") << QStringLiteral("\x1b[2J") << "\\e[2J";
    QTest::newRow("line breaks and tabs") << QStringLiteral("a\nb\r\tc") << "a\\nb\\r\\tc";
    QTest::newRow("NUL") << QString(QChar(0)) << "\\0";
    QTest::newRow("DEL and C1 CSI") << QStringLiteral("\x7f\u009B") << "\\u007F\\u009B";
    QTest::newRow("bidi override") << QStringLiteral("abc\u202Edef") << "abc\\u202Edef";
    QTest::newRow("isolates and marks") << QStringLiteral("\u2066\u2069\u200E\u200F\u061C")
                                        << "\\u2066\\u2069\\u200E\\u200F\\u061C";
    QTest::newRow("separators") << QStringLiteral("\u2028\u2029") << "\\u2028\\u2029";
    QTest::newRow("kept: accents, emoji, joiners, right-to-left letters")
        << QStringLiteral("Éloïse 👩‍💻 \u200C שלום")
        << QStringLiteral("Éloïse 👩‍💻 \u200C שלום");
    QTest::newRow("already escaped") << "\\e[2J"
                                     << "\\e[2J";
}

void TestValidation::echoedInputShowsHiddenCharacters()
{
    QFETCH(QString, input);
    QFETCH(QString, shown);
    QCOMPARE(InputText::escaped(input), shown);
    QVERIFY(!InputText::firstHidden(InputText::escaped(input)));
    // A message over several lines keeps its line breaks, and only those.
    if (!input.contains(QLatin1Char('\n')))
        QCOMPARE(InputText::escapedLines(QStringLiteral("one\n") + input), QStringLiteral("one\n") + shown);
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
