/*
 * The v2 count endpoints (/v2/orders/count, /v2/coupons/count, /v2/countries/{id}/states/count
 * ...): {"count": N}. Only /v2/orders/count documents filters (the list's min_id/max_id,
 * customer_id ..., of which the sandbox serves those the list serves: render_filters.c); its
 * document also carries the per-status counts, recomputed here for the filtered orders.
 */
#include "sandbox.h"
#include "data_store_area.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Orders idx[0..n) whose JSON says "status_id":sid. */
static long with_status(const sb_resource *orders, const size_t *idx, size_t n, long sid)
{
    char key[40];
    long count = 0;
    int klen = snprintf(key, sizeof key, "\"status_id\":%ld", sid);

    for (size_t k = 0; k < n; k++) {
        const char *hit = strstr(orders->items[idx[k]].json, key);
        if (hit && (hit[klen] == ',' || hit[klen] == '}'))
            count++;
    }
    return count;
}

void sb_render_orders_count(const sb_resource *orders, const sb_resource *doc, const sb_args *a,
                            sb_reply *rp)
{
    size_t n = 0, *idx;
    cJSON *d, *st;

    if (!sb_filters_present(SB_RES_ORDERS, a)) {
        sb_render_singleton(doc, rp);
        return;
    }
    if ((idx = sb_filter_indices(orders, SB_RES_ORDERS, a, &n)) == NULL) {
        sb_reply_set(rp, 500, "application/json", NULL, 0);
        return;
    }
    d = doc->count ? cJSON_Parse(doc->items[0].json) : NULL;
    if (d == NULL) {
        free(idx);
        reply_count(rp, n);
        return;
    }
    cJSON_ArrayForEach(st, cJSON_GetObjectItemCaseSensitive(d, "statuses"))
    {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(st, "id");
        cJSON *c = cJSON_CreateNumber(
            (double)with_status(orders, idx, n, cJSON_IsNumber(id) ? (long)id->valuedouble : -1));
        if (c)
            cJSON_ReplaceItemInObjectCaseSensitive(st, "count", c);
    }
    free(idx);
    cJSON *total = cJSON_CreateNumber((double)n);
    if (total)
        cJSON_ReplaceItemInObjectCaseSensitive(d, "count", total);
    sb_reply_json(rp, 200, d);
}
