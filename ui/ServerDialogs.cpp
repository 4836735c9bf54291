#include "ServerDialogs.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace {

// libpq's SSL modes, shown as they are written in an address.
const char *const sslModes[] = { "prefer", "require", "verify-ca", "verify-full", "allow", "disable" };

void labelField(QLabel *label, QWidget *field, const QString &text)
{
    label->setText(text);
    label->setBuddy(field);
    field->setAccessibleName(QString(text).remove(QLatin1Char('&')));
}

} // namespace

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
    , m_hostLabel(new QLabel(this))
    , m_host(new QLineEdit(this))
    , m_portLabel(new QLabel(this))
    , m_port(new QSpinBox(this))
    , m_databaseLabel(new QLabel(this))
    , m_database(new QLineEdit(this))
    , m_loginLabel(new QLabel(this))
    , m_login(new QLineEdit(this))
    , m_sslLabel(new QLabel(this))
    , m_ssl(new QComboBox(this))
    , m_passwordLabel(new QLabel(this))
    , m_password(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("connectDialog"));
    m_host->setObjectName(QStringLiteral("connectServer"));
    m_port->setObjectName(QStringLiteral("connectPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_database->setObjectName(QStringLiteral("connectDatabase"));
    m_login->setObjectName(QStringLiteral("connectLogin"));
    m_ssl->setObjectName(QStringLiteral("connectSslMode"));
    for (const char *mode : sslModes)
        m_ssl->addItem(QLatin1String(mode), QLatin1String(mode));
    m_password->setObjectName(QStringLiteral("connectPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_problem->setObjectName(QStringLiteral("connectProblem"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(m_hostLabel, m_host);
    form->addRow(m_portLabel, m_port);
    form->addRow(m_databaseLabel, m_database);
    form->addRow(m_loginLabel, m_login);
    form->addRow(m_sslLabel, m_ssl);
    form->addRow(m_passwordLabel, m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    retranslateUi();
}

QString ConnectDialog::location() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(m_host->text().trimmed());
    if (m_port->value() != 5432)
        url.setPort(m_port->value());
    url.setUserName(m_login->text().trimmed());
    url.setPath(QLatin1Char('/') + m_database->text().trimmed());
    const QString mode = m_ssl->currentData().toString();
    if (mode != QLatin1String("prefer")) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("sslmode"), mode);
        url.setQuery(query);
    }
    return url.toString();
}

QString ConnectDialog::password() const
{
    return m_password->text();
}

void ConnectDialog::accept()
{
    QString problem;
    if (m_host->text().trimmed().isEmpty())
        problem = tr("Give the server’s name or address.");
    else if (m_database->text().trimmed().isEmpty() || m_database->text().contains(QLatin1Char('/')))
        problem = tr("Give the name of the database on the server.");
    m_problem->setText(problem);
    m_problem->setAccessibleName(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        QDialog::accept();
}

void ConnectDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ConnectDialog::retranslateUi()
{
    setWindowTitle(tr("Connect to server…"));
    labelField(m_hostLabel, m_host, tr("&Server"));
    labelField(m_portLabel, m_port, tr("P&ort"));
    labelField(m_databaseLabel, m_database, tr("&Database"));
    labelField(m_loginLabel, m_login, tr("&Login"));
    labelField(m_sslLabel, m_ssl, tr("SS&L mode"));
    labelField(m_passwordLabel, m_password, tr("&Password"));
    m_password->setPlaceholderText(tr("For this session only; never stored"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Connect"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
}

PasswordDialog::PasswordDialog(const QString &location, QWidget *parent)
    : QDialog(parent)
    , m_location(location)
    , m_text(new QLabel(this))
    , m_passwordLabel(new QLabel(this))
    , m_password(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("passwordDialog"));
    m_text->setObjectName(QStringLiteral("passwordText"));
    m_text->setWordWrap(true);
    m_password->setObjectName(QStringLiteral("passwordField"));
    m_password->setEchoMode(QLineEdit::Password);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PasswordDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PasswordDialog::reject);
    auto *form = new QFormLayout;
    form->addRow(m_passwordLabel, m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    retranslateUi();
}

QString PasswordDialog::password() const
{
    return m_password->text();
}

void PasswordDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void PasswordDialog::retranslateUi()
{
    setWindowTitle(tr("Password"));
    m_text->setText(tr("The server of %1 asks for a password. It is used for this session only, and never stored.")
                        .arg(m_location));
    labelField(m_passwordLabel, m_password, tr("&Password"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Connect"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
}
