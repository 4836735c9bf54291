#include "WelcomeDialog.h"

#include "Appearance.h"
#include "Validation.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

WelcomeDialog::WelcomeDialog(const QString &databasePath, QWidget *parent)
    : QDialog(parent)
    , m_databasePath(databasePath)
    , m_intro(new QLabel(this))
    , m_emailLabel(new QLabel(this))
    , m_email(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_sample(new QCheckBox(this))
    , m_buttons(new QDialogButtonBox(this))
    // Our own buttons: a box's standard buttons reset their text on LanguageChange.
    , m_ok(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
    , m_cancel(m_buttons->addButton(QString(), QDialogButtonBox::RejectRole))
{
    setObjectName(QStringLiteral("welcomeDialog"));
    m_intro->setWordWrap(true);
    m_email->setObjectName(QStringLiteral("welcomeEmail"));
    m_emailLabel->setBuddy(m_email);
    m_problem->setObjectName(QStringLiteral("welcomeProblem"));
    m_problem->setWordWrap(true);
    m_sample->setObjectName(QStringLiteral("welcomeSample"));
    m_problem->setStyleSheet(Appearance::problemStyle());
    auto *form = new QFormLayout;
    form->addRow(m_emailLabel, m_email);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_sample);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_email, &QLineEdit::textChanged, this, &WelcomeDialog::validate);
    retranslateUi();
    validate();
    setMinimumWidth(480);
}

QString WelcomeDialog::email() const
{
    return m_email->text().trimmed();
}

bool WelcomeDialog::sampleAccount() const
{
    return m_sample->isChecked();
}

void WelcomeDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void WelcomeDialog::validate()
{
    const QString typed = email();
    const Status valid = Validation::checkEmail(typed);
    m_ok->setEnabled(valid.ok());
    m_problem->setText(typed.isEmpty() || valid.ok() ? QString() : valid.error().message);
}

void WelcomeDialog::retranslateUi()
{
    setWindowTitle(tr("Welcome to Seatkeeper"));
    m_intro->setText(tr("A new seat database will be created at %1. Type your email address: you become its "
                        "Super admin.")
                         .arg(QDir::toNativeSeparators(m_databasePath)));
    m_emailLabel->setText(tr("Email address"));
    m_email->setAccessibleName(tr("Email address"));
    m_sample->setText(tr("Start with a sample account (a few users and purchased seats)"));
    m_sample->setAccessibleName(m_sample->text());
    m_ok->setText(tr("Create"));
    m_ok->setAccessibleName(tr("Create"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(tr("Cancel"));
    validate();
}
