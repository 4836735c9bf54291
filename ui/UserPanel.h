#pragma once

#include "User.h"

#include <array>
#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class SeatAccessTab;
class SeatLedger;

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

protected:
    void changeEvent(QEvent *event) override;

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

    SeatLedger &m_ledger;
    Mode m_mode = Mode::Create;
    User m_user; // in Edit mode: as loaded
    bool m_readOnly = false;

    QLabel *m_title;
    QToolButton *m_close;
    QStackedWidget *m_steps;
    QLabel *m_emailLabel;
    QLineEdit *m_email;
    QLabel *m_emailProblem;
    QPushButton *m_next;
    QTabWidget *m_tabWidget;
    std::array<SeatAccessTab *, ProductCount> m_tabs {};
    QLabel *m_problem;
    QLabel *m_incomplete; // a tab's access is on with no tier: which, and where
    QPushButton *m_removeAccess;
    QPushButton *m_delete;
    QPushButton *m_cancel;
    QPushButton *m_confirm;
    // Create user with several addresses pasted at once: all of them (empty for one).
    QStringList m_several;
};
