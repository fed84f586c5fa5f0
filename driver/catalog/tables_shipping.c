/*
 * Shipping API tables (shipping.v2.yml). The zone list is one unpaged array; methods are
 * read per zone ({zone_id} in the path); a zone's locations are the nested `locations`
 * array of each zone, exposed as a child view (rows_path).
 */
#include "bc_catalog.h"

static const bc_column_def shipping_zones_columns[] = {
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the shipping zone"},
    {.name = "name", .type = BC_COL_VARCHAR, .description = "Name of the shipping zone"},
    {.name = "type", .type = BC_COL_VARCHAR, .length = 7, .description = "zip, country or state"},
    {.name = "locations",
     .type = BC_COL_JSON,
     .description = "Places in the zone (JSON; also ShippingZoneLocations)"},
    {.name = "free_shipping", .type = BC_COL_JSON, .description = "Free shipping settings (JSON)"},
    {.name = "handling_fees", .type = BC_COL_JSON, .description = "Handling fee settings (JSON)"},
    {.name = "enabled", .type = BC_COL_BIT, .description = "Whether it is active"},
};

const bc_table_def bc_table_shipping_zones = {
    .name = "ShippingZones",
    .endpoint = "/v2/shipping/zones",
    .version = BC_API_V2,
    .paging = BC_PAGING_NONE,
    .id_path_endpoint = "/v2/shipping/zones/{id}",
    .columns = shipping_zones_columns,
    .ncolumns = (int)(sizeof shipping_zones_columns / sizeof shipping_zones_columns[0]),
    .description = "Shipping zones: the regions the store ships to.",
};

static const bc_column_def shipping_methods_columns[] = {
    {.name = "zone_id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PARENT_KEY | BC_COLF_NOT_NULL,
     .description = "Shipping zone it belongs to"},
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the shipping method"},
    {.name = "name", .type = BC_COL_VARCHAR, .description = "Name of the shipping method"},
    {.name = "type",
     .type = BC_COL_VARCHAR,
     .length = 12,
     .description = "Method kind: perorder, peritem, weight, total..."},
    {.name = "settings", .type = BC_COL_JSON, .description = "Rates and settings (JSON)"},
    {.name = "enabled", .type = BC_COL_BIT, .description = "Whether it is active"},
    {.name = "handling_fees", .type = BC_COL_JSON, .description = "Handling fee settings (JSON)"},
    {.name = "is_fallback", .type = BC_COL_BIT, .description = "Used when no other method applies"},
    {.name = "channel_ids", .type = BC_COL_JSON, .description = "Channels it applies to (JSON)"},
};

const bc_table_def bc_table_shipping_methods = {
    .name = "ShippingMethods",
    .endpoint = "/v2/shipping/zones/{zone_id}/methods",
    .version = BC_API_V2,
    .paging = BC_PAGING_NONE,
    .parent_table = "ShippingZones",
    .parent_column = "zone_id",
    .parent_id_column = "id",
    .columns = shipping_methods_columns,
    .ncolumns = (int)(sizeof shipping_methods_columns / sizeof shipping_methods_columns[0]),
    .description = "Shipping methods of each shipping zone.",
};

static const bc_column_def shipping_zone_locations_columns[] = {
    {.name = "zone_id",
     .type = BC_COL_INTEGER,
     .json_path = "id",
     .flags = BC_COLF_PARENT_KEY | BC_COLF_FROM_PARENT | BC_COLF_NOT_NULL,
     .description = "Shipping zone it belongs to"},
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the location"},
    {.name = "zip", .type = BC_COL_VARCHAR, .description = "Postal code"},
    {.name = "country_iso2",
     .type = BC_COL_VARCHAR,
     .length = 2,
     .description = "Two-letter country code"},
    {.name = "state_iso2", .type = BC_COL_VARCHAR, .description = "State code"},
};

const bc_table_def bc_table_shipping_zone_locations = {
    .name = "ShippingZoneLocations",
    .endpoint = "/v2/shipping/zones",
    .version = BC_API_V2,
    .paging = BC_PAGING_NONE,
    .is_view = true,
    .parent_table = "ShippingZones",
    .parent_column = "zone_id",
    .parent_id_column = "id",
    .rows_path = "locations",
    .columns = shipping_zone_locations_columns,
    .ncolumns =
        (int)(sizeof shipping_zone_locations_columns / sizeof shipping_zone_locations_columns[0]),
    .description = "Locations (countries, states, postal codes) that make up each shipping zone.",
};
