#include "PostgresStore.h"

#include "LedgerAudit.h"
#include "LedgerChain.h"
#include "LedgerPages.h"
#include "LedgerRow.h"
#include "PostgresDatabase.h"
#include "StoredUserRow.h"
#include "TeamRows.h"
#include "UserReader.h"
#include "Validation.h"

#include <QStringList>

namespace {

// A PostgreSQL array literal of any text, bound as one value.
QString textArray(const QStringList &elements)
{
    QString literal = QStringLiteral("{");
    for (qsizetype i = 0; i < elements.size(); ++i) {
        if (i > 0)
            literal += QLatin1Char(',');
        QString element = elements.at(i);
        element.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
        literal += QLatin1Char('"') + element + QLatin1Char('"');
    }
    return literal + QLatin1Char('}');
}

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
    {
    }
    const Status &started() const { return m_tx.started(); }

    Status append(const LedgerDraft &e) override
    {
        if (Status s = load(); !s)
            return s;
        // The server sets the login itself and refuses an entry whose hash
        // does not cover it (seatkeeper_ledger_entries).
        const LedgerEntry entry { m_nextId, m_at,    m_actor,    e.action, e.subject,   e.seatType,
                                  e.before, e.after, m_lastHash, {},       m_db.login() };
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
    // hashed in order here, then sent as a few statements of many rows each
    // rather than one round trip per entry.
    Status draft(QVector<LedgerDraft> entries) override
    {
        m_drafts = std::move(entries);
        return {};
    }
    Status appendDrafted() override
    {
        if (Status s = load(); !s)
            return s;
        for (qsizetype from = 0; from < m_drafts.size(); from += RowsPerStatement) {
            if (Status s = appendMany(m_drafts.mid(from, RowsPerStatement)); !s)
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
            // Delivered to every listening window when (and only if) this commits.
            auto notify = m_db.prepare("SELECT pg_notify(:channel, :entry)");
            if (!notify)
                return notify.error();
            notify.value().bindValue(QStringLiteral(":channel"), QLatin1String(PostgresDatabase::LedgerChannel));
            notify.value().bindValue(QStringLiteral(":entry"), QString::number(lastEntryId()));
            if (Status s = m_db.exec(notify.value()); !s)
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
    static constexpr qsizetype RowsPerStatement = 20000;

    static QString orEmpty(const QString &text) { return text.isNull() ? QStringLiteral("") : text; }

    // The entries in order, chained as append() chains them, in one statement.
    // The server's trigger still checks each row against the one before it.
    Status appendMany(const QVector<LedgerDraft> &drafts)
    {
        if (drafts.isEmpty())
            return {};
        QStringList ids, actions, subjects, seatTypes, befores, afters, prevs, hashes;
        QString lastHash = m_lastHash;
        qint64 nextId = m_nextId;
        for (const LedgerDraft &e : drafts) {
            // The login, as in append(): the server's trigger hashes it too.
            const LedgerEntry entry { nextId,   m_at,    m_actor,  e.action, e.subject,   e.seatType,
                                      e.before, e.after, lastHash, {},       m_db.login() };
            const QString hash = LedgerChain::hashOf(entry, m_atText);
            ids << QString::number(nextId);
            actions << entry.action;
            subjects << orEmpty(entry.subject);
            seatTypes << orEmpty(entry.seatType);
            befores << orEmpty(entry.before);
            afters << orEmpty(entry.after);
            prevs << orEmpty(entry.prevHash);
            hashes << hash;
            lastHash = hash;
            ++nextId;
        }
        auto insert = m_db.prepare(
            "INSERT INTO ledger (id, at_utc, actor, action, subject, seat_type, old_value, new_value, prev_hash, hash) "
            "SELECT t.id, :at, :actor, t.action, t.subject, t.seat_type, t.old_value, t.new_value, t.prev_hash, t.hash "
            "FROM unnest(CAST(:ids AS BIGINT[]), CAST(:actions AS TEXT[]), CAST(:subjects AS TEXT[]), "
            "CAST(:seat_types AS TEXT[]), CAST(:befores AS TEXT[]), CAST(:afters AS TEXT[]), "
            "CAST(:prevs AS TEXT[]), CAST(:hashes AS TEXT[])) "
            "AS t (id, action, subject, seat_type, old_value, new_value, prev_hash, hash) ORDER BY t.id");
        if (!insert)
            return insert.error();
        QSqlQuery &q = insert.value();
        q.bindValue(QStringLiteral(":at"), m_atText);
        q.bindValue(QStringLiteral(":actor"), m_actor);
        q.bindValue(QStringLiteral(":ids"), QLatin1Char('{') + ids.join(QLatin1Char(',')) + QLatin1Char('}'));
        q.bindValue(QStringLiteral(":actions"), textArray(actions));
        q.bindValue(QStringLiteral(":subjects"), textArray(subjects));
        q.bindValue(QStringLiteral(":seat_types"), textArray(seatTypes));
        q.bindValue(QStringLiteral(":befores"), textArray(befores));
        q.bindValue(QStringLiteral(":afters"), textArray(afters));
        q.bindValue(QStringLiteral(":prevs"), textArray(prevs));
        q.bindValue(QStringLiteral(":hashes"), textArray(hashes));
        if (Status s = m_db.exec(q); !s)
            return s;
        m_lastHash = lastHash;
        m_nextId = nextId;
        m_appended += drafts.size();
        return {};
    }

    Status load()
    {
        if (m_insert)
            return {};
        // The entries' time is the server's: the time of this transaction, or
        // the last entry's if that is later (a transaction begun before it),
        // as the server's trigger checks it (schema 5), whatever this
        // machine's clock says. Read with the last entry, in the same round trip.
        auto last = m_db.prepare("SELECT l.id, l.hash, GREATEST(seatkeeper_entry_time(), l.at_utc) "
                                 "FROM (SELECT 1) AS one LEFT JOIN (SELECT id, hash, at_utc FROM ledger "
                                 "ORDER BY id DESC LIMIT 1) AS l ON true");
        if (!last)
            return last.error();
        if (Status s = m_db.exec(last.value()); !s)
            return s;
        if (!last.value().next())
            return m_db.storageError(last.value().lastError());
        m_nextId = last.value().value(0).isNull() ? 1 : last.value().value(0).toLongLong() + 1;
        m_lastHash = last.value().value(1).toString();
        m_atText = last.value().value(2).toString();
        m_at = QDateTime::fromString(m_atText, Qt::ISODateWithMs);
        if (!m_at.isValid() || LedgerChain::timeText(m_at) != m_atText)
            return Error { ErrorKind::Storage,
                           QCoreApplication::translate("PostgresStore",
                                                       "The server of %1 gave a time Seatkeeper cannot read: %2.")
                               .arg(m_db.uri(), m_atText) };
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
    QString m_atText; // every entry of one change has the same time: the server's, read by load()
    std::unique_ptr<QSqlQuery> m_insert;
    QString m_lastHash;
    qint64 m_nextId = 0;
    qint64 m_appended = 0;
    QVector<LedgerDraft> m_drafts;
};

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
    m_db->setBeforeReconnect([this] { letGoOfPrepared(); });
}

PostgresStore::PostgresStore(PostgresDatabase &borrowed)
    : m_db(&borrowed)
{
    m_db->setBeforeReconnect([this] { letGoOfPrepared(); });
}

PostgresStore::~PostgresStore()
{
    m_db->setBeforeReconnect({});
}

void PostgresStore::letGoOfPrepared() const
{
    m_findUser = {};
    m_insertUser = {};
}

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

Result<std::unique_ptr<SeatStore>> PostgresStore::openLater() const
{
    return std::unique_ptr<SeatStore>(new PostgresStore(m_db->openLater()));
}

QString PostgresStore::login() const
{
    return m_db->login();
}

Result<std::optional<QString>> PostgresStore::userOfLogin() const
{
    auto q = m_db->prepare("SELECT email FROM users WHERE login = session_user");
    if (!q)
        return q.error();
    if (Status s = m_db->exec(q.value()); !s)
        return s.error();
    if (q.value().next())
        return std::optional<QString>(q.value().value(0).toString());
    if (q.value().lastError().isValid())
        return m_db->storageError(q.value().lastError());
    return std::optional<QString>();
}

bool PostgresStore::subscribeToChanges(const std::function<void()> &notified)
{
    return m_db->subscribe(notified);
}

void PostgresStore::reconnectLater()
{
    m_db->reconnectLater();
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
        auto q = m_db->prepare(UserReader::selectAllWithLoginSql());
        if (!q)
            return q.error();
        if (Status s = m_db->exec(q.value()); !s)
            return s.error();
        UsersAtRevision all { current.value(), {} };
        while (q.value().next())
            all.users.append(UserReader::fromRow(q.value(), true));
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
    auto q = m_db->prepare(UserReader::selectByEmailKeyWithLoginSql());
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":key"), Validation::emailKey(email));
    if (Status s = m_db->exec(q.value()); !s)
        return s.error();
    if (q.value().next()) {
        User found = UserReader::fromRow(q.value(), true);
        if (Status s = TeamRows::addTo(*m_db, found); !s)
            return s.error();
        return found;
    }
    if (q.value().lastError().isValid())
        return m_db->storageError(q.value().lastError());
    return StoredUserRow::notFound(email);
}

Result<QVector<User>> PostgresStore::usersNamed(const QStringList &emails) const
{
    QVector<User> found;
    if (emails.isEmpty())
        return found;
    QStringList keys;
    for (const QString &email : emails)
        keys << Validation::emailKey(email);
    auto q = m_db->prepare(UserReader::selectByEmailKeysWithLoginSql());
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":keys"), textArray(keys));
    if (Status s = m_db->exec(q.value()); !s)
        return s.error();
    QHash<qint64, int> rowOf;
    QStringList ids;
    while (q.value().next()) {
        found.append(UserReader::fromRow(q.value(), true));
        rowOf.insert(found.last().id, int(found.size()) - 1);
        ids << QString::number(found.last().id);
    }
    if (q.value().lastError().isValid())
        return m_db->storageError(q.value().lastError());
    if (found.isEmpty())
        return found;
    // Their teams, in the same round trip's worth: one more query for all of them.
    auto teams
        = m_db->prepare("SELECT m.user_id, t.name, m.is_main FROM team_members m JOIN teams t ON t.id = m.team_id "
                        "WHERE m.user_id = ANY (CAST(:ids AS BIGINT[]))");
    if (!teams)
        return teams.error();
    teams.value().bindValue(QStringLiteral(":ids"), QLatin1Char('{') + ids.join(QLatin1Char(',')) + QLatin1Char('}'));
    if (Status s = m_db->exec(teams.value()); !s)
        return s.error();
    while (teams.value().next()) {
        User &u = found[rowOf.value(teams.value().value(0).toLongLong())];
        if (teams.value().value(2).toInt() == 1)
            u.mainTeam = teams.value().value(1).toString();
        else
            u.additionalTeams << teams.value().value(1).toString();
    }
    if (teams.value().lastError().isValid())
        return m_db->storageError(teams.value().lastError());
    for (User &u : found)
        TeamRows::sortByName(u.additionalTeams);
    return found;
}

Result<QSqlQuery *> PostgresStore::reused(Reused &slot, const SqlText &sql) const
{
    if (!slot.query || slot.generation != m_db->generation()) {
        slot.query.reset(); // prepared on a connection that is gone: nothing to deallocate
        auto prepared = m_db->prepare(sql);
        if (!prepared)
            return prepared.error();
        slot.query = std::make_unique<QSqlQuery>(prepared.takeValue());
        slot.generation = m_db->generation();
    }
    return slot.query.get();
}

Result<StoredUser> PostgresStore::findUser(const QString &email) const
{
    auto prepared = reused(m_findUser, StoredUserRow::byEmailKeySql());
    if (!prepared)
        return prepared.error();
    return StoredUserRow::find(*m_db, *prepared.value(), email);
}

Result<QHash<QString, StoredUser>> PostgresStore::findUsers(const QStringList &emails) const
{
    QStringList keys;
    for (const QString &email : emails)
        keys << Validation::emailKey(email);
    auto q = m_db->prepare(StoredUserRow::byEmailKeysSql());
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":keys"), textArray(keys));
    if (Status s = m_db->exec(q.value()); !s)
        return s.error();
    QHash<QString, StoredUser> found;
    while (q.value().next())
        StoredUserRow::addTo(found[StoredUserRow::keyOf(q.value())], q.value());
    if (q.value().lastError().isValid())
        return m_db->storageError(q.value().lastError());
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
    return ledgerEntriesAfter(*m_db, afterId, true);
}

namespace {

// The History page's statements (LedgerPages). Addresses compare lower-cased in
// the "C" collation, as the indexes PostgresDatabase keeps on the ledger do.
#define SK_LEDGER_SELECT                                                                                               \
    "SELECT id, at_utc, actor, action, subject, seat_type, old_value, new_value, prev_hash, hash FROM ledger "
#define SK_LEDGER_REST                                                                                                 \
    " AND id > :after AND id < :before AND (:from = '' OR at_utc >= :from) AND (:to = '' OR at_utc < :to)"             \
    " ORDER BY id DESC LIMIT :limit"
#define SK_USER_RANGE "lower(subject) COLLATE \"C\" >= :userLo AND lower(subject) COLLATE \"C\" < :userHi"
#define SK_USER_ANY " AND (:userLo = '' OR (" SK_USER_RANGE "))"
#define SK_ACTOR_ANY " AND (:actor = '' OR lower(actor) = :actor)"
#define SK_ACTION_ANY " AND (:action = '' OR action = :action)"

const LedgerPageSql postgresPages {
    SK_LEDGER_SELECT "WHERE " SK_USER_RANGE SK_ACTOR_ANY SK_ACTION_ANY SK_LEDGER_REST,
    SK_LEDGER_SELECT "WHERE lower(actor) = :actor" SK_USER_ANY SK_ACTION_ANY SK_LEDGER_REST,
    SK_LEDGER_SELECT "WHERE action = :action" SK_USER_ANY SK_ACTOR_ANY SK_LEDGER_REST,
    SK_LEDGER_SELECT "WHERE TRUE" SK_USER_ANY SK_ACTOR_ANY SK_ACTION_ANY SK_LEDGER_REST,
    "SELECT COUNT(*) FROM (SELECT 1 FROM ledger WHERE " SK_USER_RANGE
    " AND id > :after AND id < :before LIMIT :cap) AS matching",
    "SELECT id FROM ledger WHERE at_utc >= :at ORDER BY at_utc, id LIMIT 1",
    "SELECT id FROM ledger WHERE at_utc < :at ORDER BY at_utc DESC, id DESC LIMIT 1",
};

} // namespace

Result<QVector<LedgerEntry>> PostgresStore::entriesPage(const LedgerFilter &filter, qint64 beforeId, int limit) const
{
    return LedgerPages::page(*m_db, postgresPages, filter, beforeId, limit);
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
    QString login = u.login;
    if (!login.isEmpty()) {
        if (Status s = loginFree(login, 0); !s)
            return s.error();
    } else if (m_db->creating() && !m_someoneInserted) {
        // The first user of a new database is tied to the login creating it (init).
        auto existing = m_db->scalar("SELECT COUNT(*) FROM users");
        if (!existing)
            return existing.error();
        if (existing.value() == 0)
            login = m_db->login();
        m_someoneInserted = true; // one is, now (or the insert fails, and so does the creation)
    }
    auto prepared = reused(m_insertUser,
                           "INSERT INTO users (email, email_key, first_name, last_name, role, created_at, login) "
                           "VALUES (:email, :key, :first, :last, :role, :at, :login) RETURNING id");
    if (!prepared)
        return prepared.error();
    QSqlQuery &q = *prepared.value();
    q.bindValue(QStringLiteral(":email"), u.email);
    q.bindValue(QStringLiteral(":key"), Validation::emailKey(u.email));
    q.bindValue(QStringLiteral(":first"), u.firstName.isNull() ? QStringLiteral("") : u.firstName);
    q.bindValue(QStringLiteral(":last"), u.lastName.isNull() ? QStringLiteral("") : u.lastName);
    q.bindValue(QStringLiteral(":role"), roleKey(u.role));
    q.bindValue(QStringLiteral(":at"), LedgerChain::timeText(u.createdAt));
    q.bindValue(QStringLiteral(":login"), login.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : login);
    if (Status s = m_db->exec(q); !s)
        return s.error();
    if (!q.next())
        return m_db->storageError(q.lastError());
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    return id;
}

Status PostgresStore::loginFree(const QString &login, qint64 userId) const
{
    // Logins are the DBA's to create; Seatkeeper only ties one to a user.
    auto known = m_db->prepare("SELECT (SELECT COUNT(*) FROM pg_roles WHERE rolname = :login AND rolcanlogin), "
                               "(SELECT email FROM users WHERE login = :login2 AND id <> :id)");
    if (!known)
        return known.error();
    known.value().bindValue(QStringLiteral(":login"), login);
    known.value().bindValue(QStringLiteral(":login2"), login);
    known.value().bindValue(QStringLiteral(":id"), userId);
    if (Status s = m_db->exec(known.value()); !s)
        return s;
    if (!known.value().next())
        return m_db->storageError(known.value().lastError());
    if (known.value().value(0).toLongLong() == 0)
        return Error { ErrorKind::NotFound,
                       tr("The server of %1 has no login “%2”. Logins are created by its administrator "
                          "(CREATE ROLE … LOGIN); then tie it to a user.")
                           .arg(m_db->uri(), login) };
    if (!known.value().value(1).isNull())
        return Error { ErrorKind::Duplicate,
                       tr("The login “%1” is already tied to %2.").arg(login, known.value().value(1).toString()) };
    return {};
}

Status PostgresStore::setUserLogin(qint64 id, const QString &login)
{
    if (!login.isEmpty()) {
        if (Status s = loginFree(login, id); !s)
            return s;
    }
    auto q = m_db->prepare("UPDATE users SET login = :login WHERE id = :id");
    if (!q)
        return q.error();
    q.value().bindValue(QStringLiteral(":login"), login.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : login);
    q.value().bindValue(QStringLiteral(":id"), id);
    return m_db->exec(q.value());
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
    auto audited = LedgerAudit::run(collect, true);
    // Every entry since logins were recorded names the login that wrote it
    // (the hash chain covers the login itself).
    if (audited) {
        const Status s
            = collect("SELECT id FROM ledger WHERE login = '' AND id > "
                      "(SELECT value FROM seatkeeper_meta WHERE key = 'login_from_entry') ORDER BY id",
                      [&audited](const QSqlQuery &q) {
                          audited.value()
                              << tr("Ledger entry %1 does not say which login wrote it.").arg(q.value(0).toLongLong());
                      });
        if (!s)
            audited = s.error();
    }
    // The server's own count of who holds what (seatkeeper_count_held).
    if (audited) {
        const Status s = collect("SELECT type, held, assigned FROM seat_types WHERE held <> assigned ORDER BY type",
                                 [&audited](const QSqlQuery &q) {
                                     audited.value() << tr("%1: the server counts %2 users holding one, the "
                                                           "assigned count says %3.")
                                                            .arg(q.value(0).toString())
                                                            .arg(q.value(1).toLongLong())
                                                            .arg(q.value(2).toLongLong());
                                 });
        if (!s)
            audited = s.error();
    }
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
