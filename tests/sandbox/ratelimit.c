/*
 * The store's request quota, as BigCommerce reports it in X-Rate-Limit-* headers: a fixed
 * window of window_ms in which quota requests may be made. Without --rate-limit-quota the
 * quota is large enough that a benchmark never meets it, but the headers are still real.
 */
#include "sandbox.h"

#include <pthread.h>
#include <time.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long quota, window_ms, used;
static long long window_start_ms;

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int sb_ratelimit_init(long q, long w)
{
    quota = q > 0 ? q : 1;
    window_ms = w > 0 ? w : 30000;
    used = 0;
    window_start_ms = now_ms();
    return 0;
}

void sb_ratelimit_free(void) {}

void sb_ratelimit_take(sb_rate_state *out)
{
    pthread_mutex_lock(&lock);
    long long now = now_ms();
    if (now - window_start_ms >= window_ms) {
        window_start_ms = now;
        used = 0;
    }
    out->limited = used >= quota;
    if (!out->limited)
        used++;
    out->quota = quota;
    out->left = quota - used;
    out->window_ms = window_ms;
    out->reset_ms = (long)(window_ms - (now - window_start_ms));
    pthread_mutex_unlock(&lock);
}
