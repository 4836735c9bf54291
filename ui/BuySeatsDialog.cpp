#include "BuySeatsDialog.h"

#include "SeatLedger.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

BuySeatsDialog::BuySeatsDialog(SeatType type, int purchased, int assigned, QWidget *parent)
    : QDialog(parent)
    , m_type(type)
    , m_purchased(purchased)
    , m_assigned(assigned)
    , m_text(new QLabel(this))
    , m_countLabel(new QLabel(this))
    , m_count(new QSpinBox(this))
    , m_after(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
    // Our own buttons: a box's standard buttons reset their text on LanguageChange.
    , m_ok(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
    , m_cancel(m_buttons->addButton(QString(), QDialogButtonBox::RejectRole))
{
    setObjectName(QStringLiteral("buySeatsDialog"));
    m_text->setWordWrap(true);
    m_count->setObjectName(QStringLiteral("buySeatsCount"));
    m_count->setRange(1, SeatLedger::MaxSeatsPerPurchase);
    m_count->setValue(1);
    m_countLabel->setBuddy(m_count);
    m_after->setObjectName(QStringLiteral("buySeatsAfter"));
    m_after->setWordWrap(true);
    connect(m_count, &QSpinBox::valueChanged, this, &BuySeatsDialog::showAfter);
    retranslateUi();
    auto *form = new QFormLayout;
    form->addRow(m_countLabel, m_count);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addLayout(form);
    layout->addWidget(m_after);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(420);
}

int BuySeatsDialog::count() const
{
    return m_count->value();
}

void BuySeatsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void BuySeatsDialog::retranslateUi()
{
    setWindowTitle(tr("Buy another user"));
    const QLocale locale;
    m_text->setText(tr("Every %1 seat is assigned (%2 purchased, %3 assigned). How many more do you want to buy?")
                        .arg(seatTypeName(m_type), locale.toString(m_purchased), locale.toString(m_assigned)));
    m_countLabel->setText(tr("Seats to buy"));
    m_count->setAccessibleName(m_countLabel->text());
    QPushButton *buy = m_ok;
    buy->setText(tr("Buy"));
    buy->setAccessibleName(buy->text());
    QPushButton *cancel = m_cancel;
    cancel->setText(tr("Cancel"));
    cancel->setAccessibleName(cancel->text());
    showAfter();
}

void BuySeatsDialog::showAfter()
{
    // What Buy changes, said before it is pressed.
    const QLocale locale;
    const int purchased = m_purchased + m_count->value();
    m_after->setText(
        tr("After buying: %1 purchased, %2 assigned, %3 free.")
            .arg(locale.toString(purchased), locale.toString(m_assigned), locale.toString(purchased - m_assigned)));
}
