/*
 * Multi-location inventory: InventoryLocations (/v3/inventory/locations) and
 * InventoryItems (/v3/inventory/items), one row per variant with its stock per location.
 * Columns follow the GET response objects of the official reference
 * (../shared/bigcommerce-openapi/); money is DECIMAL(20,4), nested objects JSON text.
 */
#include "bc_catalog.h"

static const bc_column_def inventory_locations_columns[] = {
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .filter_eq = "location_id:in",
     .filter_in = "location_id:in",
     .description = "Id of the location"},
    {.name = "code",
     .type = BC_COL_VARCHAR,
     .length = 255,
     .description = "Merchant's code for the location"},
    {.name = "label", .type = BC_COL_VARCHAR, .length = 255, .description = "Location name"},
    {.name = "description", .type = BC_COL_LONGTEXT, .description = "Free text about the location"},
    {.name = "managed_by_external_source",
     .type = BC_COL_BIT,
     .description = "Stock is kept by an outside system"},
    {.name = "type_id", .type = BC_COL_VARCHAR, .length = 8, .description = "PHYSICAL or VIRTUAL"},
    {.name = "enabled", .type = BC_COL_BIT, .description = "Whether the location is in use"},
    {.name = "operating_hours",
     .type = BC_COL_JSON,
     .description = "Opening hours per weekday (JSON)"},
    {.name = "time_zone", .type = BC_COL_VARCHAR, .description = "Time zone of the location"},
    {.name = "created_at",
     .type = BC_COL_TIMESTAMP,
     .description = "When the location was created"},
    {.name = "updated_at",
     .type = BC_COL_TIMESTAMP,
     .description = "When the location was last changed"},
    {.name = "address",
     .type = BC_COL_JSON,
     .description = "Postal address and coordinates (JSON)"},
    {.name = "storefront_visibility", .type = BC_COL_BIT, .description = "Shown to shoppers"},
    {.name = "special_hours",
     .type = BC_COL_JSON,
     .description = "Opening hours on special days (JSON)"},
};

const bc_table_def bc_table_inventory_locations = {
    .name = "InventoryLocations",
    .endpoint = "/v3/inventory/locations",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .columns = inventory_locations_columns,
    .ncolumns = (int)(sizeof inventory_locations_columns / sizeof inventory_locations_columns[0]),
    .description = "Locations (warehouses, shops) that hold inventory.",
};

static const bc_column_def inventory_items_columns[] = {
    {.name = "variant_id",
     .type = BC_COL_INTEGER,
     .json_path = "identity.variant_id",
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .filter_eq = "variant_id:in",
     .filter_in = "variant_id:in",
     .description = "Variant whose stock it is"},
    {.name = "product_id",
     .type = BC_COL_INTEGER,
     .json_path = "identity.product_id",
     .filter_eq = "product_id:in",
     .filter_in = "product_id:in",
     .description = "Product of the variant"},
    {.name = "sku",
     .type = BC_COL_VARCHAR,
     .json_path = "identity.sku",
     .length = 255,
     .description = "Stock keeping unit code"},
    {.name = "sku_id",
     .type = BC_COL_INTEGER,
     .json_path = "identity.sku_id",
     .description = "Id of the matching v2 SKU (NULL for a base variant)"},
    {.name = "locations", .type = BC_COL_JSON, .description = "Stock levels per location (JSON)"},
};

const bc_table_def bc_table_inventory_items = {
    .name = "InventoryItems",
    .endpoint = "/v3/inventory/items",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .is_view = true,
    .parent_table = "Products",
    .parent_column = "product_id",
    .parent_id_column = "id",
    .columns = inventory_items_columns,
    .ncolumns = (int)(sizeof inventory_items_columns / sizeof inventory_items_columns[0]),
    .description = "Stock of each variant, with its levels per location.",
};
