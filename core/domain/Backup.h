#pragma once

#include <QDateTime>
#include <QString>

// One backup of a database, as listed to a person.
struct BackupInfo
{
    QString path;
    QDateTime takenAt; // UTC
    qint64 bytes = 0;
};
