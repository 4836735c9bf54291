#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

struct LedgerEntry;

// A ledger entry in the words of the UI language, for a person: what was done
// ("Assigned Sales Professional to bea@example.com") and what it changed
// ("Sales Starter → Sales Professional"). The History page and seatctl's text
// output both speak through it; --json keeps the stored keys. An action this
// version does not know (written by a newer one) is shown by its key.
class LedgerText
{
    Q_DECLARE_TR_FUNCTIONS(LedgerText)

public:
    // The sentence: verb, what, for whom.
    static QString what(const LedgerEntry &entry);
    // Before → after in words; empty when the entry changes no value a person reads.
    static QString change(const LedgerEntry &entry);
    // An action's name for a list of actions to choose from ("Seat assigned").
    static QString actionName(const QString &action);
    // Every action this version writes, in the order a person would list them.
    static QStringList actions();
};
