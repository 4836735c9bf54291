// Any bytes as a users import file: Csv::parse reads every record with a line
// number inside the file, in order; what it writes back reads as the same
// fields; and UserCsv::read either refuses the file as a whole with a reason,
// or hands on only rows the core would accept (valid addresses and names,
// seats of the right product) and bad rows each with a message and a line.

#include "Csv.h"
#include "UserCsv.h"
#include "Validation.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const int lines = int(bytes.count('\n') + bytes.count('\r')) + 1;

    const auto table = Csv::parse(bytes);
    if (!table)
        std::abort(); // only a file over the limit is refused whole
    int previous = 0;
    QVector<QStringList> good;
    for (const CsvRecord &r : table.value().records) {
        if (r.line <= previous || r.line > lines || r.fields.isEmpty())
            std::abort();
        previous = r.line;
        if (r.problem.isEmpty())
            good.append(r.fields);
    }
    // What was read writes back to what reads the same.
    const auto again
        = Csv::parse(Csv::write(good, { table.value().delimiter, true }), Csv::MaxBytes, table.value().delimiter);
    if (!again || again.value().records.size() != good.size())
        std::abort();
    for (qsizetype i = 0; i < good.size(); ++i) {
        if (again.value().records.at(i).fields != good.at(i) || !again.value().records.at(i).problem.isEmpty())
            std::abort();
    }

    const auto file = UserCsv::read(bytes);
    if (!file) {
        if (file.error().message.isEmpty() || file.error().kind != ErrorKind::Invalid)
            std::abort();
        return 0;
    }
    for (const ImportProblem &p : file.value().problems) {
        if (p.message.isEmpty() || p.line < 2 || p.line > lines)
            std::abort();
    }
    for (const ImportRow &row : file.value().rows) {
        if (!Validation::checkEmail(row.email) || !Validation::checkName(row.firstName, Validation::NamePart::First)
            || !Validation::checkName(row.lastName, Validation::NamePart::Last))
            std::abort();
        for (Product product : allProducts()) {
            const auto seat = row.seat(product);
            if (seat && *seat && productOf(**seat) != product)
                std::abort();
        }
    }
    return 0;
}
