// seatkeeper-bench: generates an account of N users and measures, each as the
// median of several runs, what an admin waits for. See README ▸ Performance.

#include "HistoryModel.h"
#include "HistoryPage.h"
#include "Language.h"
#include "LedgerChain.h"
#include "LedgerWatcher.h"
#include "PaidUsersModel.h"
#include "PaidUsersPage.h"
#include "SampleAccount.h"
#include "SeatLedger.h"
#include "SettingsWindow.h"
#include "UserCsv.h"
#include "UsersModel.h"

#include <algorithm>
#include <ctime>
#include <functional>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QThread>
#include <QUrl>
#include <sqlite3.h>
#include <sys/resource.h>
#include <time.h>

namespace {

QTextStream out(stdout);

double median(QVector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : (v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2);
}

double ms(const QElapsedTimer &t)
{
    return t.nsecsElapsed() / 1e6;
}

// Runs `once` `runs` times and gives the median of what it returns (milliseconds).
double medianOf(int runs, const std::function<double()> &once)
{
    QVector<double> times;
    for (int i = 0; i < runs; ++i)
        times.append(once());
    return median(times);
}

// The calling thread's CPU time: what the GUI thread itself spends, whatever
// else the machine runs meanwhile.
double threadCpuMs()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

long peakRssMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

// The real window (SEATKEEPER_PATH) on `database`, driven through its automation
// protocol: shown, its check on open finished, the grid opened on `gridCell`
// (EMAIL SEATTYPE, a seat that person holds: nothing changes). Its peak
// resident memory in MB (VmHWM), or -1 if it did not get there.
qint64 windowPeakRssMb(const QString &database, const QString &home, const QString &gridCell)
{
    QProcess window;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SEATKEEPER_AUTOMATION"), QStringLiteral("1"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config")); // not the bench user's recent list
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    window.setProcessEnvironment(env);
    window.start(QStringLiteral(SEATKEEPER_PATH),
                 { QStringLiteral("--database"), database, QStringLiteral("--as"), QStringLiteral("admin@example.com"),
                   QStringLiteral("--language"), QStringLiteral("en") });
    window.waitForStarted(30000);
    const auto answer = [&window](const QByteArray &line) {
        if (!line.isEmpty()) {
            window.write(line + '\n');
            window.waitForBytesWritten(5000);
        }
        QElapsedTimer waited;
        waited.start();
        while (!window.canReadLine() && window.state() == QProcess::Running && waited.elapsed() < 600000)
            window.waitForReadyRead(100);
        return window.readLine().trimmed();
    };
    qint64 peak = -1;
    QByteArray said;
    const auto expect = [&](const QByteArray &line, const char *start) {
        said = answer(line);
        return said.startsWith(start);
    };
    if (expect({}, "ready") && expect("audit", "audit") && expect("grid " + gridCell.toUtf8() + " on", "saved")) {
        QFile status(QStringLiteral("/proc/%1/status").arg(window.processId()));
        if (status.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : status.readAll().split('\n')) {
                if (line.startsWith("VmHWM:"))
                    peak = line.mid(6).trimmed().split(' ').first().toLongLong() / 1024;
            }
        }
    }
    if (peak < 0)
        QTextStream(stderr) << "the window did not open its grid (" << said << "): " << window.readAllStandardError()
                            << '\n';
    window.write("quit\n");
    window.closeWriteChannel();
    if (!window.waitForFinished(60000))
        window.kill();
    return peak;
}

// The floor: what the sqlite3 library alone takes to read the rows the open step reads.
double sqliteFloorMs(const QString &path)
{
    QElapsedTimer t;
    t.start();
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT u.id, u.email, u.first_name, u.last_name, u.role, u.created_at, s.seat_type, "
                       "v.seat_type FROM users u "
                       "LEFT JOIN assignments s ON s.user_id = u.id AND s.product = 'sales' "
                       "LEFT JOIN assignments v ON v.user_id = u.id AND v.product = 'service' ORDER BY u.id",
                       -1, &stmt, nullptr);
    qint64 bytes = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        bytes += sqlite3_column_int64(stmt, 0);
        for (int c = 1; c < 8; ++c)
            bytes += sqlite3_column_bytes(stmt, c) + (sqlite3_column_text(stmt, c) ? 1 : 0);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    const double elapsed = ms(t);
    return bytes > 0 ? elapsed : -1;
}

// Grows the ledger to `total` entries, as years of work would: seats assigned
// and removed again for people of the account, by a handful of admins, a
// purchase or a release now and then — each entry chained to the one before,
// written in one transaction through sqlite3 (a million SeatLedger changes,
// one fsync each, would take hours). Returns the entries added, or -1.
qint64 growLedger(const QString &path, qint64 total)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
        return -1;
    const auto scalarText = [db](const char *sql) {
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
        QString text;
        if (sqlite3_step(stmt) == SQLITE_ROW)
            text = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
        return text;
    };
    qint64 lastId = scalarText("SELECT COALESCE(MAX(id), 0) FROM ledger").toLongLong();
    QString prevHash = scalarText("SELECT hash FROM ledger ORDER BY id DESC LIMIT 1");
    QDateTime at
        = QDateTime::fromString(scalarText("SELECT at_utc FROM ledger ORDER BY id DESC LIMIT 1"), Qt::ISODateWithMs);
    // Each user with their seats, and the purchased counts: the entries come in
    // pairs that undo each other, so that a replay of the grown ledger still
    // gives the account as it stands (the window's check on open finds it sound).
    QStringList emails;
    QVector<std::array<QString, ProductCount>> seats;
    {
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(db,
                           "SELECT u.email,"
                           " (SELECT seat_type FROM assignments a WHERE a.user_id = u.id AND a.product = 'sales'),"
                           " (SELECT seat_type FROM assignments a WHERE a.user_id = u.id AND a.product = 'service')"
                           " FROM users u ORDER BY u.id",
                           -1, &stmt, nullptr);
        const auto text = [&stmt](int column) {
            const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(stmt, column));
            return bytes ? QString::fromUtf8(bytes) : QString();
        };
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            emails << text(0);
            seats.append({ text(1), text(2) });
        }
        sqlite3_finalize(stmt);
    }
    std::array<qint64, SeatTypeCount> purchased {};
    for (SeatType t : allSeatTypes())
        purchased[size_t(seatTypeIndex(t))]
            = scalarText(QStringLiteral("SELECT purchased FROM seat_types WHERE type = '%1'")
                             .arg(seatTypeKey(t))
                             .toUtf8()
                             .constData())
                  .toLongLong();
    const qint64 adding = total - lastId;
    if (adding <= 0 || emails.size() < 10) {
        sqlite3_close(db);
        return 0;
    }
    const QStringList actors = emails.mid(0, 5);
    sqlite3_exec(db, "PRAGMA synchronous = OFF", nullptr, nullptr, nullptr);
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO ledger (id, at_utc, actor, action, subject, seat_type, old_value, new_value, "
                       "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       -1, &insert, nullptr);
    quint32 state = 12345;
    const auto next = [&state](quint32 below) {
        state = state * 1664525u + 1013904223u;
        return (state >> 8) % below;
    };
    const auto &types = allSeatTypes();
    const auto bind = [insert](int column, const QString &text) {
        const QByteArray bytes = text.toUtf8();
        sqlite3_bind_text(insert, column, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
    };
    LedgerEntry undo; // the second of a pair
    for (qint64 i = 0; i < adding - adding % 2; ++i) { // whole pairs
        at = at.addMSecs(1 + next(50));
        LedgerEntry e;
        if (i % 2 == 1) {
            e = undo;
        } else if (i % 1000 == 998) { // seats bought, then released
            const SeatType type = types[next(SeatTypeCount)];
            const qint64 count = purchased[size_t(seatTypeIndex(type))];
            e.action = LedgerAction::SeatsBought;
            e.seatType = seatTypeKey(type);
            e.before = QString::number(count);
            e.after = QString::number(count + 1);
            undo = e;
            undo.action = LedgerAction::SeatsReleased;
            std::swap(undo.before, undo.after);
        } else { // a seat removed and given back, or given and removed
            const int who = int(next(quint32(emails.size())));
            const int product = int(next(ProductCount));
            const QString held = seats[who][size_t(product)];
            const QString type = held.isEmpty()
                ? seatTypeKey(
                    types[size_t(product * SeatTypeCount / ProductCount + int(next(SeatTypeCount / ProductCount)))])
                : held;
            e.subject = emails.at(who);
            e.seatType = type;
            e.action = held.isEmpty() ? LedgerAction::SeatAssigned : LedgerAction::SeatRemoved;
            e.before = held.isEmpty() ? QString() : type;
            e.after = held.isEmpty() ? type : QString();
            undo = e;
            undo.action = held.isEmpty() ? LedgerAction::SeatRemoved : LedgerAction::SeatAssigned;
            std::swap(undo.before, undo.after);
        }
        e.id = ++lastId;
        e.at = at;
        e.actor = actors.at(int(next(quint32(actors.size()))));
        e.prevHash = prevHash;
        const QString atText = LedgerChain::timeText(e.at);
        e.hash = LedgerChain::hashOf(e, atText);
        sqlite3_bind_int64(insert, 1, e.id);
        bind(2, atText);
        bind(3, e.actor);
        bind(4, e.action);
        bind(5, e.subject);
        bind(6, e.seatType);
        bind(7, e.before);
        bind(8, e.after);
        bind(9, e.prevHash);
        bind(10, e.hash);
        if (sqlite3_step(insert) != SQLITE_DONE) {
            sqlite3_finalize(insert);
            sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
            sqlite3_close(db);
            return -1;
        }
        sqlite3_reset(insert);
        prevHash = e.hash;
    }
    sqlite3_finalize(insert);
    sqlite3_exec(db, "UPDATE meta SET value = value + 1 WHERE key = 'revision'", nullptr, nullptr, nullptr);
    const bool committed = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return committed ? adding : -1;
}

// N/10 users holding a seat, with the product of that seat.
QVector<QPair<int, Product>> holders(const PaidUsersModel &model, int count)
{
    QVector<QPair<int, Product>> picked;
    for (int row = 0; row < model.rowCount() && picked.size() < count; ++row) {
        for (Product p : allProducts()) {
            if (model.seatAt(row, p) && picked.size() < count) {
                picked.append({ row, p });
                break;
            }
        }
    }
    return picked;
}

// Runs one statement on the maintenance database `uri` names (a bench's
// database is created and dropped there); empty, or the server's error.
QString onServer(const QString &uri, const QString &sql)
{
    QString error;
    {
        const QUrl url(uri);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bench-admin"));
        db.setHostName(url.host());
        if (url.port() > 0)
            db.setPort(url.port());
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
        if (!db.open())
            error = db.lastError().text();
        else if (QSqlQuery q(db); !q.exec(sql))
            error = q.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-admin"));
    return error;
}

// import_ms: the exported account, as a file in memory, imported into an
// empty database with the same seats purchased: read, checked, previewed and
// applied in one transaction, as Import users and `seatctl import` do it.
// The processor time of each import (all threads), for a machine shared with other work.
QVector<double> importCpuMs;

double importMs(const SeatLedger &source, const QString &folder, int run)
{
    const QByteArray csv = UserCsv::write(source.users().value(), { true, QStringLiteral("fr") });
    const QString target = folder + QStringLiteral("/import-%1.db").arg(run);
    auto fresh = SeatLedger::create(target, QStringLiteral("admin@example.com"), QStringLiteral("Ada"),
                                    QStringLiteral("Admin"));
    if (!fresh)
        return -1;
    for (const SeatCount &c : source.seatCounts().value()) {
        for (int left = c.purchased; left > 0; left -= SeatLedger::MaxSeatsPerPurchase)
            fresh.value()->buySeats(c.type, std::min(left, SeatLedger::MaxSeatsPerPurchase));
    }
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpu = std::clock();
    auto file = UserCsv::read(csv);
    auto done = file ? fresh.value()->importUsers(file.value()) : Result<SeatLedger::ImportDone>(file.error());
    const double took = ms(timer);
    importCpuMs.append(double(std::clock() - cpu) * 1000.0 / CLOCKS_PER_SEC);
    if (!done) {
        QTextStream(stderr) << "import failed: " << done.error().message.left(500) << '\n';
        return -1;
    }
    fresh.value().reset();
    QFile::remove(target);
    return took;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("seatkeeper-bench"));
    Language::install(QStringLiteral("en"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures Seatkeeper on a generated account."));
    parser.addHelpOption();
    const QCommandLineOption usersOption(QStringLiteral("users"), QStringLiteral("Users to generate (100000)."),
                                         QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per figure (5)."),
                                        QStringLiteral("R"), QStringLiteral("5"));
    const QCommandLineOption ledgerOption(QStringLiteral("ledger"),
                                          QStringLiteral("Ledger entries to grow the ledger to (10 per user)."),
                                          QStringLiteral("N"));
    const QCommandLineOption keepOption(QStringLiteral("keep"), QStringLiteral("Leave the database at PATH."),
                                        QStringLiteral("PATH"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("One JSON object on the last line."));
    const QCommandLineOption databaseOption(
        QStringLiteral("database"),
        QStringLiteral("A PostgreSQL server: postgresql://[user@]host[:port]/dbname names a database the bench "
                       "creates its own next to (and drops after, unless --keep)."),
        QStringLiteral("URI"));
    const QCommandLineOption onlyOption(QStringLiteral("only"), QStringLiteral("Measure only this figure (import_ms)."),
                                        QStringLiteral("FIGURE"));
    parser.addOptions({ usersOption, runsOption, ledgerOption, keepOption, jsonOption, databaseOption, onlyOption });
    parser.process(app);
    const int users = parser.value(usersOption).toInt();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    if (users < 10) {
        QTextStream(stderr) << "--users must be at least 10\n";
        return 2;
    }

    QTemporaryDir dir;
    const bool server = parser.isSet(databaseOption);
    QString path = parser.isSet(keepOption) ? parser.value(keepOption) : dir.filePath(QStringLiteral("bench.db"));
    const QString maintenance = parser.value(databaseOption);
    if (server) {
        if (!SeatLedger::isServer(maintenance)) {
            QTextStream(stderr) << "--database takes a postgresql:// URI\n";
            return 2;
        }
        const QString name = QStringLiteral("seatkeeper_bench_%1").arg(QCoreApplication::applicationPid());
        if (const QString error = onServer(maintenance, QStringLiteral("CREATE DATABASE ") + name); !error.isEmpty()) {
            QTextStream(stderr) << "could not create the database " << name << ": " << error << '\n';
            return 3;
        }
        QUrl url(maintenance);
        url.setPath(QLatin1Char('/') + name);
        path = url.toString();
    } else {
        QFile::remove(path);
    }
    // The bench's own database on a server goes when it is done, whatever happens.
    struct DropAtEnd
    {
        QString maintenance, path;
        bool keep;
        ~DropAtEnd()
        {
            if (!maintenance.isEmpty() && !keep)
                onServer(maintenance,
                         QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(QUrl(path).path().mid(1)));
        }
    } dropAtEnd { server ? maintenance : QString(), path, parser.isSet(keepOption) };
    QElapsedTimer t;
    t.start();
    {
        auto created = SeatLedger::create(path, QStringLiteral("admin@example.com"), QStringLiteral("Ada"),
                                          QStringLiteral("Admin"));
        if (!created || !SampleAccount::populate(*created.value(), users, 7)) {
            QTextStream(stderr) << "could not generate the account\n";
            return 3;
        }
    }
    // The ledger is grown straight in an SQLite file; on a server it stays as
    // the account's generation wrote it (0 here: not grown).
    const qint64 ledgerEntries = server ? 0
        : parser.isSet(ledgerOption)    ? parser.value(ledgerOption).toLongLong()
                                        : qint64(users) * 10;
    if (!server && growLedger(path, ledgerEntries) < 0) {
        QTextStream(stderr) << "could not grow the ledger\n";
        return 3;
    }
    // The first open builds the History indexes: part of making the fixture.
    SeatLedger::open(path);
    const double generateMs = ms(t);
    out << QStringLiteral("generated %1 users and %2 ledger entries in %3 ms: %4\n")
               .arg(users)
               .arg(ledgerEntries)
               .arg(generateMs, 0, 'f', 0)
               .arg(path);
    out.flush();

    QJsonObject figures;
    figures[QStringLiteral("users")] = users;
    figures[QStringLiteral("runs")] = runs;
    // import_ms: into a new SQLite file (on a server, the figure would not be
    // the server's). Measured last, after the window's memory figures: its
    // 100,000-row preview is the bench's, not the window's.
    const auto measureImport = [&] {
        if (server)
            return;
        auto source = SeatLedger::open(path);
        int importRun = 0;
        figures[QStringLiteral("import_ms")]
            = medianOf(runs, [&] { return importMs(*source.value(), dir.path(), importRun++); });
        figures[QStringLiteral("import_cpu_ms")] = median(importCpuMs);
    };
    if (parser.value(onlyOption) == QLatin1String("import_ms")) {
        measureImport();
        out << QStringLiteral("%1 users, median of %2 runs\n  import_ms        %3\n  import_cpu_ms    %4\n")
                   .arg(users)
                   .arg(runs)
                   .arg(figures[QStringLiteral("import_ms")].toDouble(), 0, 'f', 1)
                   .arg(figures[QStringLiteral("import_cpu_ms")].toDouble(), 0, 'f', 1);
        if (parser.isSet(jsonOption))
            out << QJsonDocument(figures).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }

    // open_ms: open the database and load the Users & Teams model.
    figures[QStringLiteral("open_ms")] = medianOf(runs, [&] {
        QElapsedTimer timer;
        timer.start();
        auto ledger = SeatLedger::open(path);
        UsersModel model;
        model.setUsers(ledger.value()->users().value());
        return ms(timer);
    });
    if (!server)
        figures[QStringLiteral("sqlite_floor_ms")] = medianOf(runs, [&] { return sqliteFloorMs(path); });

    // first_show_ms: from nothing to Users & Teams, then the grid, shown and painted.
    figures[QStringLiteral("first_show_ms")] = medianOf(runs, [&] {
        QElapsedTimer timer;
        timer.start();
        auto ledger = SeatLedger::open(path);
        ledger.value()->setActor(QStringLiteral("admin@example.com"));
        SettingsWindow window(*ledger.value());
        window.show();
        window.grab();
        window.showPaidUsers();
        window.grab();
        return ms(timer);
    });

    auto opened = SeatLedger::open(path);
    SeatLedger &ledger = *opened.value();
    ledger.setActor(QStringLiteral("admin@example.com"));
    SettingsWindow window(ledger);
    window.show();
    window.grab();

    // filter_ms: one keystroke in the users search field, until the view is updated.
    auto *search = window.findChild<QLineEdit *>(QStringLiteral("usersSearch"));
    auto *usersTable = window.findChild<QTableView *>(QStringLiteral("usersTable"));
    const QString letters = QStringLiteral("eaoiu");
    int run = 0;
    figures[QStringLiteral("filter_ms")] = medianOf(runs, [&] {
        search->clear();
        QCoreApplication::processEvents();
        QElapsedTimer timer;
        timer.start();
        QTest::keyClick(search, letters.at(run++ % letters.size()).toLatin1());
        usersTable->viewport()->grab();
        return ms(timer);
    });
    search->clear();

    // sort_ms: a click on a column header of Users & Teams, until the view is repainted.
    {
        QHeaderView *header = usersTable->horizontalHeader();
        int column = 0;
        figures[QStringLiteral("sort_ms")] = medianOf(runs, [&] {
            QCoreApplication::processEvents();
            const int section = column++ % 2 == 0 ? 0 : 1; // by name, then by e-mail
            QElapsedTimer timer;
            timer.start();
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                              QPoint(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
                                     header->height() / 2));
            usersTable->viewport()->grab();
            return ms(timer);
        });
    }

    // history_open_ms: History clicked in the sidebar, until its table is
    // painted (its first page read). history_filter_ms: the slowest kind of
    // filter applied, until the table is painted — one user's address, an
    // operator, a rare action, a day — each kind the median of its runs.
    {
        auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
        HistoryPage *history = window.historyPage();
        QTableView *historyTable = history->table();
        history->load(); // from here on, a click on History shows the page without reading
        figures[QStringLiteral("history_open_ms")] = medianOf(runs, [&] {
            window.showUsers();
            QCoreApplication::processEvents();
            QElapsedTimer timer;
            timer.start();
            sidebar->setCurrentRow(1);
            history->applyFilters(); // the read its first opening does
            historyTable->viewport()->grab();
            return ms(timer);
        });
        if (historyTable->model()->rowCount() == 0)
            QTextStream(stderr) << "History showed nothing\n";
        auto *user = window.findChild<QLineEdit *>(QStringLiteral("historyUser"));
        auto *operatorField = window.findChild<QLineEdit *>(QStringLiteral("historyOperator"));
        auto *action = window.findChild<QComboBox *>(QStringLiteral("historyAction"));
        auto *from = window.findChild<QDateEdit *>(QStringLiteral("historyFrom"));
        auto *to = window.findChild<QDateEdit *>(QStringLiteral("historyTo"));
        const QVector<User> everyone = ledger.users().value();
        const auto filtered = [&](const std::function<void()> &set, const std::function<void()> &unset) {
            int kindRun = 0;
            const double took = medianOf(runs, [&] {
                unset();
                history->applyFilters();
                QCoreApplication::processEvents();
                ++kindRun;
                QElapsedTimer timer;
                timer.start();
                set();
                history->applyFilters();
                historyTable->viewport()->grab();
                return ms(timer);
            });
            unset();
            return took;
        };
        int pick = 0;
        const double byUser = filtered([&] { user->setText(everyone.at((pick++ * 7919) % everyone.size()).email); },
                                       [&] { user->clear(); });
        const double byOperator
            = filtered([&] { operatorField->setText(everyone.at(pick++ % 5).email); }, [&] { operatorField->clear(); });
        const double byAction
            = filtered([&] { action->setCurrentIndex(action->findData(LedgerAction::SeatsReleased)); },
                       [&] { action->setCurrentIndex(0); });
        const QDate today = ledger.entriesPage({}, 0, 1).value().first().at.toLocalTime().date();
        const double byDay = filtered(
            [&] { // both dates, then one read (a person sets one at a time)
                const QSignalBlocker quietFrom(from);
                const QSignalBlocker quietTo(to);
                from->setDate(today);
                to->setDate(today);
            },
            [&] {
                const QSignalBlocker quietFrom(from);
                const QSignalBlocker quietTo(to);
                from->setDate(from->minimumDate());
                to->setDate(to->minimumDate());
            });
        figures[QStringLiteral("history_filter_user_ms")] = byUser;
        figures[QStringLiteral("history_filter_operator_ms")] = byOperator;
        figures[QStringLiteral("history_filter_action_ms")] = byAction;
        figures[QStringLiteral("history_filter_date_ms")] = byDay;
        figures[QStringLiteral("history_filter_ms")] = std::max({ byUser, byOperator, byAction, byDay });
        figures[QStringLiteral("ledger_entries")] = ledgerEntries;
        window.showUsers();
    }

    // toggle_us: one box ticked in the grid, through the view's model, footer included.
    window.showPaidUsers();
    window.grab();
    PaidUsersPage *page = window.paidUsersPage();
    auto *grid = window.findChild<QTableView *>(QStringLiteral("paidUsersTable"));
    QVector<double> toggles;
    const int column = PaidUsersModel::columnOf(SeatType::ServiceEnterprise);
    for (int i = 0; i < 1000; ++i) {
        const QModelIndex cell = grid->model()->index((i / 2) % grid->model()->rowCount(), column);
        QElapsedTimer timer;
        timer.start();
        grid->model()->setData(cell, i % 2 ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
        toggles.append(timer.nsecsElapsed() / 1e3);
    }
    figures[QStringLiteral("toggle_us")] = median(toggles);
    page->reload();

    // grid_filter_ms: a name typed letter by letter in the grid's search, the GUI
    // thread's busiest keystroke: the key itself, then (after the pause the page
    // waits for the next key, spent idle here) the filtering and the repaint.
    // grid_filter_median_ms: the typical keystroke.
    {
        auto *gridSearch = window.findChild<QLineEdit *>(QStringLiteral("paidUsersFilter"));
        auto *gridTable = window.findChild<QTableView *>(QStringLiteral("paidUsersTable"));
        const QString name = page->model()->userAt(page->model()->rowCount() / 2).fullName();
        QVector<double> keystrokes;
        QVector<double> keystrokesCpu;
        for (int r = 0; r < runs; ++r) {
            gridSearch->clear();
            page->applyFilter();
            QCoreApplication::processEvents();
            for (const QChar c : name) {
                QElapsedTimer timer;
                timer.start();
                double cpu = threadCpuMs();
                // As typed, accents included (keyClicks takes ASCII only).
                QTest::sendKeyEvent(QTest::Click, gridSearch, Qt::Key_unknown, QString(c), Qt::NoModifier);
                gridTable->viewport()->grab();
                double busy = ms(timer);
                cpu = threadCpuMs() - cpu;
                QThread::msleep(PaidUsersPage::FilterDelayMs + 5);
                timer.restart();
                const double cpuAfter = threadCpuMs();
                QCoreApplication::processEvents();
                gridTable->viewport()->grab();
                busy += ms(timer);
                keystrokes.append(busy);
                keystrokesCpu.append(cpu + threadCpuMs() - cpuAfter);
            }
            if (gridTable->model()->rowCount() == 0)
                QTextStream(stderr) << "the grid search found nobody for " << name << '\n';
        }
        figures[QStringLiteral("grid_filter_ms")] = *std::max_element(keystrokes.begin(), keystrokes.end());
        figures[QStringLiteral("grid_filter_median_ms")] = median(keystrokes);
        figures[QStringLiteral("grid_filter_cpu_ms")] = *std::max_element(keystrokesCpu.begin(), keystrokesCpu.end());
        gridSearch->clear();
        page->applyFilter();
    }

    // save_ms: Save of N/10 pending grid edits (removals, then the same seats given back).
    const auto picked = holders(*page->model(), users / 10);
    QVector<std::optional<SeatType>> original;
    for (const auto &[row, product] : picked)
        original.append(page->model()->seatAt(row, product));
    QVector<double> saves;
    for (int r = 0; r < runs; ++r) {
        const bool giveBack = r % 2;
        // Rows keep their order across a reload: the model lists users by id.
        for (int i = 0; i < picked.size(); ++i)
            page->model()->setSeat(picked[i].first, picked[i].second, giveBack ? original[i] : std::nullopt);
        QElapsedTimer timer;
        timer.start();
        if (!page->save())
            QTextStream(stderr) << "save refused\n";
        saves.append(ms(timer));
    }
    if (runs % 2) { // leave the account as generated
        for (int i = 0; i < picked.size(); ++i)
            page->model()->setSeat(picked[i].first, picked[i].second, original[i]);
        page->save();
    }
    figures[QStringLiteral("save_ms")] = median(saves);

    // apply_ms: seatctl apply of a plan of N/10 changes, as a process.
    QByteArray remove;
    QByteArray giveBack;
    for (int i = 0; i < picked.size(); ++i) {
        const QString email = page->model()->userAt(picked[i].first).email;
        remove += QStringLiteral("unassign %1 %2\n").arg(email, productKey(picked[i].second)).toUtf8();
        giveBack += QStringLiteral("assign %1 %2\n").arg(email, seatTypeKey(*original[i])).toUtf8();
    }
    const QString removePlan = dir.filePath(QStringLiteral("remove.plan"));
    const QString givePlan = dir.filePath(QStringLiteral("give.plan"));
    for (const auto &[file, text] : { std::pair { removePlan, remove }, std::pair { givePlan, giveBack } }) {
        QFile f(file);
        f.open(QIODevice::WriteOnly);
        f.write(text);
    }
    // The first change of a day takes the day's backup (Backups::takeDaily);
    // apply_ms is the steady state after it, so take it now.
    if (!server)
        QProcess::execute(QStringLiteral(SEATCTL_PATH),
                          { QStringLiteral("--database"), path, QStringLiteral("backup") });
    int applyRun = 0;
    figures[QStringLiteral("apply_ms")] = medianOf(runs, [&] {
        const QString plan = applyRun++ % 2 ? givePlan : removePlan;
        QElapsedTimer timer;
        timer.start();
        QProcess seatctl;
        seatctl.start(QStringLiteral(SEATCTL_PATH),
                      { QStringLiteral("--database"), path, QStringLiteral("--as"), QStringLiteral("admin@example.com"),
                        QStringLiteral("apply"), plan });
        seatctl.waitForFinished(600000);
        if (seatctl.exitCode() != 0)
            QTextStream(stderr) << "apply failed: " << seatctl.readAllStandardError();
        return ms(timer);
    });
    if (applyRun % 2) {
        QProcess seatctl;
        seatctl.start(QStringLiteral(SEATCTL_PATH),
                      { QStringLiteral("--database"), path, QStringLiteral("--as"), QStringLiteral("admin@example.com"),
                        QStringLiteral("apply"), givePlan });
        seatctl.waitForFinished(600000);
    }
    // peak_rss_mb over the phases above; the first look below reloads both
    // tables (the applies left 2×N/10 entries behind the window's feed, more than
    // it reads one by one), which peak_rss_after_reload_mb includes.
    figures[QStringLiteral("peak_rss_mb")] = qint64(peakRssMb());

    // remote_change_ms: another process assigns (then removes) one seat; the GUI
    // thread's time to show it in Users & Teams and in Manage paid users, from
    // the moment the window looks (the one-second poll is not counted) until
    // both tables are repainted.
    {
        int row = 0;
        while (row < page->model()->rowCount() && page->model()->seatAt(row, Product::Sales))
            ++row;
        const QString someone = page->model()->userAt(row).email;
        const auto seatctl = [&path](const QStringList &args) {
            return QProcess::execute(QStringLiteral(SEATCTL_PATH),
                                     QStringList { QStringLiteral("--database"), path, QStringLiteral("--as"),
                                                   QStringLiteral("admin@example.com") }
                                         + args);
        };
        seatctl({ QStringLiteral("seats"), QStringLiteral("buy"), QStringLiteral("sales-enterprise"),
                  QStringLiteral("1") });
        window.watcher()->checkNow();
        int remoteRun = 0;
        figures[QStringLiteral("remote_change_ms")] = medianOf(runs, [&] {
            const bool assign = remoteRun++ % 2 == 0;
            seatctl(assign ? QStringList { QStringLiteral("assign"), someone, QStringLiteral("sales-enterprise") }
                           : QStringList { QStringLiteral("unassign"), someone, QStringLiteral("sales") });
            QElapsedTimer timer;
            timer.start();
            const auto shown = [&] {
                const int shownRow = page->model()->rowOfUser(page->model()->userAt(row).id);
                return (page->model()->seatAt(shownRow, Product::Sales) == SeatType::SalesEnterprise) == assign;
            };
            window.watcher()->checkNow();
            // On a server the look reads on the link's worker and the change
            // comes back through the event loop; on SQLite it is applied by now.
            while (!shown() && timer.elapsed() < 10000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            usersTable->viewport()->grab();
            grid->viewport()->grab();
            const double took = ms(timer);
            if (!shown())
                QTextStream(stderr) << "the remote change did not reach the grid\n";
            return took;
        });
        if (remoteRun % 2)
            seatctl({ QStringLiteral("unassign"), someone, QStringLiteral("sales") });
        window.watcher()->checkNow();

        // remote_visible_ms: the same change, the window left to notice it by
        // itself — the server's notification through the ServerLink on
        // PostgreSQL, the once-a-second look on SQLite — from the moment the
        // seatctl process that committed it has ended until the grid shows it.
        int visibleRun = 0;
        figures[QStringLiteral("remote_visible_ms")] = medianOf(runs, [&] {
            const bool assign = visibleRun++ % 2 == 0;
            seatctl(assign ? QStringList { QStringLiteral("assign"), someone, QStringLiteral("sales-enterprise") }
                           : QStringList { QStringLiteral("unassign"), someone, QStringLiteral("sales") });
            QElapsedTimer timer;
            timer.start();
            const auto shown = [&] {
                const int shownRow = page->model()->rowOfUser(page->model()->userAt(row).id);
                return (page->model()->seatAt(shownRow, Product::Sales) == SeatType::SalesEnterprise) == assign;
            };
            while (!shown() && timer.elapsed() < 10000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            if (!shown())
                QTextStream(stderr) << "the remote change did not show by itself within 10 s\n";
            grid->viewport()->grab();
            return ms(timer);
        });
        if (visibleRun % 2)
            seatctl({ QStringLiteral("unassign"), someone, QStringLiteral("sales") });
    }

    figures[QStringLiteral("peak_rss_after_reload_mb")] = qint64(peakRssMb());
    figures[QStringLiteral("generate_ms")] = generateMs;

    // window_peak_rss_mb: the window itself, as a person starts it — its own
    // process on this database, Users & Teams shown, its check on open done,
    // Manage paid users opened on a seat holder — and the most memory it held.
    if (!picked.isEmpty()) {
        const QString holder = page->model()->userAt(picked.first().first).email;
        const QString held = seatTypeKey(*original.first());
        const qint64 peak = windowPeakRssMb(path, dir.path(), holder + QLatin1Char(' ') + held);
        if (peak > 0)
            figures[QStringLiteral("window_peak_rss_mb")] = peak;
    }
    measureImport();

    const double floor = figures.value(QStringLiteral("sqlite_floor_ms")).toDouble();
    out << QStringLiteral("%1 users, %2 ledger entries, median of %3 runs (toggle: of 1000)\n")
               .arg(users)
               .arg(ledgerEntries)
               .arg(runs);
    out << QStringLiteral("  on %1\n").arg(server ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite"));
    for (const char *key : { "open_ms",
                             "sqlite_floor_ms",
                             "first_show_ms",
                             "filter_ms",
                             "sort_ms",
                             "grid_filter_ms",
                             "grid_filter_median_ms",
                             "grid_filter_cpu_ms",
                             "toggle_us",
                             "save_ms",
                             "apply_ms",
                             "import_ms",
                             "import_cpu_ms",
                             "remote_change_ms",
                             "remote_visible_ms",
                             "history_open_ms",
                             "history_filter_ms",
                             "history_filter_user_ms",
                             "history_filter_operator_ms",
                             "history_filter_action_ms",
                             "history_filter_date_ms",
                             "peak_rss_mb",
                             "peak_rss_after_reload_mb",
                             "window_peak_rss_mb" })
        if (figures.contains(QLatin1String(key)))
            out << QStringLiteral("  %1 %2\n")
                       .arg(QLatin1String(key), -27)
                       .arg(figures[QLatin1String(key)].toDouble(), 0, 'f', 1);
    if (!server)
        out << QStringLiteral("  open / floor                %1\n")
                   .arg(floor > 0 ? figures[QStringLiteral("open_ms")].toDouble() / floor : 0, 0, 'f', 2);
    figures[QStringLiteral("backend")] = server ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
    if (parser.isSet(jsonOption))
        out << QJsonDocument(figures).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}
