#include "LedgerChain.h"

#include <QCryptographicHash>

QString LedgerChain::timeText(const QDateTime &at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QString LedgerChain::hashOf(const LedgerEntry &entry)
{
    return hashOf(entry, timeText(entry.at));
}

QString LedgerChain::hashOf(const LedgerEntry &entry, const QString &atText)
{
    // Unit separators keep "ab"+"c" and "a"+"bc" apart.
    const QChar sep(0x1f);
    const QString text = entry.prevHash + sep + QString::number(entry.id) + sep + atText + sep + entry.actor + sep
        + entry.action + sep + entry.subject + sep + entry.seatType + sep + entry.before + sep + entry.after;
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}
