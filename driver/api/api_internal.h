/*
 * Private to driver/api/: the bc_api struct and the helpers its files share; exposed to the
 * unit tests through this header too.
 */
#ifndef BC_API_INTERNAL_H
#define BC_API_INTERNAL_H

#include <stdbool.h>
#include "bc_api.h"
#include "ratelimit.h"

typedef struct bc_api_cache_entry bc_api_cache_entry;

typedef struct bc_api_reqlist {
    bc_api_logged *v;
    int n, cap;
} bc_api_reqlist;

struct bc_api {
    char *base_url;   /* without a trailing slash */
    char *store_hash; /* NULL when StoreId was not given */
    char *token;      /* NULL when none; never logged nor put in a message */
    int page_size;
    bc_http *http;
    bc_ratelimit *rl;          /* process-wide, not owned */
    volatile int *cancel_flag; /* owned by the caller of bc_api_new */
    long requests;             /* HTTP requests sent, retries included */
    long latency_ms;           /* smoothed round trip of windowed GETs; 0 until one ends */
    bc_api_reqlist reqlog_cur, reqlog_last; /* reqlog.c */
    /* The per-statement response cache (cache.c): oldest entry first. */
    bool cache_on;
    bc_api_cache_entry *cache_head, *cache_tail;
    int cache_entries;
    long cache_bytes;
};

/* cache.c. lookup fills resp (a copy the caller frees with bc_http_response_free; the body
 * is body_len bytes, NUL bytes included, plus a terminating NUL) and returns true on a hit;
 * store keeps a copy of a 2xx/404 response when the cache is on: only a body that parsed
 * may be stored; forget drops the entry of path_query (a cached page that contradicts its
 * scan is fetched again); invalidate empties it (after a write). */
bool bc_api_cache_lookup(bc_api *a, const char *path_query, bc_http_response *resp);
void bc_api_cache_store(bc_api *a, const char *path_query, const bc_http_response *resp);
void bc_api_cache_forget(bc_api *a, const char *path_query);
void bc_api_cache_invalidate(bc_api *a);

/* {base_url}/stores/{store_hash}{path_query}; a missing leading '/' in path_query is added.
 * malloc'd, caller frees; NULL on allocation failure. */
char *bc_api_build_url(const char *base_url, const char *store_hash, const char *path_query);

/* path + ('?' or '&') + query; query NULL or "" gives a copy of path. Caller frees. */
char *bc_api_join_query(const char *path, const char *query);

/* True when path goes below a numeric id ("/v2/orders/12/products"): a 404 there means the
 * parent vanished, which a scan reports as no rows. */
bool bc_api_is_child_path(const char *path);

/* 0 when the api can make data requests; else 08001 (no StoreId) or 28000 (no token). */
int bc_api_check_ready(const bc_api *a, bc_error *err);

/* What a GET's 2xx body must be (body.c). */
typedef enum bc_api_expect {
    BC_API_EXPECT_JSON,    /* any JSON value, or no body */
    BC_API_EXPECT_V3,      /* {"data": [...] or {...}, ...} */
    BC_API_EXPECT_V2_LIST, /* a bare array (no body only with 204) */
} bc_api_expect;

/* Parse a 2xx body of len bytes (no terminating NUL needed) and check it is what expect
 * says: 0 with *out (NULL for 204, or an empty body where allowed), or -1 with 08S01 and
 * *out NULL for a damaged body (not JSON, cut short, raw control characters or NUL bytes,
 * trailing bytes, the wrong envelope), which a GET retries. See body.c. */
int bc_api_parse_expected(long status, const char *body, size_t len, bc_api_expect expect,
                          cJSON **out, bc_error *err);
/* The same for a response as the http layer and the cache hand it out: its body is
 * NUL-terminated (bc_http_response), so it is parsed without a copy. */
int bc_api_parse_response(const bc_http_response *resp, bc_api_expect expect, cJSON **out,
                          bc_error *err);
/* The wait a 5xx body asks for ({"error": {"retry_after_seconds": N}}, the price-list
 * endpoints' 503), in ms capped at a day; -1 when it asks for none. */
long bc_api_body_retry_after_ms(const char *body);
/* bc_api_parse_expected with BC_API_EXPECT_JSON. */
int bc_api_parse_body(long status, const char *body, size_t len, cJSON **out, bc_error *err);

/* bc_api_get, with the 2xx body checked against expect: a damaged body is retried with the
 * same back-off and limit as a 5xx, and only a body that passed enters the cache. */
int bc_api_get_as(bc_api *a, const char *path_query, bc_api_expect expect, cJSON **out,
                  long *status, bc_error *err);

/* Replace every occurrence of the api's token in err->message by "****" (defence in depth:
 * no message should contain it in the first place). */
void bc_api_redact(const bc_api *a, bc_error *err);

/* Turn a final response into *out (2xx: parsed JSON, NULL for 204/empty) or err (mapped
 * from the status and body), set *status (optional), and free resp. 0 or -1. */
int bc_api_finish(bc_api *a, bc_http_response *resp, cJSON **out, long *status, bc_error *err);
/* A write's 422 may come from a batch endpoint that applied part of the batch (the metafield
 * batches list what they did in "data"), so its body is kept in *out for the caller, on
 * the first try and after a retry alike. */
void bc_api_keep_write_rejection(const bc_http_response *resp, cJSON **out);

/* GET several paths at once (rate limiter permitting), each retried like bc_api_get.
 * outs[i], statuses[i], errs[i], rcs[i] as bc_api_get would return for paths[i]. */
void bc_api_get_many(bc_api *a, char *const *paths, int n, cJSON **outs, long *statuses,
                     bc_error *errs, int *rcs);

/* call.c: one GET in flight, collected later (the pager's sliding window). */
typedef struct bc_api_call bc_api_call;
/* Start GET path_query: answered from the cache, or sent on the multi handle once the rate
 * limiter admits it. may_wait false: only when it need not wait (look-ahead). Returns 1 with
 * *out set (the caller then owns it until bc_api_call_finish or _abandon), 0 when the limiter
 * said "not now" (nothing started), -1 with err set. */
int bc_api_call_start(bc_api *a, const char *path_query, bool may_wait, bc_api_call **out,
                      bc_error *err);
/* bc_api_call_start whose body is checked (and retried) as bc_api_get_as does. */
int bc_api_call_start_as(bc_api *a, const char *path_query, bc_api_expect expect, bool may_wait,
                         bc_api_call **out, bc_error *err);
/* Wait for c and turn it into what bc_api_get would return (retrying the way bc_api_get
 * does when the outcome is retryable). Frees c. Caller owns *out. */
int bc_api_call_finish(bc_api *a, bc_api_call *c, cJSON **out, long *status, bc_error *err);
/* Drop c unanswered (a scan that ended early); NULL is fine. */
void bc_api_call_abandon(bc_api *a, bc_api_call *c);
/* Let the calls in flight move on without waiting. */
void bc_api_progress(bc_api *a);

/* pager.c: the first request (path and query) a pager opened with these arguments makes,
 * so that a look-ahead can put exactly that answer in the cache. Caller frees; NULL on OOM. */
char *bc_pager_first_request(bc_api *a, const char *path, const char *query, bc_paging paging,
                             long max_rows);
/* reqlog.c: record one request sent (status 0: no answer); free both lists. */
void bc_api_requests_note(bc_api *a, const char *method, const char *path_query, long status,
                          long long ms);
void bc_api_requests_free(bc_api *a);
/* parallel.c: a round trip's time, smoothed into a->latency_ms (which sizes the window). */
void bc_api_note_latency(bc_api *a, long long ms);
/* cache.c: whether path_query is answered from the cache (no copy made). */
bool bc_api_cache_contains(bc_api *a, const char *path_query);

#endif
