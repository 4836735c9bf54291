#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QString>

// R6: what an e-mail address and a name may be. Pure functions, shared by the
// core (which enforces them), the side panel (which explains them as you type)
// and the fuzz targets.
class Validation
{
    Q_DECLARE_TR_FUNCTIONS(Validation)

public:
    static constexpr int MaxEmailLength = 254;
    static constexpr int MaxLocalPartLength = 64;
    static constexpr int MaxNameLength = 256;

    enum class NamePart
    {
        First,
        Last
    };

    // Accepts dot-atom local parts (ASCII atext or Unicode letters and digits) and
    // domains of at least two labels, internationalised ones included. Refuses
    // what mail systems refuse, and characters that change how text shows
    // (InputText), with a message that says why.
    static Status checkEmail(const QString &email);
    // Any Unicode, but no control, text-direction or line-separator character.
    static Status checkName(const QString &name, NamePart part);

    // The form under which uniqueness is decided: case folded, so that
    // Ada@Example.com and ada@example.COM are the same person.
    static QString emailKey(const QString &email) { return email.toCaseFolded(); }
};
