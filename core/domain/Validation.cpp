#include "Validation.h"

#include <QUrl>

namespace {

Error invalid(const QString &message)
{
    return Error { ErrorKind::Invalid, message };
}

bool isAsciiAtext(QChar c)
{
    if (c.unicode() >= 128)
        return false;
    if (c.isLetterOrNumber())
        return true;
    return QStringLiteral("!#$%&'*+/=?^_`{|}~-").contains(c);
}

bool isLocalPartChar(QChar c)
{
    // SMTPUTF8 allows non-ASCII letters and digits; marks keep combining accents.
    return isAsciiAtext(c) || (c.unicode() >= 128 && (c.isLetterOrNumber() || c.isMark() || c.isSurrogate()));
}

} // namespace

Status Validation::checkEmail(const QString &email)
{
    if (email.isEmpty())
        return invalid(tr("The email address is required."));
    if (email.size() > MaxEmailLength)
        return invalid(
            tr("The email address is %n characters long; at most 254 are allowed.", nullptr, int(email.size())));
    for (QChar c : email) {
        if (c.category() == QChar::Other_Control)
            return invalid(tr("The email address contains a control character."));
        if (c.isSpace())
            return invalid(tr("The email address contains a space."));
    }
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    if (at < 0)
        return invalid(tr("The email address “%1” has no @.").arg(email));
    if (email.indexOf(QLatin1Char('@'), at + 1) >= 0)
        return invalid(tr("The email address “%1” has more than one @.").arg(email));
    const QString local = email.left(at);
    const QString domain = email.mid(at + 1);
    if (local.isEmpty())
        return invalid(tr("The email address “%1” has nothing before the @.").arg(email));
    if (local.size() > MaxLocalPartLength)
        return invalid(
            tr("The part before the @ is %n characters long; at most 64 are allowed.", nullptr, int(local.size())));
    if (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.')) || local.contains(QLatin1String("..")))
        return invalid(tr("The part before the @ in “%1” has a misplaced dot.").arg(email));
    for (QChar c : local) {
        if (c != QLatin1Char('.') && !isLocalPartChar(c))
            return invalid(tr("The email address “%1” contains the character “%2”, which is not allowed before the @.")
                               .arg(email, QString(c)));
    }
    if (domain.isEmpty())
        return invalid(tr("The email address “%1” has no domain after the @.").arg(email));
    const QStringList labels = domain.split(QLatin1Char('.'));
    // IDNA: the ASCII form must exist and every label must be a valid host label.
    const QByteArray ace = QUrl::toAce(domain);
    bool domainOk = labels.size() >= 2 && !ace.isEmpty() && ace.size() <= 253;
    if (domainOk) {
        for (const QByteArray &label : ace.split('.')) {
            if (label.isEmpty() || label.size() > 63 || label.startsWith('-') || label.endsWith('-')) {
                domainOk = false;
                break;
            }
            for (char ch : label) {
                const bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
                if (!alnum && ch != '-') {
                    domainOk = false;
                    break;
                }
            }
        }
    }
    if (!domainOk)
        return invalid(tr("The domain “%1” is not a valid domain name.").arg(domain));
    return {};
}

Status Validation::checkName(const QString &name)
{
    if (name.size() > MaxNameLength)
        return invalid(tr("A name is %n characters long; at most 256 are allowed.", nullptr, int(name.size())));
    for (QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return invalid(tr("A name contains a control character."));
    }
    return {};
}
