/*
 * The v2 count endpoints (/v2/orders/count, /v2/coupons/count, /v2/countries/{id}/states/count
 * ...): {"count": N}. Only /v2/orders/count documents filters (the list's min_id/max_id ...,
 * of which the sandbox serves min_id and max_id, as on the list); its document also carries
 * the per-status counts, recomputed here for the filtered orders.
 */
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long id_arg(const sb_args *a, const char *key)
{
    const char *v = a->get(a->ctx, key);
    char *end;
    long n;

    if (!v || !*v)
        return -1;
    n = strtol(v, &end, 10);
    return *end ? -1 : n;
}

static void reply_count(sb_reply *rp, size_t n)
{
    char *body = malloc(48);
    int len = body ? snprintf(body, 48, "{\"count\":%zu}", n) : 0;

    sb_reply_set(rp, 200, "application/json", body, (size_t)len);
}

void sb_render_v2_count(const sb_resource *r, sb_reply *rp)
{
    reply_count(rp, r->count);
}

void sb_render_v2_children_count(const sb_resource *r, long parent, sb_reply *rp)
{
    reply_count(rp, sb_resource_lower_parent(r, parent + 1) - sb_resource_lower_parent(r, parent));
}

/* Orders in [lo, hi) whose JSON says "status_id":sid. */
static long with_status(const sb_resource *orders, size_t lo, size_t hi, long sid)
{
    char key[40];
    long n = 0;
    int klen = snprintf(key, sizeof key, "\"status_id\":%ld", sid);

    for (size_t i = lo; i < hi; i++) {
        const char *hit = strstr(orders->items[i].json, key);
        if (hit && (hit[klen] == ',' || hit[klen] == '}'))
            n++;
    }
    return n;
}

void sb_render_orders_count(const sb_resource *orders, const sb_resource *doc, const sb_args *a,
                            sb_reply *rp)
{
    long min_id = id_arg(a, "min_id"), max_id = id_arg(a, "max_id");
    size_t lo = 0, hi = orders->count;
    cJSON *d, *st;

    /* Recomputed even without filters: writes (write.c) add and remove orders. */
    while (lo < hi && min_id >= 0 && orders->items[lo].id < min_id)
        lo++;
    while (hi > lo && max_id >= 0 && orders->items[hi - 1].id > max_id)
        hi--;
    d = doc->count ? cJSON_Parse(doc->items[0].json) : NULL;
    if (d == NULL) {
        reply_count(rp, hi - lo);
        return;
    }
    cJSON_ArrayForEach(st, cJSON_GetObjectItemCaseSensitive(d, "statuses"))
    {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(st, "id");
        cJSON *n = cJSON_CreateNumber(
            (double)with_status(orders, lo, hi, cJSON_IsNumber(id) ? (long)id->valuedouble : -1));
        if (n)
            cJSON_ReplaceItemInObjectCaseSensitive(st, "count", n);
    }
    cJSON *total = cJSON_CreateNumber((double)(hi - lo));
    if (total)
        cJSON_ReplaceItemInObjectCaseSensitive(d, "count", total);
    sb_reply_json(rp, 200, d);
}
