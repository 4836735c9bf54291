#include "Validation.h"

#include "InputText.h"

#include <algorithm>
#include <QHash>
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

bool isPlainAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 128; });
}

QString localPartKey(const QString &local)
{
    // Width first (PRECIS, RFC 8265 §3.3): "Ｊ" is "J" typed on a full-width keyboard.
    QString narrowed;
    narrowed.reserve(local.size());
    for (const char32_t c : local.toUcs4()) {
        const QChar::Decomposition tag = QChar::decompositionTag(c);
        if (tag == QChar::Wide || tag == QChar::Narrow)
            narrowed += QChar::decomposition(c);
        else
            narrowed += QString::fromUcs4(&c, 1);
    }
    return narrowed.toCaseFolded().normalized(QString::NormalizationForm_C);
}

// ASCII with no Punycode label: what IDNA would make of it, without IDNA.
bool isPlainAsciiName(const QString &text)
{
    return isPlainAscii(text) && !text.contains(QLatin1String("xn--"), Qt::CaseInsensitive);
}

QString domainKey(const QString &domain)
{
    if (isPlainAsciiName(domain))
        return domain.toLower();
    // IDNA takes microseconds, and sorting 100,000 users asks for every key;
    // an account has few domains.
    thread_local QHash<QString, QString> known;
    if (const auto it = known.constFind(domain); it != known.cend())
        return *it;
    QString key;
    const QByteArray ace = QUrl::toAce(domain);
    if (ace.isEmpty()) {
        // Not a domain name: only a look-up can ask for it, and it finds nothing.
        key = domain.toCaseFolded().normalized(QString::NormalizationForm_C);
    } else {
        // The Unicode form reads (and sorts) as people write it; a label Qt will
        // not decode, or not decode and encode back the same, stays in ASCII.
        const QString unicode = QUrl::fromAce(ace, QUrl::IgnoreIDNWhitelist);
        key = QUrl::toAce(unicode) == ace ? unicode : QString::fromLatin1(ace);
    }
    if (known.size() >= 4096)
        known.clear();
    known.insert(domain, key);
    return key;
}

} // namespace

QString Validation::emailKey(const QString &email)
{
    // Most addresses are ASCII with no Punycode label: folding is lowering, and
    // IDNA and NFC change nothing (this is on the path that sorts every user).
    if (isPlainAsciiName(email))
        return email.toLower();
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return localPartKey(email);
    return localPartKey(email.left(at)) + QLatin1Char('@') + domainKey(email.mid(at + 1));
}

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
    // The limits hold for the address as compared too: normalizing can
    // lengthen it ("ﬁ" is "fi").
    const QString key = emailKey(email);
    if (key.size() > MaxEmailLength)
        return tooLong(key.size());
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
    const qsizetype localLength = std::max(local.size(), key.lastIndexOf(QLatin1Char('@')));
    if (localLength > MaxLocalPartLength)
        return invalid(
            tr("The part before the @ is %n characters long; at most 64 are allowed.", nullptr, int(localLength)));
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
    // IDNA (UTS #46): the ASCII form must exist, have at least two labels, and
    // every label must be a valid host label.
    const QByteArray ace = QUrl::toAce(domain);
    const QList<QByteArray> labels = ace.split('.');
    const auto hostLabel = [](const QByteArray &label) {
        return !label.isEmpty() && label.size() <= 63 && !label.startsWith('-') && !label.endsWith('-')
            && std::all_of(label.cbegin(), label.cend(), [](char ch) {
                   return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-';
               });
    };
    const bool domainOk = !ace.isEmpty() && ace.size() <= 253 && labels.size() >= 2
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

Status Validation::checkTeamName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return invalid(tr("The team name is required."));
    if (name.size() > MaxNameLength)
        return invalid(tr("The team name is %n characters long; at most 256 are allowed.", nullptr, int(name.size())));
    if (const auto hidden = InputText::firstHidden(name))
        return invalid(
            tr("The team name contains %1 at character %2.").arg(hiddenPhrase(*hidden)).arg(hidden->position));
    return {};
}

QString Validation::teamKey(const QString &name)
{
    return name.normalized(QString::NormalizationForm_C).toCaseFolded().normalized(QString::NormalizationForm_C);
}
