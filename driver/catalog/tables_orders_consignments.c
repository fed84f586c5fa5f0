/*
 * Consignments of an order (/v2/orders/{order_id}/consignments): one object per order, the
 * OrderConsignments view, whose arrays shipping, pickups, downloads and
 * email.gift_certificates are four child views of it (the document has no order id: the
 * path's key fills order_id); and the shipping quote of each shipping consignment, whose
 * path needs two keys (order and consignment).
 */
#include <stdbool.h>
#include "bc_catalog.h"
#include "columns_v2_shipping.h"

static const bc_column_def order_consignments_columns[] = {
    {.name = "order_id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_PARENT_KEY | BC_COLF_NOT_NULL,
     .description = "Order it belongs to"},
    {.name = "pickups", .type = BC_COL_JSON, .description = "Pickup consignments (JSON)"},
    {.name = "shipping", .type = BC_COL_JSON, .description = "Shipping consignments (JSON)"},
    {.name = "downloads", .type = BC_COL_JSON, .description = "Download consignments (JSON)"},
    {.name = "email", .type = BC_COL_JSON, .description = "Email consignments (JSON)"},
};

const bc_table_def bc_table_order_consignments = {
    .name = "OrderConsignments",
    .endpoint = "/v2/orders/{order_id}/consignments",
    .version = BC_API_V2,
    .paging = BC_PAGING_NONE,
    .is_view = true,
    .parent_table = "Orders",
    .parent_column = "order_id",
    .parent_id_column = "id",
    .columns = order_consignments_columns,
    .ncolumns = (int)(sizeof order_consignments_columns / sizeof order_consignments_columns[0]),
    .description =
        "The consignments document of each order; its arrays are the four *Consignments views.",
};

static const bc_column_def download_consignments_columns[] = {
    {.name = "order_id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_PARENT_KEY | BC_COLF_NOT_NULL,
     .description = "Order it belongs to"},
    {.name = "recipient_email",
     .type = BC_COL_VARCHAR,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Email address it is delivered to"},
    {.name = "line_items", .type = BC_COL_JSON, .description = "Items it contains (JSON)"},
};

const bc_table_def bc_table_download_consignments = {
    .name = "DownloadConsignments",
    .endpoint = "/v2/orders/{order_id}/consignments",
    .version = BC_API_V2,
    .paging = BC_PAGING_NONE,
    .is_view = true,
    .parent_table = "OrderConsignments",
    .parent_column = "order_id",
    .parent_id_column = "order_id",
    .rows_path = "downloads",
    .columns = download_consignments_columns,
    .ncolumns =
        (int)(sizeof download_consignments_columns / sizeof download_consignments_columns[0]),
    .description = "Digital consignments of each order: products delivered by download.",
};

static const bc_column_def email_consignments_columns[] = {
    {.name = "order_id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_PARENT_KEY | BC_COLF_NOT_NULL,
     .description = "Order it belongs to"},
    {.name = "recipient_email",
     .type = BC_COL_VARCHAR,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Email address it is delivered to"},
    {.name = "line_items", .type = BC_COL_JSON, .description = "Items it contains (JSON)"},
};

const bc_table_def bc_table_email_consignments = {
    .name = "EmailConsignments",
    .endpoint = "/v2/orders/{order_id}/consignments",
    .version = BC_API_V2,
    .paging = BC_PAGING_NONE,
    .is_view = true,
    .parent_table = "OrderConsignments",
    .parent_column = "order_id",
    .parent_id_column = "order_id",
    .rows_path = "email.gift_certificates",
    .columns = email_consignments_columns,
    .ncolumns = (int)(sizeof email_consignments_columns / sizeof email_consignments_columns[0]),
    .description = "Email consignments of each order: gift certificates sent by email.",
};

static const bc_column_def pickup_consignments_columns[] = {
    {.name = "order_id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PARENT_KEY | BC_COLF_NOT_NULL,
     .description = "Order it belongs to"},
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the consignment"},
    {.name = "pickup_method_id", .type = BC_COL_INTEGER, .description = "Pickup method"},
    {.name = "pickup_method_display_name",
     .type = BC_COL_VARCHAR,
     .length = 250,
     .description = "Pickup method name"},
    {.name = "collection_instructions", .type = BC_COL_VARCHAR, .description = "How to collect"},
    {.name = "collection_time_description",
     .type = BC_COL_VARCHAR,
     .length = 250,
     .description = "When to collect"},
    {.name = "location", .type = BC_COL_JSON, .description = "Pickup location (JSON)"},
    {.name = "line_items", .type = BC_COL_JSON, .description = "Items it contains (JSON)"},
};

const bc_table_def bc_table_pickup_consignments = {
    .name = "PickupConsignments",
    .endpoint = "/v2/orders/{order_id}/consignments",
    .version = BC_API_V2,
    .paging = BC_PAGING_NONE,
    .is_view = true,
    .parent_table = "OrderConsignments",
    .parent_column = "order_id",
    .parent_id_column = "order_id",
    .rows_path = "pickups",
    .columns = pickup_consignments_columns,
    .ncolumns = (int)(sizeof pickup_consignments_columns / sizeof pickup_consignments_columns[0]),
    .description = "Pickup consignments of each order: items collected in person.",
};

static const bc_column_def shipping_consignments_columns[] = {
    {.name = "order_id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PARENT_KEY | BC_COLF_NOT_NULL,
     .description = "Order it belongs to"},
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the consignment"},
    BC_V2_ADDRESS_COLUMNS,
    BC_V2_SHIPPING_COST_COLUMNS,
    {.name = "form_fields",
     .type = BC_COL_JSON,
     .description = "Values of the store's custom form fields (JSON)"},
    {.name = "line_items", .type = BC_COL_JSON, .description = "Items it contains (JSON)"},
    {.name = "shipping_quotes",
     .type = BC_COL_JSON,
     .description = "Quote chosen for this address (JSON)"},
};

const bc_table_def bc_table_shipping_consignments = {
    .name = "ShippingConsignments",
    .endpoint = "/v2/orders/{order_id}/consignments",
    .version = BC_API_V2,
    .paging = BC_PAGING_NONE,
    .is_view = true,
    .parent_table = "OrderConsignments",
    .parent_column = "order_id",
    .parent_id_column = "order_id",
    .rows_path = "shipping",
    .columns = shipping_consignments_columns,
    .ncolumns =
        (int)(sizeof shipping_consignments_columns / sizeof shipping_consignments_columns[0]),
    .description = "Shipping consignments of each order: items shipped to one address.",
};

static const bc_column_def shipping_consignment_quotes_columns[] = {
    {.name = "order_id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PARENT_KEY | BC_COLF_NOT_NULL,
     .description = "Order it belongs to"},
    {.name = "shipping_consignment_id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PARENT_KEY | BC_COLF_NOT_NULL,
     .description = "Shipping consignment quoted"},
    {.name = "id",
     .type = BC_COL_VARCHAR,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the quote"},
    {.name = "uuid", .type = BC_COL_VARCHAR, .length = 36, .description = "Unique id of the quote"},
    {.name = "timestamp", .type = BC_COL_TIMESTAMP, .description = "When it was quoted"},
    {.name = "shipping_provider_id", .type = BC_COL_VARCHAR, .description = "Shipping provider"},
    {.name = "shipping_provider_quote",
     .type = BC_COL_JSON,
     .description = "Provider's quote details (JSON)"},
    {.name = "provider_code", .type = BC_COL_VARCHAR, .description = "Provider code"},
    {.name = "carrier_code", .type = BC_COL_VARCHAR, .description = "Carrier code"},
    {.name = "rate_code", .type = BC_COL_VARCHAR, .description = "Rate code"},
    {.name = "rate_id", .type = BC_COL_VARCHAR, .description = "Rate id"},
    {.name = "method_id", .type = BC_COL_INTEGER, .description = "Shipping method"},
};

const bc_table_def bc_table_shipping_consignment_quotes = {
    .name = "ShippingConsignmentQuotes",
    .endpoint =
        "/v2/orders/{order_id}/consignments/shipping/{shipping_consignment_id}/shipping_quotes",
    .version = BC_API_V2,
    .paging = BC_PAGING_NONE,
    .is_view = true,
    .parent_table = "ShippingConsignments",
    .parent_column = "shipping_consignment_id",
    .parent_id_column = "id",
    .columns = shipping_consignment_quotes_columns,
    .ncolumns = (int)(sizeof shipping_consignment_quotes_columns /
                      sizeof shipping_consignment_quotes_columns[0]),
    .description = "The shipping quote chosen for each shipping consignment.",
};
