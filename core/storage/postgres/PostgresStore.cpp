#include "PostgresStore.h"

#include "LedgerAudit.h"
#include "LedgerChain.h"
#include "LedgerRow.h"
#include "PostgresDatabase.h"
#include "TeamRows.h"
#include "UserReader.h"
#include "Validation.h"

#include <QStringList>

namespace {

// A write on the server: the ledger's lock is held from beginWrite() on (see
// PostgresDatabase::beginWrite), so the last entry read here stays the last one
// until this transaction ends, and each entry is chained to it.
class PostgresTransaction : public StoreTransaction
{
public:
    PostgresTransaction(PostgresDatabase &db, const QString &actor)
        : m_tx(db)
        , m_db(db)
        , m_actor(actor)
        , m_at(QDateTime::currentDateTimeUtc())
        , m_atText(LedgerChain::timeText(m_at))
    {
    }
    const Status &started() const { return m_tx.started(); }

    Status append(const LedgerDraft &e) override
    {
        if (Status s = load(); !s)
            return s;
        const LedgerEntry entry { m_nextId,   m_at,     m_actor, e.action,   e.subject,
                                  e.seatType, e.before, e.after, m_lastHash, {} };
        const QString hash = LedgerChain::hashOf(entry, m_atText);
        QSqlQuery &q = *m_insert;
        q.bindValue(0, entry.id);
        q.bindValue(1, m_atText);
        q.bindValue(2, entry.actor);
        q.bindValue(3, entry.action);
        q.bindValue(4, orEmpty(entry.subject));
        q.bindValue(5, orEmpty(entry.seatType));
        q.bindValue(6, orEmpty(entry.before));
        q.bindValue(7, orEmpty(entry.after));
        q.bindValue(8, orEmpty(entry.prevHash));
        q.bindValue(9, hash);
        if (Status s = m_db.exec(q); !s)
            return s;
        m_lastHash = hash;
        ++m_nextId;
        ++m_appended;
        return {};
    }
    // Hashing is cheap next to a round trip to the server: the drafts are
    // simply appended in order.
    Status draft(QVector<LedgerDraft> entries) override
    {
        m_drafts = std::move(entries);
        return {};
    }
    Status appendDrafted() override
    {
        for (const LedgerDraft &d : qAsConst(m_drafts)) {
            if (Status s = append(d); !s)
                return s;
        }
        m_drafts.clear();
        return {};
    }
    Result<qint64> commit() override
    {
        // Nothing recorded, nothing changed: other windows need not reload.
        if (m_appended > 0) {
            if (Status s = m_db.execStatement("UPDATE seatkeeper_meta SET value = value + 1 WHERE key = 'revision'");
                !s)
                return s.error();
        }
        auto revision = m_db.scalar("SELECT value FROM seatkeeper_meta WHERE key = 'revision'");
        if (!revision)
            return revision.error();
        if (Status s = m_tx.commit(); !s)
            return s.error();
        return revision;
    }
    qint64 lastEntryId() const override { return m_nextId > 0 ? m_nextId - 1 : 0; }

private:
    static QString orEmpty(const QString &text) { return text.isNull() ? QStringLiteral("") : text; }

    Status load()
    {
        if (m_insert)
            return {};
        auto last = m_db.prepare("SELECT id, hash FROM ledger ORDER BY id DESC LIMIT 1");
        if (!last)
            return last.error();
        if (Status s = m_db.exec(last.value()); !s)
            return s;
        if (last.value().next()) {
            m_nextId = last.value().value(0).toLongLong() + 1;
            m_lastHash = last.value().value(1).toString();
        } else {
            m_nextId = 1;
        }
        auto insert = m_db.prepare("INSERT INTO ledger (id, at_utc, actor, action, subject, seat_type, old_value, "
                                   "new_value, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (!insert)
            return insert.error();
        m_insert = std::make_unique<QSqlQuery>(insert.takeValue());
        return {};
    }

    PostgresWrite m_tx;
    PostgresDatabase &m_db;
    QString m_actor;
    QDateTime m_at;
    QString m_atText; // every entry of one change has the same time
    std::unique_ptr<QSqlQuery> m_insert;
    QString m_lastHash;
    qint64 m_nextId = 0;
    qint64 m_appended = 0;
    QVector<LedgerDraft> m_drafts;
};

Error notFound(const QString &email)
{
    return Error { ErrorKind::NotFound,
                   QCoreApplication::translate("SeatLedger", "No user has the email address “%1”.").arg(email) };
}

// A PostgreSQL array literal, bound as one value: a batch of any size goes to
// the server in one statement. Elements are ids and seat keys, never quoted text.
QString arrayLiteral(const QStringList &elements)
{
    return QLatin1Char('{') + elements.join(QLatin1Char(',')) + QLatin1Char('}');
}

} // namespace

PostgresStore::PostgresStore(std::unique_ptr<PostgresDatabase> db)
    : m_owned(std::move(db))
    , m_db(m_owned.get())
{
}

PostgresStore::PostgresStore(PostgresDatabase &borrowed)
    : m_db(&borrowed)
{
}

PostgresStore::~PostgresStore() = default;

Result<std::unique_ptr<PostgresStore>> PostgresStore::open(const QString &uri)
{
    auto db = PostgresDatabase::open(uri);
    if (!db)
        return db.error();
    return std::unique_ptr<PostgresStore>(new PostgresStore(db.takeValue()));
}

Result<std::unique_ptr<PostgresStore>> PostgresStore::create(const QString &uri,
                                                             const std::function<Status(SeatStore &)> &populate)
{
    auto db = PostgresDatabase::create(uri, [&populate](PostgresDatabase &fresh) -> Status {
        PostgresStore borrowed(fresh);
        return populate ? populate(borrowed) : Status();
    });
    if (!db)
        return db.error();
    return std::unique_ptr<PostgresStore>(new PostgresStore(db.takeValue()));
}

Error PostgresStore::noBackups(const QString &uri)
{
    return Error { ErrorKind::Refused,
                   tr("%1 is a database on a PostgreSQL server: Seatkeeper does not back it up or restore it "
                      "(yet). Use the server’s own tools, such as pg_dump and pg_restore.")
                       .arg(uri) };
}

QString PostgresStore::location() const
{
    return m_db->uri();
}

Result<std::unique_ptr<SeatStore>> PostgresStore::openAnother() const
{
    auto other = open(m_db->uri());
    if (!other)
        return other.error();
    return std::unique_ptr<SeatStore>(other.takeValue());
}

Result<qint64> PostgresStore::revision() const
{
    return m_db->scalar("SELECT value FROM seatkeeper_meta WHERE key = 'revision'");
}

Result<UsersAtRevision> PostgresStore::users() const
{
    // One snapshot: the revision and the rows agree.
    if (Status s = m_db->beginSnapshot(); !s)
        return s.error();
    const auto read = [this]() -> Result<UsersAtRevision> {
        auto current = revision();
        if (!current)
            return current.error();
        auto q = m_db->prepare(UserReader::selectAllSql());
        if (!q)
            return q.error();
        if (Status s = m_db->exec(q.value()); !s)
            return s.error();
        UsersAtRevision all { current.value(), {} };
        while (q.value().next())
            all.users.append(UserReader::fromRow(q.value()));
        if (q.value().lastError().isValid())
            return m_db->storageError(q.value().lastError());
        if (Status s = TeamRows::addTo(*m_db, all.users); !s)
            return s.error();
        return all;
    }();
    m_db->endSnapshot();
    return read;
}

Result<User> PostgresStore::user(const QString &email) const
{
    auto q = m_db->prepare(UserReader::selectByEmailKeySql());
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":key"), Validation::emailKey(email));
    if (Status s = m_db->exec(q.value()); !s)
        return s.error();
    if (q.value().next()) {
        User found = UserReader::fromRow(q.value());
        if (Status s = TeamRows::addTo(*m_db, found); !s)
            return s.error();
        return found;
    }
    if (q.value().lastError().isValid())
        return m_db->storageError(q.value().lastError());
    return notFound(email);
}

Result<StoredUser> PostgresStore::findUser(const QString &email) const
{
    auto q = m_db->prepare("SELECT u.id, u.email, u.role, a.product, a.seat_type, u.first_name, u.last_name "
                           "FROM users u LEFT JOIN assignments a ON a.user_id = u.id WHERE u.email_key = :key");
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":key"), Validation::emailKey(email));
    if (Status s = m_db->exec(q.value()); !s)
        return s.error();
    StoredUser found;
    while (q.value().next()) {
        const QSqlQuery &row = q.value();
        found.id = row.value(0).toLongLong();
        found.email = row.value(1).toString();
        found.role = roleFromKey(row.value(2).toString()).value_or(Role::User);
        if (const auto product = productFromKey(row.value(3).toString()))
            found.seats[productIndex(*product)] = seatTypeFromKey(row.value(4).toString());
        found.firstName = row.value(5).toString();
        found.lastName = row.value(6).toString();
    }
    if (q.value().lastError().isValid())
        return m_db->storageError(q.value().lastError());
    if (found.id == 0)
        return notFound(email);
    return found;
}

Result<QStringList> PostgresStore::superAdmins() const
{
    auto q = m_db->prepare("SELECT email FROM users WHERE role = 'super-admin' ORDER BY id");
    if (!q)
        return q.error();
    if (Status s = m_db->exec(q.value()); !s)
        return s.error();
    QStringList emails;
    while (q.value().next())
        emails << q.value().value(0).toString();
    return emails;
}

Result<std::array<SeatCount, SeatTypeCount>> PostgresStore::seatCounts() const
{
    auto q = m_db->prepare("SELECT type, purchased, assigned FROM seat_types");
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

Result<QVector<LedgerEntry>> PostgresStore::entries(qint64 afterId) const
{
    return ledgerEntriesAfter(*m_db, afterId);
}

Result<qint64> PostgresStore::lastEntryId() const
{
    return m_db->scalar("SELECT COALESCE(MAX(id), 0) FROM ledger");
}

Result<std::optional<std::optional<SeatType>>> PostgresStore::storedSeat(qint64 userId, Product product) const
{
    auto q = m_db->prepare("SELECT (SELECT seat_type FROM assignments WHERE user_id = :id "
                           "AND product = :product) FROM users WHERE id = :id2");
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

Result<std::unique_ptr<StoreTransaction>> PostgresStore::beginWrite(const QString &actor)
{
    auto tx = std::make_unique<PostgresTransaction>(*m_db, actor);
    if (!tx->started())
        return tx->started().error();
    return std::unique_ptr<StoreTransaction>(std::move(tx));
}

Result<qint64> PostgresStore::insertUser(const User &u)
{
    auto q = m_db->prepare("INSERT INTO users (email, email_key, first_name, last_name, role, created_at) "
                           "VALUES (:email, :key, :first, :last, :role, :at) RETURNING id");
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":email"), u.email);
    q.value().bindValue(QStringLiteral(":key"), Validation::emailKey(u.email));
    q.value().bindValue(QStringLiteral(":first"), u.firstName.isNull() ? QStringLiteral("") : u.firstName);
    q.value().bindValue(QStringLiteral(":last"), u.lastName.isNull() ? QStringLiteral("") : u.lastName);
    q.value().bindValue(QStringLiteral(":role"), roleKey(u.role));
    q.value().bindValue(QStringLiteral(":at"), LedgerChain::timeText(u.createdAt));
    if (Status s = m_db->exec(q.value()); !s)
        return s.error();
    if (!q.value().next())
        return m_db->storageError(q.value().lastError());
    return q.value().value(0).toLongLong();
}

Status PostgresStore::deleteUser(qint64 id)
{
    if (Status s = TeamRows::leaveAll(*m_db, id); !s)
        return s;
    auto remove = m_db->prepare("DELETE FROM users WHERE id = :id");
    if (!remove)
        return remove.error();
    remove.value().bindValue(QStringLiteral(":id"), id);
    return m_db->exec(remove.value());
}

Result<qint64> PostgresStore::insertTeam(const QString &name)
{
    auto q = m_db->prepare("INSERT INTO teams (name, name_key) VALUES (:name, :key) RETURNING id");
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":name"), name);
    q.value().bindValue(QStringLiteral(":key"), Validation::teamKey(name));
    if (Status s = m_db->exec(q.value()); !s)
        return s.error();
    if (!q.value().next())
        return m_db->storageError(q.value().lastError());
    return q.value().value(0).toLongLong();
}

Result<QVector<Team>> PostgresStore::teams() const
{
    return TeamRows::all(*m_db);
}

Result<Team> PostgresStore::findTeam(const QString &name) const
{
    return TeamRows::byName(*m_db, name);
}

Result<QStringList> PostgresStore::teamMembers(qint64 teamId) const
{
    return TeamRows::members(*m_db, teamId);
}

Status PostgresStore::updateUser(qint64 id, const QString &firstName, const QString &lastName, Role role)
{
    return TeamRows::updateUser(*m_db, id, firstName, lastName, role);
}

Status PostgresStore::renameTeam(qint64 id, const QString &name)
{
    return TeamRows::rename(*m_db, id, name);
}

Status PostgresStore::deleteTeam(qint64 id)
{
    return TeamRows::remove(*m_db, id);
}

Status PostgresStore::setUserTeams(qint64 userId, qint64 mainTeamId, const QVector<qint64> &additionalTeamIds)
{
    return TeamRows::setUserTeams(*m_db, userId, mainTeamId, additionalTeamIds);
}

Status PostgresStore::addPurchased(SeatType type, qint64 count)
{
    auto update = m_db->prepare("UPDATE seat_types SET purchased = purchased + :n WHERE type = :type");
    if (!update)
        return update.error();
    update.value().bindValue(QStringLiteral(":n"), count);
    update.value().bindValue(QStringLiteral(":type"), seatTypeKey(type));
    return m_db->exec(update.value());
}

Result<bool> PostgresStore::releasePurchased(SeatType type, qint64 count)
{
    auto update = m_db->prepare(
        "UPDATE seat_types SET purchased = purchased - :n WHERE type = :type AND purchased - :n2 >= assigned");
    if (!update)
        return update.error();
    update.value().bindValue(QStringLiteral(":n"), count);
    update.value().bindValue(QStringLiteral(":n2"), count);
    update.value().bindValue(QStringLiteral(":type"), seatTypeKey(type));
    if (Status s = m_db->exec(update.value()); !s)
        return s.error();
    return update.value().numRowsAffected() == 1;
}

Status PostgresStore::stageEdits(const QVector<const SeatEdit *> &edits)
{
    // As on SQLite, the batch goes to a temporary table and a few set-wise
    // statements check (R12) and apply it; here the whole batch travels as four
    // arrays in one statement rather than one round trip per edit.
    if (Status s = m_db->execStatement(
            "CREATE TEMP TABLE IF NOT EXISTS pending_edits (user_id BIGINT NOT NULL, product TEXT NOT NULL, "
            "from_type TEXT, to_type TEXT, PRIMARY KEY (user_id, product))");
        !s)
        return s;
    if (Status s = m_db->execStatement("DELETE FROM pending_edits"); !s)
        return s;
    if (edits.isEmpty())
        return {};
    QStringList ids, products, froms, tos;
    const QString null = QStringLiteral("NULL");
    for (const SeatEdit *edit : edits) {
        ids << QString::number(edit->userId);
        products << productKey(edit->product);
        froms << (edit->from ? seatTypeKey(*edit->from) : null);
        tos << (edit->to ? seatTypeKey(*edit->to) : null);
    }
    auto insert = m_db->prepare("INSERT INTO pending_edits (user_id, product, from_type, to_type) "
                                "SELECT * FROM unnest(CAST(:ids AS BIGINT[]), CAST(:products AS TEXT[]), "
                                "CAST(:froms AS TEXT[]), CAST(:tos AS TEXT[]))");
    if (!insert)
        return insert.error();
    insert.value().bindValue(QStringLiteral(":ids"), arrayLiteral(ids));
    insert.value().bindValue(QStringLiteral(":products"), arrayLiteral(products));
    insert.value().bindValue(QStringLiteral(":froms"), arrayLiteral(froms));
    insert.value().bindValue(QStringLiteral(":tos"), arrayLiteral(tos));
    return m_db->exec(insert.value());
}

Result<QVector<QPair<qint64, Product>>> PostgresStore::staleStagedEdits()
{
    auto stale = m_db->prepare("SELECT e.user_id, e.product FROM pending_edits e "
                               "LEFT JOIN users u ON u.id = e.user_id "
                               "LEFT JOIN assignments a ON a.user_id = e.user_id AND a.product = e.product "
                               "WHERE u.id IS NULL OR COALESCE(a.seat_type, '') <> COALESCE(e.from_type, '')");
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

Status PostgresStore::applyStagedEdits()
{
    // Removals, tier moves, new seats (R3 holds: one row per user and product).
    const SqlText apply[] = {
        "DELETE FROM assignments WHERE (user_id, product) IN "
        "(SELECT user_id, product FROM pending_edits WHERE to_type IS NULL)",
        "UPDATE assignments SET seat_type = e.to_type FROM pending_edits e "
        "WHERE e.user_id = assignments.user_id AND e.product = assignments.product "
        "AND e.from_type IS NOT NULL AND e.to_type IS NOT NULL",
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

Result<bool> PostgresStore::moveAssigned(SeatType type, int delta)
{
    // Of two writers racing for the last seat, the second (which waited for
    // the ledger's lock) finds no row to update; the CHECK backs it up.
    auto counter = m_db->prepare("UPDATE seat_types SET assigned = assigned + :d "
                                 "WHERE type = :type AND assigned + :d2 <= purchased");
    if (!counter)
        return counter.error();
    counter.value().bindValue(QStringLiteral(":d"), delta);
    counter.value().bindValue(QStringLiteral(":d2"), delta);
    counter.value().bindValue(QStringLiteral(":type"), seatTypeKey(type));
    if (Status s = m_db->exec(counter.value()); !s)
        return s.error();
    return counter.value().numRowsAffected() == 1;
}

Result<QStringList> PostgresStore::check() const
{
    // One snapshot, so that a change committed halfway through is not half seen.
    if (Status s = m_db->beginSnapshot(); !s)
        return s.error();
    auto audited
        = LedgerAudit::run([this](const SqlText &sql, const std::function<void(const QSqlQuery &)> &row) -> Status {
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
          });
    m_db->endSnapshot();
    return audited;
}

Status PostgresStore::quickCheck() const
{
    // The server keeps its own pages sound; what can go wrong is reaching it.
    auto counted = m_db->scalar("SELECT COUNT(*) FROM seat_types");
    return counted ? Status() : Status(counted.error());
}

Result<BackupInfo> PostgresStore::backup() const
{
    return noBackups(m_db->uri());
}

Result<std::optional<BackupInfo>> PostgresStore::dailyBackup() const
{
    // Nothing to do on a server (its own tools keep its backups); not an error
    // worth a warning before every change.
    return std::optional<BackupInfo>();
}
