/*
 * String helpers and the growable byte buffer. Every function here is NULL-safe where the
 * header says so and reports allocation failure by returning NULL (or setting bc_buf.oom),
 * never by aborting.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bc_odbc_text.h"
#include "bc_util.h"

char *bc_strdup(const char *s)
{
    return s == NULL ? NULL : bc_strndup(s, strlen(s));
}

char *bc_strndup(const char *s, size_t n)
{
    char *p;

    if (s == NULL)
        return NULL;
    n = strnlen(s, n);
    p = malloc(n + 1);
    if (p == NULL)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static char *bc_vsprintf(const char *fmt, va_list ap)
{
    va_list cp;
    int n;
    char *p;

    va_copy(cp, ap);
    n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0)
        return NULL;
    p = malloc((size_t)n + 1);
    if (p == NULL)
        return NULL;
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *bc_sprintf(const char *fmt, ...)
{
    va_list ap;
    char *p;

    va_start(ap, fmt);
    p = bc_vsprintf(fmt, ap);
    va_end(ap);
    return p;
}

static int bc_ascii_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

/* ASCII only on purpose: property names and SQL keywords are ASCII, and locale-dependent
 * tolower() would make "I" and "i" differ under a Turkish locale. */
int bc_strcasecmp(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return a == b ? 0 : (a == NULL ? -1 : 1);
    for (;; a++, b++) {
        int ca = bc_ascii_lower((unsigned char)*a), cb = bc_ascii_lower((unsigned char)*b);
        if (ca != cb || ca == 0)
            return ca - cb;
    }
}

size_t bc_odbc_len(const SQLCHAR *s, SQLINTEGER len)
{
    if (s == NULL)
        return 0;
    if (len == SQL_NTS)
        return strlen((const char *)s);
    return len < 0 ? 0 : (size_t)len;
}

/* ---- bc_buf ---- */

void bc_buf_init(bc_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->oom = false;
}

/* Make room for n more bytes plus a NUL; false (and oom set) when memory ran out. */
static bool bc_buf_reserve(bc_buf *b, size_t n)
{
    size_t need, cap;
    char *p;

    if (b->oom)
        return false;
    if (n > SIZE_MAX - b->len - 1) {
        b->oom = true;
        return false;
    }
    need = b->len + n + 1;
    if (need <= b->cap)
        return true;
    cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    p = realloc(b->data, cap);
    if (p == NULL) {
        b->oom = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void bc_buf_append(bc_buf *b, const char *s, size_t n)
{
    if (!bc_buf_reserve(b, n))
        return;
    if (n > 0)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void bc_buf_puts(bc_buf *b, const char *s)
{
    if (s != NULL)
        bc_buf_append(b, s, strlen(s));
}

void bc_buf_printf(bc_buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->oom = true;
        return;
    }
    if (!bc_buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *bc_buf_steal(bc_buf *b)
{
    char *p;

    if (b->oom) {
        bc_buf_free(b);
        return NULL;
    }
    if (b->data == NULL && !bc_buf_reserve(b, 0))
        return NULL;
    if (b->data != NULL && b->len == 0)
        b->data[0] = '\0';
    p = b->data;
    bc_buf_init(b);
    return p;
}

void bc_buf_free(bc_buf *b)
{
    free(b->data);
    bc_buf_init(b);
}

long long bc_double_to_ll(double d)
{
    if (d != d)
        return 0;
    if (d >= 9223372036854775807.0)
        return 9223372036854775807LL;
    if (d <= -9223372036854775807.0)
        return -9223372036854775807LL - 1;
    return (long long)d;
}
