/*
 * BigCommerce REST client. Builds URLs ({ApiBaseURL}/stores/{StoreId}/v3/...), adds the
 * X-Auth-Token header, paces requests with the per-store rate limiter, retries 429 (after
 * the wait the headers ask for) and, for GETs, 5xx, network errors and damaged 2xx bodies
 * (body.c) with back-off, checks every page of a scan against the list's declared totals
 * (pager_check.c), and maps
 * API errors to SQLSTATEs (401/403 -> 28000, 404 -> 42S02 for a missing object path... see
 * bc_api_error_from_response). Never puts the token in an error message or log line.
 */
#ifndef BC_API_H
#define BC_API_H

#include <cjson/cJSON.h>
#include "bc_error.h"
#include "bc_http.h"
#include "bc_catalog.h"

typedef struct bc_api bc_api;

typedef struct bc_api_config {
    const char *base_url;     /* ApiBaseURL, no trailing slash needed */
    const char *store_hash;   /* StoreId */
    const char *access_token; /* may be NULL: data requests then fail with 28000 */
    int page_size;
    bc_http_config http;
} bc_api_config;

/* Strings in cfg are copied. */
bc_api *bc_api_new(const bc_api_config *cfg, bc_error *err);
void bc_api_free(bc_api *a);
/* Replace the token (after an OAuth flow or a refresh). */
int bc_api_set_token(bc_api *a, const char *token);
bool bc_api_has_token(const bc_api *a);

/* Statistics, for tests and logs. */
long bc_api_request_count(const bc_api *a);

/* GET path (starting with "/v2/..." or "/v3/..."; query string included) and parse JSON.
 * *out is NULL for an empty body or 204. Returns 0 or -1 with err set. Caller owns *out. */
int bc_api_get(bc_api *a, const char *path_query, cJSON **out, long *status, bc_error *err);

/* Any method with a JSON body (for writes, later). Not retried unless idempotent (GET, PUT,
 * DELETE on 5xx before a response... only GET and DELETE). */
int bc_api_request(bc_api *a, const char *method, const char *path_query, const cJSON *body,
                   cJSON **out, long *status, bc_error *err);

/* The per-statement response cache (DESIGN.md §9). bc_api_cache_begin empties it and turns
 * it on: from then on a GET whose path and query equal an earlier one's (2xx or 404) is
 * answered from memory, until the next bc_api_cache_begin. Any other method empties it (a
 * write may change what a GET returns). Off until the first call; bounded by
 * BC_API_CACHE_MAX_ENTRIES / BC_API_CACHE_MAX_BYTES. */
void bc_api_cache_begin(bc_api *a);
/* Turn the cache off and empty it. */
void bc_api_cache_end(bc_api *a);

/* Check the token with one request (GET /v2/store): 28000 when rejected, 08001 when the
 * server cannot be reached. */
int bc_api_ping(bc_api *a, bc_error *err);

/* Pager: rows of a list endpoint, one page at a time. The pager may fetch ahead (v3 pages
 * 2..N once total_pages is known, v2 pages 2..N once a count endpoint told the count) in a
 * sliding window of BC_PAGER_WINDOW requests, but hands pages out in order. */
typedef struct bc_pager bc_pager;

/* path: endpoint with placeholders already substituted; query: extra filters
 * ("id:in=1,2&sort=name"), without page/limit, may be NULL. max_rows > 0 lets the pager stop
 * early (and choose a smaller limit). */
bc_pager *bc_pager_open(bc_api *a, const char *path, const char *query, bc_paging paging,
                        long max_rows, bc_error *err);
/* Next page of items: *items is a cJSON array owned by the pager, valid until the next call
 * or close (a single-object response is wrapped as a one-element array). Returns 1 with a
 * page, 0 at the end, -1 with err set. A 404 on a child path (parent gone) is 0 rows. */
int bc_pager_next(bc_pager *p, cJSON **items, bc_error *err);
void bc_pager_close(bc_pager *p);
/* For a BC_PAGING_V2 pager, before its first bc_pager_next: count_path (placeholders
 * substituted, no query) answers {"count": N, ...} for the same items, with the pager's
 * query applied to it as well, so only set it when the count endpoint takes every filter
 * in that query. Page 1 and the count are then requested at once and pages 2..N go through
 * the window; when the count fails or does not fit, paging goes on one page at a time.
 * NULL turns it off. The string is copied. 0, or -1 when out of memory. */
int bc_pager_set_count_path(bc_pager *p, const char *count_path);

/* The member of an item that identifies it on its own (the table's one primary key, such
 * as "id"), before the first bc_pager_next: an item whose key was already handed out in
 * this scan makes its page contradict the scan (fetched again, then 40001), so no row is
 * returned twice. NULL (the default) turns it off. The string is copied. 0, or -1 when out
 * of memory. */
int bc_pager_set_key(bc_pager *p, const char *key);
/* For a pager with a key: the query parameter that keeps only items whose key is past a
 * value: exclusive ("id:greater" on v3) or, with inclusive, at least it ("min_id" on v2,
 * given the last key + 1). When a page still contradicts the scan after being read again (an
 * item deleted or added meanwhile) and the keys so far came in ascending order, the scan
 * goes on from the last key handed out, one page after another, instead of failing: pages
 * by key cannot shift. The string is copied. 0, or -1 when out of memory. */
int bc_pager_set_resume_param(bc_pager *p, const char *param, bool inclusive);

/* Fetch the first pages of n pagers at once (a sliding window of BC_PAGER_WINDOW requests,
 * bounded by the rate limiter) into the response cache, so that bc_pager_open(a, paths[i],
 * query, paging, max_rows) + bc_pager_next then need no round trip of their own. Used for
 * child rows of several parent ids. Does nothing when the cache is off; failures are left
 * for the pagers to meet (and report) again. */
void bc_pager_prefetch(bc_api *a, char *const *paths, int n, const char *query, bc_paging paging,
                       long max_rows);

/* The error for an HTTP response that is not 2xx: 401/403 -> 28000, 404 -> HY000 "not
 * found", 409/422 -> HY000 with the API's title/errors, 429 -> HY000 after retries,
 * 5xx -> 08S01. Message includes BigCommerce's own text and what to do. */
void bc_api_error_from_response(long status, const char *body, bc_error *err);

#endif
