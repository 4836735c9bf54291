#pragma once

// Hostile input, one table for every way in: the validator, the core, seatctl
// and the side panel all run these rows (issue: "data-driven cases through
// core, seatctl and the side panel"). Each row is accepted (refusal empty) and
// must then be stored exactly, or refused with a message containing `refusal`
// that changes nothing. sameMailboxRows() are pairs of addresses that name one
// mailbox: once the first is a user, the second is that user, never another.

#include <QString>
#include <QTest>

namespace HostileInput {

// Columns: QString email, QString refusal.
inline void emailRows()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("refusal"); // empty: accepted

    QTest::newRow("plain") << "dana@example.com"
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
    QTest::newRow("leading space") << " dana@example.com"
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
    // Characters that change how the address shows: named, with where they are.
    QTest::newRow("right-to-left override before the @")
        << QStringLiteral("moc.elpmaxe\u202E@example.com") << "U+202E RIGHT-TO-LEFT OVERRIDE at character 12";
    QTest::newRow("right-to-left override in the domain")
        << QStringLiteral("dana@\u202Emoc.elpmaxe") << "U+202E RIGHT-TO-LEFT OVERRIDE at character 6";
    QTest::newRow("left-to-right mark") << QStringLiteral("\u200Edana@example.com") << "U+200E LEFT-TO-RIGHT MARK";
    QTest::newRow("isolate") << QStringLiteral("dana@example.com\u2066") << "U+2066 LEFT-TO-RIGHT ISOLATE";
    QTest::newRow("ANSI escape sequence")
        << QStringLiteral("\x1b[2Jdana@example.com") << "control character U+001B ESCAPE at character 1";
    QTest::newRow("C1 control") << QStringLiteral("dana\u009B@example.com") << "control character U+009B";
    QTest::newRow("line separator") << QStringLiteral("dana\u2028@example.com") << "U+2028 LINE SEPARATOR";
    QTest::newRow("full-width @") << QStringLiteral("dana\uFF20example.com") << "U+FF20";
    // Internationalised domains as IDNA maps them: accepted, and stored as typed.
    QTest::newRow("Punycode domain") << "dana@xn--bcher-kva.de"
                                     << "";
    QTest::newRow("full-width letters in the domain") << QStringLiteral("dana@\uFF45\uFF58ample.org") << "";
    QTest::newRow("ideographic full stop in the domain") << QStringLiteral("dana@example\u3002org") << "";
}

// Columns: QString first, QString second: two ways of writing one mailbox.
inline void sameMailboxRows()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::newRow("letter case") << "Dana@Example.com"
                                 << "dana@EXAMPLE.COM";
    QTest::newRow("é precomposed, then e and a combining accent")
        << QStringLiteral("jos\u00E9@example.com") << QStringLiteral("jose\u0301@example.com");
    QTest::newRow("e and a combining accent, then é precomposed")
        << QStringLiteral("JOSE\u0301@example.com") << QStringLiteral("jos\u00E9@example.com");
    QTest::newRow("a full-width letter in the domain") << "jose@example.com" << QStringLiteral("jose@\uFF45xample.com");
    QTest::newRow("full-width letters before the @")
        << "jose@example.com" << QStringLiteral("\uFF4A\uFF4F\uFF53\uFF45@example.com");
    QTest::newRow("IDN, then Punycode") << QStringLiteral("j@b\u00FCcher.de") << "j@xn--bcher-kva.de";
    QTest::newRow("Punycode, then IDN") << "j@xn--bcher-kva.de" << QStringLiteral("j@b\u00FCcher.de");
    QTest::newRow("IDN, then Punycode in capitals") << QStringLiteral("j@b\u00FCcher.de") << "J@XN--BCHER-KVA.DE";
    QTest::newRow("IDN with a combining diaeresis")
        << QStringLiteral("j@b\u00FCcher.de") << QStringLiteral("j@bu\u0308cher.de");
    QTest::newRow("ideographic full stop") << "j@example.com" << QStringLiteral("j@example\u3002com");
}

// Columns: QString name, QString refusal.
inline void nameRows()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("refusal"); // empty: accepted
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
    QTest::newRow("zero-width non-joiner (Persian)")
        << QStringLiteral("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645") << "";
    QTest::newRow("right-to-left override")
        << QStringLiteral("Ada\u202Eecalevol")
        << "the text-direction character U+202E RIGHT-TO-LEFT OVERRIDE at character 4";
    QTest::newRow("right-to-left mark") << QStringLiteral("Ada\u200F") << "U+200F RIGHT-TO-LEFT MARK at character 4";
    QTest::newRow("Arabic letter mark") << QStringLiteral("\u061CAda") << "U+061C ARABIC LETTER MARK at character 1";
    QTest::newRow("isolate") << QStringLiteral("\u2067Ada\u2069") << "U+2067 RIGHT-TO-LEFT ISOLATE at character 1";
    QTest::newRow("ANSI escape sequence") << QStringLiteral("\x1b]0;pwned\x07"
                                                            "Ada")
                                          << "the control character U+001B ESCAPE at character 1";
    QTest::newRow("screen clear after the name") << QStringLiteral("Ada\x1b[2J") << "U+001B ESCAPE at character 4";
    QTest::newRow("line separator") << QStringLiteral("Ada\u2028Lovelace") << "U+2028 LINE SEPARATOR at character 4";
    QTest::newRow("paragraph separator") << QStringLiteral("Ada\u2029") << "U+2029 PARAGRAPH SEPARATOR";
    QTest::newRow("character after an emoji") << QStringLiteral("\U0001F469\u202E") << "at character 2";
}

} // namespace HostileInput
