#include "ExportCommand.h"

#include "DataFiles.h"
#include "Language.h"
#include "LedgerCsv.h"
#include "SeatLedger.h"
#include "UserCsv.h"

#include <cstdio>
#include <QJsonObject>

bool ExportCommand::needsOperator(const QStringList &) const
{
    return false;
}

int ExportCommand::run(CommandContext &context)
{
    Output &output = context.output;
    const QString what = context.words.value(1);
    if (context.words.size() != 2 || (what != QLatin1String("users") && what != QLatin1String("ledger")))
        return output.usage(tr("Usage: export users|ledger [--output FILE] [--for-excel]"));
    if (context.dryRun)
        return output.usage(tr("--dry-run goes with import."));
    const UserCsv::Profile profile { context.forExcel, Language::current() };
    QByteArray bytes;
    int rows = 0;
    if (what == QLatin1String("users")) {
        auto users = context.ledger->users();
        if (!users)
            return output.fail(users.error());
        bytes = UserCsv::write(users.value(), profile);
        rows = int(users.value().size());
    } else {
        auto entries = context.ledger->entries();
        if (!entries)
            return output.fail(entries.error());
        bytes = LedgerCsv::write(entries.value(), profile);
        rows = int(entries.value().size());
    }
    if (context.outputFile) {
        if (Status s = DataFiles::write(*context.outputFile, bytes, context.database); !s)
            return output.fail(s.error());
        return output.done(tr("Wrote %n row(s) to %1.", nullptr, rows).arg(*context.outputFile),
                           { { QStringLiteral("output"), *context.outputFile }, { QStringLiteral("rows"), rows } });
    }
    if (output.json())
        return output.done({},
                           { { QStringLiteral("csv"), QString::fromUtf8(bytes) }, { QStringLiteral("rows"), rows } });
    // The file's exact bytes (byte order mark, CRLF), not re-encoded text.
    output.out().flush();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
    return Output::Done;
}
