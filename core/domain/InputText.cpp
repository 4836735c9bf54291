#include "InputText.h"

#include <algorithm>
#include <iterator>
#include <QStringList>

namespace InputText {

namespace {

struct Named
{
    char16_t code;
    const char *text;
};

// The Unicode names of the characters a person is most likely to meet here.
constexpr Named names[] = {
    { 0x0000, "NULL" },
    { 0x0007, "BELL" },
    { 0x0008, "BACKSPACE" },
    { 0x0009, "CHARACTER TABULATION" },
    { 0x000A, "LINE FEED" },
    { 0x000D, "CARRIAGE RETURN" },
    { 0x001B, "ESCAPE" },
    { 0x007F, "DELETE" },
    { 0x061C, "ARABIC LETTER MARK" },
    { 0x200E, "LEFT-TO-RIGHT MARK" },
    { 0x200F, "RIGHT-TO-LEFT MARK" },
    { 0x202A, "LEFT-TO-RIGHT EMBEDDING" },
    { 0x202B, "RIGHT-TO-LEFT EMBEDDING" },
    { 0x202C, "POP DIRECTIONAL FORMATTING" },
    { 0x202D, "LEFT-TO-RIGHT OVERRIDE" },
    { 0x202E, "RIGHT-TO-LEFT OVERRIDE" },
    { 0x2028, "LINE SEPARATOR" },
    { 0x2029, "PARAGRAPH SEPARATOR" },
    { 0x2066, "LEFT-TO-RIGHT ISOLATE" },
    { 0x2067, "RIGHT-TO-LEFT ISOLATE" },
    { 0x2068, "FIRST STRONG ISOLATE" },
    { 0x2069, "POP DIRECTIONAL ISOLATE" },
};

// The escapes C, shells and terminals' documentation write.
constexpr Named shortEscapes[] = {
    { 0x00, "\\0" }, { 0x07, "\\a" }, { 0x08, "\\b" }, { 0x09, "\\t" }, { 0x0A, "\\n" },
    { 0x0B, "\\v" }, { 0x0C, "\\f" }, { 0x0D, "\\r" }, { 0x1B, "\\e" },
};

QString hex4(char32_t c)
{
    return QString::number(uint(c), 16).toUpper().rightJustified(4, QLatin1Char('0'));
}

} // namespace

std::optional<HiddenKind> hiddenKind(char32_t c)
{
    if (c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        return HiddenKind::Direction;
    if (c == 0x2028 || c == 0x2029)
        return HiddenKind::Separator;
    if (QChar::category(c) == QChar::Other_Control)
        return HiddenKind::Control;
    return std::nullopt;
}

std::optional<Hidden> firstHidden(const QString &text)
{
    // Every hidden character is in the Basic Multilingual Plane; the low half
    // of a surrogate pair only keeps the count in characters.
    int position = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!(c.isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate()))
            ++position;
        if (c.isSurrogate())
            continue;
        if (const auto kind = hiddenKind(c.unicode()))
            return Hidden { c.unicode(), position, *kind };
    }
    return std::nullopt;
}

QString describe(char32_t c)
{
    const QString code = QStringLiteral("U+") + hex4(c);
    for (const Named &n : names) {
        if (n.code == c)
            return code + QLatin1Char(' ') + QLatin1String(n.text);
    }
    return code;
}

QString escaped(const QString &text)
{
    if (!firstHidden(text))
        return text;
    QString shown;
    shown.reserve(text.size() + 16);
    for (const QChar ch : text) {
        if (ch.isSurrogate() || !hiddenKind(ch.unicode())) {
            shown += ch;
            continue;
        }
        const auto known = std::find_if(std::begin(shortEscapes), std::end(shortEscapes),
                                        [ch](const Named &e) { return e.code == ch.unicode(); });
        shown
            += known != std::end(shortEscapes) ? QLatin1String(known->text) : QLatin1String("\\u") + hex4(ch.unicode());
    }
    return shown;
}

QString escapedLines(const QString &text)
{
    if (!firstHidden(text))
        return text;
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = escaped(line);
    return lines.join(QLatin1Char('\n'));
}

} // namespace InputText
