#include "TeamFilter.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace {
constexpr int IdRole = Qt::UserRole + 1;
} // namespace

TeamFilter::TeamFilter(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_combo(new QComboBox(this))
{
    setObjectName(QStringLiteral("teamFilterBox"));
    m_combo->setObjectName(QStringLiteral("teamFilter"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_label->setBuddy(m_combo);
    m_combo->addItem(QString(), QString());
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_combo);
    layout->addStretch(1);
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] { emit teamChanged(team()); });
    retranslateUi();
}

void TeamFilter::setTeams(const QVector<Team> &teams)
{
    const QString chosen = team();
    const qint64 chosenId = m_combo->currentData(IdRole).toLongLong();
    int keep = 0;
    {
        const QSignalBlocker quiet(m_combo);
        while (m_combo->count() > 1)
            m_combo->removeItem(1);
        for (const Team &t : teams) {
            m_combo->addItem(t.name, t.name);
            m_combo->setItemData(m_combo->count() - 1, t.id, IdRole);
            if (chosenId > 0 && t.id == chosenId)
                keep = m_combo->count() - 1;
        }
        m_combo->setCurrentIndex(keep);
    }
    // A team renamed keeps its members shown; one deleted shows everybody again.
    if (team() != chosen)
        emit teamChanged(team());
}

QString TeamFilter::team() const
{
    return m_combo->currentData().toString();
}

void TeamFilter::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void TeamFilter::retranslateUi()
{
    m_label->setText(tr("Team"));
    m_combo->setItemText(0, tr("All teams"));
    m_combo->setAccessibleName(tr("Team"));
}
