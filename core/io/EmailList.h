#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// Several addresses pasted at once into Create user: one per line, or
// separated by commas or semicolons. Every bad and repeated address is listed
// (with why) before anything is created.
class EmailList
{
    Q_DECLARE_TR_FUNCTIONS(EmailList)

public:
    struct Parsed
    {
        QStringList emails; // in the order given, each once
        QStringList problems; // one message per bad or repeated address
    };
    // Whether `text` is meant as several addresses: a line break between two,
    // or commas and semicolons between pieces that each have an @.
    static bool isList(const QString &text);
    static Parsed parse(const QString &text);
};
