#pragma once

#include "User.h"

#include <array>
#include <optional>
#include <QWidget>

class QLabel;
class QPushButton;
class ToggleSwitch;

// One tab of the side panel: the access switch of a product ("Sales access",
// "Service Hub access") and, when it is on, one switch per tier, only one on at a
// time, each with its seat count and, when none is free, "Buy another user".
class SeatAccessTab : public QWidget
{
    Q_OBJECT

public:
    explicit SeatAccessTab(Product product, QWidget *parent = nullptr);

    Product product() const { return m_product; }
    // The seat held now (stored); it counts as available to this user.
    void setHeld(std::optional<SeatType> held);
    void setSeat(std::optional<SeatType> seat);
    // The chosen seat; nullopt when access is off or no tier is chosen.
    std::optional<SeatType> seat() const;
    bool accessOn() const;
    void setCounts(const std::array<SeatCount, SeatTypeCount> &counts);
    void setReadOnly(bool readOnly);
    ToggleSwitch *accessSwitch() const { return m_access; }
    ToggleSwitch *tierSwitch(Tier tier) const { return m_tiers[int(tier)]; }
    QPushButton *buyButton(Tier tier) const { return m_buy[int(tier)]; }
    // The last control of this tab in reading order, to chain the panel's tab order.
    QWidget *lastInFocusChain() const;

signals:
    void changed();
    void buyRequested(SeatType type);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateState();
    void tierToggled(Tier tier, bool on);

    Product m_product;
    ToggleSwitch *m_access;
    QWidget *m_tierBox;
    std::array<ToggleSwitch *, 3> m_tiers {};
    std::array<QLabel *, 3> m_counts {};
    std::array<QPushButton *, 3> m_buy {};
    std::array<SeatCount, SeatTypeCount> m_seatCounts {};
    std::optional<SeatType> m_held;
    bool m_readOnly = false;
};
