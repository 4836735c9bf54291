// Plan files for `seatctl apply`: what parses, and what is refused with its line number.

#include "InputText.h"
#include "Plan.h"

#include <QTest>

class TestPlan : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
    void tooLargeIsRefused();
};

void TestPlan::parses_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected"); // one "kind email type-or-product@line" per line

    QTest::newRow("assign and unassign")
        << QByteArray("assign ada@example.com sales-professional\nunassign bob@example.com service\n")
        << "assign ada@example.com sales-professional@1;unassign bob@example.com service@2";
    QTest::newRow("CRLF and a BOM") << QByteArray(
        "\xEF\xBB\xBF"
        "assign ada@example.com service-enterprise\r\nunassign ada@example.com sales\r\n")
                                    << "assign ada@example.com service-enterprise@1;unassign ada@example.com sales@2";
    QTest::newRow("comments, blank lines, tabs, no final newline")
        << QByteArray("# moving seats\n\n  assign\tcléo@example.fr   sales-starter  \n\nunassign x@example.com sales")
        << "assign cléo@example.fr sales-starter@3;unassign x@example.com sales@5";
    QTest::newRow("empty plan") << QByteArray("") << "";
}

void TestPlan::parses()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    auto plan = Plan::parse(text);
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
    QStringList got;
    for (const PlanLine &l : plan.value()) {
        got << QStringLiteral("%1 %2 %3@%4")
                   .arg(l.kind == PlanLine::Kind::Assign ? QStringLiteral("assign") : QStringLiteral("unassign"),
                        l.email, l.kind == PlanLine::Kind::Assign ? seatTypeKey(l.type) : productKey(l.product))
                   .arg(l.lineNumber);
    }
    QCOMPARE(got.join(QLatin1Char(';')), expected);
}

void TestPlan::refuses_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown command") << QByteArray("assign a@example.com sales-starter\ngive a@example.com x\n")
                                     << "Line 2: unknown command “give”";
    QTest::newRow("unknown seat type") << QByteArray("assign a@example.com sales-pro\n")
                                       << "Line 1: unknown seat type “sales-pro”";
    QTest::newRow("unknown product") << QByteArray("\n\nunassign a@example.com marketing\n")
                                     << "Line 3: unknown product “marketing”";
    QTest::newRow("missing word") << QByteArray("assign a@example.com\n") << "Line 1: expected “assign EMAIL TYPE”";
    QTest::newRow("extra word") << QByteArray("unassign a@example.com sales now\n")
                                << "Line 1: expected “unassign EMAIL PRODUCT”";
    QTest::newRow("bad e-mail") << QByteArray("assign a.example.com sales-starter\n") << "Line 1: The email address";
    QTest::newRow("invalid UTF-8") << QByteArray(
        "assign a@example.com sales-starter\nassign \xff\xfe@x.com sales-starter\n")
                                   << "Line 2: the text is not valid UTF-8";
    QTest::newRow("NUL byte") << QByteArray("assign a@example.com sales-starter\0\n", 36)
                              << "Line 1: the line contains a NUL";
    // What a line says is quoted back with its hidden characters made visible:
    // a plan cannot clear or retitle the terminal that shows the refusal.
    QTest::newRow("terminal title as a command")
        << QByteArray("\x1b]0;pwned\x07 a@example.com sales\n") << "Line 1: unknown command “\\e]0;pwned\\a”";
    QTest::newRow("screen clear as a seat type")
        << QByteArray("assign a@example.com \x1b[2J\n") << "Line 1: unknown seat type “\\e[2J”";
    QTest::newRow("right-to-left override in a product")
        << QByteArray("unassign a@example.com \xE2\x80\xAEselas\n") << "Line 1: unknown product “\\u202Eselas”";
    QTest::newRow("right-to-left override in an address")
        << QByteArray("assign a\xE2\x80\xAE@example.com sales-starter\n")
        << "Line 1: The email address contains the text-direction character U+202E";
}

void TestPlan::refuses()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    auto plan = Plan::parse(text);
    QVERIFY(!plan.ok());
    QCOMPARE(int(plan.error().kind), int(ErrorKind::Invalid));
    QVERIFY2(plan.error().message.startsWith(message), qPrintable(plan.error().message));
    QVERIFY2(!InputText::firstHidden(plan.error().message), qPrintable(plan.error().message));
}

void TestPlan::tooLargeIsRefused()
{
    const QByteArray line("assign a@example.com sales-starter\n");
    QByteArray big;
    big.reserve(50 * 1024 * 1024);
    while (big.size() < 50 * 1024 * 1024)
        big += line;
    auto plan = Plan::parse(big);
    QVERIFY(!plan.ok());
    QVERIFY2(plan.error().message.contains(QStringLiteral("at most 32 MB")), qPrintable(plan.error().message));
}

QTEST_GUILESS_MAIN(TestPlan)
#include "tst_plan.moc"
