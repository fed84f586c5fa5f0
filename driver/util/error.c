#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "bc_error.h"

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
    return -1;
}
