// seatctl export and import as real processes: both CSV profiles, a round trip
// into an empty database, the preview of --dry-run, and imports that fail
// leaving the database byte for byte as it was (R15).

#include "SeatctlFixture.h"

#include <QFile>
#include <QJsonArray>

using namespace SeatctlProcess;

class TestSeatctlImport : public QObject, protected SeatctlFixture
{
    Q_OBJECT

private slots:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void exportsBothProfiles();
    void exportsTheLedger();
    void roundTripIntoAnEmptyDatabase();
    void dryRunPrintsThePreviewAndChangesNothing();
    void failingImportsLeaveTheDatabaseUnchanged_data();
    void failingImportsLeaveTheDatabaseUnchanged();
    void importReportsWhatItDid();
    void neverReadsOrWritesTheDatabaseAsCsv();
    void optionsGoWithTheirCommands();

private:
    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir->filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    // Users as `users list --json` gives them, without the creation time.
    static QString usersOf(const QString &database)
    {
        const Run run = seatctl({ "--database", database, "--json", "users", "list" });
        QStringList lines;
        for (const QJsonValue &v : json(run).value("users").toArray()) {
            QJsonObject o = v.toObject();
            o.remove("created_at");
            lines << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
        }
        lines.sort();
        return lines.join('\n');
    }
};

void TestSeatctlImport::exportsBothProfiles()
{
    Run run = seatctl(db({ "export", "users" }));
    QCOMPARE(run.exit, 0);
    QVERIFY2(run.out.startsWith("Email,First name,Last name,Role,Sales seat,Service seat,Main team,Additional "
                                "teams\r\nada@example.com,Ada,Lovelace,super-admin,,,,\r\n"),
             qPrintable(run.out));
    QVERIFY(run.out.contains("\r\nbob@example.com,Bob,,user,sales-professional,,,\r\n"));

    const QString french = m_dir->filePath("fr.csv");
    run = seatctl(db({ "--language", "fr", "export", "users", "--for-excel", "--output", french }));
    QCOMPARE(run.exit, 0);
    QVERIFY(read(french).startsWith("\xEF\xBB\xBF"
                                    "Adresse e-mail;Prénom;Nom;Rôle;Siège Ventes;"));
    QVERIFY(read(french).contains("\r\nbob@example.com;Bob;;Utilisateur;Sales Pro;;;\r\n"));

    const QString out = m_dir->filePath("users.csv");
    run = seatctl(db({ "--json", "export", "users", "--for-excel", "--output", out }));
    QCOMPARE(run.exit, 0);
    QCOMPARE(json(run).value("rows").toInt(), 5);
    const QByteArray bytes = read(out);
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"
                             "Email,First name,"));
    QVERIFY(bytes.contains("bob@example.com,Bob,,User,Sales Professional,,,\r\n"));
}

void TestSeatctlImport::exportsTheLedger()
{
    const QString out = m_dir->filePath("ledger.csv");
    const Run run = seatctl(db({ "export", "ledger", "--output", out }));
    QCOMPARE(run.exit, 0);
    const QByteArray bytes = read(out);
    QVERIFY(bytes.startsWith("Id,Time (UTC),Actor,Action,Subject,Seat type,Before,After,Hash\r\n1,"));
    QVERIFY(bytes.contains(",ada@example.com,seat-assigned,bob@example.com,sales-professional,,sales-professional,"));
    QCOMPARE(bytes.count("\r\n"), 1 + 8);
}

void TestSeatctlImport::roundTripIntoAnEmptyDatabase()
{
    QCOMPARE(seatctl(db({ "assign", "cat@example.com", "service-starter" })).exit, 0);
    QCOMPARE(seatctl(db({ "users", "add", "=x@example.com", "--first", "=1+1", "--last", "+a, \"b\"" })).exit, 0);
    for (const char *team : { "=Ops", "Support", "Équipe Nord" })
        QCOMPARE(seatctl(db({ "teams", "add", team })).exit, 0);
    QCOMPARE(seatctl(db({ "users", "edit", "=x@example.com", "--main-team", "=Ops", "--add-team", "Support",
                          "--add-team", "Équipe Nord" }))
                 .exit,
             0);
    QCOMPARE(seatctl(db({ "users", "edit", "cat@example.com", "--main-team", "Équipe Nord" })).exit, 0);
    const QString csv = m_dir->filePath("all.csv");
    QCOMPARE(seatctl(db({ "--language", "fr", "export", "users", "--for-excel", "--output", csv })).exit, 0);

    const QString fresh = m_dir->filePath("fresh.db");
    QCOMPARE(
        seatctl({ "--database", fresh, "init", "--admin", "ada@example.com", "--first", "Ada", "--last", "Lovelace" })
            .exit,
        0);
    // No seat bought yet: the preview says what to buy, and nothing happens.
    Run run = seatctl({ "--database", fresh, "import", "users", csv });
    QCOMPARE(run.exit, 1);
    QVERIFY2(run.err.contains("Sales Professional: 1 needed, 0 free. Buy 1 more."), qPrintable(run.err));
    QCOMPARE(seatctl({ "--database", fresh, "seats", "buy", "sales-professional", "2" }).exit, 0);
    QCOMPARE(seatctl({ "--database", fresh, "seats", "buy", "service-starter", "1" }).exit, 0);
    run = seatctl({ "--database", fresh, "import", "users", csv, "--dry-run" });
    QVERIFY2(run.out.contains("Teams to create: =Ops, Support, Équipe Nord."), qPrintable(run.out));
    run = seatctl({ "--database", fresh, "import", "users", csv });
    QCOMPARE(run.exit, 0);
    QCOMPARE(usersOf(fresh), usersOf(m_path));
    QCOMPARE(seatctl({ "--database", fresh, "--json", "teams", "list" }).out,
             seatctl(db({ "--json", "teams", "list" })).out);
    QCOMPARE(seatctl({ "--database", fresh, "check" }).exit, 0);
}

void TestSeatctlImport::dryRunPrintsThePreviewAndChangesNothing()
{
    const QString csv = write("in.csv",
                              "Email,First name,Sales seat\n"
                              "new@example.com,New,Sales Professional\n"
                              "oops,Bad,\n"
                              "cat@example.com,,sales-professional\n");
    const QByteArray before = TestSupport::fileHash(m_path);
    Run run = seatctl(db({ "import", "users", csv, "--dry-run" }));
    QCOMPARE(run.exit, 1);
    QVERIFY2(run.out.contains("Line 3: The email address “oops” has no @.") && run.out.contains("1 user to create.")
                 && run.out.contains("1 user to change.")
                 && run.out.contains("Sales Professional: 2 needed, 1 free. Buy 1."),
             qPrintable(run.out));
    QCOMPARE(TestSupport::fileHash(m_path), before);

    write("in.csv", "Email,Sales seat\nnew@example.com,Sales Pro\n");
    run = seatctl(db({ "--json", "import", "users", csv, "--dry-run" }));
    QCOMPARE(run.exit, 0);
    const QJsonObject preview = json(run).value("preview").toObject();
    QCOMPARE(preview.value("create").toArray().first().toString(), QStringLiteral("new@example.com"));
    QCOMPARE(preview.value("seats").toArray().at(1).toObject().value("needed").toInt(), 1);
    QCOMPARE(TestSupport::fileHash(m_path), before);
}

void TestSeatctlImport::failingImportsLeaveTheDatabaseUnchanged_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("exit");
    QTest::addColumn<QString>("message");
    QTest::newRow("a bad row among good ones")
        << QByteArray("Email\na@example.com\nb@@example.com\nc@example.com\n") << 1 << "Line 3:";
    QTest::newRow("seats short") << QByteArray("Email,Service seat\na@example.com,service-starter\n"
                                               "b@example.com,service-starter\n")
                                 << 1 << "Buy 1 more.";
    QTest::newRow("a team name too long") << QByteArray(
        "Email,Main team,Additional teams\na@example.com,Support,\"North, " + QByteArray(300, 'x') + "\"\n")
                                          << 1 << "at most 256";
    QTest::newRow("no Email column") << QByteArray("Name\nAda\n") << 1 << "no Email column";
    QTest::newRow("a right-to-left override")
        << QByteArray("Email\nmoc.elpmaxe\xE2\x80\xAE@example.com\n") << 1 << "U+202E RIGHT-TO-LEFT OVERRIDE";
}

void TestSeatctlImport::failingImportsLeaveTheDatabaseUnchanged()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, exit);
    QFETCH(QString, message);
    const QString file = write("in.csv", csv);
    const QByteArray before = TestSupport::fileHash(m_path);
    const QString ledger = seatctl(db({ "ledger" })).out;
    const Run run = seatctl(db({ "import", "users", file }));
    QCOMPARE(run.exit, exit);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QCOMPARE(TestSupport::fileHash(m_path), before);
    QCOMPARE(seatctl(db({ "ledger" })).out, ledger);
}

void TestSeatctlImport::importReportsWhatItDid()
{
    const QString csv = write("in.csv",
                              "\xEF\xBB\xBF"
                              "Adresse e-mail;Prénom;Siège Ventes\r\n"
                              "lea@example.fr;Léa;Sales Pro\r\n"
                              "bob@example.com;;\r\n");
    const Run run = seatctl(db({ "--json", "import", "users", csv }));
    QCOMPARE(run.exit, 0);
    QCOMPARE(json(run).value("created").toInt(), 1);
    QCOMPARE(json(run).value("changed").toInt(), 1);
    const Run ledger = seatctl(db({ "--json", "ledger" }));
    const QJsonArray entries = json(ledger).value("ledger").toArray();
    QCOMPARE(entries.size(), 11);
    QCOMPARE(entries.at(8).toObject().value("action").toString(), QStringLiteral("user-created"));
    QCOMPARE(entries.at(8).toObject().value("subject").toString(), QStringLiteral("lea@example.fr"));
}

void TestSeatctlImport::neverReadsOrWritesTheDatabaseAsCsv()
{
    const QByteArray before = TestSupport::fileHash(m_path);
    Run run = seatctl(db({ "export", "users", "--output", m_path }));
    QCOMPARE(run.exit, 1);
    QVERIFY2(run.err.contains("is the database"), qPrintable(run.err));
    run = seatctl(db({ "export", "users", "--output", m_path + "-wal" }));
    QCOMPARE(run.exit, 1);
    QVERIFY(!QFile::exists(m_path + "-wal"));
    run = seatctl(db({ "import", "users", m_path }));
    QCOMPARE(run.exit, 2);
    QVERIFY(run.err.contains("is the database"));
    QCOMPARE(TestSupport::fileHash(m_path), before);
}

void TestSeatctlImport::optionsGoWithTheirCommands()
{
    QCOMPARE(seatctl(db({ "users", "list", "--dry-run" })).exit, 2);
    QCOMPARE(seatctl(db({ "import", "users" })).exit, 2);
    QCOMPARE(seatctl(db({ "import", "users", "/nonexistent/file.csv" })).exit, 2);
    QCOMPARE(seatctl(db({ "export", "people" })).exit, 2);
    QCOMPARE(seatctl(db({ "export", "users", "--dry-run" })).exit, 2);
}

QTEST_GUILESS_MAIN(TestSeatctlImport)
#include "tst_seatctlimport.moc"
