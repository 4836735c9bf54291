#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QPushButton;
class QLabel;
class QLineEdit;

// First start on a new database: asks for the operator's e-mail address (that
// person becomes the database's Super admin) and offers to start with a sample
// account, so a newcomer sees something real.
class WelcomeDialog : public QDialog
{
    Q_OBJECT

public:
    explicit WelcomeDialog(const QString &databasePath, QWidget *parent = nullptr);

    QString email() const;
    bool sampleAccount() const;

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslateUi();
    void validate();

    QString m_databasePath;
    QLabel *m_intro;
    QLabel *m_emailLabel;
    QLineEdit *m_email;
    QLabel *m_problem;
    QCheckBox *m_sample;
    QDialogButtonBox *m_buttons;
    QPushButton *m_ok;
    QPushButton *m_cancel;
    bool m_emailLeft = false; // the problem shows once the field is left or submitted
};
