/*
 * Countries and their states or provinces (geography.v2.yml): v2 lists. States is the
 * store-wide list /v2/countries/states; each state carries its country_id.
 */
#include "bc_catalog.h"

static const bc_column_def countries_columns[] = {
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the country"},
    {.name = "country", .type = BC_COL_VARCHAR, .description = "Country name"},
    {.name = "country_iso2",
     .type = BC_COL_VARCHAR,
     .length = 2,
     .description = "Two-letter country code"},
    {.name = "country_iso3",
     .type = BC_COL_VARCHAR,
     .length = 3,
     .description = "Three-letter country code"},
    {.name = "states", .type = BC_COL_JSON, .description = "Link to the country's states (JSON)"},
};

const bc_table_def bc_table_countries = {
    .name = "Countries",
    .endpoint = "/v2/countries",
    .version = BC_API_V2,
    .paging = BC_PAGING_V2,
    .is_view = true,
    .count_endpoint = "/v2/countries/count",
    .id_path_endpoint = "/v2/countries/{id}",
    .columns = countries_columns,
    .ncolumns = (int)(sizeof countries_columns / sizeof countries_columns[0]),
    .description = "Countries known to the store.",
};

static const bc_column_def states_columns[] = {
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the state"},
    {.name = "state", .type = BC_COL_VARCHAR, .description = "State or province name"},
    {.name = "state_abbreviation",
     .type = BC_COL_VARCHAR,
     .description = "Short code of the state"},
    {.name = "country_id", .type = BC_COL_INTEGER, .description = "Country it is in"},
};

const bc_table_def bc_table_states = {
    .name = "States",
    .endpoint = "/v2/countries/states",
    .version = BC_API_V2,
    .paging = BC_PAGING_V2,
    .count_endpoint = "/v2/countries/states/count",
    .is_view = true,
    .columns = states_columns,
    .ncolumns = (int)(sizeof states_columns / sizeof states_columns[0]),
    .description = "States and provinces of the countries.",
};
