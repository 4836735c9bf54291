// Importing users from CSV (R15): the preview, the rows refused with their
// line, all or nothing, the hostile-input table through the importer, and a
// round trip from an export into an empty database.

#include "Csv.h"
#include "HostileInput.h"
#include "ImportPreview.h"
#include "LedgerFixture.h"
#include "UserCsv.h"

#include <QTest>

class TestImport : public QObject, protected LedgerFixture
{
    Q_OBJECT

private slots:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void previewListsUsersAndSeatsAgainstFree();
    void importCreatesAndChangesInOneLedgeredTransaction();
    void frenchAndHubSpotHeadersAndSeatNames();
    void aBadRowRefusesEverything();
    void shortSeatsRefuseEverything();
    void cancelledImportChangesNothing();
    void importCreatesTeamsAndSetsMemberships();
    void badTeamNamesRefuseTheRow();
    void onlyASuperAdminImportsASuperAdmin();
    void hostileEmails_data() { HostileInput::emailRows(); }
    void hostileEmails();
    void hostileNames_data() { HostileInput::nameRows(); }
    void hostileNames();
    void hostileFiles_data();
    void hostileFiles();
    void anotherSpellingIsTheSameUser_data() { HostileInput::sameMailboxRows(); }
    void anotherSpellingIsTheSameUser();
    void roundTripIntoAnEmptyDatabase_data();
    void roundTripIntoAnEmptyDatabase();
    void exportProfiles();
};

namespace SmallAccount = TestSupport::SmallAccount;

namespace {

ImportFile fileOf(const QByteArray &csv)
{
    auto file = UserCsv::read(csv);
    if (!file)
        qFatal("%s", qPrintable(file.error().message));
    return file.takeValue();
}

QByteArray oneColumn(const QString &header, const QString &value)
{
    return Csv::write({ { header }, { value } }, { ',', false });
}

// The users and the assigned counts, without the purchases or the ledger.
QString people(const SeatLedger &ledger)
{
    QString text;
    for (const User &u : ledger.users(SeatLedger::UserOrder::Email).value())
        text += QStringLiteral("%1|%2|%3|%4|%5|%6\n")
                    .arg(u.email, u.firstName, u.lastName, roleKey(u.role), u.sales ? seatTypeKey(*u.sales) : QString(),
                         u.service ? seatTypeKey(*u.service) : QString())
            + QStringLiteral("  teams: %1 | %2\n").arg(u.mainTeam, u.additionalTeams.join(';'));
    for (const Team &t : ledger.teams().value())
        text += QStringLiteral("team %1 %2\n").arg(t.name).arg(t.members);
    for (const SeatCount &c : ledger.seatCounts().value())
        text += QStringLiteral("%1 %2\n").arg(seatTypeKey(c.type)).arg(c.assigned);
    return text;
}

} // namespace

void TestImport::previewListsUsersAndSeatsAgainstFree()
{
    // bob holds Sales Professional; 2 purchased, so 1 free.
    const int ledgerBefore = int(m_ledger->entries().value().size());
    const ImportFile file = fileOf("Email,First name,Sales seat,Service seat\n"
                                   "new1@example.com,New,sales-professional,service-starter\n"
                                   "new2@example.com,,Sales Professional,Service Starter\n"
                                   "bob@example.com,,,\n"
                                   "cat@example.com,,,\n"
                                   "not-an-address,,,\n");
    auto preview = m_ledger->previewImport(file);
    QVERIFY(preview);
    const ImportPreview &p = preview.value();
    QCOMPARE(p.toCreate.size(), 2);
    QCOMPARE(p.toChange.size(), 1); // bob loses his seat
    QCOMPARE(p.toChange.first().before.email, SmallAccount::bob);
    QCOMPARE(p.unchanged, 1);
    QCOMPARE(p.problems.size(), 1);
    QCOMPARE(p.problems.first().line, 6);
    QVERIFY2(p.problems.first().message.startsWith("Line 6: "), qPrintable(p.problems.first().message));
    QVERIFY(p.problems.first().message.contains("has no @"));
    // Sales Professional: 2 new, bob's back: net 1, 1 free. Service Starter: 2 needed, 1 free: buy 1.
    QCOMPARE(p.needed[seatTypeIndex(SeatType::SalesProfessional)], 1);
    QCOMPARE(p.toBuy(SeatType::SalesProfessional), 0);
    QCOMPARE(p.needed[seatTypeIndex(SeatType::ServiceStarter)], 2);
    QCOMPARE(p.free[seatTypeIndex(SeatType::ServiceStarter)], 1);
    QCOMPARE(p.toBuy(SeatType::ServiceStarter), 1);
    QVERIFY(!p.canImport());
    const QString summary = ImportPlanner::summary(p);
    QVERIFY2(summary.contains("Line 6:") && summary.contains("2 user(s) to create.")
                 && summary.contains("Service Starter: 2 needed, 1 free. Buy 1."),
             qPrintable(summary));
    // A preview changes nothing.
    QCOMPARE(int(m_ledger->entries().value().size()), ledgerBefore);
}

void TestImport::importCreatesAndChangesInOneLedgeredTransaction()
{
    const int ledgerBefore = int(m_ledger->entries().value().size());
    const qint64 revisionBefore = m_ledger->revision().value();
    // bob moves from Sales Professional to nothing, uma takes that seat, a new user comes with a Service seat.
    auto done = m_ledger->importUsers(fileOf("Email,First name,Last name,Role,Sales seat\n"
                                             "bob@example.com,,,,\n"
                                             "uma@example.com,,,,sales-professional\n"
                                             "zoe@example.com,Zoë,Zed,admin,Sales Professional\n"));
    QVERIFY2(done, done ? "" : qPrintable(done.error().message));
    QCOMPARE(done.value().created, 1);
    QCOMPARE(done.value().changed, 2);
    QCOMPARE(m_ledger->revision().value(), revisionBefore + 1); // one transaction
    const User zoe = m_ledger->user("zoe@example.com").value();
    QCOMPARE(zoe.firstName, QStringLiteral("Zoë"));
    QCOMPARE(zoe.role, Role::Admin);
    QCOMPARE(zoe.sales, SeatType::SalesProfessional);
    QVERIFY(!m_ledger->user(SmallAccount::bob).value().sales);
    QCOMPARE(m_ledger->user(SmallAccount::uma).value().sales, SeatType::SalesProfessional);
    // Ledgered: user-created, bob's removal, two assignments.
    const auto entries = m_ledger->entries().value();
    QCOMPARE(entries.size(), ledgerBefore + 4);
    QCOMPARE(m_ledger->check().value(), QStringList());
}

void TestImport::frenchAndHubSpotHeadersAndSeatNames()
{
    const QByteArray french = "\xEF\xBB\xBF"
                              "Adresse e-mail;Prénom;Nom;Rôle;Siège Ventes;Siège Service\r\n"
                              "lea@example.fr;Léa;Petit;Administrateur;Sales Pro;Service Starter\r\n";
    ImportFile file = fileOf(french);
    QCOMPARE(file.delimiter, ';');
    QCOMPARE(file.problems.size(), 0);
    QCOMPARE(file.rows.size(), 1);
    QCOMPARE(file.rows.first().role, Role::Admin);
    QCOMPARE(*file.rows.first().sales, SeatType::SalesProfessional);
    QCOMPARE(*file.rows.first().service, SeatType::ServiceStarter);

    const QByteArray hubspot = "First Name,Last Name,Email *,Sales Hub seat,Unrelated column\n"
                               "Ian,Ng,ian@example.com,SALES ENTREPRISE,whatever\n";
    file = fileOf(hubspot);
    QCOMPARE(file.problems.size(), 0);
    QCOMPARE(file.rows.first().email, QStringLiteral("ian@example.com"));
    QCOMPARE(file.rows.first().firstName, QStringLiteral("Ian"));
    QCOMPARE(*file.rows.first().sales, SeatType::SalesEnterprise);
    QVERIFY(!file.rows.first().service); // no such column: left as it is

    auto none = UserCsv::read("Name,Phone\nAda,1\n");
    QVERIFY(!none);
    QVERIFY(none.error().message.contains("no Email column"));
    auto twice = UserCsv::read("Email,E-mail\na@example.com,b@example.com\n");
    QVERIFY(!twice);
    QVERIFY(twice.error().message.contains("are the same column"));

    file = fileOf("Email,Sales seat,Service seat\n"
                  "a@example.com,service-starter,\n"
                  "b@example.com,Sales Gold,\n"
                  "a@example.com,,\n");
    QCOMPARE(file.problems.size(), 2);
    QVERIFY(file.problems.at(0).message.contains("Line 2: Service Starter is not a Sales Hub seat."));
    QVERIFY(file.problems.at(1).message.contains("Line 3: unknown seat “Sales Gold” in the Sales seat column."));
    file = fileOf("Email\nA@example.com\na@EXAMPLE.com\n");
    QCOMPARE(file.problems.size(), 1);
    QCOMPARE(file.problems.first().message, QStringLiteral("Line 3: “a@EXAMPLE.com” is already on line 2."));
}

void TestImport::aBadRowRefusesEverything()
{
    const QString before = TestSupport::snapshot(*m_ledger);
    auto done = m_ledger->importUsers(fileOf("Email,Last name\n"
                                             "good@example.com,Good\n"
                                             "bad@@example.com,Bad\n"));
    QVERIFY(!done);
    QCOMPARE(done.error().kind, ErrorKind::Invalid);
    QVERIFY2(done.error().message.contains("1 bad row(s); nothing was imported.")
                 && done.error().message.contains("Line 3:"),
             qPrintable(done.error().message));
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);
}

void TestImport::shortSeatsRefuseEverything()
{
    const QString before = TestSupport::snapshot(*m_ledger);
    auto done = m_ledger->importUsers(fileOf("Email,Service seat\n"
                                             "n1@example.com,service-starter\n"
                                             "n2@example.com,service-starter\n"
                                             "n3@example.com,service-starter\n"));
    QVERIFY(!done);
    QCOMPARE(done.error().kind, ErrorKind::NoFreeSeat);
    QVERIFY2(done.error().message.contains("Service Starter: 3 needed, 1 free. Buy 2 more."),
             qPrintable(done.error().message));
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);
}

void TestImport::cancelledImportChangesNothing()
{
    QByteArray csv = "Email\n";
    for (int i = 0; i < 2500; ++i)
        csv += QStringLiteral("u%1@example.com\n").arg(i).toUtf8();
    const QString before = TestSupport::snapshot(*m_ledger);
    int calls = 0;
    auto done = m_ledger->importUsers(fileOf(csv), [&](int done, int total) {
        ++calls;
        [&] {
            QCOMPARE(total, 2500);
        }();
        return done < 2000;
    });
    QVERIFY(!done);
    QVERIFY(done.error().message.contains("cancelled"));
    QCOMPARE(calls, 2);
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);
}

void TestImport::importCreatesTeamsAndSetsMemberships()
{
    QVERIFY(m_ledger->createTeam("Sales EMEA"));
    QVERIFY(m_ledger->createTeam("Support"));
    UserEdit toSupport;
    toSupport.mainTeam = QStringLiteral("Support");
    QVERIFY(m_ledger->editUser(SmallAccount::bob, toSupport));

    // The main team named again among the additional ones is only the main team;
    // an existing team in another letter case is that team.
    const ImportFile file = fileOf("Email,Main team,Additional teams\n"
                                   "new@example.com,sales emea,\"North, South, Sales EMEA\"\n"
                                   "bob@example.com,,North\n");
    QCOMPARE(file.problems.size(), 0);
    QCOMPARE(file.rows.at(0).additionalTeams, QStringList({ "North", "South" }));
    auto preview = m_ledger->previewImport(file);
    QVERIFY(preview);
    QCOMPARE(preview.value().teamsToCreate, QStringList({ "North", "South" }));
    QCOMPARE(preview.value().toCreate.size(), 1);
    QCOMPARE(preview.value().toChange.size(), 1);
    QVERIFY(ImportPlanner::summary(preview.value()).contains("Teams to create: North, South."));

    auto done = m_ledger->importUsers(file);
    QVERIFY2(done, done ? "" : qPrintable(done.error().message));
    const User created = m_ledger->user("new@example.com").value();
    QCOMPARE(created.mainTeam, QString("Sales EMEA"));
    QCOMPARE(created.additionalTeams, QStringList({ "North", "South" }));
    const User bob = m_ledger->user(SmallAccount::bob).value();
    QCOMPARE(bob.mainTeam, QString());
    QCOMPARE(bob.additionalTeams, QStringList({ "North" }));
    QStringList names;
    for (const Team &t : m_ledger->teams().value())
        names << QStringLiteral("%1:%2").arg(t.name).arg(t.members);
    QCOMPARE(names, QStringList({ "North:2", "Sales EMEA:1", "South:1", "Support:0" }));
    QCOMPARE(m_ledger->check().value(), QStringList());

    // A file without team columns leaves everyone's teams as they are.
    QVERIFY(m_ledger->importUsers(fileOf("Email,Sales seat\nbob@example.com,\n")));
    QCOMPARE(m_ledger->user(SmallAccount::bob).value().additionalTeams, QStringList({ "North" }));
    // Importing the same file again changes nothing and creates no team.
    preview = m_ledger->previewImport(file);
    QCOMPARE(preview.value().teamsToCreate, QStringList());
    QCOMPARE(preview.value().unchanged, 2);
}

void TestImport::badTeamNamesRefuseTheRow()
{
    const ImportFile file = fileOf("Email,Main team,Additional teams\n"
                                   "a@example.com,Good,\n"
                                   "b@example.com,\"Bad\xE2\x80\xAE\",\n"
                                   "c@example.com,,\"North, "
                                   + QByteArray(300, 'x') + "\"\n");
    QCOMPARE(file.rows.size(), 1);
    QCOMPARE(file.problems.size(), 2);
    QCOMPARE(file.problems.at(0).line, 3);
    QVERIFY2(file.problems.at(0).message.contains("U+202E"), qPrintable(file.problems.at(0).message));
    QCOMPARE(file.problems.at(1).line, 4);
    QVERIFY2(file.problems.at(1).message.contains("at most 256"), qPrintable(file.problems.at(1).message));
    // One bad row and nothing is imported: not even the team of a good row.
    QVERIFY(!m_ledger->importUsers(file));
    QCOMPARE(m_ledger->teams().value().size(), 0);
}

void TestImport::onlyASuperAdminImportsASuperAdmin()
{
    QVERIFY(m_ledger->setActor(SmallAccount::ben)); // an Admin
    const QString before = TestSupport::snapshot(*m_ledger);
    const ImportFile file = fileOf("Email,Role\nboss@example.com,Super admin\n");
    QCOMPARE(m_ledger->previewImport(file).value().problems.size(), 1);
    QVERIFY(!m_ledger->importUsers(file));
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);
    QVERIFY(m_ledger->setActor(SmallAccount::uma)); // a User: nothing at all
    auto done = m_ledger->importUsers(fileOf("Email\nx@example.com\n"));
    QVERIFY(!done);
    QCOMPARE(done.error().kind, ErrorKind::NotAuthorized);
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);
}

void TestImport::hostileEmails()
{
    QFETCH(QString, email);
    QFETCH(QString, refusal);
    const QString before = TestSupport::snapshot(*m_ledger);
    // A name beside it, so that an empty address is not a blank line (which is skipped).
    const ImportFile file = fileOf(Csv::write({ { "Email", "First name" }, { email, "X" } }, {}));
    auto done = m_ledger->importUsers(file);
    if (refusal.isEmpty()) {
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
        QCOMPARE(m_ledger->user(email).value().email, email); // stored exactly
        return;
    }
    QVERIFY(!done);
    QCOMPARE(file.problems.size(), 1);
    QCOMPARE(file.problems.first().line, 2);
    const QString expected = email.contains(QChar(0)) ? QStringLiteral("NUL") : refusal;
    QVERIFY2(file.problems.first().message.contains(expected), qPrintable(file.problems.first().message));
    QVERIFY(done.error().message.contains(expected));
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);
}

void TestImport::hostileNames()
{
    QFETCH(QString, name);
    QFETCH(QString, refusal);
    const QString before = TestSupport::snapshot(*m_ledger);
    const ImportFile file = fileOf(
        Csv::write({ { "Email", "First name", "Last name" }, { "named@example.com", name, name } }, { ';', true }));
    auto done = m_ledger->importUsers(file);
    if (refusal.isEmpty()) {
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
        QCOMPARE(m_ledger->user("named@example.com").value().firstName, name);
        QCOMPARE(m_ledger->user("named@example.com").value().lastName, name);
        return;
    }
    QVERIFY(!done);
    QCOMPARE(file.problems.size(), 1);
    const QString expected = name.contains(QChar(0)) ? QStringLiteral("NUL") : refusal;
    QVERIFY2(file.problems.first().message.contains(expected), qPrintable(file.problems.first().message));
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);
}

void TestImport::hostileFiles_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("refusal");
    QTest::newRow("invalid UTF-8") << QByteArray("Email,First name\nx@example.com,\xFF\xFE\n")
                                   << "Line 2: the text is not valid UTF-8.";
    QTest::newRow("a very long line") << QByteArray("Email,First name\nx@example.com,") + QByteArray(1 << 20, 'x')
            + "\n"
                                      << "Line 2: The first name";
    QTest::newRow("more fields than columns") << QByteArray("Email\nx@example.com,extra\n")
                                              << "Line 2: the line has 2 fields, but the header names 1 columns.";
    QTest::newRow("an unclosed quote") << QByteArray("Email\n\"x@example.com\ny@example.com\n")
                                       << "Line 2: the quote opened on line 2 is never closed.";
    QTest::newRow("bidi control in a seat") << QByteArray("Email,Sales seat\nx@example.com,sales-pro\xE2\x80\xAE\n")
                                            << "Line 2: unknown seat “sales-pro\\u202E”";
    QTest::newRow("a formula in the role")
        << QByteArray("Email,Role\nx@example.com,=cmd|' /C calc'!A0\n") << "Line 2: unknown role";
}

void TestImport::hostileFiles()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, refusal);
    const QString before = TestSupport::snapshot(*m_ledger);
    const ImportFile file = fileOf(csv);
    QCOMPARE(file.problems.size(), 1);
    QVERIFY2(file.problems.first().message.contains(refusal), qPrintable(file.problems.first().message.left(300)));
    QVERIFY(!m_ledger->importUsers(file));
    QCOMPARE(TestSupport::snapshot(*m_ledger), before);
}

void TestImport::anotherSpellingIsTheSameUser()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QVERIFY(createPlain(*m_ledger, first));
    const int users = int(m_ledger->users().value().size());
    auto done = m_ledger->importUsers(fileOf(oneColumn("Email", second)));
    QVERIFY(done);
    QCOMPARE(done.value().created, 0);
    QCOMPARE(int(m_ledger->users().value().size()), users);
    const ImportFile both = fileOf(Csv::write({ { "Email" }, { "new@example.com" }, { first }, { second } }, {}));
    QCOMPARE(both.problems.size(), 1);
    QVERIFY(both.problems.first().message.contains("is already on line 3"));
}

void TestImport::roundTripIntoAnEmptyDatabase_data()
{
    QTest::addColumn<bool>("forExcel");
    QTest::addColumn<QString>("language");
    QTest::newRow("RFC 4180") << false << "en";
    QTest::newRow("For Excel, English") << true << "en";
    QTest::newRow("For Excel, French") << true << "fr";
}

void TestImport::roundTripIntoAnEmptyDatabase()
{
    QFETCH(bool, forExcel);
    QFETCH(QString, language);
    // People a spreadsheet would misread: formulas, commas, quotes, line-breaking names aside.
    NewUser odd;
    odd.email = QStringLiteral("=sum@example.com");
    odd.firstName = QStringLiteral("-Ann, \"the\"");
    odd.lastName = QStringLiteral("@home; 'x");
    odd.role = Role::Admin;
    odd.service = SeatType::ServiceStarter;
    QVERIFY(m_ledger->createUser(odd));
    QVERIFY(m_ledger->assignSeat(SmallAccount::cat, SeatType::SalesProfessional));
    // Teams too, one of them formula-like (a team nobody is in is not in a users' file).
    for (const char *team : { "=Ops", "Support", "Zeta team" })
        QVERIFY(m_ledger->createTeam(team));
    UserEdit teams;
    teams.mainTeam = QStringLiteral("=Ops");
    teams.addTeams = QStringList { "Support", "Zeta team" };
    QVERIFY(m_ledger->editUser(odd.email, teams));
    teams.mainTeam = QStringLiteral("Support");
    teams.addTeams = QStringList { "Zeta team" };
    QVERIFY(m_ledger->editUser(SmallAccount::cat, teams));

    const QByteArray csv = UserCsv::write(m_ledger->users().value(), { forExcel, language });
    QCOMPARE(csv.startsWith("\xEF\xBB\xBF"), forExcel);
    auto fresh = SeatLedger::create(m_dir->filePath("fresh.db"), SmallAccount::ada, "Ada", "Lovelace");
    QVERIFY(fresh);
    for (const SeatCount &c : m_ledger->seatCounts().value()) {
        if (c.purchased > 0)
            QVERIFY(fresh.value()->buySeats(c.type, c.purchased));
    }
    auto done = fresh.value()->importUsers(fileOf(csv));
    QVERIFY2(done, done ? "" : qPrintable(done.error().message));
    QCOMPARE(people(*fresh.value()), people(*m_ledger));
    QCOMPARE(fresh.value()->check().value(), QStringList());
}

void TestImport::exportProfiles()
{
    const QVector<User> users = m_ledger->users().value();
    const QByteArray plain = UserCsv::write(users, { false, QStringLiteral("fr") });
    QVERIFY(plain.startsWith("Email,First name,Last name,Role,Sales seat,Service seat,Main team,Additional teams\r\n"));
    QVERIFY(plain.contains("\r\nbob@example.com,Bob,,user,sales-professional,,,\r\n"));
    const QByteArray excelFr = UserCsv::write(users, { true, QStringLiteral("fr") });
    QVERIFY(excelFr.startsWith("\xEF\xBB\xBF"
                               "Adresse e-mail;Prénom;Nom;Rôle;Siège Ventes;Siège Service;Équipe principale;"
                               "Équipes supplémentaires\r\n"));
    QVERIFY(excelFr.contains("\r\nbob@example.com;Bob;;Utilisateur;Sales Pro;;;\r\n"));
    const QByteArray excelEn = UserCsv::write(users, { true, QStringLiteral("en") });
    QVERIFY(excelEn.contains("\r\nbob@example.com,Bob,,User,Sales Professional,,,\r\n"));
}

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
