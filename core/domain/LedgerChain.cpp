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
        + entry.action + sep + entry.subject + sep + entry.seatType + sep + entry.before + sep + entry.after
        + (entry.login.isEmpty() ? QString() : sep + entry.login);
    // One hasher per thread, reset for each entry: a Save of 10,000 edits hashes 10,000 entries.
    thread_local QCryptographicHash sha256(QCryptographicHash::Sha256);
    sha256.reset();
    sha256.addData(text.toUtf8());
    return QString::fromLatin1(sha256.result().toHex());
}
