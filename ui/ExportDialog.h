#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QRadioButton;

// Actions ▸ Export users: which users (everything, the current filter, the
// selection) and whether the file is For Excel.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Scope
    {
        Everything,
        CurrentFilter,
        Selection
    };
    ExportDialog(bool filtered, int selected, QWidget *parent = nullptr);

    Scope scope() const;
    bool forExcel() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    int m_selected;
    QRadioButton *m_everything;
    QRadioButton *m_filter;
    QRadioButton *m_selection;
    QCheckBox *m_forExcel;
    QDialogButtonBox *m_buttons;
};
