/*
 * Several GETs at once (the per-parent prefetch): a sliding window over bc_api_call. Up to
 * BC_PAGER_WINDOW requests are in flight; as soon as the oldest one is answered the next
 * one starts, so one slow response holds back only its own slot, not a whole batch.
 * Look-ahead requests start only when the rate limiter admits them without waiting; the
 * oldest unanswered request may wait for it, so the window always moves.
 */
#include <stdlib.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "api_internal.h"

typedef struct many {
    bc_api *a;
    char *const *paths;
    int n, next_start;
    bc_api_call *calls[BC_PAGER_WINDOW]; /* paths[i] is in calls[i % BC_PAGER_WINDOW] */
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
    while (m->nflight < BC_PAGER_WINDOW && m->next_start < m->n) {
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
        m->calls[i % BC_PAGER_WINDOW] = c;
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
        c = m.calls[i % BC_PAGER_WINDOW];
        m.calls[i % BC_PAGER_WINDOW] = NULL;
        m.nflight--;
        rcs[i] = bc_api_call_finish(a, c, &outs[i], &statuses[i], &errs[i]);
    }
}
