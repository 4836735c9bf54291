#pragma once

#include <QStringList>

// The databases the window was open on, most recent first (at most Kept), as
// locations — a file path or a server address, which never holds a password.
namespace RecentDatabases {
constexpr int Kept = 8;
QStringList list();
void add(const QString &location);
void clear();
} // namespace RecentDatabases
