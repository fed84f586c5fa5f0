/* Allocation and release of handles, environment attributes. */
#include "skin.h"

static SQLRETURN alloc_env(SQLHANDLE *out)
{
    bc_env *env = NULL;

    if (bc_env_alloc(&env) != SQL_SUCCESS) {
        *out = SQL_NULL_HENV;
        return SQL_ERROR;
    }
    *out = env;
    return SQL_SUCCESS;
}

static SQLRETURN alloc_child(const char *call, SQLSMALLINT type, SQLHANDLE in, SQLHANDLE *out)
{
    SQLSMALLINT parent_type = type == SQL_HANDLE_DBC ? SQL_HANDLE_ENV : SQL_HANDLE_DBC;
    SQLRETURN rc;

    SKIN_ENTER_AS(call, in, parent_type);
    *out = SQL_NULL_HANDLE;
    if (type == SQL_HANDLE_DBC)
        rc = bc_dbc_alloc(in, (bc_dbc **)out);
    else if (type == SQL_HANDLE_STMT)
        rc = bc_stmt_alloc(in, (bc_stmt **)out);
    else
        rc = bc_desc_alloc(in, (bc_desc **)out);
    return bc_handle_leave(in, rc);
}

BC_EXPORT SQLRETURN SQL_API SQLAllocHandle(SQLSMALLINT type, SQLHANDLE in, SQLHANDLE *out)
{
    if (out == NULL)
        return SQL_ERROR;
    switch (type) {
    case SQL_HANDLE_ENV:
        return alloc_env(out);
    case SQL_HANDLE_DBC:
    case SQL_HANDLE_STMT:
    case SQL_HANDLE_DESC:
        return alloc_child(__func__, type, in, out);
    default:
        return SQL_ERROR;
    }
}

/* The free functions release the lock themselves when they succeed (the handle is gone). */
static SQLRETURN free_stmt_handle(bc_stmt *s)
{
    pthread_mutex_t *m = bc_handle_mutex(&s->h);

    bc_stmt_free(s);
    pthread_mutex_unlock(m);
    return SQL_SUCCESS;
}

static SQLRETURN free_desc_handle(bc_desc *d)
{
    pthread_mutex_t *m = bc_handle_mutex(&d->h);
    SQLRETURN rc = bc_desc_free(d);

    if (rc != SQL_SUCCESS)
        return bc_handle_leave(d, rc);
    pthread_mutex_unlock(m);
    return SQL_SUCCESS;
}

BC_EXPORT SQLRETURN SQL_API SQLFreeHandle(SQLSMALLINT type, SQLHANDLE h)
{
    SQLRETURN rc;

    if (type < SQL_HANDLE_ENV || type > SQL_HANDLE_DESC)
        return SQL_ERROR;
    SKIN_ENTER(h, type);
    switch (type) {
    case SQL_HANDLE_ENV:
        rc = bc_env_free(h);
        break;
    case SQL_HANDLE_DBC:
        rc = bc_dbc_free(h);
        break;
    case SQL_HANDLE_STMT:
        return free_stmt_handle(h);
    default:
        return free_desc_handle(h);
    }
    return rc == SQL_SUCCESS ? rc : bc_handle_leave(h, rc);
}

BC_EXPORT SQLRETURN SQL_API SQLFreeStmt(SQLHSTMT h, SQLUSMALLINT option)
{
    if (option == SQL_DROP) {
        SKIN_ENTER(h, SQL_HANDLE_STMT);
        return free_stmt_handle(h);
    }
    SKIN_ENTER(h, SQL_HANDLE_STMT);
    return bc_handle_leave(h, bc_stmt_free_stmt(h, option));
}

BC_EXPORT SQLRETURN SQL_API SQLSetEnvAttr(SQLHENV h, SQLINTEGER attr, SQLPOINTER value,
                                          SQLINTEGER len)
{
    (void)len;
    SKIN_ENTER(h, SQL_HANDLE_ENV);
    return bc_handle_leave(h, bc_env_set_attr(h, attr, value));
}

BC_EXPORT SQLRETURN SQL_API SQLGetEnvAttr(SQLHENV h, SQLINTEGER attr, SQLPOINTER value,
                                          SQLINTEGER cap, SQLINTEGER *len)
{
    SQLRETURN rc;

    (void)cap;
    SKIN_ENTER(h, SQL_HANDLE_ENV);
    rc = bc_env_get_attr(h, attr, value);
    if (rc == SQL_SUCCESS && len != NULL)
        *len = sizeof(SQLINTEGER);
    return bc_handle_leave(h, rc);
}
