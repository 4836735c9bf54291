#include "Automation.h"

#include "BackgroundWork.h"
#include "PaidUsersModel.h"
#include "PaidUsersPage.h"
#include "RecentDatabases.h"
#include "SeatType.h"
#include "SettingsWindow.h"
#include "UserPanel.h"
#include "UsersModel.h"
#include "UsersPage.h"
#include "Validation.h"

#include <cerrno>
#include <cstdio>
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSocketNotifier>
#include <QTableView>
#include <QTimer>
#include <QWindow>
#include <unistd.h>

namespace {

template<typename T> T *child(const QObject *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}

// An answer is one line: whatever a message says, it goes on that line.
QString oneLine(QString text)
{
    text.replace(QStringLiteral("\r\n"), QStringLiteral(" "));
    for (QChar c : { QChar(u'\n'), QChar(u'\r'), QChar(QChar::LineSeparator), QChar(QChar::ParagraphSeparator) })
        text.replace(c, QLatin1Char(' '));
    return text;
}

QString shownText(const QLabel *label)
{
    return label && label->isVisible() ? label->text() : QString();
}

QString saved(const QString &command)
{
    return QStringLiteral("saved ") + command;
}

QString refused(const QString &command, const QString &message)
{
    return QStringLiteral("refused ") + command + QLatin1Char(' ') + message;
}

} // namespace

Automation::Automation(SettingsWindow &window, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_input(new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this))
    , m_modals(new QTimer(this))
{
    connect(m_input, &QSocketNotifier::activated, this, &Automation::readInput);
    m_modals->setInterval(10);
    connect(m_modals, &QTimer::timeout, this, &Automation::answerModal);
    QTimer::singleShot(0, this, [this] { announceWhenReady(500); });
}

void Automation::announceWhenReady(int triesLeft)
{
    // Shown on the screen (offscreen: exposed) with the users of the first page loaded.
    const QWindow *handle = m_window.windowHandle();
    const bool shown = m_window.isVisible() && handle && handle->isExposed();
    if ((!shown || m_window.usersPage()->model()->rowCount() == 0) && triesLeft > 0) {
        QTimer::singleShot(10, this, [this, triesLeft] { announceWhenReady(triesLeft - 1); });
        return;
    }
    m_ready = true;
    reply(QStringLiteral("ready ") + QString::number(QCoreApplication::applicationPid()));
    schedule();
}

void Automation::readInput()
{
    char buffer[4096];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        // The driver went away: what it sent still runs, then the window closes.
        m_input->setEnabled(false);
        m_endOfInput = true;
        if (!m_partial.isEmpty())
            m_queue.append(QString::fromUtf8(m_partial));
        m_partial.clear();
        schedule();
        return;
    }
    m_partial.append(buffer, n);
    for (qsizetype end = m_partial.indexOf('\n'); end >= 0; end = m_partial.indexOf('\n')) {
        QByteArray line = m_partial.left(end);
        m_partial.remove(0, end + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.isEmpty())
            m_queue.append(QString::fromUtf8(line));
    }
    schedule();
}

void Automation::schedule()
{
    // Never run inside a command: its dialogs and saves spin event loops of their own.
    if (m_ready && !m_running && !m_quitting)
        QTimer::singleShot(0, this, &Automation::runNext);
}

void Automation::runNext()
{
    if (!m_ready || m_running || m_quitting)
        return;
    // While the window waits on its worker (a read or a write on a server),
    // a person's input waits until it returns: so does a command.
    if (const auto *writer = m_window.findChild<ServerWriter *>(); writer && writer->busy()) {
        QTimer::singleShot(10, this, &Automation::runNext);
        return;
    }
    if (m_queue.isEmpty()) {
        if (m_endOfInput)
            closeWindow();
        return;
    }
    m_running = true;
    m_modalTexts.clear();
    m_modals->start();
    const QString answer = run(m_queue.takeFirst());
    m_modals->stop();
    answerModal(); // never leave one open
    m_running = false;
    reply(answer);
    if (m_quitting) {
        closeWindow();
        return;
    }
    schedule();
}

QString Automation::run(const QString &line)
{
    const qsizetype space = line.indexOf(QLatin1Char(' '));
    const QString verb = space < 0 ? line : line.left(space);
    const QString rest = space < 0 ? QString() : line.mid(space + 1);
    if (verb == QLatin1String("create") && space >= 0)
        return create(rest);
    if (verb == QLatin1String("grid") && space >= 0)
        return grid(rest);
    if (verb == QLatin1String("open") && space >= 0)
        return open(rest);
    if (line == QLatin1String("users"))
        return users();
    if (line == QLatin1String("seats"))
        return seats();
    if (line == QLatin1String("audit"))
        return audit();
    if (line == QLatin1String("rights"))
        return rights();
    if (line == QLatin1String("window")) // what the window shows: its title and whether it is visible
        return QStringLiteral("window %1 %2")
            .arg(m_window.isVisible() ? QStringLiteral("visible") : QStringLiteral("hidden"), m_window.windowTitle());
    if (line == QLatin1String("quit")) {
        m_quitting = true;
        return QStringLiteral("bye");
    }
    return QStringLiteral("error unknown command");
}

QString Automation::rights()
{
    // What the window lets this operator do: Create user on or off, and the
    // operator as the status bar names them; read-only adds why, as shown.
    UsersPage *page = m_window.usersPage();
    const bool writable = child<QPushButton>(page, "createUser")->isEnabled();
    const QString who = oneLine(child<QLabel>(&m_window, "operatorLabel")->text());
    if (writable)
        return QStringLiteral("rights writable ") + who;
    return QStringLiteral("rights readonly ") + who + QStringLiteral(" | ")
        + oneLine(child<QLabel>(page, "usersStatus")->text());
}

QString Automation::audit()
{
    // The window checks the database on a worker after it opens; its answer
    // reaches the window as a queued call once the worker is done.
    while (m_window.auditRunning())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QCoreApplication::processEvents();
    return QStringLiteral("audit %1").arg(m_window.auditProblems().size());
}

QString Automation::open(const QString &location)
{
    // Through Database ▸ Recent databases, as a person picks one again.
    RecentDatabases::add(location);
    auto *recent = m_window.findChild<QMenu *>(QStringLiteral("recentDatabases"));
    emit recent->aboutToShow();
    for (QAction *action : recent->actions()) {
        if (action->data().toString() == location && action->isEnabled()) {
            // After this answer: the window closes, and the next one says ready.
            QTimer::singleShot(0, action, &QAction::trigger);
            return QStringLiteral("opening ") + location;
        }
    }
    return QStringLiteral("refused open ") + location;
}

QString Automation::create(const QString &email)
{
    const QString command = QStringLiteral("create ") + email;
    backToUsers();
    UsersPage *page = m_window.usersPage();
    UserPanel *panel = page->panel();
    auto *createUser = child<QPushButton>(page, "createUser");
    if (!createUser->isEnabled())
        return refused(command, oneLine(shownText(child<QLabel>(page, "usersStatus"))));
    createUser->click();

    // Typed, not set: the panel validates as the text is edited.
    auto *edit = child<QLineEdit>(panel, "panelEmail");
    edit->setFocus();
    edit->selectAll();
    edit->del();
    edit->insert(email);
    auto *next = child<QPushButton>(panel, "panelNext");
    if (!next->isEnabled()) {
        QString problem = shownText(child<QLabel>(panel, "panelEmailProblem"));
        if (problem.isEmpty())
            problem = QStringLiteral("Next is disabled");
        closePanel();
        return refused(command, oneLine(problem));
    }
    next->click();

    auto *confirm = child<QPushButton>(panel, "panelConfirm");
    auto *problem = child<QLabel>(panel, "panelProblem");
    if (!confirm->isEnabled()) {
        QString why = shownText(problem);
        if (why.isEmpty())
            why = confirm->toolTip().isEmpty() ? QStringLiteral("Create is disabled") : confirm->toolTip();
        closePanel();
        return refused(command, oneLine(why));
    }
    m_modalTexts.clear();
    confirm->click();

    QString why = shownText(problem);
    if (why.isEmpty() && !m_modalTexts.isEmpty())
        why = m_modalTexts.join(QLatin1Char(' '));
    closePanel();
    if (!why.isEmpty())
        return refused(command, oneLine(why));
    // Created: the page read its users again.
    const QString key = Validation::emailKey(email.trimmed());
    const UsersModel *model = page->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (Validation::emailKey(model->userAt(row).email) == key)
            return saved(command);
    }
    return refused(command, QStringLiteral("not listed after Create"));
}

QString Automation::grid(const QString &arguments)
{
    const QString command = QStringLiteral("grid ") + arguments;
    // EMAIL SEATTYPE on|off, read from the right: an e-mail may hold spaces.
    const qsizetype lastSpace = arguments.lastIndexOf(QLatin1Char(' '));
    const qsizetype typeSpace = lastSpace > 0 ? arguments.lastIndexOf(QLatin1Char(' '), lastSpace - 1) : -1;
    const QString state = arguments.mid(lastSpace + 1);
    if (typeSpace < 0 || (state != QLatin1String("on") && state != QLatin1String("off")))
        return QStringLiteral("error usage: grid EMAIL SEATTYPE on|off");
    const QString email = arguments.left(typeSpace);
    const auto type = seatTypeFromKey(QStringView(arguments).mid(typeSpace + 1, lastSpace - typeSpace - 1));
    if (!type)
        return QStringLiteral("error unknown seat type");
    const bool on = state == QLatin1String("on");

    backToUsers();
    m_window.findChild<QAction *>(QStringLiteral("managePaidUsers"))->trigger();
    PaidUsersPage *page = m_window.paidUsersPage();
    if (!page->isVisible())
        return refused(command, QStringLiteral("Manage paid users did not open"));
    child<QLineEdit>(page, "paidUsersFilter")->clear();
    auto *table = child<QTableView>(page, "paidUsersTable");
    QAbstractItemModel *model = table->model();
    auto cell = [&]() -> QModelIndex {
        const QString key = Validation::emailKey(email.trimmed());
        for (int row = 0; row < model->rowCount(); ++row) {
            if (Validation::emailKey(model->index(row, PaidUsersModel::EmailColumn).data().toString()) == key)
                return model->index(row, PaidUsersModel::columnOf(*type));
        }
        return {};
    };
    const Qt::CheckState wanted = on ? Qt::Checked : Qt::Unchecked;
    auto *problem = child<QLabel>(page, "paidUsersProblem");
    auto *notice = child<QLabel>(page, "paidUsersNotice");
    auto refuse = [&](QString why) {
        if (why.isEmpty())
            why = shownText(notice);
        if (why.isEmpty())
            why = QStringLiteral("not saved");
        if (page->isVisible())
            child<QPushButton>(page, "paidUsersCancel")->click(); // drops what is pending
        backToUsers();
        return refused(command, oneLine(why));
    };

    const QModelIndex index = cell();
    if (!index.isValid())
        return refuse(QStringLiteral("no such user in the grid"));
    if (!(model->flags(index) & Qt::ItemIsUserCheckable))
        return refuse(shownText(notice));
    // What a click on the box does.
    table->scrollTo(index);
    table->setCurrentIndex(index);
    model->setData(index, wanted, Qt::CheckStateRole);
    if (!page->hasPendingEdits()) {
        // The box already showed what was asked: nothing to save.
        if (cell().data(Qt::CheckStateRole).value<Qt::CheckState>() == wanted) {
            backToUsers();
            return saved(command);
        }
        return refuse(QString());
    }
    auto *save = child<QPushButton>(page, "paidUsersSave");
    if (!save->isEnabled())
        return refuse(shownText(problem));
    // A big Save runs on a worker behind a progress dialog; click() returns when it is done.
    m_modalTexts.clear();
    save->click();
    if (!m_modalTexts.isEmpty())
        return refuse(m_modalTexts.join(QLatin1Char(' ')));
    if (page->hasPendingEdits() || cell().data(Qt::CheckStateRole).value<Qt::CheckState>() != wanted)
        return refuse(shownText(problem));
    backToUsers();
    return saved(command);
}

QString Automation::users() const
{
    const UsersModel *model = m_window.usersPage()->model();
    QString answer = QStringLiteral("users ") + QString::number(model->rowCount());
    for (int row = 0; row < model->rowCount(); ++row)
        answer += QLatin1Char(' ') + model->userAt(row).email;
    return answer;
}

QString Automation::seats()
{
    // As the footer of Manage paid users shows them.
    backToUsers();
    m_window.findChild<QAction *>(QStringLiteral("managePaidUsers"))->trigger();
    PaidUsersPage *page = m_window.paidUsersPage();
    const QLocale locale;
    auto shown = [&](const QString &name, int fallback) {
        const auto *label = page->findChild<QLabel *>(name);
        bool ok = false;
        const int value = label ? locale.toInt(label->text(), &ok) : 0;
        return ok ? value : fallback;
    };
    QString answer = QStringLiteral("seats");
    for (SeatType type : allSeatTypes()) {
        const QString key = seatTypeKey(type);
        const int assigned = shown(QStringLiteral("assigned-") + key, page->model()->assigned(type));
        const int purchased = shown(QStringLiteral("purchased-") + key, page->model()->purchased(type));
        answer += QLatin1Char(' ') + key + QLatin1Char('=') + QString::number(assigned) + QLatin1Char('/')
            + QString::number(purchased);
    }
    backToUsers();
    return answer;
}

void Automation::closeWindow()
{
    // Unsaved edits are discarded (answerModal), so that the process ends with 0.
    m_quitting = true;
    m_modals->start();
    backToUsers();
    m_window.close();
    m_modals->stop();
    QCoreApplication::quit(); // also when the close was refused
}

void Automation::backToUsers()
{
    // A "leave with unsaved changes?" question is answered Discard by answerModal().
    m_window.showUsers();
    closePanel();
}

void Automation::closePanel()
{
    UserPanel *panel = m_window.usersPage()->panel();
    if (panel->isVisible())
        child<QAbstractButton>(panel, "panelClose")->click();
}

void Automation::answerModal()
{
    QWidget *modal = QApplication::activeModalWidget();
    if (!modal || !modal->isVisible())
        return;
    if (qobject_cast<QProgressDialog *>(modal))
        return; // a save or a read on a worker: it closes when done
    if (auto *box = qobject_cast<QMessageBox *>(modal)) {
        m_modalTexts << box->text();
        for (QMessageBox::StandardButton which :
             { QMessageBox::Discard, QMessageBox::Cancel, QMessageBox::Close, QMessageBox::Ok, QMessageBox::No }) {
            if (QAbstractButton *button = box->button(which)) {
                button->click();
                return;
            }
        }
        if (!box->buttons().isEmpty()) {
            box->buttons().constFirst()->click();
            return;
        }
    } else {
        m_modalTexts << modal->windowTitle();
    }
    if (auto *dialog = qobject_cast<QDialog *>(modal))
        dialog->reject();
    else
        modal->close();
}

void Automation::reply(const QString &line)
{
    const QByteArray bytes = oneLine(line).toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}
