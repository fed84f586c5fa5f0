/*
 * Column blocks that v2 repeats word for word: the postal address of an order's shipping
 * address and of a shipping consignment, and the shipping and handling costs both carry.
 * Each expands to a run of bc_column_def initializers inside a table's column array.
 */
#ifndef BC_COLUMNS_V2_SHIPPING_H
#define BC_COLUMNS_V2_SHIPPING_H

#include "bc_catalog.h"

/* clang-format off */
#define BC_V2_ADDRESS_COLUMNS                                                                   \
    {.name = "first_name", .type = BC_COL_VARCHAR, .description = "First name"},                \
    {.name = "last_name", .type = BC_COL_VARCHAR, .description = "Last name"},                  \
    {.name = "company", .type = BC_COL_VARCHAR, .description = "Company name"},                 \
    {.name = "street_1", .type = BC_COL_VARCHAR, .description = "Street address, first line"},  \
    {.name = "street_2", .type = BC_COL_VARCHAR, .description = "Street address, second line"}, \
    {.name = "city", .type = BC_COL_VARCHAR, .description = "City"},                            \
    {.name = "state", .type = BC_COL_VARCHAR, .description = "State or province"},              \
    {.name = "zip", .type = BC_COL_VARCHAR, .description = "Postal code"},                      \
    {.name = "country", .type = BC_COL_VARCHAR, .description = "Country name"},                 \
    {.name = "country_iso2", .type = BC_COL_VARCHAR, .length = 2,                               \
     .description = "Two-letter country code"},                                                 \
    {.name = "phone", .type = BC_COL_VARCHAR, .description = "Phone number"},                   \
    {.name = "email", .type = BC_COL_VARCHAR, .description = "Email address"}

#define BC_V2_SHIPPING_COST_COLUMNS                                                               \
    {.name = "items_total", .type = BC_COL_INTEGER, .description = "Number of items"},            \
    {.name = "items_shipped", .type = BC_COL_INTEGER,                                             \
     .description = "Number of items shipped so far"},                                            \
    {.name = "shipping_method", .type = BC_COL_VARCHAR, .description = "Shipping method chosen"}, \
    {.name = "base_cost", .type = BC_COL_DECIMAL,                                                 \
     .description = "Shipping cost before tax adjustments"},                                      \
    {.name = "cost_ex_tax", .type = BC_COL_DECIMAL, .description = "Shipping cost without tax"},  \
    {.name = "cost_inc_tax", .type = BC_COL_DECIMAL, .description = "Shipping cost with tax"},    \
    {.name = "cost_tax", .type = BC_COL_DECIMAL, .description = "Tax on the shipping cost"},      \
    {.name = "cost_tax_class_id", .type = BC_COL_INTEGER,                                         \
     .description = "Tax class of the shipping cost"},                                            \
    {.name = "base_handling_cost", .type = BC_COL_DECIMAL,                                        \
     .description = "Handling cost before tax adjustments"},                                      \
    {.name = "handling_cost_ex_tax", .type = BC_COL_DECIMAL,                                      \
     .description = "Handling cost without tax"},                                                 \
    {.name = "handling_cost_inc_tax", .type = BC_COL_DECIMAL,                                     \
     .description = "Handling cost with tax"},                                                    \
    {.name = "handling_cost_tax", .type = BC_COL_DECIMAL,                                         \
     .description = "Tax on the handling cost"},                                                  \
    {.name = "handling_cost_tax_class_id", .type = BC_COL_INTEGER,                                \
     .description = "Tax class of the handling cost"},                                            \
    {.name = "shipping_zone_id", .type = BC_COL_INTEGER, .description = "Shipping zone used"},    \
    {.name = "shipping_zone_name", .type = BC_COL_VARCHAR,                                        \
     .description = "Name of the shipping zone used"}
/* clang-format on */

#endif
