#include "OperatorDialog.h"

#include "Role.h"
#include "SeatLedger.h"

#include <algorithm>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

OperatorDialog::OperatorDialog(const QString &reason, QVector<User> users, QWidget *parent)
    : QDialog(parent)
    , m_users(std::move(users))
    , m_choice(new QComboBox(this))
{
    setObjectName(QStringLiteral("operatorDialog"));
    setWindowTitle(tr("Who are you?"));
    // Those who can change something first; then by e-mail address.
    std::stable_sort(m_users.begin(), m_users.end(), [](const User &a, const User &b) {
        if (isAdmin(a.role) != isAdmin(b.role))
            return isAdmin(a.role);
        return a.email.compare(b.email, Qt::CaseInsensitive) < 0;
    });
    auto *why = new QLabel(reason, this);
    why->setObjectName(QStringLiteral("operatorReason"));
    why->setWordWrap(true);
    m_choice->setObjectName(QStringLiteral("operatorChoice"));
    for (const User &u : m_users) {
        const QString name = QStringList { u.firstName, u.lastName }.join(QLatin1Char(' ')).trimmed();
        const QString shown = name.isEmpty() ? u.email : QStringLiteral("%1 <%2>").arg(name, u.email);
        m_choice->addItem(tr("%1 — %2").arg(shown, roleName(u.role)));
    }
    auto *form = new QFormLayout;
    auto *label = new QLabel(tr("Operator"), this);
    label->setBuddy(m_choice);
    m_choice->setAccessibleName(tr("Operator"));
    form->addRow(label, m_choice);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *ok = buttons->addButton(tr("Continue"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("operatorContinue"));
    ok->setAccessibleName(tr("Continue"));
    ok->setDefault(true);
    ok->setEnabled(!m_users.isEmpty());
    QPushButton *quit = buttons->addButton(tr("Quit"), QDialogButtonBox::RejectRole);
    quit->setAccessibleName(tr("Quit"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(why);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QString OperatorDialog::email() const
{
    const int row = m_choice->currentIndex();
    return row >= 0 && row < m_users.size() ? m_users.at(row).email : QString();
}

Status settleLoginOperator(SeatLedger &ledger, const QString &asOption)
{
    auto mine = ledger.loginOperator();
    // A login tied to nobody opens read-only, with no operator: the window
    // says how to tie it, and notices when a Super admin does.
    if (!mine && mine.error().kind == ErrorKind::NotAuthorized && asOption.isEmpty())
        return {};
    if (!mine)
        return mine.error();
    if (!asOption.isEmpty()) {
        auto named = ledger.user(asOption);
        if (!named || named.value().email != *mine.value())
            return Error { ErrorKind::NotAuthorized,
                           OperatorDialog::tr("On a PostgreSQL database the operator is the login: this window "
                                              "is connected as the login “%1”, which is %2, not %3.")
                               .arg(ledger.login(), *mine.value(), asOption) };
    }
    return ledger.setActor(*mine.value());
}

Status settleOperator(QWidget *parent, SeatLedger &ledger, const QString &asOption, const QString &remembered)
{
    // On a PostgreSQL server the operator is the login's user: nobody to ask.
    if (!ledger.login().isEmpty())
        return settleLoginOperator(ledger, asOption);
    if (!asOption.isEmpty())
        return ledger.setActor(asOption);
    if (!ledger.actor().isEmpty())
        return {}; // the database was just created by its operator
    QString reason = OperatorDialog::tr("This database has several Super admins. Choose who you are; the window "
                                        "remembers it for this database.");
    if (!remembered.isEmpty()) {
        if (ledger.setActor(remembered))
            return {};
        // Remembered here, then deleted by another admin: ask rather than refuse to start.
        reason = OperatorDialog::tr("%1, who used this database last on this computer, is no longer one of its "
                                    "users. Choose who you are:")
                     .arg(remembered);
    } else if (auto sole = ledger.soleSuperAdmin()) {
        if (ledger.setActor(sole.value()))
            return {};
    }
    auto all = ledger.usersSnapshot();
    if (!all)
        return all.error();
    OperatorDialog choose(reason, all.value().users, parent);
    if (choose.exec() != QDialog::Accepted)
        return Error { ErrorKind::Refused, QString() };
    return ledger.setActor(choose.email());
}
