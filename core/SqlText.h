#pragma once

#include <cstddef>
#include <QString>

// The text of an SQL statement. It can be made from a string literal, and from
// nothing else but SqlText::composed(), whose every use builds a statement out of
// literals and placeholders. Values therefore cannot be pasted into SQL: a
// QString built from user input does not convert, and the build fails (the
// "no SQL by concatenation" rule, enforced by the compiler; grep for composed()).
class SqlText
{
public:
    template<std::size_t N>
    constexpr SqlText(const char (&literal)[N]) // NOLINT: implicit by design
        : m_literal(literal)
        , m_size(N - 1)
    {
    }

    // For statements assembled from literals and "?" placeholders only (a
    // multi-row VALUES list, for one). Never pass text that holds a value.
    static SqlText composed(const QString &fromLiteralsAndPlaceholders)
    {
        SqlText sql;
        sql.m_composed = fromLiteralsAndPlaceholders;
        return sql;
    }

    QString toString() const { return m_literal ? QString::fromUtf8(m_literal, qsizetype(m_size)) : m_composed; }

private:
    SqlText() = default;

    const char *m_literal = nullptr;
    std::size_t m_size = 0;
    QString m_composed;
};
