/* Connection attributes. There are no transactions and no asynchronous execution; the
 * attributes that only make sense with them are accepted with their one possible value. */
#include <stdlib.h>
#include "bc_handles.h"
#include "bc_util.h"

static SQLRETURN changed(bc_dbc *dbc, const char *what)
{
    return bc_diag_push(&dbc->h.diag, "01S02", 0, "%s is not supported; the value was changed.",
                        what);
}

SQLRETURN bc_conn_set_attr(bc_dbc *dbc, SQLINTEGER attr, SQLPOINTER value, const char *str)
{
    SQLULEN v = (SQLULEN)value;

    switch (attr) {
    case SQL_ATTR_ACCESS_MODE:
        dbc->access_mode = (SQLUINTEGER)v;
        return SQL_SUCCESS;
    case SQL_ATTR_AUTOCOMMIT:
        /* BigCommerce has no transactions: every statement is applied when it runs. Manual
         * commit is answered with 01S02 and auto-commit stays on, so no application believes
         * a later rollback could undo its writes (connect.c refuses such a rollback). */
        if (v != SQL_AUTOCOMMIT_ON)
            return changed(dbc, "Manual commit (BigCommerce applies every statement as it runs)");
        return SQL_SUCCESS;
    case SQL_ATTR_LOGIN_TIMEOUT:
        dbc->login_timeout = (SQLUINTEGER)v;
        return SQL_SUCCESS;
    case SQL_ATTR_CONNECTION_TIMEOUT:
        dbc->connection_timeout = (SQLUINTEGER)v;
        return SQL_SUCCESS;
    case SQL_ATTR_TXN_ISOLATION:
        if (v != SQL_TXN_SERIALIZABLE)
            return changed(dbc, "That transaction isolation level");
        return SQL_SUCCESS;
    case SQL_ATTR_CURRENT_CATALOG: {
        char *c = bc_strdup(str != NULL ? str : "");
        if (c == NULL)
            return bc_diag_push(&dbc->h.diag, "HY001", 0, "Out of memory.");
        free(dbc->current_catalog);
        dbc->current_catalog = c;
        return SQL_SUCCESS;
    }
    case SQL_ATTR_METADATA_ID:
        dbc->metadata_id = (SQLUINTEGER)v;
        return SQL_SUCCESS;
    case SQL_ATTR_ASYNC_ENABLE:
        if (v != SQL_ASYNC_ENABLE_OFF)
            return changed(dbc, "Asynchronous execution");
        return SQL_SUCCESS;
    case SQL_ATTR_QUIET_MODE:
    case SQL_ATTR_PACKET_SIZE:
    case SQL_ATTR_TRACE:
    case SQL_ATTR_TRACEFILE:
    case SQL_ATTR_TRANSLATE_LIB:
    case SQL_ATTR_TRANSLATE_OPTION:
    case SQL_ATTR_ODBC_CURSORS:
        return SQL_SUCCESS; /* driver-manager attributes or meaningless here */
    case SQL_ATTR_CONNECTION_DEAD:
    case SQL_ATTR_AUTO_IPD:
        return bc_diag_push(&dbc->h.diag, "HY092", 0, "That connection attribute is read-only.");
    default:
        return bc_diag_push(&dbc->h.diag, "HY092", 0, "Connection attribute %d is not supported.",
                            (int)attr);
    }
}

SQLRETURN bc_conn_get_attr(bc_dbc *dbc, SQLINTEGER attr, SQLULEN *num, const char **str)
{
    *str = NULL;
    *num = 0;
    switch (attr) {
    case SQL_ATTR_ACCESS_MODE:
        *num = dbc->access_mode;
        return SQL_SUCCESS;
    case SQL_ATTR_AUTOCOMMIT:
        *num = dbc->autocommit;
        return SQL_SUCCESS;
    case SQL_ATTR_LOGIN_TIMEOUT:
        *num = dbc->login_timeout;
        return SQL_SUCCESS;
    case SQL_ATTR_CONNECTION_TIMEOUT:
        *num = dbc->connection_timeout;
        return SQL_SUCCESS;
    case SQL_ATTR_TXN_ISOLATION:
        *num = dbc->txn_isolation;
        return SQL_SUCCESS;
    case SQL_ATTR_CURRENT_CATALOG:
        *str = dbc->current_catalog != NULL ? dbc->current_catalog : "";
        return SQL_SUCCESS;
    case SQL_ATTR_METADATA_ID:
        *num = dbc->metadata_id;
        return SQL_SUCCESS;
    case SQL_ATTR_ASYNC_ENABLE:
        *num = SQL_ASYNC_ENABLE_OFF;
        return SQL_SUCCESS;
    case SQL_ATTR_AUTO_IPD:
        *num = SQL_FALSE;
        return SQL_SUCCESS;
    case SQL_ATTR_CONNECTION_DEAD:
        /* The API is stateless HTTP: an open connection is dead only once closed. */
        *num = dbc->connected ? SQL_CD_FALSE : SQL_CD_TRUE;
        return SQL_SUCCESS;
    case SQL_ATTR_PACKET_SIZE:
        *num = 0;
        return SQL_SUCCESS;
    case SQL_ATTR_QUIET_MODE:
        *num = 0;
        return SQL_SUCCESS;
    default:
        return bc_diag_push(&dbc->h.diag, "HY092", 0, "Connection attribute %d is not supported.",
                            (int)attr);
    }
}
