#include "SeatAccessTab.h"

#include "ToggleSwitch.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace {
constexpr Tier tiers[] = { Tier::Starter, Tier::Professional, Tier::Enterprise };
}

SeatAccessTab::SeatAccessTab(Product product, QWidget *parent)
    : QWidget(parent)
    , m_product(product)
    , m_access(new ToggleSwitch(this))
    , m_tierBox(new QWidget(this))
{
    const QString key = productKey(product);
    setObjectName(key + QStringLiteral("Tab"));
    m_access->setObjectName(key + QStringLiteral("Access"));
    auto *grid = new QGridLayout(m_tierBox);
    grid->setContentsMargins(24, 4, 0, 0);
    grid->setVerticalSpacing(10);
    for (Tier tier : tiers) {
        const int t = int(tier);
        const QString typeKey = seatTypeKey(seatTypeOf(product, tier));
        m_tiers[t] = new ToggleSwitch(m_tierBox);
        m_tiers[t]->setObjectName(typeKey);
        m_counts[t] = new QLabel(m_tierBox);
        m_counts[t]->setObjectName(typeKey + QStringLiteral("-count"));
        m_buy[t] = new QPushButton(m_tierBox);
        m_buy[t]->setObjectName(typeKey + QStringLiteral("-buy"));
        m_buy[t]->setFlat(true);
        m_buy[t]->setCursor(Qt::PointingHandCursor);
        m_buy[t]->setStyleSheet(QStringLiteral("QPushButton { color: palette(link); text-decoration: underline; "
                                               "border: none; text-align: left; }"));
        // Switch, count, then the link on its own line: French labels are long.
        grid->addWidget(m_tiers[t], t * 3, 0);
        grid->addWidget(m_counts[t], t * 3 + 1, 0);
        grid->addWidget(m_buy[t], t * 3 + 2, 0, Qt::AlignLeft);
        connect(m_tiers[t], &ToggleSwitch::toggled, this, [this, tier](bool on) { tierToggled(tier, on); });
        connect(m_buy[t], &QPushButton::clicked, this,
                [this, tier] { emit buyRequested(seatTypeOf(m_product, tier)); });
    }
    grid->setColumnStretch(1, 1);
    // Each tier's switch, then its "Buy another user", in reading order.
    QWidget *previous = m_access;
    for (Tier tier : tiers) {
        setTabOrder(previous, m_tiers[int(tier)]);
        setTabOrder(m_tiers[int(tier)], m_buy[int(tier)]);
        previous = m_buy[int(tier)];
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_access);
    layout->addWidget(m_tierBox);
    layout->addStretch(1);
    connect(m_access, &ToggleSwitch::toggled, this, [this] {
        updateState();
        emit changed();
    });
    retranslateUi();
    updateState();
}

void SeatAccessTab::setHeld(std::optional<SeatType> held)
{
    m_held = held;
    updateState();
}

void SeatAccessTab::setSeat(std::optional<SeatType> seat)
{
    {
        const QSignalBlocker blockAccess(m_access);
        m_access->setChecked(seat.has_value());
        for (Tier tier : tiers) {
            const QSignalBlocker block(m_tiers[int(tier)]);
            m_tiers[int(tier)]->setChecked(seat == seatTypeOf(m_product, tier));
        }
    }
    updateState();
}

std::optional<SeatType> SeatAccessTab::seat() const
{
    if (!m_access->isChecked())
        return std::nullopt;
    for (Tier tier : tiers) {
        if (m_tiers[int(tier)]->isChecked())
            return seatTypeOf(m_product, tier);
    }
    return std::nullopt;
}

QWidget *SeatAccessTab::lastInFocusChain() const
{
    return m_buy[int(Tier::Enterprise)];
}

bool SeatAccessTab::accessOn() const
{
    return m_access->isChecked();
}

void SeatAccessTab::setCounts(const std::array<SeatCount, SeatTypeCount> &counts)
{
    m_seatCounts = counts;
    retranslateUi();
    updateState();
}

void SeatAccessTab::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateState();
}

void SeatAccessTab::tierToggled(Tier tier, bool on)
{
    if (on) { // one tier per product (R3)
        for (Tier other : tiers) {
            if (other != tier) {
                const QSignalBlocker block(m_tiers[int(other)]);
                m_tiers[int(other)]->setChecked(false);
            }
        }
    }
    updateState();
    emit changed();
}

void SeatAccessTab::updateState()
{
    m_access->setEnabled(!m_readOnly);
    m_tierBox->setVisible(m_access->isChecked());
    for (Tier tier : tiers) {
        const SeatType type = seatTypeOf(m_product, tier);
        const SeatCount &c = m_seatCounts[seatTypeIndex(type)];
        // A seat this user already holds is theirs; any other needs a free one.
        const bool available = m_held == type || c.free() > 0;
        const bool on = m_tiers[int(tier)]->isChecked();
        m_tiers[int(tier)]->setEnabled(!m_readOnly && (available || on));
        m_buy[int(tier)]->setVisible(!available && !on);
        m_buy[int(tier)]->setEnabled(!m_readOnly);
    }
}

void SeatAccessTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SeatAccessTab::retranslateUi()
{
    m_access->setText(m_product == Product::Sales ? tr("Sales access") : tr("Service Hub access"));
    m_access->setAccessibleName(m_access->text());
    const QLocale locale;
    for (Tier tier : tiers) {
        const int t = int(tier);
        const SeatType type = seatTypeOf(m_product, tier);
        const SeatCount &c = m_seatCounts[seatTypeIndex(type)];
        m_tiers[t]->setText(seatTypeName(type));
        m_tiers[t]->setAccessibleName(m_tiers[t]->text());
        // No plural here: English would agree with the total, French with the assigned count.
        m_counts[t]->setText(tr("Assigned: %1 of %2").arg(locale.toString(c.assigned), locale.toString(c.purchased)));
        m_counts[t]->setAccessibleName(m_counts[t]->text());
        m_buy[t]->setText(tr("Buy another user"));
        m_buy[t]->setAccessibleName(m_buy[t]->text());
        m_tiers[t]->updateGeometry();
    }
    m_access->updateGeometry();
}
