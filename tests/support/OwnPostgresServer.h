#pragma once

// A PostgreSQL server of the test's own, for what the shared one
// (scripts/with-postgres.sh, PostgresServer.h) cannot do: be stopped and started
// again on the same port while a window is connected, or ask one login for a
// password. Same set-up as with-postgres.sh: a cluster in a temporary folder,
// 127.0.0.1 on a random free port, run as "nobody" when the test runs as root.
// Every login is trusted, except PasswordLogin, which must give PasswordOf.

#include <mutex>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUrl>
#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

class OwnPostgresServer
{
public:
    static constexpr const char *PasswordLogin = "pat";
    static constexpr const char *PasswordOf = "correct horse battery staple";

    OwnPostgresServer()
    {
        for (const char *v : { "17", "16", "15" }) {
            const QString bin = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(QLatin1String(v));
            if (QFile::exists(bin + QStringLiteral("/initdb"))) {
                m_bin = bin;
                break;
            }
        }
    }
    ~OwnPostgresServer()
    {
        thaw();
        if (m_started)
            pgCtl({ QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop") });
    }

    bool found() const { return !m_bin.isEmpty(); }
    const QString &log() const { return m_log; }
    int port() const { return m_port; }

    // initdb, the password rule, start.
    bool setUp()
    {
        if (!found() || !m_dir.isValid())
            return false;
        if (::geteuid() == 0)
            QProcess::execute(QStringLiteral("chown"), { QStringLiteral("nobody:"), m_dir.path() });
        if (!run(QStringLiteral("initdb"),
                 { QStringLiteral("-D"), data(), QStringLiteral("-U"), QStringLiteral("seatkeeper"),
                   QStringLiteral("--auth=trust"), QStringLiteral("--no-sync"), QStringLiteral("-E"),
                   QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8") }))
            return false;
        QFile hba(data() + QStringLiteral("/pg_hba.conf")); // initdb's, still owned by the server's user
        if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        hba.write(QStringLiteral("local all all trust\n"
                                 "host all %1 127.0.0.1/32 scram-sha-256\n"
                                 "host all all 127.0.0.1/32 trust\n")
                      .arg(QLatin1String(PasswordLogin))
                      .toUtf8());
        hba.close();
        for (int attempt = 0; attempt < 5 && !m_started; ++attempt) {
            m_port = QRandomGenerator::global()->bounded(20000, 60000);
            m_started = start();
        }
        if (m_started)
            guard();
        return m_started;
    }

    // As an admin stopping the server would (clients are told, then cut off).
    bool stop()
    {
        m_started
            = !pgCtl({ QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop") });
        return !m_started;
    }
    // Again, on the same port.
    bool start()
    {
        m_started = pgCtl({ QStringLiteral("-l"), m_dir.path() + QStringLiteral("/server.log"), QStringLiteral("-w"),
                            QStringLiteral("-t"), QStringLiteral("30"), QStringLiteral("-o"),
                            QStringLiteral("-c listen_addresses=127.0.0.1 -c port=%1 -c unix_socket_directories=%2 "
                                           "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
                                .arg(m_port)
                                .arg(m_dir.path()),
                            QStringLiteral("start") });
        return m_started;
    }

    // As a server that stops answering while its machine stays up (hung, or
    // behind a network that drops every packet from now on): SIGSTOP to the
    // postmaster, found from its data directory's postmaster.pid, then to every
    // process it started (backends, checkpointer…), found in /proc. The
    // kernel still accepts connections and acknowledges what is sent; nobody
    // answers. Never anything found by name. Returns how many were stopped.
    int freeze()
    {
        QFile pidFile(data() + QStringLiteral("/postmaster.pid"));
        if (!pidFile.open(QIODevice::ReadOnly))
            return 0;
        const pid_t postmaster = QString::fromLatin1(pidFile.readLine()).trimmed().toInt();
        const std::lock_guard<std::mutex> lock(m_frozenMutex);
        if (postmaster <= 0 || ::kill(postmaster, SIGSTOP) != 0)
            return 0; // stopped first: it starts no new backend from here on
        m_frozen = { postmaster };
        const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
        for (const QString &entry : entries) {
            bool isPid = false;
            const pid_t pid = entry.toInt(&isPid);
            if (!isPid)
                continue;
            QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            // "pid (comm) state ppid …": comm may hold spaces, so from its last ')'.
            const QByteArray line = stat.readAll();
            const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
            if (fields.size() > 1 && fields.at(1).toInt() == postmaster && ::kill(pid, SIGSTOP) == 0)
                m_frozen.append(pid);
        }
        return int(m_frozen.size());
    }
    // Lets them all go on (always safe to call, from any thread).
    void thaw()
    {
        const std::lock_guard<std::mutex> lock(m_frozenMutex);
        for (auto it = m_frozen.crbegin(); it != m_frozen.crend(); ++it)
            ::kill(*it, SIGCONT);
        m_frozen.clear();
    }
    // Thaws the server when it goes out of scope: declared after a window,
    // it lets the server go on before the window closes its connections,
    // whatever failed on the way.
    struct ThawAtExit
    {
        OwnPostgresServer &server;
        ~ThawAtExit() { server.thaw(); }
    };
    bool frozen() const
    {
        const std::lock_guard<std::mutex> lock(m_frozenMutex);
        return !m_frozen.isEmpty();
    }

    // The URI of `database` for `login`.
    QString uri(const QString &database, const QString &login = QStringLiteral("seatkeeper")) const
    {
        return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3").arg(login).arg(m_port).arg(database);
    }

private:
    QString data() const { return m_dir.path() + QStringLiteral("/data"); }

    // A test killed outright (a time-out, SIGKILL) runs no destructor: a
    // detached watcher then thaws and stops its server, whichever postmaster
    // runs by then (found from postmaster.pid, its children by parent id, never
    // by name), and removes its folder.
    void guard()
    {
        QProcess watcher;
        watcher.setProgram(QStringLiteral("sh"));
        watcher.setArguments(
            { QStringLiteral("-c"),
              QStringLiteral("while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; "
                             "f=\"$2/data/postmaster.pid\"; if [ -f \"$f\" ]; then p=$(head -n 1 \"$f\"); "
                             "kill -CONT \"$p\" 2>/dev/null; pkill -CONT -P \"$p\"; kill -QUIT \"$p\" 2>/dev/null; "
                             "sleep 2; fi; rm -rf \"$2\""),
              QStringLiteral("seatkeeper-pg-guard"), QString::number(::getpid()), m_dir.path() });
        watcher.setStandardInputFile(QProcess::nullDevice());
        watcher.setStandardOutputFile(QProcess::nullDevice());
        watcher.setStandardErrorFile(QProcess::nullDevice());
        watcher.startDetached();
    }

    bool pgCtl(QStringList args)
    {
        return run(QStringLiteral("pg_ctl"), QStringList { QStringLiteral("-D"), data() } + args);
    }

    bool run(const QString &tool, const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.setProcessChannelMode(QProcess::MergedChannels);
        const QString program = m_bin + QLatin1Char('/') + tool;
        if (::geteuid() == 0) // PostgreSQL refuses to run as root
            p.start(QStringLiteral("setpriv"),
                    QStringList { QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                                  QStringLiteral("--clear-groups"), QStringLiteral("--inh-caps=-all"), program }
                        + args);
        else
            p.start(program, args);
        const bool ok = p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        m_log += QString::fromLocal8Bit(p.readAll());
        return ok;
    }

    QString m_bin;
    QTemporaryDir m_dir;
    QString m_log;
    int m_port = 0;
    bool m_started = false;
    QList<pid_t> m_frozen;
    mutable std::mutex m_frozenMutex;
};
