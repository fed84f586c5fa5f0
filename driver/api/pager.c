/*
 * The pager (DESIGN.md §9): the rows of a list endpoint, one page at a time, in order.
 *   V3     ?page=&limit=; page 1 tells meta.pagination.total_pages, then up to
 *          BC_PAGER_WINDOW following pages are fetched at once and handed out in order, so
 *          memory stays at one window of pages however long the table is.
 *   V2     ?page=&limit=, a bare array per page, 204 past the last page.
 *   NONE   one request; a bare array, {data:[...]}, or one object (= one row).
 *   CURSOR ?limit=&after=, following meta.cursor_pagination.links.next.
 * A 404 below a parent id (the parent vanished between listing and fetching) is no rows.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "api_internal.h"
#include "pager_internal.h"

struct bc_pager {
    bc_api *a;
    char *path, *query;
    bc_paging paging;
    long max_rows, limit, delivered;
    int next_page, total_pages; /* v3: total_pages is -1 until page 1 arrived */
    bool done;
    cJSON *cur;                    /* owns the items handed out last */
    cJSON *ready[BC_PAGER_WINDOW]; /* v3 pages fetched ahead, in order */
    int nready, ready_pos;
    char *after; /* cursor for the next CURSOR page */
};

bc_pager *bc_pager_open(bc_api *a, const char *path, const char *query, bc_paging paging,
                        long max_rows, bc_error *err)
{
    bc_pager *p;

    if (bc_api_check_ready(a, err) != 0)
        return NULL;
    p = calloc(1, sizeof *p);
    if (p == NULL || (p->path = bc_strdup(path)) == NULL ||
        (query && *query && (p->query = bc_strdup(query)) == NULL)) {
        bc_pager_close(p);
        bc_error_set(err, "HY001", 0, "Out of memory while starting a scan.");
        return NULL;
    }
    p->a = a;
    p->paging = paging;
    p->max_rows = max_rows > 0 ? max_rows : 0;
    p->limit = bc_pager_limit(a->page_size, p->max_rows);
    p->next_page = 1;
    p->total_pages = -1;
    return p;
}

void bc_pager_close(bc_pager *p)
{
    if (p == NULL)
        return;
    for (int i = p->ready_pos; i < p->nready; i++)
        cJSON_Delete(p->ready[i]);
    cJSON_Delete(p->cur);
    free(p->path);
    free(p->query);
    free(p->after);
    free(p);
}

/* GET path_query; a 404 below a parent id is "no document" (0), not an error. */
static int get(bc_pager *p, const char *path_query, cJSON **doc, bc_error *err)
{
    bc_error e;
    long status = 0;

    bc_error_clear(&e);
    if (bc_api_get(p->a, path_query, doc, &status, &e) == 0)
        return 0;
    if (status == 404 && bc_api_is_child_path(p->path)) {
        *doc = NULL;
        return 0;
    }
    return bc_error_set(err, e.sqlstate, e.native, "%s", e.message);
}

static char *page_path(const bc_pager *p, int page)
{
    char *q = bc_sprintf("%s%spage=%d&limit=%ld", p->query ? p->query : "", p->query ? "&" : "",
                         page, p->limit);
    char *pq = q ? bc_api_join_query(p->path, q) : NULL;

    free(q);
    return pq;
}

static int oom(bc_error *err)
{
    return bc_error_set(err, "HY001", 0, "Out of memory while reading a page.");
}

/* Make doc the current page and hand its items out (1), or report the end (0). */
static int hand_out(bc_pager *p, cJSON *doc, cJSON **items, bc_error *err)
{
    cJSON *arr;

    cJSON_Delete(p->cur);
    p->cur = bc_pager_items(doc, &arr);
    if (doc != NULL && p->cur == NULL)
        return oom(err);
    if (arr == NULL || cJSON_GetArraySize(arr) == 0)
        return 0;
    bc_pager_truncate(arr, p->max_rows, p->delivered);
    p->delivered += cJSON_GetArraySize(arr);
    *items = arr;
    return 1;
}

static int next_none(bc_pager *p, cJSON **items, bc_error *err)
{
    char *pq = bc_api_join_query(p->path, p->query);
    cJSON *doc = NULL;
    int rc;

    if (pq == NULL)
        return oom(err);
    p->done = true;
    rc = get(p, pq, &doc, err);
    free(pq);
    return rc != 0 ? -1 : hand_out(p, doc, items, err);
}

static int next_v2(bc_pager *p, cJSON **items, bc_error *err)
{
    char *pq = page_path(p, p->next_page);
    cJSON *doc = NULL;
    int rc;

    if (pq == NULL)
        return oom(err);
    rc = get(p, pq, &doc, err);
    free(pq);
    if (rc != 0)
        return -1;
    p->next_page++;
    /* A page shorter than the limit is the last one: stopping here saves the round trip
     * that would only bring the 204. */
    if (doc == NULL || !cJSON_IsArray(doc) || cJSON_GetArraySize(doc) < p->limit)
        p->done = true;
    return hand_out(p, doc, items, err);
}

static int first_v3(bc_pager *p, cJSON **items, bc_error *err)
{
    char *pq = page_path(p, 1);
    cJSON *doc = NULL;
    int rc;

    if (pq == NULL)
        return oom(err);
    rc = get(p, pq, &doc, err);
    free(pq);
    if (rc != 0)
        return -1;
    p->next_page = 2;
    p->total_pages = bc_pager_total_pages(doc);
    return hand_out(p, doc, items, err);
}

/* Fetch the next window of v3 pages into ready[]. */
static int fill_v3(bc_pager *p, int last, bc_error *err)
{
    int n = last - p->next_page + 1, rcs[BC_PAGER_WINDOW], i, rc = 0;
    char *paths[BC_PAGER_WINDOW] = {0};
    long statuses[BC_PAGER_WINDOW];
    bc_error errs[BC_PAGER_WINDOW];

    if (n > BC_PAGER_WINDOW)
        n = BC_PAGER_WINDOW;
    for (i = 0; i < n; i++)
        if ((paths[i] = page_path(p, p->next_page + i)) == NULL)
            rc = oom(err);
    if (rc == 0)
        bc_api_get_many(p->a, paths, n, p->ready, statuses, errs, rcs);
    for (i = 0; i < n; i++) {
        free(paths[i]);
        if (rc == 0 && rcs[i] != 0 && !(statuses[i] == 404 && bc_api_is_child_path(p->path)))
            rc = bc_error_set(err, errs[i].sqlstate, errs[i].native, "%s", errs[i].message);
    }
    if (rc != 0) {
        for (i = 0; i < n; i++)
            cJSON_Delete(p->ready[i]);
        return -1;
    }
    p->nready = n;
    p->ready_pos = 0;
    p->next_page += n;
    return 0;
}

static int next_v3(bc_pager *p, cJSON **items, bc_error *err)
{
    int last;

    if (p->total_pages < 0)
        return first_v3(p, items, err);
    if (p->ready_pos >= p->nready) {
        p->nready = p->ready_pos = 0;
        last = bc_pager_last_page(p->total_pages, p->max_rows, p->limit);
        if (p->next_page > last) {
            p->done = true;
            return 0;
        }
        if (fill_v3(p, last, err) != 0)
            return -1;
    }
    return hand_out(p, p->ready[p->ready_pos++], items, err);
}

static int next_cursor(bc_pager *p, cJSON **items, bc_error *err)
{
    char *q = bc_sprintf("%s%slimit=%ld%s%s", p->query ? p->query : "", p->query ? "&" : "",
                         p->limit, p->after ? "&after=" : "", p->after ? p->after : "");
    char *pq = q ? bc_api_join_query(p->path, q) : NULL;
    cJSON *doc = NULL;
    int rc;

    free(q);
    if (pq == NULL)
        return oom(err);
    rc = get(p, pq, &doc, err);
    free(pq);
    if (rc != 0)
        return -1;
    free(p->after);
    p->after = bc_pager_next_cursor(doc);
    if (p->after == NULL)
        p->done = true;
    return hand_out(p, doc, items, err);
}

int bc_pager_next(bc_pager *p, cJSON **items, bc_error *err)
{
    int rc;

    *items = NULL;
    if (bc_flag_get(p->a->cancel_flag))
        return bc_error_set(err, "HY008", 0, "The operation was cancelled.");
    if (p->max_rows > 0 && p->delivered >= p->max_rows)
        p->done = true;
    if (p->done && p->ready_pos >= p->nready)
        return 0;
    switch (p->paging) {
    case BC_PAGING_V3:
        rc = next_v3(p, items, err);
        break;
    case BC_PAGING_V2:
        rc = next_v2(p, items, err);
        break;
    case BC_PAGING_CURSOR:
        rc = next_cursor(p, items, err);
        break;
    default:
        rc = next_none(p, items, err);
        break;
    }
    if (rc == 0)
        p->done = true;
    return rc;
}

/* The first request a pager opened with these arguments makes (see page_path,
 * next_cursor, next_none). Caller frees; NULL on allocation failure. */
static char *first_request(bc_api *a, const char *path, const char *query, bc_paging paging,
                           long max_rows)
{
    const char *q = query && *query ? query : NULL;
    long limit = bc_pager_limit(a->page_size, max_rows > 0 ? max_rows : 0);
    char *extra, *pq;

    if (paging == BC_PAGING_NONE)
        return bc_api_join_query(path, q);
    if (paging == BC_PAGING_CURSOR)
        extra = bc_sprintf("%s%slimit=%ld", q ? q : "", q ? "&" : "", limit);
    else
        extra = bc_sprintf("%s%spage=1&limit=%ld", q ? q : "", q ? "&" : "", limit);
    pq = extra ? bc_api_join_query(path, extra) : NULL;
    free(extra);
    return pq;
}

void bc_pager_prefetch(bc_api *a, char *const *paths, int n, const char *query, bc_paging paging,
                       long max_rows)
{
    bc_error e;

    bc_error_clear(&e);
    if (a == NULL || !a->cache_on || n < 2 || bc_api_check_ready(a, &e) != 0)
        return;
    for (int i = 0; i < n; i += BC_PAGER_WINDOW) {
        char *pq[BC_PAGER_WINDOW] = {0};
        cJSON *outs[BC_PAGER_WINDOW];
        long statuses[BC_PAGER_WINDOW];
        bc_error errs[BC_PAGER_WINDOW];
        int rcs[BC_PAGER_WINDOW], k = n - i < BC_PAGER_WINDOW ? n - i : BC_PAGER_WINDOW, ok = 1;

        for (int j = 0; j < k; j++)
            ok &= (pq[j] = first_request(a, paths[i + j], query, paging, max_rows)) != NULL;
        /* The responses land in the cache as a side effect; the documents are not needed. */
        if (ok)
            bc_api_get_many(a, pq, k, outs, statuses, errs, rcs);
        for (int j = 0; j < k; j++) {
            if (ok)
                cJSON_Delete(outs[j]);
            free(pq[j]);
        }
        if (!ok || bc_flag_get(a->cancel_flag))
            return;
    }
}
