/*
 * Product pricing rules and reviews (/v3/catalog/products/{product_id}/...): bulk pricing
 * rules, complex rules and reviews, each a child of Products read per product id. Bulk
 * pricing rules also come inside the product list under include=bulk_pricing_rules
 * (parent_include), as the same objects, without product_id. Reviews are an include too,
 * but the reference does not give their shape inside a product: they keep their endpoint.
 * Columns follow the GET response objects of the official reference
 * (../shared/bigcommerce-openapi/); money is DECIMAL(20,4), nested objects JSON text.
 */
#include "bc_catalog.h"

static const bc_column_def product_bulk_pricing_rules_columns[] = {
    {.name = "product_id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PARENT_KEY | BC_COLF_NOT_NULL,
     .description = "Product it belongs to"},
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the rule"},
    {.name = "quantity_min",
     .type = BC_COL_INTEGER,
     .description = "Smallest quantity it applies to"},
    {.name = "quantity_max",
     .type = BC_COL_INTEGER,
     .description = "Largest quantity it applies to (0 = no limit)"},
    {.name = "type", .type = BC_COL_VARCHAR, .length = 7, .description = "price, percent or fixed"},
    {.name = "amount", .type = BC_COL_DECIMAL, .description = "Discount or price, by type"},
};

const bc_table_def bc_table_product_bulk_pricing_rules = {
    .name = "ProductBulkPricingRules",
    .endpoint = "/v3/catalog/products/{product_id}/bulk-pricing-rules",
    .version = BC_API_V3,
    .paging = BC_PAGING_NONE, /* the reference declares no page/limit on this list */
    .is_view = true,
    .parent_table = "Products",
    .parent_column = "product_id",
    .parent_id_column = "id",
    .parent_include = "bulk_pricing_rules",
    .columns = product_bulk_pricing_rules_columns,
    .ncolumns = (int)(sizeof product_bulk_pricing_rules_columns /
                      sizeof product_bulk_pricing_rules_columns[0]),
    .description = "Quantity-based price adjustments of a product.",
};

static const bc_column_def product_rules_columns[] = {
    {.name = "product_id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PARENT_KEY | BC_COLF_NOT_NULL,
     .description = "Product it belongs to"},
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the rule"},
    {.name = "sort_order", .type = BC_COL_INTEGER, .description = "Position in sorted lists"},
    {.name = "enabled", .type = BC_COL_BIT, .description = "Whether the rule applies"},
    {.name = "stop",
     .type = BC_COL_BIT,
     .description = "Stop applying further rules after this one"},
    {.name = "purchasing_disabled", .type = BC_COL_BIT, .description = "Cannot be bought"},
    {.name = "purchasing_disabled_message",
     .type = BC_COL_LONGTEXT,
     .description = "Text shown when it cannot be bought"},
    {.name = "purchasing_hidden", .type = BC_COL_BIT, .description = "Hides the product"},
    {.name = "image_url", .type = BC_COL_VARCHAR, .description = "Image shown when it applies"},
    {.name = "price_adjuster", .type = BC_COL_JSON, .description = "Price change (JSON)"},
    {.name = "weight_adjuster", .type = BC_COL_JSON, .description = "Weight change (JSON)"},
    {.name = "conditions",
     .type = BC_COL_JSON,
     .description = "Option values that trigger it (JSON)"},
};

const bc_table_def bc_table_product_rules = {
    .name = "ProductRules",
    .endpoint = "/v3/catalog/products/{product_id}/complex-rules",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .is_view = true,
    .parent_table = "Products",
    .parent_column = "product_id",
    .parent_id_column = "id",
    .columns = product_rules_columns,
    .ncolumns = (int)(sizeof product_rules_columns / sizeof product_rules_columns[0]),
    .description = "Complex rules that adjust a product by its chosen options.",
};

static const bc_column_def product_reviews_columns[] = {
    {.name = "product_id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PARENT_KEY | BC_COLF_NOT_NULL,
     .description = "Product it belongs to"},
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the review"},
    {.name = "title",
     .type = BC_COL_VARCHAR,
     .length = 255,
     .flags = BC_COLF_NOT_NULL,
     .description = "Review title"},
    {.name = "text", .type = BC_COL_LONGTEXT, .description = "Review text"},
    {.name = "status", .type = BC_COL_VARCHAR, .description = "approved, disapproved or pending"},
    {.name = "rating", .type = BC_COL_INTEGER, .description = "Rating, 1 to 5"},
    {.name = "email", .type = BC_COL_VARCHAR, .length = 255, .description = "Reviewer's email"},
    {.name = "name", .type = BC_COL_VARCHAR, .length = 255, .description = "Reviewer's name"},
    {.name = "date_reviewed",
     .type = BC_COL_TIMESTAMP,
     .flags = BC_COLF_NOT_NULL,
     .description = "When it was written"},
    {.name = "date_created",
     .type = BC_COL_TIMESTAMP,
     .description = "When the review was created"},
    {.name = "date_modified",
     .type = BC_COL_TIMESTAMP,
     .description = "When the review was last changed"},
};

const bc_table_def bc_table_product_reviews = {
    .name = "ProductReviews",
    .endpoint = "/v3/catalog/products/{product_id}/reviews",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .parent_table = "Products",
    .parent_column = "product_id",
    .parent_id_column = "id",
    .columns = product_reviews_columns,
    .ncolumns = (int)(sizeof product_reviews_columns / sizeof product_reviews_columns[0]),
    .description = "Customer reviews of a product.",
};
