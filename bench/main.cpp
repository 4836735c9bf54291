// seatkeeper-bench: generates an account of N users and measures, each as the
// median of several runs, what an admin waits for. See README ▸ Performance.

#include "Language.h"
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
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <sqlite3.h>
#include <sys/resource.h>

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

long peakRssMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
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
    const QCommandLineOption keepOption(QStringLiteral("keep"), QStringLiteral("Leave the database at PATH."),
                                        QStringLiteral("PATH"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("One JSON object on the last line."));
    const QCommandLineOption onlyOption(QStringLiteral("only"), QStringLiteral("Measure only this figure (import_ms)."),
                                        QStringLiteral("FIGURE"));
    parser.addOptions({ usersOption, runsOption, keepOption, jsonOption, onlyOption });
    parser.process(app);
    const int users = parser.value(usersOption).toInt();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    if (users < 10) {
        QTextStream(stderr) << "--users must be at least 10\n";
        return 2;
    }

    QTemporaryDir dir;
    const QString path = parser.isSet(keepOption) ? parser.value(keepOption) : dir.filePath(QStringLiteral("bench.db"));
    QFile::remove(path);
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
    const double generateMs = ms(t);
    out << QStringLiteral("generated %1 users in %2 ms: %3\n").arg(users).arg(generateMs, 0, 'f', 0).arg(path);
    out.flush();

    QJsonObject figures;
    figures[QStringLiteral("users")] = users;
    figures[QStringLiteral("runs")] = runs;
    {
        auto source = SeatLedger::open(path);
        int importRun = 0;
        figures[QStringLiteral("import_ms")]
            = medianOf(runs, [&] { return importMs(*source.value(), dir.path(), importRun++); });
        figures[QStringLiteral("import_cpu_ms")] = median(importCpuMs);
    }
    if (parser.value(onlyOption) == QLatin1String("import_ms")) {
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
    QProcess::execute(QStringLiteral(SEATCTL_PATH), { QStringLiteral("--database"), path, QStringLiteral("backup") });
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
            window.watcher()->checkNow();
            usersTable->viewport()->grab();
            grid->viewport()->grab();
            const double took = ms(timer);
            const int shownRow = page->model()->rowOfUser(page->model()->userAt(row).id);
            const bool shown = (page->model()->seatAt(shownRow, Product::Sales) == SeatType::SalesEnterprise) == assign;
            if (!shown)
                QTextStream(stderr) << "the remote change did not reach the grid\n";
            return took;
        });
        if (remoteRun % 2)
            seatctl({ QStringLiteral("unassign"), someone, QStringLiteral("sales") });
    }

    figures[QStringLiteral("peak_rss_after_reload_mb")] = qint64(peakRssMb());
    figures[QStringLiteral("generate_ms")] = generateMs;

    const double floor = figures[QStringLiteral("sqlite_floor_ms")].toDouble();
    out << QStringLiteral("%1 users, median of %2 runs (toggle: of 1000)\n").arg(users).arg(runs);
    for (const char *key :
         { "open_ms", "sqlite_floor_ms", "first_show_ms", "filter_ms", "sort_ms", "toggle_us", "save_ms", "apply_ms",
           "import_ms", "import_cpu_ms", "remote_change_ms", "peak_rss_mb", "peak_rss_after_reload_mb" })
        out << QStringLiteral("  %1 %2\n")
                   .arg(QLatin1String(key), -16)
                   .arg(figures[QLatin1String(key)].toDouble(), 0, 'f', 1);
    out << QStringLiteral("  open / floor      %1\n")
               .arg(floor > 0 ? figures[QStringLiteral("open_ms")].toDouble() / floor : 0, 0, 'f', 2);
    if (parser.isSet(jsonOption))
        out << QJsonDocument(figures).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}
