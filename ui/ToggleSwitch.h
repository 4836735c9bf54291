#pragma once

#include <QAbstractButton>

class QPropertyAnimation;

// An on/off switch with its label on the right. Checkable, takes keyboard focus,
// Space toggles it, the knob slides, and assistive tools see a check box whose
// name is the label.
class ToggleSwitch : public QAbstractButton
{
    Q_OBJECT
    Q_PROPERTY(qreal knobPosition READ knobPosition WRITE setKnobPosition)

public:
    explicit ToggleSwitch(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    qreal knobPosition() const { return m_knob; }
    void setKnobPosition(qreal position);

    // Makes assistive tools see switches as check boxes; call once at start-up.
    static void installAccessibility();

protected:
    void paintEvent(QPaintEvent *event) override;
    void checkStateSet() override;
    void nextCheckState() override;
    bool hitButton(const QPoint &pos) const override;

private:
    void animateTo(bool on);

    qreal m_knob = 0.0;
    QPropertyAnimation *m_animation;
};
