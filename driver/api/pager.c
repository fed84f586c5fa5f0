/*
 * The pager (docs/ARCHITECTURE.md): the rows of a list endpoint, one page at a time, in order.
 *   V3     ?page=&limit=; page 1 tells meta.pagination.total_pages, then pages 2..N come
 *          through the sliding window (pager_window.c), handed out in order.
 *   V2     ?page=&limit=, a bare array per page, 204 past the last page. With a count
 *          endpoint (bc_pager_set_count_path), page 1 and the count are requested at once
 *          and pages 2..N come through the window; without one, page after page until a
 *          short page or the 204.
 *   NONE   no paging parameters; a bare array, {data:[...]}, or one object (= one row).
 *          Should the answer declare more pages, they are asked for with page= alone.
 *   CURSOR ?limit=&after=, following meta.cursor_pagination.links.next.
 * A 404 below a parent id (the parent vanished between listing and fetching) is no rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "api_internal.h"
#include "pager_internal.h"
#include "pager_state.h"

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
    p->keys_ascending = true;
    p->declared_total = p->declared_per_page = -1;
    return p;
}

int bc_pager_set_count_path(bc_pager *p, const char *count_path)
{
    char *copy = NULL;

    if (count_path != NULL && (copy = bc_strdup(count_path)) == NULL)
        return -1;
    free(p->count_path);
    p->count_path = copy;
    return 0;
}

void bc_pager_close(bc_pager *p)
{
    if (p == NULL)
        return;
    bc_pager_window_close(p);
    cJSON_Delete(p->cur);
    free(p->path);
    free(p->count_path);
    free(p->query);
    free(p->after);
    bc_pager_check_free(p);
    free(p);
}

bc_api_expect bc_pager_expect(const bc_pager *p)
{
    switch (p->paging) {
    case BC_PAGING_V3:
    case BC_PAGING_CURSOR:
        return BC_API_EXPECT_V3;
    case BC_PAGING_V2:
        return BC_API_EXPECT_V2_LIST;
    default:
        return BC_API_EXPECT_JSON;
    }
}

/* GET path_query; a 404 below a parent id is "no document" (0), not an error. */
static int get(bc_pager *p, const char *path_query, cJSON **doc, bc_error *err)
{
    bc_error e;
    long status = 0;

    bc_error_clear(&e);
    if (bc_api_get_as(p->a, path_query, bc_pager_expect(p), doc, &status, &e) == 0)
        return 0;
    if (status == 404 && bc_api_is_child_path(p->path)) {
        *doc = NULL;
        return 0;
    }
    return bc_error_set(err, e.sqlstate, e.native, "%s", e.message);
}

char *bc_pager_page_path(const bc_pager *p, int page)
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

static int resume_by_key(bc_pager *p, cJSON **doc, bc_error *err);

/* *doc (page number page, 0 when pages are not numbered, requested as pq) checked against
 * the scan (pager_check.c); one that contradicts it is fetched again past the cache, once
 * (page 1 of v3 then declares again). 0 with *doc the page to use, -1 with err set (40001
 * when the contradiction stays). */
static int checked(bc_pager *p, const char *pq, int page, cJSON **doc, bc_error *err)
{
    char why[256];

    if (*doc == NULL || !bc_pager_contradiction(p, page, *doc, why, sizeof why))
        return 0;
    bc_log(2, "%s contradicts the scan (%s): reading it again", pq, why);
    cJSON_Delete(*doc);
    *doc = NULL;
    bc_api_cache_forget(p->a, pq);
    if (get(p, pq, doc, err) != 0)
        return -1;
    if (page == 1 && p->paging == BC_PAGING_V3)
        bc_pager_declare(p, *doc);
    if (*doc == NULL || !bc_pager_contradiction(p, page, *doc, why, sizeof why))
        return 0;
    cJSON_Delete(*doc);
    *doc = NULL;
    if (!p->by_key && bc_pager_can_resume(p)) {
        bc_log(2, "%s still contradicts the scan (%s): going on by key", pq, why);
        return resume_by_key(p, doc, err);
    }
    return bc_pager_inconsistent(p, why, err);
}

/* The next page by key: the items after the greatest key handed out, in key order. Each
 * such page declares its own totals (they count what is left), so it is checked as a page 1.
 * 0 with *doc, -1 with err set. */
static int get_key_page(bc_pager *p, cJSON **doc, bc_error *err)
{
    char *q = bc_sprintf("%s%s%s=%lld&limit=%ld", p->query ? p->query : "", p->query ? "&" : "",
                         p->resume_param, p->max_key + (p->resume_inclusive ? 1 : 0), p->limit);
    char *pq = q ? bc_api_join_query(p->path, q) : NULL;
    int rc;

    free(q);
    if (pq == NULL)
        return oom(err);
    rc = get(p, pq, doc, err);
    if (rc == 0 && p->paging == BC_PAGING_V3)
        bc_pager_declare(p, *doc);
    if (rc == 0)
        rc = checked(p, pq, p->paging == BC_PAGING_V3 ? 1 : 0, doc, err);
    free(pq);
    return rc;
}

/* Pages by number stopped agreeing (an item deleted or added between two of them): drop
 * the pages fetched ahead and go on from the last key handed out, page by key after page
 * by key, which no insert or delete can shift. */
static int resume_by_key(bc_pager *p, cJSON **doc, bc_error *err)
{
    bc_pager_window_close(p);
    p->last = 0;
    p->by_key = true;
    p->done = false;
    return get_key_page(p, doc, err);
}

/* Fewer items than a full page (a 204 or a missing body counts as none). */
static bool is_short(const bc_pager *p, const cJSON *doc)
{
    return doc == NULL || !cJSON_IsArray(doc) || cJSON_GetArraySize(doc) < p->limit;
}

/* v2 with a count: page came back short before the counted last page. The count is only an
 * upper bound (/v2/orders/count also counts orders the list leaves out), so a short page may
 * be the true end, or a damaged or racing answer. It is read again; still short, it ends
 * the scan only if the page after it is empty (from the window when it is open, else one
 * more GET). 0 with *doc to hand out (p->done set when it is the end), -1 with err. */
static int verify_short_v2(bc_pager *p, const char *pq, int page, cJSON **doc, bc_error *err)
{
    cJSON *next = NULL;
    char why[160];
    bool more;
    int rc;

    bc_log(2, "%s is short before the counted end: reading it again", pq);
    cJSON_Delete(*doc);
    *doc = NULL;
    bc_api_cache_forget(p->a, pq);
    if (get(p, pq, doc, err) != 0 || checked(p, pq, page, doc, err) != 0)
        return -1;
    if (!is_short(p, *doc))
        return 0;
    p->done = true;
    if (p->last > page) {
        rc = bc_pager_window_next(p, &next, err);
    } else {
        char *npq = bc_pager_page_path(p, page + 1);
        rc = npq == NULL ? oom(err) : get(p, npq, &next, err) == 0 ? 1 : -1;
        free(npq);
    }
    more = rc > 0 && cJSON_IsArray(next) && cJSON_GetArraySize(next) > 0;
    cJSON_Delete(next);
    if (rc >= 0 && !more)
        return 0;
    cJSON_Delete(*doc);
    *doc = NULL;
    if (rc < 0)
        return -1;
    snprintf(why, sizeof why, "page %d holds fewer than %ld items, yet page %d has more", page,
             p->limit, page + 1);
    if (bc_pager_can_resume(p)) {
        bc_log(2, "%s: %s: going on by key", pq, why);
        return resume_by_key(p, doc, err);
    }
    return bc_pager_inconsistent(p, why, err);
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
    if (p->by_key && cJSON_GetArraySize(arr) < p->limit)
        p->done = true; /* the rest of the list fitted in this page */
    bc_pager_truncate(arr, p->max_rows, p->delivered);
    if (bc_pager_remember(p, arr) != 0)
        return oom(err);
    p->delivered += cJSON_GetArraySize(arr);
    *items = arr;
    return 1;
}

/* A list whose reference declares no paging parameters is asked for without them. If
 * its answer still says more pages follow (meta.pagination.total_pages, at the server's
 * own page size), those are asked for with page= alone, as its next links do: every row
 * is read, and a store that does not paginate the list never sees a parameter. */
static int next_none(bc_pager *p, cJSON **items, bc_error *err)
{
    char *pq, *q = NULL;
    cJSON *doc = NULL;
    int rc;

    if (p->next_page > 1 && (q = bc_sprintf("%s%spage=%d", p->query ? p->query : "",
                                            p->query ? "&" : "", p->next_page)) == NULL)
        return oom(err);
    pq = bc_api_join_query(p->path, q ? q : p->query);
    free(q);
    if (pq == NULL)
        return oom(err);
    rc = get(p, pq, &doc, err);
    if (rc == 0)
        rc = checked(p, pq, 0, &doc, err);
    free(pq);
    if (rc != 0)
        return -1;
    if (p->next_page == 1)
        p->total_pages = doc ? bc_pager_total_pages(doc) : 1;
    p->done = ++p->next_page > p->total_pages;
    return hand_out(p, doc, items, err);
}

/* The next page of a v2 list, one request after another. */
static int next_v2_sequential(bc_pager *p, cJSON **items, bc_error *err)
{
    char *pq = bc_pager_page_path(p, p->next_page);
    cJSON *doc = NULL;
    int rc;

    if (pq == NULL)
        return oom(err);
    rc = get(p, pq, &doc, err);
    if (rc == 0)
        rc = checked(p, pq, 0, &doc, err);
    free(pq);
    if (rc != 0)
        return -1;
    p->next_page++;
    /* A page shorter than the limit is the last one: stopping here saves the round trip
     * that would only bring the 204 (nothing declared the length of this list, so a short
     * page cannot be told from the end without that round trip). */
    if (doc == NULL || !cJSON_IsArray(doc) || cJSON_GetArraySize(doc) < p->limit)
        p->done = true;
    return hand_out(p, doc, items, err);
}

/* Pages from the window (v3 pages 2..N, counted v2 pages 2..N). */
static int next_windowed(bc_pager *p, cJSON **items, bc_error *err)
{
    cJSON *doc = NULL;
    int page = p->next_page;
    char *pq;
    int rc = bc_pager_window_next(p, &doc, err);

    if (rc <= 0)
        return rc;
    if ((pq = bc_pager_page_path(p, page)) == NULL) {
        cJSON_Delete(doc);
        return oom(err);
    }
    rc = checked(p, pq, page, &doc, err);
    /* v2: a short page or the 204 before the counted end. */
    if (rc == 0 && p->paging == BC_PAGING_V2 && is_short(p, doc))
        rc = page < p->last ? verify_short_v2(p, pq, page, &doc, err) : (p->done = true, 0);
    free(pq);
    return rc != 0 ? -1 : hand_out(p, doc, items, err);
}

/* Start GET count_path?query (the count takes the list's filters), or NULL when it is not
 * worth it (a row cap that one page covers) or the limiter wants a wait. */
static bc_api_call *start_count(bc_pager *p)
{
    char *pq;
    bc_api_call *c = NULL;
    bc_error e;

    if (p->max_rows > 0 && p->max_rows <= p->limit)
        return NULL;
    if ((pq = bc_api_join_query(p->count_path, p->query)) == NULL)
        return NULL;
    bc_error_clear(&e);
    bc_api_call_start(p->a, pq, false, &c, &e);
    free(pq);
    return c;
}

/* Total pages from the count call (consumed), -1 when unknown. */
static int finish_count(bc_pager *p, bc_api_call *c)
{
    cJSON *doc = NULL;
    bc_error e;
    int pages = -1;

    bc_error_clear(&e);
    if (bc_api_call_finish(p->a, c, &doc, NULL, &e) == 0)
        pages = bc_pager_pages_of_count(doc, p->limit);
    else
        bc_log(3, "count not used, paging on one page at a time: %s", e.message);
    cJSON_Delete(doc);
    return pages;
}

/* v2 page 1 and the count at once; a full page 1 and a usable count open the window over
 * pages 2..N before page 1 is handed out, so they load while the cursor reads it. */
static int first_v2_counted(bc_pager *p, cJSON **items, bc_error *err)
{
    char *pq = bc_pager_page_path(p, 1);
    bc_api_call *page1 = NULL, *count = NULL;
    cJSON *doc = NULL;
    long status = 0;
    bc_error e;
    int rc;

    if (pq == NULL)
        return oom(err);
    rc = bc_api_call_start_as(p->a, pq, BC_API_EXPECT_V2_LIST, true, &page1, err);
    free(pq);
    if (rc < 0)
        return -1;
    count = start_count(p);
    bc_error_clear(&e);
    rc = bc_api_call_finish(p->a, page1, &doc, &status, &e);
    if (rc != 0 && !(status == 404 && bc_api_is_child_path(p->path))) {
        bc_api_call_abandon(p->a, count);
        return bc_error_set(err, e.sqlstate, e.native, "%s", e.message);
    }
    p->next_page = 2;
    rc = 0; /* a 404 below a vanished parent is no rows */
    if ((pq = bc_pager_page_path(p, 1)) == NULL || checked(p, pq, 1, &doc, err) != 0) {
        bc_api_call_abandon(p->a, count);
        free(pq);
        return pq == NULL ? oom(err) : -1;
    }
    if (is_short(p, doc)) {
        /* One page is all there is, unless the count says otherwise. The count, sent with
         * page 1, is still collected, not dropped: it costs no round trip and keeps the
         * requests a scan makes the same from run to run. */
        int pages = count != NULL ? finish_count(p, count) : -1;
        p->done = true;
        rc = pages > 1 && (p->max_rows <= 0 || p->max_rows > cJSON_GetArraySize(doc))
                 ? verify_short_v2(p, pq, 1, &doc, err)
                 : 0;
    } else if (count != NULL && (p->total_pages = finish_count(p, count)) > 0) {
        bc_pager_window_open(p, 2, bc_pager_last_page(p->total_pages, p->max_rows, p->limit));
    }
    free(pq);
    return rc != 0 ? -1 : hand_out(p, doc, items, err);
}

static int next_v2(bc_pager *p, cJSON **items, bc_error *err)
{
    if (p->by_key) {
        cJSON *doc = NULL;
        return get_key_page(p, &doc, err) != 0 ? -1 : hand_out(p, doc, items, err);
    }
    if (p->count_path != NULL && p->next_page == 1)
        return first_v2_counted(p, items, err);
    if (p->total_pages > 0)
        return next_windowed(p, items, err);
    return next_v2_sequential(p, items, err);
}

static int first_v3(bc_pager *p, cJSON **items, bc_error *err)
{
    char *pq = bc_pager_page_path(p, 1);
    cJSON *doc = NULL;
    int rc;

    if (pq == NULL)
        return oom(err);
    rc = get(p, pq, &doc, err);
    if (rc == 0) {
        bc_pager_declare(p, doc);
        rc = checked(p, pq, 1, &doc, err);
    }
    free(pq);
    if (rc != 0)
        return -1;
    p->total_pages = bc_pager_total_pages(doc);
    /* Pages 2.. start now and load while the cursor reads page 1. */
    bc_pager_window_open(p, 2, bc_pager_last_page(p->total_pages, p->max_rows, p->limit));
    return hand_out(p, doc, items, err);
}

static int next_v3(bc_pager *p, cJSON **items, bc_error *err)
{
    cJSON *doc = NULL;

    if (p->total_pages < 0)
        return first_v3(p, items, err);
    if (!p->by_key)
        return next_windowed(p, items, err);
    if (get_key_page(p, &doc, err) != 0)
        return -1;
    return hand_out(p, doc, items, err);
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
    if (rc == 0)
        rc = checked(p, pq, 0, &doc, err);
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
    if (p->done)
        return 0;
    bc_api_progress(p->a); /* pages in flight move on while the cursor was busy */
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
    if (p->done)
        bc_pager_window_close(p); /* the end came early: pages ahead are not needed */
    return rc;
}

/* The first request a pager opened with these arguments makes (see page_path,
 * next_cursor, next_none). Caller frees; NULL on allocation failure. */
char *bc_pager_first_request(bc_api *a, const char *path, const char *query, bc_paging paging,
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
    char **pq;
    cJSON **outs;
    long *statuses;
    bc_error *errs, e;
    int *rcs, ok;

    bc_error_clear(&e);
    if (a == NULL || !a->cache_on || n < 2 || bc_api_check_ready(a, &e) != 0)
        return;
    pq = calloc((size_t)n, sizeof *pq);
    outs = calloc((size_t)n, sizeof *outs);
    statuses = calloc((size_t)n, sizeof *statuses);
    errs = calloc((size_t)n, sizeof *errs);
    rcs = calloc((size_t)n, sizeof *rcs);
    ok = pq && outs && statuses && errs && rcs;
    for (int i = 0; ok && i < n; i++)
        ok = (pq[i] = bc_pager_first_request(a, paths[i], query, paging, max_rows)) != NULL;
    /* One sliding window over all of them; the responses land in the cache as a side
     * effect (out of memory only costs the saving), the documents are not needed. */
    if (ok)
        bc_api_get_many(a, pq, n, outs, statuses, errs, rcs);
    for (int i = 0; pq && i < n; i++) {
        if (ok)
            cJSON_Delete(outs[i]);
        free(pq[i]);
    }
    free(pq);
    free(outs);
    free(statuses);
    free(errs);
    free(rcs);
}
