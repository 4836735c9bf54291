#include "SeatType.h"

#include <QCoreApplication>

namespace {

struct SeatTypeInfo
{
    SeatType type;
    Product product;
    Tier tier;
    const char *key;
    const char *name;
};

const SeatTypeInfo seatTypeInfo[SeatTypeCount] = {
    { SeatType::SalesStarter, Product::Sales, Tier::Starter, "sales-starter",
      QT_TRANSLATE_NOOP("SeatType", "Sales Starter") },
    { SeatType::SalesProfessional, Product::Sales, Tier::Professional, "sales-professional",
      QT_TRANSLATE_NOOP("SeatType", "Sales Professional") },
    { SeatType::SalesEnterprise, Product::Sales, Tier::Enterprise, "sales-enterprise",
      QT_TRANSLATE_NOOP("SeatType", "Sales Enterprise") },
    { SeatType::ServiceStarter, Product::Service, Tier::Starter, "service-starter",
      QT_TRANSLATE_NOOP("SeatType", "Service Starter") },
    { SeatType::ServiceProfessional, Product::Service, Tier::Professional, "service-professional",
      QT_TRANSLATE_NOOP("SeatType", "Service Professional") },
    { SeatType::ServiceEnterprise, Product::Service, Tier::Enterprise, "service-enterprise",
      QT_TRANSLATE_NOOP("SeatType", "Service Enterprise") },
};

const SeatTypeInfo &info(SeatType type)
{
    return seatTypeInfo[static_cast<int>(type)];
}

} // namespace

const std::array<SeatType, SeatTypeCount> &allSeatTypes()
{
    static const std::array<SeatType, SeatTypeCount> types = {
        SeatType::SalesStarter,   SeatType::SalesProfessional,   SeatType::SalesEnterprise,
        SeatType::ServiceStarter, SeatType::ServiceProfessional, SeatType::ServiceEnterprise,
    };
    return types;
}

const std::array<Product, ProductCount> &allProducts()
{
    static const std::array<Product, ProductCount> products = { Product::Sales, Product::Service };
    return products;
}

Product productOf(SeatType type)
{
    return info(type).product;
}

Tier tierOf(SeatType type)
{
    return info(type).tier;
}

SeatType seatTypeOf(Product product, Tier tier)
{
    return static_cast<SeatType>(static_cast<int>(product) * 3 + static_cast<int>(tier));
}

QString seatTypeKey(SeatType type)
{
    return QLatin1String(info(type).key);
}

std::optional<SeatType> seatTypeFromKey(QStringView key)
{
    for (const SeatTypeInfo &i : seatTypeInfo) {
        if (key == QLatin1String(i.key))
            return i.type;
    }
    return std::nullopt;
}

QString productKey(Product product)
{
    return product == Product::Sales ? QStringLiteral("sales") : QStringLiteral("service");
}

std::optional<Product> productFromKey(QStringView key)
{
    if (key == QLatin1String("sales"))
        return Product::Sales;
    if (key == QLatin1String("service"))
        return Product::Service;
    return std::nullopt;
}

QString seatTypeName(SeatType type)
{
    return QCoreApplication::translate("SeatType", info(type).name);
}

QString productName(Product product)
{
    // Product names stay untranslated (glossary), but go through tr() so a
    // translator can see them in context.
    return product == Product::Sales ? QCoreApplication::translate("SeatType", "Sales Hub")
                                     : QCoreApplication::translate("SeatType", "Service Hub");
}

QString tierName(Tier tier)
{
    switch (tier) {
    case Tier::Starter:
        return QCoreApplication::translate("SeatType", "Starter");
    case Tier::Professional:
        return QCoreApplication::translate("SeatType", "Professional");
    case Tier::Enterprise:
        return QCoreApplication::translate("SeatType", "Enterprise");
    }
    return {};
}
