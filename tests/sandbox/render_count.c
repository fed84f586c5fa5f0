/*
 * The v2 count endpoints (/v2/orders/count, /v2/coupons/count, /v2/countries/{id}/states/count
 * ...): {"count": N}. Only /v2/orders/count documents filters (the list's, applied as on the
 * list, render_query.c); its document also carries the per-status counts, recomputed here for
 * the filtered orders. It counts the Incomplete orders too, which the list never returns (ids
 * after the last listed order); they match id bounds and no other filter (they have no
 * customer, channel, total or date to compare, and their status, 0, is one the list omits).
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

/* Orders among the selection (idx NULL: all n) whose JSON says "status_id":sid. */
static long with_status(const sb_resource *orders, const size_t *idx, size_t n, long sid)
{
    char key[40];
    long count = 0;
    int klen = snprintf(key, sizeof key, "\"status_id\":%ld", sid);

    for (size_t k = 0; k < n; k++) {
        const char *json = orders->items[idx ? idx[k] : k].json;
        const char *hit = strstr(json, key);
        if (hit && (hit[klen] == ',' || hit[klen] == '}'))
            count++;
    }
    return count;
}

/* Incomplete orders (ids last+1 .. last+n) within [min_id, max_id]. */
static long incomplete_in(const sb_resource *orders, long n, long min_id, long max_id)
{
    long first =
        (orders->count ? orders->items[orders->count - 1].id : sb_order_first_id() - 1) + 1;
    long lo = min_id > first ? min_id : first, hi = first + n - 1;

    if (max_id >= 0 && max_id < hi)
        hi = max_id;
    return hi >= lo ? hi - lo + 1 : 0;
}

void sb_render_orders_count(const sb_resource *orders, long incomplete, const sb_resource *doc,
                            const sb_args *a, sb_reply *rp)
{
    size_t *idx;
    long n = sb_query_select(orders, SB_RES_ORDERS, a, &idx);
    cJSON *d, *st;

    if (n < 0) {
        sb_reply_set(rp, 500, "application/json", NULL, 0);
        return;
    }
    /* Recomputed even without filters: writes (write.c) add and remove orders. */
    incomplete = sb_query_filters_beyond_id(SB_RES_ORDERS, a)
                     ? 0
                     : incomplete_in(orders, incomplete, id_arg(a, "min_id"), id_arg(a, "max_id"));
    d = doc->count ? cJSON_Parse(doc->items[0].json) : NULL;
    if (d == NULL) {
        free(idx);
        reply_count(rp, (size_t)n + (size_t)incomplete);
        return;
    }
    cJSON_ArrayForEach(st, cJSON_GetObjectItemCaseSensitive(d, "statuses"))
    {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(st, "id");
        long sid = cJSON_IsNumber(id) ? (long)id->valuedouble : -1;
        cJSON *c = cJSON_CreateNumber(
            (double)(sid == 0 ? incomplete : with_status(orders, idx, (size_t)n, sid)));
        if (c)
            cJSON_ReplaceItemInObjectCaseSensitive(st, "count", c);
    }
    cJSON *total = cJSON_CreateNumber((double)n + (double)incomplete);
    if (total)
        cJSON_ReplaceItemInObjectCaseSensitive(d, "count", total);
    free(idx);
    sb_reply_json(rp, 200, d);
}
