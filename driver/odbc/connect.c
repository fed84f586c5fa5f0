/* SQLConnect, SQLDriverConnect, SQLDisconnect, SQLEndTran, SQLNativeSql (A and W). */
#include <string.h>
#include "skin.h"

static SQLRETURN connect_utf8(SQLHDBC h, char *dsn, char *uid, char *pwd, bool oom)
{
    SQLRETURN rc = oom ? skin_oom(h) : bc_conn_connect(h, dsn, uid, pwd);

    free(dsn);
    free(uid);
    free(pwd);
    return bc_handle_leave(h, rc);
}

BC_EXPORT SQLRETURN SQL_API SQLConnect(SQLHDBC h, SQLCHAR *dsn, SQLSMALLINT dsn_len, SQLCHAR *uid,
                                       SQLSMALLINT uid_len, SQLCHAR *pwd, SQLSMALLINT pwd_len)
{
    bool o1, o2, o3;

    SKIN_ENTER(h, SQL_HANDLE_DBC);
    char *d = skin_a(dsn, dsn_len, &o1), *u = skin_a(uid, uid_len, &o2),
         *p = skin_a(pwd, pwd_len, &o3);
    return connect_utf8(h, d, u, p, o1 || o2 || o3);
}

BC_EXPORT SQLRETURN SQL_API SQLConnectW(SQLHDBC h, SQLWCHAR *dsn, SQLSMALLINT dsn_len,
                                        SQLWCHAR *uid, SQLSMALLINT uid_len, SQLWCHAR *pwd,
                                        SQLSMALLINT pwd_len)
{
    bool o1, o2, o3;

    SKIN_ENTER(h, SQL_HANDLE_DBC);
    char *d = skin_w(dsn, dsn_len, &o1), *u = skin_w(uid, uid_len, &o2),
         *p = skin_w(pwd, pwd_len, &o3);
    return connect_utf8(h, d, u, p, o1 || o2 || o3);
}

static SQLRETURN driver_connect(SQLHDBC h, char *in, bool oom, SQLPOINTER out, SQLSMALLINT cap,
                                SQLSMALLINT *out_len, SQLUSMALLINT completion, bool wide)
{
    char *result = NULL;
    SQLRETURN rc = oom ? skin_oom(h) : bc_conn_driver_connect(h, in, completion, &result);

    free(in);
    if ((rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO) && result != NULL &&
        (out != NULL || out_len != NULL))
        rc = skin_merge(rc, skin_out(h, result, out, cap, wide, true, out_len, NULL));
    free(result);
    return bc_handle_leave(h, rc);
}

static SQLRETURN browse_connect(SQLHDBC h, char *in, bool oom, SQLPOINTER out, SQLSMALLINT cap,
                                SQLSMALLINT *out_len, bool wide)
{
    char *result = NULL;
    SQLRETURN rc = oom ? skin_oom(h) : bc_conn_browse_connect(h, in, &result);

    if (in != NULL)
        explicit_bzero(in, strlen(in)); /* may hold a token */
    free(in);
    if (result != NULL && rc != SQL_ERROR) {
        SQLRETURN out_rc = skin_out(h, result, out, cap, wide, true, out_len, NULL);
        if (out_rc != SQL_SUCCESS && rc != SQL_NEED_DATA)
            rc = skin_merge(rc, out_rc);
        explicit_bzero(result, strlen(result));
    }
    free(result);
    return bc_handle_leave(h, rc);
}

BC_EXPORT SQLRETURN SQL_API SQLBrowseConnect(SQLHDBC h, SQLCHAR *in, SQLSMALLINT in_len,
                                             SQLCHAR *out, SQLSMALLINT cap, SQLSMALLINT *out_len)
{
    bool oom;

    SKIN_ENTER(h, SQL_HANDLE_DBC);
    char *s = skin_a(in, in_len, &oom);
    return browse_connect(h, s, oom, out, cap, out_len, false);
}

BC_EXPORT SQLRETURN SQL_API SQLBrowseConnectW(SQLHDBC h, SQLWCHAR *in, SQLSMALLINT in_len,
                                              SQLWCHAR *out, SQLSMALLINT cap, SQLSMALLINT *out_len)
{
    bool oom;

    SKIN_ENTER(h, SQL_HANDLE_DBC);
    char *s = skin_w(in, in_len, &oom);
    return browse_connect(h, s, oom, out, cap, out_len, true);
}

BC_EXPORT SQLRETURN SQL_API SQLDriverConnect(SQLHDBC h, SQLHWND hwnd, SQLCHAR *in,
                                             SQLSMALLINT in_len, SQLCHAR *out, SQLSMALLINT cap,
                                             SQLSMALLINT *out_len, SQLUSMALLINT completion)
{
    bool oom;

    (void)hwnd;
    SKIN_ENTER(h, SQL_HANDLE_DBC);
    char *s = skin_a(in, in_len, &oom);
    return driver_connect(h, s, oom, out, cap, out_len, completion, false);
}

BC_EXPORT SQLRETURN SQL_API SQLDriverConnectW(SQLHDBC h, SQLHWND hwnd, SQLWCHAR *in,
                                              SQLSMALLINT in_len, SQLWCHAR *out, SQLSMALLINT cap,
                                              SQLSMALLINT *out_len, SQLUSMALLINT completion)
{
    bool oom;

    (void)hwnd;
    SKIN_ENTER(h, SQL_HANDLE_DBC);
    char *s = skin_w(in, in_len, &oom);
    return driver_connect(h, s, oom, out, cap, out_len, completion, true);
}

BC_EXPORT SQLRETURN SQL_API SQLDisconnect(SQLHDBC h)
{
    SKIN_ENTER(h, SQL_HANDLE_DBC);
    return bc_handle_leave(h, bc_conn_disconnect(h));
}

BC_EXPORT SQLRETURN SQL_API SQLEndTran(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT completion)
{
    if (type != SQL_HANDLE_ENV && type != SQL_HANDLE_DBC)
        return SQL_ERROR;
    SKIN_ENTER(h, type);
    return bc_handle_leave(h, bc_conn_end_tran(h, completion));
}

static SQLRETURN native_sql(SQLHDBC h, char *in, bool oom, SQLPOINTER out, SQLINTEGER cap,
                            SQLINTEGER *out_len, bool wide)
{
    char *result = NULL;
    SQLRETURN rc;

    if (oom)
        rc = skin_oom(h);
    else if (in == NULL)
        rc = bc_diag_push(&((bc_handle *)h)->diag, "HY009", 0, "The SQL text is a null pointer.");
    else
        rc = bc_conn_native_sql(h, in, &result);
    free(in);
    if (rc == SQL_SUCCESS)
        rc = skin_out(h, result, out, cap, wide, true, NULL, out_len);
    free(result);
    return bc_handle_leave(h, rc);
}

BC_EXPORT SQLRETURN SQL_API SQLNativeSql(SQLHDBC h, SQLCHAR *in, SQLINTEGER in_len, SQLCHAR *out,
                                         SQLINTEGER cap, SQLINTEGER *out_len)
{
    bool oom;

    SKIN_ENTER(h, SQL_HANDLE_DBC);
    char *s = skin_a(in, in_len, &oom);
    return native_sql(h, s, oom, out, cap, out_len, false);
}

BC_EXPORT SQLRETURN SQL_API SQLNativeSqlW(SQLHDBC h, SQLWCHAR *in, SQLINTEGER in_len, SQLWCHAR *out,
                                          SQLINTEGER cap, SQLINTEGER *out_len)
{
    bool oom;

    SKIN_ENTER(h, SQL_HANDLE_DBC);
    char *s = skin_w(in, in_len, &oom);
    return native_sql(h, s, oom, out, cap, out_len, true);
}
