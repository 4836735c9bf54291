#pragma once

#include <QObject>

class QWidget;

// Enter and Return press the focused button, as Space does. Qt does it only for
// a default button and inside dialogs; the window promises it everywhere (Tab,
// Space, Enter). Toggle switches keep Space alone, like check boxes.
class EnterClicks : public QObject
{
    Q_OBJECT

public:
    // Watches every push and tool button under `root` (and `root` itself if it is one).
    static void install(QWidget *root);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};
