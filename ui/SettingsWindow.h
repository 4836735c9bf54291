#pragma once

#include <QMainWindow>

class QListWidget;
class QStackedWidget;
class SeatLedger;
class UsersPage;

// The main window, titled "Settings": a left sidebar of pages (Users & Teams
// first) and the page area.
class SettingsWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit SettingsWindow(SeatLedger &ledger, QWidget *parent = nullptr);

    UsersPage *usersPage() const { return m_usersPage; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    SeatLedger &m_ledger;
    QListWidget *m_sidebar;
    QStackedWidget *m_pages;
    UsersPage *m_usersPage;
};
