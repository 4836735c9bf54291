#pragma once

#include <optional>
#include <QString>
#include <utility>
#include <variant>

// What went wrong, in terms a person can act on. The message is already translated
// into the language that was active when the error was made.
enum class ErrorKind
{
    Invalid, // bad input (R6, bad counts, malformed plan)
    NotFound, // no such user
    Duplicate, // e-mail already taken (R6)
    NotAuthorized, // actor is not an admin (R5)
    NoFreeSeat, // R2 / R7
    Refused, // any other rule (R3, R8, R9)
    Conflict, // data changed underneath (R12)
    Storage // unreadable, foreign, corrupt, newer schema, locked
};

struct Error
{
    ErrorKind kind = ErrorKind::Storage;
    QString message;
};

// Stable, language-independent names for scripts (seatctl --json).
inline QString errorKindKey(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Invalid:
        return QStringLiteral("invalid");
    case ErrorKind::NotFound:
        return QStringLiteral("not-found");
    case ErrorKind::Duplicate:
        return QStringLiteral("duplicate");
    case ErrorKind::NotAuthorized:
        return QStringLiteral("not-authorized");
    case ErrorKind::NoFreeSeat:
        return QStringLiteral("no-free-seat");
    case ErrorKind::Refused:
        return QStringLiteral("refused");
    case ErrorKind::Conflict:
        return QStringLiteral("conflict");
    case ErrorKind::Storage:
        return QStringLiteral("storage");
    }
    return QStringLiteral("storage");
}

// A value or the reason there is none. Calls a person can make fail return this, so
// that no exception ever crosses into the UI.
template<typename T> class Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {
    }
    Result(Error error)
        : m_value(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_value); }
    T &value() & { return std::get<T>(m_value); }
    // On a temporary, hand the value out: `for (auto &x : ledger.users().value())`
    // then iterates over a living object instead of a destroyed one.
    T value() && { return std::move(std::get<T>(m_value)); }
    T takeValue() { return std::move(std::get<T>(m_value)); }
    const Error &error() const { return std::get<Error>(m_value); }

private:
    std::variant<T, Error> m_value;
};

template<> class Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {
    }
    // Any result seen as done or failed, for a caller that needs no value.
    template<typename T> Result(const Result<T> &other) // NOLINT: implicit by design
    {
        if (!other.ok())
            m_error = other.error();
    }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;
