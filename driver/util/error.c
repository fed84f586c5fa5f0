#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "bc_error.h"

/* Messages are built by joining sentences ("%s. Check ..."), and a joined part often ends
 * with its own period (BigCommerce's "Token expired."): keep one period where two meet,
 * and keep an ellipsis ("...") as it is. Only at a
 * sentence end (before a space or the end): "../dir" in a path stays. */
static bool ends_sentence(char next)
{
    return next == ' ' || next == '\0';
}

static void collapse_joined_periods(char *m, size_t cap)
{
    char src[sizeof((bc_error *)0)->message];
    size_t o = 0;

    snprintf(src, sizeof src, "%s", m);
    for (const char *p = src; *p && o + 1 < cap; p++) {
        bool two = p[0] == '.' && p[1] == '.' && ends_sentence(p[2]) && (p == src || p[-1] != '.');
        bool after_ellipsis = p[0] == '.' && p - src >= 3 && p[-1] == '.' && p[-2] == '.' &&
                              p[-3] == '.' && (p - src == 3 || p[-4] != '.') && ends_sentence(p[1]);
        if (!two && !after_ellipsis)
            m[o++] = *p;
    }
    m[o] = '\0';
}

int bc_error_set(bc_error *e, const char *sqlstate, long native, const char *fmt, ...)
{
    va_list ap;

    if (e == NULL || bc_error_is_set(e))
        return -1;
    snprintf(e->sqlstate, sizeof e->sqlstate, "%s", sqlstate);
    e->native = native;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
    collapse_joined_periods(e->message, sizeof e->message);
    return -1;
}
