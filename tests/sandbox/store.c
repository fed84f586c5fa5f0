/*
 * The store's resources: item lists rendered once at start-up. The generator table below is
 * the one place that lists which resources exist; the order matters only in that a
 * resource must not need a list that comes after it (they share facts through pure
 * functions, not through the lists, so today any order works).
 */
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

static const char *const res_names[SB_RES_COUNT] = {
    [SB_RES_BRANDS] = "Brand",
    [SB_RES_CATEGORIES] = "Category",
    [SB_RES_CUSTOMERS] = "Customer",
    [SB_RES_PRODUCTS] = "Product",
    [SB_RES_ORDERS] = "Order",
    [SB_RES_ORDER_PRODUCTS] = "Order product",
    [SB_RES_ORDERS_COUNT] = "Order count",
    [SB_RES_STORE] = "Store",
};

int sb_resource_add(sb_resource *r, long id, long parent_id, cJSON *obj)
{
    int failed = sb_json_failed();
    char *json = (obj && !failed) ? cJSON_PrintUnformatted(obj) : NULL;
    cJSON_Delete(obj);
    if (!json)
        return -1;
    if (r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        sb_item *items = realloc(r->items, cap * sizeof *items);
        if (!items) {
            cJSON_free(json);
            return -1;
        }
        r->items = items;
        r->cap = cap;
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

static int (*const generators[])(const sb_config *, sb_store *) = {
    sb_gen_brands_wrap, sb_gen_categories_wrap, sb_gen_customers_wrap, sb_gen_products_wrap,
    gen_orders,         sb_gen_store_wrap,
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
