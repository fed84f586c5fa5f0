/*
 * Statement attributes. The rowset and parameter-array attributes are descriptor fields
 * (ARD, IRD, APD, IPD) as ODBC defines them; the cursor is forward-only or static, and
 * read-only, so other cursor settings are replaced with those (01S02).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "bc_handles.h"
#include "bc_util.h"

static SQLRETURN changed(bc_stmt *s, const char *what)
{
    return bc_diag_push(&s->h.diag, "01S02", 0,
                        "%s is not supported; the driver used its own value instead.", what);
}

static SQLRETURN set_desc_handle(bc_stmt *s, bc_desc **cur, bc_desc *implicit, SQLPOINTER v)
{
    bc_desc *d = v;

    if (d == NULL || d == implicit) {
        *cur = implicit;
        return SQL_SUCCESS;
    }
    if (!bc_handle_valid(d, SQL_HANDLE_DESC) || d->implicit || d->dbc != s->dbc)
        return bc_diag_push(&s->h.diag, "HY024", 0,
                            "Only an explicitly allocated descriptor of this connection can "
                            "be used.");
    *cur = d;
    return SQL_SUCCESS;
}

static SQLRETURN set_cursor_attr(bc_stmt *s, SQLINTEGER attr, SQLULEN v)
{
    switch (attr) {
    case SQL_ATTR_CURSOR_TYPE:
        if (s->state == BC_STMT_CURSOR)
            return bc_diag_push(&s->h.diag, "24000", 0,
                                "Close the cursor before changing its type.");
        s->cursor_type = v == SQL_CURSOR_FORWARD_ONLY ? SQL_CURSOR_FORWARD_ONLY : SQL_CURSOR_STATIC;
        /* Keyset-driven and dynamic cursors become static: the rows come from the API. */
        if (v != SQL_CURSOR_FORWARD_ONLY && v != SQL_CURSOR_STATIC)
            return changed(s, "A keyset-driven or dynamic cursor");
        return SQL_SUCCESS;
    case SQL_ATTR_CONCURRENCY:
        /* Positioned writes hold no lock (the API has none) and compare no values: the
         * write applies as SQLSetPos sends it, so LOCK is the one updatable level. */
        s->concurrency = v == SQL_CONCUR_READ_ONLY ? SQL_CONCUR_READ_ONLY : SQL_CONCUR_LOCK;
        if (v != SQL_CONCUR_READ_ONLY && v != SQL_CONCUR_LOCK)
            return changed(s, "Optimistic concurrency");
        return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_SCROLLABLE:
        if (s->state == BC_STMT_CURSOR)
            return bc_diag_push(&s->h.diag, "24000", 0, "Close the cursor before changing it.");
        s->cursor_type = v == SQL_NONSCROLLABLE ? SQL_CURSOR_FORWARD_ONLY : SQL_CURSOR_STATIC;
        return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_SENSITIVITY:
        if (v != SQL_INSENSITIVE && v != SQL_UNSPECIFIED)
            return bc_diag_push(&s->h.diag, "HYC00", 0, "Sensitive cursors are not supported.");
        return SQL_SUCCESS;
    case SQL_ATTR_USE_BOOKMARKS:
        if (s->state == BC_STMT_CURSOR)
            return bc_diag_push(&s->h.diag, "24000", 0,
                                "Close the cursor before turning bookmarks on or off.");
        if (v != SQL_UB_OFF && v != SQL_UB_VARIABLE) {
            /* ODBC 2's fixed 32-bit bookmarks cannot hold every key: variable ones instead. */
            s->use_bookmarks = SQL_UB_VARIABLE;
            return changed(s, "Fixed-length bookmarks (SQL_UB_FIXED)");
        }
        s->use_bookmarks = v;
        return SQL_SUCCESS;
    case SQL_ATTR_ASYNC_ENABLE:
        if (v != SQL_ASYNC_ENABLE_OFF)
            return changed(s, "Asynchronous execution");
        return SQL_SUCCESS;
    case SQL_ATTR_SIMULATE_CURSOR:
        return changed(s, "Cursor simulation");
    default:
        return SQL_NO_DATA;
    }
}

static SQLRETURN set_array_attr(bc_stmt *s, SQLINTEGER attr, SQLPOINTER value)
{
    SQLULEN v = (SQLULEN)value;

    switch (attr) {
    case SQL_ATTR_ROW_ARRAY_SIZE:
    case SQL_ROWSET_SIZE:
    case SQL_ATTR_PARAMSET_SIZE:
        if (v == 0)
            return bc_diag_push(&s->h.diag, "HY024", 0, "An array size must be at least 1.");
        if (attr == SQL_ATTR_PARAMSET_SIZE)
            s->apd_cur->array_size = v;
        else
            s->ard_cur->array_size = v;
        return SQL_SUCCESS;
    case SQL_ATTR_ROW_BIND_TYPE:
        s->ard_cur->bind_type = (SQLINTEGER)v;
        return SQL_SUCCESS;
    case SQL_ATTR_ROW_BIND_OFFSET_PTR:
        s->ard_cur->bind_offset_ptr = value;
        return SQL_SUCCESS;
    case SQL_ATTR_ROW_OPERATION_PTR:
        s->ard_cur->array_status_ptr = value;
        return SQL_SUCCESS;
    case SQL_ATTR_ROW_STATUS_PTR:
        s->ird.array_status_ptr = value;
        return SQL_SUCCESS;
    case SQL_ATTR_ROWS_FETCHED_PTR:
        s->ird.rows_processed_ptr = value;
        return SQL_SUCCESS;
    case SQL_ATTR_FETCH_BOOKMARK_PTR:
        s->fetch_bookmark_ptr = value;
        return SQL_SUCCESS;
    case SQL_ATTR_PARAM_BIND_TYPE:
        s->apd_cur->bind_type = (SQLINTEGER)v;
        return SQL_SUCCESS;
    case SQL_ATTR_PARAM_BIND_OFFSET_PTR:
        s->apd_cur->bind_offset_ptr = value;
        return SQL_SUCCESS;
    case SQL_ATTR_PARAM_OPERATION_PTR:
        s->apd_cur->array_status_ptr = value;
        return SQL_SUCCESS;
    case SQL_ATTR_PARAM_STATUS_PTR:
        s->ipd.array_status_ptr = value;
        return SQL_SUCCESS;
    case SQL_ATTR_PARAMS_PROCESSED_PTR:
        s->ipd.rows_processed_ptr = value;
        return SQL_SUCCESS;
    default:
        return SQL_NO_DATA;
    }
}

SQLRETURN bc_stmt_set_attr(bc_stmt *s, SQLINTEGER attr, SQLPOINTER value)
{
    SQLULEN v = (SQLULEN)value;
    SQLRETURN rc = set_array_attr(s, attr, value);

    if (rc != SQL_NO_DATA)
        return rc;
    rc = set_cursor_attr(s, attr, v);
    if (rc != SQL_NO_DATA)
        return rc;
    switch (attr) {
    case SQL_ATTR_QUERY_TIMEOUT:
        s->query_timeout = v;
        return SQL_SUCCESS;
    case SQL_ATTR_MAX_ROWS:
        s->max_rows = v;
        return SQL_SUCCESS;
    case SQL_ATTR_MAX_LENGTH:
        s->max_length = v;
        return SQL_SUCCESS;
    case SQL_ATTR_NOSCAN:
        s->noscan = v;
        return SQL_SUCCESS;
    case SQL_ATTR_RETRIEVE_DATA:
        s->retrieve_data = v;
        return SQL_SUCCESS;
    case SQL_ATTR_METADATA_ID:
        s->metadata_id = v;
        return SQL_SUCCESS;
    case SQL_ATTR_APP_ROW_DESC:
        return set_desc_handle(s, &s->ard_cur, &s->ard, value);
    case SQL_ATTR_APP_PARAM_DESC:
        return set_desc_handle(s, &s->apd_cur, &s->apd, value);
    case SQL_ATTR_IMP_ROW_DESC:
    case SQL_ATTR_IMP_PARAM_DESC:
    case SQL_ATTR_ROW_NUMBER:
        return bc_diag_push(&s->h.diag, "HY017", 0, "That statement attribute is read-only.");
    case SQL_ATTR_ENABLE_AUTO_IPD:
        if (v != SQL_FALSE)
            return changed(s, "Automatic IPD population");
        return SQL_SUCCESS;
    case SQL_ATTR_KEYSET_SIZE:
        return SQL_SUCCESS;
    default:
        return bc_diag_push(&s->h.diag, "HY092", 0, "Statement attribute %d is not supported.",
                            (int)attr);
    }
}

static bool get_array_attr(bc_stmt *s, SQLINTEGER attr, SQLULEN *num, SQLPOINTER *ptr)
{
    switch (attr) {
    case SQL_ATTR_ROW_ARRAY_SIZE:
    case SQL_ROWSET_SIZE:
        *num = s->ard_cur->array_size;
        return true;
    case SQL_ATTR_ROW_BIND_TYPE:
        *num = (SQLULEN)s->ard_cur->bind_type;
        return true;
    case SQL_ATTR_ROW_BIND_OFFSET_PTR:
        *ptr = s->ard_cur->bind_offset_ptr;
        return true;
    case SQL_ATTR_ROW_OPERATION_PTR:
        *ptr = s->ard_cur->array_status_ptr;
        return true;
    case SQL_ATTR_ROW_STATUS_PTR:
        *ptr = s->ird.array_status_ptr;
        return true;
    case SQL_ATTR_ROWS_FETCHED_PTR:
        *ptr = s->ird.rows_processed_ptr;
        return true;
    case SQL_ATTR_FETCH_BOOKMARK_PTR:
        *ptr = s->fetch_bookmark_ptr;
        return true;
    case SQL_ATTR_PARAMSET_SIZE:
        *num = s->apd_cur->array_size;
        return true;
    case SQL_ATTR_PARAM_BIND_TYPE:
        *num = (SQLULEN)s->apd_cur->bind_type;
        return true;
    case SQL_ATTR_PARAM_BIND_OFFSET_PTR:
        *ptr = s->apd_cur->bind_offset_ptr;
        return true;
    case SQL_ATTR_PARAM_OPERATION_PTR:
        *ptr = s->apd_cur->array_status_ptr;
        return true;
    case SQL_ATTR_PARAM_STATUS_PTR:
        *ptr = s->ipd.array_status_ptr;
        return true;
    case SQL_ATTR_PARAMS_PROCESSED_PTR:
        *ptr = s->ipd.rows_processed_ptr;
        return true;
    case SQL_ATTR_APP_ROW_DESC:
        *ptr = s->ard_cur;
        return true;
    case SQL_ATTR_APP_PARAM_DESC:
        *ptr = s->apd_cur;
        return true;
    case SQL_ATTR_IMP_ROW_DESC:
        *ptr = &s->ird;
        return true;
    case SQL_ATTR_IMP_PARAM_DESC:
        *ptr = &s->ipd;
        return true;
    default:
        return false;
    }
}

/* Numeric values come back in *num, pointer values in *ptr (the caller knows which). */
SQLRETURN bc_stmt_get_attr(bc_stmt *s, SQLINTEGER attr, SQLULEN *num, SQLPOINTER *ptr)
{
    *num = 0;
    *ptr = NULL;
    if (get_array_attr(s, attr, num, ptr))
        return SQL_SUCCESS;
    switch (attr) {
    case SQL_ATTR_QUERY_TIMEOUT:
        *num = s->query_timeout;
        return SQL_SUCCESS;
    case SQL_ATTR_MAX_ROWS:
        *num = s->max_rows;
        return SQL_SUCCESS;
    case SQL_ATTR_MAX_LENGTH:
        *num = s->max_length;
        return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_TYPE:
        *num = s->cursor_type;
        return SQL_SUCCESS;
    case SQL_ATTR_CONCURRENCY:
        *num = s->concurrency;
        return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_SCROLLABLE:
        *num = s->cursor_type == SQL_CURSOR_STATIC ? SQL_SCROLLABLE : SQL_NONSCROLLABLE;
        return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_SENSITIVITY:
        *num = SQL_INSENSITIVE;
        return SQL_SUCCESS;
    case SQL_ATTR_USE_BOOKMARKS:
        *num = s->use_bookmarks;
        return SQL_SUCCESS;
    case SQL_ATTR_ASYNC_ENABLE:
        *num = SQL_ASYNC_ENABLE_OFF;
        return SQL_SUCCESS;
    case SQL_ATTR_NOSCAN:
        *num = s->noscan;
        return SQL_SUCCESS;
    case SQL_ATTR_RETRIEVE_DATA:
        *num = s->retrieve_data;
        return SQL_SUCCESS;
    case SQL_ATTR_METADATA_ID:
        *num = s->metadata_id;
        return SQL_SUCCESS;
    case SQL_ATTR_ENABLE_AUTO_IPD:
    case SQL_ATTR_SIMULATE_CURSOR:
    case SQL_ATTR_KEYSET_SIZE:
        *num = 0;
        return SQL_SUCCESS;
    case SQL_ATTR_ROW_NUMBER:
        if (s->state != BC_STMT_CURSOR || s->rowset_rows == 0)
            return bc_diag_push(&s->h.diag, "24000", 0, "No row is current.");
        *num = s->row_number;
        return SQL_SUCCESS;
    default:
        return bc_diag_push(&s->h.diag, "HY092", 0, "Statement attribute %d is not supported.",
                            (int)attr);
    }
}

SQLRETURN bc_stmt_set_cursor_name(bc_stmt *s, const char *name)
{
    char *c;

    if (name == NULL || name[0] == '\0')
        return bc_diag_push(&s->h.diag, "34000", 0, "The cursor name is empty.");
    if (strncasecmp(name, "SQL_CUR", 7) == 0 || strncasecmp(name, "SQLCUR", 6) == 0)
        return bc_diag_push(&s->h.diag, "34000", 0,
                            "Cursor names starting with SQL_CUR or SQLCUR are reserved.");
    for (bc_stmt *o = s->dbc->stmts; o != NULL; o = o->next) {
        if (o != s && o->cursor_name != NULL && strcasecmp(o->cursor_name, name) == 0)
            return bc_diag_push(&s->h.diag, "3C000", 0, "Cursor name %s is already in use.", name);
    }
    c = bc_strdup(name);
    if (c == NULL)
        return bc_diag_push(&s->h.diag, "HY001", 0, "Out of memory.");
    free(s->cursor_name);
    s->cursor_name = c;
    return SQL_SUCCESS;
}

/* "If the application does not call SQLSetCursorName, the driver generates a name ...
 * beginning with SQL_CUR." */
const char *bc_stmt_cursor_name(bc_stmt *s)
{
    if (s->cursor_name == NULL)
        s->cursor_name = bc_sprintf("SQL_CUR%p", (void *)s);
    return s->cursor_name != NULL ? s->cursor_name : "SQL_CUR";
}
