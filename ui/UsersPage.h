#pragma once

class UsersCache;

#include "SeatLedger.h"
#include "WindowStart.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
class QTabWidget;
class TeamFilter;
class ServerWriter;
class TeamsPage;
class QToolButton;
class SeatLedger;
class SeatOverview;
class UserFilter;
class UserPanel;
class UsersModel;

// Settings ▸ Users & Teams: every user of the account with the seats they hold,
// "Create user" and "Actions" at the top right, and the side panel on the right.
class UsersPage : public QWidget
{
    Q_OBJECT

public:
    // `start`: what the window shows first, read on a worker before it was
    // built; when complete (a server) the page shows it and reads nothing now.
    UsersPage(SeatLedger &ledger, UsersCache &users, QWidget *parent = nullptr, const WindowStart *start = nullptr);

    // Reloads the users from the ledger; shows the error in the page if it fails.
    // On a server read on the writer's worker (the window painting meanwhile);
    // one asked for while a reload waits runs once after it.
    void reload();
    // The data changed while the page is hidden: read it again when it is shown.
    void markStale() { m_stale = true; }
    // Rows that changed (from the change feed): only those are updated.
    void applyChanges(const SeatLedger::Changes &changes);
    void setReadOnly(bool readOnly, const QString &why);
    // Seats saved in Manage paid users: the rows and the overview show them.
    void applySeatEdits(const QVector<SeatEdit> &edits);
    UsersModel *model() const { return m_model; }
    UserPanel *panel() const { return m_panel; }
    // On a server: this page's writes (its panel's and Teams' too) run on this worker.
    void setWriter(ServerWriter *writer);
    QSplitter *splitter() const { return m_splitter; }
    TeamsPage *teamsPage() const { return m_teamsPage; }
    QTabWidget *tabs() const { return m_tabs; }

signals:
    void managePaidUsersRequested();
    void ledgerChanged();
    // A short word for the status bar (a user created, seats saved).
    void statusMessage(const QString &message);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslateUi();
    void fitColumns();
    // Selects `email`'s row, which opens the panel on them.
    void showUser(const QString &email);
    void filter(const QString &text);
    // Selects the row of the user the panel shows, or nothing.
    void selectPanelUser();
    void openSelected();
    void closePanel();
    // The teams changed (here or elsewhere): the Teams tab, the filter and the panel read them again.
    // On a server read on the writer's worker.
    void reloadTeams();
    // The overview's counts, read again from the ledger (as above).
    void refreshCounts();
    // The seat and role filters as chosen in their combo boxes.
    void applyFilters();
    // The overview's users count, the pressed seat type and the empty state follow the list.
    void updateShown();
    void fillFilterChoices();
    // The users of the selected rows, in the order shown.
    QVector<User> selectedUsers() const;
    // Bulk actions on the selection: each one transaction.
    void assignToSelected(SeatType type);
    void removeFromSelected(Product product);
    void deleteSelected();
    void setMainTeamOfSelected();
    void updateBulkActions();
    // Actions ▸ Import users and Export users.
    void importUsers();
    void exportUsers();

public:
    // Import users after the file dialog: the file read, then the Preview.
    void importFile(const QString &path);
    // Export users after the file dialog.
    Status exportTo(const QString &path, const QVector<User> &users, bool forExcel);
    // The users the current filter shows, in the order shown.
    QVector<User> shownUsers() const;

private:
    SeatLedger &m_ledger;
    ServerWriter *m_writer = nullptr;
    quint64 m_countReads = 0; // only the latest read of the counts is shown
    UsersCache &m_users;
    UsersModel *m_model;
    UserFilter *m_proxy;
    QLabel *m_title;
    QLineEdit *m_search;
    SeatOverview *m_overview;
    QLabel *m_seatFilterLabel;
    QComboBox *m_seatFilter;
    QLabel *m_roleFilterLabel;
    QComboBox *m_roleFilter;
    QLabel *m_empty;
    QLabel *m_count;
    QToolButton *m_actions;
    QMenu *m_actionsMenu;
    QAction *m_manageAction;
    QAction *m_importAction;
    QAction *m_exportAction;
    QMenu *m_assignMenu;
    QMenu *m_removeMenu;
    QAction *m_assignActions[SeatTypeCount];
    QAction *m_removeActions[ProductCount];
    QAction *m_mainTeamAction;
    QAction *m_deleteAction;
    QPushButton *m_create;
    QLabel *m_status;
    QTabWidget *m_tabs;
    TeamFilter *m_teamFilter;
    TeamsPage *m_teamsPage;
    QSplitter *m_splitter;
    QTableView *m_table;
    UserPanel *m_panel;
    bool m_readOnly = false;
    bool m_stale = false;
    bool m_reloading = false; // a reload() waits on the writer's worker
    bool m_reloadAgain = false; // and another was asked for meanwhile
    bool m_filtering = false; // the search is changing the rows under the selection
};
