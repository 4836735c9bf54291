#pragma once

#include "Command.h"
#include "Output.h"

#include <memory>
#include <QCoreApplication>
#include <QStringList>
#include <vector>

// seatctl: parses the command line, picks the command for its first word and
// runs it against the seat ledger, reporting as text or as one JSON document
// (--json). Exit status: 0 done, 1 refused by a rule, 2 usage error, 3 storage error.
class Seatctl
{
    Q_DECLARE_TR_FUNCTIONS(Seatctl)

public:
    Seatctl();
    ~Seatctl();
    int run(const QStringList &arguments);

private:
    Command *find(const QString &name) const;

    std::vector<std::unique_ptr<Command>> m_commands;
    Output m_output;
};
