/*
 * Text helpers of the harness: UTF-8 <-> UTF-16 (SQLWCHAR is 16-bit in unixODBC), JSON values
 * as text, and the two date formats of the API, written independently of the driver's own
 * util/ code so that a bug there cannot hide in the expectation.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

size_t bct_wlen(const SQLWCHAR *w)
{
    size_t n = 0;
    while (w && w[n]) {
        n++;
    }
    return n;
}

/* Decodes one UTF-8 sequence at s; returns its length (1 for an invalid byte, as U+FFFD). */
static int bct_utf8_decode(const unsigned char *s, unsigned *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    int len = (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0) {
        *cp = 0xFFFD;
        return 1;
    }
    unsigned v = s[0] & (0x7F >> len);
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    *cp = v;
    return len;
}

SQLWCHAR *bct_w(const char *utf8, size_t *units)
{
    size_t n = strlen(utf8);
    SQLWCHAR *w = malloc((n + 1) * sizeof *w); /* never more units than bytes */
    if (!w) {
        abort();
    }
    size_t o = 0;
    for (const unsigned char *s = (const unsigned char *)utf8; *s;) {
        unsigned cp;
        s += bct_utf8_decode(s, &cp);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            w[o++] = (SQLWCHAR)(0xD800 + (cp >> 10));
            w[o++] = (SQLWCHAR)(0xDC00 + (cp & 0x3FF));
        } else {
            w[o++] = (SQLWCHAR)cp;
        }
    }
    w[o] = 0;
    if (units) {
        *units = o;
    }
    return w;
}

char *bct_u8(const SQLWCHAR *w, size_t units)
{
    char *s = malloc(units * 4 + 1);
    if (!s) {
        abort();
    }
    size_t o = 0;
    for (size_t i = 0; i < units; i++) {
        unsigned cp = w[i];
        if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < units && w[i + 1] >= 0xDC00 &&
            w[i + 1] < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (w[i + 1] - 0xDC00u);
            i++;
        }
        if (cp < 0x80) {
            s[o++] = (char)cp;
        } else if (cp < 0x800) {
            s[o++] = (char)(0xC0 | (cp >> 6));
            s[o++] = (char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            s[o++] = (char)(0xE0 | (cp >> 12));
            s[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            s[o++] = (char)(0x80 | (cp & 0x3F));
        } else {
            s[o++] = (char)(0xF0 | (cp >> 18));
            s[o++] = (char)(0x80 | ((cp >> 12) & 0x3F));
            s[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            s[o++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    s[o] = '\0';
    return s;
}

const char *bct_json_text(const cJSON *item, const char *key)
{
    static char num[64];
    const cJSON *v = key ? cJSON_GetObjectItem(item, key) : item;
    if (!v || cJSON_IsNull(v)) {
        return NULL;
    }
    if (cJSON_IsString(v)) {
        return v->valuestring;
    }
    if (cJSON_IsBool(v)) {
        return cJSON_IsTrue(v) ? "1" : "0";
    }
    if (cJSON_IsNumber(v)) {
        double d = v->valuedouble;
        if (d == (double)(long long)d) {
            snprintf(num, sizeof num, "%lld", (long long)d);
        } else {
            snprintf(num, sizeof num, "%.15g", d);
        }
        return num;
    }
    return NULL;
}

static bool bct_fill_ts(struct tm *tm, long offset_s, SQL_TIMESTAMP_STRUCT *ts)
{
    time_t t = timegm(tm) - offset_s;
    struct tm u;
    if (!gmtime_r(&t, &u)) {
        return false;
    }
    ts->year = (SQLSMALLINT)(u.tm_year + 1900);
    ts->month = (SQLUSMALLINT)(u.tm_mon + 1);
    ts->day = (SQLUSMALLINT)u.tm_mday;
    ts->hour = (SQLUSMALLINT)u.tm_hour;
    ts->minute = (SQLUSMALLINT)u.tm_min;
    ts->second = (SQLUSMALLINT)u.tm_sec;
    ts->fraction = 0;
    return true;
}

/* "+0000", "+00:00", "Z" or "" -> seconds east of UTC. */
static long bct_offset(const char *p)
{
    while (*p == ' ') {
        p++;
    }
    if (*p != '+' && *p != '-') {
        return 0;
    }
    int sign = *p == '-' ? -1 : 1;
    int hh = 0, mm = 0;
    if (sscanf(p + 1, "%2d:%2d", &hh, &mm) < 2 && sscanf(p + 1, "%2d%2d", &hh, &mm) < 2) {
        return 0;
    }
    return sign * (hh * 3600L + mm * 60L);
}

bool bct_parse_date(const char *text, SQL_TIMESTAMP_STRUCT *ts)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    const char *rest;
    if (!text) {
        return false;
    }
    if ((rest = strptime(text, "%Y-%m-%dT%H:%M:%S", &tm)) != NULL ||
        (rest = strptime(text, "%Y-%m-%d %H:%M:%S", &tm)) != NULL) {
        if (*rest == '.') { /* fractions of a second are dropped */
            while (*++rest >= '0' && *rest <= '9') {
            }
        }
        return bct_fill_ts(&tm, bct_offset(rest), ts);
    }
    memset(&tm, 0, sizeof tm);
    if ((rest = strptime(text, "%a, %d %b %Y %H:%M:%S", &tm)) != NULL) {
        return bct_fill_ts(&tm, bct_offset(rest), ts);
    }
    memset(&tm, 0, sizeof tm);
    if ((rest = strptime(text, "%Y-%m-%d", &tm)) != NULL && *rest == '\0') {
        return bct_fill_ts(&tm, 0, ts);
    }
    return false;
}
