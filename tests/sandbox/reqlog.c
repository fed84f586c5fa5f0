/*
 * The log of API requests that tests read back through GET /__sandbox/requests.
 * Queries are stored percent-decoded ("id:in=1,2"), so tests can match them literally
 * whatever escaping the client used. Control requests are never logged.
 */
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static cJSON *entries; /* array of {method,path,query,seq,unknown_params}; guarded by lock */
static long next_seq;  /* guarded by lock */
/* API requests being served now, and the most served at once since the log was cleared:
 * tests read the latter to see that the driver overlaps requests, without timing anything. */
static int in_flight, max_in_flight; /* guarded by lock */

int sb_reqlog_init(void)
{
    entries = cJSON_CreateArray();
    return entries ? 0 : -1;
}

void sb_reqlog_free(void)
{
    cJSON_Delete(entries);
    entries = NULL;
}

long sb_reqlog_add(const char *method, const char *path, const char *query)
{
    cJSON *e = cJSON_CreateObject();
    long seq;
    sb_add_str(e, "method", method);
    sb_add_str(e, "path", path);
    sb_add_str(e, "query", query ? query : "");
    sb_add_arr(e, "unknown_params");
    if (sb_json_failed()) {
        /* a lost entry shows up as a wrong count in the test, never as a crash */
        cJSON_Delete(e);
        return -1;
    }
    pthread_mutex_lock(&lock);
    seq = next_seq++;
    sb_add_num(e, "seq", (double)seq);
    if (!entries || !cJSON_AddItemToArray(entries, e))
        cJSON_Delete(e);
    pthread_mutex_unlock(&lock);
    return seq;
}

void sb_reqlog_note_unknown(long seq, const char *const *keys, int n)
{
    cJSON *e;

    if (n == 0 || seq < 0)
        return;
    pthread_mutex_lock(&lock);
    cJSON_ArrayForEach(e, entries)
    {
        const cJSON *s = cJSON_GetObjectItemCaseSensitive(e, "seq");
        if (!cJSON_IsNumber(s) || (long)s->valuedouble != seq)
            continue;
        cJSON *arr = cJSON_GetObjectItemCaseSensitive(e, "unknown_params");
        for (int i = 0; arr && i < n; i++)
            cJSON_AddItemToArray(arr, cJSON_CreateString(keys[i]));
        break;
    }
    pthread_mutex_unlock(&lock);
}

char *sb_reqlog_json(void)
{
    pthread_mutex_lock(&lock);
    char *s = entries ? cJSON_PrintUnformatted(entries) : NULL;
    pthread_mutex_unlock(&lock);
    return s;
}

void sb_reqlog_enter(void)
{
    pthread_mutex_lock(&lock);
    if (++in_flight > max_in_flight)
        max_in_flight = in_flight;
    pthread_mutex_unlock(&lock);
}

void sb_reqlog_leave(void)
{
    pthread_mutex_lock(&lock);
    in_flight--;
    pthread_mutex_unlock(&lock);
}

char *sb_reqlog_stats_json(void)
{
    char *s = malloc(64);
    pthread_mutex_lock(&lock);
    if (s)
        snprintf(s, 64, "{\"max_in_flight\":%d,\"in_flight\":%d}", max_in_flight, in_flight);
    pthread_mutex_unlock(&lock);
    return s;
}

void sb_reqlog_clear(void)
{
    pthread_mutex_lock(&lock);
    max_in_flight = in_flight;
    cJSON *fresh = cJSON_CreateArray();
    if (fresh) {
        cJSON_Delete(entries);
        entries = fresh;
    } else if (entries) {
        while (cJSON_GetArraySize(entries) > 0)
            cJSON_DeleteItemFromArray(entries, 0);
    }
    pthread_mutex_unlock(&lock);
}
