#pragma once

// A read-only device that hands its bytes over as a pipe does: in pieces of
// sizes it asks `nextPiece` for, a piece of 0 meaning "nothing for now" — the
// next read then gives nothing until waitForReadyRead() — as a non-blocking
// pipe or socket does. For tests and fuzz targets of readers of standard input.

#include <algorithm>
#include <functional>
#include <QByteArray>
#include <QIODevice>

class ChunkedDevice : public QIODevice
{
public:
    ChunkedDevice(const QByteArray &data, std::function<qint64()> nextPiece)
        : m_data(data)
        , m_nextPiece(std::move(nextPiece))
    {
    }

    bool isSequential() const override { return true; }
    bool waitForReadyRead(int) override
    {
        m_waiting = false;
        return m_at < m_data.size();
    }
    qint64 bytesAvailable() const override
    {
        return QIODevice::bytesAvailable() + (m_waiting ? 0 : std::min<qint64>(m_left, m_data.size() - m_at));
    }

protected:
    qint64 readData(char *out, qint64 maxSize) override
    {
        if (m_at >= m_data.size() || m_waiting)
            return 0;
        if (m_left == 0) {
            m_left = std::max<qint64>(0, m_nextPiece());
            if (m_left == 0) {
                m_waiting = true;
                return 0;
            }
        }
        const qint64 n = std::min({ maxSize, m_left, qint64(m_data.size() - m_at) });
        std::copy_n(m_data.constData() + m_at, n, out);
        m_at += n;
        m_left -= n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    std::function<qint64()> m_nextPiece;
    qint64 m_at = 0;
    qint64 m_left = 0; // of the current piece
    bool m_waiting = false;
};
