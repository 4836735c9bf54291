// A plan read as `seatctl apply -` reads standard input: handed over in pieces
// of any size, with moments where nothing has arrived yet (ChunkedDevice).
// Plan::read must give exactly what Plan::parse gives for the same bytes read
// whole — the same lines, or the same refusal — whatever the pieces, also
// when the plan is over the size limit (small limits here, so that the fuzzer
// reaches them).
//
// Input: byte 0 seeds the piece sizes, byte 1 picks the limit (0: seatctl's),
// the rest is the plan.

#include "ChunkedDevice.h"
#include "Plan.h"

#include <cstdint>
#include <cstdlib>
#include <QBuffer>

namespace {

bool same(const Result<QVector<PlanLine>> &a, const Result<QVector<PlanLine>> &b)
{
    if (a.ok() != b.ok())
        return false;
    if (!a.ok())
        return a.error().kind == b.error().kind && a.error().message == b.error().message;
    if (a.value().size() != b.value().size())
        return false;
    for (qsizetype i = 0; i < a.value().size(); ++i) {
        const PlanLine &x = a.value().at(i);
        const PlanLine &y = b.value().at(i);
        if (x.lineNumber != y.lineNumber || x.kind != y.kind || x.email != y.email || x.type != y.type
            || x.product != y.product)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    quint32 state = data[0] * 2654435761u + 1;
    const qint64 maxBytes = data[1] == 0 ? Plan::MaxBytes : qint64(data[1]) * 3;
    const QByteArray plan(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    const auto whole = Plan::parse(plan, maxBytes);

    // Pieces of 0 to 40 bytes, a few of them empty ("nothing yet").
    ChunkedDevice piecewise(plan, [&state] {
        state = state * 1103515245u + 12345u;
        const quint32 r = (state >> 16) % 48;
        return qint64(r < 8 ? 0 : r - 7);
    });
    if (!piecewise.open(QIODevice::ReadOnly))
        std::abort();
    if (!same(Plan::read(piecewise, maxBytes), whole))
        std::abort();

    // And read whole from a device that knows its size, as a plan file is.
    QByteArray copy = plan;
    QBuffer file(&copy);
    if (!file.open(QIODevice::ReadOnly) || !same(Plan::read(file, maxBytes), whole))
        std::abort();
    return 0;
}
