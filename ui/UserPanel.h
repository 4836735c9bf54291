#pragma once

#include "Result.h"
#include "Team.h"
#include "User.h"

#include <array>
#include <optional>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class SeatAccessTab;
class SeatLedger;
class ServerWriter;

// The side panel at the right of Users & Teams. "Create user": the e-mail address,
// Next, then the Sales and Service tabs, then Create. Opened on an existing user:
// the same tabs edit their access, with Save and Delete user.
class UserPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Mode
    {
        Create,
        Edit
    };

    explicit UserPanel(SeatLedger &ledger, QWidget *parent = nullptr);

    void startCreate();
    void openUser(const QString &email);
    void setReadOnly(bool readOnly);
    // On a server: the panel's writes run on this worker (null: right here).
    void setWriter(ServerWriter *writer) { m_writer = writer; }
    // Seat counts or the user changed elsewhere: show them as they are now.
    // Read on the writer's worker, unless `here` (a whole page read again).
    void refresh(bool here = false);
    Mode mode() const { return m_mode; }
    QString userEmail() const { return m_user.email; }

signals:
    void closed();
    // The panel changed the ledger (user created or deleted, seats moved or bought).
    void ledgerChanged();
    // Create or Save went through: the user concerned, and a word to say so.
    void done(const QString &email, const QString &message);
    // History was pressed: the changes for this user.
    void historyRequested(const QString &email);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // What the panel shows, read in one go: on a server on the writer's
    // worker, the window painting meanwhile.
    struct Read
    {
        std::optional<User> user; // Edit mode: as stored now
        std::optional<QVector<Team>> teams;
        std::optional<std::array<SeatCount, SeatTypeCount>> counts;
        bool operatorIsSuperAdmin = false;
        QString soleSuperAdmin; // read for a Super admin shown; empty otherwise
    };
    // `email`: the user shown (empty: none). Null when a later read or the
    // panel's own deletion made this one moot (nothing to apply).
    std::optional<Result<Read>> read(const QString &email, bool here = false);
    // The members a read brings (teams, the operator's rights).
    void applyRead(const Read &read);
    // Shows what was read: only what the admin has not touched follows it.
    void showRead(Read read);

    void retranslateUi();
    void validateEmail();
    void next();
    void showAccess(const Read *read = nullptr);
    void updateButtons();
    void buy(SeatType type);
    void confirm();
    void deleteUser();
    void removePaidAccess();
    void showProblem(const QString &message);
    SeatAccessTab *tab(Product product) const { return m_tabs[productIndex(product)]; }
    // The user's names, role and teams (Edit mode): shown as stored, or as the
    // admin has changed them.
    void showDetails(const User &shown);
    void fillTeams(const QString &mainTeam, const QStringList &additionalTeams);
    void updateRoleChoices(Role shown);
    void mainTeamChosen();
    QString chosenMainTeam() const;
    QStringList chosenAdditionalTeams() const;
    std::optional<Role> chosenRole() const;
    // What the admin changed of the details, as an edit (empty if nothing).
    UserEdit detailsEdit() const;

    SeatLedger &m_ledger;
    ServerWriter *m_writer = nullptr;
    Mode m_mode = Mode::Create;
    User m_user; // in Edit mode: as loaded
    bool m_readOnly = false;
    // The address was left or submitted: from then on, what is wrong with it shows.
    bool m_emailLeft = false;
    // From the last read: what the operator may do to the user shown.
    bool m_operatorIsSuperAdmin = false;
    QString m_soleSuperAdmin;
    // Counts the panel's reads: only the latest one is applied.
    quint64 m_reads = 0;

    QLabel *m_title;
    QToolButton *m_close;
    QStackedWidget *m_steps;
    QLabel *m_emailLabel;
    QLineEdit *m_email;
    QLabel *m_emailProblem;
    QPushButton *m_next;
    QVector<Team> m_teams;
    QWidget *m_details;
    QLabel *m_firstLabel;
    QLineEdit *m_first;
    QLabel *m_lastLabel;
    QLineEdit *m_last;
    QLabel *m_roleLabel;
    QComboBox *m_role;
    QLabel *m_roleNote; // why the role cannot change, when it cannot
    QLabel *m_mainTeamLabel;
    QComboBox *m_mainTeam;
    QLabel *m_additionalLabel;
    QListWidget *m_additional;
    // On a PostgreSQL server: the login tied to the user; editable by a Super
    // admin (not on themselves), read-only for everyone else.
    QLabel *m_loginLabel;
    QLineEdit *m_login;
    bool m_loginEditable = false;
    QTabWidget *m_tabWidget;
    std::array<SeatAccessTab *, ProductCount> m_tabs {};
    QLabel *m_problem;
    QLabel *m_incomplete; // a tab's access is on with no tier: which, and where
    QPushButton *m_removeAccess;
    QPushButton *m_delete;
    QPushButton *m_history;
    QPushButton *m_cancel;
    QPushButton *m_confirm;
    // Create user with several addresses pasted at once: all of them (empty for one).
    QStringList m_several;
};
