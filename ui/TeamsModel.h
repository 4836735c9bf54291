#pragma once

#include "Team.h"

#include <QAbstractTableModel>
#include <QVector>

// The Teams tab's table: Team | Members, over the teams the core hands out.
// An account has few teams: a change reads them all again.
class TeamsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        MembersColumn,
        ColumnCount
    };

    explicit TeamsModel(QObject *parent = nullptr);

    void setTeams(QVector<Team> teams);
    const QVector<Team> &teams() const { return m_teams; }
    const Team &teamAt(int row) const { return m_teams.at(row); }
    // The row of the team of that name (any case), -1 if none.
    int rowOfTeam(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    void retranslate();

private:
    QVector<Team> m_teams;
};
