/*
 * Webhooks (webhooks.v3.yml) registered by the API account. created_at and updated_at are
 * UNIX epoch seconds in the API, so they stay integers.
 */
#include "bc_catalog.h"

static const bc_column_def webhooks_columns[] = {
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "The ID of the webhook."},
    {.name = "client_id",
     .type = BC_COL_VARCHAR,
     .description = "Client ID of the app that created the webhook."},
    {.name = "store_hash",
     .type = BC_COL_VARCHAR,
     .description = "Hash of the store the webhook belongs to."},
    {.name = "scope",
     .type = BC_COL_VARCHAR,
     .description = "Event the webhook subscribes to, e.g. store/order/created."},
    {.name = "destination", .type = BC_COL_VARCHAR, .description = "URL the events are sent to."},
    {.name = "headers", .type = BC_COL_JSON, .description = "Headers sent with each event."},
    {.name = "is_active", .type = BC_COL_BIT, .description = "Whether the webhook is active."},
    {.name = "created_at",
     .type = BC_COL_BIGINT,
     .description = "The time the webhook was created, represented in UNIX epoch time."},
    {.name = "updated_at",
     .type = BC_COL_BIGINT,
     .description =
         "The time the webhook was most recently updated, represented in UNIX epoch time."},
};

const bc_table_def bc_table_webhooks = {
    .name = "Webhooks",
    .endpoint = "/v3/hooks",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .is_view = true,
    .id_path_endpoint = "/v3/hooks/{id}",
    .columns = webhooks_columns,
    .ncolumns = (int)(sizeof webhooks_columns / sizeof webhooks_columns[0]),
    .description = "Webhooks registered by the API account.",
};
