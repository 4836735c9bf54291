#include "RecentDatabases.h"

#include "SeatLedger.h"

#include <QFileInfo>
#include <QSettings>

namespace {
const QString key = QStringLiteral("recentDatabases");
}

QStringList RecentDatabases::list()
{
    return QSettings().value(key).toStringList();
}

void RecentDatabases::add(const QString &location)
{
    // A file by its full path, so that it is found again from anywhere.
    const QString entry = SeatLedger::isServer(location) ? location : QFileInfo(location).absoluteFilePath();
    QStringList recent = list();
    recent.removeAll(entry);
    recent.prepend(entry);
    while (recent.size() > Kept)
        recent.removeLast();
    QSettings().setValue(key, recent);
}

void RecentDatabases::clear()
{
    QSettings().remove(key);
}
