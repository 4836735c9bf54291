// Backups: VACUUM INTO copies next to the database, rotation, the daily one,
// and restore — which checks the backup first and never destroys a file.

#include "Backups.h"
#include "SeatDatabase.h"
#include "SeatLedger.h"
#include "TestSupport.h"

#include <chrono>
#include <fcntl.h>
#include <future>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using TestSupport::fileHash;
using TestSupport::RawConnection;
using TestSupport::snapshot;

class TestBackups : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void backupIsACompleteCopyOfTheState();
    void onlyTheNewestFiveAreKept();
    void dailyBackupIsTakenOncePerDay();
    void halfWrittenAndStrayFilesAreNotBackups();
    void restoreReplacesADamagedDatabaseAndKeepsIt();
    void restoreMovesTheWriteAheadLogAside();
    void restoreOfALargeDatabaseKeepsEveryByte();
    void restoreWhenTheDatabaseIsGone();
    void damagedBackupIsRefusedAndNothingMoves();
    void quickCheckFindsDamage();
    void restoreWaitsUntilNobodyHasTheDatabaseOpen();
    void backupsAreNumberedInWriteOrder();
    void rotationKeepsOnePerDayAndPerWeek();
    void stalePartsOfOtherDatabasesAreLeftAlone();
    void restoreFromAPipeDoesNotWait();

private:
    QStringList listing() const { return QDir(m_dir->path()).entryList(QDir::Files, QDir::Name); }
    static void damage(const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestBackups::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("seats.db"));
}

// Garbage over every page but the first: SQLite still recognises the file,
// and nothing in it can be trusted.
void TestBackups::damage(const QString &path)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QRandomGenerator gen(7);
    QByteArray junk(int(f.size()) - 4096, Qt::Uninitialized);
    for (char &c : junk)
        c = char(gen.bounded(256));
    QVERIFY(f.seek(4096));
    QCOMPARE(f.write(junk), qint64(junk.size()));
}

void TestBackups::backupIsACompleteCopyOfTheState()
{
    auto ledger = TestSupport::smallAccount(m_path);
    QVERIFY(ledger);
    const QString before = snapshot(*ledger);
    auto taken = ledger->backup();
    QVERIFY2(taken.ok(), taken.ok() ? "" : qPrintable(taken.error().message));
    const BackupInfo info = taken.value();
    QCOMPARE(QFileInfo(info.path).absolutePath(), QFileInfo(m_path).absolutePath());
    QVERIFY(info.path.startsWith(QFileInfo(m_path).absoluteFilePath() + QLatin1Char('.')));
    QVERIFY(info.path.endsWith(QLatin1String(".backup")));
    QVERIFY(qAbs(info.takenAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(info.bytes, QFileInfo(info.path).size());
    QCOMPARE(Backups::list(m_path).size(), 1);
    QCOMPARE(Backups::list(m_path).first().path, info.path);

    // Later changes are not in it.
    QVERIFY(ledger->assignSeat(QStringLiteral("cat@example.com"), SeatType::SalesProfessional).ok());
    ledger.reset();

    // Restored elsewhere, it is exactly the state it was taken at, and whole.
    const QByteArray backupHash = fileHash(info.path);
    const QString copy = m_dir->filePath(QStringLiteral("copy.db"));
    QVERIFY(Backups::restore(copy, info.path).ok());
    QCOMPARE(fileHash(info.path), backupHash); // restoring reads a backup, never writes it
    auto restored = SeatLedger::open(copy);
    QVERIFY(restored.ok());
    QCOMPARE(snapshot(*restored.value()), before);
    QCOMPARE(restored.value()->check().value(), QStringList());
    RawConnection raw(copy);
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA application_id")).toInt(), SeatDatabase::ApplicationId);
}

void TestBackups::onlyTheNewestFiveAreKept()
{
    auto ledger = TestSupport::smallAccount(m_path);
    QStringList taken;
    for (int i = 0; i < Backups::KeepNewest + 2; ++i) {
        QVERIFY(ledger->buySeats(SeatType::SalesStarter, 1).ok()); // each backup differs
        auto b = ledger->backup();
        QVERIFY(b.ok());
        taken.prepend(b.value().path);
    }
    const QVector<BackupInfo> kept = Backups::list(m_path);
    QCOMPARE(kept.size(), Backups::KeepNewest);
    for (int i = 0; i < Backups::KeepNewest; ++i)
        QCOMPARE(kept.at(i).path, taken.at(i)); // newest first
    QVERIFY(!QFile::exists(taken.last()));
    QVERIFY(kept.first().takenAt > kept.last().takenAt);
}

void TestBackups::dailyBackupIsTakenOncePerDay()
{
    auto ledger = TestSupport::smallAccount(m_path);
    auto first = ledger->dailyBackup();
    QVERIFY(first.ok() && first.value().has_value());
    auto again = ledger->dailyBackup();
    QVERIFY(again.ok());
    QVERIFY(!again.value().has_value());
    QCOMPARE(Backups::list(m_path).size(), 1);

    // Make the only backup 25 hours old: the next open of the day takes another.
    const QString old = m_path + QLatin1Char('.')
        + QDateTime::currentDateTimeUtc().addSecs(-25 * 3600).toString(QStringLiteral("yyyy-MM-dd'T'HHmmss.zzz'Z'"))
        + QStringLiteral(".backup");
    QVERIFY(QFile::rename(first.value()->path, old));
    auto next = ledger->dailyBackup();
    QVERIFY(next.ok() && next.value().has_value());
    const QVector<BackupInfo> all = Backups::list(m_path);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.last().path, QFileInfo(old).absoluteFilePath());
}

void TestBackups::halfWrittenAndStrayFilesAreNotBackups()
{
    auto ledger = TestSupport::smallAccount(m_path);
    for (const char *name : { "seats.db.2026-01-02T030405.678Z.backup.part-x1", "seats.db.notadate.backup",
                              "other.db.2026-01-02T030405.678Z.backup", "seats.db-wal.backup" }) {
        QFile f(m_dir->filePath(QLatin1String(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x");
    }
    QVERIFY(Backups::list(m_path).isEmpty());
    QVERIFY(ledger->backup().ok());
    QCOMPARE(Backups::list(m_path).size(), 1);
}

void TestBackups::restoreReplacesADamagedDatabaseAndKeepsIt()
{
    QString atBackup;
    {
        auto ledger = TestSupport::smallAccount(m_path);
        atBackup = snapshot(*ledger);
        QVERIFY(ledger->backup().ok());
        QVERIFY(ledger->assignSeat(QStringLiteral("cat@example.com"), SeatType::SalesProfessional).ok());
    }
    damage(m_path);
    const QByteArray damaged = fileHash(m_path);
    auto opened = SeatLedger::open(m_path);
    QVERIFY(!opened.ok() || !opened.value()->quickCheck().ok());
    opened = Error {};

    const BackupInfo newest = Backups::list(m_path).first();
    auto restored = Backups::restore(m_path, newest.path);
    QVERIFY2(restored.ok(), restored.ok() ? "" : qPrintable(restored.error().message));
    const QString keptAside = restored.value();
    QVERIFY(keptAside.startsWith(m_path + QStringLiteral(".replaced-")));
    QCOMPARE(fileHash(keptAside), damaged); // the damaged file is kept, byte for byte

    auto reopened = SeatLedger::open(m_path);
    QVERIFY(reopened.ok());
    QVERIFY(reopened.value()->quickCheck().ok());
    QCOMPARE(snapshot(*reopened.value()), atBackup);
    QCOMPARE(reopened.value()->check().value(), QStringList());
    QVERIFY(!QFile::exists(m_path + QStringLiteral(".restoring")));
    QCOMPARE(Backups::list(m_path).size(), 1); // a restore does not consume the backup
}

void TestBackups::restoreMovesTheWriteAheadLogAside()
{
    // A database whose last changes live in its -wal: copied while open, as a
    // crash would leave it.
    const QString live = m_dir->filePath(QStringLiteral("live.db"));
    QString atBackup;
    QString later;
    {
        auto ledger = TestSupport::smallAccount(live);
        QVERIFY(ledger->backup().ok());
        atBackup = snapshot(*ledger);
        QVERIFY(ledger->assignSeat(QStringLiteral("cat@example.com"), SeatType::SalesProfessional).ok());
        later = snapshot(*ledger);
        QVERIFY(QFileInfo(live + QStringLiteral("-wal")).size() > 0);
        QVERIFY(QFile::copy(live, m_path));
        QVERIFY(QFile::copy(live + QStringLiteral("-wal"), m_path + QStringLiteral("-wal")));
    }
    const QString backup = Backups::list(live).first().path;
    auto restored = Backups::restore(m_path, backup);
    QVERIFY(restored.ok());
    const QString keptAside = restored.value();
    QVERIFY(!QFile::exists(m_path + QStringLiteral("-wal")) || QFileInfo(m_path + QStringLiteral("-wal")).size() == 0);
    QVERIFY(QFileInfo(keptAside + QStringLiteral("-wal")).size() > 0);
    {
        // The old log was not replayed into the backup...
        auto reopened = SeatLedger::open(m_path);
        QVERIFY(reopened.ok());
        QCOMPARE(snapshot(*reopened.value()), atBackup);
    }
    // ...and the file kept aside still has its last changes.
    auto aside = SeatLedger::open(keptAside);
    QVERIFY(aside.ok());
    QCOMPARE(snapshot(*aside.value()), later);
}

// Megabytes, not the few pages of the small account: the file is copied aside
// and replaced chunk by chunk, and not one byte may go astray.
void TestBackups::restoreOfALargeDatabaseKeepsEveryByte()
{
    QString atBackup;
    QString later;
    QString backup;
    {
        auto ledger = TestSupport::smallAccount(m_path);
        QVector<NewUser> many;
        for (int i = 0; i < 4000; ++i)
            many.append(NewUser {
                QStringLiteral("person%1@example.com").arg(i), QString(80, QChar(0x00e9)), {}, Role::User, {}, {} });
        QVERIFY(ledger->createUsers(many).ok());
        auto taken = ledger->backup();
        QVERIFY(taken.ok());
        backup = taken.value().path;
        atBackup = snapshot(*ledger);
        QVERIFY(ledger->deleteUser(QStringLiteral("person7@example.com")).ok());
        later = snapshot(*ledger);
    }
    QVERIFY(QFileInfo(m_path).size() > 2 * 1024 * 1024);
    QVERIFY(!QFileInfo::exists(m_path + QStringLiteral("-wal"))); // checkpointed on close: every byte is in the file
    const QByteArray before = fileHash(m_path);
    auto restored = Backups::restore(m_path, backup);
    QVERIFY2(restored.ok(), restored ? "" : qPrintable(restored.error().message));
    QCOMPARE(fileHash(restored.value()), before);
    {
        auto reopened = SeatLedger::open(m_path);
        QVERIFY(reopened.ok());
        QVERIFY(reopened.value()->quickCheck().ok());
        QCOMPARE(snapshot(*reopened.value()), atBackup);
        QVERIFY(reopened.value()->check().value().isEmpty());
    }
    auto aside = SeatLedger::open(restored.value());
    QVERIFY(aside.ok());
    QCOMPARE(snapshot(*aside.value()), later);
}

void TestBackups::restoreWhenTheDatabaseIsGone()
{
    QString atBackup;
    {
        auto ledger = TestSupport::smallAccount(m_path);
        atBackup = snapshot(*ledger);
        QVERIFY(ledger->backup().ok());
    }
    QVERIFY(QFile::remove(m_path));
    auto restored = Backups::restore(m_path, Backups::list(m_path).first().path);
    QVERIFY(restored.ok());
    QCOMPARE(restored.value(), QString()); // nothing to keep aside
    auto reopened = SeatLedger::open(m_path);
    QVERIFY(reopened.ok());
    QCOMPARE(snapshot(*reopened.value()), atBackup);
}

void TestBackups::damagedBackupIsRefusedAndNothingMoves()
{
    {
        auto ledger = TestSupport::smallAccount(m_path);
        QVERIFY(ledger->backup().ok());
    }
    const QString backup = Backups::list(m_path).first().path;
    damage(backup);
    const QString foreign = m_dir->filePath(QStringLiteral("seats.db.2026-01-01T000000.000Z.backup"));
    {
        RawConnection raw(foreign);
        QCOMPARE(raw.exec(QStringLiteral("CREATE TABLE t (x)")), QString());
    }
    const QStringList before = listing();
    const QByteArray database = fileHash(m_path);
    for (const QString &bad : { backup, foreign }) {
        const QByteArray backupBytes = fileHash(bad);
        auto restored = Backups::restore(m_path, bad);
        QVERIFY(!restored.ok());
        QCOMPARE(restored.error().kind, ErrorKind::Storage);
        QVERIFY2(restored.error().message.contains(QDir::toNativeSeparators(bad)),
                 qPrintable(restored.error().message));
        QVERIFY2(!restored.error().message.contains(QLatin1String(".restoring")), qPrintable(restored.error().message));
        QCOMPARE(fileHash(m_path), database);
        QCOMPARE(fileHash(bad), backupBytes);
        QCOMPARE(listing(), before);
    }
}

void TestBackups::quickCheckFindsDamage()
{
    {
        auto ledger = TestSupport::smallAccount(m_path);
        for (int i = 0; i < 400; ++i) {
            NewUser u;
            u.email = QStringLiteral("user%1@example.com").arg(i);
            u.firstName = QString(80, QLatin1Char('x'));
            QVERIFY(ledger->createUser(u).ok());
        }
        QVERIFY(ledger->quickCheck().ok());
    }
    // Garbage over one page in the middle of the users table.
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.size() > 20 * 4096);
    QVERIFY(f.seek(f.size() / 2 / 4096 * 4096));
    QVERIFY(f.write(QByteArray(4096, '\xff')) == 4096);
    f.close();
    auto opened = SeatLedger::open(m_path);
    // Opening reads only the schema; quick_check reads every page.
    QVERIFY(opened.ok());
    const Status s = opened.value()->quickCheck();
    QVERIFY(!s.ok());
    QVERIFY2(s.error().message.contains(QLatin1String("is damaged")), qPrintable(s.error().message));
    QVERIFY2(s.error().message.contains(QLatin1String("Restore it from a backup")), qPrintable(s.error().message));
}

void TestBackups::restoreWaitsUntilNobodyHasTheDatabaseOpen()
{
    auto ledger = TestSupport::smallAccount(m_path);
    QVERIFY(ledger->backup().ok());
    QVERIFY(ledger->assignSeat(QStringLiteral("cat@example.com"), SeatType::SalesProfessional).ok());
    const QString backup = Backups::list(m_path).first().path;
    // Another window has it open: moving it away would split the ledger in two.
    const QByteArray database = fileHash(m_path);
    const QByteArray log = fileHash(m_path + QStringLiteral("-wal"));
    const QStringList before = listing();
    auto refused = Backups::restore(m_path, backup);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QLatin1String("open in another window")),
             qPrintable(refused.error().message));
    QCOMPARE(fileHash(m_path), database);
    QCOMPARE(fileHash(m_path + QStringLiteral("-wal")), log);
    QCOMPARE(listing(), before);
    // That window still works on the same file.
    QVERIFY(ledger->removeSeat(QStringLiteral("cat@example.com"), Product::Sales).ok());
    QCOMPARE(ledger->check().value(), QStringList());
    ledger.reset();
    QVERIFY(Backups::restore(m_path, backup).ok());
}

void TestBackups::backupsAreNumberedInWriteOrder()
{
    auto ledger = TestSupport::smallAccount(m_path);
    // Left by a Seatkeeper from before the numbers, one of them by a clock a year ahead.
    const QString older = Backups::backupPath(m_path, 0, QDateTime::currentDateTimeUtc().addDays(-3));
    const QString ahead = Backups::backupPath(m_path, 0, QDateTime::currentDateTimeUtc().addDays(365));
    QVERIFY(!older.contains(QLatin1String(".000")));
    QStringList taken;
    for (int i = 0; i < 3; ++i) {
        auto b = ledger->backup();
        QVERIFY(b.ok());
        QCOMPARE(b.value().sequence, qint64(i + 1));
        QVERIFY2(QFileInfo(b.value().path).fileName().startsWith(QStringLiteral("seats.db.00000%1.").arg(i + 1)),
                 qPrintable(b.value().path));
        taken.prepend(b.value().path);
        if (i == 0) {
            QVERIFY(QFile::copy(b.value().path, older));
            QVERIFY(QFile::copy(b.value().path, ahead));
        }
    }
    const QVector<BackupInfo> all = Backups::list(m_path);
    QStringList paths;
    for (const BackupInfo &b : all)
        paths.append(b.path);
    const QStringList expected = taken + QStringList { ahead, older };
    QCOMPARE(paths, expected);
    QCOMPARE(all.at(3).sequence, qint64(0));
    // The next number is the highest there plus one, whatever the names' times say.
    auto next = ledger->backup();
    QVERIFY(next.ok());
    QCOMPARE(next.value().sequence, qint64(4));
    QCOMPARE(Backups::list(m_path).first().path, next.value().path);
}

// Backups one week apart, the newest written now: the newest five, one a day for
// the last seven days that have one, one a week for the last eight weeks.
void TestBackups::rotationKeepsOnePerDayAndPerWeek()
{
    auto ledger = TestSupport::smallAccount(m_path);
    auto first = ledger->backup();
    QVERIFY(first.ok());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList weekly; // 1 to 12 weeks ago
    for (int week = 1; week <= 12; ++week) {
        weekly.append(Backups::backupPath(m_path, 0, now.addDays(-7 * week)));
        QVERIFY(QFile::copy(first.value().path, weekly.last()));
    }
    QVERIFY(QFile::remove(first.value().path));
    auto taken = ledger->backup();
    QVERIFY(taken.ok());
    QStringList kept;
    for (const BackupInfo &b : Backups::list(m_path))
        kept.append(b.path);
    QCOMPARE(kept, QStringList { taken.value().path } + weekly.mid(0, 7));
    for (const QString &gone : weekly.mid(7))
        QVERIFY(!QFile::exists(gone));

    // Many more today: the older weeks' restore points stay.
    for (int i = 0; i < 8; ++i)
        QVERIFY(ledger->backup().ok());
    kept.clear();
    for (const BackupInfo &b : Backups::list(m_path))
        kept.append(b.path);
    QCOMPARE(kept.size(), Backups::KeepNewest + 7);
    QCOMPARE(kept.mid(Backups::KeepNewest), weekly.mid(0, 7));
}

// Half-written backups are matched by exact name too: those of sa.db are not
// those of s?.db.
void TestBackups::stalePartsOfOtherDatabasesAreLeftAlone()
{
    const QString odd = m_dir->filePath(QStringLiteral("s?.db"));
    auto ledger = TestSupport::smallAccount(odd);
    const QDateTime twoHoursAgo = QDateTime::currentDateTimeUtc().addSecs(-7200);
    const QStringList names { QStringLiteral("s?.db.2026-01-02T030405.678Z.backup.part-x1"),
                              QStringLiteral("s?.db.000007.2026-01-02T030405.678Z.backup.part-x2"),
                              QStringLiteral("s?.db.000007.2026-01-02T030405.678Z.backup.part-x2-journal"),
                              QStringLiteral("sa.db.2026-01-02T030405.678Z.backup.part-x1"),
                              QStringLiteral("sa.db.000007.2026-01-02T030405.678Z.backup.part-x2-journal") };
    for (const QString &name : names) {
        QFile f(m_dir->filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x");
        QVERIFY(f.flush()); // before the time is set: a later write would set it to now
        QVERIFY(f.setFileTime(twoHoursAgo, QFileDevice::FileModificationTime));
    }
    QVERIFY(ledger->backup().ok());
    for (const QString &name : names)
        QCOMPARE(QFile::exists(m_dir->filePath(name)), name.startsWith(QLatin1String("sa.db")));
}

// A pipe named as the backup: refused at once, not waited on for a writer.
void TestBackups::restoreFromAPipeDoesNotWait()
{
    {
        auto ledger = TestSupport::smallAccount(m_path);
        QVERIFY(ledger);
    }
    const QString pipe = m_dir->filePath(QStringLiteral("seats.db.2026-01-02T030405.678Z.backup"));
    QCOMPARE(::mkfifo(QFile::encodeName(pipe).constData(), 0600), 0);
    QVERIFY(Backups::list(m_path).isEmpty()); // never offered
    const QStringList before = listing();
    const QByteArray database = fileHash(m_path);
    auto restoring = std::async(std::launch::async, [&] { return Backups::restore(m_path, pipe); });
    if (restoring.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
        // Give the restore its writer so that the test can end.
        const int fd = ::open(QFile::encodeName(pipe).constData(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0)
            ::close(fd);
        restoring.wait();
        QFAIL("the restore waited on the pipe");
    }
    const auto restored = restoring.get();
    QVERIFY(!restored.ok());
    QCOMPARE(restored.error().kind, ErrorKind::Storage);
    QVERIFY2(restored.error().message.contains(QDir::toNativeSeparators(pipe) + QStringLiteral(" is not a file")),
             qPrintable(restored.error().message));
    QCOMPARE(listing(), before);
    QCOMPARE(fileHash(m_path), database);
}

QTEST_GUILESS_MAIN(TestBackups)
#include "tst_backups.moc"
