#pragma once

#include <optional>
#include <QString>
#include <QStringView>

enum class Role
{
    SuperAdmin,
    Admin,
    User
};

// Stable keys for storage and seatctl: "super-admin", "admin", "user".
QString roleKey(Role role);
std::optional<Role> roleFromKey(QStringView key);
// "Super admin", "Admin", "User" in the current language.
QString roleName(Role role);
// R5: only these may change anything.
inline bool isAdmin(Role role)
{
    return role == Role::SuperAdmin || role == Role::Admin;
}
