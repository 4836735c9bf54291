#include "ToggleSwitch.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QPainter>
#include <QPainterPath>
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
    // On: a filled accent track with a check mark and a white knob. Off: an
    // outlined, empty track with a grey knob. The shapes differ, not only the
    // colours, so a read-only (disabled) switch still reads on or off.
    // The active group's accent even when disabled: styles grey out a disabled
    // Highlight, which is exactly what made on and off alike.
    QColor accent = pal.color(QPalette::Active, QPalette::Highlight);
    QColor outline = pal.color(QPalette::Active, QPalette::Dark);
    if (!enabled) {
        accent = QColor::fromHsvF(accent.hsvHueF(), accent.hsvSaturationF() * 0.6,
                                  std::min<float>(1.0f, accent.valueF() * 1.05f));
        outline = pal.color(QPalette::Active, QPalette::Mid);
    }
    const qreal on = m_knob;
    QColor fill = accent;
    fill.setAlphaF(on);
    QColor edge;
    edge.setRgbF(outline.redF() + (accent.redF() - outline.redF()) * on,
                 outline.greenF() + (accent.greenF() - outline.greenF()) * on,
                 outline.blueF() + (accent.blueF() - outline.blueF()) * on);
    p.setPen(QPen(edge, 1.5));
    p.setBrush(fill);
    const QRectF outlined = track.adjusted(0.75, 0.75, -0.75, -0.75);
    p.drawRoundedRect(outlined, outlined.height() / 2.0, outlined.height() / 2.0);
    if (on > 0.5) {
        // The check mark, in the half of the track the knob has left.
        QPen mark(QColor(Qt::white), 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p.setPen(mark);
        p.setBrush(Qt::NoBrush);
        const qreal h = TrackHeight;
        QPainterPath check;
        check.moveTo(track.left() + h * 0.30, track.top() + h * 0.52);
        check.lineTo(track.left() + h * 0.48, track.top() + h * 0.70);
        check.lineTo(track.left() + h * 0.80, track.top() + h * 0.32);
        p.drawPath(check);
    }
    const qreal d = TrackHeight - 6;
    const QRectF knob(track.left() + 3 + (TrackWidth - d - 6) * on, track.top() + 3, d, d);
    p.setPen(Qt::NoPen);
    QColor knobColor;
    const QColor white(Qt::white);
    knobColor.setRgbF(outline.redF() + (white.redF() - outline.redF()) * on,
                      outline.greenF() + (white.greenF() - outline.greenF()) * on,
                      outline.blueF() + (white.blueF() - outline.blueF()) * on);
    p.setBrush(knobColor);
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
