#include "Seatctl.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("seatctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("Seatkeeper"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SEATKEEPER_VERSION));
    return Seatctl().run(QCoreApplication::arguments());
}
