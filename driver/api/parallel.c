/*
 * Several GETs at once (the per-parent prefetch): a sliding window over bc_api_call. Up to
 * bc_api_window() requests are in flight; as soon as the oldest one is answered the next
 * one starts, so one slow response holds back only its own slot, not a whole batch.
 * Look-ahead requests start only when the rate limiter admits them without waiting; the
 * oldest unanswered request may wait for it, so the window always moves.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "api_internal.h"

typedef struct many {
    bc_api *a;
    char *const *paths;
    int n, next_start;
    bc_api_call *calls[BC_API_WINDOW_MAX]; /* paths[i] is in calls[i % BC_API_WINDOW_MAX] */
    int nflight;
    cJSON **outs;
    long *statuses;
    bc_error *errs;
    int *rcs;
} many;

/* Start requests until the window is full, the limiter says "not now", or none are left.
 * A start that fails is recorded as request i's outcome. */
static void fill(many *m, int oldest)
{
    while (m->nflight < bc_api_window(m->a) && m->next_start < m->n) {
        int i = m->next_start;
        bc_api_call *c = NULL;
        int rc = bc_api_call_start(m->a, m->paths[i], i == oldest, &c, &m->errs[i]);
        if (rc == 0)
            return;
        m->next_start++;
        if (rc < 0) {
            m->rcs[i] = -1;
            continue;
        }
        m->calls[i % BC_API_WINDOW_MAX] = c;
        m->nflight++;
    }
}

void bc_api_get_many(bc_api *a, char *const *paths, int n, cJSON **outs, long *statuses,
                     bc_error *errs, int *rcs)
{
    many m = {.a = a,
              .paths = paths,
              .n = n,
              .outs = outs,
              .statuses = statuses,
              .errs = errs,
              .rcs = rcs};

    for (int i = 0; i < n; i++) {
        outs[i] = NULL;
        statuses[i] = 0;
        rcs[i] = 0;
        bc_error_clear(&errs[i]);
    }
    for (int i = 0; i < n; i++) {
        bc_api_call *c;
        fill(&m, i);
        if (i >= m.next_start || rcs[i] != 0)
            continue; /* its start failed (recorded) */
        c = m.calls[i % BC_API_WINDOW_MAX];
        m.calls[i % BC_API_WINDOW_MAX] = NULL;
        m.nflight--;
        rcs[i] = bc_api_call_finish(a, c, &outs[i], &statuses[i], &errs[i]);
    }
}

struct bc_api_ahead {
    bc_api *a;
    bc_api_call *calls[BC_API_WINDOW_MAX];
    char *keys[BC_API_WINDOW_MAX]; /* path and query of calls[i] */
    int n;
};

bc_api_ahead *bc_api_ahead_new(bc_api *a)
{
    bc_api_ahead *h = calloc(1, sizeof *h);

    if (h != NULL)
        h->a = a;
    return h;
}

static int find(const bc_api_ahead *h, const char *key)
{
    for (int i = 0; i < h->n; i++)
        if (strcmp(h->keys[i], key) == 0)
            return i;
    return -1;
}

static void drop(bc_api_ahead *h, int i)
{
    free(h->keys[i]);
    h->n--;
    h->calls[i] = h->calls[h->n];
    h->keys[i] = h->keys[h->n];
}

void bc_api_ahead_start(bc_api_ahead *h, const char *path, const char *query, bc_paging paging)
{
    bc_api_call *c = NULL;
    bc_error e;
    char *key;

    if (h == NULL || !h->a->cache_on || h->n >= bc_api_window(h->a))
        return;
    if ((key = bc_pager_first_request(h->a, path, query, paging, 0)) == NULL)
        return;
    bc_error_clear(&e);
    if (find(h, key) >= 0 || bc_api_cache_contains(h->a, key) ||
        bc_api_call_start(h->a, key, false, &c, &e) != 1) {
        free(key);
        return;
    }
    h->calls[h->n] = c;
    h->keys[h->n++] = key;
}

void bc_api_ahead_settle(bc_api_ahead *h, const char *path, const char *query, bc_paging paging)
{
    char *key = h ? bc_pager_first_request(h->a, path, query, paging, 0) : NULL;
    int i = key ? find(h, key) : -1;

    free(key);
    if (i < 0)
        return;
    cJSON *doc = NULL;
    long status;
    bc_error e;
    bc_error_clear(&e);
    /* The answer lands in the cache; the pager parses its own copy. */
    bc_api_call_finish(h->a, h->calls[i], &doc, &status, &e);
    cJSON_Delete(doc);
    drop(h, i);
}

int bc_api_ahead_in_flight(const bc_api_ahead *h)
{
    return h ? h->n : 0;
}

void bc_api_ahead_free(bc_api_ahead *h)
{
    if (h == NULL)
        return;
    while (h->n > 0) {
        bc_api_call_abandon(h->a, h->calls[h->n - 1]);
        drop(h, h->n - 1);
    }
    free(h);
}

void bc_api_note_latency(bc_api *a, long long ms)
{
    if (ms < 0)
        return;
    /* An average over the last few responses: one slow page should not swing the window. */
    a->latency_ms = a->latency_ms == 0 ? (long)ms : (long)((3 * a->latency_ms + ms) / 4);
}

int bc_api_window(bc_api *a)
{
    bc_ratelimit_state s = bc_ratelimit_snapshot(a->rl);
    long w = BC_PAGER_WINDOW + a->latency_ms / BC_API_WINDOW_STEP_MS;

    if (w > BC_API_WINDOW_MAX)
        w = BC_API_WINDOW_MAX;
    /* Leave half of what is left to other statements and connections of the store; the
     * limiter admits none beyond the quota in any case. */
    if (s.requests_left >= 0 && s.reset_at_ms > bc_now_ms()) {
        long room = (s.requests_left - s.in_flight) / 2;
        if (w > room)
            w = room < 1 ? 1 : room;
    }
    return (int)w;
}
