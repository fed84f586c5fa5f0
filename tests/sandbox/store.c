/*
 * The store's resources: item lists rendered once at start-up. The generator table below is
 * the one place that lists which resources exist; the order matters only in that a
 * resource must not need a list that comes after it (they share facts through pure
 * functions, not through the lists, so today any order works).
 */
#include "sandbox.h"
#include "data_store_area.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

static const char *const res_names[SB_RES_COUNT] = {
    [SB_RES_PRODUCT_IMAGES] = "Product image",
    [SB_RES_PRODUCT_VIDEOS] = "Product video",
    [SB_RES_PRODUCT_CUSTOM_FIELDS] = "Custom field",
    [SB_RES_PRODUCT_METAFIELDS] = "Product metafield",
    [SB_RES_PRODUCT_REVIEWS] = "Product review",
    [SB_RES_PRODUCT_BULK_RULES] = "Bulk pricing rule",
    [SB_RES_PRODUCT_COMPLEX_RULES] = "Complex rule",
    [SB_RES_PRODUCT_OPTIONS] = "Product option",
    [SB_RES_PRODUCT_VARIANTS] = "Variant",
    [SB_RES_PRICELISTS] = "Price list",
    [SB_RES_PRICELIST_RECORDS] = "Price record",
    [SB_RES_PRICELIST_ASSIGNMENTS] = "Price list assignment",
    [SB_RES_INVENTORY_LOCATIONS] = "Location",
    [SB_RES_INVENTORY_ITEMS] = "Inventory item",
    [SB_RES_PROMOTIONS] = "Promotion",
    [SB_RES_CATEGORY_TREES] = "Category tree",
    [SB_RES_CATEGORY_METAFIELDS] = "Category metafield",
    [SB_RES_BRAND_METAFIELDS] = "Brand metafield",
    [SB_RES_BRANDS] = "Brand",
    [SB_RES_CATEGORIES] = "Category",
    [SB_RES_CUSTOMERS] = "Customer",
    [SB_RES_PRODUCTS] = "Product",
    [SB_RES_ORDERS] = "Order",
    [SB_RES_ORDER_PRODUCTS] = "Order product",
    [SB_RES_ORDERS_COUNT] = "Order count",
    [SB_RES_STORE] = "Store",
    [SB_RES_COUPONS] = "Coupon",
    [SB_RES_GIFT_CERTIFICATES] = "Gift certificate",
    [SB_RES_PAYMENT_METHODS] = "Payment method",
    [SB_RES_ORDER_STATUSES] = "Order status",
    [SB_RES_ORDER_SHIPMENTS] = "Shipment",
    [SB_RES_ORDER_SHIPPING_ADDRESSES] = "Shipping address",
    [SB_RES_ORDER_CONSIGNMENTS] = "Consignment",
    [SB_RES_CONSIGNMENT_QUOTES] = "Shipping quote",
    [SB_RES_ORDER_COUPONS] = "Order coupon",
    [SB_RES_ORDER_MESSAGES] = "Order message",
    [SB_RES_ORDER_TAXES] = "Order tax",
    [SB_RES_ORDER_REFUNDS] = "Refund",
    [SB_RES_ORDER_TRANSACTIONS] = "Transaction",
    [SB_RES_ORDER_METAFIELDS] = "Metafield",
};

int sb_resource_reserve(sb_resource *r)
{
    if (r->count < r->cap)
        return 0;
    size_t cap = r->cap ? r->cap * 2 : 64;
    sb_item *items = realloc(r->items, cap * sizeof *items);
    if (!items)
        return -1;
    r->items = items;
    r->cap = cap;
    return 0;
}

int sb_resource_add(sb_resource *r, long id, long parent_id, cJSON *obj)
{
    int failed = sb_json_failed();
    char *json = (obj && !failed) ? cJSON_PrintUnformatted(obj) : NULL;
    cJSON_Delete(obj);
    if (!json)
        return -1;
    if (sb_resource_reserve(r) != 0) {
        cJSON_free(json);
        return -1;
    }
    r->items[r->count++] = (sb_item){id, parent_id, json, strlen(json)};
    return 0;
}

const sb_item *sb_resource_find(const sb_resource *r, long id)
{
    /* only meaningful for top-level resources, which are sorted by id */
    size_t lo = 0, hi = r->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->items[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (lo < r->count && r->items[lo].id == id) ? &r->items[lo] : NULL;
}

size_t sb_resource_lower_parent(const sb_resource *r, long parent)
{
    size_t lo = 0, hi = r->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->items[mid].parent_id < parent)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int gen_orders(const sb_config *cfg, sb_store *st)
{
    return sb_gen_orders(cfg, &st->res[SB_RES_ORDERS], &st->res[SB_RES_ORDER_PRODUCTS],
                         &st->res[SB_RES_ORDERS_COUNT]);
}

#define SIMPLE_GEN(fn, id)                                                                         \
    static int fn##_wrap(const sb_config *cfg, sb_store *st)                                       \
    {                                                                                              \
        return fn(cfg, &st->res[id]);                                                              \
    }
SIMPLE_GEN(sb_gen_brands, SB_RES_BRANDS)
SIMPLE_GEN(sb_gen_categories, SB_RES_CATEGORIES)
SIMPLE_GEN(sb_gen_customers, SB_RES_CUSTOMERS)
SIMPLE_GEN(sb_gen_products, SB_RES_PRODUCTS)
SIMPLE_GEN(sb_gen_store, SB_RES_STORE)
SIMPLE_GEN(sb_gen_order_statuses, SB_RES_ORDER_STATUSES)
SIMPLE_GEN(sb_gen_payment_methods, SB_RES_PAYMENT_METHODS)

static int gen_coupons(const sb_config *cfg, sb_store *st)
{
    return sb_gen_coupons(cfg, &st->res[SB_RES_COUPONS], &st->res[SB_RES_GIFT_CERTIFICATES]);
}

static int (*const generators[])(const sb_config *, sb_store *) = {
    sb_gen_brands_wrap, sb_gen_categories_wrap, sb_gen_customers_wrap, sb_gen_products_wrap,
    gen_orders, sb_gen_store_wrap,
    /* reads the orders' JSON, so after gen_orders */
    gen_coupons, sb_gen_order_statuses_wrap, sb_gen_payment_methods_wrap, sb_gen_order_subs,
    /* price lists and inventory read the variants, so after sb_gen_product_variants */
    sb_gen_product_media, sb_gen_product_rules, sb_gen_product_variants, sb_gen_pricelists,
    sb_gen_inventory, sb_gen_promotions, sb_gen_catalog_meta,
    sb_gen_store_area, /* reads only cfg */
};

int sb_store_build(sb_store *st, const sb_config *cfg)
{
    memset(st, 0, sizeof *st);
    st->cfg = cfg;
    for (int i = 0; i < SB_RES_COUNT; i++)
        st->res[i].name = res_names[i];
    for (size_t g = 0; g < sizeof generators / sizeof generators[0]; g++) {
        if (generators[g](cfg, st) != 0) {
            sb_store_free(st);
            return -1;
        }
    }
    return 0;
}

void sb_store_free(sb_store *st)
{
    for (int i = 0; i < SB_RES_COUNT; i++) {
        sb_resource *r = &st->res[i];
        for (size_t k = 0; k < r->count; k++)
            cJSON_free(r->items[k].json);
        free(r->items);
        r->items = NULL;
        r->count = r->cap = 0;
    }
}
