/*
 * The common part of the four handles: validation, locking, diagnostics housekeeping.
 * Statements and descriptors lock their connection's mutex, because every statement of a
 * connection shares its SQLite database and API client; the environment has its own.
 */
#include <stdlib.h>
#include "bc_handles.h"
#include "bc_util.h"

void bc_handle_init(bc_handle *h, SQLSMALLINT type, bc_handle *parent)
{
    pthread_mutexattr_t attr;

    h->magic = BC_HANDLE_MAGIC;
    h->type = type;
    h->parent = parent;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&h->lock, &attr);
    pthread_mutexattr_destroy(&attr);
    h->diag = (bc_diag){0};
}

/* The caller holds no lock on h any more (or holds the connection's lock, for statements and
 * descriptors, whose own mutex is never used). */
void bc_handle_destroy(bc_handle *h)
{
    h->magic = 0;
    bc_diag_free(&h->diag);
    pthread_mutex_destroy(&h->lock);
}

pthread_mutex_t *bc_handle_mutex(bc_handle *h)
{
    switch (h->type) {
    case SQL_HANDLE_STMT:
        return &((bc_stmt *)h)->dbc->h.lock;
    case SQL_HANDLE_DESC:
        return &((bc_desc *)h)->dbc->h.lock;
    default:
        return &h->lock;
    }
}

bool bc_handle_valid(SQLHANDLE handle, SQLSMALLINT type)
{
    const bc_handle *h = handle;

    return h != NULL && h->magic == BC_HANDLE_MAGIC && h->type == type;
}

SQLRETURN bc_handle_enter_keep(SQLHANDLE handle, SQLSMALLINT type)
{
    if (!bc_handle_valid(handle, type))
        return SQL_INVALID_HANDLE;
    pthread_mutex_lock(bc_handle_mutex(handle));
    return SQL_SUCCESS;
}

SQLRETURN bc_handle_enter(SQLHANDLE handle, SQLSMALLINT type)
{
    SQLRETURN rc = bc_handle_enter_keep(handle, type);

    if (rc == SQL_SUCCESS)
        bc_diag_clear(&((bc_handle *)handle)->diag);
    return rc;
}

static const char *retcode_name(SQLRETURN rc)
{
    switch (rc) {
    case SQL_SUCCESS:
        return "SQL_SUCCESS";
    case SQL_SUCCESS_WITH_INFO:
        return "SQL_SUCCESS_WITH_INFO";
    case SQL_ERROR:
        return "SQL_ERROR";
    case SQL_NO_DATA:
        return "SQL_NO_DATA";
    case SQL_NEED_DATA:
        return "SQL_NEED_DATA";
    case SQL_STILL_EXECUTING:
        return "SQL_STILL_EXECUTING";
    case SQL_INVALID_HANDLE:
        return "SQL_INVALID_HANDLE";
    default:
        return "?";
    }
}

SQLRETURN bc_handle_leave(SQLHANDLE handle, SQLRETURN rc)
{
    bc_handle *h = handle;

    if (h->call != NULL)
        bc_log(4, "leave %s %p -> %s", h->call, handle, retcode_name(rc));
    h->call = NULL;
    h->diag.retcode = rc;
    pthread_mutex_unlock(bc_handle_mutex(h));
    return rc;
}

SQLINTEGER bc_handle_odbc_version(bc_handle *h)
{
    while (h != NULL && h->type != SQL_HANDLE_ENV)
        h = h->parent;
    return h != NULL ? ((bc_env *)h)->odbc_version : (SQLINTEGER)SQL_OV_ODBC3;
}
