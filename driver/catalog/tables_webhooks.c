/*
 * Webhooks (webhooks.v3.yml) registered by the API account. created_at and updated_at are
 * UNIX epoch seconds in the API, so they stay integers.
 */
#include "bc_catalog.h"

static const bc_column_def webhooks_columns[] = {
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the webhook"},
    {.name = "client_id", .type = BC_COL_VARCHAR, .description = "API client that registered it"},
    {.name = "store_hash", .type = BC_COL_VARCHAR, .description = "Store it belongs to"},
    {.name = "scope", .type = BC_COL_VARCHAR, .description = "Event it listens to"},
    {.name = "destination", .type = BC_COL_VARCHAR, .description = "Address events are sent to"},
    {.name = "headers",
     .type = BC_COL_JSON,
     .description = "Extra headers sent with events (JSON)"},
    {.name = "is_active", .type = BC_COL_BIT, .description = "Sends events"},
    {.name = "created_at",
     .type = BC_COL_BIGINT,
     .description = "When it was registered (Unix seconds)"},
    {.name = "updated_at",
     .type = BC_COL_BIGINT,
     .description = "When it was last changed (Unix seconds)"},
};

const bc_table_def bc_table_webhooks = {
    .name = "Webhooks",
    .endpoint = "/v3/hooks",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .id_path_endpoint = "/v3/hooks/{id}",
    .columns = webhooks_columns,
    .ncolumns = (int)(sizeof webhooks_columns / sizeof webhooks_columns[0]),
    .description = "Webhooks registered by the API account.",
};
