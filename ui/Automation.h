#pragma once

#include <QByteArray>
#include <QObject>
#include <QStringList>

class QSocketNotifier;
class QTimer;
class SettingsWindow;

// For tests and scripts only (SEATKEEPER_AUTOMATION=1): drives the window from
// standard input, one command a line, and answers each with one line on standard
// output — through the same widgets a person clicks and types into. The words of
// the protocol are not shown to anybody and are not translated.
//
//   ready PID                                  when the window shows its users
//   create EMAIL                            -> saved create EMAIL | refused create EMAIL MESSAGE
//   grid EMAIL SEATTYPE on|off              -> saved grid … | refused grid … MESSAGE
//   users                                   -> users N EMAIL…
//   seats                                   -> seats TYPE=ASSIGNED/PURCHASED … (six types)
//   window                                  -> window visible|hidden TITLE
//   audit                                   -> audit N: the check on open has finished, N problems
//   rights                                  -> rights writable OPERATOR | rights readonly OPERATOR | WHY
//   open LOCATION                           -> opening LOCATION (Database ▸ Recent databases),
//                                              then ready PID from the window on LOCATION
//   quit                                    -> bye, and the window closes
//
// Commands run one at a time, in order; modal message boxes opened meanwhile are
// answered (their text becomes the MESSAGE). The end of the input closes the window.
class Automation : public QObject
{
    Q_OBJECT

public:
    explicit Automation(SettingsWindow &window, QObject *parent = nullptr);

private:
    void announceWhenReady(int triesLeft);
    void readInput();
    void schedule();
    void runNext();
    QString run(const QString &line);
    QString create(const QString &email);
    QString grid(const QString &arguments);
    QString users() const;
    QString seats();
    QString audit();
    QString rights();
    QString open(const QString &location);
    void backToUsers();
    void closeWindow();
    void closePanel();
    void answerModal();
    void reply(const QString &line);

    SettingsWindow &m_window;
    QSocketNotifier *m_input;
    QTimer *m_modals;
    QByteArray m_partial;
    QStringList m_queue;
    QStringList m_modalTexts; // what the message boxes answered during this command said
    bool m_ready = false;
    bool m_running = false;
    bool m_endOfInput = false;
    bool m_quitting = false;
};
