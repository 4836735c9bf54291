#pragma once

#include <optional>
#include <QString>

// Text that came from outside — an argument, a plan line, a pasted address, a
// name — and may be shown back. A few characters change how the text around
// them shows: control characters (an ESC starts a terminal command that can
// clear the screen or retitle the window), the bidirectional controls (U+202E
// makes "moc.elpmaxe" read "example.com") and the line and paragraph
// separators. Validation refuses them in names and addresses; everything that
// echoes input (a message, seatctl's output) writes them as visible escapes.
// The other invisible format characters stay: the zero-width joiner and
// non-joiner are part of how some scripts and emoji are written.
namespace InputText {

enum class HiddenKind
{
    Control, // Cc: C0, DEL, C1
    Direction, // U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069
    Separator // U+2028, U+2029
};

struct Hidden
{
    char32_t codePoint = 0;
    int position = 0; // 1-based, in characters (code points)
    HiddenKind kind = HiddenKind::Control;
};

std::optional<HiddenKind> hiddenKind(char32_t codePoint);
// The first character of `text` that would change how it shows, if any.
std::optional<Hidden> firstHidden(const QString &text);
// "U+202E RIGHT-TO-LEFT OVERRIDE": the code point, and its Unicode name when
// it is one of the characters above that has a well-known one.
QString describe(char32_t codePoint);
// `text` with each of those characters written as a visible escape: "\e",
// "\n", "\t", "\r", "\0", "\a", "\b", "\f", "\v", and "\u202E" for the others.
// Anything else is left as it is, backslashes included: this is for showing,
// not an encoding to read back, and escaping twice changes nothing.
QString escaped(const QString &text);
// The same, line by line: the line breaks of a message written over several
// lines stay line breaks.
QString escapedLines(const QString &text);

} // namespace InputText
