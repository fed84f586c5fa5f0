/*
 * One API call: pace it with the store's rate limiter, send it, and retry as the issue asks:
 * a 429 after the wait the headers announce (any method: BigCommerce did not process it);
 * a 5xx or a broken connection (08S01) only for GET and DELETE, with exponential back-off,
 * because repeating a POST or PUT that may have been applied could write twice. A GET whose
 * 2xx body is damaged (body.c) is retried the same way, and only a body that passed its
 * check enters the response cache.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "api_internal.h"

static bool is_idempotent(const char *method)
{
    return strcmp(method, "GET") == 0 || strcmp(method, "DELETE") == 0;
}

/* Send once, paced by the limiter, counted and logged (method, path, status, time; never
 * headers, so never the token). */
static int send_once(bc_api *a, const char *method, const char *path_query, const char *url,
                     const char *body, bc_http_response *resp, bc_error *err)
{
    bc_http_header hdrs[] = {{"X-Auth-Token", a->token},
                             {"Accept", "application/json"},
                             {body ? "Content-Type" : NULL, "application/json"},
                             {NULL, NULL}};
    bc_http_request req = {method, url, hdrs, body, body ? strlen(body) : 0};
    long long t0;
    int rc;

    if (bc_ratelimit_acquire(a->rl, a->cancel_flag, err) != 0)
        return -1;
    t0 = bc_now_ms();
    rc = bc_http_perform(a->http, &req, resp, err);
    bc_ratelimit_release(a->rl, rc == 0 ? resp : NULL);
    a->requests++;
    bc_api_requests_note(a, method, path_query, rc == 0 ? resp->status : 0L, bc_now_ms() - t0);
    bc_log(3, "%s %s -> %ld (%lld ms)", method, path_query, rc == 0 ? resp->status : 0L,
           bc_now_ms() - t0);
    return rc;
}

/* How often this method is retried after a 5xx, a broken connection or a damaged body. */
static int max_retries(const char *method)
{
    return strcmp(method, "GET") == 0 ? BC_HTTP_MAX_READ_RETRIES : BC_HTTP_MAX_RETRIES;
}

static bool is_2xx(long status)
{
    return status >= 200 && status < 300;
}

/* The back-off before retry n (0-based) of a 5xx, a broken connection or a damaged body; a
 * 5xx body may ask for a longer wait ({"error": {"retry_after_seconds": N}}). Doubling is
 * capped so that a GET's longer run of retries stays within seconds, not minutes. */
static long backoff_ms(const bc_http_response *resp, int n)
{
    long wait = BC_HTTP_BACKOFF_MS;
    long asked = resp != NULL && resp->status >= 500 ? bc_api_body_retry_after_ms(resp->body) : -1;

    while (n-- > 0 && wait < BC_HTTP_BACKOFF_MAX_MS)
        wait *= 2;
    if (wait > BC_HTTP_BACKOFF_MAX_MS)
        wait = BC_HTTP_BACKOFF_MAX_MS;
    return asked > wait ? asked : wait;
}

/* Whether to try again after this outcome; sleeps the wait first. damaged: a 2xx whose body
 * failed its check (retried like a 5xx). *nretry and *n429 count the retries so far.
 * Returns 1 to retry, 0 to stop, -1 when the wait itself failed (err set). */
static int should_retry(bc_api *a, int max, int rc, bool damaged, const bc_error *e,
                        const bc_http_response *resp, int *nretry, int *n429, bc_error *err)
{
    bool idempotent = max > 0;
    long wait;

    if (rc != 0 || damaged) {
        if (!idempotent || strcmp(e->sqlstate, "08S01") != 0 || *nretry >= max)
            return 0;
        wait = backoff_ms(NULL, (*nretry)++);
    } else if (resp->status == 429) {
        if (*n429 >= BC_HTTP_MAX_429_RETRIES)
            return 0;
        (*n429)++;
        wait = bc_ratelimit_429_wait_ms(resp);
        if (wait > BC_RATE_LIMIT_MAX_WAIT_MS)
            return bc_error_set(err, "HYT00", 429,
                                "BigCommerce's rate limit for this store asks to wait %ld s, "
                                "longer than the %d s the driver accepts. Try again later.",
                                wait / 1000, BC_RATE_LIMIT_MAX_WAIT_MS / 1000);
    } else if (resp->status >= 500 && idempotent && *nretry < max) {
        wait = backoff_ms(resp, (*nretry)++);
        if (wait > BC_RATE_LIMIT_MAX_WAIT_MS)
            return 0; /* longer than the driver waits: the error quotes the server's words */
    } else {
        return 0;
    }
    bc_log(3, "retrying after %ld ms", wait);
    return bc_ratelimit_sleep(wait, a->cancel_flag, err) == 0 ? 1 : -1;
}

/* Send with retries. 0 with the final response (any status), -1 with err set. When doc is
 * given (a GET), a 2xx body is parsed and checked against expect inside the loop, so a
 * damaged one is retried, and *doc receives the document. */
static int exchange(bc_api *a, const char *method, const char *path_query, const char *body,
                    bc_api_expect expect, bc_http_response *resp, cJSON **doc, bc_error *err)
{
    int max = is_idempotent(method) ? max_retries(method) : 0;
    int nretry = 0, n429 = 0;
    char *url = bc_api_build_url(a->base_url, a->store_hash, path_query);

    if (url == NULL)
        return bc_error_set(err, "HY001", 0, "Out of memory while building a request.");
    for (;;) {
        bc_error e;
        cJSON *parsed = NULL;
        bool damaged = false;
        int rc, again;
        bc_error_clear(&e);
        rc = send_once(a, method, path_query, url, body, resp, &e);
        if (rc == 0 && doc != NULL && is_2xx(resp->status))
            damaged = bc_api_parse_response(resp, expect, &parsed, &e) != 0;
        if (damaged)
            bc_log(2, "%s %s: %s", method, path_query, e.message);
        again = should_retry(a, max, rc, damaged, &e, resp, &nretry, &n429, err);
        if (again == 1) {
            bc_http_response_free(resp);
            continue;
        }
        free(url);
        if (again < 0 || damaged)
            bc_http_response_free(resp);
        if (again < 0) {
            cJSON_Delete(parsed);
            return -1;
        }
        if (rc != 0 || damaged)
            return bc_error_set(err, e.sqlstate, e.native, "%s", e.message);
        if (doc != NULL)
            *doc = parsed;
        return 0;
    }
}

void bc_api_keep_write_rejection(const bc_http_response *resp, cJSON **out)
{
    if (resp->status == 422 && resp->body != NULL && *out == NULL)
        *out = cJSON_ParseWithLength(resp->body, resp->body_len);
}

int bc_api_finish(bc_api *a, bc_http_response *resp, cJSON **out, long *status, bc_error *err)
{
    int rc;

    if (status)
        *status = resp->status;
    if (is_2xx(resp->status)) {
        rc = bc_api_parse_response(resp, BC_API_EXPECT_JSON, out, err);
    } else {
        bc_api_error_from_response(resp->status, resp->body, err);
        rc = -1;
    }
    bc_api_redact(a, err);
    bc_http_response_free(resp);
    return rc;
}

/* A GET answered from the cache: 1 when it was (*out, *status, err as bc_api_finish), 0 when
 * it must go to the network (no entry, or a body that fails this caller's check). */
static int from_cache(bc_api *a, const char *path_query, bc_api_expect expect, cJSON **out,
                      long *status, bc_error *err, int *rc)
{
    bc_http_response resp;
    bc_error e;

    bc_http_response_init(&resp);
    if (!bc_api_cache_lookup(a, path_query, &resp))
        return 0;
    if (!is_2xx(resp.status)) {
        *rc = bc_api_finish(a, &resp, out, status, err);
        return 1;
    }
    bc_error_clear(&e);
    if (bc_api_parse_response(&resp, expect, out, &e) == 0) {
        if (status)
            *status = resp.status;
        bc_http_response_free(&resp);
        *rc = 0;
        return 1;
    }
    bc_http_response_free(&resp);
    bc_api_cache_forget(a, path_query);
    return 0;
}

static int request(bc_api *a, const char *method, const char *path_query, const cJSON *body,
                   bc_api_expect expect, cJSON **out, long *status, bc_error *err)
{
    bool get = strcmp(method, "GET") == 0;
    bc_http_response resp;
    char *text = NULL;
    cJSON *ignored = NULL, *doc = NULL;
    int rc;

    if (out == NULL) /* the caller wants only the status */
        out = &ignored;
    *out = NULL;
    if (status)
        *status = 0;
    if (bc_api_check_ready(a, err) != 0)
        return -1;
    if (!get)
        bc_api_cache_invalidate(a); /* what a write changes must be read again */
    else if (from_cache(a, path_query, expect, out, status, err, &rc)) {
        cJSON_Delete(ignored);
        return rc;
    }
    if (body != NULL && (text = cJSON_PrintUnformatted(body)) == NULL)
        return bc_error_set(err, "HY001", 0, "Out of memory while encoding a request body.");
    bc_http_response_init(&resp);
    rc = exchange(a, method, path_query, text, expect, &resp, get ? &doc : NULL, err);
    free(text);
    if (rc != 0) {
        bc_api_redact(a, err);
        return -1;
    }
    if (get)
        bc_api_cache_store(a, path_query, &resp); /* only bodies that passed reach here */
    if (get && is_2xx(resp.status)) {
        if (status)
            *status = resp.status;
        bc_http_response_free(&resp);
        *out = doc;
        rc = 0;
    } else {
        if (!get)
            bc_api_keep_write_rejection(&resp, out);
        rc = bc_api_finish(a, &resp, out, status, err);
    }
    cJSON_Delete(ignored);
    return rc;
}

int bc_api_request(bc_api *a, const char *method, const char *path_query, const cJSON *body,
                   cJSON **out, long *status, bc_error *err)
{
    return request(a, method, path_query, body, BC_API_EXPECT_JSON, out, status, err);
}

int bc_api_get_as(bc_api *a, const char *path_query, bc_api_expect expect, cJSON **out,
                  long *status, bc_error *err)
{
    return request(a, "GET", path_query, NULL, expect, out, status, err);
}

int bc_api_get(bc_api *a, const char *path_query, cJSON **out, long *status, bc_error *err)
{
    return request(a, "GET", path_query, NULL, BC_API_EXPECT_JSON, out, status, err);
}

int bc_api_ping(bc_api *a, bc_error *err)
{
    cJSON *store = NULL;
    int rc = bc_api_get(a, "/v2/store", &store, NULL, err);

    cJSON_Delete(store);
    return rc;
}
