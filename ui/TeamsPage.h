#pragma once

#include "Team.h"

#include <optional>
#include <QVector>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class SeatLedger;
class ServerWriter;
class TeamsModel;

// Users & Teams ▸ Teams: every team with its member count, and Create team,
// Rename and Delete. Every change goes through the core, which ledgers it.
class TeamsPage : public QWidget
{
    Q_OBJECT

public:
    // `teams`: as read on a worker before the window was built, if they were;
    // else they are read now.
    explicit TeamsPage(SeatLedger &ledger, QWidget *parent = nullptr,
                       std::optional<QVector<Team>> teams = std::nullopt);

    // Reads the teams again (after any change, this window's or another's):
    // on a server on the writer's worker, unless `here`.
    void reload(bool here = false);
    void setReadOnly(bool readOnly);
    // On a server: its writes run on this worker (null: right here).
    void setWriter(ServerWriter *writer) { m_writer = writer; }
    TeamsModel *model() const { return m_model; }

signals:
    // A team was created, renamed or deleted here.
    void ledgerChanged();
    void statusMessage(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateButtons();
    void showTeams(QVector<Team> teams);
    void createTeam();
    void renameTeam();
    void deleteTeam();
    int currentRow() const;
    void selectTeam(const QString &name);
    void showProblem(const QString &message);

    SeatLedger &m_ledger;
    ServerWriter *m_writer = nullptr;
    quint64 m_reads = 0; // only the latest read is shown
    TeamsModel *m_model;
    QTableView *m_table;
    QPushButton *m_create;
    QPushButton *m_rename;
    QPushButton *m_delete;
    QLabel *m_problem;
    bool m_readOnly = false;
};
