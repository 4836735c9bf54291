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
    // A team's name: required, at most MaxNameLength characters, and like a
    // person's name no control, text-direction or line-separator character.
    static Status checkTeamName(const QString &name);

    // The form under which uniqueness is decided: two ways of writing one
    // mailbox give one key. Before the @: full-width letters and digits as
    // their ASCII selves, case folded, NFC (so "é" typed precomposed or as
    // e + U+0301 is one letter). The domain as IDNA (UTS #46) maps it — case,
    // width, "。" for "." — in its Unicode form, so that bücher.de and
    // xn--bcher-kva.de are one domain. Defined for any text, valid or not;
    // for an accepted address the key is accepted too, and is its own key.
    static QString emailKey(const QString &email);
    // The form under which team names are compared: NFC and case folded, so
    // "Sales", "SALES" and "sales" are one team, and so are "Équipe" typed with
    // "É" or with "E" and a combining accent.
    static QString teamKey(const QString &name);
};
