#include "Language.h"

#include <memory>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {

struct Installed
{
    std::unique_ptr<QTranslator> app;
    std::unique_ptr<QTranslator> qt;
    QString language;
};

Installed &installed()
{
    static Installed state;
    return state;
}

} // namespace

QStringList Language::available()
{
    return { QStringLiteral("en"), QStringLiteral("fr") };
}

QString Language::fromLocaleName(const QString &localeName)
{
    return localeName.startsWith(QLatin1String("fr")) ? QStringLiteral("fr") : QStringLiteral("en");
}

QString Language::system()
{
    return fromLocaleName(QLocale::system().name());
}

QString Language::choose(const QString &commandLine, const QString &saved, const QString &systemLocaleName)
{
    if (!commandLine.isEmpty())
        return commandLine;
    if (available().contains(saved))
        return saved;
    return fromLocaleName(systemLocaleName);
}

QString Language::current()
{
    return installed().language;
}

bool Language::install(const QString &language)
{
    if (!available().contains(language))
        return false;
    Installed &state = installed();
    if (state.app)
        QCoreApplication::removeTranslator(state.app.get());
    if (state.qt)
        QCoreApplication::removeTranslator(state.qt.get());
    state.app = std::make_unique<QTranslator>();
    state.qt = std::make_unique<QTranslator>();
    // English is the source language, but its plural forms ("1 seat", "2 seats")
    // come from a translation file too.
    if (state.app->load(QStringLiteral(":/i18n/seatkeeper_%1.qm").arg(language)))
        QCoreApplication::installTranslator(state.app.get());
    if (language != QLatin1String("en")
        && state.qt->load(QStringLiteral("qtbase_%1").arg(language),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(state.qt.get());
    QLocale::setDefault(QLocale(language == QLatin1String("fr") ? QLocale::French : QLocale::English,
                                language == QLatin1String("fr") ? QLocale::France : QLocale::UnitedStates));
    state.language = language;
    return true;
}
