#pragma once

#include "SeatType.h"

#include <QDialog>

class QDialogButtonBox;
class QPushButton;
class QLabel;
class QSpinBox;

// "Buy another user": how many seats of one type to buy (1 by default), confirmed with Buy.
class BuySeatsDialog : public QDialog
{
    Q_OBJECT

public:
    BuySeatsDialog(SeatType type, int purchased, int assigned, QWidget *parent = nullptr);
    int count() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showAfter();

    SeatType m_type;
    int m_purchased;
    int m_assigned;
    QLabel *m_text;
    QLabel *m_countLabel;
    QSpinBox *m_count;
    QLabel *m_after; // the counts once bought, as the number changes
    QDialogButtonBox *m_buttons;
    QPushButton *m_ok;
    QPushButton *m_cancel;
};
