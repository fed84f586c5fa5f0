/*
 * Deterministic values for the generators. Every field is a pure function of
 * (seed, resource tag, id, field number), so one generator can recompute another's facts
 * (an order item's product name and price) without sharing state.
 */
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <time.h>

static uint64_t mix64(uint64_t x)
{
    /* splitmix64 finaliser: cheap, well distributed, stable across platforms */
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

uint64_t sb_rand(unsigned long seed, unsigned tag, long id, unsigned field)
{
    uint64_t h = mix64((uint64_t)seed);
    h = mix64(h ^ ((uint64_t)tag << 32 ^ field));
    return mix64(h ^ (uint64_t)id);
}

long sb_rand_range(unsigned long seed, unsigned tag, long id, unsigned field, long lo, long hi)
{
    if (hi <= lo)
        return lo;
    return lo + (long)(sb_rand(seed, tag, id, field) % (uint64_t)(hi - lo + 1));
}

const char *sb_pick(const char *const *list, size_t n, unsigned long seed, unsigned tag, long id,
                    unsigned field)
{
    return list[sb_rand(seed, tag, id, field) % n];
}

long long sb_epoch_for(unsigned long seed, unsigned tag, long id)
{
    /* 2024-01-01T00:00:00Z plus up to two years, whole seconds */
    const long long base = 1704067200LL;
    return base + (long long)(sb_rand(seed, tag, id, 999) % (2LL * 365 * 86400));
}

void sb_fmt_iso(char *buf, size_t n, long long epoch)
{
    time_t t = (time_t)epoch;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, n, "%Y-%m-%dT%H:%M:%S+00:00", &tm);
}

void sb_fmt_rfc2822(char *buf, size_t n, long long epoch)
{
    static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    time_t t = (time_t)epoch;
    struct tm tm;
    gmtime_r(&t, &tm);
    /* spelled out rather than strftime so the process locale cannot change it */
    snprintf(buf, n, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday], tm.tm_mday,
             months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

void sb_fmt_money4(char *buf, size_t n, long long cents)
{
    const char *sign = cents < 0 ? "-" : "";
    long long a = cents < 0 ? -cents : cents;
    snprintf(buf, n, "%s%lld.%02lld00", sign, a / 100, a % 100);
}

/* One flag per thread collects the allocation failures of the many add calls, so each
 * object is checked once, and server threads building error bodies do not interfere. */
static _Thread_local int json_failed;

static void note(const void *added)
{
    if (!added)
        json_failed = 1;
}

int sb_json_failed(void)
{
    int f = json_failed;
    json_failed = 0;
    return f;
}

cJSON *sb_add_str(cJSON *obj, const char *key, const char *val)
{
    note(obj ? cJSON_AddStringToObject(obj, key, val ? val : "") : NULL);
    return obj;
}

cJSON *sb_add_num(cJSON *obj, const char *key, double val)
{
    note(obj ? cJSON_AddNumberToObject(obj, key, val) : NULL);
    return obj;
}

cJSON *sb_add_bool(cJSON *obj, const char *key, int val)
{
    note(obj ? cJSON_AddBoolToObject(obj, key, val ? 1 : 0) : NULL);
    return obj;
}

cJSON *sb_add_null(cJSON *obj, const char *key)
{
    note(obj ? cJSON_AddNullToObject(obj, key) : NULL);
    return obj;
}

cJSON *sb_add_obj(cJSON *obj, const char *key)
{
    cJSON *child = obj ? cJSON_AddObjectToObject(obj, key) : NULL;
    note(child);
    return child;
}

cJSON *sb_add_arr(cJSON *obj, const char *key)
{
    cJSON *child = obj ? cJSON_AddArrayToObject(obj, key) : NULL;
    note(child);
    return child;
}

void sb_arr_push(cJSON *arr, cJSON *item)
{
    if (!arr || !item || !cJSON_AddItemToArray(arr, item)) {
        cJSON_Delete(item);
        json_failed = 1;
    }
}

cJSON *sb_add_money(cJSON *obj, const char *key, long long cents)
{
    char buf[40];
    sb_fmt_money4(buf, sizeof buf, cents);
    return sb_add_str(obj, key, buf);
}
