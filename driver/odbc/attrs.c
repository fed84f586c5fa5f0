/* Connection and statement attributes, cursor names (A and W). */
#include "skin.h"

static bool conn_attr_is_string(SQLINTEGER attr)
{
    return attr == SQL_ATTR_CURRENT_CATALOG || attr == SQL_ATTR_TRACEFILE ||
           attr == SQL_ATTR_TRANSLATE_LIB;
}

static SQLRETURN set_connect_attr(const char *call, SQLHDBC h, SQLINTEGER attr, SQLPOINTER value,
                                  SQLINTEGER len, bool wide)
{
    char *str = NULL;
    bool oom = false;
    SQLRETURN rc;

    SKIN_ENTER_AS(call, h, SQL_HANDLE_DBC);
    if (conn_attr_is_string(attr) && value != NULL) {
        /* W string attributes are counted in bytes. */
        SQLINTEGER n = (wide && len > 0) ? len / (SQLINTEGER)sizeof(SQLWCHAR) : len;
        str = wide ? skin_w(value, n, &oom) : skin_a(value, n, &oom);
    }
    rc = oom ? skin_oom(h) : bc_conn_set_attr(h, attr, value, str);
    free(str);
    return bc_handle_leave(h, rc);
}

BC_EXPORT SQLRETURN SQL_API SQLSetConnectAttr(SQLHDBC h, SQLINTEGER attr, SQLPOINTER value,
                                              SQLINTEGER len)
{
    return set_connect_attr(__func__, h, attr, value, len, false);
}

BC_EXPORT SQLRETURN SQL_API SQLSetConnectAttrW(SQLHDBC h, SQLINTEGER attr, SQLPOINTER value,
                                               SQLINTEGER len)
{
    return set_connect_attr(__func__, h, attr, value, len, true);
}

static SQLRETURN get_connect_attr(const char *call, SQLHDBC h, SQLINTEGER attr, SQLPOINTER value,
                                  SQLINTEGER cap, SQLINTEGER *len, bool wide)
{
    SQLULEN num = 0;
    const char *str = NULL;
    SQLRETURN rc;

    SKIN_ENTER_AS(call, h, SQL_HANDLE_DBC);
    rc = bc_conn_get_attr(h, attr, &num, &str);
    if (rc == SQL_SUCCESS && str != NULL) {
        rc = skin_out(h, str, value, cap, wide, false, NULL, len);
    } else if (rc == SQL_SUCCESS) {
        if (value != NULL)
            *(SQLUINTEGER *)value = (SQLUINTEGER)num;
        if (len != NULL)
            *len = sizeof(SQLUINTEGER);
    }
    return bc_handle_leave(h, rc);
}

BC_EXPORT SQLRETURN SQL_API SQLGetConnectAttr(SQLHDBC h, SQLINTEGER attr, SQLPOINTER value,
                                              SQLINTEGER cap, SQLINTEGER *len)
{
    return get_connect_attr(__func__, h, attr, value, cap, len, false);
}

BC_EXPORT SQLRETURN SQL_API SQLGetConnectAttrW(SQLHDBC h, SQLINTEGER attr, SQLPOINTER value,
                                               SQLINTEGER cap, SQLINTEGER *len)
{
    return get_connect_attr(__func__, h, attr, value, cap, len, true);
}

static SQLRETURN set_stmt_attr(const char *call, SQLHSTMT h, SQLINTEGER attr, SQLPOINTER value)
{
    SKIN_ENTER_AS(call, h, SQL_HANDLE_STMT);
    return bc_handle_leave(h, bc_stmt_set_attr(h, attr, value));
}

BC_EXPORT SQLRETURN SQL_API SQLSetStmtAttr(SQLHSTMT h, SQLINTEGER attr, SQLPOINTER value,
                                           SQLINTEGER len)
{
    (void)len;
    return set_stmt_attr(__func__, h, attr, value);
}

BC_EXPORT SQLRETURN SQL_API SQLSetStmtAttrW(SQLHSTMT h, SQLINTEGER attr, SQLPOINTER value,
                                            SQLINTEGER len)
{
    (void)len;
    return set_stmt_attr(__func__, h, attr, value);
}

static bool stmt_attr_is_pointer(SQLINTEGER attr)
{
    switch (attr) {
    case SQL_ATTR_ROW_BIND_OFFSET_PTR:
    case SQL_ATTR_ROW_OPERATION_PTR:
    case SQL_ATTR_ROW_STATUS_PTR:
    case SQL_ATTR_ROWS_FETCHED_PTR:
    case SQL_ATTR_PARAM_BIND_OFFSET_PTR:
    case SQL_ATTR_PARAM_OPERATION_PTR:
    case SQL_ATTR_PARAM_STATUS_PTR:
    case SQL_ATTR_PARAMS_PROCESSED_PTR:
    case SQL_ATTR_APP_ROW_DESC:
    case SQL_ATTR_APP_PARAM_DESC:
    case SQL_ATTR_IMP_ROW_DESC:
    case SQL_ATTR_IMP_PARAM_DESC:
        return true;
    default:
        return false;
    }
}

static SQLRETURN get_stmt_attr(const char *call, SQLHSTMT h, SQLINTEGER attr, SQLPOINTER value,
                               SQLINTEGER *len)
{
    SQLULEN num = 0;
    SQLPOINTER ptr = NULL;
    SQLRETURN rc;

    SKIN_ENTER_AS(call, h, SQL_HANDLE_STMT);
    rc = bc_stmt_get_attr(h, attr, &num, &ptr);
    if (rc == SQL_SUCCESS && value != NULL) {
        if (stmt_attr_is_pointer(attr))
            *(SQLPOINTER *)value = ptr;
        else
            *(SQLULEN *)value = num;
    }
    if (rc == SQL_SUCCESS && len != NULL)
        *len = stmt_attr_is_pointer(attr) ? sizeof(SQLPOINTER) : sizeof(SQLULEN);
    return bc_handle_leave(h, rc);
}

BC_EXPORT SQLRETURN SQL_API SQLGetStmtAttr(SQLHSTMT h, SQLINTEGER attr, SQLPOINTER value,
                                           SQLINTEGER cap, SQLINTEGER *len)
{
    (void)cap;
    return get_stmt_attr(__func__, h, attr, value, len);
}

BC_EXPORT SQLRETURN SQL_API SQLGetStmtAttrW(SQLHSTMT h, SQLINTEGER attr, SQLPOINTER value,
                                            SQLINTEGER cap, SQLINTEGER *len)
{
    (void)cap;
    return get_stmt_attr(__func__, h, attr, value, len);
}

static SQLRETURN set_cursor_name(SQLHSTMT h, char *name, bool oom)
{
    SQLRETURN rc = oom ? skin_oom(h) : bc_stmt_set_cursor_name(h, name);

    free(name);
    return bc_handle_leave(h, rc);
}

BC_EXPORT SQLRETURN SQL_API SQLSetCursorName(SQLHSTMT h, SQLCHAR *name, SQLSMALLINT len)
{
    bool oom;

    SKIN_ENTER(h, SQL_HANDLE_STMT);
    char *s = skin_a(name, len, &oom);
    return set_cursor_name(h, s, oom);
}

BC_EXPORT SQLRETURN SQL_API SQLSetCursorNameW(SQLHSTMT h, SQLWCHAR *name, SQLSMALLINT len)
{
    bool oom;

    SKIN_ENTER(h, SQL_HANDLE_STMT);
    char *s = skin_w(name, len, &oom);
    return set_cursor_name(h, s, oom);
}

static SQLRETURN get_cursor_name(const char *call, SQLHSTMT h, SQLPOINTER buf, SQLSMALLINT cap,
                                 SQLSMALLINT *len, bool wide)
{
    SKIN_ENTER_AS(call, h, SQL_HANDLE_STMT);
    return bc_handle_leave(h, skin_out(h, bc_stmt_cursor_name(h), buf, cap, wide, true, len, NULL));
}

BC_EXPORT SQLRETURN SQL_API SQLGetCursorName(SQLHSTMT h, SQLCHAR *buf, SQLSMALLINT cap,
                                             SQLSMALLINT *len)
{
    return get_cursor_name(__func__, h, buf, cap, len, false);
}

BC_EXPORT SQLRETURN SQL_API SQLGetCursorNameW(SQLHSTMT h, SQLWCHAR *buf, SQLSMALLINT cap,
                                              SQLSMALLINT *len)
{
    return get_cursor_name(__func__, h, buf, cap, len, true);
}
