#include "EmailList.h"

#include "InputText.h"
#include "Validation.h"

#include <QHash>
#include <QRegularExpression>

namespace {

QStringList pieces(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\r\\n,;]+"));
    QStringList out;
    for (const QString &piece : text.split(separators)) {
        if (!piece.trimmed().isEmpty())
            out << piece.trimmed();
    }
    return out;
}

} // namespace

bool EmailList::isList(const QString &text)
{
    // A line break always separates addresses. A comma or a semicolon does
    // only between pieces that all look like addresses: one address with a
    // stray comma ("ada,bob@example.com") is one bad address, refused as such.
    const QStringList all = pieces(text);
    if (all.size() < 2)
        return false;
    if (text.trimmed().contains(QLatin1Char('\n')) || text.trimmed().contains(QLatin1Char('\r')))
        return true;
    for (const QString &piece : all) {
        if (!piece.contains(QLatin1Char('@')))
            return false;
    }
    return true;
}

EmailList::Parsed EmailList::parse(const QString &text)
{
    Parsed parsed;
    QHash<QString, QString> seen; // key → as first written
    for (const QString &email : pieces(text)) {
        if (const Status valid = Validation::checkEmail(email); !valid) {
            parsed.problems << valid.error().message;
            continue;
        }
        const QString key = Validation::emailKey(email);
        if (seen.contains(key)) {
            parsed.problems << tr("“%1” is in the list twice (as “%2”).")
                                   .arg(InputText::escaped(email), InputText::escaped(seen.value(key)));
            continue;
        }
        seen.insert(key, email);
        parsed.emails << email;
    }
    return parsed;
}
