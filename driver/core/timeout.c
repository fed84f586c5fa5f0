/*
 * SQL_ATTR_QUERY_TIMEOUT while a step waits on the network. SQLite's progress handler only
 * runs between virtual-machine instructions, not while a virtual table waits for an HTTP
 * response, so a watchdog thread sleeps until the deadline and then cancels the engine
 * (bc_engine_cancel is thread-safe and aborts the transfer). The thread exists only for the
 * duration of one step of a statement that has a time-out.
 */
#include <errno.h>
#include <time.h>
#include "bc_handles.h"
#include "bc_util.h"

/* bc_now_ms() is CLOCK_MONOTONIC milliseconds; the condition variable waits on that clock. */
static struct timespec deadline_ts(long long ms)
{
    struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L};
    return ts;
}

static void *watchdog_main(void *arg)
{
    bc_watchdog *w = arg;
    struct timespec ts = deadline_ts(w->stmt->deadline_ms);

    pthread_mutex_lock(&w->mutex);
    while (!w->done) {
        if (pthread_cond_timedwait(&w->cond, &w->mutex, &ts) == ETIMEDOUT && !w->done) {
            w->stmt->timed_out = true;
            bc_engine_cancel(w->stmt->dbc->engine);
            break;
        }
    }
    pthread_mutex_unlock(&w->mutex);
    return NULL;
}

void bc_watchdog_start(bc_watchdog *w, bc_stmt *s)
{
    pthread_condattr_t attr;

    w->running = false;
    w->done = false;
    w->stmt = s;
    if (s->deadline_ms <= 0)
        return;
    pthread_mutex_init(&w->mutex, NULL);
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&w->cond, &attr);
    pthread_condattr_destroy(&attr);
    /* Without the thread only the progress handler enforces the time-out. */
    w->running = pthread_create(&w->thread, NULL, watchdog_main, w) == 0;
    if (!w->running) {
        pthread_cond_destroy(&w->cond);
        pthread_mutex_destroy(&w->mutex);
    }
}

void bc_watchdog_stop(bc_watchdog *w)
{
    if (!w->running)
        return;
    pthread_mutex_lock(&w->mutex);
    w->done = true;
    pthread_cond_signal(&w->cond);
    pthread_mutex_unlock(&w->mutex);
    pthread_join(w->thread, NULL);
    pthread_cond_destroy(&w->cond);
    pthread_mutex_destroy(&w->mutex);
    w->running = false;
}
