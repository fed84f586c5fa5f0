/*
 * Secret redaction for log lines. Matching is by name, case-insensitive, because a token
 * can reach a line through a header, a URL query, a form body or a JSON document.
 */
#include <string.h>
#include <strings.h>
#include "bc_util.h"
#include "util/log_internal.h"

#define BC_MASK "****"

static bool is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* A secret stands alone at hit when no letter or digit touches it on either side: "pass"
 * is masked in "pass=1" or "Bearer pass", but "passage" and "bypass" are ordinary words. */
static bool stands_alone(const char *text, const char *hit, size_t n)
{
    return (hit == text || !is_alnum(hit[-1])) && !is_alnum(hit[n]);
}

char *bc_redact_literal(const char *s, const char *secret)
{
    bc_buf b;
    size_t n = secret ? strlen(secret) : 0;
    const char *text = s, *from = s, *hit;

    if (s == NULL)
        return NULL;
    if (n == 0)
        return bc_strdup(s);
    bc_buf_init(&b);
    while ((hit = strstr(from, secret)) != NULL) {
        if (!stands_alone(text, hit, n)) {
            from = hit + 1;
            continue;
        }
        bc_buf_append(&b, s, (size_t)(hit - s));
        bc_buf_puts(&b, BC_MASK);
        s = from = hit + n;
    }
    bc_buf_puts(&b, s);
    return bc_buf_steal(&b);
}

/* Field names whose values are secrets. */
static const char *const bc_secret_fields[] = {
    "x-auth-token", "authorization",    "access_token",      "client_secret", "refresh_token",
    "code",         "oauthaccesstoken", "oauthclientsecret", "oauthverifier", "oauthrefreshtoken"};

static bool bc_is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

/* If a secret field name starts at s (on a name boundary) followed by a separator
 * (":", "=", "\":"), return the start of its value, else NULL. */
static const char *bc_field_value(const char *start, const char *s)
{
    for (size_t i = 0; i < sizeof bc_secret_fields / sizeof bc_secret_fields[0]; i++) {
        size_t n = strlen(bc_secret_fields[i]);
        const char *p = s + n;
        if (strncasecmp(s, bc_secret_fields[i], n) != 0 || bc_is_name_char(*p))
            continue;
        if (s > start && bc_is_name_char(s[-1]))
            continue;
        if (*p == '"')
            p++;
        while (*p == ' ')
            p++;
        if (*p != ':' && *p != '=')
            continue;
        p++;
        while (*p == ' ')
            p++;
        return p;
    }
    return NULL;
}

/* End of a field value: a quoted JSON string ends at its closing quote; otherwise the value
 * runs to a separator. "Authorization: Bearer x" keeps the scheme word visible. */
static const char *bc_value_end(const char *v)
{
    if (*v == '"') {
        for (v++; *v && *v != '"'; v++)
            if (*v == '\\' && v[1])
                v++;
        return v;
    }
    if (strncasecmp(v, "Bearer ", 7) == 0 || strncasecmp(v, "Basic ", 6) == 0)
        v = strchr(v, ' ') + 1;
    while (*v && *v != '&' && *v != ' ' && *v != ',' && *v != ';' && *v != '\r' && *v != '\n' &&
           *v != '}')
        v++;
    return v;
}

char *bc_redact_fields(const char *s)
{
    bc_buf b;
    const char *start = s, *p = s, *v, *end;

    if (s == NULL)
        return NULL;
    bc_buf_init(&b);
    while (*p) {
        v = bc_field_value(start, p);
        if (v == NULL) {
            bc_buf_append(&b, p++, 1);
            continue;
        }
        end = bc_value_end(v);
        if (*v == '"') {
            bc_buf_append(&b, p, (size_t)(v - p) + 1);
            bc_buf_puts(&b, BC_MASK);
            p = end; /* the closing quote is copied next */
        } else {
            const char *keep = v;
            if (strncasecmp(v, "Bearer ", 7) == 0 || strncasecmp(v, "Basic ", 6) == 0)
                keep = strchr(v, ' ') + 1;
            bc_buf_append(&b, p, (size_t)(keep - p));
            if (end > keep)
                bc_buf_puts(&b, BC_MASK);
            p = end;
        }
    }
    return bc_buf_steal(&b);
}
