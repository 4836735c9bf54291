#pragma once

#include "User.h"

#include <array>
#include <optional>
#include <QWidget>

class QLabel;
class QToolButton;

// The strip at the top of Users & Teams: for each seat type how many are
// purchased, assigned and free. A type with no
// free seat says so (icon and words, not colour alone). Each type's name is a
// button: clicking it (or Space/Enter on it) lists only that seat's holders;
// again, everybody.
class SeatOverview : public QWidget
{
    Q_OBJECT

public:
    explicit SeatOverview(QWidget *parent = nullptr);

    void setCounts(const std::array<SeatCount, SeatTypeCount> &counts);
    // The seat type the list is filtered to, if any: its button shows pressed.
    void setSelectedType(std::optional<SeatType> type);
    const std::array<SeatCount, SeatTypeCount> &counts() const { return m_counts; }

signals:
    // A type's button was clicked: on (list its holders) or off (list everybody).
    void typeToggled(SeatType type, bool on);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    std::array<SeatCount, SeatTypeCount> m_counts {};
    QLabel *m_purchasedTitle;
    QLabel *m_assignedTitle;
    QLabel *m_freeTitle;
    std::array<QToolButton *, SeatTypeCount> m_types {};
    std::array<QLabel *, SeatTypeCount> m_purchased {};
    std::array<QLabel *, SeatTypeCount> m_assigned {};
    std::array<QLabel *, SeatTypeCount> m_free {};
};
