#include "ToggleSwitch.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QPainter>
#include <QPropertyAnimation>
#include <QStyleOptionFocusRect>

namespace {

constexpr int TrackWidth = 36;
constexpr int TrackHeight = 20;
constexpr int Spacing = 8;

class AccessibleToggleSwitch : public QAccessibleWidget
{
public:
    explicit AccessibleToggleSwitch(QWidget *w)
        : QAccessibleWidget(w, QAccessible::CheckBox)
    {
        addControllingSignal(QStringLiteral("toggled(bool)"));
    }

    ToggleSwitch *toggle() const { return static_cast<ToggleSwitch *>(widget()); }

    QString text(QAccessible::Text t) const override
    {
        if (t == QAccessible::Name) {
            const QString name = toggle()->accessibleName();
            return name.isEmpty() ? toggle()->text() : name;
        }
        return QAccessibleWidget::text(t);
    }

    QAccessible::State state() const override
    {
        QAccessible::State s = QAccessibleWidget::state();
        s.checkable = true;
        s.checked = toggle()->isChecked();
        return s;
    }

    QStringList actionNames() const override
    {
        return QStringList { QAccessibleActionInterface::toggleAction() } + QAccessibleWidget::actionNames();
    }

    void doAction(const QString &action) override
    {
        if (action == QAccessibleActionInterface::toggleAction() || action == QAccessibleActionInterface::pressAction())
            toggle()->click();
        else
            QAccessibleWidget::doAction(action);
    }
};

QAccessibleInterface *toggleSwitchFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String("ToggleSwitch") && object && object->isWidgetType())
        return new AccessibleToggleSwitch(static_cast<QWidget *>(object));
    return nullptr;
}

} // namespace

ToggleSwitch::ToggleSwitch(QWidget *parent)
    : QAbstractButton(parent)
    , m_animation(new QPropertyAnimation(this, "knobPosition", this))
{
    setCheckable(true);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_animation->setDuration(120);
    m_animation->setEasingCurve(QEasingCurve::InOutCubic);
}

void ToggleSwitch::installAccessibility()
{
    QAccessible::installFactory(toggleSwitchFactory);
}

QSize ToggleSwitch::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    const int textWidth = text().isEmpty() ? 0 : Spacing + fm.horizontalAdvance(text());
    return QSize(TrackWidth + textWidth + 4, std::max(TrackHeight, fm.height()) + 6);
}

QSize ToggleSwitch::minimumSizeHint() const
{
    return sizeHint();
}

void ToggleSwitch::setKnobPosition(qreal position)
{
    m_knob = position;
    update();
}

void ToggleSwitch::checkStateSet()
{
    // Set from code (setChecked): jump, do not animate.
    m_animation->stop();
    m_knob = isChecked() ? 1.0 : 0.0;
    update();
}

void ToggleSwitch::nextCheckState()
{
    QAbstractButton::nextCheckState();
    animateTo(isChecked());
}

void ToggleSwitch::animateTo(bool on)
{
    m_animation->stop();
    m_animation->setStartValue(m_knob);
    m_animation->setEndValue(on ? 1.0 : 0.0);
    m_animation->start();
}

bool ToggleSwitch::hitButton(const QPoint &pos) const
{
    return rect().contains(pos);
}

void ToggleSwitch::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    const int y = (height() - TrackHeight) / 2;
    const QRectF track(2, y, TrackWidth, TrackHeight);
    const bool enabled = isEnabled();
    QColor on = pal.color(QPalette::Highlight);
    QColor off = pal.color(QPalette::Mid);
    if (!enabled) {
        on = on.lighter(160);
        off = off.lighter(130);
    }
    QColor trackColor;
    trackColor.setRgbF(off.redF() + (on.redF() - off.redF()) * m_knob,
                       off.greenF() + (on.greenF() - off.greenF()) * m_knob,
                       off.blueF() + (on.blueF() - off.blueF()) * m_knob);
    p.setPen(Qt::NoPen);
    p.setBrush(trackColor);
    p.drawRoundedRect(track, TrackHeight / 2.0, TrackHeight / 2.0);
    const qreal d = TrackHeight - 4;
    const QRectF knob(track.left() + 2 + (TrackWidth - d - 4) * m_knob, track.top() + 2, d, d);
    p.setBrush(enabled ? QColor(Qt::white) : pal.color(QPalette::Button));
    p.drawEllipse(knob);

    if (!text().isEmpty()) {
        p.setPen(pal.color(enabled ? QPalette::Active : QPalette::Disabled, QPalette::WindowText));
        const QRect textRect(TrackWidth + 2 + Spacing, 0, width() - TrackWidth - 2 - Spacing, height());
        p.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextShowMnemonic, text());
    }
    if (hasFocus()) {
        QPen focus(pal.color(QPalette::Highlight));
        focus.setWidthF(1.5);
        p.setPen(focus);
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(track.adjusted(-2, -2, 2, 2), TrackHeight / 2.0 + 2, TrackHeight / 2.0 + 2);
    }
}
