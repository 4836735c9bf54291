#pragma once

#include "Team.h"

#include <QDialog>
#include <QVector>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

// "Create team" and "Rename": a team's name, checked as it is typed (required,
// no hidden characters, not another team's), confirmed with Create or Rename.
class TeamNameDialog : public QDialog
{
    Q_OBJECT

public:
    // `current`: the team being renamed, empty to create one.
    TeamNameDialog(const QVector<Team> &teams, const QString &current, QWidget *parent = nullptr);
    QString name() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();

    QVector<Team> m_teams;
    QString m_current;
    QLabel *m_label;
    QLineEdit *m_name;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QPushButton *m_ok;
    QPushButton *m_cancel;
};

// "Delete" on a team: says how many members it has, and lets them move to
// another team or be left without it.
class TeamDeleteDialog : public QDialog
{
    Q_OBJECT

public:
    TeamDeleteDialog(const Team &team, const QVector<Team> &others, QWidget *parent = nullptr);
    // The team to move the members to, or empty to leave them without it.
    QString moveTo() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    Team m_team;
    QLabel *m_text;
    QRadioButton *m_move;
    QComboBox *m_target;
    QRadioButton *m_leave;
    QDialogButtonBox *m_buttons;
    QPushButton *m_ok;
    QPushButton *m_cancel;
};

// "Set main team…" for the selected users: a team of the list, or No team.
class MainTeamDialog : public QDialog
{
    Q_OBJECT

public:
    MainTeamDialog(const QVector<Team> &teams, int users, QWidget *parent = nullptr);
    // The team chosen, or empty for No team.
    QString team() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    int m_users;
    QLabel *m_text;
    QLabel *m_label;
    QComboBox *m_team;
    QDialogButtonBox *m_buttons;
    QPushButton *m_ok;
    QPushButton *m_cancel;
};
