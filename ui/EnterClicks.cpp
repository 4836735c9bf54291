#include "EnterClicks.h"

#include <QApplication>
#include <QKeyEvent>
#include <QPushButton>
#include <QToolButton>

namespace {

bool isPressButton(QObject *o)
{
    return qobject_cast<QPushButton *>(o) || qobject_cast<QToolButton *>(o);
}

} // namespace

void EnterClicks::install(QWidget *root)
{
    // One filter per root, owned by it: it goes when the widgets go.
    auto *filter = root->findChild<EnterClicks *>(QString(), Qt::FindDirectChildrenOnly);
    if (!filter)
        filter = new EnterClicks(root);
    QList<QAbstractButton *> buttons = root->findChildren<QAbstractButton *>();
    if (auto *self = qobject_cast<QAbstractButton *>(root))
        buttons.prepend(self);
    for (QAbstractButton *b : buttons) {
        if (!isPressButton(b))
            continue;
        b->removeEventFilter(filter); // never twice
        b->installEventFilter(filter);
    }
}

bool EnterClicks::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() != Qt::Key_Return && key->key() != Qt::Key_Enter)
        return false;
    if ((key->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier || key->isAutoRepeat())
        return false;
    auto *button = qobject_cast<QAbstractButton *>(watched);
    if (!button || !button->isEnabled() || !button->isVisible())
        return false;
    // A window behind a modal dialog takes no key.
    if (QWidget *modal = QApplication::activeModalWidget(); modal && button->window() != modal)
        return false;
    auto *tool = qobject_cast<QToolButton *>(button);
    if (tool && tool->menu() && tool->popupMode() != QToolButton::DelayedPopup)
        tool->showMenu(); // as a click on it does
    else
        button->click();
    return true;
}
