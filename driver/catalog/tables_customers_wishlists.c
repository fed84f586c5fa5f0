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
     .description = "Wishlist ID."},
    {.name = "customer_id",
     .type = BC_COL_INTEGER,
     .filter_eq = "customer_id",
     .description = "The ID the customer to which the wishlist belongs."},
    {.name = "name", .type = BC_COL_VARCHAR, .description = "The name of the wishlist."},
    {.name = "is_public",
     .type = BC_COL_BIT,
     .description = "Whether the wishlist is available to the public."},
    {.name = "token", .type = BC_COL_VARCHAR, .description = "The token of the wishlist."},
    {.name = "items",
     .type = BC_COL_JSON,
     .description = "Array of wishlist items; also the rows of WishlistItems."},
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
     .description = "ID of the wishlist the item belongs to."},
    {.name = "id",
     .type = BC_COL_INTEGER,
     .flags = BC_COLF_PK | BC_COLF_NOT_NULL,
     .description = "The ID of the item."},
    {.name = "product_id", .type = BC_COL_INTEGER, .description = "The ID of the product."},
    {.name = "variant_id", .type = BC_COL_INTEGER, .description = "The variant ID of the product."},
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
