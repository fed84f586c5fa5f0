/*
 * Private to driver/api/: the per-store rate limiter (docs/ARCHITECTURE.md). BigCommerce counts
 * requests per store in a fixed window and reports the state in four headers on every
 * response; the limiter keeps that state for each (API base URL, store hash) once per process,
 * shared by every connection, and makes a request wait when the window's quota is spent, so
 * a scan uses the quota without tripping 429s.
 */
#ifndef BC_RATELIMIT_H
#define BC_RATELIMIT_H

#include <stdbool.h>
#include "bc_error.h"
#include "bc_http.h"

/* What the limiter knows. All times are bc_now_ms() values (monotonic milliseconds). */
typedef struct bc_ratelimit_state {
    long requests_left;    /* from the last response; -1 while unknown */
    long quota;            /* requests per window; -1 while unknown */
    long window_ms;        /* -1 while unknown */
    long long reset_at_ms; /* when the window resets; 0 while unknown */
    int in_flight;         /* requests admitted and not yet answered */
} bc_ratelimit_state;

/* The decision, a pure function so tests can drive the clock: how long a new request must
 * wait at now_ms. 0 when the quota is unknown, or more requests are left (after a reset:
 * the whole quota) than are already in flight; else the time until the window resets (after
 * a reset: a short slice, until answers come back). */
long bc_ratelimit_wait_ms(const bc_ratelimit_state *s, long long now_ms);

/* Fold a response's headers into s (a response without rate-limit headers changes
 * nothing). A 429 marks the quota spent until the reset it announces:
 * X-Rate-Limit-Time-Reset-Ms, else Retry-After, else BC_HTTP_BACKOFF_MS. */
void bc_ratelimit_state_update(bc_ratelimit_state *s, const bc_http_response *r, long long now_ms);

/* How long to wait before retrying after a 429 response, by the same rule. */
long bc_ratelimit_429_wait_ms(const bc_http_response *r);

typedef struct bc_ratelimit bc_ratelimit;

/* The process-wide limiter of one store; the same pointer for equal (base_url, store_hash).
 * Entries live until the process ends (one small struct per store ever used), so pointers
 * stay valid for every connection. NULL on allocation failure. Thread-safe. */
bc_ratelimit *bc_ratelimit_get(const char *base_url, const char *store_hash);

/* Admit one request, waiting (in slices, watching cancel_flag) as the decision says.
 * Returns 0, or -1 with HYT00 when the wait would exceed BC_RATE_LIMIT_MAX_WAIT_MS, or HY008
 * when cancelled. */
int bc_ratelimit_acquire(bc_ratelimit *rl, volatile int *cancel_flag, bc_error *err);
/* Admit one request only if it need not wait. */
bool bc_ratelimit_try_acquire(bc_ratelimit *rl);
/* The admitted request ended; r is its response or NULL after a transport failure. */
void bc_ratelimit_release(bc_ratelimit *rl, const bc_http_response *r);
/* A copy of the current state (tests, logs). */
bc_ratelimit_state bc_ratelimit_snapshot(bc_ratelimit *rl);

/* Sleep ms milliseconds in short slices; -1 with HY008 when cancel_flag gets set. */
int bc_ratelimit_sleep(long ms, volatile int *cancel_flag, bc_error *err);

#endif
