/* Request bodies as key/value pairs (x-www-form-urlencoded or a flat JSON object), and the
 * escaping the OAuth pages and redirects need. All returned strings are malloc'd. */
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char *sb_url_decode(const char *src, size_t len, int plus_space)
{
    char *out = malloc(len + 1);
    size_t o = 0;
    if (!out)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        int hi, lo;
        if (src[i] == '%' && i + 2 < len && (hi = hexval(src[i + 1])) >= 0 &&
            (lo = hexval(src[i + 2])) >= 0) {
            out[o++] = (char)(hi * 16 + lo);
            i += 2;
        } else {
            out[o++] = (plus_space && src[i] == '+') ? ' ' : src[i];
        }
    }
    out[o] = '\0';
    return out;
}

char *sb_url_encode(const char *src)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(src);
    char *out = malloc(n * 3 + 1), *p = out;
    if (!out)
        return NULL;
    for (const unsigned char *s = (const unsigned char *)src; *s; s++) {
        if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
            strchr("-_.~/:", *s)) {
            *p++ = (char)*s;
        } else {
            *p++ = '%';
            *p++ = hex[*s >> 4];
            *p++ = hex[*s & 15];
        }
    }
    *p = '\0';
    return out;
}

char *sb_html_escape(const char *src)
{
    size_t n = strlen(src);
    char *out = malloc(n * 6 + 1), *p = out;
    if (!out)
        return NULL;
    for (; *src; src++) {
        const char *rep = NULL;
        switch (*src) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\'':
            rep = "&#39;";
            break;
        default:
            *p++ = *src;
            continue;
        }
        p += sprintf(p, "%s", rep);
    }
    *p = '\0';
    return out;
}

static int form_push(sb_form *f, char *k, char *v)
{
    char **keys = realloc(f->keys, (f->n + 1) * sizeof *keys);
    if (keys)
        f->keys = keys;
    char **vals = keys ? realloc(f->vals, (f->n + 1) * sizeof *vals) : NULL;
    if (vals)
        f->vals = vals;
    if (!keys || !vals || !k || !v) {
        free(k);
        free(v);
        return -1;
    }
    f->keys[f->n] = k;
    f->vals[f->n++] = v;
    return 0;
}

static int parse_urlencoded(sb_form *f, const char *body, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t end = i, eq;
        while (end < len && body[end] != '&')
            end++;
        for (eq = i; eq < end && body[eq] != '='; eq++)
            ;
        if (end > i) {
            char *k = sb_url_decode(body + i, eq - i, 1);
            char *v = eq < end ? sb_url_decode(body + eq + 1, end - eq - 1, 1) : strdup("");
            if (form_push(f, k, v) != 0)
                return -1;
        }
        i = end + 1;
    }
    return 0;
}

static int parse_json(sb_form *f, const char *body, size_t len)
{
    cJSON *o = cJSON_ParseWithLength(body, len);
    const cJSON *it;
    int rc = cJSON_IsObject(o) ? 0 : -1;
    const cJSON *members = rc == 0 ? o : NULL;
    cJSON_ArrayForEach(it, members)
    {
        char num[64];
        const char *v = cJSON_IsString(it) ? it->valuestring : NULL;
        if (cJSON_IsNumber(it)) {
            snprintf(num, sizeof num, "%.17g", it->valuedouble);
            v = num;
        }
        if (v && form_push(f, strdup(it->string), strdup(v)) != 0) {
            rc = -1;
            break;
        }
    }
    cJSON_Delete(o);
    return rc;
}

int sb_form_parse(sb_form *f, const char *body, size_t len, int is_json)
{
    memset(f, 0, sizeof *f);
    if (!body || len == 0)
        return 0;
    int rc = is_json ? parse_json(f, body, len) : parse_urlencoded(f, body, len);
    if (rc != 0)
        sb_form_free(f);
    return rc;
}

const char *sb_form_get(const sb_form *f, const char *key)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->keys[i], key) == 0)
            return f->vals[i];
    return NULL;
}

void sb_form_free(sb_form *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->keys[i]);
        free(f->vals[i]);
    }
    free(f->keys);
    free(f->vals);
    memset(f, 0, sizeof *f);
}
