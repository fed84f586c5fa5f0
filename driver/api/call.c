/*
 * GETs in flight one by one (the pager's sliding window, docs/ARCHITECTURE.md): a call is started,
 * left to run on the connection's multi handle while earlier pages are handed out, and
 * collected when its turn comes. Each call holds one admission of the store's rate limiter
 * from start to end. A call that ends in a retryable way (5xx, 429, broken connection, a
 * damaged 2xx body) is repeated on its own through bc_api_get_as, which applies the usual
 * retry rules. A body enters the cache only once it passed its check.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "api_internal.h"

struct bc_api_call {
    char *path_query;
    bc_api_expect expect;
    bc_http_call *http;   /* NULL when answered from the cache */
    bc_http_response hit; /* the cached response, when http is NULL */
    long long t0;
};

static void call_free(bc_api_call *c)
{
    bc_http_response_free(&c->hit);
    free(c->path_query);
    free(c);
}

static bc_api_call *call_new(const char *path_query)
{
    bc_api_call *c = calloc(1, sizeof *c);

    if (c == NULL)
        return NULL;
    bc_http_response_init(&c->hit);
    if ((c->path_query = bc_strdup(path_query)) == NULL) {
        free(c);
        return NULL;
    }
    return c;
}

/* Send c on the multi handle; the limiter has admitted it. 0, or -1 with err set. */
static int send_call(bc_api *a, bc_api_call *c, bc_error *err)
{
    bc_http_header hdrs[] = {
        {"X-Auth-Token", a->token}, {"Accept", "application/json"}, {NULL, NULL}};
    char *url = bc_api_build_url(a->base_url, a->store_hash, c->path_query);
    bc_http_request req = {"GET", url, hdrs, NULL, 0};

    if (url == NULL)
        return bc_error_set(err, "HY001", 0, "Out of memory while building a request.");
    c->t0 = bc_now_ms();
    c->http = bc_http_start(a->http, &req, err);
    free(url);
    return c->http ? 0 : -1;
}

int bc_api_call_start(bc_api *a, const char *path_query, bool may_wait, bc_api_call **out,
                      bc_error *err)
{
    return bc_api_call_start_as(a, path_query, BC_API_EXPECT_JSON, may_wait, out, err);
}

int bc_api_call_start_as(bc_api *a, const char *path_query, bc_api_expect expect, bool may_wait,
                         bc_api_call **out, bc_error *err)
{
    bc_api_call *c;

    *out = NULL;
    if (bc_api_check_ready(a, err) != 0)
        return -1;
    if ((c = call_new(path_query)) == NULL)
        return bc_error_set(err, "HY001", 0, "Out of memory while starting a request.");
    c->expect = expect;
    if (bc_api_cache_lookup(a, path_query, &c->hit)) {
        *out = c;
        return 1;
    }
    if (!may_wait && !bc_ratelimit_try_acquire(a->rl)) {
        call_free(c);
        return 0;
    }
    if (may_wait && bc_ratelimit_acquire(a->rl, a->cancel_flag, err) != 0) {
        call_free(c);
        return -1;
    }
    if (send_call(a, c, err) != 0) {
        bc_ratelimit_release(a->rl, NULL);
        call_free(c);
        return -1;
    }
    *out = c;
    return 1;
}

static bool retryable(int rc, const bc_error *e, long status)
{
    if (rc != 0)
        return strcmp(e->sqlstate, "08S01") == 0;
    return status == 429 || status >= 500;
}

/* A retryable outcome: wait as the response asks, then the ordinary GET with its retries.
 * resp is freed (NULL after a transport failure or for a damaged body's retry). */
static int retry(bc_api *a, const bc_api_call *c, bc_http_response *resp, cJSON **out, long *status,
                 bc_error *err)
{
    long wait = BC_HTTP_BACKOFF_MS, asked = -1;

    if (resp != NULL && resp->status == 429)
        wait = bc_ratelimit_429_wait_ms(resp);
    else if (resp != NULL && resp->status >= 500)
        asked = bc_api_body_retry_after_ms(resp->body);
    if (asked > wait)
        wait = asked;
    bc_http_response_free(resp);
    if (wait > BC_RATE_LIMIT_MAX_WAIT_MS)
        wait = BC_RATE_LIMIT_MAX_WAIT_MS; /* bc_api_get reports HYT00 if it must wait more */
    if (bc_ratelimit_sleep(wait, a->cancel_flag, err) != 0)
        return -1;
    return bc_api_get_as(a, c->path_query, c->expect, out, status, err);
}

/* A cached response: parsed and checked as a fresh one would be; a cached body that fails
 * this caller's check is dropped and fetched again. */
static int finish_hit(bc_api *a, bc_api_call *c, cJSON **out, long *status, bc_error *err)
{
    bc_error e;

    if (c->hit.status < 200 || c->hit.status >= 300)
        return bc_api_finish(a, &c->hit, out, status, err);
    bc_error_clear(&e);
    if (bc_api_parse_response(&c->hit, c->expect, out, &e) == 0) {
        if (status)
            *status = c->hit.status;
        return 0;
    }
    bc_api_cache_forget(a, c->path_query);
    return bc_api_get_as(a, c->path_query, c->expect, out, status, err);
}

/* A 2xx response that arrived: parsed, checked, cached when it passed, retried when not. */
static int finish_2xx(bc_api *a, bc_api_call *c, bc_http_response *resp, cJSON **out, long *status,
                      bc_error *err)
{
    bc_error e;

    bc_error_clear(&e);
    if (bc_api_parse_response(resp, c->expect, out, &e) != 0) {
        bc_log(2, "GET %s: %s", c->path_query, e.message);
        if (strcmp(e.sqlstate, "08S01") != 0) {
            bc_http_response_free(resp);
            return bc_error_set(err, e.sqlstate, e.native, "%s", e.message);
        }
        return retry(a, c, resp, out, status, err);
    }
    bc_api_cache_store(a, c->path_query, resp);
    if (status)
        *status = resp->status;
    bc_http_response_free(resp);
    return 0;
}

int bc_api_call_finish(bc_api *a, bc_api_call *c, cJSON **out, long *status, bc_error *err)
{
    bc_http_response resp;
    bc_error e;
    int rc;

    *out = NULL;
    if (status)
        *status = 0;
    if (c->http == NULL) {
        rc = finish_hit(a, c, out, status, err);
        call_free(c);
        return rc;
    }
    bc_error_clear(&e);
    rc = bc_http_wait(a->http, c->http, &resp, &e);
    c->http = NULL;
    bc_ratelimit_release(a->rl, rc == 0 ? &resp : NULL);
    a->requests++;
    bc_api_note_latency(a, bc_now_ms() - c->t0);
    bc_api_requests_note(a, "GET", c->path_query, rc == 0 ? resp.status : 0L, bc_now_ms() - c->t0);
    bc_log(3, "GET %s -> %ld (%lld ms, windowed)", c->path_query, rc == 0 ? resp.status : 0L,
           bc_now_ms() - c->t0);
    if (retryable(rc, &e, resp.status)) {
        rc = retry(a, c, rc == 0 ? &resp : NULL, out, status, err);
    } else if (rc != 0) {
        bc_api_redact(a, &e);
        rc = bc_error_set(err, e.sqlstate, e.native, "%s", e.message);
    } else if (resp.status >= 200 && resp.status < 300) {
        rc = finish_2xx(a, c, &resp, out, status, err);
    } else {
        bc_api_cache_store(a, c->path_query, &resp);
        rc = bc_api_finish(a, &resp, out, status, err);
    }
    call_free(c);
    return rc;
}

void bc_api_call_abandon(bc_api *a, bc_api_call *c)
{
    if (c == NULL)
        return;
    if (c->http != NULL) {
        bc_http_abandon(a->http, c->http);
        bc_ratelimit_release(a->rl, NULL);
        a->requests++; /* it was sent: the store counts it against the quota */
        bc_api_requests_note(a, "GET", c->path_query, 0, bc_now_ms() - c->t0);
    }
    call_free(c);
}

void bc_api_progress(bc_api *a)
{
    bc_http_progress(a->http);
}
