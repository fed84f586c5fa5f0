/*
 * Several GETs at once on the connection's multi handle (the pager's look-ahead). As many
 * requests go out together as the rate limiter admits without waiting, up to
 * BC_PAGER_WINDOW; a request that fails in a retryable way (5xx, 429, broken connection) is
 * then repeated on its own through bc_api_get, which applies the usual retry rules.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "api_internal.h"

static bool retryable(int rc, const bc_error *e, long status)
{
    if (rc != 0)
        return strcmp(e->sqlstate, "08S01") == 0;
    return status == 429 || status >= 500;
}

/* Outcome j of a batch into outs/statuses/errs/rcs, repeating it alone when retryable. */
static void settle(bc_api *a, char *const *paths, int j, int rc, bc_error *e,
                   bc_http_response *resp, cJSON **outs, long *statuses, bc_error *errs, int *rcs)
{
    long wait;

    if (!retryable(rc, e, resp->status)) {
        if (rc != 0) {
            bc_error_set(&errs[j], e->sqlstate, e->native, "%s", e->message);
            rcs[j] = -1;
        } else {
            bc_api_cache_store(a, paths[j], resp);
            rcs[j] = bc_api_finish(a, resp, &outs[j], &statuses[j], &errs[j]);
        }
        return;
    }
    wait = (rc == 0 && resp->status == 429) ? bc_ratelimit_429_wait_ms(resp) : BC_HTTP_BACKOFF_MS;
    bc_http_response_free(resp);
    if (wait > BC_RATE_LIMIT_MAX_WAIT_MS)
        wait = BC_RATE_LIMIT_MAX_WAIT_MS; /* bc_api_get reports HYT00 if it must wait more */
    if (bc_ratelimit_sleep(wait, a->cancel_flag, &errs[j]) != 0) {
        rcs[j] = -1;
        return;
    }
    rcs[j] = bc_api_get(a, paths[j], &outs[j], &statuses[j], &errs[j]);
}

/* Send paths[from..from+k) together; the limiter already admitted them. */
static int run_batch(bc_api *a, char *const *paths, int from, int k, cJSON **outs, long *statuses,
                     bc_error *errs, int *rcs)
{
    bc_http_header hdrs[] = {
        {"X-Auth-Token", a->token}, {"Accept", "application/json"}, {NULL, NULL}};
    bc_http_request reqs[BC_PAGER_WINDOW];
    bc_http_response resps[BC_PAGER_WINDOW];
    bc_error es[BC_PAGER_WINDOW];
    int rc[BC_PAGER_WINDOW];
    char *urls[BC_PAGER_WINDOW] = {0};
    long long t0 = bc_now_ms();
    int j, oom = 0;

    for (j = 0; j < k; j++) {
        urls[j] = bc_api_build_url(a->base_url, a->store_hash, paths[from + j]);
        oom |= urls[j] == NULL;
        reqs[j] = (bc_http_request){"GET", urls[j], hdrs, NULL, 0};
    }
    if (!oom)
        bc_http_perform_many(a->http, reqs, k, resps, es, rc);
    for (j = 0; j < k; j++) {
        if (oom) {
            bc_ratelimit_release(a->rl, NULL);
            rcs[from + j] = bc_error_set(&errs[from + j], "HY001", 0, "Out of memory.");
            continue;
        }
        bc_ratelimit_release(a->rl, rc[j] == 0 ? &resps[j] : NULL);
        a->requests++;
        bc_log(3, "GET %s -> %ld (%lld ms, %d in parallel)", paths[from + j],
               rc[j] == 0 ? resps[j].status : 0L, bc_now_ms() - t0, k);
        settle(a, paths, from + j, rc[j], &es[j], &resps[j], outs, statuses, errs, rcs);
        bc_api_redact(a, &errs[from + j]);
    }
    for (j = 0; j < k; j++)
        free(urls[j]);
    return oom ? -1 : 0;
}

static void get_many_net(bc_api *a, char *const *paths, int n, cJSON **outs, long *statuses,
                         bc_error *errs, int *rcs)
{
    int i, k;

    for (i = 0; i < n; i++) {
        outs[i] = NULL;
        statuses[i] = 0;
        rcs[i] = 0;
        bc_error_clear(&errs[i]);
    }
    for (i = 0; i < n; i += k) {
        bc_error e;
        bc_error_clear(&e);
        if (bc_api_check_ready(a, &e) != 0 ||
            bc_ratelimit_acquire(a->rl, a->cancel_flag, &e) != 0) {
            for (; i < n; i++)
                rcs[i] = bc_error_set(&errs[i], e.sqlstate, e.native, "%s", e.message);
            return;
        }
        for (k = 1; i + k < n && k < BC_PAGER_WINDOW && bc_ratelimit_try_acquire(a->rl); k++)
            ;
        run_batch(a, paths, i, k, outs, statuses, errs, rcs);
    }
}

/* Answer what the statement's cache holds, send the rest together. */
void bc_api_get_many(bc_api *a, char *const *paths, int n, cJSON **outs, long *statuses,
                     bc_error *errs, int *rcs)
{
    char *miss_paths[BC_PAGER_WINDOW];
    int miss[BC_PAGER_WINDOW], nmiss = 0, i;
    bc_http_response resp;

    for (i = 0; i < n; i++) {
        outs[i] = NULL;
        statuses[i] = 0;
        rcs[i] = 0;
        bc_error_clear(&errs[i]);
    }
    for (i = 0; i < n; i++) {
        if (bc_api_cache_lookup(a, paths[i], &resp)) {
            rcs[i] = bc_api_finish(a, &resp, &outs[i], &statuses[i], &errs[i]);
            continue;
        }
        miss[nmiss] = i;
        miss_paths[nmiss++] = paths[i];
        if (nmiss == BC_PAGER_WINDOW || i == n - 1) {
            cJSON *o[BC_PAGER_WINDOW];
            long st[BC_PAGER_WINDOW];
            bc_error er[BC_PAGER_WINDOW];
            int rc[BC_PAGER_WINDOW];
            get_many_net(a, miss_paths, nmiss, o, st, er, rc);
            for (int j = 0; j < nmiss; j++) {
                outs[miss[j]] = o[j];
                statuses[miss[j]] = st[j];
                errs[miss[j]] = er[j];
                rcs[miss[j]] = rc[j];
            }
            nmiss = 0;
        }
    }
}
