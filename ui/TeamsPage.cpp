#include "TeamsPage.h"

#include "Appearance.h"
#include "BackgroundWork.h"
#include "SeatLedger.h"
#include "TeamDialogs.h"
#include "TeamsModel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

TeamsPage::TeamsPage(SeatLedger &ledger, QWidget *parent, std::optional<QVector<Team>> teams)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_model(new TeamsModel(this))
    , m_table(new QTableView(this))
    , m_create(new QPushButton(this))
    , m_rename(new QPushButton(this))
    , m_delete(new QPushButton(this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("teamsPage"));
    m_table->setObjectName(QStringLiteral("teamsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setTabKeyNavigation(false);
    m_create->setObjectName(QStringLiteral("createTeam"));
    m_rename->setObjectName(QStringLiteral("renameTeam"));
    m_delete->setObjectName(QStringLiteral("deleteTeam"));
    m_problem->setObjectName(QStringLiteral("teamsProblem"));
    m_problem->setStyleSheet(Appearance::problemStyle());
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_rename);
    buttons->addWidget(m_delete);
    buttons->addWidget(m_create);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_problem);
    layout->addWidget(m_table, 1);
    setTabOrder(m_rename, m_delete);
    setTabOrder(m_delete, m_create);
    setTabOrder(m_create, m_table);

    connect(m_create, &QPushButton::clicked, this, &TeamsPage::createTeam);
    connect(m_rename, &QPushButton::clicked, this, &TeamsPage::renameTeam);
    connect(m_delete, &QPushButton::clicked, this, &TeamsPage::deleteTeam);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TeamsPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TeamsPage::updateButtons);
    retranslateUi();
    if (teams)
        showTeams(std::move(*teams));
    else
        reload();
}

void TeamsPage::reload(bool here)
{
    const quint64 mine = ++m_reads;
    QPointer<TeamsPage> alive(this);
    auto teams
        = runRead(here ? nullptr : m_writer, this, m_ledger, [](const SeatLedger &ledger) { return ledger.teams(); });
    if (!alive || mine != m_reads)
        return; // gone, or a later read shows newer teams
    if (!teams) {
        showProblem(teams.error().message);
        return;
    }
    showTeams(teams.takeValue());
}

void TeamsPage::showTeams(QVector<Team> teams)
{
    // The selection as it is now, after the wait.
    const int row = currentRow();
    const qint64 selected = row >= 0 ? m_model->teamAt(row).id : 0;
    m_model->setTeams(std::move(teams));
    // The same team stays selected, renamed or not.
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (selected > 0 && m_model->teamAt(r).id == selected)
            m_table->selectRow(r);
    }
    m_table->resizeColumnToContents(TeamsModel::NameColumn);
    updateButtons();
}

void TeamsPage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateButtons();
}

int TeamsPage::currentRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void TeamsPage::selectTeam(const QString &name)
{
    const int row = m_model->rowOfTeam(name);
    if (row >= 0) {
        m_table->selectRow(row);
        m_table->setFocus();
    }
}

void TeamsPage::updateButtons()
{
    const bool selected = currentRow() >= 0;
    m_create->setEnabled(!m_readOnly);
    m_rename->setEnabled(!m_readOnly && selected);
    m_delete->setEnabled(!m_readOnly && selected);
}

void TeamsPage::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

void TeamsPage::createTeam()
{
    showProblem({});
    TeamNameDialog dialog(m_model->teams(), {}, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString name = dialog.name();
    Team created;
    const Status made = runWrite(m_writer, this, tr("Saving…"), m_ledger, [&](SeatLedger &ledger) -> Status {
        auto team = ledger.createTeam(name);
        if (!team)
            return team.error();
        created = team.takeValue();
        return {};
    });
    if (!made)
        return showProblem(made.error().message);
    emit ledgerChanged();
    reload();
    selectTeam(created.name);
    emit statusMessage(tr("Team “%1” created.").arg(created.name));
}

void TeamsPage::renameTeam()
{
    showProblem({});
    const int row = currentRow();
    if (row < 0)
        return;
    const Team team = m_model->teamAt(row);
    TeamNameDialog dialog(m_model->teams(), team.name, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString newName = dialog.name();
    if (const Status renamed = runWrite(m_writer, this, tr("Saving…"), m_ledger,
                                        [&](SeatLedger &ledger) { return ledger.renameTeam(team.name, newName); });
        !renamed)
        return showProblem(renamed.error().message);
    emit ledgerChanged();
    reload();
    selectTeam(dialog.name());
    emit statusMessage(tr("Team “%1” renamed to “%2”.").arg(team.name, dialog.name()));
}

void TeamsPage::deleteTeam()
{
    showProblem({});
    const int row = currentRow();
    if (row < 0)
        return;
    const Team team = m_model->teamAt(row);
    QVector<Team> others = m_model->teams();
    others.removeAt(row);
    TeamDeleteDialog dialog(team, others, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString target = dialog.moveTo();
    const Status deleted = runWrite(m_writer, this, tr("Saving…"), m_ledger, [&](SeatLedger &ledger) {
        return ledger.deleteTeam(team.name, target.isEmpty() ? std::nullopt : std::optional<QString>(target));
    });
    if (!deleted)
        return showProblem(deleted.error().message);
    emit ledgerChanged();
    reload();
    emit statusMessage(tr("Team “%1” deleted.").arg(team.name));
}

void TeamsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TeamsPage::retranslateUi()
{
    m_create->setText(tr("Create team"));
    m_create->setAccessibleName(m_create->text());
    m_rename->setText(tr("Rename"));
    m_rename->setAccessibleName(m_rename->text());
    m_delete->setText(tr("Delete"));
    m_delete->setAccessibleName(m_delete->text());
    m_table->setAccessibleName(tr("Teams"));
    m_model->retranslate();
}
