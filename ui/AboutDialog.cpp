#include "AboutDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

QLabel *selectable(QLabel *label, const char *name)
{
    label->setObjectName(QLatin1String(name));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

AboutDialog::AboutDialog(const QString &databasePath, QWidget *parent)
    : QDialog(parent)
    , m_databasePath(QDir::toNativeSeparators(databasePath))
    , m_icon(new QLabel(this))
    , m_name(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_versionLabel(new QLabel(this))
    , m_version(selectable(new QLabel(this), "aboutVersion"))
    , m_databaseLabel(new QLabel(this))
    , m_database(selectable(new QLabel(this), "aboutDatabase"))
    , m_qtLabel(new QLabel(this))
    , m_qt(selectable(new QLabel(this), "aboutQt"))
    , m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("aboutDialog"));
    m_name->setObjectName(QStringLiteral("aboutName"));
    m_summary->setObjectName(QStringLiteral("aboutSummary"));
    m_versionLabel->setObjectName(QStringLiteral("aboutVersionLabel"));
    m_databaseLabel->setObjectName(QStringLiteral("aboutDatabaseLabel"));
    m_qtLabel->setObjectName(QStringLiteral("aboutQtLabel"));
    m_close->setObjectName(QStringLiteral("aboutClose"));

    const QIcon icon = QApplication::windowIcon();
    if (!icon.isNull())
        m_icon->setPixmap(icon.pixmap(64, 64));
    QFont bigger = m_name->font();
    bigger.setPointSizeF(bigger.pointSizeF() * 1.5);
    bigger.setBold(true);
    m_name->setFont(bigger);
    m_summary->setWordWrap(true);
    // The version and Qt's are the same in every language; the path is the file's.
    m_version->setText(QApplication::applicationVersion().isEmpty() ? QStringLiteral(SEATKEEPER_VERSION)
                                                                    : QApplication::applicationVersion());
    m_database->setText(m_databasePath);
    m_database->setWordWrap(true);
    m_qt->setText(QString::fromLatin1(qVersion()));

    auto *heading = new QVBoxLayout;
    heading->addWidget(m_name);
    heading->addWidget(m_summary);
    auto *top = new QHBoxLayout;
    top->addWidget(m_icon, 0, Qt::AlignTop);
    top->addLayout(heading, 1);
    auto *form = new QFormLayout;
    form->addRow(m_versionLabel, m_version);
    form->addRow(m_databaseLabel, m_database);
    form->addRow(m_qtLabel, m_qt);
    auto *buttons = new QDialogButtonBox(this);
    // Our own button: a box's standard buttons reset their text on LanguageChange.
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(form);
    layout->addWidget(buttons);
    m_close->setDefault(true);
    retranslateUi();
}

void AboutDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AboutDialog::retranslateUi()
{
    setWindowTitle(tr("About Seatkeeper"));
    m_name->setText(tr("Seatkeeper"));
    m_summary->setText(tr("Manage paid seats of Sales Hub and Service Hub."));
    m_versionLabel->setText(tr("Version"));
    m_version->setAccessibleName(tr("Version"));
    m_databaseLabel->setText(tr("Database"));
    m_database->setAccessibleName(tr("Database"));
    m_qtLabel->setText(tr("Qt version"));
    m_qt->setAccessibleName(tr("Qt version"));
    m_close->setText(tr("Close"));
    m_close->setAccessibleName(tr("Close"));
}
