// The CSV reader and writer (RFC 4180) under the users import: quoting, line
// breaks, delimiters, byte order marks, and every record's line number.

#include "Csv.h"

#include <QTest>

class TestCsv : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void detectsTheDelimiterFromTheHeaderLine_data();
    void detectsTheDelimiterFromTheHeaderLine();
    void badRecordsKeepTheirLineAndTheRestIsRead();
    void writesWhatItReadsBack_data();
    void writesWhatItReadsBack();
    void writerQuotesOnlyWhatNeedsIt();
    void neutralizesFormulas_data();
    void neutralizesFormulas();
    void tooLargeIsRefused();
};

namespace {

// Records as "line:field|field" joined by " / "; a problem as "line!problem".
QString outcome(const Csv::Table &table)
{
    QStringList got;
    for (const CsvRecord &r : table.records)
        got << (r.problem.isEmpty() ? QStringLiteral("%1:%2").arg(r.line).arg(r.fields.join(QLatin1Char('|')))
                                    : QStringLiteral("%1!%2").arg(r.line).arg(r.problem));
    return got.join(QStringLiteral(" / "));
}

} // namespace

void TestCsv::parses_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain, LF") << QByteArray("a,b\nc,d\n") << "1:a|b / 2:c|d";
    QTest::newRow("CRLF, no final line end") << QByteArray("a,b\r\nc,d") << "1:a|b / 2:c|d";
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF"
                                                   "a,b\r\n")
                                     << "1:a|b";
    QTest::newRow("quoted delimiter and doubled quote")
        << QByteArray("\"x,y\",\"say \"\"hi\"\"\"\n") << "1:x,y|say \"hi\"";
    QTest::newRow("line break inside quotes: the next record's line follows")
        << QByteArray("\"one\ntwo\",b\nc,d\n") << "1:one\ntwo|b / 3:c|d";
    QTest::newRow("CRLF inside quotes is kept") << QByteArray("\"a\r\nb\"\r\nc\r\n") << "1:a\r\nb / 3:c";
    QTest::newRow("empty fields") << QByteArray(",,\n") << "1:||";
    QTest::newRow("blank line") << QByteArray("a\n\nb\n") << "1:a / 2: / 3:b";
    QTest::newRow("semicolons") << QByteArray("a;b;c,d\ne;f,g\n") << "1:a|b|c,d / 2:e|f,g";
    QTest::newRow("UTF-8") << QByteArray("Prénom,Équipe\nZoë,Ventes\n") << "1:Prénom|Équipe / 2:Zoë|Ventes";
    QTest::newRow("a lone CR ends a line") << QByteArray("a\rb\r") << "1:a / 2:b";
}

void TestCsv::parses()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    auto table = Csv::parse(data);
    QVERIFY(table);
    QCOMPARE(outcome(table.value()), expected);
}

void TestCsv::detectsTheDelimiterFromTheHeaderLine_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<char>("delimiter");
    QTest::newRow("commas") << QByteArray("Email,First name,Last name\n") << ',';
    QTest::newRow("semicolons (Excel in French)") << QByteArray("Adresse e-mail;Prénom;Nom\n") << ';';
    QTest::newRow("commas inside quotes do not count")
        << QByteArray("\"Email, work\";\"Name, full\";Role\nx,y,z,w\n") << ';';
    QTest::newRow("only the first line counts") << QByteArray("a,b\n;;;;;;\n") << ',';
    QTest::newRow("after a byte order mark") << QByteArray("\xEF\xBB\xBF;a;b") << ';';
    QTest::newRow("one column") << QByteArray("Email\n") << ',';
}

void TestCsv::detectsTheDelimiterFromTheHeaderLine()
{
    QFETCH(QByteArray, data);
    QFETCH(char, delimiter);
    QCOMPARE(Csv::detectDelimiter(data), delimiter);
    QCOMPARE(Csv::parse(data).value().delimiter, delimiter);
}

void TestCsv::badRecordsKeepTheirLineAndTheRestIsRead()
{
    const QByteArray data = QByteArray("h1,h2\n"
                                       "ok,1\n"
                                       "bad \"quote\",2\n"
                                       "\"closed\"junk,3\n"
                                       "\xC3\x28,4\n")
        + QByteArray("nul", 3) + QByteArray(1, '\0') + QByteArray(",5\n") + QByteArray("last,6\n\"never closed,7\n8\n");
    auto table = Csv::parse(data);
    QVERIFY(table);
    const auto &r = table.value().records;
    QCOMPARE(r.size(), 8);
    QCOMPARE(r.at(1).fields, QStringList({ "ok", "1" }));
    QCOMPARE(r.at(2).line, 3);
    QVERIFY2(r.at(2).problem.contains("field 1 has a quote inside it"), qPrintable(r.at(2).problem));
    QCOMPARE(r.at(3).line, 4);
    QVERIFY2(r.at(3).problem.contains("text after the closing quote of field 1"), qPrintable(r.at(3).problem));
    QCOMPARE(r.at(4).line, 5);
    QVERIFY(r.at(4).problem.contains("not valid UTF-8"));
    QCOMPARE(r.at(5).line, 6);
    QVERIFY(r.at(5).problem.contains("NUL"));
    QCOMPARE(r.at(6).fields, QStringList({ "last", "6" }));
    QCOMPARE(r.at(7).line, 8);
    QVERIFY2(r.at(7).problem.contains("the quote opened on line 8 is never closed"), qPrintable(r.at(7).problem));
}

void TestCsv::writesWhatItReadsBack_data()
{
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<bool>("bom");
    QTest::newRow("RFC 4180") << ',' << false;
    QTest::newRow("For Excel, French") << ';' << true;
}

void TestCsv::writesWhatItReadsBack()
{
    QFETCH(char, delimiter);
    QFETCH(bool, bom);
    const QVector<QStringList> records {
        { "Email", "Name", "Notes" },
        { "ada@example.com", "Ada, Countess", "said \"hi\"" },
        { "b@example.com", "semi;colon", "two\nlines" },
        { "c@example.com", " padded ", "" },
        { "d@example.com", "Zoë 👩‍💻", "\r\nCRLF" },
    };
    const QByteArray bytes = Csv::write(records, { delimiter, bom });
    QCOMPARE(bytes.startsWith("\xEF\xBB\xBF"), bom);
    QVERIFY(bytes.endsWith("\r\n"));
    auto table = Csv::parse(bytes);
    QVERIFY(table);
    QCOMPARE(table.value().delimiter, delimiter);
    QCOMPARE(table.value().records.size(), records.size());
    for (int i = 0; i < records.size(); ++i) {
        QVERIFY(table.value().records.at(i).problem.isEmpty());
        QCOMPARE(table.value().records.at(i).fields, records.at(i));
    }
}

void TestCsv::writerQuotesOnlyWhatNeedsIt()
{
    QCOMPARE(Csv::write({ { "a", "b c", "d,e", "f\"g", "h;i" } }, { ',', false }),
             QByteArray("a,b c,\"d,e\",\"f\"\"g\",h;i\r\n"));
    QCOMPARE(Csv::write({ { "d,e", "h;i" } }, { ';', false }), QByteArray("d,e;\"h;i\"\r\n"));
}

void TestCsv::neutralizesFormulas_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("written");
    QTest::newRow("=") << "=HYPERLINK(\"http://x\")"
                       << "'=HYPERLINK(\"http://x\")";
    QTest::newRow("+") << "+1"
                       << "'+1";
    QTest::newRow("-") << "-2+3"
                       << "'-2+3";
    QTest::newRow("@") << "@SUM(A1)"
                       << "'@SUM(A1)";
    QTest::newRow("tab") << "\t=1"
                         << "'\t=1";
    QTest::newRow("CR") << "\r=1"
                        << "'\r=1";
    QTest::newRow("a quote before =") << "'=1"
                                      << "''=1";
    QTest::newRow("plain") << "Ada"
                           << "Ada";
    QTest::newRow("a quote before text stays") << "'Ada"
                                               << "'Ada";
    QTest::newRow("= inside") << "a=b"
                              << "a=b";
    QTest::newRow("empty") << ""
                           << "";
}

void TestCsv::neutralizesFormulas()
{
    QFETCH(QString, cell);
    QFETCH(QString, written);
    QCOMPARE(Csv::neutralized(cell), written);
    QCOMPARE(Csv::unneutralized(written), cell);
}

void TestCsv::tooLargeIsRefused()
{
    auto table = Csv::parse(QByteArray(2000, 'a'), 1000);
    QVERIFY(!table);
    QCOMPARE(table.error().kind, ErrorKind::Invalid);
    QVERIFY(table.error().message.contains("at most"));
}

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
