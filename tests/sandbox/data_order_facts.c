/*
 * The orders' sub-resources (shipments, addresses, consignments, coupons, messages, taxes,
 * refunds, transactions, metafields). They are generated after the orders, from the orders'
 * own JSON, so that every reference (order item, product, customer, address) is real.
 */
#include "data_order_subs.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

enum { ORDER_TAG = 5 }; /* data_orders.c's tag: the same creation times */

int sb_order_is_shipped(const sb_order_fact *o)
{
    return o->status_id == 2 || o->status_id == 10;
}

int sb_order_is_paid(const sb_order_fact *o)
{
    return o->status_id != 1 && o->status_id != 7 && o->status_id != 5;
}

static long num_field(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (cJSON_IsNumber(v))
        return (long)v->valuedouble;
    if (cJSON_IsString(v))
        return strtol(v->valuestring, NULL, 10);
    return 0;
}

/* v2 money strings ("12.3400") back to cents. */
static long long cents_field(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsString(v) ? (long long)(strtod(v->valuestring, NULL) * 100.0 + 0.5) : 0;
}

static void copy_str(char *dst, size_t n, const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    const char *s = cJSON_IsString(v) ? v->valuestring : "";
    size_t len = strlen(s);
    if (len >= n)
        len = n - 1;
    memcpy(dst, s, len);
    dst[len] = '\0';
}

static int read_items(const sb_resource *items, sb_order_fact *o)
{
    size_t lo = sb_resource_lower_parent(items, o->id);
    o->nitems = 0;
    o->quantity = 0;
    for (size_t i = lo; i < items->count && items->items[i].parent_id == o->id; i++) {
        cJSON *it = cJSON_Parse(items->items[i].json);
        if (!it)
            return -1;
        if (o->nitems < SB_ORDER_MAX_ITEMS) {
            sb_order_item_fact *f = &o->items[o->nitems++];
            f->id = num_field(it, "id");
            f->product_id = num_field(it, "product_id");
            f->quantity = num_field(it, "quantity");
            f->unit_cents = cents_field(it, "price_inc_tax");
            o->quantity += f->quantity;
        }
        cJSON_Delete(it);
    }
    return 0;
}

static int read_order(const sb_config *cfg, const sb_item *item, const sb_resource *items,
                      sb_order_fact *o)
{
    cJSON *doc = cJSON_Parse(item->json);
    if (!doc)
        return -1;
    memset(o, 0, sizeof *o);
    o->id = item->id;
    o->customer_id = num_field(doc, "customer_id");
    o->status_id = num_field(doc, "status_id");
    o->total_cents = cents_field(doc, "total_inc_tax");
    o->created = sb_epoch_for(cfg->seed, ORDER_TAG, o->id);
    const cJSON *bill = cJSON_GetObjectItemCaseSensitive(doc, "billing_address");
    copy_str(o->first_name, sizeof o->first_name, bill, "first_name");
    copy_str(o->last_name, sizeof o->last_name, bill, "last_name");
    copy_str(o->email, sizeof o->email, bill, "email");
    cJSON_Delete(doc);
    return read_items(items, o);
}

int sb_gen_order_subs(const sb_config *cfg, sb_store *st)
{
    const sb_resource *orders = &st->res[SB_RES_ORDERS];
    sb_order_seq seq = {1, 1, 1, 1, 1, 1, 1, 1};
    sb_order_fact o;

    for (size_t k = 0; k < orders->count; k++) {
        if (read_order(cfg, &orders->items[k], &st->res[SB_RES_ORDER_PRODUCTS], &o) != 0)
            return -1;
        if (sb_gen_order_shipping(cfg, &o, &seq, st) != 0 ||
            sb_gen_order_payments(cfg, &o, &seq, st) != 0 ||
            sb_gen_order_notes(cfg, &o, &seq, st) != 0)
            return -1;
    }
    return 0;
}
