/*
 * Write requests side by side (bc_api_request_many): the independent batches of one write
 * statement share a small window on the multi handle instead of waiting for each other.
 * Unlike GETs, nothing that may have been applied is sent again: only a 429, which
 * BigCommerce answers before doing anything, goes back through bc_api_request (and its
 * waits). Admission: the oldest request may wait for the rate limiter; a request behind it
 * starts only when the limiter admits it at once, so the window never blocks itself.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"
#include "api_internal.h"

typedef struct flight {
    bc_http_call *call; /* NULL when not started (or its start failed) */
    long long t0;
} flight;

/* Start reqs[i]; 1 started, 0 the limiter said "not now", -1 with results[i] set. */
static int start(bc_api *a, const bc_api_req *r, bool may_wait, flight *f, bc_api_result *res)
{
    char *text = NULL, *url;
    bc_http_header hdrs[] = {{"X-Auth-Token", a->token},
                             {"Accept", "application/json"},
                             {r->body ? "Content-Type" : NULL, "application/json"},
                             {NULL, NULL}};

    if (may_wait) {
        if (bc_ratelimit_acquire(a->rl, a->cancel_flag, &res->err) != 0)
            return res->rc = -1;
    } else if (!bc_ratelimit_try_acquire(a->rl)) {
        return 0;
    }
    url = bc_api_build_url(a->base_url, a->store_hash, r->path_query);
    if (r->body != NULL)
        text = cJSON_PrintUnformatted(r->body);
    if (url == NULL || (r->body != NULL && text == NULL)) {
        bc_error_set(&res->err, "HY001", 0, "Out of memory while building a request.");
    } else {
        bc_http_request req = {r->method, url, hdrs, text, text ? strlen(text) : 0};
        f->t0 = bc_now_ms();
        f->call = bc_http_start(a->http, &req, &res->err); /* copies url, headers, body */
    }
    free(url);
    free(text);
    if (f->call == NULL) {
        bc_ratelimit_release(a->rl, NULL);
        return res->rc = -1;
    }
    return 1;
}

static void finish(bc_api *a, const bc_api_req *r, flight *f, bc_api_result *res)
{
    bc_http_response resp;
    bc_error e;
    int rc;

    bc_error_clear(&e);
    rc = bc_http_wait(a->http, f->call, &resp, &e);
    f->call = NULL;
    bc_ratelimit_release(a->rl, rc == 0 ? &resp : NULL);
    a->requests++;
    bc_log(3, "%s %s -> %ld (%lld ms, side by side)", r->method, r->path_query,
           rc == 0 ? resp.status : 0L, bc_now_ms() - f->t0);
    if (rc == 0 && resp.status == 429) {
        long wait = bc_ratelimit_429_wait_ms(&resp);
        bc_http_response_free(&resp);
        if (bc_ratelimit_sleep(wait, a->cancel_flag, &res->err) != 0) {
            res->rc = -1;
            return;
        }
        res->rc = bc_api_request(a, r->method, r->path_query, r->body, &res->out, &res->status,
                                 &res->err);
    } else if (strcmp(r->method, "DELETE") == 0 &&
               ((rc != 0 && strcmp(e.sqlstate, "08S01") == 0) || (rc == 0 && resp.status >= 500))) {
        /* A DELETE may be repeated: its retries are those of the plain path. */
        if (rc == 0)
            bc_http_response_free(&resp);
        res->rc = bc_api_request(a, r->method, r->path_query, r->body, &res->out, &res->status,
                                 &res->err);
    } else if (rc != 0) {
        bc_api_redact(a, &e);
        res->rc = bc_error_set(&res->err, e.sqlstate, e.native, "%s", e.message);
    } else {
        bc_api_keep_write_rejection(&resp, &res->out);
        res->rc = bc_api_finish(a, &resp, &res->out, &res->status, &res->err);
    }
}

void bc_api_request_many(bc_api *a, const bc_api_req *reqs, int n, int width,
                         bc_api_result *results)
{
    flight *fl = calloc((size_t)(n > 0 ? n : 1), sizeof *fl);
    int oldest = 0, next = 0;

    for (int i = 0; i < n; i++) {
        memset(&results[i], 0, sizeof results[i]);
        bc_error_clear(&results[i].err);
    }
    if (fl == NULL || width < 1) {
        for (int i = 0; i < n; i++) /* one at a time: the plain path needs no bookkeeping */
            results[i].rc = bc_api_request(a, reqs[i].method, reqs[i].path_query, reqs[i].body,
                                           &results[i].out, &results[i].status, &results[i].err);
        free(fl);
        return;
    }
    if (n > 0 && bc_api_check_ready(a, &results[0].err) != 0) {
        for (int i = 0; i < n; i++) {
            results[i].err = results[0].err;
            results[i].rc = -1;
        }
        free(fl);
        return;
    }
    bc_api_cache_invalidate(a); /* what the writes change must be read again */
    while (oldest < n) {
        while (next < n && next - oldest < width) {
            int rc = start(a, &reqs[next], next == oldest, &fl[next], &results[next]);
            if (rc == 0)
                break;
            next++;
        }
        if (fl[oldest].call != NULL)
            finish(a, &reqs[oldest], &fl[oldest], &results[oldest]);
        oldest++;
    }
    free(fl);
}
