/*
 * Block cursors and SQLGetData (SQL_GD_BLOCK). The SQLite statement holds only the row it
 * stepped to last, so when a rowset has more than one row each row's values are copied as
 * it is fetched (when some column is unbound, so left for SQLGetData); SQLSetPos(SQL_POSITION)
 * picks the row SQLGetData then reads. With a rowset
 * of one row nothing is copied: the statement's own row is the current one. A static cursor
 * (scroll.c) keeps every row here.
 */
#include <stdlib.h>
#include "bc_handles.h"

void bc_rowset_clear(bc_stmt *s)
{
    for (size_t i = 0; i < s->rowset_nvalues; i++)
        sqlite3_value_free(s->rowset_values[i]);
    s->rowset_nvalues = 0;
    s->current_row = 0;
    s->static_ready = false;
    s->static_rows = s->static_start = 0;
}

void bc_rowset_free(bc_stmt *s)
{
    bc_rowset_clear(s);
    free(s->rowset_values);
    s->rowset_values = NULL;
    s->rowset_cap = 0;
}

bool bc_rowset_has_unbound_column(const bc_stmt *s)
{
    const bc_desc *ard = s->ard_cur;

    for (int c = 1; c <= s->ncols; c++)
        if (c > ard->count || (ard->recs[c].data_ptr == NULL && ard->recs[c].indicator_ptr == NULL))
            return true;
    return false;
}

bool bc_rowset_row_available(const bc_stmt *s)
{
    return s->static_ready || s->rowset_nvalues > 0 || s->current_row == 0 ||
           s->current_row == s->rowset_rows;
}

/* Copy the statement's current row as rowset row `row` (0-based). */
SQLRETURN bc_rowset_keep_row(bc_stmt *s, SQLULEN row)
{
    size_t need = ((size_t)row + 1) * (size_t)s->ncols;

    if (need > s->rowset_cap) {
        size_t cap = s->rowset_cap ? s->rowset_cap * 2 : (size_t)s->ncols * 8;
        while (cap < need)
            cap *= 2;
        sqlite3_value **v = realloc(s->rowset_values, cap * sizeof *v);
        if (v == NULL)
            return bc_diag_push(&s->h.diag, "HY001", 0, "Out of memory keeping the rowset.");
        s->rowset_values = v;
        s->rowset_cap = cap;
    }
    for (int c = 0; c < s->ncols; c++) {
        sqlite3_value *dup = sqlite3_value_dup(sqlite3_column_value(s->vm, c));
        if (dup == NULL)
            return bc_diag_push(&s->h.diag, "HY001", 0, "Out of memory keeping the rowset.");
        s->rowset_values[s->rowset_nvalues++] = dup;
    }
    return SQL_SUCCESS;
}

sqlite3_value *bc_rowset_row_value(bc_stmt *s, SQLULEN row, int col)
{
    return s->rowset_values[(size_t)(row - 1) * (size_t)s->ncols + (size_t)(col - 1)];
}

sqlite3_value *bc_rowset_value(bc_stmt *s, int col)
{
    if (s->static_ready)
        return bc_rowset_row_value(s, s->static_start + (s->current_row ? s->current_row - 1 : 0),
                                   col);
    if (s->current_row > 0 && s->rowset_nvalues > 0)
        return s
            ->rowset_values[(size_t)(s->current_row - 1) * (size_t)s->ncols + (size_t)(col - 1)];
    return sqlite3_column_value(s->vm, col - 1);
}

/* "SQL_POSITION: the driver positions the cursor on the row specified by RowNumber." The
 * other operations write through setpos_write.c. */
SQLRETURN bc_stmt_set_pos(bc_stmt *s, SQLSETPOSIROW row, SQLUSMALLINT op, SQLUSMALLINT lock)
{
    (void)lock;
    if (s->state != BC_STMT_CURSOR || s->rowset_rows == 0)
        return bc_diag_push(&s->h.diag, "24000", 0, "SQLSetPos needs a fetched rowset.");
    if (op != SQL_POSITION && op != SQL_REFRESH && op != SQL_UPDATE && op != SQL_DELETE &&
        op != SQL_ADD)
        return bc_diag_push(&s->h.diag, "HY092", 0,
                            "SQLSetPos operation %u is not one ODBC defines.", (unsigned)op);
    if (op != SQL_POSITION && row <= s->rowset_rows)
        return bc_stmt_set_pos_write(s, row, op); /* setpos_write.c; row 0 = every row */
    if (row < 1 || row > s->rowset_rows)
        return bc_diag_push(&s->h.diag, "HY107", 0,
                            "Row %lu is not in the rowset, which has %lu rows.", (unsigned long)row,
                            (unsigned long)s->rowset_rows);
    if (s->rowset_rows > 1 || s->static_ready)
        s->current_row = (SQLULEN)row;
    s->getdata_col = 0;
    return SQL_SUCCESS;
}
