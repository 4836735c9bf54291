#pragma once

#include "SeatType.h"

#include <optional>
#include <QString>

// One pending change of one user's seat for one product, as the grid or a plan
// makes it. `from` is what the editor saw when the edit was made: if storage holds
// something else at save time, the data changed underneath (R12) and the batch is
// refused instead of silently overwriting it.
struct SeatEdit
{
    qint64 userId = 0;
    QString email; // for messages only
    Product product = Product::Sales;
    std::optional<SeatType> from;
    std::optional<SeatType> to;
};
