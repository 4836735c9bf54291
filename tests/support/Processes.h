#pragma once

// Real processes for the multi-process tests: seatctl runs, timed, and the real
// window binary driven through its automation protocol (SEATKEEPER_AUTOMATION=1,
// see ui/Automation.h).

#include <memory>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QStringList>
#include <QTest>

namespace Processes {

// One seatctl run, started now and finished later, with when it ran (ms on the
// test's clock) and what it said.
struct Run
{
    std::unique_ptr<QProcess> process;
    qint64 startedMs = 0;
    qint64 endedMs = 0;
    int exit = -1;
    QByteArray out;
    QByteArray err;
    QStringList args;

    bool finish(const QElapsedTimer &clock)
    {
        if (!process)
            return true;
        if (!process->waitForFinished(120000))
            return false;
        endedMs = clock.elapsed();
        exit = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
        out = process->readAllStandardOutput();
        err = process->readAllStandardError();
        process.reset();
        return true;
    }
};

inline Run start(const QString &program, const QStringList &args, const QElapsedTimer &clock)
{
    Run run;
    run.args = args;
    run.process = std::make_unique<QProcess>();
    run.startedMs = clock.elapsed();
    run.process->start(program, args);
    return run;
}

// Runs to the end: exit code, standard output and error.
inline int runToEnd(const QString &program, const QStringList &args, QByteArray *out = nullptr,
                    QByteArray *err = nullptr)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(120000))
        return -1;
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

// The e-mails seatctl lists (--json users list), or nothing with `ok` false.
inline QSet<QString> emails(const QByteArray &usersJson, bool *ok = nullptr)
{
    const QJsonObject doc = QJsonDocument::fromJson(usersJson).object();
    if (ok)
        *ok = doc.value(QStringLiteral("ok")).toBool();
    QSet<QString> set;
    for (const QJsonValue &u : doc.value(QStringLiteral("users")).toArray())
        set.insert(u.toObject().value(QStringLiteral("email")).toString());
    return set;
}

// The files of this database that a process holds open after they were deleted
// or replaced: what the window had when another process deleted its -wal.
inline QStringList deletedOpenFiles(qint64 pid, const QString &databasePath)
{
    QStringList found;
    const QString fdDir = QStringLiteral("/proc/%1/fd").arg(pid);
    for (const QString &fd : QDir(fdDir).entryList(QDir::System | QDir::Files | QDir::NoDotAndDotDot)) {
        const QString target = QFile::symLinkTarget(fdDir + QLatin1Char('/') + fd);
        if (target.startsWith(databasePath) && target.endsWith(QStringLiteral(" (deleted)")))
            found << target;
    }
    return found;
}

// The real window binary, offscreen, driven line by line.
class Window
{
public:
    Window(const QString &program, const QString &database, const QString &home, const QString &as = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SEATKEEPER_AUTOMATION"), QStringLiteral("1"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home);
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        QStringList args { QStringLiteral("--database"), database, QStringLiteral("--language"), QStringLiteral("en") };
        if (!as.isEmpty())
            args << QStringLiteral("--as") << as;
        m_process.start(program, args);
        m_ready = readLine(60000).startsWith("ready");
    }
    ~Window()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }
    bool ready() const { return m_ready; }
    qint64 pid() const { return m_process.processId(); }

    // Sends one command and returns its one-line answer (empty on time-out).
    QByteArray command(const QByteArray &line, int timeoutMs = 60000)
    {
        m_process.write(line + '\n');
        m_process.waitForBytesWritten(5000);
        return readLine(timeoutMs);
    }
    // The next line the window prints by itself (after "open": its "ready").
    QByteArray nextLine(int timeoutMs = 60000) { return readLine(timeoutMs); }
    // The e-mails the window lists on Users & Teams.
    QSet<QString> users()
    {
        const QList<QByteArray> words = command("users").trimmed().split(' ');
        QSet<QString> set;
        for (int i = 2; i < words.size(); ++i)
            set.insert(QString::fromUtf8(words.at(i)));
        return set;
    }
    // Quits as a person would; true when the window said goodbye and exited 0.
    bool quit()
    {
        const bool bye = command("quit").startsWith("bye");
        return bye && m_process.waitForFinished(30000) && m_process.exitStatus() == QProcess::NormalExit
            && m_process.exitCode() == 0;
    }
    QByteArray errors() { return m_process.readAllStandardError(); }

private:
    QByteArray readLine(int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (!m_process.canReadLine()) {
            if (m_process.state() == QProcess::NotRunning || timer.elapsed() > timeoutMs)
                return {};
            m_process.waitForReadyRead(100);
        }
        return m_process.readLine().trimmed();
    }

    QProcess m_process;
    bool m_ready = false;
};

} // namespace Processes
