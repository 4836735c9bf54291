#pragma once

#include <array>
#include <optional>
#include <QString>
#include <QStringView>

// R1: a seat type is a product and a tier.
enum class Product
{
    Sales,
    Service
};
enum class Tier
{
    Starter,
    Professional,
    Enterprise
};
enum class SeatType
{
    SalesStarter,
    SalesProfessional,
    SalesEnterprise,
    ServiceStarter,
    ServiceProfessional,
    ServiceEnterprise
};

constexpr int SeatTypeCount = 6;
constexpr int ProductCount = 2;

// In R1 order, the order of the grid's columns and of every listing.
const std::array<SeatType, SeatTypeCount> &allSeatTypes();
const std::array<Product, ProductCount> &allProducts();

Product productOf(SeatType type);
Tier tierOf(SeatType type);
SeatType seatTypeOf(Product product, Tier tier);
inline int seatTypeIndex(SeatType type)
{
    return static_cast<int>(type);
}
inline int productIndex(Product product)
{
    return static_cast<int>(product);
}

// Stable keys used in storage, plans and --json: "sales-professional", "service".
QString seatTypeKey(SeatType type);
std::optional<SeatType> seatTypeFromKey(QStringView key);
QString productKey(Product product);
std::optional<Product> productFromKey(QStringView key);

// Names a person reads, in the current language ("Sales Professional", "Sales Pro").
QString seatTypeName(SeatType type);
QString productName(Product product);
QString tierName(Tier tier);
