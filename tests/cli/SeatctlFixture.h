#pragma once

// The fixture of the seatctl tests (tst_seatctl, tst_seatctlfiles): seatctl
// run as a real process (SEATCTL_PATH, defined by the test's target), and the
// small account in a fresh temporary folder for every test.
//
// SeatctlFixture is a plain class, not a QObject: each test class derives from
// QObject (for moc) and from this, and keeps its own slots:
//     class TestX : public QObject, protected SeatctlFixture

#include "TestSupport.h"

#include <memory>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

namespace SeatctlProcess {

struct Run
{
    int exit = -1;
    QString out;
    QString err;
};

// Runs seatctl to the end with `args`, `input` on its standard input, and
// `locale` (if given) as LC_ALL and LANG. A run still going after `timeoutMs`
// is killed and reported with exit -1 and "timed out" on standard error, so a
// test fails rather than hangs.
inline Run seatctl(const QStringList &args, const QByteArray &input = {}, const QString &locale = {},
                   int timeoutMs = 60000)
{
    QProcess p;
    if (!locale.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), locale);
        env.insert(QStringLiteral("LANG"), locale);
        p.setProcessEnvironment(env);
    }
    p.start(QStringLiteral(SEATCTL_PATH), args);
    if (!p.waitForStarted())
        return {};
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return { -1, QString::fromUtf8(p.readAllStandardOutput()), QStringLiteral("timed out") };
    }
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
             QString::fromUtf8(p.readAllStandardError()) };
}

// What a --json run printed.
inline QJsonObject json(const Run &run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

} // namespace SeatctlProcess

class SeatctlFixture
{
protected:
    // For init().
    void setUp()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_path = m_dir->filePath(QStringLiteral("seats.db"));
        QVERIFY(TestSupport::smallAccount(m_path));
    }

    // For cleanup().
    void tearDown() { m_dir.reset(); }

    // `args` on the test's database.
    QStringList db(const QStringList &args) const
    {
        return QStringList { QStringLiteral("--database"), m_path } + args;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};
