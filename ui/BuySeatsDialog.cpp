#include "BuySeatsDialog.h"

#include "SeatLedger.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

BuySeatsDialog::BuySeatsDialog(SeatType type, int purchased, int assigned, QWidget *parent)
    : QDialog(parent)
    , m_text(new QLabel(this))
    , m_countLabel(new QLabel(this))
    , m_count(new QSpinBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("buySeatsDialog"));
    setWindowTitle(tr("Buy another user"));
    const QLocale locale;
    m_text->setText(tr("Every %1 seat is assigned (%2 purchased, %3 assigned). How many more do you want to buy?")
                        .arg(seatTypeName(type), locale.toString(purchased), locale.toString(assigned)));
    m_text->setWordWrap(true);
    m_countLabel->setText(tr("Seats to buy"));
    m_count->setObjectName(QStringLiteral("buySeatsCount"));
    m_count->setRange(1, SeatLedger::MaxSeatsPerPurchase);
    m_count->setValue(1);
    m_count->setAccessibleName(m_countLabel->text());
    m_countLabel->setBuddy(m_count);
    QPushButton *buy = m_buttons->button(QDialogButtonBox::Ok);
    buy->setText(tr("Buy"));
    buy->setAccessibleName(buy->text());
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setText(tr("Cancel"));
    cancel->setAccessibleName(cancel->text());
    auto *form = new QFormLayout;
    form->addRow(m_countLabel, m_count);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(420);
}

int BuySeatsDialog::count() const
{
    return m_count->value();
}
