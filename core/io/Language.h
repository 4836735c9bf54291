#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QTranslator;

// The languages Seatkeeper speaks, and the translators that make it speak them.
// Switching replaces the installed translators, which sends LanguageChange to
// every widget: nothing needs a restart.
class Language
{
    Q_DECLARE_TR_FUNCTIONS(Language)

public:
    // "en" and "fr".
    static QStringList available();
    // "fr" for a French system locale (fr, fr_CA, …), "en" for anything else.
    static QString fromLocaleName(const QString &localeName);
    static QString system();
    // The language to start in: the command line's, else the saved choice, else the system's.
    static QString choose(const QString &commandLine, const QString &saved, const QString &systemLocaleName);
    // Installs Seatkeeper's and Qt's own translations for `language` ("en" or
    // "fr"), replacing the ones installed before, and makes it the default
    // QLocale so numbers and dates follow. Returns false for an unknown language.
    static bool install(const QString &language);
    static QString current();
};
