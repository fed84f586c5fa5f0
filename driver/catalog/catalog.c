/*
 * The list of tables and lookups over it. Each table's definition lives in the
 * tables_<area>.c file of its API area; this file only orders them by name.
 */
#include <stddef.h>
#include <strings.h>
#include "bc_catalog.h"

extern const bc_table_def bc_table_blog_posts;
extern const bc_table_def bc_table_blog_tags;
extern const bc_table_def bc_table_brand_metafields;
extern const bc_table_def bc_table_brands;
extern const bc_table_def bc_table_categories;
extern const bc_table_def bc_table_category_metafields;
extern const bc_table_def bc_table_category_trees;
extern const bc_table_def bc_table_channel_listings;
extern const bc_table_def bc_table_channels;
extern const bc_table_def bc_table_countries;
extern const bc_table_def bc_table_coupons;
extern const bc_table_def bc_table_currencies;
extern const bc_table_def bc_table_customer_addresses;
extern const bc_table_def bc_table_customer_attribute_values;
extern const bc_table_def bc_table_customer_attributes;
extern const bc_table_def bc_table_customer_groups;
extern const bc_table_def bc_table_customer_metafields;
extern const bc_table_def bc_table_customers;
extern const bc_table_def bc_table_download_consignments;
extern const bc_table_def bc_table_email_consignments;
extern const bc_table_def bc_table_gift_certificates;
extern const bc_table_def bc_table_inventory_items;
extern const bc_table_def bc_table_inventory_locations;
extern const bc_table_def bc_table_order_consignments;
extern const bc_table_def bc_table_order_coupons;
extern const bc_table_def bc_table_order_item_option_values;
extern const bc_table_def bc_table_order_items;
extern const bc_table_def bc_table_order_messages;
extern const bc_table_def bc_table_order_metafields;
extern const bc_table_def bc_table_order_refunds;
extern const bc_table_def bc_table_order_refunds_items;
extern const bc_table_def bc_table_order_refunds_payments;
extern const bc_table_def bc_table_order_shipments;
extern const bc_table_def bc_table_order_shipping_addresses;
extern const bc_table_def bc_table_order_statuses;
extern const bc_table_def bc_table_order_taxes;
extern const bc_table_def bc_table_orders;
extern const bc_table_def bc_table_pages;
extern const bc_table_def bc_table_payment_methods;
extern const bc_table_def bc_table_pickup_consignments;
extern const bc_table_def bc_table_price_list_assignments;
extern const bc_table_def bc_table_price_list_records;
extern const bc_table_def bc_table_price_lists;
extern const bc_table_def bc_table_product_bulk_pricing_rules;
extern const bc_table_def bc_table_product_custom_fields;
extern const bc_table_def bc_table_product_images;
extern const bc_table_def bc_table_product_metafields;
extern const bc_table_def bc_table_product_option_values;
extern const bc_table_def bc_table_product_options;
extern const bc_table_def bc_table_product_reviews;
extern const bc_table_def bc_table_product_rules;
extern const bc_table_def bc_table_product_variant_values;
extern const bc_table_def bc_table_product_variants;
extern const bc_table_def bc_table_product_videos;
extern const bc_table_def bc_table_products;
extern const bc_table_def bc_table_promotions;
extern const bc_table_def bc_table_redirects;
extern const bc_table_def bc_table_shipment_items;
extern const bc_table_def bc_table_shipping_consignment_quotes;
extern const bc_table_def bc_table_shipping_consignments;
extern const bc_table_def bc_table_shipping_methods;
extern const bc_table_def bc_table_shipping_zone_locations;
extern const bc_table_def bc_table_shipping_zones;
extern const bc_table_def bc_table_sites;
extern const bc_table_def bc_table_states;
extern const bc_table_def bc_table_store_logs;
extern const bc_table_def bc_table_stores;
extern const bc_table_def bc_table_subscribers;
extern const bc_table_def bc_table_tax_classes;
extern const bc_table_def bc_table_transactions;
extern const bc_table_def bc_table_webhooks;
extern const bc_table_def bc_table_wishlist_items;
extern const bc_table_def bc_table_wishlists;

/* Kept in case-insensitive name order: SQLTables output and README tables read in it. */
const bc_table_def *const bc_tables[] = {
    &bc_table_blog_posts,
    &bc_table_blog_tags,
    &bc_table_brand_metafields,
    &bc_table_brands,
    &bc_table_categories,
    &bc_table_category_metafields,
    &bc_table_category_trees,
    &bc_table_channel_listings,
    &bc_table_channels,
    &bc_table_countries,
    &bc_table_coupons,
    &bc_table_currencies,
    &bc_table_customer_addresses,
    &bc_table_customer_attributes,
    &bc_table_customer_attribute_values,
    &bc_table_customer_groups,
    &bc_table_customer_metafields,
    &bc_table_customers,
    &bc_table_download_consignments,
    &bc_table_email_consignments,
    &bc_table_gift_certificates,
    &bc_table_inventory_items,
    &bc_table_inventory_locations,
    &bc_table_order_consignments,
    &bc_table_order_coupons,
    &bc_table_order_item_option_values,
    &bc_table_order_items,
    &bc_table_order_messages,
    &bc_table_order_metafields,
    &bc_table_order_refunds,
    &bc_table_order_refunds_items,
    &bc_table_order_refunds_payments,
    &bc_table_orders,
    &bc_table_order_shipments,
    &bc_table_order_shipping_addresses,
    &bc_table_order_statuses,
    &bc_table_order_taxes,
    &bc_table_pages,
    &bc_table_payment_methods,
    &bc_table_pickup_consignments,
    &bc_table_price_list_assignments,
    &bc_table_price_list_records,
    &bc_table_price_lists,
    &bc_table_product_bulk_pricing_rules,
    &bc_table_product_custom_fields,
    &bc_table_product_images,
    &bc_table_product_metafields,
    &bc_table_product_options,
    &bc_table_product_option_values,
    &bc_table_product_reviews,
    &bc_table_product_rules,
    &bc_table_products,
    &bc_table_product_variants,
    &bc_table_product_variant_values,
    &bc_table_product_videos,
    &bc_table_promotions,
    &bc_table_redirects,
    &bc_table_shipment_items,
    &bc_table_shipping_consignment_quotes,
    &bc_table_shipping_consignments,
    &bc_table_shipping_methods,
    &bc_table_shipping_zone_locations,
    &bc_table_shipping_zones,
    &bc_table_sites,
    &bc_table_states,
    &bc_table_store_logs,
    &bc_table_stores,
    &bc_table_subscribers,
    &bc_table_tax_classes,
    &bc_table_transactions,
    &bc_table_webhooks,
    &bc_table_wishlist_items,
    &bc_table_wishlists,
};
const int bc_table_count = (int)(sizeof bc_tables / sizeof bc_tables[0]);

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
