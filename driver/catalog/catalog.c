/*
 * The list of tables and lookups over it. Each table's definition lives in the
 * tables_<area>.c file of its API area; this file only orders them by name.
 */
#include <stddef.h>
#include <stdlib.h>
#include <strings.h>
#include "bc_catalog.h"

/* Every table, once, in any order: the name after bc_table_ of its definition. */
#define BC_CATALOG_TABLES(X)                                                                       \
    X(blog_posts)                                                                                  \
    X(blog_tags)                                                                                   \
    X(brand_metafields)                                                                            \
    X(brands)                                                                                      \
    X(categories)                                                                                  \
    X(category_metafields)                                                                         \
    X(category_trees)                                                                              \
    X(channel_listings)                                                                            \
    X(channels)                                                                                    \
    X(countries)                                                                                   \
    X(coupons)                                                                                     \
    X(currencies)                                                                                  \
    X(customer_addresses)                                                                          \
    X(customer_attribute_values)                                                                   \
    X(customer_attributes)                                                                         \
    X(customer_groups)                                                                             \
    X(customer_metafields)                                                                         \
    X(customers)                                                                                   \
    X(download_consignments)                                                                       \
    X(email_consignments)                                                                          \
    X(gift_certificates)                                                                           \
    X(inventory_items)                                                                             \
    X(inventory_locations)                                                                         \
    X(order_consignments)                                                                          \
    X(order_coupons)                                                                               \
    X(order_item_option_values)                                                                    \
    X(order_items)                                                                                 \
    X(order_messages)                                                                              \
    X(order_metafields)                                                                            \
    X(order_refunds)                                                                               \
    X(order_refunds_items)                                                                         \
    X(order_refunds_payments)                                                                      \
    X(order_shipments)                                                                             \
    X(order_shipping_addresses)                                                                    \
    X(order_statuses)                                                                              \
    X(order_taxes)                                                                                 \
    X(orders)                                                                                      \
    X(pages)                                                                                       \
    X(payment_methods)                                                                             \
    X(pickup_consignments)                                                                         \
    X(price_list_assignments)                                                                      \
    X(price_list_records)                                                                          \
    X(price_lists)                                                                                 \
    X(product_bulk_pricing_rules)                                                                  \
    X(product_custom_fields)                                                                       \
    X(product_images)                                                                              \
    X(product_metafields)                                                                          \
    X(product_option_values)                                                                       \
    X(product_options)                                                                             \
    X(product_reviews)                                                                             \
    X(product_rules)                                                                               \
    X(product_variant_values)                                                                      \
    X(product_variants)                                                                            \
    X(product_videos)                                                                              \
    X(products)                                                                                    \
    X(promotions)                                                                                  \
    X(redirects)                                                                                   \
    X(shipment_items)                                                                              \
    X(shipping_consignment_quotes)                                                                 \
    X(shipping_consignments)                                                                       \
    X(shipping_methods)                                                                            \
    X(shipping_zone_locations)                                                                     \
    X(shipping_zones)                                                                              \
    X(sites)                                                                                       \
    X(states)                                                                                      \
    X(store_logs)                                                                                  \
    X(stores)                                                                                      \
    X(subscribers)                                                                                 \
    X(tax_classes)                                                                                 \
    X(transactions)                                                                                \
    X(webhooks)                                                                                    \
    X(wishlist_items)                                                                              \
    X(wishlists)

#define BC_DECLARE_TABLE(n) extern const bc_table_def bc_table_##n;
#define BC_TABLE_ADDRESS(n) &bc_table_##n,
BC_CATALOG_TABLES(BC_DECLARE_TABLE)

const bc_table_def *bc_tables[] = {BC_CATALOG_TABLES(BC_TABLE_ADDRESS)};
const int bc_table_count = (int)(sizeof bc_tables / sizeof bc_tables[0]);

static int by_name(const void *a, const void *b)
{
    return strcasecmp((*(const bc_table_def *const *)a)->name,
                      (*(const bc_table_def *const *)b)->name);
}

/* SQLTables, the system tables and the README list tables in case-insensitive name order;
 * sorting once when the library loads keeps the list above free to be in any order. */
__attribute__((constructor)) static void bc_catalog_sort(void)
{
    qsort(bc_tables, (size_t)bc_table_count, sizeof bc_tables[0], by_name);
}

const bc_table_def *bc_catalog_find(const char *name)
{
    if (name == NULL)
        return NULL;
    for (int i = 0; i < bc_table_count; i++)
        if (strcasecmp(bc_tables[i]->name, name) == 0)
            return bc_tables[i];
    return NULL;
}

int bc_catalog_column_index(const bc_table_def *t, const char *name)
{
    if (t == NULL || name == NULL)
        return -1;
    for (int i = 0; i < t->ncolumns; i++)
        if (strcasecmp(t->columns[i].name, name) == 0)
            return i;
    return -1;
}

int bc_catalog_pk_index(const bc_table_def *t)
{
    if (t == NULL)
        return -1;
    for (int i = 0; i < t->ncolumns; i++)
        if (t->columns[i].flags & BC_COLF_PK)
            return i;
    return -1;
}
