// Plan files for `seatctl apply`: what parses, and what is refused with its line number.

#include "ChunkedDevice.h"
#include "InputText.h"
#include "Plan.h"

#include <QBuffer>
#include <QFile>
#include <QTest>
#include <thread>
#include <unistd.h>

class TestPlan : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
    void tooLargeIsRefused();
    void readInPiecesIsReadWhole_data();
    void readInPiecesIsReadWhole();
    void readFromARealPipe();
    void tooLargeIsRefusedBeforeTheEndOfAPipe();
};

namespace {

// What a parse gave, as one string to compare.
QString outcome(const Result<QVector<PlanLine>> &plan)
{
    if (!plan)
        return QStringLiteral("refused %1: %2").arg(int(plan.error().kind)).arg(plan.error().message);
    QStringList got;
    for (const PlanLine &l : plan.value())
        got << QStringLiteral("%1 %2 %3 %4@%5")
                   .arg(int(l.kind))
                   .arg(l.email, seatTypeKey(l.type), productKey(l.product))
                   .arg(l.lineNumber);
    return got.join(QLatin1Char(';'));
}

} // namespace

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

void TestPlan::readInPiecesIsReadWhole_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QVector<qint64>>("pieces"); // repeated; 0: nothing for now
    // One byte at a time cuts é, ë and ä, and the BOM and CRLFs, between pieces.
    const QByteArray plan("\xEF\xBB\xBF# moving seats\r\nassign cléo@example.fr sales-starter\r\n\r\n"
                          "unassign bob@example.com service\nassign zoë@exämple.fr service-enterprise");
    const QByteArray bad("assign a@example.com sales-starter\nassign \xff\xfe@x.com sales-starter\n");
    for (const auto &[name, pieces] : std::initializer_list<std::pair<const char *, QVector<qint64>>> {
             { "one byte at a time", { 1 } },
             { "nothing, then one byte", { 0, 1 } },
             { "uneven pieces, with pauses", { 3, 0, 17, 0, 0, 2, 64 } },
             { "all at once", { 1 << 20 } } }) {
        QTest::newRow(qPrintable(QStringLiteral("plan, %1").arg(QLatin1String(name)))) << plan << pieces;
        QTest::newRow(qPrintable(QStringLiteral("bad plan, %1").arg(QLatin1String(name)))) << bad << pieces;
        QTest::newRow(qPrintable(QStringLiteral("empty plan, %1").arg(QLatin1String(name)))) << QByteArray() << pieces;
    }
}

void TestPlan::readInPiecesIsReadWhole()
{
    QFETCH(QByteArray, text);
    QFETCH(QVector<qint64>, pieces);
    int next = 0;
    ChunkedDevice device(text, [&] { return pieces.at(next++ % pieces.size()); });
    QVERIFY(device.open(QIODevice::ReadOnly));
    QCOMPARE(outcome(Plan::read(device)), outcome(Plan::parse(text)));
    QBuffer whole(&text);
    QVERIFY(whole.open(QIODevice::ReadOnly));
    QCOMPARE(outcome(Plan::read(whole)), outcome(Plan::parse(text)));
}

// `seatctl apply -` as a shell runs it: standard input a pipe, its writer slower than the reader.
void TestPlan::readFromARealPipe()
{
    QByteArray text;
    for (int i = 0; i < 2000; ++i)
        text += QStringLiteral("assign user%1@exämple.fr sales-starter\n").arg(i).toUtf8();
    int fds[2];
    QCOMPARE(::pipe(fds), 0);
    std::thread writer([&] {
        for (qsizetype at = 0; at < text.size();) {
            const qsizetype n = std::min<qsizetype>(text.size() - at, 1 + (at * 7919) % 4093);
            const ssize_t written = ::write(fds[1], text.constData() + at, size_t(n));
            if (written > 0)
                at += written;
            if (n % 5 == 0) // now and then, the reader finds the pipe empty
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        ::close(fds[1]);
    });
    QFile in;
    QVERIFY(in.open(fds[0], QIODevice::ReadOnly, QFileDevice::AutoCloseHandle));
    const auto plan = Plan::read(in);
    writer.join();
    QVERIFY(plan.ok());
    QCOMPARE(plan.value().size(), 2000);
    QCOMPARE(outcome(plan), outcome(Plan::parse(text)));
}

void TestPlan::tooLargeIsRefusedBeforeTheEndOfAPipe()
{
    const QByteArray line("assign a@example.com sales-starter\n");
    QByteArray big;
    big.reserve(50 * 1024 * 1024);
    while (big.size() < 50 * 1024 * 1024)
        big += line;
    ChunkedDevice device(big, [] { return qint64(1024 * 1024); });
    QVERIFY(device.open(QIODevice::ReadOnly));
    auto plan = Plan::read(device);
    QVERIFY(!plan.ok());
    QVERIFY2(plan.error().message.contains(QStringLiteral("at most 32 MB")), qPrintable(plan.error().message));
    QVERIFY(device.waitForReadyRead(0)); // refused without reading the rest
}

QTEST_GUILESS_MAIN(TestPlan)
#include "tst_plan.moc"
