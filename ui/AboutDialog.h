#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

// Help ▸ About: what this program is, which version, on which database and
// which Qt. Retranslated live, like every window.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    // `databasePath`: the database as a person would name it (SeatLedger::path()).
    explicit AboutDialog(const QString &databasePath, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QString m_databasePath;
    QLabel *m_icon;
    QLabel *m_name;
    QLabel *m_summary;
    QLabel *m_versionLabel;
    QLabel *m_version;
    QLabel *m_databaseLabel;
    QLabel *m_database;
    QLabel *m_qtLabel;
    QLabel *m_qt;
    QPushButton *m_close;
};
