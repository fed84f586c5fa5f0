/*
 * Catalog-wide resources outside Products: CategoryTrees (/v3/catalog/trees) and the
 * batch metafield endpoints of categories and brands.
 * Columns follow the GET response objects of the official reference
 * (../shared/bigcommerce-openapi/); money is DECIMAL(20,4), nested objects JSON text.
 */
#include "bc_catalog.h"

static const bc_column_def category_trees_columns[] = {
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .filter_eq = "id:in",
     .filter_in = "id:in",
     .description = "Id of the category tree"},
    {.name = "name",
     .type = BC_COL_VARCHAR,
     .length = 255,
     .description = "Name of the category tree"},
    {.name = "channels", .type = BC_COL_JSON, .description = "Channels that show this tree (JSON)"},
};

const bc_table_def bc_table_category_trees = {
    .name = "CategoryTrees",
    .endpoint = "/v3/catalog/trees",
    .version = BC_API_V3,
    .paging = BC_PAGING_NONE, /* the reference declares no page/limit on this list */
    .columns = category_trees_columns,
    .ncolumns = (int)(sizeof category_trees_columns / sizeof category_trees_columns[0]),
    .description = "Category trees; each channel shows one tree.",
};

static const bc_column_def category_metafields_columns[] = {
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the metafield"},
    {.name = "permission_set",
     .type = BC_COL_VARCHAR,
     .length = 19,
     .description = "Who may read and write it: the owning app, other apps, storefront"},
    {.name = "namespace",
     .type = BC_COL_VARCHAR,
     .length = 64,
     .description = "Group the key belongs to"},
    {.name = "key", .type = BC_COL_VARCHAR, .length = 64, .description = "Name of the metafield"},
    {.name = "value", .type = BC_COL_LONGTEXT, .description = "Stored value"},
    {.name = "description",
     .type = BC_COL_LONGTEXT,
     .description = "Free text about the metafield"},
    {.name = "resource_type",
     .type = BC_COL_VARCHAR,
     .length = 8,
     .description = "Kind of object it is attached to"},
    {.name = "resource_id", .type = BC_COL_INTEGER, .description = "Category it is attached to"},
    {.name = "date_created",
     .type = BC_COL_TIMESTAMP,
     .description = "When the metafield was created"},
    {.name = "date_modified",
     .type = BC_COL_TIMESTAMP,
     .description = "When the metafield was last changed"},
    {.name = "owner_client_id",
     .type = BC_COL_VARCHAR,
     .description = "API client that created it"},
};

const bc_table_def bc_table_category_metafields = {
    .name = "CategoryMetafields",
    .endpoint = "/v3/catalog/categories/metafields",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .parent_table = "Categories",
    .parent_column = "resource_id",
    .parent_id_column = "id",
    .columns = category_metafields_columns,
    .ncolumns = (int)(sizeof category_metafields_columns / sizeof category_metafields_columns[0]),
    .description = "Metafields that apps attach to categories.",
};

static const bc_column_def brand_metafields_columns[] = {
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the metafield"},
    {.name = "permission_set",
     .type = BC_COL_VARCHAR,
     .length = 19,
     .description = "Who may read and write it: the owning app, other apps, storefront"},
    {.name = "namespace",
     .type = BC_COL_VARCHAR,
     .length = 64,
     .description = "Group the key belongs to"},
    {.name = "key", .type = BC_COL_VARCHAR, .length = 64, .description = "Name of the metafield"},
    {.name = "value", .type = BC_COL_LONGTEXT, .description = "Stored value"},
    {.name = "description",
     .type = BC_COL_LONGTEXT,
     .description = "Free text about the metafield"},
    {.name = "resource_type",
     .type = BC_COL_VARCHAR,
     .length = 8,
     .description = "Kind of object it is attached to"},
    {.name = "resource_id", .type = BC_COL_INTEGER, .description = "Brand it is attached to"},
    {.name = "date_created",
     .type = BC_COL_TIMESTAMP,
     .description = "When the metafield was created"},
    {.name = "date_modified",
     .type = BC_COL_TIMESTAMP,
     .description = "When the metafield was last changed"},
    {.name = "owner_client_id",
     .type = BC_COL_VARCHAR,
     .description = "API client that created it"},
};

const bc_table_def bc_table_brand_metafields = {
    .name = "BrandMetafields",
    .endpoint = "/v3/catalog/brands/metafields",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .parent_table = "Brands",
    .parent_column = "resource_id",
    .parent_id_column = "id",
    .columns = brand_metafields_columns,
    .ncolumns = (int)(sizeof brand_metafields_columns / sizeof brand_metafields_columns[0]),
    .description = "Metafields that apps attach to brands.",
};
