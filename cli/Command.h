#pragma once

#include "Output.h"

#include <optional>
#include <QString>
#include <QStringList>

class SeatLedger;

// What a command is given: its words, the options that go with it, where to
// print, and the database once it is open.
struct CommandContext
{
    // The positional arguments, the verb first: {"users", "add", "bob@example.com"}.
    QStringList words;
    // --database: a path (a command on files may find nothing there).
    QString database;
    // --admin, --first, --last, --role: absent unless given.
    std::optional<QString> admin;
    std::optional<QString> first;
    std::optional<QString> last;
    std::optional<QString> role;
    // --login (users add and edit, on a PostgreSQL server): absent unless given.
    std::optional<QString> login;
    // --as: absent unless given (checked against the users once the database is open).
    std::optional<QString> as;
    Output &output;
    // The open database, with its operator set when the command needs one;
    // null for a command that works on files.
    SeatLedger *ledger = nullptr;
    // --main-team (empty: no main team), --add-team, --remove-team (repeatable).
    std::optional<QString> mainTeam;
    QStringList addTeams;
    QStringList removeTeams;
    // --output, --for-excel, --dry-run (export and import).
    std::optional<QString> outputFile = std::nullopt;
    bool forExcel = false;
    bool dryRun = false;
    // --no-login (users edit, on a PostgreSQL server): untie the user's login.
    bool noLogin = false;
};

// One verb of seatctl. The dispatcher (Seatctl) parses the options, finds the
// command by its name and then, for a command on an open database: prepare(),
// opens the database, sets the operator if needsOperator(), takes the day's
// backup before a change, and run(). A command that worksOnFiles() runs at
// once instead: it must work even on a database that cannot be opened.
class Command
{
public:
    virtual ~Command();

    // The first word of the command line: "users", "assign".
    virtual QString name() const = 0;
    // Creates, lists or restores files rather than using an open database.
    virtual bool worksOnFiles(const QStringList &words) const;
    // Changes something: needs an operator (R5), and the day's backup first.
    virtual bool needsOperator(const QStringList &words) const;
    // --first, --last and --role apply to this command line.
    virtual bool takesPersonOptions(const QStringList &words) const;
    // --login and --no-login apply to this command line.
    virtual bool takesLoginOption(const QStringList &words) const;
    // --main-team, --add-team and --remove-team apply to this command line.
    virtual bool takesTeamOptions(const QStringList &words) const;
    // --output, --for-excel and --dry-run apply to this command.
    virtual bool takesFileOptions() const;
    // --admin applies to this command.
    virtual bool takesAdminOption() const;
    // Runs before the database opens; an exit status stops there.
    virtual std::optional<int> prepare(CommandContext &context);
    // Does the work and reports it through context.output; returns the exit status.
    virtual int run(CommandContext &context) = 0;
};
