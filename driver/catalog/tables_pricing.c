/*
 * Price lists (/v3/pricelists): the lists, their per-variant price records
 * (/v3/pricelists/{price_list_id}/records, a child of PriceLists) and their assignments to
 * customer groups and channels.
 * Columns follow the GET response objects of the official reference
 * (../shared/bigcommerce-openapi/); money is DECIMAL(20,4), nested objects JSON text.
 */
#include "bc_catalog.h"

static const bc_column_def price_lists_columns[] = {
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .filter_eq = "id:in",
     .filter_in = "id:in",
     .description = "Id of the price list"},
    {.name = "date_created",
     .type = BC_COL_TIMESTAMP,
     .description = "When the price list was created"},
    {.name = "date_modified",
     .type = BC_COL_TIMESTAMP,
     .description = "When the price list was last changed"},
    {.name = "name",
     .type = BC_COL_VARCHAR,
     .length = 255,
     .flags = BC_COLF_NOT_NULL,
     .description = "Name of the price list"},
    {.name = "active", .type = BC_COL_BIT, .description = "Prices are in use"},
};

const bc_table_def bc_table_price_lists = {
    .name = "PriceLists",
    .endpoint = "/v3/pricelists",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .columns = price_lists_columns,
    .ncolumns = (int)(sizeof price_lists_columns / sizeof price_lists_columns[0]),
    .description = "Price lists that override catalog prices for customer groups and channels.",
};

static const bc_column_def price_list_records_columns[] = {
    {.name = "price_list_id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PARENT_KEY | BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Price list it belongs to"},
    {.name = "variant_id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .filter_eq = "variant_id:in",
     .filter_in = "variant_id:in",
     .description = "Variant priced"},
    {.name = "currency",
     .type = BC_COL_VARCHAR,
     .length = 3,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Currency of the prices"},
    {.name = "calculated_price", .type = BC_COL_DECIMAL, .description = "Price shoppers pay"},
    {.name = "date_created",
     .type = BC_COL_TIMESTAMP,
     .description = "When the price record was created"},
    {.name = "date_modified",
     .type = BC_COL_TIMESTAMP,
     .description = "When the price record was last changed"},
    {.name = "product_id",
     .type = BC_COL_INTEGER,
     .filter_eq = "product_id:in",
     .filter_in = "product_id:in",
     .description = "Product of the variant"},
    {.name = "sku",
     .include = "sku",
     .type = BC_COL_VARCHAR,
     .length = 255,
     .description = "Stock keeping unit code"},
    {.name = "price", .type = BC_COL_DECIMAL, .description = "List price"},
    {.name = "sale_price",
     .type = BC_COL_DECIMAL,
     .description = "Discounted price, used instead of the price when set"},
    {.name = "retail_price", .type = BC_COL_DECIMAL, .description = "Suggested retail price"},
    {.name = "map_price", .type = BC_COL_DECIMAL, .description = "Minimum advertised price"},
    {.name = "bulk_pricing_tiers",
     .include = "bulk_pricing_tiers",
     .type = BC_COL_JSON,
     .description = "Quantity tiers (JSON)"},
};

const bc_table_def bc_table_price_list_records = {
    .name = "PriceListRecords",
    .endpoint = "/v3/pricelists/{price_list_id}/records",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .parent_table = "PriceLists",
    .parent_column = "price_list_id",
    .parent_id_column = "id",
    .columns = price_list_records_columns,
    .ncolumns = (int)(sizeof price_list_records_columns / sizeof price_list_records_columns[0]),
    .description = "Prices of variants in a price list, one row per variant and currency.",
};

static const bc_column_def price_list_assignments_columns[] = {
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .filter_eq = "id:in",
     .filter_in = "id:in",
     .description = "Id of the assignment"},
    {.name = "price_list_id",
     .type = BC_COL_INTEGER,
     .filter_eq = "price_list_id:in",
     .filter_in = "price_list_id:in",
     .description = "Price list it belongs to"},
    {.name = "customer_group_id",
     .type = BC_COL_INTEGER,
     .filter_eq = "customer_group_id:in",
     .filter_in = "customer_group_id:in",
     .description = "Customer group it applies to"},
    {.name = "channel_id",
     .type = BC_COL_INTEGER,
     .filter_eq = "channel_id:in",
     .filter_in = "channel_id:in",
     .description = "Channel it applies to"},
};

const bc_table_def bc_table_price_list_assignments = {
    .name = "PriceListAssignments",
    .endpoint = "/v3/pricelists/assignments",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .is_view = true,
    .parent_table = "PriceLists",
    .parent_column = "price_list_id",
    .parent_id_column = "id",
    .columns = price_list_assignments_columns,
    .ncolumns =
        (int)(sizeof price_list_assignments_columns / sizeof price_list_assignments_columns[0]),
    .description = "Assignments of price lists to customer groups and channels.",
};
