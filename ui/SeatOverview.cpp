#include "SeatOverview.h"

#include "Appearance.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QStyle>
#include <QToolButton>

SeatOverview::SeatOverview(QWidget *parent)
    : QWidget(parent)
    , m_purchasedTitle(new QLabel(this))
    , m_assignedTitle(new QLabel(this))
    , m_freeTitle(new QLabel(this))
{
    setObjectName(QStringLiteral("seatOverview"));
    for (SeatType type : allSeatTypes())
        m_counts[seatTypeIndex(type)].type = type;
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(0);
    int row = 1;
    for (QLabel *title : { m_purchasedTitle, m_assignedTitle, m_freeTitle }) {
        title->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        grid->addWidget(title, row++, 0);
    }
    for (SeatType type : allSeatTypes()) {
        const int i = seatTypeIndex(type);
        const int column = i + 1;
        const QString key = seatTypeKey(type);
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("overview-") + key);
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setFocusPolicy(Qt::StrongFocus);
        button->setCursor(Qt::PointingHandCursor);
        QFont bold = button->font();
        bold.setBold(true);
        button->setFont(bold);
        m_types[i] = button;
        grid->addWidget(button, 0, column, Qt::AlignHCenter);
        connect(button, &QToolButton::clicked, this, [this, type](bool on) { emit typeToggled(type, on); });
        m_purchased[i] = new QLabel(this);
        m_assigned[i] = new QLabel(this);
        m_free[i] = new QLabel(this);
        m_purchased[i]->setObjectName(QStringLiteral("overviewPurchased-") + key);
        m_assigned[i]->setObjectName(QStringLiteral("overviewAssigned-") + key);
        m_free[i]->setObjectName(QStringLiteral("overviewFree-") + key);
        int r = 1;
        for (QLabel *l : { m_purchased[i], m_assigned[i], m_free[i] }) {
            l->setAlignment(Qt::AlignCenter);
            grid->addWidget(l, r++, column);
        }
    }
    grid->setColumnStretch(SeatTypeCount + 1, 1);
    // Reading order: the types left to right.
    for (int i = 1; i < SeatTypeCount; ++i)
        setTabOrder(m_types[i - 1], m_types[i]);
    retranslateUi();
}

void SeatOverview::setCounts(const std::array<SeatCount, SeatTypeCount> &counts)
{
    m_counts = counts;
    retranslateUi();
}

void SeatOverview::setSelectedType(std::optional<SeatType> type)
{
    for (SeatType t : allSeatTypes())
        m_types[seatTypeIndex(t)]->setChecked(type == t);
}

void SeatOverview::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SeatOverview::retranslateUi()
{
    const QLocale locale;
    m_purchasedTitle->setText(tr("Purchased", "seat count"));
    m_assignedTitle->setText(tr("Assigned", "seat count"));
    m_freeTitle->setText(tr("Free", "seat count"));
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const SeatCount &c : m_counts) {
        const int i = seatTypeIndex(c.type);
        const bool full = c.free() <= 0;
        QToolButton *button = m_types[i];
        // Two lines ("Sales" over "Professional"), as the grid's headers: six
        // types fit a narrow window. Read aloud as one name.
        QString name = seatTypeName(c.type);
        button->setAccessibleName(name);
        const qsizetype space = name.indexOf(QLatin1Char(' '));
        if (space > 0)
            name[space] = QLatin1Char('\n');
        button->setText(name);
        button->setIcon(full ? warning : QIcon());
        QString description = tr("%1 purchased, %2 assigned, %3 free.")
                                  .arg(locale.toString(c.purchased), locale.toString(c.assigned),
                                       locale.toString(std::max(0, c.free())));
        if (full)
            description += QLatin1Char(' ') + tr("No free seat: buy more before assigning one.");
        description += QLatin1Char(' ') + tr("Click to list only the users who hold this seat.");
        button->setAccessibleDescription(description);
        button->setToolTip(description);
        m_purchased[i]->setText(locale.toString(c.purchased));
        m_assigned[i]->setText(locale.toString(c.assigned));
        m_free[i]->setText(full ? tr("None free") : locale.toString(c.free()));
        m_free[i]->setStyleSheet(full ? Appearance::problemStyle() : QString());
        const QString typeName = button->accessibleName();
        m_purchased[i]->setAccessibleName(tr("%1 purchased: %2").arg(typeName, m_purchased[i]->text()));
        m_assigned[i]->setAccessibleName(tr("%1 assigned: %2").arg(typeName, m_assigned[i]->text()));
        m_free[i]->setAccessibleName(tr("%1 free: %2").arg(typeName, m_free[i]->text()));
    }
}
