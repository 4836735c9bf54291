#include "SettingsWindow.h"

#include "SeatLedger.h"
#include "UsersPage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QSplitter>
#include <QStackedWidget>

SettingsWindow::SettingsWindow(SeatLedger &ledger, QWidget *parent)
    : QMainWindow(parent)
    , m_ledger(ledger)
    , m_sidebar(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_usersPage(new UsersPage(ledger, this))
{
    setObjectName(QStringLiteral("settingsWindow"));
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->addItem(QString());
    m_sidebar->setCurrentRow(0);
    m_sidebar->setMaximumWidth(260);
    m_pages->addWidget(m_usersPage);
    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_sidebar);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);
    resize(1100, 680);
    retranslateUi();
}

void SettingsWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void SettingsWindow::retranslateUi()
{
    setWindowTitle(tr("Settings"));
    m_sidebar->item(0)->setText(tr("Users & Teams"));
    m_sidebar->setAccessibleName(tr("Settings"));
}
