/*
 * Pages of a resource as the API shapes them. Items are pre-rendered JSON, so a page is a
 * concatenation: no parsing or printing per request.
 *
 * v3: {"data":[...],"meta":{"pagination":{total,count,per_page,current_page,total_pages,
 *      links:{previous?,current,next?}}}}; links absent at the ends, as BigCommerce sends.
 * v2: a bare array, and 204 No Content (empty body) when the page holds nothing.
 */
#include "sandbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DEFAULT_LIMIT = 50, MAX_LIMIT = 250 };

_Thread_local long sb_render_shift;

/* The page from..to of total items as it looks when sb_render_shift items before it were
 * deleted (or, negative, inserted) since the scan started: it starts that much later and
 * the total changes by as much. */
static void shift_page(size_t *from, size_t *to, size_t *total, size_t lo, size_t hi)
{
    long s = sb_render_shift;
    if (s == 0)
        return;
    if (s > 0) {
        *from = *from + (size_t)s > hi ? hi : *from + (size_t)s;
        *to = *to + (size_t)s > hi ? hi : *to + (size_t)s;
        *total = *total > (size_t)s ? *total - (size_t)s : 0;
    } else {
        *from = *from - lo > (size_t)-s ? *from + (size_t)s : lo;
        *to = *to - lo > (size_t)-s ? *to + (size_t)s : lo;
        *total += (size_t)-s;
    }
}

typedef struct buf {
    char *p;
    size_t len, cap;
    int failed;
} buf;

static void buf_put(buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void buf_str(buf *b, const char *s)
{
    buf_put(b, s, strlen(s));
}

/* Hands the buffer to rp as a JSON body (or a 500 when it ran out of memory). */
static void buf_reply(buf *b, sb_reply *rp, unsigned status)
{
    if (b->failed || !b->p) {
        free(b->p);
        sb_reply_set(rp, 500, "application/json", NULL, 0);
        return;
    }
    sb_reply_set(rp, status, "application/json", b->p, b->len);
}

static long arg_long(const sb_args *a, const char *key, long dflt)
{
    const char *v = a->get(a->ctx, key);
    char *end;
    if (!v || !*v)
        return dflt;
    long n = strtol(v, &end, 10);
    return *end ? dflt : n;
}

static void page_args(const sb_args *a, long *page, long *limit)
{
    *page = arg_long(a, "page", 1);
    *limit = arg_long(a, "limit", DEFAULT_LIMIT);
    if (*page < 1)
        *page = 1;
    if (*limit < 1)
        *limit = DEFAULT_LIMIT;
    if (*limit > MAX_LIMIT)
        *limit = MAX_LIMIT;
}

/* Indices of the items that pass id / id:in; NULL with *n = count means "all of them". */
static size_t *v3_select(const sb_resource *r, const sb_args *a, int with_id, size_t *n, int *oom)
{
    const char *in = a->get(a->ctx, "id:in");
    long id = with_id ? arg_long(a, "id", -1) : -1;
    /* id:greater: the catalog lists' key bound (products, brands, categories) */
    long after = arg_long(a, "id:greater", -1);
    *oom = 0;
    if (!in && id < 0 && after < 0) {
        *n = r->count;
        return NULL;
    }
    size_t *idx = malloc((r->count + 1) * sizeof *idx);
    if (!idx) {
        *oom = 1;
        return NULL;
    }
    *n = 0;
    /* a linear pass keeps the API's ascending-id order and ignores duplicates in id:in */
    for (size_t i = 0; i < r->count; i++) {
        long iid = r->items[i].id;
        int ok = (id < 0 || iid == id) && iid > after;
        if (ok && in) {
            ok = 0;
            for (const char *p = in; *p && !ok;) {
                char *end;
                long v = strtol(p, &end, 10);
                ok = end != p && v == iid;
                p = (*end == ',') ? end + 1 : (end == p ? p + 1 : end);
            }
        }
        if (ok)
            idx[(*n)++] = i;
    }
    return idx;
}

static void put_items(buf *b, const sb_resource *r, const size_t *idx, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++) {
        const sb_item *it = &r->items[idx ? idx[k] : k];
        if (k > from)
            buf_put(b, ",", 1);
        buf_put(b, it->json, it->len);
    }
}

void sb_render_v3_list(const sb_resource *r, const sb_args *a, int with_id, sb_reply *rp)
{
    size_t total;
    int oom;
    size_t *idx = v3_select(r, a, with_id, &total, &oom);
    if (oom) {
        sb_reply_set(rp, 500, "application/json", NULL, 0);
        return;
    }
    sb_render_v3_index(r, idx, total, a, rp);
    free(idx);
}

void sb_render_v3_index(const sb_resource *r, const size_t *idx, size_t total, const sb_args *a,
                        sb_reply *rp)
{
    long page, limit;
    page_args(a, &page, &limit);
    long pages = (long)((total + (size_t)limit - 1) / (size_t)limit);
    size_t from = (size_t)(page - 1) * (size_t)limit;
    size_t to = from + (size_t)limit;
    size_t all = total;
    if (from > total)
        from = total;
    if (to > total)
        to = total;
    shift_page(&from, &to, &total, 0, all);
    pages = (long)((total + (size_t)limit - 1) / (size_t)limit);
    buf b = {0};
    char meta[512], link[64];
    buf_str(&b, "{\"data\":[");
    put_items(&b, r, idx, from, to);
    snprintf(meta, sizeof meta,
             "],\"meta\":{\"pagination\":{\"total\":%zu,\"count\":%zu,\"per_page\":%ld,"
             "\"current_page\":%ld,\"total_pages\":%ld,\"links\":{",
             total, to - from, limit, page, pages);
    buf_str(&b, meta);
    if (page > 1) {
        snprintf(link, sizeof link, "\"previous\":\"?page=%ld&limit=%ld\",", page - 1, limit);
        buf_str(&b, link);
    }
    snprintf(link, sizeof link, "\"current\":\"?page=%ld&limit=%ld\"", page, limit);
    buf_str(&b, link);
    if (page < pages) {
        snprintf(link, sizeof link, ",\"next\":\"?page=%ld&limit=%ld\"", page + 1, limit);
        buf_str(&b, link);
    }
    buf_str(&b, "}}}}");
    buf_reply(&b, rp, 200);
}

void sb_render_v3_one(const sb_resource *r, long id, sb_reply *rp)
{
    const sb_item *it = sb_resource_find(r, id);
    char title[128];
    if (!it) {
        snprintf(title, sizeof title, "%s with id %ld not found", r->name, id);
        sb_reply_v3_error(rp, 404, title);
        return;
    }
    buf b = {0};
    buf_str(&b, "{\"data\":");
    buf_put(&b, it->json, it->len);
    buf_str(&b, ",\"meta\":{}}");
    buf_reply(&b, rp, 200);
}

/* v2 pages over items [lo, hi) of r; 204 when the page is empty. */
static void v2_page(const sb_resource *r, size_t lo, size_t hi, const sb_args *a, sb_reply *rp)
{
    long page, limit;
    page_args(a, &page, &limit);
    size_t from = lo + (size_t)(page - 1) * (size_t)limit;
    size_t to = from + (size_t)limit;
    size_t total = hi - lo;
    if (to > hi)
        to = hi;
    if (from < hi)
        shift_page(&from, &to, &total, lo, hi);
    if (from >= to) {
        /* BigCommerce v2 answers 204, not an empty array, past the last page */
        sb_reply_set(rp, 204, "application/json", NULL, 0);
        rp->status = 204;
        return;
    }
    buf b = {0};
    buf_put(&b, "[", 1);
    put_items(&b, r, NULL, from, to);
    buf_put(&b, "]", 1);
    buf_reply(&b, rp, 200);
}

void sb_render_v2_index(const sb_resource *r, const size_t *idx, size_t total, const sb_args *a,
                        sb_reply *rp)
{
    long page, limit;
    page_args(a, &page, &limit);
    size_t from = (size_t)(page - 1) * (size_t)limit;
    size_t to = from + (size_t)limit;
    size_t all = total;
    if (to > total)
        to = total;
    if (from < all) /* a "shift" fault, as v2_page applies it */
        shift_page(&from, &to, &total, 0, all);
    if (from >= to) {
        sb_reply_set(rp, 204, "application/json", NULL, 0);
        rp->status = 204;
        return;
    }
    buf b = {0};
    buf_put(&b, "[", 1);
    put_items(&b, r, idx, from, to);
    buf_put(&b, "]", 1);
    buf_reply(&b, rp, 200);
}

void sb_render_v2_list(const sb_resource *r, const sb_args *a, sb_reply *rp)
{
    long min_id = arg_long(a, "min_id", -1), max_id = arg_long(a, "max_id", -1);
    long id = arg_long(a, "id", -1); /* /v2/coupons documents ?id= as an exact filter */
    if (id >= 0) {
        min_id = min_id > id ? min_id : id;
        max_id = max_id >= 0 && max_id < id ? max_id : id;
    }
    size_t lo = 0, hi = r->count;
    while (lo < hi && min_id >= 0 && r->items[lo].id < min_id)
        lo++;
    while (hi > lo && max_id >= 0 && r->items[hi - 1].id > max_id)
        hi--;
    v2_page(r, lo, hi, a, rp);
}

void sb_render_v2_children(const sb_resource *r, long parent, const sb_args *a, sb_reply *rp)
{
    size_t lo = sb_resource_lower_parent(r, parent);
    size_t hi = sb_resource_lower_parent(r, parent + 1);
    v2_page(r, lo, hi, a, rp);
}

void sb_render_v2_one(const sb_resource *r, long id, sb_reply *rp)
{
    const sb_item *it = sb_resource_find(r, id);
    char *body;
    if (!it) {
        sb_reply_v2_error(rp, 404, "The requested resource was not found.");
        return;
    }
    body = malloc(it->len + 1);
    if (body)
        memcpy(body, it->json, it->len + 1);
    sb_reply_set(rp, 200, "application/json", body, it->len);
}

void sb_render_singleton(const sb_resource *r, sb_reply *rp)
{
    if (r->count == 0) {
        sb_reply_v2_error(rp, 404, "The requested resource was not found.");
        return;
    }
    sb_render_v2_one(r, r->items[0].id, rp);
}
