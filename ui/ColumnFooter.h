#pragma once

#include <QMap>
#include <QPair>
#include <QWidget>

class QTableView;

// Rows of cells under a table, each cell under its column: as wide as the
// column's header section and following it when columns are resized, moved or
// scrolled sideways, or the window changes size. A row's title sits right-
// aligned in the space left of its first cell.
class ColumnFooter : public QWidget
{
    Q_OBJECT

public:
    ColumnFooter(QTableView *table, int rows, QWidget *parent = nullptr);

    // `cell` (reparented here) goes under `column` in `row`.
    void setCell(int row, int column, QWidget *cell);
    void setRowTitle(int row, QWidget *title);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void place();
    int rowHeight() const;

    QTableView *m_table;
    int m_rows;
    QMap<QPair<int, int>, QWidget *> m_cells; // (row, column)
    QMap<int, QWidget *> m_titles;
};
