/* Preparing and executing statements, parameters, cancel, row counts (A and W). */
#include "skin.h"

static SQLRETURN with_sql(SQLHSTMT h, char *sql, bool oom, bool direct)
{
    SQLRETURN rc;

    if (oom)
        rc = skin_oom(h);
    else if (sql == NULL)
        rc = bc_diag_push(&((bc_handle *)h)->diag, "HY009", 0, "The SQL text is a null pointer.");
    else
        rc = direct ? bc_stmt_exec_direct(h, sql) : bc_stmt_prepare(h, sql);
    free(sql);
    return bc_handle_leave(h, rc);
}

BC_EXPORT SQLRETURN SQL_API SQLPrepare(SQLHSTMT h, SQLCHAR *sql, SQLINTEGER len)
{
    bool oom;

    SKIN_ENTER(h, SQL_HANDLE_STMT);
    char *s = skin_a(sql, len, &oom);
    return with_sql(h, s, oom, false);
}

BC_EXPORT SQLRETURN SQL_API SQLPrepareW(SQLHSTMT h, SQLWCHAR *sql, SQLINTEGER len)
{
    bool oom;

    SKIN_ENTER(h, SQL_HANDLE_STMT);
    char *s = skin_w(sql, len, &oom);
    return with_sql(h, s, oom, false);
}

BC_EXPORT SQLRETURN SQL_API SQLExecDirect(SQLHSTMT h, SQLCHAR *sql, SQLINTEGER len)
{
    bool oom;

    SKIN_ENTER(h, SQL_HANDLE_STMT);
    char *s = skin_a(sql, len, &oom);
    return with_sql(h, s, oom, true);
}

BC_EXPORT SQLRETURN SQL_API SQLExecDirectW(SQLHSTMT h, SQLWCHAR *sql, SQLINTEGER len)
{
    bool oom;

    SKIN_ENTER(h, SQL_HANDLE_STMT);
    char *s = skin_w(sql, len, &oom);
    return with_sql(h, s, oom, true);
}

BC_EXPORT SQLRETURN SQL_API SQLExecute(SQLHSTMT h)
{
    SKIN_ENTER(h, SQL_HANDLE_STMT);
    return bc_handle_leave(h, bc_stmt_execute(h));
}

BC_EXPORT SQLRETURN SQL_API SQLBindParameter(SQLHSTMT h, SQLUSMALLINT n, SQLSMALLINT io,
                                             SQLSMALLINT c_type, SQLSMALLINT sql_type, SQLULEN size,
                                             SQLSMALLINT digits, SQLPOINTER buf, SQLLEN buflen,
                                             SQLLEN *ind)
{
    SKIN_ENTER(h, SQL_HANDLE_STMT);
    return bc_handle_leave(
        h, bc_stmt_bind_param(h, n, io, c_type, sql_type, size, digits, buf, buflen, ind));
}

BC_EXPORT SQLRETURN SQL_API SQLNumParams(SQLHSTMT h, SQLSMALLINT *n)
{
    SKIN_ENTER(h, SQL_HANDLE_STMT);
    return bc_handle_leave(h, bc_stmt_num_params(h, n));
}

BC_EXPORT SQLRETURN SQL_API SQLDescribeParam(SQLHSTMT h, SQLUSMALLINT n, SQLSMALLINT *type,
                                             SQLULEN *size, SQLSMALLINT *digits,
                                             SQLSMALLINT *nullable)
{
    SKIN_ENTER(h, SQL_HANDLE_STMT);
    return bc_handle_leave(h, bc_stmt_describe_param(h, n, type, size, digits, nullable));
}

/* SQLCancel must not wait for the statement's lock: the thread that holds it is the one
 * executing, which this call is meant to interrupt. */
BC_EXPORT SQLRETURN SQL_API SQLCancel(SQLHSTMT h)
{
    bc_stmt *s = h;

    if (!bc_handle_valid(h, SQL_HANDLE_STMT))
        return SQL_INVALID_HANDLE;
    /* A statement waiting for SQLPutData is idle: its lock is free, and cancelling ends the
     * data-at-execution sequence. */
    if (pthread_mutex_trylock(bc_handle_mutex(&s->h)) == 0) {
        if (s->state == BC_STMT_NEED_DATA)
            bc_dae_abandon(s);
        pthread_mutex_unlock(bc_handle_mutex(&s->h));
    }
    return bc_stmt_cancel(h);
}

BC_EXPORT SQLRETURN SQL_API SQLParamData(SQLHSTMT h, SQLPOINTER *token)
{
    SKIN_ENTER(h, SQL_HANDLE_STMT);
    return bc_handle_leave(h, bc_stmt_param_data(h, token));
}

/* The same for A and W applications: the bytes are in the parameter's C type. */
BC_EXPORT SQLRETURN SQL_API SQLPutData(SQLHSTMT h, SQLPOINTER data, SQLLEN len)
{
    SKIN_ENTER(h, SQL_HANDLE_STMT);
    return bc_handle_leave(h, bc_stmt_put_data(h, data, len));
}

BC_EXPORT SQLRETURN SQL_API SQLRowCount(SQLHSTMT h, SQLLEN *count)
{
    SKIN_ENTER(h, SQL_HANDLE_STMT);
    return bc_handle_leave(h, bc_stmt_row_count(h, count));
}

BC_EXPORT SQLRETURN SQL_API SQLMoreResults(SQLHSTMT h)
{
    SKIN_ENTER(h, SQL_HANDLE_STMT);
    return bc_handle_leave(h, bc_stmt_more_results(h));
}

BC_EXPORT SQLRETURN SQL_API SQLCloseCursor(SQLHSTMT h)
{
    SKIN_ENTER(h, SQL_HANDLE_STMT);
    return bc_handle_leave(h, bc_stmt_close_cursor(h, true));
}
