#pragma once

#include <QColor>
#include <QLabel>
#include <QString>

// The few looks shared by every page, in one place.
namespace Appearance {

// Page and panel titles: bold, larger than the body text.
inline void makeTitle(QLabel *label, qreal scale = 1.5)
{
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(true);
    label->setFont(font);
}

// Refusals and counts over their limit: red, readable on light and dark palettes.
inline QColor problemColor()
{
    return QColor(0xb0, 0x00, 0x20);
}

inline QString problemStyle()
{
    return QStringLiteral("color: %1; font-weight: bold;").arg(problemColor().name());
}

} // namespace Appearance
