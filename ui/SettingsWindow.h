#pragma once

#include <QMainWindow>

class LedgerWatcher;
class QActionGroup;
class QMenu;
class PaidUsersPage;
class QLabel;
class QListWidget;
class QSplitter;
class QStackedWidget;
class SeatLedger;
class UsersPage;

// The main window, titled "Settings": a left sidebar of pages (Users & Teams
// first) and the page area. Remembers its geometry and splitters.
class SettingsWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit SettingsWindow(SeatLedger &ledger, QWidget *parent = nullptr);

    UsersPage *usersPage() const { return m_usersPage; }
    PaidUsersPage *paidUsersPage() const { return m_paidUsersPage; }
    LedgerWatcher *watcher() const { return m_watcher; }
    void showUsers();
    void showPaidUsers();
    // Switches every visible text to `language` ("en" or "fr") at once and remembers the choice.
    void setLanguage(const QString &language);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void retranslateUi();
    void applyOperatorRights();
    void restoreLayout();
    void saveLayout() const;

    SeatLedger &m_ledger;
    LedgerWatcher *m_watcher;
    QSplitter *m_splitter;
    QListWidget *m_sidebar;
    QStackedWidget *m_pages;
    UsersPage *m_usersPage;
    PaidUsersPage *m_paidUsersPage;
    QLabel *m_operator;
    QMenu *m_languageMenu;
    QActionGroup *m_languages;
};
