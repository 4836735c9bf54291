#include "UserFilter.h"

#include "SearchText.h"
#include "UsersModel.h"
#include "Validation.h"

UserFilter::UserFilter(UsersModel *source, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_users(source)
{
    setSourceModel(source);
}

void UserFilter::setSearch(const QString &text)
{
    const QStringList words = SearchText::words(text);
    if (words == m_words)
        return;
    m_words = words;
    nameWords();
    // A reset of the mapping, not row-by-row removals: thousands of scattered
    // rows going at once cost the view far more than laying it out again.
    invalidate();
}

void UserFilter::retranslate()
{
    nameWords();
    if (!m_words.isEmpty())
        invalidate();
}

void UserFilter::nameWords()
{
    m_named.clear();
    for (const QString &word : m_words) {
        Word w { word, word.toUtf8() };
        for (Role role : { Role::SuperAdmin, Role::Admin, Role::User }) {
            if (SearchText::fold(roleName(role)).contains(word))
                w.roles |= 1u << int(role);
        }
        for (SeatType type : allSeatTypes()) {
            if (SearchText::fold(seatTypeName(type)).contains(word))
                w.seats |= 1u << seatTypeIndex(type);
        }
        m_named.append(w);
    }
}

void UserFilter::setSeat(Seat seat)
{
    if (seat == m_seat)
        return;
    m_seat = seat;
    invalidate();
}

void UserFilter::setRole(std::optional<Role> role)
{
    if (role == m_role)
        return;
    m_role = role;
    invalidate();
}

void UserFilter::setTeam(const QString &team)
{
    m_teamKey = team.isEmpty() ? QString() : Validation::teamKey(team);
    invalidateFilter();
}

bool UserFilter::filterAcceptsRow(int row, const QModelIndex &) const
{
    const User &u = m_users->userAt(row);
    if (m_role && u.role != *m_role)
        return false;
    if (!m_teamKey.isEmpty()) {
        bool member = !u.mainTeam.isEmpty() && Validation::teamKey(u.mainTeam) == m_teamKey;
        for (const QString &team : u.additionalTeams)
            member = member || Validation::teamKey(team) == m_teamKey;
        if (!member)
            return false;
    }
    switch (m_seat.kind) {
    case Seat::Any:
        break;
    case Seat::None:
        if (u.sales || u.service)
            return false;
        break;
    case Seat::Type:
        if (u.sales != m_seat.type && u.service != m_seat.type)
            return false;
        break;
    }
    if (m_named.isEmpty())
        return true;
    const SearchText::Key &key = m_users->searchKey(row);
    const unsigned seats
        = (u.sales ? 1u << seatTypeIndex(*u.sales) : 0u) | (u.service ? 1u << seatTypeIndex(*u.service) : 0u);
    for (const Word &w : m_named) {
        if (!(w.roles & (1u << int(u.role))) && !(w.seats & seats) && !SearchText::contains(key, w.bytes))
            return false;
    }
    return true;
}
