#pragma once

#include "Role.h"
#include "SeatType.h"

#include <optional>
#include <QDateTime>
#include <QString>
#include <QStringList>

// A person in the account, with the seats they hold (at most one per product, R3).
struct User
{
    qint64 id = 0;
    QString email;
    QString firstName;
    QString lastName;
    Role role = Role::User;
    QDateTime createdAt;
    std::optional<SeatType> sales;
    std::optional<SeatType> service;
    // The PostgreSQL login tied to this user (empty: none; always empty on SQLite).
    QString login {};
    // R14: at most one main team (empty: none) and any number of additional
    // teams, by name, in name order; the main team is never among them.
    QString mainTeam;
    QStringList additionalTeams;

    std::optional<SeatType> seat(Product product) const { return product == Product::Sales ? sales : service; }
    void setSeat(Product product, std::optional<SeatType> type)
    {
        (product == Product::Sales ? sales : service) = type;
    }
    // "First Last", or empty when the user has no name.
    QString fullName() const
    {
        if (firstName.isEmpty())
            return lastName;
        if (lastName.isEmpty())
            return firstName;
        return firstName + QLatin1Char(' ') + lastName;
    }
};

// What createUser needs: the person and, optionally, the seats they start with.
struct NewUser
{
    QString email;
    QString firstName;
    QString lastName;
    Role role = Role::User;
    std::optional<SeatType> sales;
    std::optional<SeatType> service;
    // On a PostgreSQL server: an existing login to tie to the user (empty: none).
    QString login {};
};

// What editUser changes; anything left empty stays as it is.
struct UserEdit
{
    std::optional<QString> firstName;
    std::optional<QString> lastName;
    std::optional<Role> role;
    // The main team by name; an empty name: no main team. A team that was an
    // additional one moves to main; the former main team is left.
    std::optional<QString> mainTeam;
    // Additional teams to join and teams to leave (main or additional).
    QStringList addTeams;
    QStringList removeTeams;
    // On a PostgreSQL server: the existing login to tie to the user instead of
    // the one they have, if any; an empty name unties them. Super admins only.
    std::optional<QString> login;

    bool isEmpty() const
    {
        return !firstName && !lastName && !role && !mainTeam && addTeams.isEmpty() && removeTeams.isEmpty() && !login;
    }
};

// Seats of one type: bought, and held by someone.
struct SeatCount
{
    SeatType type = SeatType::SalesStarter;
    int purchased = 0;
    int assigned = 0;
    int free() const { return purchased - assigned; }
};
