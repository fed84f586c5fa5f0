/*
 * Channels API tables (channels.v3.yml) and the sites of the channels (sites.v3.yml).
 * The channel list has no id filter, so id = ? uses the single-object path. Listings are
 * read per channel ({channel_id} in the path); the listing endpoint pages with a cursor
 * (?after=), not page numbers.
 */
#include "bc_catalog.h"

static const bc_column_def channels_columns[] = {
    {.name = "id",
     .type = BC_COL_BIGINT,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the channel"},
    {.name = "external_id", .type = BC_COL_VARCHAR, .description = "Id in an external system"},
    {.name = "is_listable_from_ui",
     .type = BC_COL_BIT,
     .description = "Products can be listed on it from the control panel"},
    {.name = "is_enabled",
     .type = BC_COL_BIT,
     .description = "Whether the channel is on (older flag; see status)"},
    {.name = "is_visible", .type = BC_COL_BIT, .description = "Shown in the control panel"},
    {.name = "status", .type = BC_COL_VARCHAR, .length = 12, .description = "State of the channel"},
    {.name = "name",
     .type = BC_COL_VARCHAR,
     .flags = BC_COLF_NOT_NULL,
     .description = "Name of the channel"},
    {.name = "type",
     .type = BC_COL_VARCHAR,
     .length = 11,
     .description = "storefront, marketplace, pos, marketing"},
    {.name = "platform", .type = BC_COL_VARCHAR, .description = "Platform the channel runs on"},
    {.name = "date_created",
     .type = BC_COL_TIMESTAMP,
     .description = "When the channel was created"},
    {.name = "date_modified",
     .type = BC_COL_TIMESTAMP,
     .description = "When the channel was last changed"},
    {.name = "icon_url", .type = BC_COL_VARCHAR, .description = "Icon shown for the channel"},
};

const bc_table_def bc_table_channels = {
    .name = "Channels",
    .endpoint = "/v3/channels",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .id_path_endpoint = "/v3/channels/{id}",
    .columns = channels_columns,
    .ncolumns = (int)(sizeof channels_columns / sizeof channels_columns[0]),
    .description =
        "Sales channels of the store: storefronts, marketplaces, POS and marketing channels.",
};

static const bc_column_def channel_listings_columns[] = {
    {.name = "channel_id",
     .type = BC_COL_BIGINT,
     .flags = BC_COLF_PARENT_KEY | BC_COLF_NOT_NULL,
     .description = "Channel it belongs to"},
    {.name = "listing_id",
     .type = BC_COL_BIGINT,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the listing on its channel"},
    {.name = "external_id", .type = BC_COL_VARCHAR, .description = "Id in an external system"},
    {.name = "product_id",
     .type = BC_COL_BIGINT,
     .filter_eq = "product_id:in",
     .filter_in = "product_id:in",
     .description = "Product listed"},
    {.name = "state",
     .type = BC_COL_VARCHAR,
     .length = 18,
     .description = "Listing state on the channel"},
    {.name = "name", .type = BC_COL_VARCHAR, .description = "Product name used on the channel"},
    {.name = "description",
     .type = BC_COL_LONGTEXT,
     .description = "Product description used on the channel"},
    {.name = "date_created",
     .type = BC_COL_TIMESTAMP,
     .description = "When the listing was created"},
    {.name = "date_modified",
     .type = BC_COL_TIMESTAMP,
     .description = "When the listing was last changed"},
    {.name = "variants",
     .type = BC_COL_JSON,
     .description = "Listed variants with their own names and states (JSON)"},
};

const bc_table_def bc_table_channel_listings = {
    .name = "ChannelListings",
    .endpoint = "/v3/channels/{channel_id}/listings",
    .version = BC_API_V3,
    .paging = BC_PAGING_CURSOR,
    .parent_table = "Channels",
    .parent_column = "channel_id",
    .parent_id_column = "id",
    .columns = channel_listings_columns,
    .ncolumns = (int)(sizeof channel_listings_columns / sizeof channel_listings_columns[0]),
    .description =
        "Products listed on each channel, with their channel-specific name, description and state.",
};

static const bc_column_def sites_columns[] = {
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the site"},
    {.name = "url", .type = BC_COL_VARCHAR, .description = "Primary storefront address"},
    {.name = "channel_id",
     .type = BC_COL_INTEGER,
     .filter_eq = "channel_id:in",
     .filter_in = "channel_id:in",
     .description = "Channel it belongs to"},
    {.name = "created_at", .type = BC_COL_TIMESTAMP, .description = "When the site was created"},
    {.name = "updated_at",
     .type = BC_COL_TIMESTAMP,
     .description = "When the site was last changed"},
    {.name = "ssl_status",
     .type = BC_COL_VARCHAR,
     .length = 9,
     .description = "Whether a dedicated or shared certificate serves it"},
    {.name = "urls", .type = BC_COL_JSON, .description = "All addresses of the site (JSON)"},
    {.name = "is_checkout_url_customized",
     .type = BC_COL_BIT,
     .description = "Checkout runs on its own address"},
};

const bc_table_def bc_table_sites = {
    .name = "Sites",
    .endpoint = "/v3/sites",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .is_view = true,
    .id_path_endpoint = "/v3/sites/{id}",
    .columns = sites_columns,
    .ncolumns = (int)(sizeof sites_columns / sizeof sites_columns[0]),
    .description = "Sites (storefront URLs) attached to the channels.",
};
