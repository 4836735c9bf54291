// Any text as an e-mail address: Validation::checkEmail accepts it or says
// why not, and what it accepts holds to R6 — at most 254 characters, one @,
// at most 64 before it, no space or control character; the uniqueness key is
// stable.

#include "Validation.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString email = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const Status checked = Validation::checkEmail(email);
    const QString key = Validation::emailKey(email);
    if (Validation::emailKey(key) != key)
        std::abort();
    Validation::checkName(email, Validation::NamePart::First); // names take any text; only its verdict matters, not a crash
    if (!checked) {
        if (checked.error().message.isEmpty() || checked.error().kind != ErrorKind::Invalid)
            std::abort();
        return 0;
    }
    if (email.size() > Validation::MaxEmailLength || email.count(QLatin1Char('@')) != 1)
        std::abort();
    if (email.indexOf(QLatin1Char('@')) > Validation::MaxLocalPartLength)
        std::abort();
    for (const QChar c : email) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            std::abort();
    }
    return 0;
}
