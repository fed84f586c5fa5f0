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
     .description = "The unique ID of the category tree."},
    {.name = "name",
     .type = BC_COL_VARCHAR,
     .length = 255,
     .description = "The name of the category tree."},
    {.name = "channels",
     .type = BC_COL_JSON,
     .description = "IDs of the channels that show this tree."},
};

const bc_table_def bc_table_category_trees = {
    .name = "CategoryTrees",
    .endpoint = "/v3/catalog/trees",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .columns = category_trees_columns,
    .ncolumns = (int)(sizeof category_trees_columns / sizeof category_trees_columns[0]),
    .description = "Category trees; each channel shows one tree.",
};

static const bc_column_def category_metafields_columns[] = {
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "The unique identifier for the metafield."},
    {.name = "permission_set",
     .type = BC_COL_VARCHAR,
     .description =
         "Determines the visibility and writeability of the field by other API consumers."},
    {.name = "namespace",
     .type = BC_COL_VARCHAR,
     .length = 64,
     .description = "Namespace for the metafield, for organizational purposes."},
    {.name = "key",
     .type = BC_COL_VARCHAR,
     .length = 64,
     .description = "The name of the field, for example: location_id, color."},
    {.name = "value",
     .type = BC_COL_LONGTEXT,
     .description = "The value of the field, for example: 1, blue."},
    {.name = "description",
     .type = BC_COL_LONGTEXT,
     .description = "Description for the metafields."},
    {.name = "resource_type",
     .type = BC_COL_VARCHAR,
     .description = "The type of resource with which the metafield is associated."},
    {.name = "resource_id",
     .type = BC_COL_INTEGER,
     .description = "ID of the category the metafield belongs to."},
    {.name = "date_created",
     .type = BC_COL_TIMESTAMP,
     .description = "Date and time of the metafield's creation."},
    {.name = "date_modified",
     .type = BC_COL_TIMESTAMP,
     .description = "Date and time when the metafield was last updated."},
    {.name = "owner_client_id",
     .type = BC_COL_VARCHAR,
     .description = "Client ID for the metafield's creator."},
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
     .description = "The unique identifier for the metafield."},
    {.name = "permission_set",
     .type = BC_COL_VARCHAR,
     .description =
         "Determines the visibility and writeability of the field by other API consumers."},
    {.name = "namespace",
     .type = BC_COL_VARCHAR,
     .length = 64,
     .description = "Namespace for the metafield, for organizational purposes."},
    {.name = "key",
     .type = BC_COL_VARCHAR,
     .length = 64,
     .description = "The name of the field, for example: location_id, color."},
    {.name = "value",
     .type = BC_COL_LONGTEXT,
     .description = "The value of the field, for example: 1, blue."},
    {.name = "description",
     .type = BC_COL_LONGTEXT,
     .description = "Description for the metafields."},
    {.name = "resource_type",
     .type = BC_COL_VARCHAR,
     .description = "The type of resource with which the metafield is associated."},
    {.name = "resource_id",
     .type = BC_COL_INTEGER,
     .description = "ID of the brand the metafield belongs to."},
    {.name = "date_created",
     .type = BC_COL_TIMESTAMP,
     .description = "Date and time of the metafield's creation."},
    {.name = "date_modified",
     .type = BC_COL_TIMESTAMP,
     .description = "Date and time when the metafield was last updated."},
    {.name = "owner_client_id",
     .type = BC_COL_VARCHAR,
     .description = "Client ID for the metafield's creator."},
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
