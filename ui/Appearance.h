#pragma once

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
inline QString problemStyle()
{
    return QStringLiteral("color: #b00020; font-weight: bold;");
}

} // namespace Appearance
