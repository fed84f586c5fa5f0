/*
 * One API call: pace it with the store's rate limiter, send it, and retry as the issue asks:
 * a 429 after the wait the headers announce (any method: BigCommerce did not process it);
 * a 5xx or a broken connection (08S01) only for GET and DELETE, with exponential back-off,
 * because repeating a POST or PUT that may have been applied could write twice.
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

/* Whether to try again after this outcome; sleeps the wait first. *n5xx and *n429 count the
 * retries so far. Returns 1 to retry, 0 to stop, -1 when the wait itself failed (err set). */
static int should_retry(bc_api *a, bool idempotent, int rc, const bc_error *e,
                        const bc_http_response *resp, int *nretry, int *n429, bc_error *err)
{
    long wait;

    if (rc != 0) {
        if (!idempotent || strcmp(e->sqlstate, "08S01") != 0 || *nretry >= BC_HTTP_MAX_RETRIES)
            return 0;
        wait = (long)BC_HTTP_BACKOFF_MS << (*nretry)++;
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
    } else if (resp->status >= 500 && idempotent && *nretry < BC_HTTP_MAX_RETRIES) {
        wait = (long)BC_HTTP_BACKOFF_MS << (*nretry)++;
    } else {
        return 0;
    }
    bc_log(3, "retrying after %ld ms", wait);
    return bc_ratelimit_sleep(wait, a->cancel_flag, err) == 0 ? 1 : -1;
}

/* Send with retries. 0 with the final response (any status), -1 with err set. */
static int exchange(bc_api *a, const char *method, const char *path_query, const char *body,
                    bc_http_response *resp, bc_error *err)
{
    bool idem = is_idempotent(method);
    int nretry = 0, n429 = 0;
    char *url = bc_api_build_url(a->base_url, a->store_hash, path_query);

    if (url == NULL)
        return bc_error_set(err, "HY001", 0, "Out of memory while building a request.");
    for (;;) {
        bc_error e;
        int rc, again;
        bc_error_clear(&e);
        rc = send_once(a, method, path_query, url, body, resp, &e);
        again = should_retry(a, idem, rc, &e, resp, &nretry, &n429, err);
        if (again == 1) {
            bc_http_response_free(resp);
            continue;
        }
        free(url);
        if (again < 0) {
            bc_http_response_free(resp);
            return -1;
        }
        if (rc != 0)
            return bc_error_set(err, e.sqlstate, e.native, "%s", e.message);
        return 0;
    }
}

int bc_api_finish(bc_api *a, bc_http_response *resp, cJSON **out, long *status, bc_error *err)
{
    int rc;

    if (status)
        *status = resp->status;
    if (resp->status >= 200 && resp->status < 300) {
        rc = bc_api_parse_body(resp->status, resp->body, resp->body_len, out, err);
    } else {
        bc_api_error_from_response(resp->status, resp->body, err);
        rc = -1;
    }
    bc_api_redact(a, err);
    bc_http_response_free(resp);
    return rc;
}

int bc_api_request(bc_api *a, const char *method, const char *path_query, const cJSON *body,
                   cJSON **out, long *status, bc_error *err)
{
    bc_http_response resp;
    char *text = NULL;
    cJSON *ignored = NULL;
    int rc;

    if (out == NULL) /* the caller wants only the status */
        out = &ignored;
    *out = NULL;
    if (status)
        *status = 0;
    if (bc_api_check_ready(a, err) != 0)
        return -1;
    if (body != NULL && (text = cJSON_PrintUnformatted(body)) == NULL)
        return bc_error_set(err, "HY001", 0, "Out of memory while encoding a request body.");
    bc_http_response_init(&resp);
    if (strcmp(method, "GET") != 0)
        bc_api_cache_invalidate(a); /* what a write changes must be read again */
    else if (bc_api_cache_lookup(a, path_query, &resp)) {
        free(text);
        return bc_api_finish(a, &resp, out, status, err);
    }
    rc = exchange(a, method, path_query, text, &resp, err);
    free(text);
    if (rc != 0) {
        bc_api_redact(a, err);
        return -1;
    }
    if (strcmp(method, "GET") == 0)
        bc_api_cache_store(a, path_query, &resp);
    rc = bc_api_finish(a, &resp, out, status, err);
    cJSON_Delete(ignored);
    return rc;
}

int bc_api_get(bc_api *a, const char *path_query, cJSON **out, long *status, bc_error *err)
{
    return bc_api_request(a, "GET", path_query, NULL, out, status, err);
}

int bc_api_ping(bc_api *a, bc_error *err)
{
    cJSON *store = NULL;
    int rc = bc_api_get(a, "/v2/store", &store, NULL, err);

    cJSON_Delete(store);
    return rc;
}
