#include "SeatDatabase.h"

#include "InputText.h"
#include "LedgerChain.h"
#include "LedgerEntry.h"
#include "SeatType.h"
#include "SqliteFiles.h"
#include "Validation.h"

#include <cstring>
#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSqlDriver>
#include <QSqlError>
#include <QtEndian>
#include <sqlite3.h>

namespace {

constexpr int SqliteHeaderSize = 100;
QAtomicInt connectionCounter;

Error storage(const QString &message)
{
    return Error { ErrorKind::Storage, message };
}

// Reads what SQLite's own header says about the file, through SQLite's VFS and
// without opening it as a database (which could create, recover or checkpoint it).
Status checkHeader(const QString &path, int maxVersion)
{
    const QString shown = QDir::toNativeSeparators(path);
    const SqliteFiles::Header read = SqliteFiles::readHeader(path);
    switch (read.state) {
    case SqliteFiles::Header::Missing: {
        const QFileInfo info(path);
        if (!info.absoluteDir().exists())
            return storage(SeatDatabase::tr("The folder %1 does not exist, so neither does the database %2.")
                               .arg(QDir::toNativeSeparators(info.absolutePath()), shown));
        return storage(SeatDatabase::tr("The file %1 does not exist.").arg(shown));
    }
    case SqliteFiles::Header::NotAFile:
        return storage(SeatDatabase::tr("%1 is not a file.").arg(shown));
    case SqliteFiles::Header::Unreadable:
        return storage(SeatDatabase::tr("The file %1 cannot be read: %2").arg(shown, read.error));
    case SqliteFiles::Header::Read:
        break;
    }
    const qint64 size = read.size;
    const QByteArray &header = read.bytes;
    if (size == 0)
        return storage(SeatDatabase::tr("The file %1 is empty: it is not a Seatkeeper database.").arg(shown));
    if (header.size() < SqliteFiles::HeaderSize || !header.startsWith(QByteArrayLiteral("SQLite format 3\0")))
        return storage(SeatDatabase::tr("The file %1 is not a Seatkeeper database.").arg(shown));
    if (!SqliteFiles::isOurs(header, SeatDatabase::ApplicationId))
        return storage(
            SeatDatabase::tr("The file %1 is a database of another application, not of Seatkeeper.").arg(shown));
    const auto *bytes = reinterpret_cast<const uchar *>(header.constData());
    const qint32 version = qFromBigEndian<qint32>(bytes + 60);
    if (version > maxVersion)
        return storage(SeatDatabase::tr("The database %1 was written by a newer version of Seatkeeper (schema %2; "
                                        "this version reads up to %3). Use a newer Seatkeeper.")
                           .arg(shown)
                           .arg(version)
                           .arg(maxVersion));
    // The header's page count is valid when its "version-valid-for" matches the
    // change counter; a file shorter than that many pages has been cut off —
    // unless a write-ahead log is there: a checkpoint interrupted by a crash can
    // leave the header ahead of the file, and SQLite completes it from the log.
    quint32 pageSize = qFromBigEndian<quint16>(bytes + 16);
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 changeCounter = qFromBigEndian<quint32>(bytes + 24);
    const quint32 pageCount = qFromBigEndian<quint32>(bytes + 28);
    const quint32 validFor = qFromBigEndian<quint32>(bytes + 92);
    if (pageSize < 512 || (!read.walPending && validFor == changeCounter && qint64(pageCount) * pageSize > size))
        return storage(SeatDatabase::tr("The database %1 is damaged (the file is shorter than SQLite says). "
                                        "Restore it from a backup.")
                           .arg(shown));
    return {};
}

const char ledgerNoUpdateTrigger[] = "CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger"
                                     " BEGIN SELECT RAISE(ABORT, 'ledger entries are never updated'); END";

// The first schema, exactly as the first release wrote it. Never edit a step:
// add a new one.
const SqlText schemaV1[] = {
    "CREATE TABLE users ("
    " id INTEGER PRIMARY KEY,"
    " email TEXT NOT NULL,"
    " email_key TEXT NOT NULL UNIQUE,"
    " first_name TEXT NOT NULL DEFAULT '',"
    " last_name TEXT NOT NULL DEFAULT '',"
    " role TEXT NOT NULL CHECK (role IN ('super-admin', 'admin', 'user')),"
    " created_at TEXT NOT NULL)",
    // R2 in storage: assigned can never pass purchased, whoever writes.
    "CREATE TABLE seat_types ("
    " type TEXT PRIMARY KEY,"
    " product TEXT NOT NULL CHECK (product IN ('sales', 'service')),"
    " purchased INTEGER NOT NULL DEFAULT 0 CHECK (purchased >= 0),"
    " assigned INTEGER NOT NULL DEFAULT 0 CHECK (assigned >= 0),"
    " CHECK (assigned <= purchased),"
    " UNIQUE (type, product))",
    // R3 in storage: one row per user and product; the seat type must belong to it.
    // R9 in storage: a user holding a seat cannot be deleted.
    "CREATE TABLE assignments ("
    " user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,"
    " product TEXT NOT NULL,"
    " seat_type TEXT NOT NULL,"
    " PRIMARY KEY (user_id, product),"
    " FOREIGN KEY (seat_type, product) REFERENCES seat_types (type, product))",
    "CREATE INDEX assignments_by_seat_type ON assignments (seat_type)",
    "CREATE TABLE ledger ("
    " id INTEGER PRIMARY KEY,"
    " at_utc TEXT NOT NULL,"
    " actor TEXT NOT NULL,"
    " action TEXT NOT NULL,"
    " subject TEXT NOT NULL DEFAULT '',"
    " seat_type TEXT NOT NULL DEFAULT '',"
    " old_value TEXT NOT NULL DEFAULT '',"
    " new_value TEXT NOT NULL DEFAULT '')",
    // R11: the storage itself refuses to rewrite history.
    ledgerNoUpdateTrigger,
    "CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger"
    " BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted'); END",
};

const SqlText schemaV2[] = {
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    "INSERT INTO meta (key, value) VALUES ('revision', 0)",
    "ALTER TABLE ledger ADD COLUMN prev_hash TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE ledger ADD COLUMN hash TEXT NOT NULL DEFAULT ''",
};

static_assert(SeatDatabase::ApplicationId == 1397052491, "the literal in migrateStep() spells the application id");
// Another program's connection has foreign keys off (SQLite's default), so the
// rules the foreign keys of v1 carry are held again by triggers, which always fire.
const SqlText schemaV3[] = {
    // R3: a seat belongs to the product it is held for, and to a user who exists.
    "CREATE TRIGGER assignments_check_insert BEFORE INSERT ON assignments"
    " WHEN NEW.seat_type NOT IN (SELECT type FROM seat_types WHERE product = NEW.product)"
    " OR NOT EXISTS (SELECT 1 FROM users WHERE id = NEW.user_id)"
    " BEGIN SELECT RAISE(ABORT, 'a seat must be of its product and held by a user'); END",
    "CREATE TRIGGER assignments_check_update BEFORE UPDATE ON assignments"
    " WHEN NEW.seat_type NOT IN (SELECT type FROM seat_types WHERE product = NEW.product)"
    " OR NOT EXISTS (SELECT 1 FROM users WHERE id = NEW.user_id)"
    " BEGIN SELECT RAISE(ABORT, 'a seat must be of its product and held by a user'); END",
    // R9: a seat holder stays until their access is removed.
    "CREATE TRIGGER users_keep_seat_holders BEFORE DELETE ON users"
    " WHEN EXISTS (SELECT 1 FROM assignments WHERE user_id = OLD.id)"
    " BEGIN SELECT RAISE(ABORT, 'a user who holds a seat cannot be deleted'); END",
};

// The History page's indexes (LedgerPages): who a change was for, who made it,
// what it was, and when. Not part of a schema version: any database Seatkeeper
// wrote gets them when it opens (see keepLedgerIndexes()).
const SqlText ledgerIndexes[] = {
    "CREATE INDEX IF NOT EXISTS ledger_by_subject ON ledger (subject COLLATE NOCASE, id)",
    "CREATE INDEX IF NOT EXISTS ledger_by_actor ON ledger (actor COLLATE NOCASE, id)",
    "CREATE INDEX IF NOT EXISTS ledger_by_action ON ledger (action, id)",
    "CREATE INDEX IF NOT EXISTS ledger_by_time ON ledger (at_utc)",
};

// R14: teams, and who is in which, as main team (one at most, held by the
// partial unique index whoever writes) or as additional team. A team with
// members stays (the trigger, as v3's do, holds even with foreign keys off).
// "IF NOT EXISTS": a file whose version number was set back by hand keeps its
// tables, and the step still goes through.
const SqlText schemaV5[] = {
    "CREATE TABLE IF NOT EXISTS teams ("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " name_key TEXT NOT NULL UNIQUE)",
    "CREATE TABLE IF NOT EXISTS team_members ("
    " team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE RESTRICT,"
    " user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE RESTRICT,"
    " is_main INTEGER NOT NULL DEFAULT 0 CHECK (is_main IN (0, 1)),"
    " PRIMARY KEY (user_id, team_id))",
    "CREATE UNIQUE INDEX IF NOT EXISTS team_members_one_main ON team_members (user_id) WHERE is_main = 1",
    "CREATE INDEX IF NOT EXISTS team_members_by_team ON team_members (team_id)",
    "CREATE TRIGGER IF NOT EXISTS teams_keep_members BEFORE DELETE ON teams"
    " WHEN EXISTS (SELECT 1 FROM team_members WHERE team_id = OLD.id)"
    " BEGIN SELECT RAISE(ABORT, 'a team with members cannot be deleted'); END",
    "CREATE TRIGGER IF NOT EXISTS team_members_check_insert BEFORE INSERT ON team_members"
    " WHEN NOT EXISTS (SELECT 1 FROM teams WHERE id = NEW.team_id)"
    " OR NOT EXISTS (SELECT 1 FROM users WHERE id = NEW.user_id)"
    " BEGIN SELECT RAISE(ABORT, 'a member must be a user of an existing team'); END",
};

static_assert(SeatDatabase::SchemaVersion == 5, "a new schema version needs its case in userVersionStatement()");

SqlText userVersionStatement(int version)
{
    switch (version) {
    case 1:
        return SqlText("PRAGMA user_version = 1");
    case 2:
        return SqlText("PRAGMA user_version = 2");
    case 3:
        return SqlText("PRAGMA user_version = 3");
    case 4:
        return SqlText("PRAGMA user_version = 4");
    default:
        return SqlText("PRAGMA user_version = 5");
    }
}

} // namespace

SeatDatabase::SeatDatabase(const QString &path)
    : m_path(path)
    , m_connectionName(QStringLiteral("seatkeeper-%1").arg(connectionCounter.fetchAndAddRelaxed(1)))
{
}

SeatDatabase::~SeatDatabase()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<SeatDatabase>> SeatDatabase::open(const QString &path, const BeforeMigration &beforeMigration)
{
    auto opened = openExisting(path, beforeMigration);
    // Whatever went wrong, a restore under way is the reason to give: the file
    // may be missing, locked or replaced for a moment, and will be back.
    if (!opened && SqliteFiles::restoreUnderWay(path))
        return SqliteFiles::restoreUnderWayError(path);
    return opened;
}

Result<std::unique_ptr<SeatDatabase>> SeatDatabase::openExisting(const QString &path,
                                                                 const BeforeMigration &beforeMigration)
{
    if (SqliteFiles::restoreUnderWay(path))
        return SqliteFiles::restoreUnderWayError(path);
    if (const Status header = checkHeader(path, SchemaVersion); !header)
        return header.error();
    std::unique_ptr<SeatDatabase> db(new SeatDatabase(path));
    if (Status s = db->connect(Connect::Existing); !s)
        return s.error();
    if (Status s = db->readVersion(); !s)
        return s.error();
    // The first read took SQLite's shared lock, which a WAL connection keeps
    // until it closes: from now on the file cannot be replaced under it. It
    // must still be the file the path names (a restore may just have finished).
    if (Status s = SqliteFiles::checkNotMoved(db->handle(), path); !s)
        return s.error();
    if (db->m_version > SchemaVersion)
        return storage(tr("The database %1 was written by a newer version of Seatkeeper (schema %2; "
                          "this version reads up to %3). Use a newer Seatkeeper.")
                           .arg(QDir::toNativeSeparators(path))
                           .arg(db->m_version)
                           .arg(SchemaVersion));
    if (db->m_version < 1)
        return storage(tr("The file %1 is not a Seatkeeper database.").arg(QDir::toNativeSeparators(path)));
    if (Status s = db->checkSchema(); !s)
        return s.error();
    // An upgrade that would be refused is refused before its backup is taken:
    // trying again and again must not push the older backups out.
    if (db->m_version < 4) {
        if (auto keys = db->newEmailKeys(); !keys)
            return keys.error();
    }
    if (db->m_version < SchemaVersion && beforeMigration) {
        // An upgrade rewrites the file: keep the old one first, or do not upgrade.
        if (Status taken = beforeMigration(*db); !taken)
            return storage(tr("The database %1 needs an upgrade, and no backup could be written first, so "
                              "nothing was changed. %2")
                               .arg(QDir::toNativeSeparators(path), taken.error().message));
    }
    if (Status s = db->migrate(); !s)
        return s.error();
    db->keepLedgerIndexes();
    return db;
}

Result<std::unique_ptr<SeatDatabase>> SeatDatabase::create(const QString &path,
                                                           const std::function<Status(SeatDatabase &)> &populate)
{
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return storage(tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(info.absolutePath())));
    // Built whole under a name of its own, then linked into place only if the
    // path is still free: nobody ever sees half a database, and of two processes
    // creating the same file, one wins and the other removes only its own.
    const Status created = SqliteFiles::createExclusive(path, [&populate](const QString &temporary) -> Status {
        std::unique_ptr<SeatDatabase> db(new SeatDatabase(temporary));
        if (Status s = db->connect(Connect::Create); !s)
            return s;
        if (Status s = db->migrate(); !s)
            return s;
        db->keepLedgerIndexes();
        if (populate) {
            if (Status s = populate(*db); !s)
                return s;
        }
        // WAL only once the file is whole: the header written in rollback mode
        // already carries our application id.
        return db->execStatement("PRAGMA journal_mode = WAL");
    });
    if (!created)
        return created.error();
    return open(path);
}

Status SeatDatabase::connect(Connect how)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid())
        return storage(tr("The SQLite driver of Qt is missing (package libqt6sql6-sqlite)."));
    // A URI with mode=rw: opening never creates a file, even if the path has
    // just been removed or renamed.
    m_db.setDatabaseName(SqliteFiles::connectionUri(m_path, how == Connect::Create));
    m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    if (!m_db.open())
        return storageError(m_db.lastError());
    if (Status s = execStatement(("PRAGMA foreign_keys = ON")); !s)
        return s;
    QSqlQuery check(m_db);
    if (!check.exec(QStringLiteral("PRAGMA foreign_keys")) || !check.next() || check.value(0).toInt() != 1)
        return storage(tr("Foreign keys cannot be enabled on %1.").arg(QDir::toNativeSeparators(m_path)));
    // A Save's edits go through a temporary table (SeatLedger::applyEdits): in
    // memory, it costs no file of its own.
    if (Status s = execStatement("PRAGMA temp_store = MEMORY"); !s)
        return s;
    // Money and access: a committed change must survive a power cut.
    return execStatement(("PRAGMA synchronous = FULL"));
}

sqlite3 *SeatDatabase::handle() const
{
    const QVariant handle = m_db.driver() ? m_db.driver()->handle() : QVariant();
    if (!handle.isValid() || std::strcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

Status SeatDatabase::readVersion()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA application_id")) || !q.next())
        return storageError(q.lastError());
    if (q.value(0).toInt() != ApplicationId)
        return storage(tr("The file %1 is a database of another application, not of Seatkeeper.")
                           .arg(QDir::toNativeSeparators(m_path)));
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return storageError(q.lastError());
    m_version = q.value(0).toInt();
    return {};
}

Status SeatDatabase::checkSchema() const
{
    // Reading every table's definition touches the whole schema: a damaged
    // page there shows up now rather than halfway through a change.
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")))
        return storageError(q.lastError());
    QStringList tables;
    while (q.next())
        tables << q.value(0).toString();
    if (q.lastError().isValid())
        return storageError(q.lastError());
    for (const char *required : { "users", "seat_types", "assignments", "ledger" }) {
        if (!tables.contains(QLatin1String(required)))
            return storage(tr("The database %1 is damaged: the table %2 is missing. Restore it from a backup.")
                               .arg(QDir::toNativeSeparators(m_path), QLatin1String(required)));
    }
    return {};
}

void SeatDatabase::keepLedgerIndexes()
{
    auto present = scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                          "('ledger_by_subject', 'ledger_by_actor', 'ledger_by_action', 'ledger_by_time')");
    if (!present || present.value() == int(std::size(ledgerIndexes)))
        return; // nothing to do, or nothing to be done now: History still reads, only slower
    // Built once, in one transaction; a database busy with a writer gets them next time.
    WriteTransaction tx(*this);
    if (!tx.started())
        return;
    for (const SqlText &sql : ledgerIndexes) {
        if (Status s = execStatement(sql); !s)
            return;
    }
    tx.commit();
}

Status SeatDatabase::migrate()
{
    while (m_version < SchemaVersion) {
        if (Status s = migrateStep(m_version + 1); !s)
            return s;
    }
    return {};
}

Status SeatDatabase::migrateStep(int toVersion)
{
    WriteTransaction tx(*this);
    if (!tx.started())
        return tx.started();
    const auto runAll = [this](const auto &statements) -> Status {
        for (const SqlText &sql : statements) {
            if (Status s = execStatement(sql); !s)
                return s;
        }
        return {};
    };
    if (toVersion == 1) {
        if (Status s = execStatement("PRAGMA application_id = 1397052491"); !s)
            return s;
        if (Status s = runAll(schemaV1); !s)
            return s;
        auto insert = prepare(("INSERT INTO seat_types (type, product) VALUES (:type, :product)"));
        if (!insert)
            return insert.error();
        for (SeatType type : allSeatTypes()) {
            insert.value().bindValue(QStringLiteral(":type"), seatTypeKey(type));
            insert.value().bindValue(QStringLiteral(":product"), productKey(productOf(type)));
            if (Status s = exec(insert.value()); !s)
                return s;
        }
    } else if (toVersion == 3) {
        if (Status s = runAll(schemaV3); !s)
            return s;
    } else if (toVersion == 4) {
        if (Status s = rewriteEmailKeys(); !s)
            return s;
    } else if (toVersion == 5) {
        if (Status s = runAll(schemaV5); !s)
            return s;
    } else if (toVersion == 2) {
        if (Status s = runAll(schemaV2); !s)
            return s;
        // Chain the entries the first schema wrote, in order. The update trigger
        // is lifted for this one step only, inside its transaction.
        if (Status s = execStatement(("DROP TRIGGER ledger_no_update")); !s)
            return s;
        auto select = prepare(("SELECT id, at_utc, actor, action, subject, seat_type, old_value, "
                               "new_value FROM ledger ORDER BY id"));
        auto update = prepare(("UPDATE ledger SET prev_hash = :prev, hash = :hash WHERE id = :id"));
        if (!select)
            return select.error();
        if (!update)
            return update.error();
        if (Status s = exec(select.value()); !s)
            return s;
        QString prev;
        while (select.value().next()) {
            const QSqlQuery &row = select.value();
            LedgerEntry e { row.value(0).toLongLong(),
                            QDateTime::fromString(row.value(1).toString(), Qt::ISODateWithMs),
                            row.value(2).toString(),
                            row.value(3).toString(),
                            row.value(4).toString(),
                            row.value(5).toString(),
                            row.value(6).toString(),
                            row.value(7).toString(),
                            prev,
                            {} };
            e.hash = LedgerChain::hashOf(e);
            update.value().bindValue(QStringLiteral(":prev"), sqlText(e.prevHash));
            update.value().bindValue(QStringLiteral(":hash"), e.hash);
            update.value().bindValue(QStringLiteral(":id"), e.id);
            if (Status s = exec(update.value()); !s)
                return s;
            prev = e.hash;
        }
        if (select.value().lastError().isValid())
            return storageError(select.value().lastError());
        if (Status s = execStatement(ledgerNoUpdateTrigger); !s)
            return s;
    }
    if (Status s = execStatement(userVersionStatement(toVersion)); !s)
        return s;
    if (Status s = tx.commit(); !s)
        return s;
    m_version = toVersion;
    return {};
}

Result<QVector<SeatDatabase::NewEmailKey>> SeatDatabase::newEmailKeys() const
{
    auto select = prepare("SELECT id, email, email_key FROM users ORDER BY id");
    if (!select)
        return select.error();
    if (Status s = exec(select.value()); !s)
        return s.error();
    QVector<NewEmailKey> changed;
    QHash<QString, QString> emailOfKey;
    while (select.value().next()) {
        const QSqlQuery &row = select.value();
        const QString email = row.value(1).toString();
        const QString key = Validation::emailKey(email);
        if (const auto other = emailOfKey.constFind(key); other != emailOfKey.cend())
            return storage(
                tr("The database %1 cannot be upgraded: the users %2 and %3 are one mailbox written in "
                   "two ways, and Seatkeeper now counts them as one. Delete one of them with the "
                   "previous version of Seatkeeper, then open the database again. Nothing was changed.")
                    .arg(QDir::toNativeSeparators(m_path), InputText::escaped(*other), InputText::escaped(email)));
        emailOfKey.insert(key, email);
        if (key != row.value(2).toString())
            changed.append({ row.value(0).toLongLong(), key });
    }
    if (select.value().lastError().isValid())
        return storageError(select.value().lastError());
    return changed;
}

Status SeatDatabase::rewriteEmailKeys()
{
    auto changed = newEmailKeys();
    if (!changed)
        return changed.error();
    auto update = prepare("UPDATE users SET email_key = :key WHERE id = :id");
    if (!update)
        return update.error();
    // Keys are unique at every moment: each changed key is first set aside
    // under a name no address can have (no key holds a control character),
    // so a new key never meets an old one that is about to change.
    for (const bool aside : { true, false }) {
        for (const NewEmailKey &k : changed.value()) {
            update.value().bindValue(QStringLiteral(":key"), aside ? QStringLiteral("\x01%1").arg(k.id) : k.key);
            update.value().bindValue(QStringLiteral(":id"), k.id);
            if (Status s = exec(update.value()); !s)
                return s;
        }
    }
    return {};
}

Status SeatDatabase::quickCheck() const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("PRAGMA quick_check")))
        return storageError(q.lastError());
    QStringList problems;
    while (q.next() && problems.size() < 3)
        problems << q.value(0).toString();
    if (q.lastError().isValid())
        return storageError(q.lastError());
    if (problems == QStringList { QStringLiteral("ok") })
        return {};
    return storage(tr("The database %1 is damaged (%2). Restore it from a backup.")
                       .arg(QDir::toNativeSeparators(m_path), problems.join(QStringLiteral("; "))));
}

Result<QSqlQuery> SeatDatabase::prepare(const SqlText &sql) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql.toString()))
        return storageError(query.lastError());
    return query;
}

Status SeatDatabase::exec(QSqlQuery &query) const
{
    if (!query.exec())
        return storageError(query.lastError());
    return {};
}

Status SeatDatabase::execStatement(const SqlText &sql) const
{
    QSqlQuery query(m_db);
    if (!query.exec(sql.toString()))
        return storageError(query.lastError());
    return {};
}

Result<qint64> SeatDatabase::scalar(const SqlText &sql) const
{
    auto q = prepare(sql);
    if (!q)
        return q.error();
    if (Status s = exec(q.value()); !s)
        return s.error();
    if (!q.value().next())
        return storageError(q.value().lastError());
    return q.value().value(0).toLongLong();
}

Error SeatDatabase::storageError(const QSqlError &error) const
{
    const QString shown = QDir::toNativeSeparators(m_path);
    // SQLite result codes, primary part (https://www.sqlite.org/rescode.html).
    const int primary = error.nativeErrorCode().toInt() & 0xff;
    switch (primary) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return storage(tr("The database %1 is locked by another program. Try again when it is done.").arg(shown));
    case 11: // SQLITE_CORRUPT
        return storage(tr("The database %1 is damaged. Restore it from a backup.").arg(shown));
    case 26: // SQLITE_NOTADB
        return storage(tr("The file %1 is not a Seatkeeper database.").arg(shown));
    case 13: // SQLITE_FULL
        return storage(tr("The disk that holds the database %1 is full. Nothing was changed; free some space "
                          "and try again.")
                           .arg(shown));
    case 3: // SQLITE_PERM
    case 8: // SQLITE_READONLY
    case 14: { // SQLITE_CANTOPEN
        // SQLite writes its journal files (-wal, -shm) next to the database,
        // even to read it: a read-only folder stops it as surely as a read-only file.
        const QFileInfo file(m_path);
        const QString folder = QDir::toNativeSeparators(file.absolutePath());
        if (!SqliteFiles::canWriteFolderOf(m_path))
            return storage(tr("The folder %1 that holds the database %2 is read-only. Seatkeeper writes its "
                              "journal files next to the database, even to read it: make the folder writable, "
                              "or copy the database to a folder you can write to.")
                               .arg(folder, shown));
        if (!SqliteFiles::canWrite(m_path))
            return storage(tr("The database %1 is read-only for you. Make the file writable, or copy it to a "
                              "folder you can write to.")
                               .arg(shown));
        return storage(tr("The database %1 or its journal files (%2, %3) cannot be written. Check their "
                          "permissions and the free space of the disk.")
                           .arg(shown, shown + QStringLiteral("-wal"), shown + QStringLiteral("-shm")));
    }
    case 10: // SQLITE_IOERR
        return storage(tr("The database %1 could not be read or written: the disk reported an input/output "
                          "error. Check the disk, then restore from a backup if the problem stays.")
                           .arg(shown));
    default:
        break;
    }
    // Anything else: SQLite's own words (English) and its code, never Qt's
    // untranslated part ("Unable to fetch row").
    const QString detail = error.databaseText().isEmpty() ? error.nativeErrorCode() : error.databaseText();
    return storage(tr("The database %1 could not be read or written (SQLite: %2).").arg(shown, detail));
}

Status SeatDatabase::beginWrite() const
{
    if (Status s = execStatement(("BEGIN IMMEDIATE")); !s)
        return s;
    // Saved means saved: never commit into a file that is no longer the one at
    // the path, where nobody else would read it.
    if (Status s = SqliteFiles::checkNotMoved(handle(), m_path); !s) {
        rollback();
        return s;
    }
    return {};
}

Status SeatDatabase::commit() const
{
    const Status s = execStatement(("COMMIT"));
    if (!s)
        rollback();
    return s;
}

void SeatDatabase::rollback() const
{
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK")); // nothing more to do if there is no transaction left
}
