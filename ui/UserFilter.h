#pragma once

#include "Role.h"
#include "SeatType.h"

#include <optional>
#include <QSortFilterProxyModel>
#include <QStringList>
#include <QVector>

class UsersModel;

// What Users & Teams lists: the rows that match every word of the search
// (name, e-mail, role and seat names; accents and case do not count), the
// seat filter, the role filter and the team filter, all at once.
class UserFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    // The seat filter: everybody, holders of one seat type, or people without a seat.
    struct Seat
    {
        enum Kind
        {
            Any,
            None,
            Type
        };
        Kind kind = Any;
        SeatType type = SeatType::SalesStarter;
        bool operator==(const Seat &o) const { return kind == o.kind && (kind != Type || type == o.type); }
    };

    explicit UserFilter(UsersModel *source, QObject *parent = nullptr);

    void setSearch(const QString &text);
    void setSeat(Seat seat);
    void setRole(std::optional<Role> role);
    // The team filter (R14): members of that team, as main or additional team; empty for all.
    void setTeam(const QString &team);
    Seat seat() const { return m_seat; }
    std::optional<Role> role() const { return m_role; }
    // True when the search or a filter hides anybody.
    bool isFiltering() const
    {
        return !m_words.isEmpty() || m_seat.kind != Seat::Any || m_role || !m_teamKey.isEmpty();
    }
    // The language changed: role and seat names read differently.
    void retranslate();

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    // Per word of the search, the roles and seat types whose names (in the
    // current language) contain it: a few names checked once per keystroke
    // instead of in every row.
    struct Word
    {
        QString text;
        QByteArray bytes; // text, as the search keys are searched (SearchText::Key)
        unsigned roles = 0; // bit (1 << int(Role))
        unsigned seats = 0; // bit (1 << seatTypeIndex)
    };
    void nameWords();

    UsersModel *m_users;
    QStringList m_words;
    QVector<Word> m_named;
    Seat m_seat;
    std::optional<Role> m_role;
    QString m_teamKey;
};
