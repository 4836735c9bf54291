#pragma once

#include "Team.h"

#include <QVector>
#include <QWidget>

class QComboBox;
class QLabel;

// "Team: All teams ▾" above the users list: shows only the members of one
// team (as main or additional team). Self-contained: it says which team, the
// page's proxy model does the filtering.
class TeamFilter : public QWidget
{
    Q_OBJECT

public:
    explicit TeamFilter(QWidget *parent = nullptr);

    // The teams to choose from; the choice stays while its team does.
    void setTeams(const QVector<Team> &teams);
    // The team chosen, empty for all teams.
    QString team() const;
    QComboBox *combo() const { return m_combo; }

signals:
    void teamChanged(const QString &team);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_label;
    QComboBox *m_combo;
};
