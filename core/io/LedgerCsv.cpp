#include "LedgerCsv.h"

#include "Csv.h"

QStringList LedgerCsv::header(const QString &language)
{
    if (language == QLatin1String("fr"))
        return { QStringLiteral("N°"),     QStringLiteral("Heure (UTC)"), QStringLiteral("Auteur"),
                 QStringLiteral("Action"), QStringLiteral("Concerné"),    QStringLiteral("Type de siège"),
                 QStringLiteral("Avant"),  QStringLiteral("Après"),       QStringLiteral("Empreinte") };
    return { QStringLiteral("Id"),     QStringLiteral("Time (UTC)"), QStringLiteral("Actor"),
             QStringLiteral("Action"), QStringLiteral("Subject"),    QStringLiteral("Seat type"),
             QStringLiteral("Before"), QStringLiteral("After"),      QStringLiteral("Hash") };
}

QByteArray LedgerCsv::write(const QVector<LedgerEntry> &entries, const UserCsv::Profile &profile)
{
    const QString language = profile.forExcel ? profile.language : QStringLiteral("en");
    const char delimiter = profile.forExcel && language == QLatin1String("fr") ? ';' : ',';
    QByteArray out;
    if (profile.forExcel)
        out.append("\xEF\xBB\xBF");
    Csv::appendRecord(out, header(language), delimiter);
    for (const LedgerEntry &e : entries) {
        Csv::appendRecord(out,
                          { QString::number(e.id), e.at.toUTC().toString(Qt::ISODateWithMs), Csv::neutralized(e.actor),
                            e.action, Csv::neutralized(e.subject), e.seatType, Csv::neutralized(e.before),
                            Csv::neutralized(e.after), e.hash },
                          delimiter);
    }
    return out;
}
