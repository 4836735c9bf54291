#include "TeamsModel.h"

#include "Validation.h"

#include <QLocale>

namespace {
const char *const headers[TeamsModel::ColumnCount] = {
    QT_TRANSLATE_NOOP("TeamsModel", "Team"),
    QT_TRANSLATE_NOOP("TeamsModel", "Members"),
};
} // namespace

TeamsModel::TeamsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TeamsModel::setTeams(QVector<Team> teams)
{
    beginResetModel();
    m_teams = std::move(teams);
    endResetModel();
}

int TeamsModel::rowOfTeam(const QString &name) const
{
    const QString key = Validation::teamKey(name);
    for (int row = 0; row < m_teams.size(); ++row) {
        if (Validation::teamKey(m_teams.at(row).name) == key)
            return row;
    }
    return -1;
}

int TeamsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_teams.size());
}

int TeamsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TeamsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Team &t = m_teams.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return index.column() == NameColumn ? t.name : QLocale().toString(t.members);
    if (role == Qt::TextAlignmentRole && index.column() == MembersColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant TeamsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    return tr(headers[section]);
}

Qt::ItemFlags TeamsModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

void TeamsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_teams.isEmpty())
        emit dataChanged(index(0, MembersColumn), index(rowCount() - 1, MembersColumn), { Qt::DisplayRole });
}
