#pragma once

#include "Backup.h"

#include <QDialog>
#include <QVector>

class QLabel;
class QListWidget;
class QPushButton;

// Shown when a database cannot be opened, fails SQLite's quick_check or is
// locked: names the file, says what is wrong and what to do, and offers its
// backups when there are any.
class OpenProblemDialog : public QDialog
{
    Q_OBJECT

public:
    enum Choice
    {
        Quit,
        TryAgain,
        Restore
    };

    OpenProblemDialog(const QString &databasePath, const QString &problem, const QVector<BackupInfo> &backups,
                      QWidget *parent = nullptr);
    Choice choice() const { return m_choice; }

private:
    Choice m_choice = Quit;
};

// The backups of one database, newest first, by date and size: pick one to restore.
class RestoreDialog : public QDialog
{
    Q_OBJECT

public:
    RestoreDialog(const QString &databasePath, const QVector<BackupInfo> &backups, QWidget *parent = nullptr);
    // The chosen backup (the newest unless another is picked).
    BackupInfo chosen() const;

private:
    QVector<BackupInfo> m_backups;
    QListWidget *m_list;
};

#include <optional>

// Asks which backup to restore (a dialog modal on `parent`, which stays in
// view), then asks to confirm, naming the backup and what it replaces. Nothing
// changes here; nullopt when the person cancels either question.
std::optional<BackupInfo> chooseBackup(QWidget *parent, const QString &databasePath);

// Restores `backup` over databasePath (closed by now) and tells what became of
// the replaced file. recordedBy goes into the restored database's ledger: the
// operator's e-mail, or SeatLedger::loginLabel() when the database could not be
// opened. True when the database was replaced.
bool restoreBackup(QWidget *parent, const QString &databasePath, const BackupInfo &backup, const QString &recordedBy);

// chooseBackup(), then restoreBackup(): for a database nobody has open.
bool restoreFromBackup(QWidget *parent, const QString &databasePath, const QString &recordedBy);

// When a backup was taken, in the local time and the language's format.
QString backupTime(const QDateTime &utc);
