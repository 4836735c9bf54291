#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QTextStream>

// What seatctl prints, and the exit status that goes with it: text for a
// person (results on standard output, errors on standard error), or exactly
// one JSON document on standard output with --json. Messages and text quote
// what was typed (arguments, plan lines, paths) and what is stored: a control
// or text-direction character in them is printed as a visible escape
// (InputText::escaped), line breaks aside, so no input can drive the
// terminal. JSON data (users, ledger) stays exact; JSON messages are escaped.
class Output
{
    Q_DECLARE_TR_FUNCTIONS(Output)

public:
    // Exit status: 0 done, 1 refused by a rule, 2 usage error, 3 storage error.
    enum Exit
    {
        Done = 0,
        Refused = 1,
        Usage = 2,
        StorageFailure = 3
    };

    Output();

    void setJson(bool json) { m_json = json; }
    bool json() const { return m_json; }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // The command line's summary, as --help prints it.
    static QString usageText();

    // A usage error: the message, then the summary (or a "usage" error in JSON). Returns Usage.
    int usage(const QString &given);
    // A refusal or a storage error. Returns Refused, or StorageFailure for a storage error.
    int fail(const Error &error);
    // Success: the text (a line break added if it has none), or {"ok": true} with json's keys. Returns Done.
    int done(const QString &text, const QJsonObject &json = {});
    // A warning on standard error, in text mode only: the run goes on.
    void warn(const QString &message);

private:
    QTextStream m_out;
    QTextStream m_err;
    bool m_json = false;
};
