/*
 * Injected faults: POST /__sandbox/faults queues {"status":500,"count":2},
 * {"malformed":true,"count":1}, {"status":429,"count":1,"reset_ms":300},
 * {"delay_ms":2000,"count":1}, each optionally limited by {"path_contains":"/orders"};
 * {"status":502,"applied":true} serves the request first (a write takes effect) and then
 * answers with the status, as a gateway that loses the answer would.
 * Each API request consumes one unit of the oldest fault whose path filter matches.
 */
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct fault_entry {
    sb_fault f;
    long remaining;
    struct fault_entry *next;
} fault_entry;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static fault_entry *head; /* oldest first; guarded by lock */

int sb_faults_init(void)
{
    return 0;
}

void sb_faults_clear(void)
{
    pthread_mutex_lock(&lock);
    while (head) {
        fault_entry *n = head->next;
        free(head);
        head = n;
    }
    pthread_mutex_unlock(&lock);
}

void sb_faults_free(void)
{
    sb_faults_clear();
}

static long num_of(const cJSON *o, const char *key, long dflt)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(v) ? (long)v->valuedouble : dflt;
}

static int parse_fault(const cJSON *o, fault_entry *e)
{
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, "malformed");
    const cJSON *pc = cJSON_GetObjectItemCaseSensitive(o, "path_contains");
    long status = num_of(o, "status", 0);
    memset(e, 0, sizeof *e);
    if (status != 0 && (status < 100 || status > 599))
        return -1;
    e->f.status = (unsigned)status;
    e->f.malformed = cJSON_IsTrue(m);
    e->f.applied = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "applied"));
    e->f.delay_ms = num_of(o, "delay_ms", 0);
    e->f.reset_ms = num_of(o, "reset_ms", 1000);
    e->remaining = num_of(o, "count", 1);
    if (cJSON_IsString(pc)) {
        if (strlen(pc->valuestring) >= sizeof e->f.match)
            return -1;
        strcpy(e->f.match, pc->valuestring);
    }
    if (!e->f.status && !e->f.malformed && e->f.delay_ms <= 0)
        return -1; /* a fault that does nothing is a test bug: say so with a 400 */
    return e->remaining > 0 ? 0 : -1;
}

int sb_faults_add_json(const char *body, size_t len)
{
    cJSON *o = cJSON_ParseWithLength(body, len);
    fault_entry tmp, *e;
    int rc = (cJSON_IsObject(o) && parse_fault(o, &tmp) == 0) ? 0 : -1;
    cJSON_Delete(o);
    if (rc != 0 || !(e = malloc(sizeof *e)))
        return -1;
    *e = tmp;
    pthread_mutex_lock(&lock);
    fault_entry **pp = &head;
    while (*pp)
        pp = &(*pp)->next;
    *pp = e;
    pthread_mutex_unlock(&lock);
    return 0;
}

int sb_faults_take(const char *path, sb_fault *out)
{
    int found = 0;
    pthread_mutex_lock(&lock);
    for (fault_entry **pp = &head; *pp; pp = &(*pp)->next) {
        fault_entry *e = *pp;
        if (e->f.match[0] && !strstr(path, e->f.match))
            continue;
        *out = e->f;
        found = 1;
        if (--e->remaining <= 0) {
            *pp = e->next;
            free(e);
        }
        break;
    }
    pthread_mutex_unlock(&lock);
    return found;
}
