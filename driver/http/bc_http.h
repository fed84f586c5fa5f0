/*
 * libcurl wrapper. One bc_http per ODBC connection: it owns a share handle (DNS, TLS
 * sessions, connections) and a multi handle, so requests reuse connections (keep-alive) and
 * several can be in flight at once. Not thread-safe: the connection's lock serializes use.
 */
#ifndef BC_HTTP_H
#define BC_HTTP_H

#include <stddef.h>
#include <stdbool.h>
#include "bc_error.h"

typedef struct bc_http bc_http;

typedef struct bc_http_config {
    long timeout_s; /* per request, 0 = none */
    long connect_timeout_s;
    const char *ca_file; /* SSLServerCert, NULL = system store */
    const char *proxy;   /* ProxyServer (host or URL), NULL = none/env */
    long proxy_port;
    const char *proxy_user, *proxy_password;
    volatile int *cancel_flag; /* when non-NULL and set, transfers abort with HY008 */
} bc_http_config;

typedef struct bc_http_header {
    const char *name, *value;
} bc_http_header;

typedef struct bc_http_response {
    long status; /* HTTP status, 0 when no response */
    char *body;  /* NUL-terminated, owned; may be NULL for 204 */
    size_t body_len;
    /* The rate-limit headers, -1 when absent. */
    long rl_requests_left;  /* X-Rate-Limit-Requests-Left */
    long rl_requests_quota; /* X-Rate-Limit-Requests-Quota */
    long rl_time_reset_ms;  /* X-Rate-Limit-Time-Reset-Ms */
    long rl_time_window_ms; /* X-Rate-Limit-Time-Window-Ms */
    long retry_after_s;     /* Retry-After */
} bc_http_response;

typedef struct bc_http_request {
    const char *method; /* "GET", "POST", "PUT", "DELETE" */
    const char *url;
    const bc_http_header *headers; /* extra headers, terminated by {NULL, NULL} */
    const char *body;              /* NULL for none */
    size_t body_len;
} bc_http_request;

bc_http *bc_http_new(const bc_http_config *cfg);
void bc_http_free(bc_http *h);

/* Perform one request and wait for it. Returns 0 when a response arrived (any status; the
 * caller interprets it) and -1 with err set on transport failure: 08001 could not connect,
 * 08S01 connection broke, HYT00 time-out, HY008 cancelled. The response is filled on 0 and
 * must be released with bc_http_response_free. */
int bc_http_perform(bc_http *h, const bc_http_request *req, bc_http_response *resp, bc_error *err);

/* Several GETs at once on the multi handle; resp[i]/errs[i]/rc[i] per request. Returns when
 * all are done. */
void bc_http_perform_many(bc_http *h, const bc_http_request *reqs, int n, bc_http_response *resps,
                          bc_error *errs, int *rc);

/* Requests in flight one by one, for a sliding window: start a request on the multi handle
 * and collect it later, while others started the same way move on. The request's strings
 * and headers are copied (the caller's may go once bc_http_start returns). A started call
 * is owned by the caller until exactly one of bc_http_wait or bc_http_abandon frees it.
 * bc_http_start returns NULL (err set, HY001) when out of memory. */
typedef struct bc_http_call bc_http_call;
bc_http_call *bc_http_start(bc_http *h, const bc_http_request *req, bc_error *err);
/* Drive the multi handle until c is done (the other transfers progress meanwhile, finished
 * ones are kept for their own wait), then return as bc_http_perform does and free c. */
int bc_http_wait(bc_http *h, bc_http_call *c, bc_http_response *resp, bc_error *err);
/* Stop c (if still running) and free it and its response. */
void bc_http_abandon(bc_http *h, bc_http_call *c);
/* Let the transfers in flight move on without waiting (call between pages). */
void bc_http_progress(bc_http *h);

void bc_http_response_free(bc_http_response *r);
/* Set r to "nothing received": status 0, no body, every rate-limit field -1. Safe to
 * bc_http_response_free afterwards. */
void bc_http_response_init(bc_http_response *r);

/* Percent-encode for a query value. Caller frees. */
char *bc_http_escape(const char *s);

#endif
