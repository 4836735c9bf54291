// Model-based test: random sequences of operations — users created and
// deleted, seats assigned, moved, removed, applied in batches, bought and
// released, by admins and by Users — run against the seat ledger and against a
// small in-memory reference model. Every result (done, or refused and why) and
// the state after every step must agree, and the invariants must hold.
//
// SEATKEEPER_MODEL_OPS (default 100000) and SEATKEEPER_MODEL_SEED (default
// fixed) choose the run; a failure prints the seed and the step to replay it.

#include "SeatLedger.h"
#include "TestSupport.h"

#include <map>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct ModelUser
{
    qint64 id = 0;
    QString email;
    Role role = Role::User;
    std::optional<SeatType> seats[ProductCount];
};

// The rules of DESIGN.md, written as plainly as possible, independent of the
// ledger's code: a refusal is predicted by its kind, in the order a person
// would be told (bad input, then rights, then the data).
struct Model
{
    std::map<QString, ModelUser> users; // by lower-case e-mail
    int purchased[SeatTypeCount] = {};
    int assigned[SeatTypeCount] = {};
    QString actor;

    static QString key(const QString &email) { return email.toLower(); }
    const ModelUser *find(const QString &email) const
    {
        const auto it = users.find(key(email));
        return it == users.end() ? nullptr : &it->second;
    }
    bool actorIsAdmin() const
    {
        const ModelUser *me = find(actor);
        return me && me->role != Role::User;
    }
    int free(SeatType t) const { return purchased[seatTypeIndex(t)] - assigned[seatTypeIndex(t)]; }
};

using Outcome = std::optional<ErrorKind>; // nothing: done

QString outcomeText(const Outcome &o)
{
    return o ? errorKindKey(*o) : QStringLiteral("done");
}

} // namespace

class TestModel : public QObject
{
    Q_OBJECT

private slots:
    void ledgerAgreesWithTheModel();

private:
    void compareAll(const SeatLedger &ledger, const Model &model, const QString &where);
};

void TestModel::compareAll(const SeatLedger &ledger, const Model &model, const QString &where)
{
    const auto users = ledger.users();
    QVERIFY2(users.ok(), qPrintable(where));
    QCOMPARE(size_t(users.value().size()), model.users.size());
    for (const User &u : users.value()) {
        const ModelUser *m = model.find(u.email);
        QVERIFY2(m, qPrintable(where + QStringLiteral(": unexpected user ") + u.email));
        QVERIFY2(m->email == u.email && m->role == u.role && m->seats[0] == u.sales && m->seats[1] == u.service,
                 qPrintable(where + QStringLiteral(": user differs: ") + u.email));
    }
}

void TestModel::ledgerAgreesWithTheModel()
{
    const int operations = qEnvironmentVariableIsSet("SEATKEEPER_MODEL_OPS")
        ? qEnvironmentVariableIntValue("SEATKEEPER_MODEL_OPS")
        : 100000;
    const quint32 seed = qEnvironmentVariableIsSet("SEATKEEPER_MODEL_SEED")
        ? quint32(qEnvironmentVariableIntValue("SEATKEEPER_MODEL_SEED"))
        : 20261126u;
    QRandomGenerator rng(seed);
    const QString replay
        = QStringLiteral("(replay: SEATKEEPER_MODEL_SEED=%1 SEATKEEPER_MODEL_OPS=%2)").arg(seed).arg(operations);

    QTemporaryDir dir;
    const QString root = QStringLiteral("root@example.com");
    auto created = SeatLedger::create(dir.filePath(QStringLiteral("model.db")), root);
    QVERIFY(created.ok());
    SeatLedger &ledger = *created.value();
    Model model;
    model.users[Model::key(root)] = ModelUser { ledger.user(root).value().id, root, Role::SuperAdmin, {} };
    model.actor = root;

    // A small pool of addresses, so that duplicates, deletions of the absent
    // and re-creations all happen often; some in other letter case.
    const auto poolEmail = [&] {
        QString email = QStringLiteral("user%1@example.com").arg(rng.bounded(40));
        if (rng.bounded(8) == 0)
            email = email.toUpper();
        return email;
    };
    const auto anyType = [&] {
        return allSeatTypes()[rng.bounded(SeatTypeCount)];
    };
    const auto typeOf = [&](Product p) {
        return seatTypeOf(p, std::array { Tier::Starter, Tier::Professional, Tier::Enterprise }[rng.bounded(3)]);
    };
    const auto anyUser = [&]() -> const ModelUser * {
        if (model.users.empty())
            return nullptr;
        auto it = model.users.begin();
        std::advance(it, rng.bounded(int(model.users.size())));
        return &it->second;
    };
    qint64 revision = ledger.revision().value();
    int done = 0;
    QHash<QString, int> tried;
    QElapsedTimer timer;
    timer.start();

    for (int step = 0; step < operations; ++step) {
        const int dice = int(rng.bounded(100));
        QString op;
        Outcome expected;
        Status actual;
        std::function<void()> applyToModel = [] {
        };

        if (dice < 5) {
            // Someone else sits at the keyboard: an admin or a plain User.
            const ModelUser *who = anyUser();
            op = QStringLiteral("set-actor ") + who->email;
            actual = ledger.setActor(who->email);
            expected = std::nullopt;
            model.actor = who->email;
            // Keep admins at the keyboard most of the time.
            if (who->role == Role::User && rng.bounded(3) != 0) {
                actual = ledger.setActor(root);
                model.actor = root;
            }
        } else if (dice < 22) {
            NewUser u;
            u.email = rng.bounded(25) == 0 ? QStringLiteral("not-an-address") : poolEmail();
            const int r = int(rng.bounded(10));
            u.role = r < 7 ? Role::User : r < 9 ? Role::Admin : Role::SuperAdmin;
            if (rng.bounded(5) == 0)
                u.sales = typeOf(Product::Sales);
            if (rng.bounded(8) == 0)
                u.service = typeOf(Product::Service);
            op = QStringLiteral("create %1 %2").arg(u.email, roleKey(u.role));
            const ModelUser *me = model.find(model.actor);
            if (!u.email.contains(QLatin1Char('@')))
                expected = ErrorKind::Invalid;
            else if (!model.actorIsAdmin())
                expected = ErrorKind::NotAuthorized;
            else if (u.role == Role::SuperAdmin && me->role != Role::SuperAdmin)
                expected = ErrorKind::NotAuthorized;
            else if (model.find(u.email))
                expected = ErrorKind::Duplicate;
            else if ((u.sales && u.service == std::nullopt && model.free(*u.sales) < 1)
                     || (u.service && u.sales == std::nullopt && model.free(*u.service) < 1)
                     || (u.sales && u.service && (model.free(*u.sales) < 1 || model.free(*u.service) < 1)))
                expected = ErrorKind::NoFreeSeat;
            auto result = ledger.createUser(u);
            actual = result ? Status() : Status(result.error());
            if (result) {
                const qint64 id = result.value().id;
                applyToModel = [&model, u, id] {
                    ModelUser m { id, u.email, u.role, { u.sales, u.service } };
                    for (const auto &seat : m.seats)
                        if (seat)
                            ++model.assigned[seatTypeIndex(*seat)];
                    model.users[Model::key(u.email)] = m;
                };
            }
        } else if (dice < 32) {
            const QString email = rng.bounded(4) == 0 ? model.actor : poolEmail();
            op = QStringLiteral("delete ") + email;
            const ModelUser *target = model.find(email);
            const ModelUser *me = model.find(model.actor);
            if (!model.actorIsAdmin())
                expected = ErrorKind::NotAuthorized;
            else if (!target)
                expected = ErrorKind::NotFound;
            else if (target->seats[0] || target->seats[1])
                expected = ErrorKind::Refused;
            else if (Model::key(target->email) == Model::key(model.actor))
                expected = ErrorKind::Refused;
            else if (target->role == Role::SuperAdmin && me->role != Role::SuperAdmin)
                expected = ErrorKind::NotAuthorized;
            actual = ledger.deleteUser(email);
            applyToModel = [&model, email] {
                model.users.erase(Model::key(email));
            };
        } else if (dice < 55) {
            const QString email = poolEmail();
            const SeatType type = anyType();
            op = QStringLiteral("assign %1 %2").arg(email, seatTypeKey(type));
            const ModelUser *target = model.find(email);
            if (!model.actorIsAdmin())
                expected = ErrorKind::NotAuthorized;
            else if (!target)
                expected = ErrorKind::NotFound;
            else if (target->seats[productIndex(productOf(type))] == type)
                expected = ErrorKind::Refused;
            else if (model.free(type) < 1)
                expected = ErrorKind::NoFreeSeat;
            actual = ledger.assignSeat(email, type);
            applyToModel = [&model, email, type] {
                ModelUser &u = model.users[Model::key(email)];
                auto &slot = u.seats[productIndex(productOf(type))];
                if (slot)
                    --model.assigned[seatTypeIndex(*slot)];
                slot = type;
                ++model.assigned[seatTypeIndex(type)];
            };
        } else if (dice < 68) {
            const QString email = poolEmail();
            const Product product = allProducts()[rng.bounded(ProductCount)];
            op = QStringLiteral("unassign %1 %2").arg(email, productKey(product));
            const ModelUser *target = model.find(email);
            if (!model.actorIsAdmin())
                expected = ErrorKind::NotAuthorized;
            else if (!target)
                expected = ErrorKind::NotFound;
            else if (!target->seats[productIndex(product)])
                expected = ErrorKind::Refused;
            actual = ledger.removeSeat(email, product);
            applyToModel = [&model, email, product] {
                auto &slot = model.users[Model::key(email)].seats[productIndex(product)];
                --model.assigned[seatTypeIndex(*slot)];
                slot.reset();
            };
        } else if (dice < 74) {
            const SeatType type = anyType();
            const int count = rng.bounded(30) == 0 ? (rng.bounded(2) ? 0 : SeatLedger::MaxSeatsPerPurchase + 1)
                                                   : int(rng.bounded(1, 4));
            op = QStringLiteral("buy %1 %2").arg(seatTypeKey(type)).arg(count);
            if (count < 1 || count > SeatLedger::MaxSeatsPerPurchase)
                expected = ErrorKind::Invalid;
            else if (!model.actorIsAdmin())
                expected = ErrorKind::NotAuthorized;
            actual = ledger.buySeats(type, count);
            applyToModel = [&model, type, count] {
                model.purchased[seatTypeIndex(type)] += count;
            };
        } else if (dice < 86) {
            const SeatType type = anyType();
            const int count = rng.bounded(30) == 0 ? 0 : int(rng.bounded(1, 4));
            op = QStringLiteral("release %1 %2").arg(seatTypeKey(type)).arg(count);
            if (count < 1)
                expected = ErrorKind::Invalid;
            else if (!model.actorIsAdmin())
                expected = ErrorKind::NotAuthorized;
            else if (count > model.free(type))
                expected = ErrorKind::Refused;
            actual = ledger.releaseSeats(type, count);
            applyToModel = [&model, type, count] {
                model.purchased[seatTypeIndex(type)] -= count;
            };
        } else {
            // A Save from the grid: several edits as one batch, all or nothing.
            QVector<SeatEdit> edits;
            QSet<QPair<qint64, int>> used;
            int delta[SeatTypeCount] = {};
            const int wanted = int(rng.bounded(1, 9));
            for (int i = 0; i < wanted && !model.users.empty(); ++i) {
                const ModelUser *u = anyUser();
                const Product product = allProducts()[rng.bounded(ProductCount)];
                if (used.contains({ u->id, productIndex(product) }))
                    continue;
                const auto from = u->seats[productIndex(product)];
                const std::optional<SeatType> to
                    = rng.bounded(3) == 0 ? std::nullopt : std::optional<SeatType>(typeOf(product));
                if (from == to)
                    continue;
                used.insert({ u->id, productIndex(product) });
                edits.append(SeatEdit { u->id, u->email, product, from, to });
            }
            // Now and then a window that loaded before someone else's change (R12).
            bool stale = !edits.isEmpty() && rng.bounded(10) == 0;
            if (stale) {
                SeatEdit &e = edits.first();
                e.from = e.from ? std::nullopt : std::optional<SeatType>(typeOf(e.product));
                if (e.from == e.to)
                    e.to = std::nullopt;
                if (e.from == e.to) {
                    edits.removeFirst();
                    stale = false;
                }
            }
            // What the batch does to each type, from the edits as they finally are.
            for (const SeatEdit &e : edits) {
                if (e.from)
                    --delta[seatTypeIndex(*e.from)];
                if (e.to)
                    ++delta[seatTypeIndex(*e.to)];
            }
            op = QStringLiteral("save %1 edit(s)%2")
                     .arg(edits.size())
                     .arg(stale ? QStringLiteral(" stale") : QString());
            bool over = false;
            for (int t = 0; t < SeatTypeCount; ++t)
                over = over || model.assigned[t] + delta[t] > model.purchased[t];
            if (edits.isEmpty())
                expected = model.actorIsAdmin() ? Outcome() : Outcome(ErrorKind::NotAuthorized);
            else if (!model.actorIsAdmin())
                expected = ErrorKind::NotAuthorized;
            else if (stale)
                expected = ErrorKind::Conflict;
            else if (over)
                expected = ErrorKind::NoFreeSeat;
            actual = ledger.applyEdits(edits);
            applyToModel = [&model, edits] {
                for (const SeatEdit &e : edits) {
                    auto &slot = model.users[Model::key(e.email)].seats[productIndex(e.product)];
                    if (slot)
                        --model.assigned[seatTypeIndex(*slot)];
                    slot = e.to;
                    if (slot)
                        ++model.assigned[seatTypeIndex(*slot)];
                }
            };
        }

        const Outcome got = actual ? Outcome() : Outcome(actual.error().kind);
        const QString where = QStringLiteral("step %1, %2 %3").arg(step).arg(op, replay);
        QVERIFY2(got == expected,
                 qPrintable(
                     where
                     + QStringLiteral(": the model says %1, the ledger says %2 (%3)")
                           .arg(outcomeText(expected), outcomeText(got), actual ? QString() : actual.error().message)));
        ++tried[op.section(QLatin1Char(' '), 0, 0) + QLatin1Char(' ') + outcomeText(got)];
        const bool changes
            = !got && !op.startsWith(QLatin1String("set-actor")) && !(op.startsWith(QLatin1String("save 0")));
        if (changes) {
            applyToModel();
            ++done;
        }

        // After every step: each change moved the revision by one, each refusal
        // left it (and everything else) alone; the counters match the model and R2 holds.
        const qint64 now = ledger.revision().value();
        QVERIFY2(now == revision + (changes ? 1 : 0), qPrintable(where + QStringLiteral(": revision")));
        revision = now;
        const auto counts = ledger.seatCounts();
        QVERIFY2(counts.ok(), qPrintable(where));
        for (const SeatCount &c : counts.value()) {
            const int t = seatTypeIndex(c.type);
            QVERIFY2(c.purchased == model.purchased[t] && c.assigned == model.assigned[t],
                     qPrintable(where
                                + QStringLiteral(": %1 is %2/%3, the model says %4/%5")
                                      .arg(seatTypeKey(c.type))
                                      .arg(c.assigned)
                                      .arg(c.purchased)
                                      .arg(model.assigned[t])
                                      .arg(model.purchased[t])));
            QVERIFY2(0 <= c.assigned && c.assigned <= c.purchased, qPrintable(where + QStringLiteral(": R2")));
        }
        if (step % 500 == 499) {
            compareAll(ledger, model, where);
            if (QTest::currentTestFailed())
                return;
        }
    }
    compareAll(ledger, model, QStringLiteral("at the end ") + replay);
    // The ledger alone replays to exactly this state, its chain unbroken.
    QCOMPARE(ledger.check().value(), QStringList());

    QStringList summary;
    for (auto it = tried.cbegin(); it != tried.cend(); ++it)
        summary << QStringLiteral("%1: %2").arg(it.key()).arg(it.value());
    summary.sort();
    qInfo("%d operations (%d changes) with seed %u in %lld ms; %d users at the end", operations, done, seed,
          timer.elapsed(), int(model.users.size()));
    qInfo("%s", qPrintable(summary.join(QStringLiteral(", "))));
}

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
