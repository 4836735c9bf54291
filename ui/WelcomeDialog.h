#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

// First start on a new database: asks for the operator's e-mail address; that
// person becomes the database's Super admin.
class WelcomeDialog : public QDialog
{
    Q_OBJECT

public:
    explicit WelcomeDialog(const QString &databasePath, QWidget *parent = nullptr);

    QString email() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void validate();

    QString m_databasePath;
    QLabel *m_intro;
    QLabel *m_emailLabel;
    QLineEdit *m_email;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};
