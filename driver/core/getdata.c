/*
 * SQLGetData, chunked. "Successive calls to SQLGetData retrieve data from the column in
 * parts; when no more data remains, SQLGetData returns SQL_NO_DATA." The statement keeps the
 * column it is reading and how many bytes of the converted value were already returned;
 * bc_convert_to_c resumes from that offset.
 */
#include <string.h>
#include "bc_convert.h"
#include "bc_handles.h"

static SQLRETURN check_getdata(bc_stmt *s, SQLUSMALLINT col)
{
    if (s->state != BC_STMT_CURSOR || s->rowset_rows == 0)
        return bc_diag_push(&s->h.diag, "HY010", 0, "SQLGetData needs a row: call SQLFetch first.");
    if ((col == 0 && s->use_bookmarks == SQL_UB_OFF) || col > (SQLUSMALLINT)s->ncols)
        return bc_diag_push(&s->h.diag, "07009", 0,
                            "Column %u does not exist; the result has %d columns.", (unsigned)col,
                            s->ncols);
    if (!bc_rowset_row_available(s))
        return bc_diag_push(&s->h.diag, "HYC00", 0,
                            "Every column is bound, so the rows of this rowset were not kept for "
                            "SQLGetData; read the bound buffers, or leave the column unbound.");
    return SQL_SUCCESS;
}

static SQLLEN getdata_row(const bc_stmt *s)
{
    return s->current_row > 0 ? (SQLLEN)s->current_row : 1;
}

static bool is_variable_type(SQLSMALLINT c_type)
{
    return c_type == SQL_C_CHAR || c_type == SQL_C_WCHAR || c_type == SQL_C_BINARY;
}

static SQLLEN terminator_size(SQLSMALLINT c_type)
{
    return c_type == SQL_C_WCHAR ? (SQLLEN)sizeof(SQLWCHAR) : c_type == SQL_C_CHAR ? 1 : 0;
}

/* "SQL_ATTR_MAX_LENGTH: the maximum amount of data that the driver returns from a character
 * or binary column. If ValuePtr is less than the length of the available data, SQLFetch or
 * SQLGetData truncates the data and returns SQL_SUCCESS." The value is treated as if it were
 * max_length bytes long: the buffer is capped there and the truncation is not a warning. */
SQLRETURN bc_stmt_convert(bc_stmt *s, const bc_cell *cell, SQLSMALLINT c_type, SQLPOINTER buf,
                          SQLLEN buflen, SQLLEN offset, SQLLEN *ind, SQLLEN *consumed,
                          bc_error *err)
{
    SQLLEN max = (SQLLEN)s->max_length, cap = buflen, local = 0;
    SQLRETURN rc;

    if (max <= 0 || !is_variable_type(c_type))
        return bc_convert_to_c(cell, c_type, buf, buflen, offset, ind, consumed, err);
    if (offset >= max)
        return SQL_NO_DATA;
    if (cap > max - offset + terminator_size(c_type))
        cap = max - offset + terminator_size(c_type);
    rc = bc_convert_to_c(cell, c_type, buf, cap, offset, &local, consumed, err);
    if (local != SQL_NULL_DATA && local != SQL_NO_TOTAL && local > max - offset)
        local = max - offset;
    if (rc == SQL_SUCCESS_WITH_INFO && strcmp(err->sqlstate, "01004") == 0 &&
        offset + *consumed >= max) {
        bc_error_clear(err);
        rc = SQL_SUCCESS;
    }
    if (ind != NULL) {
        *ind = local;
    } else if (local == SQL_NULL_DATA) {
        bc_error_set(err, "22002", 0, "The value is NULL and no indicator buffer was bound.");
        return SQL_ERROR;
    }
    return rc;
}

SQLRETURN bc_stmt_get_data(bc_stmt *s, SQLUSMALLINT col, SQLSMALLINT c_type, SQLPOINTER buf,
                           SQLLEN buflen, SQLLEN *ind)
{
    SQLRETURN rc = check_getdata(s, col);
    SQLLEN consumed = 0;
    bc_error e;

    if (rc != SQL_SUCCESS)
        return rc;
    if (col == 0)
        return bc_bookmark_get_data(s, c_type, buf, buflen, ind);
    if (buflen < 0)
        return bc_diag_push(&s->h.diag, "HY090", 0, "The buffer length is negative.");
    if (col != s->getdata_col) {
        s->getdata_col = col;
        s->getdata_offset = 0;
    }
    if (s->getdata_offset < 0)
        return SQL_NO_DATA; /* the whole value was already returned */
    if (c_type == SQL_C_DEFAULT)
        c_type = bc_default_c_type(s->col_types[col - 1].sql_type);
    bc_cell cell = {bc_rowset_value(s, col), &s->col_types[col - 1]};
    bc_error_clear(&e);
    rc = bc_stmt_convert(s, &cell, c_type, buf, buflen, s->getdata_offset, ind, &consumed, &e);
    if (rc == SQL_NO_DATA) {
        s->getdata_offset = -1;
        return SQL_NO_DATA;
    }
    if (rc == SQL_ERROR)
        return bc_diag_push_at(&s->h.diag, e.sqlstate[0] ? e.sqlstate : "HY000",
                               (SQLINTEGER)e.native, getdata_row(s), col, "%s", e.message);
    /* Only a truncated character or binary value has more parts to give. */
    if (rc == SQL_SUCCESS_WITH_INFO && is_variable_type(c_type) && strcmp(e.sqlstate, "01004") == 0)
        s->getdata_offset += consumed;
    else
        s->getdata_offset = -1;
    if (rc == SQL_SUCCESS_WITH_INFO)
        return bc_diag_push_at(&s->h.diag, e.sqlstate[0] ? e.sqlstate : "01000", 0, getdata_row(s),
                               col, "%s", e.message);
    return SQL_SUCCESS;
}
