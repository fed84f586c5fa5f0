/*
 * Response header parsing: the four X-Rate-Limit-* headers BigCommerce sends on every
 * response, and the retry hint of a 429 (Retry-After, or X-Retry-After as the API reference
 * spells it; both in seconds).
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "http_internal.h"

static void reset_rate_fields(bc_http_response *r)
{
    r->rl_requests_left = -1;
    r->rl_requests_quota = -1;
    r->rl_time_reset_ms = -1;
    r->rl_time_window_ms = -1;
    r->retry_after_s = -1;
}

void bc_http_response_init(bc_http_response *r)
{
    r->status = 0;
    r->body = NULL;
    r->body_len = 0;
    reset_rate_fields(r);
}

/* A header value as a non-negative long; -1 when empty, negative or not a number (an
 * HTTP-date Retry-After is treated as absent: the rate-limit headers carry the wait). */
static long parse_long(const char *v, size_t n)
{
    char tmp[32];
    char *end;
    long x;

    while (n > 0 && isspace((unsigned char)v[n - 1]))
        n--;
    while (n > 0 && isspace((unsigned char)*v)) {
        v++;
        n--;
    }
    if (n == 0 || n >= sizeof tmp)
        return -1;
    memcpy(tmp, v, n);
    tmp[n] = '\0';
    errno = 0;
    x = strtol(tmp, &end, 10);
    if (errno != 0 || *end != '\0' || x < 0)
        return -1;
    return x;
}

static long *field_for(bc_http_response *r, const char *name, size_t n)
{
    static const struct {
        const char *name;
        size_t off;
    } map[] = {
        {"X-Rate-Limit-Requests-Left", offsetof(bc_http_response, rl_requests_left)},
        {"X-Rate-Limit-Requests-Quota", offsetof(bc_http_response, rl_requests_quota)},
        {"X-Rate-Limit-Time-Reset-Ms", offsetof(bc_http_response, rl_time_reset_ms)},
        {"X-Rate-Limit-Time-Window-Ms", offsetof(bc_http_response, rl_time_window_ms)},
        {"Retry-After", offsetof(bc_http_response, retry_after_s)},
        {"X-Retry-After", offsetof(bc_http_response, retry_after_s)},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (strlen(map[i].name) == n && strncasecmp(map[i].name, name, n) == 0)
            return (long *)((char *)r + map[i].off);
    }
    return NULL;
}

void bc_http_parse_header_line(bc_http_response *r, const char *line, size_t len)
{
    const char *colon;
    long *field;

    if (len >= 5 && strncmp(line, "HTTP/", 5) == 0) {
        reset_rate_fields(r);
        return;
    }
    colon = memchr(line, ':', len);
    if (colon == NULL)
        return;
    field = field_for(r, line, (size_t)(colon - line));
    if (field != NULL)
        *field = parse_long(colon + 1, len - (size_t)(colon + 1 - line));
}
