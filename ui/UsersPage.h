#pragma once

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;
class SeatLedger;
class UsersModel;

// Settings ▸ Users & Teams: every user of the account with the seats they hold.
class UsersPage : public QWidget
{
    Q_OBJECT

public:
    explicit UsersPage(SeatLedger &ledger, QWidget *parent = nullptr);

    // Reloads the users from the ledger; shows the error in the page if it fails.
    void reload();
    UsersModel *model() const { return m_model; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    SeatLedger &m_ledger;
    UsersModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_title;
    QLabel *m_status;
    QTableView *m_table;
};
