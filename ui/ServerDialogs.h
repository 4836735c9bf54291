#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// Database ▸ Connect to server…: where a shared database is (server, port,
// database, login, SSL mode) and, if the server wants one, a password. The
// password is for this session only: it is never stored (empty: libpq's
// PGPASSWORD, ~/.pgpass or PGSERVICE apply).
class ConnectDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectDialog(QWidget *parent = nullptr);

    // postgresql://[login@]server[:port]/database[?sslmode=…], without the password.
    QString location() const;
    QString password() const;

    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_hostLabel;
    QLineEdit *m_host;
    QLabel *m_portLabel;
    QSpinBox *m_port;
    QLabel *m_databaseLabel;
    QLineEdit *m_database;
    QLabel *m_loginLabel;
    QLineEdit *m_login;
    QLabel *m_sslLabel;
    QComboBox *m_ssl;
    QLabel *m_passwordLabel;
    QLineEdit *m_password;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

// Asked when the server wants a password it was not given (or refused the one
// it was). The password is used for this session only.
class PasswordDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PasswordDialog(const QString &location, QWidget *parent = nullptr);
    QString password() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QString m_location;
    QLabel *m_text;
    QLabel *m_passwordLabel;
    QLineEdit *m_password;
    QDialogButtonBox *m_buttons;
};
