#pragma once

#include "Csv.h"
#include "Result.h"
#include "Role.h"
#include "SeatType.h"
#include "User.h"

#include <optional>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

// One user as a row of an import file, read but not yet checked against the
// database. A seat column the file does not have leaves that seat as it is;
// an empty cell in one it has means "no seat".
struct ImportRow
{
    int line = 0;
    QString email;
    QString firstName;
    QString lastName;
    std::optional<Role> role; // absent: no Role column, or an empty cell (a new user is a User)
    std::optional<std::optional<SeatType>> sales; // outer absent: no such column
    std::optional<std::optional<SeatType>> service;
    // Teams follow the file only for the columns it has: without a Main team
    // column the main team stays as it is; an empty cell means "no team".
    // Never the main team also among the additional teams (R14).
    bool hasMainTeam = false;
    bool hasAdditionalTeams = false;
    QString mainTeam;
    QStringList additionalTeams;

    std::optional<std::optional<SeatType>> seat(Product product) const
    {
        return product == Product::Sales ? sales : service;
    }
};

// A row that cannot be imported, and why (translated, with its line number).
struct ImportProblem
{
    int line = 0;
    QString message;
};

// An import file read: the rows that could be read, and every one that could not.
struct ImportFile
{
    QVector<ImportRow> rows;
    QVector<ImportProblem> problems;
    char delimiter = ',';
};

// The CSV of Users & Teams, both ways: Email, First name, Last name, Role,
// Sales seat, Service seat, Main team, Additional teams. The headers and the
// names of seats and roles are fixed here in both languages, not taken from
// the translations: a file is a contract that must read back the same
// whichever language wrote it or reads it.
class UserCsv
{
    Q_DECLARE_TR_FUNCTIONS(UserCsv)

public:
    enum class Column
    {
        Email,
        FirstName,
        LastName,
        Role,
        SalesSeat,
        ServiceSeat,
        MainTeam,
        AdditionalTeams
    };
    static constexpr int ColumnCount = 8;

    // For Excel: headers, seat and role names in `language` ("en", "fr"), `;`
    // in French and `,` in English, a byte order mark. Plain (RFC 4180):
    // English headers, keys (sales-professional, admin), `,`, no byte order mark.
    // Both end lines with CRLF and neutralize formula-like cells.
    struct Profile
    {
        bool forExcel = false;
        QString language = QStringLiteral("en");
    };
    static QStringList header(const QString &language);
    static QByteArray write(const QVector<User> &users, const Profile &profile);

    // Reads an import file: a header line in English or French (or HubSpot's
    // import headers), `,` or `;`, an optional byte order mark; seats by key
    // or by name in either language. Refused as a whole only when it is too
    // large or has no Email column; bad rows are listed with their line.
    static Result<ImportFile> read(const QByteArray &data, qint64 maxBytes = Csv::MaxBytes);

    // Every team a row names must be a valid team name (R14,
    // Validation::checkTeamName). A team that does not exist yet is created by
    // the import. Additional teams are one cell, comma-separated.
    static Status checkTeams(const ImportRow &row);

    // A seat or a role as a cell names it: a key, or a name in English or French.
    static std::optional<SeatType> seatTypeFromCell(const QString &cell);
    static std::optional<Role> roleFromCell(const QString &cell);
    static QString seatTypeCell(SeatType type, const Profile &profile);
    static QString roleCell(Role role, const Profile &profile);
};
