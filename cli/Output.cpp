#include "Output.h"

#include "InputText.h"

#include <cstdio>
#include <QJsonDocument>

Output::Output()
    : m_out(stdout)
    , m_err(stderr)
{
}

QString Output::usageText()
{
    return tr("Usage:\n"
              "  seatctl --database FILE|URI init --admin EMAIL\n"
              "  seatctl --database FILE|URI [--as EMAIL] [--json] [--language en|fr] COMMAND\n"
              "\n"
              "URI: postgresql://[user@]host[:port]/dbname; there the operator is the login.\n"
              "\n"
              "Commands:\n"
              "  users list\n"
              "  users add EMAIL [--first NAME] [--last NAME] [--role user|admin|super-admin]\n"
              "            [--login PGROLE]\n"
              "  users edit EMAIL [--first NAME] [--last NAME] [--role ROLE] [--main-team TEAM]\n"
              "                   [--add-team TEAM]… [--remove-team TEAM]… [--login PGROLE | --no-login]\n"
              "  users delete EMAIL\n"
              "  teams list\n"
              "  teams add NAME\n"
              "  teams rename NAME NEW\n"
              "  teams delete NAME\n"
              "  seats list\n"
              "  seats buy TYPE N\n"
              "  seats release TYPE N\n"
              "  assign EMAIL TYPE\n"
              "  unassign EMAIL PRODUCT\n"
              "  apply PLAN\n"
              "  ledger\n"
              "  export users|ledger [--output FILE] [--for-excel]\n"
              "  import users FILE [--dry-run]\n"
              "  check\n"
              "  backup | backup list\n"
              "  restore BACKUP|latest\n"
              "\n"
              "TYPE: sales-starter, sales-professional, sales-enterprise, service-starter,\n"
              "      service-professional, service-enterprise\n"
              "PRODUCT: sales, service\n"
              "Exit status: 0 done, 1 refused by a rule, 2 usage error, 3 storage error.\n");
}

int Output::usage(const QString &given)
{
    const QString message = InputText::escapedLines(given);
    if (m_json) {
        const QJsonObject error { { QStringLiteral("kind"), QStringLiteral("usage") },
                                  { QStringLiteral("message"), message } };
        m_out << QJsonDocument(QJsonObject { { QStringLiteral("ok"), false }, { QStringLiteral("error"), error } })
                     .toJson(QJsonDocument::Indented);
    } else {
        m_err << tr("seatctl: %1").arg(message) << '\n' << '\n' << usageText();
    }
    return Usage;
}

int Output::fail(const Error &error)
{
    const int code = error.kind == ErrorKind::Storage ? StorageFailure : Refused;
    const QString message = InputText::escapedLines(error.message);
    if (m_json) {
        const QJsonObject e { { QStringLiteral("kind"), errorKindKey(error.kind) },
                              { QStringLiteral("message"), message } };
        m_out << QJsonDocument(QJsonObject { { QStringLiteral("ok"), false }, { QStringLiteral("error"), e } })
                     .toJson(QJsonDocument::Indented);
    } else {
        m_err << tr("seatctl: %1").arg(message) << '\n';
    }
    return code;
}

int Output::done(const QString &text, const QJsonObject &json)
{
    if (m_json) {
        QJsonObject doc { { QStringLiteral("ok"), true } };
        for (auto it = json.begin(); it != json.end(); ++it)
            doc.insert(it.key(), it.value());
        m_out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    } else if (!text.isEmpty()) {
        m_out << InputText::escapedLines(text);
        if (!text.endsWith(QLatin1Char('\n')))
            m_out << '\n';
    }
    return Done;
}

void Output::warn(const QString &message)
{
    if (!m_json)
        m_err << tr("seatctl: warning: %1").arg(InputText::escapedLines(message)) << '\n';
}
