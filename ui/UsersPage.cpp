#include "UsersPage.h"

#include "SeatLedger.h"
#include "UsersModel.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

UsersPage::UsersPage(SeatLedger &ledger, QWidget *parent)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_model(new UsersModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("usersPage"));
    m_title->setObjectName(QStringLiteral("usersTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_status->setObjectName(QStringLiteral("usersStatus"));
    m_status->setWordWrap(true);
    m_status->hide();

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortLocaleAware(true);
    m_table->setObjectName(QStringLiteral("usersTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(UsersModel::EmailColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // Uniform rows: the view never measures every row of a large account.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);

    retranslateUi();
    reload();
    m_table->resizeColumnsToContents();
}

void UsersPage::reload()
{
    auto users = m_ledger.users();
    if (!users) {
        m_status->setText(users.error().message);
        m_status->show();
        return;
    }
    m_status->hide();
    m_model->setUsers(users.takeValue());
}

void UsersPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void UsersPage::retranslateUi()
{
    m_title->setText(tr("Users & Teams"));
    m_table->setAccessibleName(tr("Users"));
    m_model->retranslate();
}
