#include "ExportDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

ExportDialog::ExportDialog(bool filtered, int selected, QWidget *parent)
    : QDialog(parent)
    , m_selected(selected)
    , m_everything(new QRadioButton(this))
    , m_filter(new QRadioButton(this))
    , m_selection(new QRadioButton(this))
    , m_forExcel(new QCheckBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("exportDialog"));
    m_everything->setObjectName(QStringLiteral("exportEverything"));
    m_filter->setObjectName(QStringLiteral("exportFilter"));
    m_selection->setObjectName(QStringLiteral("exportSelection"));
    m_forExcel->setObjectName(QStringLiteral("exportForExcel"));
    m_forExcel->setChecked(true);
    m_filter->setEnabled(filtered);
    m_selection->setEnabled(selected > 0);
    (selected > 1 ? m_selection : filtered ? m_filter : m_everything)->setChecked(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_everything);
    layout->addWidget(m_filter);
    layout->addWidget(m_selection);
    layout->addWidget(m_forExcel);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslateUi();
}

ExportDialog::Scope ExportDialog::scope() const
{
    if (m_selection->isChecked())
        return Scope::Selection;
    if (m_filter->isChecked())
        return Scope::CurrentFilter;
    return Scope::Everything;
}

bool ExportDialog::forExcel() const
{
    return m_forExcel->isChecked();
}

void ExportDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ExportDialog::retranslateUi()
{
    setWindowTitle(tr("Export users"));
    setAccessibleName(windowTitle());
    m_everything->setText(tr("Everything"));
    m_filter->setText(tr("The current filter"));
    m_selection->setText(tr("The selection (%n user(s))", nullptr, m_selected));
    m_forExcel->setText(tr("For Excel"));
    for (QAbstractButton *b :
         { static_cast<QAbstractButton *>(m_everything), static_cast<QAbstractButton *>(m_filter),
           static_cast<QAbstractButton *>(m_selection), static_cast<QAbstractButton *>(m_forExcel) })
        b->setAccessibleName(b->text());
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Export users"));
    ok->setAccessibleName(ok->text());
    ok->setObjectName(QStringLiteral("exportButton"));
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setText(tr("Cancel"));
    cancel->setAccessibleName(cancel->text());
}
