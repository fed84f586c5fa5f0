/* Result description, binding and fetching (A and W). */
#include "skin.h"

BC_EXPORT SQLRETURN SQL_API SQLNumResultCols(SQLHSTMT h, SQLSMALLINT *n)
{
    SKIN_ENTER(h, SQL_HANDLE_STMT);
    return bc_handle_leave(h, bc_stmt_num_result_cols(h, n));
}

static SQLRETURN describe_col(const char *call, SQLHSTMT h, SQLUSMALLINT col, SQLPOINTER name,
                              SQLSMALLINT cap, SQLSMALLINT *name_len, SQLSMALLINT *type,
                              SQLULEN *size, SQLSMALLINT *digits, SQLSMALLINT *nullable, bool wide)
{
    const char *n = NULL;
    SQLRETURN rc;

    SKIN_ENTER_AS(call, h, SQL_HANDLE_STMT);
    rc = bc_stmt_describe_col(h, col, &n, type, size, digits, nullable);
    if (rc == SQL_SUCCESS)
        rc = skin_out(h, n, name, cap, wide, true, name_len, NULL);
    return bc_handle_leave(h, rc);
}

BC_EXPORT SQLRETURN SQL_API SQLDescribeCol(SQLHSTMT h, SQLUSMALLINT col, SQLCHAR *name,
                                           SQLSMALLINT cap, SQLSMALLINT *name_len,
                                           SQLSMALLINT *type, SQLULEN *size, SQLSMALLINT *digits,
                                           SQLSMALLINT *nullable)
{
    return describe_col(__func__, h, col, name, cap, name_len, type, size, digits, nullable, false);
}

BC_EXPORT SQLRETURN SQL_API SQLDescribeColW(SQLHSTMT h, SQLUSMALLINT col, SQLWCHAR *name,
                                            SQLSMALLINT cap, SQLSMALLINT *name_len,
                                            SQLSMALLINT *type, SQLULEN *size, SQLSMALLINT *digits,
                                            SQLSMALLINT *nullable)
{
    return describe_col(__func__, h, col, name, cap, name_len, type, size, digits, nullable, true);
}

static SQLRETURN col_attribute(const char *call, SQLHSTMT h, SQLUSMALLINT col, SQLUSMALLINT field,
                               SQLPOINTER str_buf, SQLSMALLINT cap, SQLSMALLINT *str_len,
                               SQLLEN *num_out, bool wide)
{
    const char *str = NULL;
    SQLLEN num = 0;
    SQLRETURN rc;

    SKIN_ENTER_AS(call, h, SQL_HANDLE_STMT);
    rc = bc_stmt_col_attr(h, col, field, &str, &num);
    if (rc == SQL_SUCCESS && str != NULL)
        rc = skin_out(h, str, str_buf, cap, wide, false, str_len, NULL);
    else if (rc == SQL_SUCCESS && num_out != NULL)
        *num_out = num;
    return bc_handle_leave(h, rc);
}

BC_EXPORT SQLRETURN SQL_API SQLColAttribute(SQLHSTMT h, SQLUSMALLINT col, SQLUSMALLINT field,
                                            SQLPOINTER str_buf, SQLSMALLINT cap,
                                            SQLSMALLINT *str_len, SQLLEN *num)
{
    return col_attribute(__func__, h, col, field, str_buf, cap, str_len, num, false);
}

BC_EXPORT SQLRETURN SQL_API SQLColAttributeW(SQLHSTMT h, SQLUSMALLINT col, SQLUSMALLINT field,
                                             SQLPOINTER str_buf, SQLSMALLINT cap,
                                             SQLSMALLINT *str_len, SQLLEN *num)
{
    return col_attribute(__func__, h, col, field, str_buf, cap, str_len, num, true);
}

BC_EXPORT SQLRETURN SQL_API SQLBindCol(SQLHSTMT h, SQLUSMALLINT col, SQLSMALLINT c_type,
                                       SQLPOINTER buf, SQLLEN buflen, SQLLEN *ind)
{
    SKIN_ENTER(h, SQL_HANDLE_STMT);
    return bc_handle_leave(h, bc_stmt_bind_col(h, col, c_type, buf, buflen, ind));
}

BC_EXPORT SQLRETURN SQL_API SQLFetch(SQLHSTMT h)
{
    SKIN_ENTER(h, SQL_HANDLE_STMT);
    return bc_handle_leave(h, bc_stmt_fetch(h));
}

BC_EXPORT SQLRETURN SQL_API SQLFetchScroll(SQLHSTMT h, SQLSMALLINT orientation, SQLLEN offset)
{
    SKIN_ENTER(h, SQL_HANDLE_STMT);
    return bc_handle_leave(h, bc_stmt_fetch_scroll(h, orientation, offset));
}

BC_EXPORT SQLRETURN SQL_API SQLExtendedFetch(SQLHSTMT h, SQLUSMALLINT orientation, SQLLEN offset,
                                             SQLULEN *rows, SQLUSMALLINT *status)
{
    SKIN_ENTER(h, SQL_HANDLE_STMT);
    return bc_handle_leave(h, bc_stmt_extended_fetch(h, orientation, offset, rows, status));
}

/* Positioning inside a block cursor (for SQLGetData) and positioned writes. */
BC_EXPORT SQLRETURN SQL_API SQLSetPos(SQLHSTMT h, SQLSETPOSIROW row, SQLUSMALLINT op,
                                      SQLUSMALLINT lock)
{
    SKIN_ENTER(h, SQL_HANDLE_STMT);
    return bc_handle_leave(h, bc_stmt_set_pos(h, row, op, lock));
}

/* Rows added from the bound buffers (SQL_ADD); the driver has no bookmarks. */
BC_EXPORT SQLRETURN SQL_API SQLBulkOperations(SQLHSTMT h, SQLSMALLINT op)
{
    SKIN_ENTER(h, SQL_HANDLE_STMT);
    return bc_handle_leave(h, bc_stmt_bulk_operations(h, op));
}
