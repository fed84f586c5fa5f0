/*
 * The per-store rate limiter: a process-wide registry of stores, each with a mutex-guarded
 * bc_ratelimit_state. See ratelimit.h for the rules.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "ratelimit.h"

#define BC_RATELIMIT_SLICE_MS 50

struct bc_ratelimit {
    struct bc_ratelimit *next;
    char *key; /* base_url + "\n" + store_hash */
    pthread_mutex_t mu;
    bc_ratelimit_state st;
};

static pthread_mutex_t registry_mu = PTHREAD_MUTEX_INITIALIZER;
static bc_ratelimit *registry;

long bc_ratelimit_wait_ms(const bc_ratelimit_state *s, long long now_ms)
{
    if (s->requests_left < 0)
        return 0;
    if (s->reset_at_ms <= now_ms) {
        /* A new window holds the whole quota, not more: with many requests in flight (a
         * wide look-ahead on a slow link) the ones past it would meet a 429. */
        if (s->quota < 0 || s->quota - s->in_flight > 0)
            return 0;
        return BC_RATELIMIT_SLICE_MS;
    }
    if (s->requests_left - s->in_flight > 0)
        return 0;
    return (long)(s->reset_at_ms - now_ms);
}

long bc_ratelimit_429_wait_ms(const bc_http_response *r)
{
    if (r->rl_time_reset_ms >= 0)
        return r->rl_time_reset_ms;
    if (r->retry_after_s >= 0)
        return r->retry_after_s * 1000;
    return BC_HTTP_BACKOFF_MS;
}

void bc_ratelimit_state_update(bc_ratelimit_state *s, const bc_http_response *r, long long now_ms)
{
    if (r->status == 429) {
        s->requests_left = 0;
        s->reset_at_ms = now_ms + bc_ratelimit_429_wait_ms(r);
    } else {
        /* Within one window the count only goes down; responses collected out of the order
         * the store served them (a sliding window of pages) would otherwise put back a
         * stale, higher count and let one request too many go. */
        if (r->rl_requests_left >= 0 && (s->requests_left < 0 || s->reset_at_ms <= now_ms ||
                                         r->rl_requests_left < s->requests_left))
            s->requests_left = r->rl_requests_left;
        if (r->rl_time_reset_ms >= 0)
            s->reset_at_ms = now_ms + r->rl_time_reset_ms;
    }
    if (r->rl_requests_quota >= 0)
        s->quota = r->rl_requests_quota;
    if (r->rl_time_window_ms >= 0)
        s->window_ms = r->rl_time_window_ms;
}

static bc_ratelimit *find_locked(const char *key)
{
    for (bc_ratelimit *r = registry; r != NULL; r = r->next)
        if (strcmp(r->key, key) == 0)
            return r;
    return NULL;
}

bc_ratelimit *bc_ratelimit_get(const char *base_url, const char *store_hash)
{
    char *key = bc_sprintf("%s\n%s", base_url ? base_url : "", store_hash ? store_hash : "");
    bc_ratelimit *rl;

    if (key == NULL)
        return NULL;
    pthread_mutex_lock(&registry_mu);
    rl = find_locked(key);
    if (rl == NULL && (rl = calloc(1, sizeof *rl)) != NULL) {
        rl->key = key;
        key = NULL;
        pthread_mutex_init(&rl->mu, NULL);
        rl->st.requests_left = rl->st.quota = rl->st.window_ms = -1;
        rl->next = registry;
        registry = rl;
    }
    pthread_mutex_unlock(&registry_mu);
    free(key);
    return rl;
}

int bc_ratelimit_sleep(long ms, volatile int *cancel_flag, bc_error *err)
{
    long long end = bc_now_ms() + ms;

    for (;;) {
        long long left;
        if (bc_flag_get(cancel_flag))
            return bc_error_set(err, "HY008", 0, "The operation was cancelled.");
        left = end - bc_now_ms();
        if (left <= 0)
            return 0;
        bc_sleep_ms(left < BC_RATELIMIT_SLICE_MS ? (long)left : BC_RATELIMIT_SLICE_MS);
    }
}

int bc_ratelimit_acquire(bc_ratelimit *rl, volatile int *cancel_flag, bc_error *err)
{
    for (;;) {
        long wait;
        pthread_mutex_lock(&rl->mu);
        wait = bc_ratelimit_wait_ms(&rl->st, bc_now_ms());
        if (wait == 0)
            rl->st.in_flight++;
        pthread_mutex_unlock(&rl->mu);
        if (wait == 0)
            return 0;
        if (wait > BC_RATE_LIMIT_MAX_WAIT_MS)
            return bc_error_set(err, "HYT00", 429,
                                "BigCommerce's rate limit for this store asks to wait %ld s, "
                                "longer than the %d s the driver accepts. Try again later, or "
                                "run fewer queries against this store at once.",
                                wait / 1000, BC_RATE_LIMIT_MAX_WAIT_MS / 1000);
        bc_log(4, "rate limit: waiting %ld ms for the window to reset", wait);
        /* Sleep in slices and decide again: another connection may have seen the reset. */
        if (bc_ratelimit_sleep(wait < 500 ? wait : 500, cancel_flag, err) != 0)
            return -1;
    }
}

bool bc_ratelimit_try_acquire(bc_ratelimit *rl)
{
    bool ok;

    pthread_mutex_lock(&rl->mu);
    ok = bc_ratelimit_wait_ms(&rl->st, bc_now_ms()) == 0;
    if (ok)
        rl->st.in_flight++;
    pthread_mutex_unlock(&rl->mu);
    return ok;
}

void bc_ratelimit_release(bc_ratelimit *rl, const bc_http_response *r)
{
    pthread_mutex_lock(&rl->mu);
    if (rl->st.in_flight > 0)
        rl->st.in_flight--;
    if (r != NULL && r->status != 0)
        bc_ratelimit_state_update(&rl->st, r, bc_now_ms());
    pthread_mutex_unlock(&rl->mu);
}

bc_ratelimit_state bc_ratelimit_snapshot(bc_ratelimit *rl)
{
    bc_ratelimit_state s;

    pthread_mutex_lock(&rl->mu);
    s = rl->st;
    pthread_mutex_unlock(&rl->mu);
    return s;
}
