#include "TeamDialogs.h"

#include "Appearance.h"
#include "InputText.h"
#include "Validation.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

TeamNameDialog::TeamNameDialog(const QVector<Team> &teams, const QString &current, QWidget *parent)
    : QDialog(parent)
    , m_teams(teams)
    , m_current(current)
    , m_label(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
    , m_ok(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
    , m_cancel(m_buttons->addButton(QString(), QDialogButtonBox::RejectRole))
{
    setObjectName(QStringLiteral("teamNameDialog"));
    m_name->setObjectName(QStringLiteral("teamName"));
    m_name->setText(current);
    m_name->selectAll();
    m_label->setBuddy(m_name);
    m_problem->setObjectName(QStringLiteral("teamNameProblem"));
    m_problem->setStyleSheet(Appearance::problemStyle());
    m_problem->setWordWrap(true);
    m_problem->hide();
    m_ok->setObjectName(QStringLiteral("teamNameOk"));
    m_ok->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("teamNameCancel"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    layout->addWidget(m_name);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &TeamNameDialog::validate);
    setMinimumWidth(360);
    retranslateUi();
}

QString TeamNameDialog::name() const
{
    return m_name->text().trimmed();
}

void TeamNameDialog::validate()
{
    const QString typed = m_name->text();
    QString problem;
    if (!typed.trimmed().isEmpty()) {
        if (const Status s = Validation::checkTeamName(typed); !s) {
            problem = s.error().message;
        } else {
            const QString key = Validation::teamKey(typed.trimmed());
            for (const Team &t : m_teams) {
                if (Validation::teamKey(t.name) == key
                    && (m_current.isEmpty() || Validation::teamKey(m_current) != key))
                    problem = tr("A team named “%1” already exists.").arg(InputText::escaped(t.name));
            }
        }
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_ok->setEnabled(!typed.trimmed().isEmpty() && problem.isEmpty() && typed.trimmed() != m_current);
}

void TeamNameDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void TeamNameDialog::retranslateUi()
{
    setWindowTitle(m_current.isEmpty() ? tr("Create team") : tr("Rename team"));
    m_label->setText(tr("Team name"));
    m_name->setAccessibleName(tr("Team name"));
    m_ok->setText(m_current.isEmpty() ? tr("Create") : tr("Rename"));
    m_ok->setAccessibleName(m_ok->text());
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(m_cancel->text());
    validate();
}

TeamDeleteDialog::TeamDeleteDialog(const Team &team, const QVector<Team> &others, QWidget *parent)
    : QDialog(parent)
    , m_team(team)
    , m_text(new QLabel(this))
    , m_move(new QRadioButton(this))
    , m_target(new QComboBox(this))
    , m_leave(new QRadioButton(this))
    , m_buttons(new QDialogButtonBox(this))
    , m_ok(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
    , m_cancel(m_buttons->addButton(QString(), QDialogButtonBox::RejectRole))
{
    setObjectName(QStringLiteral("teamDeleteDialog"));
    m_text->setObjectName(QStringLiteral("teamDeleteText"));
    m_text->setWordWrap(true);
    m_move->setObjectName(QStringLiteral("teamDeleteMove"));
    m_target->setObjectName(QStringLiteral("teamDeleteTarget"));
    m_leave->setObjectName(QStringLiteral("teamDeleteLeave"));
    m_ok->setObjectName(QStringLiteral("teamDeleteOk"));
    m_cancel->setObjectName(QStringLiteral("teamDeleteCancel"));
    for (const Team &t : others)
        m_target->addItem(t.name, t.name);
    // Enter or Escape must never delete: Cancel is the default.
    m_cancel->setDefault(true);
    m_ok->setAutoDefault(false);
    const bool members = team.members > 0;
    m_move->setVisible(members);
    m_target->setVisible(members);
    m_leave->setVisible(members);
    m_move->setEnabled(!others.isEmpty());
    m_target->setEnabled(false);
    m_leave->setChecked(true);
    connect(m_move, &QRadioButton::toggled, m_target, &QWidget::setEnabled);
    auto *move = new QHBoxLayout;
    move->addWidget(m_move);
    move->addWidget(m_target, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addLayout(move);
    layout->addWidget(m_leave);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(400);
    retranslateUi();
}

QString TeamDeleteDialog::moveTo() const
{
    return m_move->isChecked() ? m_target->currentData().toString() : QString();
}

void TeamDeleteDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void TeamDeleteDialog::retranslateUi()
{
    setWindowTitle(tr("Delete team"));
    const QString name = InputText::escaped(m_team.name);
    m_text->setText(m_team.members > 0
                        ? tr("Delete the team “%1”? It has %n member(s).", nullptr, m_team.members).arg(name)
                        : tr("Delete the team “%1”? It has no members.").arg(name));
    m_text->setAccessibleName(m_text->text());
    m_move->setText(tr("Move them to"));
    m_move->setAccessibleName(m_move->text());
    m_target->setAccessibleName(tr("Team to move them to"));
    m_leave->setText(tr("Leave them without this team"));
    m_leave->setAccessibleName(m_leave->text());
    m_ok->setText(tr("Delete"));
    m_ok->setAccessibleName(m_ok->text());
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(m_cancel->text());
}

MainTeamDialog::MainTeamDialog(const QVector<Team> &teams, int users, QWidget *parent)
    : QDialog(parent)
    , m_users(users)
    , m_text(new QLabel(this))
    , m_label(new QLabel(this))
    , m_team(new QComboBox(this))
    , m_buttons(new QDialogButtonBox(this))
    , m_ok(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
    , m_cancel(m_buttons->addButton(QString(), QDialogButtonBox::RejectRole))
{
    setObjectName(QStringLiteral("mainTeamDialog"));
    m_text->setObjectName(QStringLiteral("mainTeamText"));
    m_text->setWordWrap(true);
    m_team->setObjectName(QStringLiteral("mainTeamChoice"));
    m_ok->setObjectName(QStringLiteral("mainTeamOk"));
    m_cancel->setObjectName(QStringLiteral("mainTeamCancel"));
    m_label->setBuddy(m_team);
    m_team->addItem(QString(), QString());
    for (const Team &t : teams)
        m_team->addItem(t.name, t.name);
    m_ok->setDefault(true);
    auto *choice = new QHBoxLayout;
    choice->addWidget(m_label);
    choice->addWidget(m_team, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addLayout(choice);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(400);
    retranslateUi();
}

QString MainTeamDialog::team() const
{
    return m_team->currentData().toString();
}

void MainTeamDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void MainTeamDialog::retranslateUi()
{
    setWindowTitle(tr("Set main team"));
    m_text->setText(tr("Selected users: %1").arg(m_users));
    m_text->setAccessibleName(m_text->text());
    m_label->setText(tr("Main team"));
    m_team->setAccessibleName(m_label->text());
    m_team->setItemText(0, tr("No team"));
    m_ok->setText(tr("Set main team"));
    m_ok->setAccessibleName(m_ok->text());
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(m_cancel->text());
}
