#include "SqliteStore.h"

#include "Backups.h"
#include "BulkStatement.h"
#include "InputText.h"
#include "LedgerAudit.h"
#include "LedgerChain.h"
#include "LedgerPages.h"
#include "LedgerRow.h"
#include "LedgerWriter.h"
#include "SeatDatabase.h"
#include "StoredUserRow.h"
#include "TeamRows.h"
#include "UserReader.h"
#include "Validation.h"

namespace {

// The History page's statements (LedgerPages). Addresses compare with NOCASE,
// as the indexes SeatDatabase keeps on the ledger do. The unary + keeps SQLite
// off an index that must not lead: a residual condition, or the ids when a
// few users' entries are to be found among a million (their index, then a
// sort of the few, beats walking every id from the newest).
#define SK_LEDGER_SELECT                                                                                               \
    "SELECT id, at_utc, actor, action, subject, seat_type, old_value, new_value, prev_hash, hash FROM ledger "
#define SK_LEDGER_TIMES " AND (:from = '' OR at_utc >= :from) AND (:to = '' OR at_utc < :to)"
#define SK_LEDGER_REST " AND id > :after AND id < :before" SK_LEDGER_TIMES " ORDER BY id DESC LIMIT :limit"
#define SK_USER_RANGE "subject >= :userLo COLLATE NOCASE AND subject < :userHi COLLATE NOCASE"
#define SK_USER_ANY " AND (:userLo = '' OR (+subject >= :userLo COLLATE NOCASE AND +subject < :userHi COLLATE NOCASE))"
#define SK_ACTOR_ANY " AND (:actor = '' OR +actor = :actor COLLATE NOCASE)"
#define SK_ACTION_ANY " AND (:action = '' OR +action = :action)"

const LedgerPageSql sqlitePages {
    SK_LEDGER_SELECT "WHERE " SK_USER_RANGE SK_ACTOR_ANY SK_ACTION_ANY
                     " AND +id > :after AND +id < :before" SK_LEDGER_TIMES " ORDER BY id DESC LIMIT :limit",
    SK_LEDGER_SELECT "WHERE actor = :actor COLLATE NOCASE" SK_USER_ANY SK_ACTION_ANY SK_LEDGER_REST,
    SK_LEDGER_SELECT "WHERE action = :action" SK_USER_ANY SK_ACTOR_ANY SK_LEDGER_REST,
    SK_LEDGER_SELECT "WHERE 1 = 1" SK_USER_ANY SK_ACTOR_ANY SK_ACTION_ANY SK_LEDGER_REST,
    "SELECT COUNT(*) FROM (SELECT 1 FROM ledger WHERE " SK_USER_RANGE " AND +id > :after AND +id < :before LIMIT :cap)",
    "SELECT id FROM ledger WHERE at_utc >= :at ORDER BY at_utc, id LIMIT 1",
    "SELECT id FROM ledger WHERE at_utc < :at ORDER BY at_utc DESC, id DESC LIMIT 1",
};

// BEGIN IMMEDIATE takes SQLite's one write lock now (waiting up to the busy
// timeout): writers queue, so the ledger's hash chain stays linear.
class SqliteTransaction : public StoreTransaction
{
public:
    SqliteTransaction(const SeatDatabase &db, const QString &actor)
        : m_tx(db)
        , m_writer(db, actor)
    {
    }
    const Status &started() const { return m_tx.started(); }

    Status append(const LedgerDraft &e) override
    {
        return m_writer.append(e.action, e.subject, e.seatType, e.before, e.after);
    }
    Status draft(QVector<LedgerDraft> entries) override { return m_writer.hashAhead(std::move(entries)); }
    Status appendDrafted() override { return m_writer.appendHashed(); }
    Result<qint64> commit() override
    {
        auto revision = m_writer.finish();
        if (!revision)
            return revision.error();
        if (Status s = m_tx.commit(); !s)
            return s.error();
        return revision;
    }
    qint64 lastEntryId() const override { return m_writer.lastEntryId(); }

private:
    WriteTransaction m_tx;
    LedgerWriter m_writer;
};

} // namespace

SqliteStore::SqliteStore(std::unique_ptr<SeatDatabase> db)
    : m_owned(std::move(db))
    , m_db(m_owned.get())
{
}

SqliteStore::SqliteStore(SeatDatabase &borrowed)
    : m_db(&borrowed)
{
}

SqliteStore::~SqliteStore() = default;

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const QString &path)
{
    auto db = SeatDatabase::open(path, [](const SeatDatabase &old) -> Status {
        auto taken = Backups::take(old);
        return taken ? Status() : Status(taken.error());
    });
    if (!db)
        return db.error();
    return std::unique_ptr<SqliteStore>(new SqliteStore(db.takeValue()));
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::create(const QString &path,
                                                         const std::function<Status(SeatStore &)> &populate)
{
    auto db = SeatDatabase::create(path, [&populate](SeatDatabase &fresh) -> Status {
        // The store over the new file borrows its connection for `populate`.
        SqliteStore borrowed(fresh);
        return populate ? populate(borrowed) : Status();
    });
    if (!db)
        return db.error();
    return std::unique_ptr<SqliteStore>(new SqliteStore(db.takeValue()));
}

QString SqliteStore::location() const
{
    return m_db->path();
}

Result<std::unique_ptr<SeatStore>> SqliteStore::openAnother() const
{
    auto other = open(m_db->path());
    if (!other)
        return other.error();
    return std::unique_ptr<SeatStore>(other.takeValue());
}

Result<qint64> SqliteStore::revision() const
{
    return m_db->scalar("SELECT value FROM meta WHERE key = 'revision'");
}

Result<UsersAtRevision> SqliteStore::users() const
{
    // One read transaction: the revision and the rows come from the same snapshot.
    if (Status s = m_db->execStatement(("BEGIN")); !s)
        return s.error();
    auto current = revision();
    auto read = current ? UserReader::readAll(*m_db) : Result<QVector<User>>(current.error());
    if (read) {
        if (Status s = TeamRows::addTo(*m_db, read.value()); !s)
            read = s.error();
    }
    m_db->rollback();
    if (!read)
        return read.error();
    return UsersAtRevision { current.value(), read.takeValue() };
}

Result<QSqlQuery *> SqliteStore::reused(std::unique_ptr<QSqlQuery> &slot, const SqlText &sql) const
{
    if (!slot) {
        auto prepared = m_db->prepare(sql);
        if (!prepared)
            return prepared.error();
        slot = std::make_unique<QSqlQuery>(prepared.takeValue());
    }
    return slot.get();
}

Result<User> SqliteStore::user(const QString &email) const
{
    auto query = reused(m_userByEmail, UserReader::selectByEmailKeySql());
    if (!query)
        return query.error();
    QSqlQuery &row = *query.value();
    row.bindValue(QStringLiteral(":key"), Validation::emailKey(email));
    if (Status s = m_db->exec(row); !s)
        return s.error();
    const bool there = row.next();
    const QSqlError error = row.lastError();
    User found = there ? UserReader::fromRow(row) : User();
    row.finish();
    if (there) {
        if (Status s = TeamRows::addTo(*m_db, found); !s)
            return s.error();
        return found;
    }
    if (error.isValid())
        return m_db->storageError(error);
    return StoredUserRow::notFound(email);
}

Result<StoredUser> SqliteStore::findUser(const QString &email) const
{
    auto query = reused(m_findUser, StoredUserRow::byEmailKeySql());
    if (!query)
        return query.error();
    return StoredUserRow::find(*m_db, *query.value(), email);
}

Result<QStringList> SqliteStore::superAdmins() const
{
    auto q = m_db->prepare(("SELECT email FROM users WHERE role = 'super-admin' ORDER BY id"));
    if (!q)
        return q.error();
    if (Status s = m_db->exec(q.value()); !s)
        return s.error();
    QStringList emails;
    while (q.value().next())
        emails << q.value().value(0).toString();
    return emails;
}

Result<std::array<SeatCount, SeatTypeCount>> SqliteStore::seatCounts() const
{
    auto q = m_db->prepare(("SELECT type, purchased, assigned FROM seat_types"));
    if (!q)
        return q.error();
    if (Status s = m_db->exec(q.value()); !s)
        return s.error();
    std::array<SeatCount, SeatTypeCount> counts;
    for (SeatType type : allSeatTypes())
        counts[seatTypeIndex(type)].type = type;
    while (q.value().next()) {
        const auto type = seatTypeFromKey(q.value().value(0).toString());
        if (!type)
            continue;
        counts[seatTypeIndex(*type)].purchased = q.value().value(1).toInt();
        counts[seatTypeIndex(*type)].assigned = q.value().value(2).toInt();
    }
    return counts;
}

Result<QVector<LedgerEntry>> SqliteStore::entries(qint64 afterId) const
{
    return ledgerEntriesAfter(*m_db, afterId);
}

Result<QVector<LedgerEntry>> SqliteStore::entriesPage(const LedgerFilter &filter, qint64 beforeId, int limit) const
{
    return LedgerPages::page(*m_db, sqlitePages, filter, beforeId, limit);
}

Result<qint64> SqliteStore::lastEntryId() const
{
    return m_db->scalar("SELECT COALESCE(MAX(id), 0) FROM ledger");
}

Result<std::optional<std::optional<SeatType>>> SqliteStore::storedSeat(qint64 userId, Product product) const
{
    auto q = m_db->prepare(("SELECT (SELECT seat_type FROM assignments WHERE user_id = :id "
                            "AND product = :product) FROM users WHERE id = :id2"));
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":id"), userId);
    q.value().bindValue(QStringLiteral(":product"), productKey(product));
    q.value().bindValue(QStringLiteral(":id2"), userId);
    if (Status s = m_db->exec(q.value()); !s)
        return s.error();
    if (!q.value().next())
        return std::optional<std::optional<SeatType>>();
    return std::optional<std::optional<SeatType>>(seatTypeFromKey(q.value().value(0).toString()));
}

Result<std::unique_ptr<StoreTransaction>> SqliteStore::beginWrite(const QString &actor)
{
    auto tx = std::make_unique<SqliteTransaction>(*m_db, actor);
    if (!tx->started())
        return tx->started().error();
    return std::unique_ptr<StoreTransaction>(std::move(tx));
}

Result<qint64> SqliteStore::insertUser(const User &u)
{
    auto query = reused(m_insertUser,
                        "INSERT INTO users (email, email_key, first_name, last_name, role, created_at) "
                        "VALUES (:email, :key, :first, :last, :role, :at)");
    if (!query)
        return query.error();
    QSqlQuery &q = *query.value();
    q.bindValue(QStringLiteral(":email"), u.email);
    q.bindValue(QStringLiteral(":key"), Validation::emailKey(u.email));
    q.bindValue(QStringLiteral(":first"), sqlText(u.firstName));
    q.bindValue(QStringLiteral(":last"), sqlText(u.lastName));
    q.bindValue(QStringLiteral(":role"), roleKey(u.role));
    q.bindValue(QStringLiteral(":at"), LedgerChain::timeText(u.createdAt));
    if (Status s = m_db->exec(q); !s)
        return s.error();
    const qint64 id = q.lastInsertId().toLongLong();
    q.finish();
    return id;
}

Status SqliteStore::deleteUser(qint64 id)
{
    if (Status s = TeamRows::leaveAll(*m_db, id); !s)
        return s;
    auto remove = m_db->prepare(("DELETE FROM users WHERE id = :id"));
    if (!remove)
        return remove.error();
    remove.value().bindValue(QStringLiteral(":id"), id);
    return m_db->exec(remove.value());
}

Result<qint64> SqliteStore::insertTeam(const QString &name)
{
    auto q = m_db->prepare("INSERT INTO teams (name, name_key) VALUES (:name, :key)");
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":name"), name);
    q.value().bindValue(QStringLiteral(":key"), Validation::teamKey(name));
    if (Status s = m_db->exec(q.value()); !s)
        return s.error();
    return q.value().lastInsertId().toLongLong();
}

Result<QVector<Team>> SqliteStore::teams() const
{
    return TeamRows::all(*m_db);
}

Result<Team> SqliteStore::findTeam(const QString &name) const
{
    return TeamRows::byName(*m_db, name);
}

Result<QStringList> SqliteStore::teamMembers(qint64 teamId) const
{
    return TeamRows::members(*m_db, teamId);
}

Status SqliteStore::updateUser(qint64 id, const QString &firstName, const QString &lastName, Role role)
{
    return TeamRows::updateUser(*m_db, id, firstName, lastName, role);
}

Status SqliteStore::renameTeam(qint64 id, const QString &name)
{
    return TeamRows::rename(*m_db, id, name);
}

Status SqliteStore::deleteTeam(qint64 id)
{
    return TeamRows::remove(*m_db, id);
}

Status SqliteStore::setUserTeams(qint64 userId, qint64 mainTeamId, const QVector<qint64> &additionalTeamIds)
{
    return TeamRows::setUserTeams(*m_db, userId, mainTeamId, additionalTeamIds);
}

Status SqliteStore::addPurchased(SeatType type, qint64 count)
{
    auto update = m_db->prepare(("UPDATE seat_types SET purchased = purchased + :n WHERE type = :type"));
    if (!update)
        return update.error();
    update.value().bindValue(QStringLiteral(":n"), count);
    update.value().bindValue(QStringLiteral(":type"), seatTypeKey(type));
    return m_db->exec(update.value());
}

Result<bool> SqliteStore::releasePurchased(SeatType type, qint64 count)
{
    auto update = m_db->prepare(
        ("UPDATE seat_types SET purchased = purchased - :n WHERE type = :type AND purchased - :n2 >= assigned"));
    if (!update)
        return update.error();
    update.value().bindValue(QStringLiteral(":n"), count);
    update.value().bindValue(QStringLiteral(":n2"), count);
    update.value().bindValue(QStringLiteral(":type"), seatTypeKey(type));
    if (Status s = m_db->exec(update.value()); !s)
        return s.error();
    return update.value().numRowsAffected() == 1;
}

Status SqliteStore::stageEdits(const QVector<const SeatEdit *> &edits)
{
    // The batch goes to storage as a temporary table; a handful of set-wise
    // statements then check it against what is stored (R12) and apply it, so
    // 10,000 edits cost one join each rather than 10,000 lookups and updates.
    if (Status s = m_db->execStatement(
            ("CREATE TEMP TABLE IF NOT EXISTS pending_edits (user_id INTEGER NOT NULL, product TEXT NOT NULL, "
             "from_type TEXT, to_type TEXT, PRIMARY KEY (user_id, product))"));
        !s)
        return s;
    if (Status s = m_db->execStatement(("DELETE FROM pending_edits")); !s)
        return s;
    auto insert = BulkStatement::prepare(
        *m_db, "INSERT INTO pending_edits (user_id, product, from_type, to_type) VALUES (?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    for (const SeatEdit *edit : edits) {
        BulkStatement &q = *insert.value();
        q.bind(0, edit->userId);
        q.bind(1, productKey(edit->product));
        if (edit->from)
            q.bind(2, seatTypeKey(*edit->from));
        else
            q.bindNull(2);
        if (edit->to)
            q.bind(3, seatTypeKey(*edit->to));
        else
            q.bindNull(3);
        if (Status s = q.run(); !s)
            return s;
    }
    return {};
}

Result<QVector<QPair<qint64, Product>>> SqliteStore::staleStagedEdits()
{
    auto stale = m_db->prepare(("SELECT e.user_id, e.product FROM pending_edits e "
                                "LEFT JOIN users u ON u.id = e.user_id "
                                "LEFT JOIN assignments a ON a.user_id = e.user_id AND a.product = e.product "
                                "WHERE u.id IS NULL OR COALESCE(a.seat_type, '') <> COALESCE(e.from_type, '')"));
    if (!stale)
        return stale.error();
    if (Status s = m_db->exec(stale.value()); !s)
        return s.error();
    QVector<QPair<qint64, Product>> found;
    while (stale.value().next()) {
        if (const auto product = productFromKey(stale.value().value(1).toString()))
            found.append({ stale.value().value(0).toLongLong(), *product });
    }
    if (stale.value().lastError().isValid())
        return m_db->storageError(stale.value().lastError());
    return found;
}

Status SqliteStore::applyStagedEdits()
{
    // Removals, tier moves, new seats (R3 holds: one row per user and product).
    const SqlText apply[] = {
        "DELETE FROM assignments WHERE (user_id, product) IN "
        "(SELECT user_id, product FROM pending_edits WHERE to_type IS NULL)",
        "UPDATE assignments SET seat_type = (SELECT e.to_type FROM pending_edits e "
        "WHERE e.user_id = assignments.user_id AND e.product = assignments.product) "
        "WHERE (user_id, product) IN "
        "(SELECT user_id, product FROM pending_edits WHERE from_type IS NOT NULL AND to_type IS NOT NULL)",
        "INSERT INTO assignments (user_id, product, seat_type) "
        "SELECT user_id, product, to_type FROM pending_edits WHERE from_type IS NULL AND to_type IS NOT NULL",
        "DELETE FROM pending_edits",
    };
    for (const SqlText &sql : apply) {
        if (Status s = m_db->execStatement(sql); !s)
            return s;
    }
    return {};
}

Result<bool> SqliteStore::moveAssigned(SeatType type, int delta)
{
    // The conditional update is what makes R2 hold between processes: of two
    // writers racing for the last seat, the second finds no row to update (and
    // the CHECK backs it up).
    auto counter = m_db->prepare(("UPDATE seat_types SET assigned = assigned + :d "
                                  "WHERE type = :type AND assigned + :d2 <= purchased"));
    if (!counter)
        return counter.error();
    counter.value().bindValue(QStringLiteral(":d"), delta);
    counter.value().bindValue(QStringLiteral(":d2"), delta);
    counter.value().bindValue(QStringLiteral(":type"), seatTypeKey(type));
    if (Status s = m_db->exec(counter.value()); !s)
        return s.error();
    return counter.value().numRowsAffected() == 1;
}

Result<QStringList> SqliteStore::check() const
{
    const LedgerAudit::Collect collect
        = [this](const SqlText &sql, const std::function<void(const QSqlQuery &)> &row) -> Status {
        auto q = m_db->prepare(sql);
        if (!q)
            return q.error();
        if (Status s = m_db->exec(q.value()); !s)
            return s;
        while (q.value().next())
            row(q.value());
        if (q.value().lastError().isValid())
            return m_db->storageError(q.value().lastError());
        return {};
    };
    // SQLite's own view of the file first, then what every backend checks.
    QStringList problems;
    if (Status s = collect("PRAGMA integrity_check",
                           [&](const QSqlQuery &q) {
                               if (q.value(0).toString() != QLatin1String("ok"))
                                   problems << QCoreApplication::translate("LedgerAudit", "Integrity check: %1")
                                                   .arg(q.value(0).toString());
                           });
        !s)
        return s.error();
    if (Status s = collect("PRAGMA foreign_key_check",
                           [&](const QSqlQuery &q) {
                               problems << QCoreApplication::translate(
                                               "LedgerAudit", "A row of table %1 points to a missing row of %2.")
                                               .arg(q.value(0).toString(), q.value(2).toString());
                           });
        !s)
        return s.error();
    auto audited = LedgerAudit::run(collect);
    if (!audited)
        return audited.error();
    return problems + audited.value();
}

Status SqliteStore::quickCheck() const
{
    return m_db->quickCheck();
}

Result<BackupInfo> SqliteStore::backup() const
{
    return Backups::take(*m_db);
}

Result<std::optional<BackupInfo>> SqliteStore::dailyBackup() const
{
    return Backups::takeDaily(*m_db);
}
