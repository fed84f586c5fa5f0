/*
 * Replies of the order sub-resources that the generic renderers (render.c) do not shape:
 * v3 lists of one order's children ({data, meta}; transactions and metafields carry
 * meta.pagination, refunds an empty meta, as the reference shows) and the shipping quote of
 * one shipping consignment, whose path holds two ids.
 */
#include "sandbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DEFAULT_LIMIT = 50, MAX_LIMIT = 250 };

static long arg_long(const sb_args *a, const char *key, long dflt)
{
    const char *v = a->get(a->ctx, key);
    char *end;
    if (!v || !*v)
        return dflt;
    long n = strtol(v, &end, 10);
    return *end || n < 1 ? dflt : n;
}

/* Concatenates head, the items [from, to) of r separated by commas, and tail. */
static char *join_items(const sb_resource *r, size_t from, size_t to, const char *head,
                        const char *tail, size_t *len)
{
    size_t n = strlen(head) + strlen(tail) + 1;
    for (size_t i = from; i < to; i++)
        n += r->items[i].len + 1;
    char *out = malloc(n);
    if (!out)
        return NULL;
    size_t pos = strlen(head);
    memcpy(out, head, pos);
    for (size_t i = from; i < to; i++) {
        if (i > from)
            out[pos++] = ',';
        memcpy(out + pos, r->items[i].json, r->items[i].len);
        pos += r->items[i].len;
    }
    memcpy(out + pos, tail, strlen(tail) + 1);
    *len = pos + strlen(tail);
    return out;
}

void sb_render_v3_children(const sb_resource *r, long parent, const sb_args *a, int paged,
                           sb_reply *rp)
{
    size_t lo = sb_resource_lower_parent(r, parent);
    size_t hi = sb_resource_lower_parent(r, parent + 1);
    size_t total = hi - lo, len = 0;
    long page = paged ? arg_long(a, "page", 1) : 1;
    long limit = paged ? arg_long(a, "limit", DEFAULT_LIMIT) : (long)total + 1;
    char tail[320];
    if (limit > MAX_LIMIT && paged)
        limit = MAX_LIMIT;
    size_t from = lo + (size_t)(page - 1) * (size_t)limit;
    size_t to = from + (size_t)limit;
    if (from > hi)
        from = hi;
    if (to > hi)
        to = hi;
    if (paged) {
        long pages = (long)((total + (size_t)limit - 1) / (size_t)limit);
        snprintf(tail, sizeof tail,
                 "],\"meta\":{\"pagination\":{\"total\":%zu,\"count\":%zu,\"per_page\":%ld,"
                 "\"current_page\":%ld,\"total_pages\":%ld}}}",
                 total, to - from, limit, page, pages);
    } else {
        snprintf(tail, sizeof tail, "],\"meta\":{}}");
    }
    char *body = join_items(r, from, to, "{\"data\":[", tail, &len);
    if (!body) {
        sb_reply_set(rp, 500, "application/json", NULL, 0);
        return;
    }
    sb_reply_set(rp, 200, "application/json", body, len);
}

void sb_render_consignment_quote(const sb_resource *quotes, const char *path, sb_reply *rp)
{
    long order_id = 0, consignment = 0;
    if (sscanf(path, "v2/orders/%ld/consignments/shipping/%ld/shipping_quotes", &order_id,
               &consignment) == 2) {
        size_t i = sb_resource_lower_parent(quotes, order_id);
        for (; i < quotes->count && quotes->items[i].parent_id == order_id; i++) {
            const sb_item *it = &quotes->items[i];
            char *body = it->id == consignment ? malloc(it->len + 1) : NULL;
            if (it->id != consignment)
                continue;
            if (body)
                memcpy(body, it->json, it->len + 1);
            sb_reply_set(rp, 200, "application/json", body, it->len);
            return;
        }
    }
    sb_reply_v2_error(rp, 404, "The requested resource was not found.");
}
