#pragma once

#include <cstddef>
#include <QString>

// The text of an SQL statement. It can be made from a string literal and from
// nothing else, so values cannot be pasted into SQL: a QString built from user
// input does not convert, and the build fails (the "no SQL by concatenation"
// rule, enforced by the compiler).
class SqlText
{
public:
    template<std::size_t N>
    constexpr SqlText(const char (&literal)[N]) // NOLINT: implicit by design
        : m_literal(literal)
        , m_size(N - 1)
    {
    }

    QString toString() const { return QString::fromUtf8(m_literal, qsizetype(m_size)); }

private:
    const char *m_literal;
    std::size_t m_size;
};
