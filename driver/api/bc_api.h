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

typedef struct bc_api bc_api;

/* How a list endpoint pages; each table definition names its own. */
typedef enum {
    BC_PAGING_V3,    /* ?page=&limit=, envelope {data, meta.pagination.total_pages} */
    BC_PAGING_V2,    /* ?page=&limit=, bare array, 204 (or a short page) after the last */
    BC_PAGING_NONE,  /* one request: bare array, {data:[...]} or a single object = one row */
    BC_PAGING_CURSOR /* v3 cursor pagination (meta.cursor_pagination / after) */
} bc_paging;

typedef struct bc_api_config {
    const char *base_url;     /* ApiBaseURL, no trailing slash needed */
    const char *store_hash;   /* StoreId */
    const char *access_token; /* may be NULL: data requests then fail with 28000 */
    int page_size; /* 1..BC_MAX_PAGE_SIZE (the Pagesize property checks it); 0 = the default */
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

/* Several independent requests with JSON bodies (the batches of one write statement), up to
 * width in flight at once on the connection's multi handle, each admitted by the rate
 * limiter. results[i] is what bc_api_request would give for reqs[i], except that only a 429
 * is repeated (BigCommerce did not process it): a POST or PUT never is. Caller frees each
 * results[i].out. */
typedef struct bc_api_req {
    const char *method;
    const char *path_query;
    const cJSON *body; /* may be NULL */
} bc_api_req;
typedef struct bc_api_result {
    int rc; /* 0, or -1 with err set */
    long status;
    cJSON *out; /* the answer; also set on a 422 (a batch may have applied in part) */
    bc_error err;
} bc_api_result;
void bc_api_request_many(bc_api *a, const bc_api_req *reqs, int n, int width,
                         bc_api_result *results);

/* The per-statement response cache (docs/ARCHITECTURE.md). bc_api_cache_begin empties it and turns
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

/* Look-ahead for requests a cursor will make one by one (a child table asked for parent
 * after parent): bc_api_ahead_start sends the first page of (path, query) now if the
 * rate limiter admits it without waiting, the window has room and the answer is not
 * cached already; bc_api_ahead_settle waits for that request, if it is in flight, so that
 * its answer is in the response cache when the pager asks. At most bc_api_window() are in
 * flight; bc_api_ahead_free drops the rest unanswered. Failures are left for the pager to
 * meet (and report) again. Needs the response cache on; does nothing otherwise. */
typedef struct bc_api_ahead bc_api_ahead;
bc_api_ahead *bc_api_ahead_new(bc_api *a); /* NULL when out of memory */
void bc_api_ahead_start(bc_api_ahead *h, const char *path, const char *query, bc_paging paging);
void bc_api_ahead_settle(bc_api_ahead *h, const char *path, const char *query, bc_paging paging);
int bc_api_ahead_in_flight(const bc_api_ahead *h);
void bc_api_ahead_free(bc_api_ahead *h);

/* How many requests to keep in flight now (BC_PAGER_WINDOW .. BC_API_WINDOW_MAX): more
 * when responses are slow, never more than half of what the store's quota has left. */
int bc_api_window(bc_api *a);

/* The requests of the last statement (reqlog.c), for sys_requests. bc_api_requests_begin
 * starts a new statement's list (the previous one, if it made requests, becomes "the
 * last"); bc_api_requests_last gives the running statement's list while it has made
 * requests, else the last one. Entries stay valid until the next bc_api_requests_begin. */
typedef struct bc_api_logged {
    char method[8];
    char *path_query;
    long status; /* 0 when no answer came (network error, abandoned look-ahead) */
    long long ms;
} bc_api_logged;
void bc_api_requests_begin(bc_api *a);
int bc_api_requests_last(bc_api *a, const bc_api_logged **out);

/* The error for an HTTP response that is not 2xx: 401/403 -> 28000, 404 -> HY000 "not
 * found", 409/422 -> HY000 with the API's title/errors, 429 -> HY000 after retries,
 * 5xx -> 08S01. Message includes BigCommerce's own text and what to do. */
void bc_api_error_from_response(long status, const char *body, bc_error *err);

#endif
