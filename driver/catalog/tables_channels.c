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
     .description = "The ID of the channel."},
    {.name = "external_id",
     .type = BC_COL_VARCHAR,
     .description = "Associated ID within a system / platform outside of BC."},
    {.name = "is_listable_from_ui",
     .type = BC_COL_BIT,
     .description = "Indicates if a channel can create listings from the BigCommerce UI."},
    {.name = "is_enabled",
     .type = BC_COL_BIT,
     .description = "This deprecated field was originally used to enable or disable a channel."},
    {.name = "is_visible",
     .type = BC_COL_BIT,
     .description = "Indicates if a channel is visible within the BigCommerce merchant admin UI "
                    "(control panel)."},
    {.name = "status",
     .type = BC_COL_VARCHAR,
     .description = "The status of the channel; channel type, platform, and status must be a valid "
                    "combination."},
    {.name = "name",
     .type = BC_COL_VARCHAR,
     .flags = BC_COLF_NOT_NULL,
     .description = "Name of the channel as it will appear in the store control panel."},
    {.name = "type",
     .type = BC_COL_VARCHAR,
     .description = "The type of channel; channel platform and type must be a valid combination."},
    {.name = "platform",
     .type = BC_COL_VARCHAR,
     .description = "The name of the platform for the channel; channel platform and type must be a "
                    "valid combination."},
    {.name = "date_created",
     .type = BC_COL_TIMESTAMP,
     .description = "Date on which the channel was first created."},
    {.name = "date_modified",
     .type = BC_COL_TIMESTAMP,
     .description = "Date on which the channel was most recently changed."},
    {.name = "icon_url", .type = BC_COL_VARCHAR, .description = "Link to the platform icon."},
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
     .description = "The ID of the channel associated with this channel listing."},
    {.name = "listing_id",
     .type = BC_COL_BIGINT,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "The ID of the channel listing that has been created, returned, or updated."},
    {.name = "external_id",
     .type = BC_COL_VARCHAR,
     .description = "Associated ID within a system / platform outside of BC."},
    {.name = "product_id",
     .type = BC_COL_BIGINT,
     .filter_eq = "product_id:in",
     .filter_in = "product_id:in",
     .description = "The ID of the product associated with this channel listing."},
    {.name = "state",
     .type = BC_COL_VARCHAR,
     .description = "The state of the product assignment or channel listing."},
    {.name = "name",
     .type = BC_COL_VARCHAR,
     .description = "Name of the product for this channel listing specifically."},
    {.name = "description",
     .type = BC_COL_LONGTEXT,
     .description = "Description of the product for this channel listing specifically."},
    {.name = "date_created",
     .type = BC_COL_TIMESTAMP,
     .description = "Date on which the channel listing was first created."},
    {.name = "date_modified",
     .type = BC_COL_TIMESTAMP,
     .description = "Date on which the channel listing was most recently changed."},
    {.name = "variants",
     .type = BC_COL_JSON,
     .description = "The listing's variants: product variant, state and name per channel."},
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
     .description = "The ID of the site."},
    {.name = "url",
     .type = BC_COL_VARCHAR,
     .description =
         "The fully qualified URL (including host and scheme) where this site is hosted."},
    {.name = "channel_id",
     .type = BC_COL_INTEGER,
     .filter_eq = "channel_id:in",
     .filter_in = "channel_id:in",
     .description = "The channel to which this site is attached."},
    {.name = "created_at",
     .type = BC_COL_TIMESTAMP,
     .description = "The date-time that this site was created, formatted as an RFC-3339 string."},
    {.name = "updated_at",
     .type = BC_COL_TIMESTAMP,
     .description =
         "The date-time that this site was last updated, formatted as an RFC-3339 string."},
    {.name = "ssl_status",
     .type = BC_COL_VARCHAR,
     .description = "Indicates whether a site is using a private/dedicated SSL or a shared SSL."},
    {.name = "urls",
     .type = BC_COL_JSON,
     .description =
         "All URLs that belong to the site, including primary, canonical, and checkout URLs."},
    {.name = "is_checkout_url_customized",
     .type = BC_COL_BIT,
     .description = "Indicates whether the channel uses a custom checkout domain."},
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
