#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <string_view>

// How both searches compare text: accents and letter case do not count, so
// "gaelle belanger" finds "Gaëlle Bélanger" and "ÉLODIE" finds "elodie".
namespace SearchText {

// One character outside ASCII, folded: decomposed (NFD), without its
// combining marks, case-folded ("É" → "e", "ß" stays, a Hangul syllable gives
// its letters).
inline QString foldCharacter(const QString &character)
{
    const QString decomposed = character.normalized(QString::NormalizationForm_D);
    QString bare;
    for (const QChar c : decomposed) {
        const QChar::Category category = c.category();
        if (category != QChar::Mark_NonSpacing && category != QChar::Mark_SpacingCombining
            && category != QChar::Mark_Enclosing)
            bare.append(c);
    }
    return bare.toCaseFolded();
}

// `text` decomposed (NFD), without its combining marks, case-folded. ASCII,
// most of an account, is lowered in place; other characters are folded once
// each and remembered, so folding 100,000 names takes milliseconds.
inline QString fold(const QString &text)
{
    thread_local QHash<char32_t, QString> folded;
    const qsizetype size = text.size();
    QString out(size, Qt::Uninitialized);
    QChar *o = out.data();
    qsizetype n = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t u = text.at(i).unicode();
        if (u < 0x80) {
            o[n++] = QChar(u >= 'A' && u <= 'Z' ? char16_t(u + 32) : u);
            continue;
        }
        // A character outside the BMP is a surrogate pair: folded as one.
        const bool pair = QChar::isHighSurrogate(u) && i + 1 < size && text.at(i + 1).isLowSurrogate();
        const char32_t code = pair ? QChar::surrogateToUcs4(u, text.at(i + 1).unicode()) : char32_t(u);
        auto kept = folded.constFind(code);
        if (kept == folded.cend())
            kept = folded.insert(code, foldCharacter(text.mid(i, pair ? 2 : 1)));
        const QString &f = *kept;
        if (n + f.size() > out.size()) { // a syllable that gives several letters
            out.resize(n + f.size() + (size - i));
            o = out.data();
        }
        for (const QChar c : f)
            o[n++] = c;
        if (pair)
            ++i;
    }
    out.resize(n);
    return out;
}

// The words of what was typed, folded: each must be found for a row to match.
inline QStringList words(const QString &typed)
{
    return fold(typed).simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// What a row is searched by: its text folded, in UTF-8 (half the memory of a
// QString for the Latin addresses of most accounts, and searched byte-wise,
// several times faster; a UTF-8 word only ever matches at a character's start).
using Key = QByteArray;

inline Key keyOf(const QString &text)
{
    return fold(text).toUtf8();
}

// The words as keys are searched for.
inline QList<QByteArray> keyWords(const QStringList &words)
{
    QList<QByteArray> bytes;
    bytes.reserve(words.size());
    for (const QString &w : words)
        bytes.append(w.toUtf8());
    return bytes;
}

inline bool contains(const Key &key, const QByteArray &word)
{
    return std::string_view(key.constData(), size_t(key.size()))
               .find(std::string_view(word.constData(), size_t(word.size())))
        != std::string_view::npos;
}

// True when every word occurs in `key`.
inline bool matches(const Key &key, const QList<QByteArray> &words)
{
    for (const QByteArray &word : words) {
        if (!contains(key, word))
            return false;
    }
    return true;
}

} // namespace SearchText
