#pragma once

#include "Team.h"
#include "User.h"

#include <array>
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
    void refresh();
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
    void retranslateUi();
    void validateEmail();
    void next();
    void showAccess();
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
