#include "SampleAccount.h"

#include "SeatLedger.h"

#include <QRandomGenerator>

namespace {

const char *const firstNames[] = {
    "Élodie", "François", "Zoë",   "Ada",    "Mateo",  "Søren",   "Łukasz", "Chloé", "Noémie", "Amélie",
    "Jürgen", "Ana",      "Björn", "Renée",  "Hélène", "José",    "Nadia",  "Omar",  "Yuki",   "Priya",
    "Gaëlle", "Loïc",     "Inès",  "Thomas", "Marie",  "Raphaël", "Léa",    "Hugo",  "Aïcha",  "Jérôme",
};
const char *const lastNames[] = {
    "Martin", "Lefèvre", "Dubois", "Nguyễn",   "Müller", "García",  "Rossi",  "Kowalski", "Søndergaard", "Petit",
    "Durand", "Moreau",  "Girard", "Bélanger", "Côté",   "O'Brien", "Okafor", "Tanaka",   "Sharma",      "Fournier",
};

// The ASCII form of a name for its e-mail address: "Élodie" → "elodie".
QString mailPart(const QString &name)
{
    QString out;
    for (QChar c : name.normalized(QString::NormalizationForm_KD)) {
        if (c.unicode() < 128 && c.isLetterOrNumber())
            out += c.toLower();
        else if (c == QChar(0x0141) || c == QChar(0x0142))
            out += QLatin1Char('l');
        else if (c == QChar(0x00D8) || c == QChar(0x00F8))
            out += QLatin1Char('o');
    }
    return out;
}

std::optional<SeatType> pickTier(QRandomGenerator &rng, Product product)
{
    const int r = int(rng.bounded(100));
    const Tier tier = r < 50 ? Tier::Starter : (r < 85 ? Tier::Professional : Tier::Enterprise);
    return seatTypeOf(product, tier);
}

} // namespace

Status SampleAccount::populate(SeatLedger &ledger, int people, quint32 seed)
{
    QRandomGenerator rng(seed);
    QVector<NewUser> users;
    users.reserve(people);
    std::array<int, SeatTypeCount> holders {};
    for (int i = 0; i < people; ++i) {
        NewUser u;
        u.firstName = QString::fromUtf8(firstNames[rng.bounded(int(std::size(firstNames)))]);
        u.lastName = QString::fromUtf8(lastNames[rng.bounded(int(std::size(lastNames)))]);
        u.email = QStringLiteral("%1.%2.%3@example.com").arg(mailPart(u.firstName), mailPart(u.lastName)).arg(i + 1);
        u.role = i % 50 == 0 ? Role::Admin : Role::User;
        const int r = int(rng.bounded(100));
        if (r < 60) { // about 60% hold a seat: a third of them both products
            const bool both = r < 20;
            const bool sales = both || r < 40;
            if (sales)
                u.sales = pickTier(rng, Product::Sales);
            if (both || !sales)
                u.service = pickTier(rng, Product::Service);
        }
        for (const auto &seat : { u.sales, u.service }) {
            if (seat)
                ++holders[seatTypeIndex(*seat)];
        }
        users.append(u);
    }
    // A few free seats of every type, so there is room to assign.
    for (SeatType type : allSeatTypes()) {
        int toBuy = holders[seatTypeIndex(type)] + holders[seatTypeIndex(type)] / 10 + 2;
        while (toBuy > 0) {
            const int chunk = std::min(toBuy, SeatLedger::MaxSeatsPerPurchase);
            if (Status s = ledger.buySeats(type, chunk); !s)
                return s;
            toBuy -= chunk;
        }
    }
    constexpr int chunk = 20000;
    for (int from = 0; from < users.size(); from += chunk) {
        auto created = ledger.createUsers(users.mid(from, chunk));
        if (!created)
            return created.error();
    }
    return {};
}
