#include "Validation.h"

#include "InputText.h"

#include <algorithm>
#include <QUrl>

namespace {

Error invalid(const QString &message)
{
    return Error { ErrorKind::Invalid, message };
}

bool isAsciiAtext(char32_t c)
{
    if (c >= 128)
        return false;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QLatin1String("!#$%&'*+/=?^_`{|}~-").contains(QLatin1Char(char(c)));
}

bool isLocalPartChar(char32_t c)
{
    // SMTPUTF8 allows non-ASCII letters and digits; marks keep combining accents.
    // Beyond the Basic Multilingual Plane anything goes, as it always has here.
    if (c < 128)
        return isAsciiAtext(c);
    return c > 0xFFFF || QChar::isLetterOrNumber(c) || QChar::isMark(c);
}

// "the control character U+001B ESCAPE", as a refusal names it.
QString hiddenPhrase(const InputText::Hidden &hidden)
{
    const QString character = InputText::describe(hidden.codePoint);
    switch (hidden.kind) {
    case InputText::HiddenKind::Control:
        return Validation::tr("the control character %1").arg(character);
    case InputText::HiddenKind::Direction:
        return Validation::tr("the text-direction character %1").arg(character);
    case InputText::HiddenKind::Separator:
        return Validation::tr("the line-breaking character %1").arg(character);
    }
    return character;
}

} // namespace

Status Validation::checkEmail(const QString &email)
{
    if (email.isEmpty())
        return invalid(tr("The email address is required."));
    const auto tooLong = [](qsizetype length) {
        return invalid(tr("The email address is %n characters long; at most 254 are allowed.", nullptr, int(length)));
    };
    if (email.size() > MaxEmailLength)
        return tooLong(email.size());
    if (const auto hidden = InputText::firstHidden(email))
        return invalid(
            tr("The email address contains %1 at character %2.").arg(hiddenPhrase(*hidden)).arg(hidden->position));
    // Nothing hidden is left, but what is quoted is escaped wherever it is quoted.
    const QString shown = InputText::escaped(email);
    for (QChar c : email) {
        if (c.isSpace())
            return invalid(tr("The email address contains a space."));
    }
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    if (at < 0) {
        for (const char16_t lookalike : { u'\uFF20', u'\uFE6B' }) {
            if (email.contains(QChar(lookalike)))
                return invalid(tr("The email address “%1” has no @: “%2” (%3) looks like one but is another "
                                  "character.")
                                   .arg(shown, QString(QChar(lookalike)), InputText::describe(lookalike)));
        }
        return invalid(tr("The email address “%1” has no @.").arg(shown));
    }
    if (email.indexOf(QLatin1Char('@'), at + 1) >= 0)
        return invalid(tr("The email address “%1” has more than one @.").arg(shown));
    const QString local = email.left(at);
    const QString domain = email.mid(at + 1);
    if (local.isEmpty())
        return invalid(tr("The email address “%1” has nothing before the @.").arg(shown));
    if (local.size() > MaxLocalPartLength)
        return invalid(
            tr("The part before the @ is %n characters long; at most 64 are allowed.", nullptr, int(local.size())));
    if (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.')) || local.contains(QLatin1String("..")))
        return invalid(tr("The part before the @ in “%1” has a misplaced dot.").arg(shown));
    for (const char32_t c : local.toUcs4()) { // a lone surrogate comes as U+FFFD, which is refused
        if (c != '.' && !isLocalPartChar(c))
            return invalid(tr("The email address “%1” contains the character “%2” (%3), which is not allowed "
                              "before the @.")
                               .arg(shown, QString::fromUcs4(&c, 1), InputText::describe(c)));
    }
    if (domain.isEmpty())
        return invalid(tr("The email address “%1” has no domain after the @.").arg(shown));
    // IDNA: the ASCII form must exist and every label must be a valid host label.
    const QByteArray ace = QUrl::toAce(domain);
    const QList<QByteArray> labels = ace.split('.');
    const auto hostLabel = [](const QByteArray &label) {
        return !label.isEmpty() && label.size() <= 63 && !label.startsWith('-') && !label.endsWith('-')
            && std::all_of(label.cbegin(), label.cend(), [](char ch) {
                   return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-';
               });
    };
    const bool domainOk = domain.split(QLatin1Char('.')).size() >= 2 && !ace.isEmpty() && ace.size() <= 253
        && std::all_of(labels.cbegin(), labels.cend(), hostLabel);
    if (!domainOk)
        return invalid(tr("The domain “%1” is not a valid domain name.").arg(InputText::escaped(domain)));
    return {};
}

Status Validation::checkName(const QString &name, NamePart part)
{
    const bool first = part == NamePart::First;
    if (name.size() > MaxNameLength)
        return invalid(
            first ? tr("The first name is %n characters long; at most 256 are allowed.", nullptr, int(name.size()))
                  : tr("The last name is %n characters long; at most 256 are allowed.", nullptr, int(name.size())));
    if (const auto hidden = InputText::firstHidden(name)) {
        const QString what = hiddenPhrase(*hidden);
        return invalid(first ? tr("The first name contains %1 at character %2.").arg(what).arg(hidden->position)
                             : tr("The last name contains %1 at character %2.").arg(what).arg(hidden->position));
    }
    return {};
}
