#pragma once

#include "SeatLedger.h"
#include "WindowStart.h"

#include <memory>
#include <optional>
#include <QMainWindow>
#include <QStringList>

class HistoryPage;
class LedgerWatcher;
class QActionGroup;
class QMenu;
class PaidUsersPage;
class ServerLink;
class ServerWriter;
class QFrame;
class QLabel;
class QPushButton;
class QThread;
class QListWidget;
class QSplitter;
class QStackedWidget;
class SeatLedger;
class UsersCache;
class UsersPage;

// The main window, titled "Settings": a left sidebar of pages (Users & Teams
// first) and the page area. Remembers its geometry and splitters.
class SettingsWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `users`: the users as read at start-up, if they were (on a worker).
    explicit SettingsWindow(SeatLedger &ledger, SeatLedger::UsersSnapshot users = {}, QWidget *parent = nullptr);
    // `start`: what it shows first, as read on a worker before it is built.
    // Complete (a server: DatabaseOpener reads it all), nothing is read while
    // it is built, and its ledger's own connection is never used.
    SettingsWindow(SeatLedger &ledger, WindowStart start, QWidget *parent = nullptr);
    ~SettingsWindow() override;

    UsersPage *usersPage() const { return m_usersPage; }
    PaidUsersPage *paidUsersPage() const { return m_paidUsersPage; }
    HistoryPage *historyPage() const { return m_historyPage; }
    LedgerWatcher *watcher() const { return m_watcher; }
    // The connection to the server, when the database is on one (else null).
    ServerLink *serverLink() const { return m_link; }
    void showUsers();
    void showPaidUsers();
    void showHistory();
    // The History page, narrowed to the changes for one user (their panel's History).
    void showHistoryOf(const QString &email);
    // Switches every visible text to `language` ("en" or "fr") at once and remembers the choice.
    void setLanguage(const QString &language);
    // Runs the full check (seatctl check) on a worker; when the ledger does not
    // match the seats — edited behind the app's back, or damaged — a banner says
    // so and offers the backups.
    void startAudit();
    bool auditRunning() const;
    QStringList auditProblems() const { return m_auditProblems; }

signals:
    // The person chose a backup to restore and confirmed it (in dialogs over
    // this window): close the database, then restore it.
    void restoreRequested(const QString &backupPath);
    // The person chose another database (Open database…, Connect to server…,
    // a recent one): close this one, then open that.
    void openRequested(const QString &location);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    static constexpr int StatusMessageMs = 8000;
    void retranslateUi();
    // The sidebar's rows: 0 Users & Teams, 1 History.
    void showPage(int row);
    void selectSidebarRow(int row);
    void showAudit(const QStringList &problems);
    void backupNow();
    // Read-only unless the operator is an Admin or a Super admin; on a server,
    // first follows the login to the user tied to it now. Read on the
    // writer's worker (the window painting) unless `here` (while it is built).
    void applyOperatorRights(bool here = false);
    // What the operator may do, as read last, mirrored in the window (again
    // in another language: nothing read).
    void showRights(bool admin);
    void showOperator();
    // Who the login is tied to now (on a server), and whether that operator
    // is an Admin or a Super admin, as stored now: read in one go.
    struct OperatorRights
    {
        std::optional<std::optional<QString>> tied; // read (SQLite: an empty one)
        bool admin = false;
    };
    // Null when a later read made this one moot, or the window went meanwhile.
    std::optional<OperatorRights> readOperatorRights(bool here = false);
    bool operatorIsAdmin();
    void askRestore();
    void showAbout();
    void openDatabase();
    void connectToServer();
    void fillRecent();
    void showConnection();
    void connectionChanged();
    void restoreLayout();
    void saveLayout() const;

    SeatLedger &m_ledger;
    std::unique_ptr<UsersCache> m_users;
    LedgerWatcher *m_watcher;
    QSplitter *m_splitter;
    QListWidget *m_sidebar;
    QStackedWidget *m_pages;
    UsersPage *m_usersPage;
    PaidUsersPage *m_paidUsersPage;
    HistoryPage *m_historyPage;
    QLabel *m_operator;
    ServerLink *m_link = nullptr;
    ServerWriter *m_writer = nullptr;
    quint64 m_rightsReads = 0; // only the latest read of the rights is applied
    bool m_admin = false; // as the latest read of the rights found
    bool m_wasLost = false;
    bool m_reconnecting = false; // the writer's worker checks that the server answers again
    QLabel *m_connection;
    QMenu *m_databaseMenu;
    QAction *m_open;
    QAction *m_connect;
    QMenu *m_recentMenu;
    QAction *m_quit;
    QAction *m_backupNow;
    QAction *m_restore;
    QMenu *m_languageMenu;
    QActionGroup *m_languages;
    QMenu *m_helpMenu;
    QAction *m_about;
    QFrame *m_auditBanner;
    QLabel *m_auditText;
    QPushButton *m_auditRestore;
    std::unique_ptr<QThread> m_audit;
    QStringList m_auditProblems;
};
