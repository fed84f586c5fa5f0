/*
 * Product media and descriptive sub-resources (/v3/catalog/products/{product_id}/...):
 * images, videos, custom fields and metafields. Each is a child of Products: with
 * product_id = X it costs one request. Images, videos and custom fields also come inside
 * the product list under include= (parent_include), so a scan of every product's or a
 * join's reads them through that list; metafields have no include, and without product_id
 * the engine walks Products for them.
 * Columns follow the GET response objects of the official reference
 * (../shared/bigcommerce-openapi/); money is DECIMAL(20,4), nested objects JSON text.
 */
#include "bc_catalog.h"

static const bc_column_def product_images_columns[] = {
    {.name = "product_id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PARENT_KEY | BC_COLF_NOT_NULL,
     .description = "Product it belongs to"},
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the image"},
    {.name = "is_thumbnail", .type = BC_COL_BIT, .description = "Used as the product thumbnail"},
    {.name = "sort_order", .type = BC_COL_INTEGER, .description = "Position in sorted lists"},
    {.name = "description", .type = BC_COL_LONGTEXT, .description = "Alternative text"},
    {.name = "date_modified",
     .type = BC_COL_TIMESTAMP,
     .description = "When the image was last changed"},
    {.name = "image_url",
     .type = BC_COL_VARCHAR,
     .description = "Address the image was loaded from"},
    {.name = "image_file", .type = BC_COL_VARCHAR, .description = "Stored file path"},
    {.name = "url_zoom", .type = BC_COL_VARCHAR, .description = "Zoom-size image address"},
    {.name = "url_standard", .type = BC_COL_VARCHAR, .description = "Standard-size image address"},
    {.name = "url_thumbnail",
     .type = BC_COL_VARCHAR,
     .description = "Thumbnail-size image address"},
    {.name = "url_tiny", .type = BC_COL_VARCHAR, .description = "Tiny image address"},
};

const bc_table_def bc_table_product_images = {
    .name = "ProductImages",
    .endpoint = "/v3/catalog/products/{product_id}/images",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .parent_table = "Products",
    .parent_column = "product_id",
    .parent_id_column = "id",
    .parent_include = "images",
    .columns = product_images_columns,
    .ncolumns = (int)(sizeof product_images_columns / sizeof product_images_columns[0]),
    .description = "Images of a product.",
};

static const bc_column_def product_videos_columns[] = {
    {.name = "product_id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PARENT_KEY | BC_COLF_NOT_NULL,
     .description = "Product it belongs to"},
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the video"},
    {.name = "title", .type = BC_COL_VARCHAR, .length = 255, .description = "Title"},
    {.name = "description", .type = BC_COL_LONGTEXT, .description = "Free text about the video"},
    {.name = "sort_order", .type = BC_COL_INTEGER, .description = "Position in sorted lists"},
    {.name = "type", .type = BC_COL_VARCHAR, .length = 7, .description = "Video host (youtube)"},
    {.name = "video_id", .type = BC_COL_VARCHAR, .description = "Id of the video at its host"},
    {.name = "length", .type = BC_COL_VARCHAR, .description = "Running time"},
};

const bc_table_def bc_table_product_videos = {
    .name = "ProductVideos",
    .endpoint = "/v3/catalog/products/{product_id}/videos",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .is_view = true,
    .parent_table = "Products",
    .parent_column = "product_id",
    .parent_id_column = "id",
    .parent_include = "videos",
    .columns = product_videos_columns,
    .ncolumns = (int)(sizeof product_videos_columns / sizeof product_videos_columns[0]),
    .description = "YouTube videos shown on a product page.",
};

static const bc_column_def product_custom_fields_columns[] = {
    {.name = "product_id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PARENT_KEY | BC_COLF_NOT_NULL,
     .description = "Product it belongs to"},
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the custom field"},
    {.name = "name",
     .type = BC_COL_VARCHAR,
     .length = 250,
     .flags = BC_COLF_NOT_NULL,
     .description = "Field name"},
    {.name = "value",
     .type = BC_COL_VARCHAR,
     .length = 250,
     .flags = BC_COLF_NOT_NULL,
     .description = "Field value"},
};

const bc_table_def bc_table_product_custom_fields = {
    .name = "ProductCustomFields",
    .endpoint = "/v3/catalog/products/{product_id}/custom-fields",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .is_view = true,
    .parent_table = "Products",
    .parent_column = "product_id",
    .parent_id_column = "id",
    .parent_include = "custom_fields",
    .columns = product_custom_fields_columns,
    .ncolumns =
        (int)(sizeof product_custom_fields_columns / sizeof product_custom_fields_columns[0]),
    .description = "Custom name/value fields of a product.",
};

static const bc_column_def product_metafields_columns[] = {
    {.name = "product_id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PARENT_KEY | BC_COLF_NOT_NULL,
     .description = "Product it belongs to"},
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the metafield"},
    {.name = "key",
     .type = BC_COL_VARCHAR,
     .length = 64,
     .flags = BC_COLF_NOT_NULL,
     .description = "Name of the metafield"},
    {.name = "value",
     .type = BC_COL_LONGTEXT,
     .flags = BC_COLF_NOT_NULL,
     .description = "Stored value"},
    {.name = "namespace",
     .type = BC_COL_VARCHAR,
     .length = 64,
     .flags = BC_COLF_NOT_NULL,
     .description = "Group the key belongs to"},
    {.name = "permission_set",
     .type = BC_COL_VARCHAR,
     .length = 19,
     .flags = BC_COLF_NOT_NULL,
     .description = "Who may read and write it: the owning app, other apps, storefront"},
    {.name = "description",
     .type = BC_COL_LONGTEXT,
     .description = "Free text about the metafield"},
    {.name = "resource_type",
     .type = BC_COL_VARCHAR,
     .length = 8,
     .description = "Kind of object it is attached to"},
    {.name = "resource_id",
     .type = BC_COL_INTEGER,
     .description = "Id of the object it is attached to"},
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

const bc_table_def bc_table_product_metafields = {
    .name = "ProductMetafields",
    .endpoint = "/v3/catalog/products/{product_id}/metafields",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .parent_table = "Products",
    .parent_column = "product_id",
    .parent_id_column = "id",
    .columns = product_metafields_columns,
    .ncolumns = (int)(sizeof product_metafields_columns / sizeof product_metafields_columns[0]),
    .description = "Metafields that apps attach to a product.",
};
