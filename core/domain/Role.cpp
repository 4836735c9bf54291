#include "Role.h"

#include <QCoreApplication>

QString roleKey(Role role)
{
    switch (role) {
    case Role::SuperAdmin:
        return QStringLiteral("super-admin");
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::User:
        return QStringLiteral("user");
    }
    return QStringLiteral("user");
}

std::optional<Role> roleFromKey(QStringView key)
{
    if (key == QLatin1String("super-admin"))
        return Role::SuperAdmin;
    if (key == QLatin1String("admin"))
        return Role::Admin;
    if (key == QLatin1String("user"))
        return Role::User;
    return std::nullopt;
}

QString roleName(Role role)
{
    switch (role) {
    case Role::SuperAdmin:
        return QCoreApplication::translate("Role", "Super admin");
    case Role::Admin:
        return QCoreApplication::translate("Role", "Admin");
    case Role::User:
        return QCoreApplication::translate("Role", "User");
    }
    return {};
}
