/*
 * Product pricing rules and reviews (/v3/catalog/products/{product_id}/...): bulk pricing
 * rules, complex rules and reviews, each a child of Products read per product id.
 * Columns follow the GET response objects of the official reference
 * (../shared/bigcommerce-openapi/); money is DECIMAL(20,4), nested objects JSON text.
 */
#include "bc_catalog.h"

static const bc_column_def product_bulk_pricing_rules_columns[] = {
    {.name = "product_id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PARENT_KEY | BC_COLF_NOT_NULL,
     .description = "ID of the product the rule belongs to."},
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Unique ID of the *Bulk Pricing Rule*."},
    {.name = "quantity_min",
     .type = BC_COL_INTEGER,
     .description = "The minimum inclusive quantity of a product to satisfy this rule."},
    {.name = "quantity_max",
     .type = BC_COL_INTEGER,
     .description = "The maximum inclusive quantity of a product to satisfy this rule."},
    {.name = "type", .type = BC_COL_VARCHAR, .description = "The type of adjustment that is made."},
    {.name = "amount",
     .type = BC_COL_DECIMAL,
     .description =
         "You can express the adjustment type as either a fixed dollar amount or a percentage."},
};

const bc_table_def bc_table_product_bulk_pricing_rules = {
    .name = "ProductBulkPricingRules",
    .endpoint = "/v3/catalog/products/{product_id}/bulk-pricing-rules",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .is_view = true,
    .parent_table = "Products",
    .parent_column = "product_id",
    .parent_id_column = "id",
    .columns = product_bulk_pricing_rules_columns,
    .ncolumns = (int)(sizeof product_bulk_pricing_rules_columns /
                      sizeof product_bulk_pricing_rules_columns[0]),
    .description = "Quantity-based price adjustments of a product.",
};

static const bc_column_def product_rules_columns[] = {
    {.name = "product_id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PARENT_KEY | BC_COLF_NOT_NULL,
     .description = "ID of the product the rule belongs to."},
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "The unique numeric ID of the rule; increments sequentially."},
    {.name = "sort_order",
     .type = BC_COL_INTEGER,
     .description =
         "The priority to give this rule when making adjustments to the product properties."},
    {.name = "enabled",
     .type = BC_COL_BIT,
     .description = "Flag for determining whether the rule is to be used when adjusting a "
                    "product's price, weight, image, or availabilty."},
    {.name = "stop",
     .type = BC_COL_BIT,
     .description = "Flag for determining whether other rules should not be applied after this "
                    "rule has been applied."},
    {.name = "purchasing_disabled",
     .type = BC_COL_BIT,
     .description = "Flag for determining whether the rule should disable purchasing of a product "
                    "when the conditions are applied."},
    {.name = "purchasing_disabled_message",
     .type = BC_COL_LONGTEXT,
     .description =
         "Message displayed on the storefront when a rule disables the purchasing of a product."},
    {.name = "purchasing_hidden",
     .type = BC_COL_BIT,
     .description = "Flag for determining whether the rule should hide purchasing of a product "
                    "when the conditions are applied."},
    {.name = "image_url",
     .type = BC_COL_VARCHAR,
     .description =
         "The URL for an image displayed on the storefront when the conditions are applied."},
    {.name = "price_adjuster", .type = BC_COL_JSON, .description = "Adjuster for Complex Rules."},
    {.name = "weight_adjuster", .type = BC_COL_JSON, .description = "Adjuster for Complex Rules."},
    {.name = "conditions",
     .type = BC_COL_JSON,
     .description = "The option values, modifiers or variants for which the rule applies."},
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
     .description = "ID of the product the review belongs to."},
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "The unique numeric ID of the product review; increments sequentially."},
    {.name = "title",
     .type = BC_COL_VARCHAR,
     .length = 255,
     .flags = BC_COLF_NOT_NULL,
     .description = "The title for the product review."},
    {.name = "text", .type = BC_COL_LONGTEXT, .description = "The text for the product review."},
    {.name = "status", .type = BC_COL_VARCHAR, .description = "The status of the product review."},
    {.name = "rating", .type = BC_COL_INTEGER, .description = "The rating of the product review."},
    {.name = "email",
     .type = BC_COL_VARCHAR,
     .length = 255,
     .description = "The email of the reviewer."},
    {.name = "name",
     .type = BC_COL_VARCHAR,
     .length = 255,
     .description = "The name of the reviewer."},
    {.name = "date_reviewed",
     .type = BC_COL_TIMESTAMP,
     .flags = BC_COLF_NOT_NULL,
     .description = "Date the product was reviewed."},
    {.name = "date_created",
     .type = BC_COL_TIMESTAMP,
     .description = "Date the product review was created."},
    {.name = "date_modified",
     .type = BC_COL_TIMESTAMP,
     .description = "Date the product review was modified."},
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
