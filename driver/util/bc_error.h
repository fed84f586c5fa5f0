/*
 * bc_error carries one failure across module boundaries (http -> api -> engine -> stmt)
 * without a handle: the layer that owns a handle turns it into a diagnostic record with
 * bc_diag_push(d, e.sqlstate, e.native, "%s", e.message).
 */
#ifndef BC_ERROR_H
#define BC_ERROR_H

#include <stdbool.h>

typedef struct bc_error {
    char sqlstate[6];   /* "" when no error is set */
    long native;        /* HTTP status for API errors, else 0 */
    char message[1024]; /* UTF-8, without the [BigCommerce][ODBC] prefix; never a secret */
} bc_error;

static inline void bc_error_clear(bc_error *e)
{
    e->sqlstate[0] = '\0';
    e->native = 0;
    e->message[0] = '\0';
}

static inline bool bc_error_is_set(const bc_error *e)
{
    return e->sqlstate[0] != '\0';
}

/* Set the error (first one wins: a later call does not overwrite a set error unless
 * bc_error_clear was called). Returns -1 so callers can `return bc_error_set(...)`. */
int bc_error_set(bc_error *e, const char *sqlstate, long native, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
