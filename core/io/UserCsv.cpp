#include "UserCsv.h"

#include "InputText.h"
#include "Validation.h"

#include <QHash>

namespace {

struct Names
{
    const char *en;
    const char *fr;
};

// Column headers as written, in column order.
const Names columnHeaders[UserCsv::ColumnCount] = {
    { "Email", "Adresse e-mail" },
    { "First name", "Prénom" },
    { "Last name", "Nom" },
    { "Role", "Rôle" },
    { "Sales seat", "Siège Ventes" },
    { "Service seat", "Siège Service" },
    { "Main team", "Équipe principale" },
    { "Additional teams", "Équipes supplémentaires" },
};

// Seat and role names as the glossary writes them.
const Names seatNames[SeatTypeCount] = {
    { "Sales Starter", "Sales Starter" },       { "Sales Professional", "Sales Pro" },
    { "Sales Enterprise", "Sales Entreprise" }, { "Service Starter", "Service Starter" },
    { "Service Professional", "Service Pro" },  { "Service Enterprise", "Service Entreprise" },
};
const Names roleNames[3]
    = { { "Super admin", "Super administrateur" }, { "Admin", "Administrateur" }, { "User", "Utilisateur" } };

// A header or value as compared: letter case, spaces and a trailing `*`
// (HubSpot marks required columns so) aside.
QString folded(const QString &text)
{
    QString s = text.simplified().toCaseFolded();
    while (s.endsWith(QLatin1Char('*')))
        s.chop(1);
    return s.trimmed();
}

const QHash<QString, UserCsv::Column> &headerAliases()
{
    static const QHash<QString, UserCsv::Column> aliases = [] {
        using C = UserCsv::Column;
        QHash<QString, C> h;
        for (int i = 0; i < UserCsv::ColumnCount; ++i) {
            h.insert(folded(QString::fromUtf8(columnHeaders[i].en)), C(i));
            h.insert(folded(QString::fromUtf8(columnHeaders[i].fr)), C(i));
        }
        // Other ways people and HubSpot's import template name them.
        const std::pair<const char *, C> more[] = {
            { "Email address", C::Email },
            { "E-mail", C::Email },
            { "E-mail address", C::Email },
            { "Adresse email", C::Email },
            { "Courriel", C::Email },
            { "First Name", C::FirstName },
            { "Firstname", C::FirstName },
            { "Prenom", C::FirstName },
            { "Last Name", C::LastName },
            { "Lastname", C::LastName },
            { "Nom de famille", C::LastName },
            { "Role", C::Role },
            { "Sales Hub seat", C::SalesSeat },
            { "Sales Hub", C::SalesSeat },
            { "Sales Hub paid seat", C::SalesSeat },
            { "Siège Sales Hub", C::SalesSeat },
            { "Service Hub seat", C::ServiceSeat },
            { "Service Hub", C::ServiceSeat },
            { "Service Hub paid seat", C::ServiceSeat },
            { "Siège Service Hub", C::ServiceSeat },
            { "Team", C::MainTeam },
            { "Primary team", C::MainTeam },
            { "Équipe", C::MainTeam },
            { "Secondary teams", C::AdditionalTeams },
            { "Équipes secondaires", C::AdditionalTeams },
        };
        for (const auto &[name, column] : more)
            h.insert(folded(QString::fromUtf8(name)), column);
        return h;
    }();
    return aliases;
}

ImportProblem problem(int line, const QString &message)
{
    return ImportProblem { line, UserCsv::tr("Line %1: %2").arg(line).arg(message) };
}

} // namespace

QStringList UserCsv::header(const QString &language)
{
    QStringList names;
    for (const Names &n : columnHeaders)
        names << QString::fromUtf8(language == QLatin1String("fr") ? n.fr : n.en);
    return names;
}

QString UserCsv::seatTypeCell(SeatType type, const Profile &profile)
{
    if (!profile.forExcel)
        return seatTypeKey(type);
    const Names &n = seatNames[seatTypeIndex(type)];
    return QString::fromUtf8(profile.language == QLatin1String("fr") ? n.fr : n.en);
}

QString UserCsv::roleCell(Role role, const Profile &profile)
{
    if (!profile.forExcel)
        return roleKey(role);
    const Names &n = roleNames[int(role)];
    return QString::fromUtf8(profile.language == QLatin1String("fr") ? n.fr : n.en);
}

std::optional<SeatType> UserCsv::seatTypeFromCell(const QString &cell)
{
    const QString f = folded(cell);
    if (auto type = seatTypeFromKey(f))
        return type;
    for (SeatType type : allSeatTypes()) {
        const Names &n = seatNames[seatTypeIndex(type)];
        if (f == folded(QString::fromUtf8(n.en)) || f == folded(QString::fromUtf8(n.fr)))
            return type;
    }
    return std::nullopt;
}

std::optional<Role> UserCsv::roleFromCell(const QString &cell)
{
    const QString f = folded(cell);
    if (auto role = roleFromKey(f))
        return role;
    for (int i = 0; i < 3; ++i) {
        if (f == folded(QString::fromUtf8(roleNames[i].en)) || f == folded(QString::fromUtf8(roleNames[i].fr)))
            return Role(i);
    }
    return std::nullopt;
}

QByteArray UserCsv::write(const QVector<User> &users, const Profile &profile)
{
    const QString language = profile.forExcel ? profile.language : QStringLiteral("en");
    const char delimiter = profile.forExcel && language == QLatin1String("fr") ? ';' : ',';
    QByteArray out;
    out.reserve(64 + users.size() * 80);
    if (profile.forExcel)
        out.append("\xEF\xBB\xBF");
    Csv::appendRecord(out, header(language), delimiter);
    for (const User &u : users) {
        // Additional teams share one cell, comma-separated (the writer quotes it).
        const QStringList cells { Csv::neutralized(u.email),
                                  Csv::neutralized(u.firstName),
                                  Csv::neutralized(u.lastName),
                                  roleCell(u.role, profile),
                                  u.sales ? seatTypeCell(*u.sales, profile) : QString(),
                                  u.service ? seatTypeCell(*u.service, profile) : QString(),
                                  Csv::neutralized(u.mainTeam),
                                  Csv::neutralized(u.additionalTeams.join(QStringLiteral(", "))) };
        Csv::appendRecord(out, cells, delimiter);
    }
    return out;
}

Status UserCsv::checkTeams(const ImportRow &row)
{
    QStringList names = row.additionalTeams;
    if (!row.mainTeam.isEmpty())
        names.prepend(row.mainTeam);
    for (const QString &name : names) {
        if (Status s = Validation::checkTeamName(name); !s)
            return Error { ErrorKind::Invalid, tr("team “%1”: %2").arg(InputText::escaped(name), s.error().message) };
    }
    return {};
}

Result<ImportFile> UserCsv::read(const QByteArray &data, qint64 maxBytes)
{
    auto parsed = Csv::parse(data, maxBytes);
    if (!parsed)
        return parsed.error();
    const Csv::Table &table = parsed.value();
    ImportFile file;
    file.delimiter = table.delimiter;
    if (table.records.isEmpty() || table.records.first().isBlank())
        return Error { ErrorKind::Invalid,
                       tr("The file is empty: its first line must name the columns, Email first.") };
    const CsvRecord &head = table.records.first();
    if (!head.problem.isEmpty())
        return Error { ErrorKind::Invalid, tr("Line %1: %2").arg(head.line).arg(head.problem) };

    // Which field holds which column; unknown columns (a HubSpot export has
    // many) are left aside.
    int where[ColumnCount];
    std::fill(std::begin(where), std::end(where), -1);
    for (int i = 0; i < head.fields.size(); ++i) {
        const auto found = headerAliases().find(folded(head.fields.at(i)));
        if (found == headerAliases().end())
            continue;
        const int column = int(found.value());
        if (where[column] >= 0)
            return Error { ErrorKind::Invalid,
                           tr("Line 1: the columns “%1” and “%2” are the same column.")
                               .arg(InputText::escaped(head.fields.at(where[column])),
                                    InputText::escaped(head.fields.at(i))) };
        where[column] = i;
    }
    if (where[int(Column::Email)] < 0)
        return Error { ErrorKind::Invalid,
                       tr("Line 1: no Email column. The first line must name the columns: %1.")
                           .arg(header(QStringLiteral("en")).join(QStringLiteral(", "))) };

    QHash<QString, int> seen; // e-mail key → its line
    file.rows.reserve(table.records.size() - 1);
    for (qsizetype r = 1; r < table.records.size(); ++r) {
        const CsvRecord &record = table.records.at(r);
        if (!record.problem.isEmpty()) {
            file.problems.append(problem(record.line, record.problem));
            continue;
        }
        if (record.isBlank())
            continue;
        if (record.fields.size() > head.fields.size()) {
            file.problems.append(problem(record.line,
                                         tr("the line has %1 fields, but the header names %2 columns.")
                                             .arg(record.fields.size())
                                             .arg(head.fields.size())));
            continue;
        }
        const auto cell = [&](Column c) {
            const int i = where[int(c)];
            return i >= 0 && i < record.fields.size() ? Csv::unneutralized(record.fields.at(i)) : QString();
        };
        ImportRow row;
        row.line = record.line;
        row.email = cell(Column::Email);
        row.firstName = cell(Column::FirstName);
        row.lastName = cell(Column::LastName);
        QStringList why;
        if (Status s = Validation::checkEmail(row.email); !s)
            why << s.error().message;
        if (Status s = Validation::checkName(row.firstName, Validation::NamePart::First); !s)
            why << s.error().message;
        if (Status s = Validation::checkName(row.lastName, Validation::NamePart::Last); !s)
            why << s.error().message;
        if (where[int(Column::Role)] >= 0 && !cell(Column::Role).trimmed().isEmpty()) {
            row.role = roleFromCell(cell(Column::Role));
            if (!row.role)
                why << tr("unknown role “%1”; expected Super admin, Admin or User.")
                           .arg(InputText::escaped(cell(Column::Role)));
        }
        for (Product product : allProducts()) {
            const Column c = product == Product::Sales ? Column::SalesSeat : Column::ServiceSeat;
            if (where[int(c)] < 0)
                continue;
            const QString text = cell(c);
            std::optional<SeatType> seat;
            if (!text.trimmed().isEmpty()) {
                seat = seatTypeFromCell(text);
                if (!seat) {
                    why << tr("unknown seat “%1” in the %2 column.")
                               .arg(InputText::escaped(text), QString::fromUtf8(columnHeaders[int(c)].en));
                    continue;
                }
                if (productOf(*seat) != product) {
                    why << tr("%1 is not a %2 seat.").arg(seatTypeName(*seat), productName(product));
                    continue;
                }
            }
            (product == Product::Sales ? row.sales : row.service) = seat;
        }
        row.hasMainTeam = where[int(Column::MainTeam)] >= 0;
        row.hasAdditionalTeams = where[int(Column::AdditionalTeams)] >= 0;
        row.mainTeam = cell(Column::MainTeam).trimmed();
        // A main team also named among the additional ones is only the main
        // team, as when it is chosen in the user's panel; a team named twice counts once.
        QStringList keys;
        if (!row.mainTeam.isEmpty())
            keys << Validation::teamKey(row.mainTeam);
        for (const QString &team : cell(Column::AdditionalTeams).split(QLatin1Char(','))) {
            const QString name = team.trimmed();
            if (name.isEmpty() || keys.contains(Validation::teamKey(name)))
                continue;
            keys << Validation::teamKey(name);
            row.additionalTeams << name;
        }
        if (Status s = checkTeams(row); !s)
            why << s.error().message;
        if (why.isEmpty()) {
            const QString key = Validation::emailKey(row.email);
            if (const int before = seen.value(key); before > 0)
                why << tr("“%1” is already on line %2.").arg(InputText::escaped(row.email)).arg(before);
            else
                seen.insert(key, row.line);
        }
        if (!why.isEmpty()) {
            file.problems.append(problem(row.line, why.join(QLatin1Char(' '))));
            continue;
        }
        file.rows.append(std::move(row));
    }
    return file;
}
