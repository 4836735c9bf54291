// Any text as an e-mail address: Validation::checkEmail accepts it or says
// why not, and what it accepts holds to R6 — at most 254 characters, one @,
// at most 64 before it, no space, control or text-direction character. The
// uniqueness key (Validation::emailKey) is defined for any text; for an
// accepted address it is accepted too, and is its own key. No refusal quotes
// a character that could drive a terminal.

#include "InputText.h"
#include "Validation.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString email = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const Status checked = Validation::checkEmail(email);
    const QString key = Validation::emailKey(email); // any text: no crash
    for (const auto part : { Validation::NamePart::First, Validation::NamePart::Last }) {
        const Status name = Validation::checkName(email, part);
        if (!name && InputText::firstHidden(name.error().message))
            std::abort();
    }
    if (!checked) {
        if (checked.error().message.isEmpty() || checked.error().kind != ErrorKind::Invalid)
            std::abort();
        if (InputText::firstHidden(checked.error().message))
            std::abort(); // the refusal shows the address escaped
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
    if (InputText::firstHidden(email))
        std::abort();
    // The key of an accepted address: its own key, accepted, and within the limits.
    if (Validation::emailKey(key) != key)
        std::abort();
    if (const Status again = Validation::checkEmail(key); !again)
        std::abort();
    return 0;
}
