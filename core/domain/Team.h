#pragma once

#include <QString>

// A team of the account (R14): a name, unique whatever its letter case or
// Unicode form (Validation::teamKey), and how many users are in it, as main
// team or as additional team.
struct Team
{
    qint64 id = 0;
    QString name;
    int members = 0;
};
