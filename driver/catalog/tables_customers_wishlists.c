/*
 * Wishlists (wishlists.v3.yml) and their items. The items are the nested `items` array of
 * each wishlist, exposed as a child view (rows_path); a wishlist is read alone through
 * /v3/wishlists/{id}, the list has no id filter.
 */
#include "bc_catalog.h"

static const bc_column_def wishlists_columns[] = {
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the wishlist"},
    {.name = "customer_id",
     .type = BC_COL_INTEGER,
     .filter_eq = "customer_id",
     .description = "Customer who owns it"},
    {.name = "name", .type = BC_COL_VARCHAR, .description = "Name of the wishlist"},
    {.name = "is_public", .type = BC_COL_BIT, .description = "Visible to other shoppers"},
    {.name = "token", .type = BC_COL_VARCHAR, .description = "Token for sharing the wishlist"},
    {.name = "items", .type = BC_COL_JSON, .description = "Items (JSON; also WishlistItems)"},
};

const bc_table_def bc_table_wishlists = {
    .name = "Wishlists",
    .endpoint = "/v3/wishlists",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .is_view = true,
    .id_path_endpoint = "/v3/wishlists/{id}",
    .columns = wishlists_columns,
    .ncolumns = (int)(sizeof wishlists_columns / sizeof wishlists_columns[0]),
    .description = "Customers' wishlists.",
};

static const bc_column_def wishlist_items_columns[] = {
    {.name = "wishlist_id",
     .type = BC_COL_INTEGER,
     .json_path = "id",
     .flags = BC_COLF_PARENT_KEY | BC_COLF_FROM_PARENT | BC_COLF_NOT_NULL,
     .description = "Wishlist it is in"},
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "Id of the wishlist item"},
    {.name = "product_id", .type = BC_COL_INTEGER, .description = "Product wished for"},
    {.name = "variant_id", .type = BC_COL_INTEGER, .description = "Variant it refers to"},
};

const bc_table_def bc_table_wishlist_items = {
    .name = "WishlistItems",
    .endpoint = "/v3/wishlists",
    .version = BC_API_V3,
    .paging = BC_PAGING_V3,
    .is_view = true,
    .parent_table = "Wishlists",
    .parent_column = "wishlist_id",
    .parent_id_column = "id",
    .rows_path = "items",
    .columns = wishlist_items_columns,
    .ncolumns = (int)(sizeof wishlist_items_columns / sizeof wishlist_items_columns[0]),
    .description = "Items of each wishlist: which product and variant.",
};
