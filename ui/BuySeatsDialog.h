#pragma once

#include "SeatType.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QSpinBox;

// "Buy another user": how many seats of one type to buy (1 by default), confirmed with Buy.
class BuySeatsDialog : public QDialog
{
    Q_OBJECT

public:
    BuySeatsDialog(SeatType type, int purchased, int assigned, QWidget *parent = nullptr);
    int count() const;

private:
    QLabel *m_text;
    QLabel *m_countLabel;
    QSpinBox *m_count;
    QDialogButtonBox *m_buttons;
};
