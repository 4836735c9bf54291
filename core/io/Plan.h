#pragma once

#include "Result.h"
#include "SeatType.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QVector>

class QIODevice;

// One line of a plan file for `seatctl apply`:
//   assign EMAIL TYPE
//   unassign EMAIL PRODUCT
struct PlanLine
{
    enum class Kind
    {
        Assign,
        Unassign
    };
    int lineNumber = 0;
    Kind kind = Kind::Assign;
    QString email;
    SeatType type = SeatType::SalesStarter; // Assign
    Product product = Product::Sales; // Unassign, and the product of `type` for Assign
};

class Plan
{
    Q_DECLARE_TR_FUNCTIONS(Plan)

public:
    static constexpr qint64 MaxBytes = 32 * 1024 * 1024;

    // Parses a whole plan: UTF-8 (a BOM is skipped), LF or CRLF, blank lines and
    // lines starting with # ignored. The first bad line refuses the whole plan,
    // with its line number, so that nothing is half applied. A plan of more
    // than `maxBytes` is refused (seatctl's limit; tests and fuzzing use less).
    static Result<QVector<PlanLine>> parse(const QByteArray &data, qint64 maxBytes = MaxBytes);
    // Reads a plan from an open device to its end and parses it: a file, or
    // standard input, which a pipe hands over in pieces as its writer produces
    // them. Gives exactly what parse() gives for the same bytes read whole; a
    // device that fails partway refuses the plan rather than parse a part.
    static Result<QVector<PlanLine>> read(QIODevice &device, qint64 maxBytes = MaxBytes);
};
