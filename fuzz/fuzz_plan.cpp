// Any bytes as a plan file: Plan::parse either refuses them with a line number
// inside the file, or returns lines that each name a known seat type or
// product and an e-mail address the core would accept.

#include "Plan.h"
#include "Validation.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto plan = Plan::parse(bytes);
    if (!plan) {
        if (plan.error().message.isEmpty() || plan.error().kind != ErrorKind::Invalid)
            std::abort(); // every refusal says why
        return 0;
    }
    const int lines = int(bytes.count('\n')) + 1;
    int previous = 0;
    for (const PlanLine &line : plan.value()) {
        if (line.lineNumber <= previous || line.lineNumber > lines)
            std::abort(); // in order, and inside the file
        previous = line.lineNumber;
        if (!Validation::checkEmail(line.email))
            std::abort(); // the parser hands on only addresses the core accepts
        if (line.kind == PlanLine::Kind::Assign && productOf(line.type) != line.product)
            std::abort();
    }
    return 0;
}
