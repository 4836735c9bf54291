#include "UserPanel.h"

#include "Appearance.h"
#include "BuySeatsDialog.h"
#include "EmailList.h"
#include "SeatAccessTab.h"
#include "SeatLedger.h"
#include "ToggleSwitch.h"
#include "Validation.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
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
    , m_tabWidget(new QTabWidget(this))
    , m_problem(new QLabel(this))
    , m_incomplete(new QLabel(this))
    , m_removeAccess(new QPushButton(this))
    , m_delete(new QPushButton(this))
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
    m_cancel->setObjectName(QStringLiteral("panelCancel"));
    m_confirm->setObjectName(QStringLiteral("panelConfirm"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_confirm);
    auto *accessLayout = new QVBoxLayout(accessStep);
    accessLayout->setContentsMargins(0, 0, 0, 0);
    accessLayout->addWidget(m_tabWidget, 1);
    accessLayout->addWidget(m_incomplete);
    accessLayout->addWidget(m_problem);
    accessLayout->addWidget(m_removeAccess, 0, Qt::AlignLeft);
    accessLayout->addLayout(buttons);
    connect(m_cancel, &QPushButton::clicked, this, &UserPanel::closed);
    connect(m_confirm, &QPushButton::clicked, this, &UserPanel::confirm);
    connect(m_delete, &QPushButton::clicked, this, &UserPanel::deleteUser);
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
    setTabOrder(m_next, m_tabWidget);
    QWidget *previous = m_tabWidget;
    for (SeatAccessTab *t : m_tabs) {
        setTabOrder(previous, t->accessSwitch());
        previous = t->lastInFocusChain();
    }
    for (QWidget *w : std::initializer_list<QWidget *> { m_removeAccess, m_delete, m_cancel, m_confirm, m_close }) {
        setTabOrder(previous, w);
        previous = w;
    }
    retranslateUi();
}

void UserPanel::startCreate()
{
    m_mode = Mode::Create;
    m_user = User();
    m_email->clear();
    m_emailProblem->clear();
    for (SeatAccessTab *t : m_tabs) {
        t->setHeld(std::nullopt);
        t->setSeat(std::nullopt);
    }
    m_tabWidget->setCurrentIndex(0);
    m_problem->hide();
    m_removeAccess->hide();
    m_steps->setCurrentIndex(0);
    retranslateUi();
    validateEmail();
    m_email->setFocus();
}

void UserPanel::openUser(const QString &email)
{
    auto user = m_ledger.user(email);
    if (!user) {
        showProblem(user.error().message);
        return;
    }
    m_mode = Mode::Edit;
    m_user = user.takeValue();
    m_problem->hide();
    m_removeAccess->hide();
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
    showAccess();
}

void UserPanel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (SeatAccessTab *t : m_tabs)
        t->setReadOnly(readOnly);
    updateButtons();
}

void UserPanel::refresh()
{
    if (m_mode == Mode::Edit && !m_user.email.isEmpty()) {
        auto user = m_ledger.user(m_user.email);
        if (!user) { // deleted elsewhere
            emit closed();
            return;
        }
        // Only what the admin has not touched follows the stored state.
        for (Product product : allProducts()) {
            const auto stored = user.value().seat(product);
            if (tab(product)->seat() == m_user.seat(product))
                tab(product)->setSeat(stored);
            tab(product)->setHeld(stored);
        }
        m_user = user.takeValue();
    }
    if (auto counts = m_ledger.seatCounts()) {
        for (SeatAccessTab *t : m_tabs)
            t->setCounts(counts.value());
    }
    updateButtons();
}

void UserPanel::validateEmail()
{
    const QString email = m_email->text().trimmed();
    QString problem;
    m_several.clear();
    if (EmailList::isList(email)) {
        // Several addresses pasted at once: every bad, repeated or taken one
        // is listed before anything is created.
        EmailList::Parsed list = EmailList::parse(email);
        for (const QString &address : list.emails) {
            if (auto existing = m_ledger.user(address); existing)
                list.problems << tr("A user with the email address “%1” already exists.").arg(existing.value().email);
        }
        problem = list.problems.join(QLatin1Char('\n'));
        if (problem.isEmpty())
            m_several = list.emails;
    } else if (!email.isEmpty()) {
        if (const Status valid = Validation::checkEmail(email); !valid)
            problem = valid.error().message;
        else if (auto existing = m_ledger.user(email); existing)
            problem = tr("A user with the email address “%1” already exists.").arg(existing.value().email);
    }
    m_emailProblem->setText(problem);
    m_emailProblem->setVisible(!problem.isEmpty());
    m_next->setEnabled(!email.isEmpty() && problem.isEmpty() && !m_readOnly);
}

void UserPanel::next()
{
    validateEmail();
    if (!m_next->isEnabled())
        return;
    m_user.email = m_several.isEmpty() ? m_email->text().trimmed() : m_several.first();
    showAccess();
}

void UserPanel::showAccess()
{
    m_steps->setCurrentIndex(1);
    retranslateUi();
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
    m_incomplete->setText(missing.join(QLatin1Char('\n')));
    m_incomplete->setVisible(!missing.isEmpty());
    m_confirm->setEnabled(!m_readOnly && complete && changed);
    m_confirm->setToolTip(complete ? QString() : tr("Choose a tier, or switch the access off."));
}

void UserPanel::buy(SeatType type)
{
    auto counts = m_ledger.seatCounts();
    if (!counts)
        return showProblem(counts.error().message);
    const SeatCount c = counts.value()[seatTypeIndex(type)];
    BuySeatsDialog dialog(type, c.purchased, c.assigned, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (Status s = m_ledger.buySeats(type, dialog.count()); !s)
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
        auto created = m_ledger.createUsers(users);
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
        auto created = m_ledger.createUser(u);
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
    const Status s = m_ledger.applyEdits(edits);
    if (!s) {
        showProblem(s.error().message);
        if (s.error().kind == ErrorKind::Conflict)
            openUser(m_user.email);
        return;
    }
    emit ledgerChanged();
    openUser(m_user.email);
    emit done(m_user.email, tr("Seats of %1 saved.").arg(m_user.email));
}

void UserPanel::deleteUser()
{
    m_problem->hide();
    m_removeAccess->hide();
    auto stored = m_ledger.user(m_user.email);
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
    if (Status s = m_ledger.deleteUser(m_user.email); !s)
        return showProblem(s.error().message);
    emit ledgerChanged();
    emit closed();
}

void UserPanel::removePaidAccess()
{
    auto stored = m_ledger.user(m_user.email);
    if (!stored)
        return showProblem(stored.error().message);
    auto counts = m_ledger.seatCounts();
    if (!counts)
        return showProblem(counts.error().message);
    const QLocale locale;
    QStringList changes;
    QVector<SeatEdit> edits;
    for (Product product : allProducts()) {
        if (const auto seat = stored.value().seat(product)) {
            edits.append(SeatEdit { stored.value().id, stored.value().email, product, seat, std::nullopt });
            const SeatCount c = counts.value()[seatTypeIndex(*seat)];
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
    if (Status s = m_ledger.applyEdits(edits); !s)
        return showProblem(s.error().message);
    emit ledgerChanged();
    openUser(m_user.email);
}

void UserPanel::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
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
    m_tabWidget->setTabText(0, tr("Sales"));
    m_tabWidget->setTabText(1, tr("Service"));
    m_removeAccess->setText(tr("Remove paid access"));
    m_removeAccess->setAccessibleName(m_removeAccess->text());
    m_delete->setText(tr("Delete user"));
    m_delete->setAccessibleName(m_delete->text());
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(m_cancel->text());
    m_confirm->setText(m_mode == Mode::Create ? tr("Create") : tr("Save"));
    m_confirm->setAccessibleName(m_confirm->text());
    updateButtons();
}
