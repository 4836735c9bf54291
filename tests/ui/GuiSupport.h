#pragma once

// Helpers for driving the real widgets: answering modal dialogs and clicking
// check boxes inside item views.

#include <functional>
#include <QAbstractItemView>
#include <QApplication>
#include <QDialog>
#include <QFileDialog>
#include <QLineEdit>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QTimer>

namespace GuiSupport {

// Runs `answer` on the next modal dialog as soon as it is shown (its exec()
// blocks the test until then). Gives up after five seconds.
inline void whenDialogShows(std::function<void(QWidget *)> answer, int triesLeft = 500)
{
    QTimer::singleShot(10, [answer, triesLeft] {
        QWidget *modal = QApplication::activeModalWidget();
        if (modal && modal->isVisible())
            answer(modal);
        else if (triesLeft > 0)
            whenDialogShows(answer, triesLeft - 1);
    });
}

// Runs `answer` on the modal dialog named `name` as soon as it is shown — not
// on a busy dialog shown while whatever opens it waits. Gives up after `triesLeft` × 10 ms.
inline void whenDialogNamedShows(const QString &name, std::function<void(QWidget *)> answer, int triesLeft = 3000)
{
    QTimer::singleShot(10, [name, answer, triesLeft] {
        QWidget *modal = QApplication::activeModalWidget();
        if (modal && modal->isVisible() && modal->objectName() == name)
            answer(modal);
        else if (triesLeft > 0)
            whenDialogNamedShows(name, answer, triesLeft - 1);
    });
}

// Types `path` into a (non-native) file dialog's file name box and saves, as
// a person would. QFileDialog::selectFile() leaves that box alone once it has
// the focus, which it may or may not have yet: the dialog then saved under the
// name it proposed.
inline void chooseFile(QFileDialog *dialog, const QString &path)
{
    if (auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit")))
        name->setText(path);
    else
        dialog->selectFile(path);
    static_cast<QDialog *>(dialog)->accept(); // as Save does
}

// Clicks exactly on the check box drawn in a cell, as a person would.
inline void clickCheckBox(QAbstractItemView *view, const QModelIndex &index)
{
    view->scrollTo(index);
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.rect = view->visualRect(index);
    option.features |= QStyleOptionViewItem::HasCheckIndicator;
    const QRect box = view->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, view);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, box.center());
}

} // namespace GuiSupport
