#include "UserPanel.h"

#include "Appearance.h"
#include "BackgroundWork.h"
#include "BuySeatsDialog.h"
#include "EmailList.h"
#include "SeatAccessTab.h"
#include "SeatLedger.h"
#include "ToggleSwitch.h"
#include "Validation.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

UserPanel::UserPanel(SeatLedger &ledger, QWidget *parent)
    : QWidget(parent)
    , m_ledger(ledger)
    , m_title(new QLabel(this))
    , m_close(new QToolButton(this))
    , m_steps(new QStackedWidget(this))
    , m_emailLabel(new QLabel(this))
    , m_email(new QLineEdit(this))
    , m_emailProblem(new QLabel(this))
    , m_next(new QPushButton(this))
    , m_details(new QWidget(this))
    , m_firstLabel(new QLabel(m_details))
    , m_first(new QLineEdit(m_details))
    , m_lastLabel(new QLabel(m_details))
    , m_last(new QLineEdit(m_details))
    , m_roleLabel(new QLabel(m_details))
    , m_role(new QComboBox(m_details))
    , m_roleNote(new QLabel(m_details))
    , m_mainTeamLabel(new QLabel(m_details))
    , m_mainTeam(new QComboBox(m_details))
    , m_additionalLabel(new QLabel(m_details))
    , m_additional(new QListWidget(m_details))
    , m_loginLabel(new QLabel(m_details))
    , m_login(new QLineEdit(m_details))
    , m_tabWidget(new QTabWidget(this))
    , m_problem(new QLabel(this))
    , m_incomplete(new QLabel(this))
    , m_removeAccess(new QPushButton(this))
    , m_delete(new QPushButton(this))
    , m_history(new QPushButton(this))
    , m_cancel(new QPushButton(this))
    , m_confirm(new QPushButton(this))
{
    setObjectName(QStringLiteral("userPanel"));
    setMinimumWidth(360);
    setAutoFillBackground(true);
    m_title->setObjectName(QStringLiteral("panelTitle"));
    Appearance::makeTitle(m_title, 1.3);
    m_title->setWordWrap(true);
    m_close->setObjectName(QStringLiteral("panelClose"));
    m_close->setAutoRaise(true);
    connect(m_close, &QToolButton::clicked, this, &UserPanel::closed);

    // Step 1: the e-mail address.
    auto *emailStep = new QWidget(m_steps);
    m_email->setObjectName(QStringLiteral("panelEmail"));
    m_emailLabel->setBuddy(m_email);
    m_emailProblem->setObjectName(QStringLiteral("panelEmailProblem"));
    m_emailProblem->setStyleSheet(Appearance::problemStyle());
    m_emailProblem->setWordWrap(true);
    // Room for two lines whether a problem shows or not: Next stays where it is.
    m_emailProblem->setMinimumHeight(2 * m_emailProblem->fontMetrics().lineSpacing());
    m_emailProblem->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_email->installEventFilter(this);
    m_next->setObjectName(QStringLiteral("panelNext"));
    m_next->setDefault(true);
    auto *emailLayout = new QVBoxLayout(emailStep);
    emailLayout->setContentsMargins(0, 0, 0, 0);
    emailLayout->addWidget(m_emailLabel);
    emailLayout->addWidget(m_email);
    emailLayout->addWidget(m_emailProblem);
    emailLayout->addWidget(m_next, 0, Qt::AlignRight);
    emailLayout->addStretch(1);
    connect(m_email, &QLineEdit::textChanged, this, &UserPanel::validateEmail);
    connect(m_email, &QLineEdit::returnPressed, this, &UserPanel::next);
    connect(m_next, &QPushButton::clicked, this, &UserPanel::next);

    // Step 2 of a user opened from the list: their names, role and teams.
    m_details->setObjectName(QStringLiteral("panelDetails"));
    m_first->setObjectName(QStringLiteral("panelFirstName"));
    m_last->setObjectName(QStringLiteral("panelLastName"));
    m_role->setObjectName(QStringLiteral("panelRole"));
    m_roleNote->setObjectName(QStringLiteral("panelRoleNote"));
    m_roleNote->setWordWrap(true);
    m_roleNote->hide();
    m_mainTeam->setObjectName(QStringLiteral("panelMainTeam"));
    m_additional->setObjectName(QStringLiteral("panelAdditionalTeams"));
    m_additional->setMaximumHeight(110);
    m_firstLabel->setBuddy(m_first);
    m_lastLabel->setBuddy(m_last);
    m_roleLabel->setBuddy(m_role);
    m_mainTeamLabel->setBuddy(m_mainTeam);
    m_additionalLabel->setBuddy(m_additional);
    m_login->setObjectName(QStringLiteral("panelLogin"));
    m_loginLabel->setBuddy(m_login);
    auto *form = new QFormLayout(m_details);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(m_firstLabel, m_first);
    form->addRow(m_lastLabel, m_last);
    form->addRow(m_roleLabel, m_role);
    form->addRow(nullptr, m_roleNote);
    form->addRow(m_mainTeamLabel, m_mainTeam);
    form->addRow(m_additionalLabel, m_additional);
    form->addRow(m_loginLabel, m_login);
    m_details->hide();
    // Logins exist on a server only.
    m_loginLabel->setVisible(!m_ledger.login().isEmpty());
    m_login->setVisible(!m_ledger.login().isEmpty());
    m_login->setReadOnly(true);
    connect(m_login, &QLineEdit::textChanged, this, &UserPanel::updateButtons);
    connect(m_first, &QLineEdit::textChanged, this, &UserPanel::updateButtons);
    connect(m_last, &QLineEdit::textChanged, this, &UserPanel::updateButtons);
    connect(m_role, &QComboBox::currentIndexChanged, this, &UserPanel::updateButtons);
    connect(m_mainTeam, &QComboBox::currentIndexChanged, this, &UserPanel::mainTeamChosen);
    connect(m_additional, &QListWidget::itemChanged, this, &UserPanel::updateButtons);

    // Step 2: access per product.
    auto *accessStep = new QWidget(m_steps);
    m_tabWidget->setObjectName(QStringLiteral("panelTabs"));
    for (Product product : allProducts()) {
        auto *t = new SeatAccessTab(product, m_tabWidget);
        m_tabs[productIndex(product)] = t;
        m_tabWidget->addTab(t, QString());
        connect(t, &SeatAccessTab::changed, this, &UserPanel::updateButtons);
        connect(t, &SeatAccessTab::buyRequested, this, &UserPanel::buy);
    }
    m_problem->setObjectName(QStringLiteral("panelProblem"));
    m_problem->setStyleSheet(Appearance::problemStyle());
    m_problem->setWordWrap(true);
    m_problem->hide();
    m_incomplete->setObjectName(QStringLiteral("panelIncomplete"));
    m_incomplete->setStyleSheet(Appearance::problemStyle());
    m_incomplete->setWordWrap(true);
    m_incomplete->hide();
    m_removeAccess->setObjectName(QStringLiteral("panelRemoveAccess"));
    m_removeAccess->hide();
    m_delete->setObjectName(QStringLiteral("panelDelete"));
    m_history->setObjectName(QStringLiteral("panelHistory"));
    m_cancel->setObjectName(QStringLiteral("panelCancel"));
    m_confirm->setObjectName(QStringLiteral("panelConfirm"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_delete);
    buttons->addWidget(m_history);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_confirm);
    auto *accessLayout = new QVBoxLayout(accessStep);
    accessLayout->setContentsMargins(0, 0, 0, 0);
    accessLayout->addWidget(m_details);
    accessLayout->addWidget(m_tabWidget, 1);
    accessLayout->addWidget(m_incomplete);
    accessLayout->addWidget(m_problem);
    accessLayout->addWidget(m_removeAccess, 0, Qt::AlignLeft);
    accessLayout->addLayout(buttons);
    connect(m_cancel, &QPushButton::clicked, this, &UserPanel::closed);
    connect(m_confirm, &QPushButton::clicked, this, &UserPanel::confirm);
    connect(m_delete, &QPushButton::clicked, this, &UserPanel::deleteUser);
    connect(m_history, &QPushButton::clicked, this, [this] { emit historyRequested(m_user.email); });
    connect(m_removeAccess, &QPushButton::clicked, this, &UserPanel::removePaidAccess);

    m_steps->addWidget(emailStep);
    m_steps->addWidget(accessStep);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_close, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_steps, 1);

    // Reading order: e-mail, Next; then the tabs and their switches, then the buttons.
    setTabOrder(m_email, m_next);
    setTabOrder(m_next, m_first);
    setTabOrder(m_first, m_last);
    setTabOrder(m_last, m_role);
    setTabOrder(m_role, m_mainTeam);
    setTabOrder(m_mainTeam, m_additional);
    setTabOrder(m_additional, m_login);
    setTabOrder(m_login, m_tabWidget);
    QWidget *previous = m_tabWidget;
    for (SeatAccessTab *t : m_tabs) {
        setTabOrder(previous, t->accessSwitch());
        previous = t->lastInFocusChain();
    }
    for (QWidget *w :
         std::initializer_list<QWidget *> { m_removeAccess, m_delete, m_history, m_cancel, m_confirm, m_close }) {
        setTabOrder(previous, w);
        previous = w;
    }
    retranslateUi();
}

void UserPanel::startCreate()
{
    m_mode = Mode::Create;
    m_user = User();
    m_emailLeft = false;
    m_email->clear();
    m_emailProblem->clear();
    for (SeatAccessTab *t : m_tabs) {
        t->setHeld(std::nullopt);
        t->setSeat(std::nullopt);
    }
    m_tabWidget->setCurrentIndex(0);
    m_problem->hide();
    m_removeAccess->hide();
    m_details->hide();
    m_steps->setCurrentIndex(0);
    retranslateUi();
    validateEmail();
    m_email->setFocus();
}

std::optional<Result<UserPanel::Read>> UserPanel::read(const QString &email, bool here)
{
    const quint64 mine = ++m_reads;
    // Copies: the worker reads them while this thread's event loop turns.
    const QString shown = email;
    const QString actor = m_ledger.actor();
    QPointer<UserPanel> alive(this);
    auto read = runRead(here ? nullptr : m_writer, this, m_ledger, [&shown, &actor](const SeatLedger &ledger) {
        Read r;
        // A server that does not answer fails the first read: no other waits on it.
        const auto lost = [](const Error &e) {
            return e.kind == ErrorKind::Storage;
        };
        if (!shown.isEmpty()) {
            auto user = ledger.user(shown);
            if (!user)
                return Result<Read>(user.error());
            r.user = user.takeValue();
            if (r.user->role == Role::SuperAdmin) {
                if (auto sole = ledger.soleSuperAdmin())
                    r.soleSuperAdmin = sole.value();
            }
        }
        auto teams = ledger.teams();
        if (!teams && lost(teams.error()))
            return Result<Read>(teams.error());
        if (teams)
            r.teams = teams.takeValue();
        auto counts = ledger.seatCounts();
        if (!counts && lost(counts.error()))
            return Result<Read>(counts.error());
        if (counts)
            r.counts = counts.value();
        if (!actor.isEmpty()) {
            auto me = ledger.user(actor);
            r.operatorIsSuperAdmin = me && me.value().role == Role::SuperAdmin;
        }
        return Result<Read>(std::move(r));
    });
    // Deleted meanwhile, or a later read (the feed's, say) already shown: moot.
    if (!alive || mine != m_reads)
        return std::nullopt;
    return read;
}

void UserPanel::applyRead(const Read &read)
{
    if (read.teams)
        m_teams = *read.teams;
    m_operatorIsSuperAdmin = read.operatorIsSuperAdmin;
    m_soleSuperAdmin = read.soleSuperAdmin;
}

void UserPanel::openUser(const QString &email)
{
    auto read = this->read(email);
    if (!read)
        return;
    if (!*read) {
        showProblem(read->error().message);
        return;
    }
    const Read &r = read->value();
    m_mode = Mode::Edit;
    m_user = *r.user;
    m_problem->hide();
    m_removeAccess->hide();
    applyRead(r);
    showDetails(m_user);
    m_details->show();
    for (Product product : allProducts()) {
        tab(product)->setHeld(m_user.seat(product));
        tab(product)->setSeat(m_user.seat(product));
    }
    // Where their seat is: Sales first, then Service; without one, the tab last used.
    for (Product product : allProducts()) {
        if (m_user.seat(product)) {
            m_tabWidget->setCurrentIndex(productIndex(product));
            break;
        }
    }
    showAccess(&r);
}

void UserPanel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (SeatAccessTab *t : m_tabs)
        t->setReadOnly(readOnly);
    updateButtons();
}

void UserPanel::refresh(bool here)
{
    const bool edit = m_mode == Mode::Edit && !m_user.email.isEmpty();
    auto read = this->read(edit ? m_user.email : QString(), here);
    if (!read)
        return;
    if (!*read) {
        if (edit && read->error().kind == ErrorKind::NotFound) { // deleted elsewhere
            emit closed();
            return;
        }
        showProblem(read->error().message); // the server did not answer: what shows stays
        return;
    }
    showRead(read->takeValue());
}

void UserPanel::showRead(Read r)
{
    const bool edit = m_mode == Mode::Edit && !m_user.email.isEmpty();
    if (!edit || !r.user)
        applyRead(r);
    if (edit && r.user) {
        // Only what the admin has not touched follows the stored state.
        for (Product product : allProducts()) {
            const auto stored = r.user->seat(product);
            if (tab(product)->seat() == m_user.seat(product))
                tab(product)->setSeat(stored);
            tab(product)->setHeld(stored);
        }
        const bool detailsTouched = !detailsEdit().isEmpty();
        const QString main = chosenMainTeam();
        const QStringList additional = chosenAdditionalTeams();
        const QString first = m_first->text();
        const QString last = m_last->text();
        const std::optional<Role> role = chosenRole();
        const QString login = m_login->text().trimmed();
        m_user = std::move(*r.user);
        applyRead(r);
        if (!detailsTouched) {
            showDetails(m_user);
        } else {
            // Keep what the admin typed and chose; a team renamed or deleted meanwhile shows so.
            User shown = m_user;
            shown.firstName = first;
            shown.lastName = last;
            shown.role = role.value_or(m_user.role);
            shown.mainTeam = main;
            shown.additionalTeams = additional;
            if (m_loginEditable)
                shown.login = login;
            showDetails(shown);
        }
    }
    if (r.counts) {
        for (SeatAccessTab *t : m_tabs)
            t->setCounts(*r.counts);
    }
    updateButtons();
}

void UserPanel::validateEmail()
{
    const QString email = m_email->text().trimmed();
    QString problem;
    m_several.clear();
    const bool list = EmailList::isList(email);
    // Which of `addresses` are taken, as stored (on a server, read on the
    // writer's worker); a server that does not answer says so.
    const auto taken = [this, &email](const QStringList &addresses) -> std::optional<QStringList> {
        QPointer<UserPanel> alive(this);
        auto read = runRead(m_writer, this, m_ledger, [&addresses](const SeatLedger &ledger) -> Result<QStringList> {
            QStringList problems;
            for (const QString &address : addresses) {
                auto existing = ledger.user(address);
                if (existing)
                    problems << tr("A user with the email address “%1” already exists.").arg(existing.value().email);
                else if (existing.error().kind == ErrorKind::Storage)
                    return existing.error();
            }
            return problems;
        });
        // Deleted meanwhile, or the address changed: the later check tells.
        if (!alive || m_email->text().trimmed() != email)
            return std::nullopt;
        return read ? read.value() : QStringList { read.error().message };
    };
    if (list) {
        // Several addresses pasted at once: every bad, repeated or taken one
        // is listed before anything is created.
        EmailList::Parsed parsed = EmailList::parse(email);
        const auto existing = taken(parsed.emails);
        if (!existing)
            return;
        parsed.problems << *existing;
        problem = parsed.problems.join(QLatin1Char('\n'));
        if (problem.isEmpty())
            m_several = parsed.emails;
    } else if (!email.isEmpty()) {
        if (const Status valid = Validation::checkEmail(email); !valid) {
            problem = valid.error().message;
        } else {
            const auto existing = taken({ email });
            if (!existing)
                return;
            problem = existing->join(QLatin1Char('\n'));
        }
    }
    // Not while the first characters are typed: only once the admin has left the
    // field or pressed Next (or Enter), and from then on as they correct it. A
    // pasted list is whole at once: its problems show at once.
    m_emailProblem->setText(m_emailLeft || list ? problem : QString());
    m_next->setEnabled(!email.isEmpty() && problem.isEmpty() && !m_readOnly);
}

void UserPanel::next()
{
    m_emailLeft = true;
    validateEmail();
    if (!m_next->isEnabled())
        return;
    m_user.email = m_several.isEmpty() ? m_email->text().trimmed() : m_several.first();
    showAccess();
}

void UserPanel::showAccess(const Read *read)
{
    m_steps->setCurrentIndex(1);
    retranslateUi();
    if (read)
        showRead(*read);
    else
        refresh();
    // After Next the admin goes on in the panel; a user opened from the list
    // (or by the search moving the rows) leaves the focus where the admin is.
    if (m_mode == Mode::Create)
        m_tabWidget->setFocus();
}

void UserPanel::updateButtons()
{
    const bool edit = m_mode == Mode::Edit;
    m_delete->setVisible(edit);
    m_history->setVisible(edit); // anyone may read the history, Users too
    // The core refuses it (an admin cannot delete themselves): not offered, and why.
    const bool self = edit && Validation::emailKey(m_user.email) == Validation::emailKey(m_ledger.actor());
    m_delete->setEnabled(!m_readOnly && !self);
    const QString notSelf = self ? tr("You cannot delete yourself; ask another admin.") : QString();
    m_delete->setToolTip(notSelf);
    m_delete->setAccessibleDescription(notSelf);
    bool complete = true;
    bool changed = !edit;
    QStringList missing;
    for (SeatAccessTab *t : m_tabs) {
        const int index = productIndex(t->product());
        const bool incomplete = t->accessOn() && !t->seat();
        if (incomplete) {
            complete = false;
            missing << tr("%1 is on but no tier is chosen: choose one on the %2 tab, or switch the access off.")
                           .arg(t->accessSwitch()->text(), m_tabWidget->tabText(index));
        }
        // Marked on the tab itself, so it shows from the other tab too.
        m_tabWidget->setTabIcon(index, incomplete ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon());
        m_tabWidget->tabBar()->setTabTextColor(index, incomplete ? Appearance::problemColor() : QColor());
        m_tabWidget->setTabToolTip(index, incomplete ? missing.last() : QString());
        if (edit && t->seat() != m_user.seat(t->product()))
            changed = true;
    }
    if (edit && !detailsEdit().isEmpty())
        changed = true;
    for (QWidget *w : std::initializer_list<QWidget *> { m_first, m_last, m_mainTeam, m_additional })
        w->setEnabled(!m_readOnly);
    m_role->setEnabled(!m_readOnly && m_roleNote->isHidden());
    // Read-only rather than disabled: the login stays readable and selectable.
    m_login->setReadOnly(m_readOnly || !m_loginEditable);
    m_incomplete->setText(missing.join(QLatin1Char('\n')));
    m_incomplete->setVisible(!missing.isEmpty());
    m_confirm->setEnabled(!m_readOnly && complete && changed);
    m_confirm->setToolTip(complete ? QString() : tr("Choose a tier, or switch the access off."));
}

void UserPanel::buy(SeatType type)
{
    QPointer<UserPanel> alive(this);
    auto counts = runRead(m_writer, this, m_ledger, [](const SeatLedger &ledger) { return ledger.seatCounts(); });
    if (!alive)
        return;
    if (!counts)
        return showProblem(counts.error().message);
    const SeatCount c = counts.value()[seatTypeIndex(type)];
    BuySeatsDialog dialog(type, c.purchased, c.assigned, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const int count = dialog.count();
    if (Status s = runWrite(m_writer, this, tr("Buying seats…"), m_ledger,
                            [type, count](SeatLedger &ledger) { return ledger.buySeats(type, count); });
        !s)
        return showProblem(s.error().message);
    emit ledgerChanged();
    refresh();
    // The admin bought the seat to give it: switch that tier on.
    tab(productOf(type))->setSeat(type);
    updateButtons();
}

void UserPanel::confirm()
{
    m_problem->hide();
    if (m_mode == Mode::Create && m_several.size() > 1) {
        // The same seats for every address, all created in one transaction.
        QVector<NewUser> users;
        for (const QString &email : m_several) {
            NewUser u;
            u.email = email;
            u.sales = tab(Product::Sales)->seat();
            u.service = tab(Product::Service)->seat();
            users.append(u);
        }
        const Status created
            = runWrite(m_writer, this, tr("Creating users…"), m_ledger, [&users](SeatLedger &ledger) -> Status {
                  auto made = ledger.createUsers(users);
                  return made ? Status() : Status(made.error());
              });
        if (!created)
            return showProblem(created.error().message);
        emit ledgerChanged();
        emit done(m_several.first(), tr("%n user(s) created.", nullptr, int(m_several.size())));
        return;
    }
    if (m_mode == Mode::Create) {
        NewUser u;
        u.email = m_user.email;
        u.sales = tab(Product::Sales)->seat();
        u.service = tab(Product::Service)->seat();
        const Status created
            = runWrite(m_writer, this, tr("Creating %1…").arg(u.email), m_ledger, [&u](SeatLedger &ledger) -> Status {
                  auto made = ledger.createUser(u);
                  return made ? Status() : Status(made.error());
              });
        if (!created)
            return showProblem(created.error().message);
        emit ledgerChanged();
        emit done(u.email, tr("User %1 created.").arg(u.email));
        return;
    }
    QVector<SeatEdit> edits;
    for (Product product : allProducts()) {
        if (tab(product)->seat() != m_user.seat(product))
            edits.append(SeatEdit { m_user.id, m_user.email, product, m_user.seat(product), tab(product)->seat() });
    }
    // Names, role and teams first (R5 and R14 are the core's), then the seats.
    const UserEdit details = detailsEdit();
    if (!details.isEmpty()) {
        const QString email = m_user.email;
        const Status edited
            = runWrite(m_writer, this, tr("Saving…"), m_ledger, [&email, &details](SeatLedger &ledger) -> Status {
                  auto made = ledger.editUser(email, details);
                  return made ? Status() : Status(made.error());
              });
        if (!edited)
            return showProblem(edited.error().message);
        emit ledgerChanged();
    }
    if (!edits.isEmpty()) {
        const Status s = runWrite(m_writer, this, tr("Saving…"), m_ledger,
                                  [&edits](SeatLedger &ledger) { return ledger.applyEdits(edits); });
        if (!s) {
            if (!details.isEmpty())
                openUser(m_user.email); // the details are saved: show them so
            showProblem(s.error().message);
            if (s.error().kind == ErrorKind::Conflict)
                openUser(m_user.email);
            return;
        }
        emit ledgerChanged();
    }
    const QString email = m_user.email;
    openUser(email);
    emit done(email, details.isEmpty() ? tr("Seats of %1 saved.").arg(email) : tr("Changes to %1 saved.").arg(email));
}

void UserPanel::deleteUser()
{
    m_problem->hide();
    m_removeAccess->hide();
    QPointer<UserPanel> alive(this);
    const QString shown = m_user.email;
    auto stored = runRead(m_writer, this, m_ledger, [&shown](const SeatLedger &ledger) { return ledger.user(shown); });
    if (!alive)
        return;
    if (!stored)
        return showProblem(stored.error().message);
    // R9: say so up front, and offer the way out.
    for (Product product : allProducts()) {
        if (const auto seat = stored.value().seat(product)) {
            showProblem(tr("%1 still holds a %2 seat. Remove their paid access first, then delete the user.")
                            .arg(m_user.email, seatTypeName(*seat)));
            m_removeAccess->show();
            return;
        }
    }
    QMessageBox box(QMessageBox::Question, tr("Delete user"),
                    tr("Delete %1? Their history stays in the ledger.").arg(m_user.email),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("confirmDelete"));
    box.button(QMessageBox::Yes)->setText(tr("Delete user"));
    box.button(QMessageBox::Cancel)->setText(tr("Cancel"));
    // Enter or Escape on the question must never delete.
    box.setDefaultButton(QMessageBox::Cancel);
    box.setEscapeButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Yes)
        return;
    const QString email = m_user.email;
    if (Status s = runWrite(m_writer, this, tr("Deleting %1…").arg(email), m_ledger,
                            [&email](SeatLedger &ledger) { return ledger.deleteUser(email); });
        !s)
        return showProblem(s.error().message);
    emit ledgerChanged();
    emit closed();
}

void UserPanel::removePaidAccess()
{
    QPointer<UserPanel> alive(this);
    const QString shown = m_user.email;
    auto read
        = runRead(m_writer, this, m_ledger,
                  [&shown](const SeatLedger &ledger) -> Result<std::pair<User, std::array<SeatCount, SeatTypeCount>>> {
                      auto user = ledger.user(shown);
                      if (!user)
                          return user.error();
                      auto counts = ledger.seatCounts();
                      if (!counts)
                          return counts.error();
                      return std::make_pair(user.takeValue(), counts.value());
                  });
    if (!alive)
        return;
    if (!read)
        return showProblem(read.error().message);
    const User &stored = read.value().first;
    const std::array<SeatCount, SeatTypeCount> &counts = read.value().second;
    const QLocale locale;
    QStringList changes;
    QVector<SeatEdit> edits;
    for (Product product : allProducts()) {
        if (const auto seat = stored.seat(product)) {
            edits.append(SeatEdit { stored.id, stored.email, product, seat, std::nullopt });
            const SeatCount c = counts[seatTypeIndex(*seat)];
            changes << tr("%1: %2 of %3 seats assigned now, %4 of %3 after.")
                           .arg(seatTypeName(*seat), locale.toString(c.assigned), locale.toString(c.purchased),
                                locale.toString(c.assigned - 1));
        }
    }
    if (edits.isEmpty())
        return openUser(m_user.email);
    // Says what the counts become; the seats stay purchased, free for somebody else.
    QMessageBox box(QMessageBox::Question, tr("Remove paid access"),
                    tr("Remove the paid access of %1?").arg(m_user.email) + QLatin1Char('\n')
                        + changes.join(QLatin1Char('\n')),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("confirmRemoveAccess"));
    box.button(QMessageBox::Yes)->setText(tr("Remove paid access"));
    box.button(QMessageBox::Cancel)->setText(tr("Cancel"));
    box.setDefaultButton(QMessageBox::Cancel);
    box.setEscapeButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Yes)
        return;
    if (Status s = runWrite(m_writer, this, tr("Removing paid access…"), m_ledger,
                            [&edits](SeatLedger &ledger) { return ledger.applyEdits(edits); });
        !s)
        return showProblem(s.error().message);
    emit ledgerChanged();
    openUser(m_user.email);
}

void UserPanel::showDetails(const User &shown)
{
    const QSignalBlocker quietFirst(m_first);
    const QSignalBlocker quietLast(m_last);
    if (m_first->text() != shown.firstName)
        m_first->setText(shown.firstName);
    if (m_last->text() != shown.lastName)
        m_last->setText(shown.lastName);
    updateRoleChoices(shown.role);
    fillTeams(shown.mainTeam, shown.additionalTeams);
    if (!m_ledger.login().isEmpty()) {
        // Only a Super admin ties, changes or unties a login, and not their own
        // (the core refuses it: this window acts through it).
        m_loginEditable
            = m_operatorIsSuperAdmin && Validation::emailKey(m_user.email) != Validation::emailKey(m_ledger.actor());
        const QSignalBlocker quietLogin(m_login);
        if (m_login->text() != shown.login)
            m_login->setText(shown.login);
    }
    updateButtons();
}

void UserPanel::updateRoleChoices(Role shown)
{
    const QSignalBlocker quiet(m_role);
    const bool superOperator = m_operatorIsSuperAdmin;
    QString why;
    QVector<Role> offered;
    if (m_user.role == Role::SuperAdmin && !superOperator) {
        offered = { Role::SuperAdmin };
        why = tr("Only a Super admin can change the role of a Super admin.");
    } else {
        if (superOperator)
            offered.append(Role::SuperAdmin);
        offered.append(Role::Admin);
        offered.append(Role::User);
        const QString sole = m_user.role == Role::SuperAdmin ? m_soleSuperAdmin : QString();
        if (!sole.isEmpty() && Validation::emailKey(sole) == Validation::emailKey(m_user.email))
            why = tr("%1 is the only Super admin: their role cannot change. Make another user Super admin first.")
                      .arg(m_user.email);
    }
    m_role->clear();
    for (Role role : offered)
        m_role->addItem(roleName(role), roleKey(role));
    const int at = m_role->findData(roleKey(shown));
    m_role->setCurrentIndex(at >= 0 ? at : m_role->findData(roleKey(m_user.role)));
    m_roleNote->setText(why);
    m_roleNote->setVisible(!why.isEmpty());
    m_role->setAccessibleDescription(why);
    m_role->setEnabled(!m_readOnly && why.isEmpty());
}

void UserPanel::fillTeams(const QString &mainTeam, const QStringList &additionalTeams)
{
    const QSignalBlocker quietMain(m_mainTeam);
    const QSignalBlocker quietList(m_additional);
    m_mainTeam->clear();
    m_mainTeam->addItem(tr("No team"), QString());
    m_additional->clear();
    QStringList additionalKeys;
    for (const QString &name : additionalTeams)
        additionalKeys << Validation::teamKey(name);
    for (const Team &t : std::as_const(m_teams)) {
        m_mainTeam->addItem(t.name, t.name);
        if (!mainTeam.isEmpty() && Validation::teamKey(mainTeam) == Validation::teamKey(t.name))
            m_mainTeam->setCurrentIndex(m_mainTeam->count() - 1);
        auto *item = new QListWidgetItem(t.name, m_additional);
        item->setData(Qt::UserRole, t.name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(additionalKeys.contains(Validation::teamKey(t.name)) ? Qt::Checked : Qt::Unchecked);
    }
    mainTeamChosen();
}

void UserPanel::mainTeamChosen()
{
    // A team is the main team or an additional one: the main team's box is off.
    const QString main = chosenMainTeam();
    {
        const QSignalBlocker quiet(m_additional);
        for (int row = 0; row < m_additional->count(); ++row) {
            QListWidgetItem *item = m_additional->item(row);
            const bool isMain = !main.isEmpty()
                && Validation::teamKey(item->data(Qt::UserRole).toString()) == Validation::teamKey(main);
            if (isMain) {
                item->setCheckState(Qt::Unchecked);
                item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
                item->setToolTip(tr("This is the main team."));
            } else {
                item->setFlags(item->flags() | Qt::ItemIsEnabled);
                item->setToolTip(QString());
            }
        }
    }
    updateButtons();
}

QString UserPanel::chosenMainTeam() const
{
    return m_mainTeam->currentData().toString();
}

QStringList UserPanel::chosenAdditionalTeams() const
{
    QStringList names;
    for (int row = 0; row < m_additional->count(); ++row) {
        if (m_additional->item(row)->checkState() == Qt::Checked)
            names << m_additional->item(row)->data(Qt::UserRole).toString();
    }
    return names;
}

std::optional<Role> UserPanel::chosenRole() const
{
    return roleFromKey(m_role->currentData().toString());
}

UserEdit UserPanel::detailsEdit() const
{
    UserEdit edit;
    if (m_mode != Mode::Edit || m_user.email.isEmpty())
        return edit;
    if (m_first->text() != m_user.firstName)
        edit.firstName = m_first->text();
    if (m_last->text() != m_user.lastName)
        edit.lastName = m_last->text();
    if (const auto role = chosenRole(); role && *role != m_user.role)
        edit.role = *role;
    const QString main = chosenMainTeam();
    if (Validation::teamKey(main) != Validation::teamKey(m_user.mainTeam))
        edit.mainTeam = main;
    const auto keysOf = [](const QStringList &names) {
        QStringList keys;
        for (const QString &name : names)
            keys << Validation::teamKey(name);
        return keys;
    };
    const QStringList chosen = chosenAdditionalTeams();
    const QStringList chosenKeys = keysOf(chosen);
    const QStringList heldKeys = keysOf(m_user.additionalTeams);
    for (const QString &name : chosen) {
        if (!heldKeys.contains(Validation::teamKey(name)))
            edit.addTeams << name;
    }
    for (const QString &name : m_user.additionalTeams) {
        // A team that became the main team leaves the additional ones by itself.
        if (!chosenKeys.contains(Validation::teamKey(name)) && Validation::teamKey(name) != Validation::teamKey(main))
            edit.removeTeams << name;
    }
    if (m_loginEditable && !m_ledger.login().isEmpty() && m_login->text().trimmed() != m_user.login)
        edit.login = m_login->text().trimmed(); // empty: untie
    return edit;
}

void UserPanel::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

bool UserPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_email && event->type() == QEvent::FocusOut && !m_email->text().trimmed().isEmpty()
        && m_steps->currentIndex() == 0) {
        m_emailLeft = true;
        validateEmail();
    }
    return QWidget::eventFilter(watched, event);
}

void UserPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void UserPanel::retranslateUi()
{
    if (m_mode == Mode::Create)
        m_title->setText(
            m_steps->currentIndex() == 0 ? tr("Create user")
                                         : tr("Create user") + QLatin1Char('\n')
                    + (m_several.size() > 1 ? tr("%n user(s)", nullptr, int(m_several.size())) : m_user.email));
    else
        m_title->setText(m_user.fullName().isEmpty() ? m_user.email
                                                     : m_user.fullName() + QLatin1Char('\n') + m_user.email);
    m_close->setText(QStringLiteral("✕"));
    m_close->setAccessibleName(tr("Close"));
    m_close->setToolTip(tr("Close"));
    m_emailLabel->setText(tr("Email address"));
    m_email->setAccessibleName(tr("Email address"));
    m_next->setText(tr("Next"));
    m_next->setAccessibleName(m_next->text());
    m_firstLabel->setText(tr("First name"));
    m_first->setAccessibleName(tr("First name"));
    m_lastLabel->setText(tr("Last name"));
    m_last->setAccessibleName(tr("Last name"));
    m_roleLabel->setText(tr("Role"));
    m_role->setAccessibleName(tr("Role"));
    for (int i = 0; i < m_role->count(); ++i) {
        if (const auto role = roleFromKey(m_role->itemData(i).toString()))
            m_role->setItemText(i, roleName(*role));
    }
    m_mainTeamLabel->setText(tr("Main team"));
    m_mainTeam->setAccessibleName(tr("Main team"));
    if (m_mainTeam->count() > 0)
        m_mainTeam->setItemText(0, tr("No team"));
    m_additionalLabel->setText(tr("Additional teams"));
    m_additional->setAccessibleName(tr("Additional teams"));
    m_loginLabel->setText(tr("Database login"));
    m_login->setAccessibleName(tr("Database login"));
    m_login->setPlaceholderText(tr("None"));
    if (m_mode == Mode::Edit && !m_user.email.isEmpty())
        updateRoleChoices(chosenRole().value_or(m_user.role)); // the note, in this language
    m_tabWidget->setTabText(0, tr("Sales"));
    m_tabWidget->setTabText(1, tr("Service"));
    m_removeAccess->setText(tr("Remove paid access"));
    m_removeAccess->setAccessibleName(m_removeAccess->text());
    m_delete->setText(tr("Delete user"));
    m_delete->setAccessibleName(m_delete->text());
    m_history->setText(tr("History"));
    m_history->setAccessibleName(m_history->text());
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(m_cancel->text());
    m_confirm->setText(m_mode == Mode::Create ? tr("Create") : tr("Save"));
    m_confirm->setAccessibleName(m_confirm->text());
    updateButtons();
}
