/*
 * The pager's sliding window (docs/ARCHITECTURE.md). Once the last page is known (v3 total_pages,
 * or the v2 count endpoint), up to bc_api_window() pages are in flight on the connection's
 * multi handle. Pages are handed out in order; as soon as the next one in order has
 * arrived it is handed out and another request starts, so a slow page holds back only its
 * own slot and memory stays at one window of pages however long the table is.
 * Look-ahead pages start only when the rate limiter admits them without waiting; the page
 * the cursor needs now may wait for it.
 */
#include <stdlib.h>
#include "bc_util.h"
#include "pager_state.h"

static int in_flight(const bc_pager *p)
{
    return p->next_start - p->next_page;
}

/* Start pages until the window is full, the limiter says "not now", or none are left.
 * -1 with err set when a start failed. */
static int fill(bc_pager *p, bc_error *err)
{
    while (in_flight(p) < bc_api_window(p->a) && p->next_start <= p->last) {
        char *pq = bc_pager_page_path(p, p->next_start);
        bc_api_call *c = NULL;
        int rc;
        if (pq == NULL)
            return bc_error_set(err, "HY001", 0, "Out of memory while reading a page.");
        /* Only the page wanted now may wait for the limiter: the window must move. */
        rc = bc_api_call_start_as(p->a, pq, bc_pager_expect(p), in_flight(p) == 0, &c, err);
        free(pq);
        if (rc < 0)
            return -1;
        if (rc == 0)
            return 0;
        p->win[p->next_start % BC_API_WINDOW_MAX] = c;
        p->next_start++;
    }
    return 0;
}

void bc_pager_window_open(bc_pager *p, int from, int last)
{
    bc_error ignored;

    p->next_page = p->next_start = from;
    p->last = last;
    bc_error_clear(&ignored);
    /* A failed look-ahead start is met again, and reported, when its page is wanted. */
    if (fill(p, &ignored) != 0)
        bc_log(3, "look-ahead not started: %s", ignored.message);
}

int bc_pager_window_next(bc_pager *p, cJSON **doc, bc_error *err)
{
    bc_api_call *c;
    long status = 0;
    bc_error e;
    int rc;

    *doc = NULL;
    if (p->next_page > p->last)
        return 0;
    if (fill(p, err) != 0)
        return -1;
    c = p->win[p->next_page % BC_API_WINDOW_MAX];
    p->win[p->next_page % BC_API_WINDOW_MAX] = NULL;
    p->next_page++;
    bc_error_clear(&e);
    rc = bc_api_call_finish(p->a, c, doc, &status, &e);
    if (rc != 0 && !(status == 404 && bc_api_is_child_path(p->path)))
        return bc_error_set(err, e.sqlstate, e.native, "%s", e.message);
    /* Keep the window full while the cursor works through this page; a start that fails
     * here is met again, and reported, when its page is wanted. */
    bc_error_clear(&e);
    fill(p, &e);
    return 1;
}

void bc_pager_window_close(bc_pager *p)
{
    for (int n = p->next_page; n < p->next_start; n++) {
        bc_api_call_abandon(p->a, p->win[n % BC_API_WINDOW_MAX]);
        p->win[n % BC_API_WINDOW_MAX] = NULL;
    }
    p->next_start = p->next_page;
}
