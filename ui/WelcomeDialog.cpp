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
    // Two lines are kept for it from the start, so a problem never pushes the
    // rest of the dialog out of its frame.
    m_problem->setMinimumHeight(2 * m_problem->fontMetrics().lineSpacing());
    m_problem->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_email->installEventFilter(this);
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
    connect(m_email, &QLineEdit::returnPressed, this, [this] {
        m_emailLeft = true;
        validate();
    });
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
    m_problem->setText(!m_emailLeft || typed.isEmpty() || valid.ok() ? QString() : valid.error().message);
    // A longer message (French, a long address) may need more lines: the dialog
    // grows rather than squeezing the text above it.
    if (QLayout *l = layout(); l && isVisible()) {
        l->activate();
        const int needed = l->totalHeightForWidth(width());
        if (needed > height())
            resize(width(), needed);
    }
}

bool WelcomeDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_email && event->type() == QEvent::FocusOut && !email().isEmpty()) {
        m_emailLeft = true;
        validate();
    }
    return QDialog::eventFilter(watched, event);
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
