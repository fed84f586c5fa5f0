/*
 * Injected faults. POST /__sandbox/faults queues one of
 *   {"status":500,"count":2}               an error reply (429: {"reset_ms":300} too)
 *   {"status":502,"applied":true}          the request served first (a write takes effect),
 *                                          then answered with the status, as a gateway that
 *                                          loses the answer would
 *   {"status":503,"retry_after_seconds":1} a 503 in the price-list shape {"error":{...}}
 *   {"malformed":true}                     a 200 with a fixed broken JSON body
 *   {"delay_ms":2000}                      a slow reply
 *   {"reset":true}                         the connection closed with no reply at all
 *   {"body":"truncated"}                   the real reply, damaged: "truncated" (half of
 *                                          it), "html" (a proxy's page), "garbled" (bytes
 *                                          overwritten), "ctrl" / "nul" (a raw control
 *                                          character / NUL inside a string), "empty"
 *   {"items":"short"}                      the real list page, altered while its meta stays:
 *                                          "short" (last item dropped), "empty" (no items;
 *                                          a v2 page becomes a 204), "duplicate" (the last
 *                                          item replaced by a copy of the first)
 *   {"shift":1}                            the page rendered as if one item before it had
 *                                          been deleted (-1: inserted), totals adjusted
 *   {"ignore":"customer_id"}               the request served as if that query parameter
 *                                          had not been sent (an endpoint or a proxy that
 *                                          drops a filter)
 * each optionally limited by {"path_contains":"/orders"} and {"query_contains":"page=2"};
 * each API request consumes one unit of the oldest fault whose filters match.
 * {"rate":0.2,"kinds":["429","500","reset","truncated","html","garbled"],"seed":7} instead
 * turns on random faults: each API request that no queued fault matched gets one of the
 * kinds with that probability (a fixed seed gives a fixed sequence of draws).
 */
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fault_entry {
    sb_fault f;
    long remaining;
    struct fault_entry *next;
} fault_entry;

enum { MAX_KINDS = 16 };

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static fault_entry *head; /* oldest first; guarded by lock */
/* Random faults, guarded by lock. */
static double chaos_rate;
static sb_fault chaos_kinds[MAX_KINDS];
static int chaos_nkinds;
static unsigned long long chaos_state;

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
    chaos_rate = 0;
    chaos_nkinds = 0;
    pthread_mutex_unlock(&lock);
}

void sb_faults_free(void)
{
    sb_faults_clear();
}

/* A JSON number as a long, clamped so that no cast overflows. */
static long num_of(const cJSON *o, const char *key, long dflt)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsNumber(v))
        return dflt;
    if (v->valuedouble > 1e9)
        return 1000000000L;
    if (v->valuedouble < -1e9)
        return -1000000000L;
    return (long)v->valuedouble;
}

static int copy_str(char *dst, size_t cap, const cJSON *v)
{
    if (!cJSON_IsString(v))
        return 0;
    if (strlen(v->valuestring) >= cap)
        return -1;
    strcpy(dst, v->valuestring);
    return 0;
}

static int known(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(s, *list) == 0)
            return 1;
    return 0;
}

static int parse_fault(const cJSON *o, fault_entry *e)
{
    static const char *const bodies[] = {"truncated", "html",  "garbled", "ctrl",
                                         "nul",       "empty", NULL};
    static const char *const items[] = {"short", "empty", "duplicate", NULL};
    long status = num_of(o, "status", 0);
    memset(e, 0, sizeof *e);
    if (status != 0 && (status < 100 || status > 599))
        return -1;
    e->f.status = (unsigned)status;
    e->f.malformed = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "malformed"));
    e->f.reset = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "reset"));
    e->f.applied = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "applied"));
    e->f.delay_ms = num_of(o, "delay_ms", 0);
    e->f.reset_ms = num_of(o, "reset_ms", 1000);
    e->f.retry_after_s = num_of(o, "retry_after_seconds", -1);
    e->f.shift = num_of(o, "shift", 0);
    e->remaining = num_of(o, "count", 1);
    if (copy_str(e->f.match, sizeof e->f.match,
                 cJSON_GetObjectItemCaseSensitive(o, "path_contains")) != 0 ||
        copy_str(e->f.query_match, sizeof e->f.query_match,
                 cJSON_GetObjectItemCaseSensitive(o, "query_contains")) != 0 ||
        copy_str(e->f.body, sizeof e->f.body, cJSON_GetObjectItemCaseSensitive(o, "body")) != 0 ||
        copy_str(e->f.items, sizeof e->f.items, cJSON_GetObjectItemCaseSensitive(o, "items")) !=
            0 ||
        copy_str(e->f.ignore, sizeof e->f.ignore, cJSON_GetObjectItemCaseSensitive(o, "ignore")) !=
            0)
        return -1;
    if ((e->f.body[0] && !known(e->f.body, bodies)) || (e->f.items[0] && !known(e->f.items, items)))
        return -1;
    if (!e->f.status && !e->f.malformed && !e->f.reset && e->f.delay_ms <= 0 && !e->f.body[0] &&
        !e->f.items[0] && !e->f.shift && !e->f.ignore[0])
        return -1; /* a fault that does nothing is a test bug: say so with a 400 */
    return e->remaining > 0 ? 0 : -1;
}

/* One kind name of a random fault: a status ("429", "500", "503"), "reset", a body damage
 * or an item change. */
static int parse_kind(const char *name, sb_fault *f)
{
    char json[96];
    fault_entry e;
    char *end;
    long status = strtol(name, &end, 10);
    if (*end == '\0' && end != name)
        snprintf(json, sizeof json, "{\"status\":%ld,\"reset_ms\":200}", status);
    else if (strcmp(name, "reset") == 0)
        snprintf(json, sizeof json, "{\"reset\":true}");
    else if (strcmp(name, "short") == 0 || strcmp(name, "duplicate") == 0 ||
             strcmp(name, "empty_page") == 0)
        snprintf(json, sizeof json, "{\"items\":\"%s\"}",
                 strcmp(name, "empty_page") == 0 ? "empty" : name);
    else if (strlen(name) < 16)
        snprintf(json, sizeof json, "{\"body\":\"%s\"}", name);
    else
        return -1;
    cJSON *o = cJSON_Parse(json);
    int rc = o ? parse_fault(o, &e) : -1;
    cJSON_Delete(o);
    if (rc == 0)
        *f = e.f;
    return rc;
}

static int parse_chaos(const cJSON *o)
{
    const cJSON *kinds = cJSON_GetObjectItemCaseSensitive(o, "kinds");
    const cJSON *rate = cJSON_GetObjectItemCaseSensitive(o, "rate");
    const cJSON *k;
    sb_fault tmp[MAX_KINDS];
    int n = 0;
    if (!cJSON_IsNumber(rate) || rate->valuedouble < 0 || rate->valuedouble > 1 ||
        !cJSON_IsArray(kinds))
        return -1;
    cJSON_ArrayForEach(k, kinds)
    {
        if (n == MAX_KINDS || !cJSON_IsString(k) || parse_kind(k->valuestring, &tmp[n]) != 0)
            return -1;
        n++;
    }
    if (n == 0)
        return -1;
    pthread_mutex_lock(&lock);
    memcpy(chaos_kinds, tmp, sizeof tmp);
    chaos_nkinds = n;
    chaos_rate = rate->valuedouble;
    chaos_state = (unsigned long long)num_of(o, "seed", 1) * 0x9E3779B97F4A7C15ULL + 1;
    pthread_mutex_unlock(&lock);
    return 0;
}

int sb_faults_add_json(const char *body, size_t len)
{
    cJSON *o = cJSON_ParseWithLength(body, len);
    fault_entry tmp, *e;
    int rc;
    if (cJSON_IsObject(o) && cJSON_GetObjectItemCaseSensitive(o, "rate")) {
        rc = parse_chaos(o);
        cJSON_Delete(o);
        return rc;
    }
    rc = (cJSON_IsObject(o) && parse_fault(o, &tmp) == 0) ? 0 : -1;
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

/* xorshift64*: the next draw in [0, 1). Called with lock held. */
static double chaos_draw(void)
{
    chaos_state ^= chaos_state >> 12;
    chaos_state ^= chaos_state << 25;
    chaos_state ^= chaos_state >> 27;
    return (double)((chaos_state * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

int sb_faults_take(const char *path, const char *query, sb_fault *out)
{
    int found = 0;
    pthread_mutex_lock(&lock);
    for (fault_entry **pp = &head; *pp; pp = &(*pp)->next) {
        fault_entry *e = *pp;
        if (e->f.match[0] && !strstr(path, e->f.match))
            continue;
        if (e->f.query_match[0] && !strstr(query ? query : "", e->f.query_match))
            continue;
        *out = e->f;
        found = 1;
        if (--e->remaining <= 0) {
            *pp = e->next;
            free(e);
        }
        break;
    }
    if (!found && chaos_nkinds > 0 && chaos_draw() < chaos_rate) {
        *out = chaos_kinds[(int)(chaos_draw() * chaos_nkinds) % chaos_nkinds];
        found = 1;
    }
    pthread_mutex_unlock(&lock);
    return found;
}
