#include "ColumnFooter.h"

#include <algorithm>
#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

ColumnFooter::ColumnFooter(QTableView *table, int rows, QWidget *parent)
    : QWidget(parent)
    , m_table(table)
    , m_rows(rows)
{
    QHeaderView *header = table->horizontalHeader();
    connect(header, &QHeaderView::sectionResized, this, &ColumnFooter::place);
    connect(header, &QHeaderView::sectionMoved, this, &ColumnFooter::place);
    connect(header, &QHeaderView::geometriesChanged, this, &ColumnFooter::place);
    connect(table->horizontalScrollBar(), &QScrollBar::valueChanged, this, &ColumnFooter::place);
    // The table's viewport moves or changes size with the window, the vertical
    // scroll bar coming and going, and the frame.
    table->viewport()->installEventFilter(this);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
}

void ColumnFooter::setCell(int row, int column, QWidget *cell)
{
    cell->setParent(this);
    m_cells.insert({ row, column }, cell);
    updateGeometry();
    place();
}

void ColumnFooter::setRowTitle(int row, QWidget *title)
{
    title->setParent(this);
    m_titles.insert(row, title);
    updateGeometry();
    place();
}

int ColumnFooter::rowHeight() const
{
    int height = fontMetrics().height() + 4;
    for (QWidget *w : m_cells)
        height = std::max(height, w->sizeHint().height());
    for (QWidget *w : m_titles)
        height = std::max(height, w->sizeHint().height());
    return height;
}

QSize ColumnFooter::sizeHint() const
{
    return { 0, rowHeight() * m_rows };
}

QSize ColumnFooter::minimumSizeHint() const
{
    return sizeHint();
}

bool ColumnFooter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && (event->type() == QEvent::Resize || event->type() == QEvent::Move))
        place();
    return QWidget::eventFilter(watched, event);
}

void ColumnFooter::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    place();
}

void ColumnFooter::place()
{
    const QHeaderView *header = m_table->horizontalHeader();
    QWidget *viewport = m_table->viewport();
    // Where the viewport's left edge is, in this widget: both share a window.
    const int origin = mapFromGlobal(viewport->mapToGlobal(QPoint(0, 0))).x();
    const int height = rowHeight();
    std::vector<int> firstCell(size_t(m_rows), width());
    for (auto it = m_cells.cbegin(); it != m_cells.cend(); ++it) {
        const auto [row, column] = it.key();
        QWidget *cell = it.value();
        const int left = origin + header->sectionViewportPosition(column);
        const int size = header->sectionSize(column);
        // Cut where the viewport ends, as the column is.
        const int right = std::min(left + size, origin + viewport->width());
        const bool shown = !header->isSectionHidden(column) && right > std::max(left, origin);
        cell->setVisible(shown);
        if (shown) {
            cell->setGeometry(left, row * height, right - left, height);
            firstCell[size_t(row)] = std::min(firstCell[size_t(row)], left);
        }
    }
    for (auto it = m_titles.cbegin(); it != m_titles.cend(); ++it) {
        const int row = it.key();
        const int right = std::max(origin, firstCell[size_t(row)] - 6);
        it.value()->setGeometry(origin, row * height, right - origin, height);
    }
}
