/*
 * List shapes beyond render.c's: lists filtered on a numeric field, as each endpoint's
 * reference documents (customer_id:in, channel_id, site_id, severity:min ...), and the
 * cursor pages of the channel listings. An "in" value is a comma list ("eq" parameters
 * carry one); "min"/"max" are inclusive bounds. Items are parsed only when a filter asks
 * for a field.
 */
#include "data_store_area.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum filter_op { F_IN, F_MIN, F_MAX } filter_op;

static int in_list(const char *list, long v);

typedef struct field_filter {
    sb_res_id res;
    const char *param; /* query parameter */
    const char *key;   /* numeric field of the item it compares */
    filter_op op;
} field_filter;

/* The lists render_query.c serves (products, brands, categories, customers, orders) have
 * their filters there: one filter table a resource. */
static const field_filter filters[] = {
    {SB_RES_CUSTOMER_ADDRESSES, "customer_id:in", "customer_id", F_IN},
    {SB_RES_CUSTOMER_ATTRIBUTE_VALUES, "customer_id:in", "customer_id", F_IN},
    {SB_RES_CUSTOMER_ATTRIBUTE_VALUES, "attribute_id:in", "attribute_id", F_IN},
    {SB_RES_WISHLISTS, "customer_id", "customer_id", F_IN},
    {SB_RES_PAGES, "channel_id", "channel_id", F_IN},
    {SB_RES_REDIRECTS, "site_id", "site_id", F_IN},
    {SB_RES_REDIRECTS, "id:min", "id", F_MIN},
    {SB_RES_REDIRECTS, "id:max", "id", F_MAX},
    {SB_RES_SITES, "channel_id:in", "channel_id", F_IN},
    {SB_RES_CHANNEL_LISTINGS, "product_id:in", "product_id", F_IN},
    {SB_RES_SUBSCRIBERS, "order_id", "order_id", F_IN},
    {SB_RES_STORE_LOGS, "severity", "severity", F_IN},
    {SB_RES_STORE_LOGS, "severity:min", "severity", F_MIN},
    {SB_RES_STORE_LOGS, "severity:max", "severity", F_MAX},
    {SB_RES_GIFT_CERTIFICATES, "order_id", "order_id", F_IN},
    {SB_RES_GIFT_CERTIFICATES, "min_id", "id", F_MIN},
    {SB_RES_GIFT_CERTIFICATES, "max_id", "id", F_MAX},
};

int sb_filters_present(sb_res_id res, const sb_args *a)
{
    for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++)
        if (filters[i].res == res && a->get(a->ctx, filters[i].param))
            return 1;
    return 0;
}

static int value_passes(const field_filter *f, const char *want, long v)
{
    char *end;
    long bound = f->op == F_IN ? 0 : strtol(want, &end, 10);

    if (f->op != F_IN && (end == want || *end))
        return 0;
    return f->op == F_IN ? in_list(want, v) : f->op == F_MIN ? v >= bound : v <= bound;
}

static int in_list(const char *list, long v)
{
    for (const char *p = list; *p;) {
        char *end;
        long x = strtol(p, &end, 10);
        if (end != p && x == v)
            return 1;
        p = (*end == ',') ? end + 1 : (end == p ? p + 1 : end);
    }
    return 0;
}

/* 1 when item passes id:in and every filter of res present in a; -1 on a parse failure. */
static int item_passes(const sb_item *it, sb_res_id res, const sb_args *a)
{
    const char *ids = a->get(a->ctx, "id:in");
    cJSON *doc = NULL;
    int ok = !ids || in_list(ids, it->id);

    for (size_t i = 0; ok && i < sizeof filters / sizeof filters[0]; i++) {
        const char *want = filters[i].res == res ? a->get(a->ctx, filters[i].param) : NULL;
        if (!want)
            continue;
        if (!doc && !(doc = cJSON_ParseWithLength(it->json, it->len)))
            return -1;
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(doc, filters[i].key);
        ok = cJSON_IsNumber(v) && value_passes(&filters[i], want, (long)v->valuedouble);
    }
    cJSON_Delete(doc);
    return ok;
}

/* Indices of the passing items among [lo, hi) of r into idx; -1 on failure. */
static long select_items(const sb_resource *r, size_t lo, size_t hi, sb_res_id res,
                         const sb_args *a, size_t *idx)
{
    long n = 0;
    for (size_t i = lo; i < hi; i++) {
        int ok = item_passes(&r->items[i], res, a);
        if (ok < 0)
            return -1;
        if (ok)
            idx[n++] = i;
    }
    return n;
}

/* The items of res that pass a's filters, as one page of a v3 or a v2 list. */
static void render_filtered(const sb_store *st, sb_res_id res, const sb_args *a, int v2,
                            sb_reply *rp)
{
    const sb_resource *r = &st->res[res];
    size_t *idx = malloc((r->count + 1) * sizeof *idx);
    long n = idx ? select_items(r, 0, r->count, res, a, idx) : -1;
    if (n < 0)
        sb_reply_set(rp, 500, "application/json", NULL, 0);
    else if (v2)
        sb_render_v2_index(r, idx, (size_t)n, a, rp);
    else
        sb_render_v3_index(r, idx, (size_t)n, a, rp);
    free(idx);
}

void sb_render_v3_filtered(const sb_store *st, sb_res_id res, const sb_args *a, sb_reply *rp)
{
    render_filtered(st, res, a, 0, rp);
}

void sb_render_v2_filtered(const sb_store *st, sb_res_id res, const sb_args *a, sb_reply *rp)
{
    render_filtered(st, res, a, 1, rp);
}

static long arg_long(const sb_args *a, const char *key, long dflt)
{
    const char *v = a->get(a->ctx, key);
    char *end;
    long n = v && *v ? strtol(v, &end, 10) : dflt;
    return v && *v && *end ? dflt : n;
}

/* Writes the cursor page of the items idx[0..n) after the cursor: {data, meta}. */
static void write_after_page(FILE *f, const sb_resource *r, const size_t *idx, long n, long after,
                             long limit)
{
    long first = 0, count = 0;
    while (first < n && r->items[idx[first]].id <= after)
        first++;
    fputs("{\"data\":[", f);
    for (; count < limit && first + count < n; count++) {
        const sb_item *it = &r->items[idx[first + count]];
        fprintf(f, "%s%.*s", count ? "," : "", (int)it->len, it->json);
    }
    fprintf(f, "],\"meta\":{\"pagination\":{\"count\":%ld,\"total\":%ld,\"total_pages\":%ld,",
            count, n, (n + limit - 1) / limit);
    if (after > 0)
        fprintf(f, "\"links\":{\"current\":\"?limit=%ld&after=%ld\"", limit, after);
    else
        fprintf(f, "\"links\":{\"current\":\"?limit=%ld\"", limit);
    if (first + count < n)
        fprintf(f, ",\"next\":\"?limit=%ld&after=%ld\"", limit,
                r->items[idx[first + count - 1]].id);
    fputs("}}}}", f);
}

void sb_render_v3_after(const sb_store *st, sb_res_id res, long parent, const sb_args *a,
                        sb_reply *rp)
{
    const sb_resource *r = &st->res[res];
    size_t lo = sb_resource_lower_parent(r, parent), hi = sb_resource_lower_parent(r, parent + 1);
    size_t *idx = malloc((hi - lo + 1) * sizeof *idx);
    long n = idx ? select_items(r, lo, hi, res, a, idx) : -1;
    long limit = arg_long(a, "limit", 50);
    char *body = NULL;
    size_t len = 0;
    FILE *f = n >= 0 ? open_memstream(&body, &len) : NULL;

    if (limit < 1 || limit > 1000)
        limit = 50;
    if (f) {
        write_after_page(f, r, idx, n, arg_long(a, "after", 0), limit);
        if (fclose(f) != 0) {
            free(body);
            body = NULL;
        }
    }
    free(idx);
    if (!body)
        sb_reply_set(rp, 500, "application/json", NULL, 0);
    else
        sb_reply_set(rp, 200, "application/json", body, len);
}
