/*
 * SQLBindCol and the rowset fetch. The SQLite statement holds one row at a time, so each row
 * of a rowset is converted into the bound buffers as soon as it is stepped to; the last row
 * stays current for SQLGetData.
 */
#include <string.h>
#include "bc_convert.h"
#include "bc_handles.h"

/* Record col of the current ARD points at the application's buffer and indicator. */
static SQLRETURN bind_record(bc_stmt *s, SQLSMALLINT col, SQLSMALLINT c_type, SQLPOINTER buf,
                             SQLLEN buflen, SQLLEN *ind)
{
    bc_desc_rec *r = bc_desc_rec_get(s->ard_cur, col);

    if (r == NULL)
        return bc_diag_push(&s->h.diag, "HY001", 0, "Out of memory binding a column.");
    bc_desc_rec_set_type(r, c_type);
    r->data_ptr = buf;
    r->octet_length = buflen;
    r->indicator_ptr = ind;
    r->octet_length_ptr = ind;
    return SQL_SUCCESS;
}

/* Column 0 is the bookmark: "07009 ... ColumnNumber was 0 and SQL_ATTR_USE_BOOKMARKS was
 * SQL_UB_OFF"; variable bookmarks are bound as SQL_C_VARBOOKMARK (binary). */
static SQLRETURN bind_bookmark(bc_stmt *s, SQLSMALLINT c_type, SQLPOINTER buf, SQLLEN buflen,
                               SQLLEN *ind)
{
    if (buf == NULL && ind == NULL) {
        if (s->ard_cur->cap > 0)
            bc_desc_rec_reset(&s->ard_cur->recs[0]);
        return SQL_SUCCESS;
    }
    if (s->use_bookmarks == SQL_UB_OFF)
        return bc_diag_push(&s->h.diag, "07009", 0,
                            "Column 0 is the bookmark column; set SQL_ATTR_USE_BOOKMARKS to "
                            "SQL_UB_VARIABLE before binding it.");
    if (c_type != SQL_C_VARBOOKMARK)
        return bc_diag_push(&s->h.diag, "07006", 0,
                            "Bookmarks are variable-length: bind column 0 as SQL_C_VARBOOKMARK "
                            "(a buffer of up to %d bytes).",
                            BC_BOOKMARK_MAX);
    return bind_record(s, 0, c_type, buf, buflen, ind);
}

SQLRETURN bc_stmt_bind_col(bc_stmt *s, SQLUSMALLINT col, SQLSMALLINT c_type, SQLPOINTER buf,
                           SQLLEN buflen, SQLLEN *ind)
{
    bc_desc *ard = s->ard_cur;

    if (buflen < 0)
        return bc_diag_push(&s->h.diag, "HY090", 0, "The buffer length is negative.");
    if (col == 0)
        return bind_bookmark(s, c_type, buf, buflen, ind);
    if (buf == NULL && ind == NULL) {
        /* Unbind: "if TargetValuePtr is a null pointer, the driver unbinds the column". */
        if (col <= (SQLUSMALLINT)ard->count) {
            bc_desc_rec_reset(&ard->recs[col]);
            while (ard->count > 0 && ard->recs[ard->count].data_ptr == NULL &&
                   ard->recs[ard->count].indicator_ptr == NULL)
                ard->count--;
        }
        return SQL_SUCCESS;
    }
    /* "07009: The value specified for the argument ColumnNumber exceeded the maximum number
     * of columns in the result set." Known once the statement is prepared; a binding made
     * before that is checked at fetch instead. */
    if (s->vm != NULL && col > (SQLUSMALLINT)s->ncols)
        return bc_diag_push(&s->h.diag, "07009", 0,
                            "Column %u does not exist: the result has %d columns.", (unsigned)col,
                            (int)s->ncols);
    return bind_record(s, (SQLSMALLINT)col, c_type, buf, buflen, ind);
}

/* The value of result column col of the row being filled. */
static sqlite3_value *filling_value(bc_stmt *s, int col)
{
    return s->static_ready ? bc_rowset_row_value(s, s->fill_row, col)
                           : sqlite3_column_value(s->vm, col - 1);
}

/* Convert bound column col of the current row into rowset row `row`. */
static SQLRETURN fetch_column(bc_stmt *s, const bc_desc_rec *r, int col, SQLULEN row)
{
    /* A static cursor fills rowsets from the rows it keeps; otherwise the statement's row. */
    sqlite3_value *v = filling_value(s, col);
    bc_cell cell = {v, &s->col_types[col - 1]};
    SQLPOINTER data;
    SQLLEN *ind, *len, local_ind = 0, consumed = 0;
    bc_error e;
    SQLRETURN rc;
    /* Room for any fixed-size C value (SQL_NUMERIC_STRUCT is the largest). */
    union {
        SQL_NUMERIC_STRUCT num;
        SQL_TIMESTAMP_STRUCT ts;
        SQLCHAR bytes[64];
    } scratch;
    bool ind_only;

    bc_desc_bound_ptrs(s->ard_cur, r, row, &data, &ind, &len);
    /* A column bound with a null data pointer but an indicator still gets its indicator
     * (length or SQL_NULL_DATA) at each fetch: convert into scratch space of zero length for
     * strings, so the full length is reported, and drop the truncation warning. */
    ind_only = data == NULL;
    bc_error_clear(&e);
    rc = bc_stmt_convert(s, &cell, r->concise_type, ind_only ? (SQLPOINTER)&scratch : data,
                         ind_only
                             ? (bc_c_type_size(r->concise_type) > 0 ? (SQLLEN)sizeof scratch : 0)
                             : r->octet_length,
                         0, ind != NULL ? &local_ind : NULL, &consumed, &e);
    if (ind_only && rc == SQL_SUCCESS_WITH_INFO)
        rc = SQL_SUCCESS;
    if (rc == SQL_ERROR)
        return bc_diag_push_at(&s->h.diag, e.sqlstate[0] ? e.sqlstate : "HY000",
                               (SQLINTEGER)e.native, (SQLLEN)row + 1, col, "%s", e.message);
    /* With separate indicator and length buffers the indicator only says NULL or not. */
    if (ind != NULL)
        *ind = (len != NULL && len != ind && local_ind != SQL_NULL_DATA) ? 0 : local_ind;
    if (len != NULL && len != ind && local_ind != SQL_NULL_DATA)
        *len = local_ind;
    if (rc == SQL_SUCCESS_WITH_INFO)
        return bc_diag_push_at(&s->h.diag, e.sqlstate[0] ? e.sqlstate : "01000", 0, (SQLLEN)row + 1,
                               col, "%s", e.message);
    return SQL_SUCCESS;
}

SQLUSMALLINT bc_stmt_fill_row(bc_stmt *s, SQLULEN row, bool *any_info)
{
    const bc_desc *ard = s->ard_cur;
    SQLUSMALLINT status = SQL_ROW_SUCCESS;

    if (s->retrieve_data == SQL_RD_OFF)
        return status;
    if (bc_bookmark_bound(s) && bc_bookmark_fetch(s, row, filling_value) != SQL_SUCCESS)
        status = SQL_ROW_SUCCESS_WITH_INFO;
    for (int c = 1; c <= ard->count && c <= s->ncols; c++) {
        const bc_desc_rec *r = &ard->recs[c];
        if (r->data_ptr == NULL && r->indicator_ptr == NULL)
            continue;
        SQLRETURN rc = fetch_column(s, r, c, row);
        if (rc == SQL_ERROR)
            status = SQL_ROW_ERROR;
        else if (rc == SQL_SUCCESS_WITH_INFO && status == SQL_ROW_SUCCESS)
            status = SQL_ROW_SUCCESS_WITH_INFO;
    }
    if (status != SQL_ROW_SUCCESS)
        *any_info = true;
    return status;
}

/* Move to the next row: the one execute already stepped to, or a new step. 1 row, 0 end,
 * -1 error (pushed). */
int bc_stmt_next_row(bc_stmt *s)
{
    SQLLEN cap = bc_stmt_max_rows(s);
    int rc;

    if (s->done || (cap > 0 && (SQLLEN)s->rows_fetched_total >= cap))
        return 0;
    if (s->has_row) {
        s->has_row = false;
        return 1;
    }
    rc = bc_stmt_step(s);
    if (rc < 0)
        return -1;
    if (rc == SQLITE_DONE) {
        s->done = true;
        return 0;
    }
    return 1;
}

void bc_stmt_set_row_status(SQLUSMALLINT *st, SQLULEN i, SQLUSMALLINT v)
{
    if (st != NULL)
        st[i] = v;
}

static SQLRETURN fetch_next_rowset(bc_stmt *s);

/* "SQLFetch returns the next rowset ... SQL_SUCCESS_WITH_INFO if a warning or an error
 * occurred for some rows; SQL_ERROR if an error applies to the whole function." */
SQLRETURN bc_stmt_fetch(bc_stmt *s)
{
    bc_stmt_run_begin(s);
    SQLRETURN rc = fetch_next_rowset(s);
    bc_stmt_run_end(s);
    return rc;
}

static SQLRETURN fetch_next_rowset(bc_stmt *s)
{
    SQLULEN size = s->ard_cur->array_size > 0 ? s->ard_cur->array_size : 1, n = 0;
    SQLUSMALLINT *status = s->ird.array_status_ptr;
    bool info = false, failed = false;
    SQLUSMALLINT last = SQL_ROW_SUCCESS;

    if (s->state != BC_STMT_CURSOR)
        return bc_diag_push(&s->h.diag, "24000", 0, "No result set is open; execute a query.");
    for (int c = s->ncols + 1; c <= s->ard_cur->count; c++) {
        const bc_desc_rec *r = &s->ard_cur->recs[c];
        if (r->data_ptr != NULL || r->indicator_ptr != NULL)
            return bc_diag_push(&s->h.diag, "07009", 0,
                                "Column %d is bound, but the result has %d columns; unbind it "
                                "(SQLBindCol with null pointers) or fix the column number.",
                                c, (int)s->ncols);
    }
    if (bc_bookmark_check(s) != SQL_SUCCESS)
        return SQL_ERROR;
    if (s->cursor_type == SQL_CURSOR_STATIC)
        return bc_stmt_static_fetch(s, SQL_FETCH_NEXT, 0);
    s->getdata_col = 0;
    bc_rowset_clear(s);
    /* Rows are copied only when something reads them after the fetch: SQLGetData on a column
     * left unbound, or a positioned write (SQLSetPos) on an updatable cursor. A fully bound,
     * read-only bulk fetch pays nothing. */
    bool keep =
        size > 1 && (bc_rowset_has_unbound_column(s) || s->concurrency != SQL_CONCUR_READ_ONLY);
    bc_stmt_arm_timeout(s);
    while (n < size) {
        int rc = bc_stmt_next_row(s);
        if (rc < 0) {
            failed = n == 0;
            info = n > 0;
            break;
        }
        if (rc == 0)
            break;
        last = bc_stmt_fill_row(s, n, &info);
        if (keep && bc_rowset_keep_row(s, n) != SQL_SUCCESS) {
            failed = true;
            break;
        }
        bc_stmt_set_row_status(status, n, last);
        s->rows_fetched_total++;
        n++;
    }
    for (SQLULEN i = n; i < size; i++)
        bc_stmt_set_row_status(status, i, SQL_ROW_NOROW);
    s->rowset_rows = n;
    /* "The cursor is positioned on the first row of the rowset." */
    s->current_row = size > 1 && n > 0 ? 1 : 0;
    s->row_number = n > 0 ? s->rows_fetched_total - n + 1 : 0;
    if (s->ird.rows_processed_ptr != NULL)
        *s->ird.rows_processed_ptr = n;
    if (failed)
        return SQL_ERROR;
    if (n == 0)
        return info ? SQL_SUCCESS_WITH_INFO : SQL_NO_DATA;
    if (size == 1 && last == SQL_ROW_ERROR)
        return SQL_ERROR;
    return info ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
}

SQLRETURN bc_stmt_fetch_scroll(bc_stmt *s, SQLSMALLINT orientation, SQLLEN offset)
{
    if (s->cursor_type == SQL_CURSOR_STATIC) {
        if (s->state != BC_STMT_CURSOR)
            return bc_diag_push(&s->h.diag, "24000", 0, "No result set is open; execute a query.");
        if (bc_bookmark_check(s) != SQL_SUCCESS)
            return SQL_ERROR;
        bc_stmt_run_begin(s);
        SQLRETURN rc = bc_stmt_static_fetch(s, orientation, offset);
        bc_stmt_run_end(s);
        return rc;
    }
    if (orientation != SQL_FETCH_NEXT)
        return bc_diag_push(&s->h.diag, "HY106", 0,
                            "The cursor is forward-only; only SQL_FETCH_NEXT is supported. Set "
                            "SQL_ATTR_CURSOR_TYPE to SQL_CURSOR_STATIC to scroll.");
    return bc_stmt_fetch(s);
}

/* ODBC 2's SQLExtendedFetch is SQLFetchScroll with the row count and the row status array
 * passed as arguments instead of set in the IRD. unixODBC hands it to the driver only when
 * the driver exports it, and ODBC 2 applications (PHP's odbc extension) call it whenever
 * SQLGetInfo reports scrolling, so static cursors need it. */
SQLRETURN bc_stmt_extended_fetch(bc_stmt *s, SQLUSMALLINT orientation, SQLLEN offset, SQLULEN *rows,
                                 SQLUSMALLINT *status)
{
    SQLULEN *saved_rows = s->ird.rows_processed_ptr;
    SQLUSMALLINT *saved_status = s->ird.array_status_ptr;
    SQLRETURN rc;

    s->ird.rows_processed_ptr = rows;
    s->ird.array_status_ptr = status;
    rc = bc_stmt_fetch_scroll(s, (SQLSMALLINT)orientation, offset);
    s->ird.rows_processed_ptr = saved_rows;
    s->ird.array_status_ptr = saved_status;
    return rc;
}
