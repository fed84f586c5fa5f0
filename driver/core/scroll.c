/*
 * Static cursors (SQL_CURSOR_STATIC): the whole result is kept in the statement at the
 * first fetch, and SQLFetchScroll then moves over it in any direction. Besides applications
 * that scroll, this matters for unixODBC: it loads its cursor library in front of any driver
 * without static cursors when an application asks for SQL_CUR_USE_IF_NEEDED (PHP's
 * PDO_ODBC does by default), and that library fails on data-at-execution parameters.
 */
#include "bc_handles.h"

/* Step through the rest of the result once, keeping every row. */
static SQLRETURN materialize(bc_stmt *s)
{
    SQLULEN n = 0;
    int rc;

    bc_rowset_clear(s);
    bc_stmt_arm_timeout(s);
    while ((rc = bc_stmt_next_row(s)) == 1) {
        if (bc_rowset_keep_row(s, n) != SQL_SUCCESS)
            return SQL_ERROR;
        s->rows_fetched_total++;
        n++;
    }
    if (rc < 0)
        return SQL_ERROR;
    s->static_rows = n;
    s->static_start = 0;
    s->static_ready = true;
    return SQL_SUCCESS;
}

/* The first row (1-based) of the rowset the orientation asks for; 0 before the start,
 * rows + 1 after the end. "SQL_FETCH_PRIOR ... if the start is before row 1, the first
 * rowset is returned with 01S06" is reported through *warn. */
static SQLLEN target_start(const bc_stmt *s, SQLSMALLINT orientation, SQLLEN offset, SQLLEN size,
                           bool *warn)
{
    SQLLEN rows = (SQLLEN)s->static_rows, cur = (SQLLEN)s->static_start, start;

    *warn = false;
    switch (orientation) {
    case SQL_FETCH_NEXT:
        start = cur <= 0 ? 1 : cur + size;
        break;
    case SQL_FETCH_PRIOR:
        if (cur == 1 || cur == 0)
            return 0;
        start = (cur > rows ? rows + 1 : cur) - size;
        if (start < 1) {
            *warn = true;
            start = 1;
        }
        break;
    case SQL_FETCH_FIRST:
        start = 1;
        break;
    case SQL_FETCH_LAST:
        start = rows - size + 1 < 1 ? 1 : rows - size + 1;
        break;
    case SQL_FETCH_ABSOLUTE:
        if (offset == 0)
            return 0;
        start = offset > 0 ? offset : rows + offset + 1;
        if (start < 1)
            start = -offset <= size ? 1 : 0;
        break;
    default: /* SQL_FETCH_RELATIVE */
        start = (cur <= 0 ? 0 : cur > rows ? rows + 1 : cur) + offset;
        if (cur <= 0 && offset <= 0)
            return 0;
        if (start < 1)
            start = 0;
        break;
    }
    return start > rows ? rows + 1 : start;
}

/* "SQL_FETCH_BOOKMARK: the rowset offset rows from the bookmark SQL_ATTR_FETCH_BOOKMARK_PTR
 * points to"; -1 (HY111) when no kept row has that bookmark. */
static SQLLEN bookmark_start(bc_stmt *s, SQLLEN offset, bool *warn)
{
    SQLLEN rows = (SQLLEN)s->static_rows, row;

    *warn = false;
    row =
        s->fetch_bookmark_ptr != NULL ? (SQLLEN)bc_bookmark_find_kept(s, s->fetch_bookmark_ptr) : 0;
    if (row == 0) {
        bc_diag_push(&s->h.diag, "HY111", 0,
                     "SQL_ATTR_FETCH_BOOKMARK_PTR points to no bookmark of this result set; "
                     "set it to a bookmark fetched from column 0.");
        return -1;
    }
    row += offset;
    return row < 1 ? 0 : row > rows ? rows + 1 : row;
}

SQLRETURN bc_stmt_static_fetch(bc_stmt *s, SQLSMALLINT orientation, SQLLEN offset)
{
    SQLULEN size = s->ard_cur->array_size > 0 ? s->ard_cur->array_size : 1, n = 0;
    SQLUSMALLINT *status = s->ird.array_status_ptr, last = SQL_ROW_SUCCESS;
    bool info = false, warn;

    if (orientation != SQL_FETCH_NEXT && orientation != SQL_FETCH_PRIOR &&
        orientation != SQL_FETCH_FIRST && orientation != SQL_FETCH_LAST &&
        orientation != SQL_FETCH_ABSOLUTE && orientation != SQL_FETCH_RELATIVE &&
        orientation != SQL_FETCH_BOOKMARK)
        return bc_diag_push(&s->h.diag, "HY106", 0, "Fetch orientation %d is not one ODBC defines.",
                            (int)orientation);
    if (orientation == SQL_FETCH_BOOKMARK && s->use_bookmarks == SQL_UB_OFF)
        return bc_diag_push(&s->h.diag, "HY106", 0,
                            "SQL_FETCH_BOOKMARK needs SQL_ATTR_USE_BOOKMARKS set to "
                            "SQL_UB_VARIABLE before the query is executed.");
    if (!s->static_ready && materialize(s) != SQL_SUCCESS)
        return SQL_ERROR;
    SQLLEN start = orientation == SQL_FETCH_BOOKMARK
                       ? bookmark_start(s, offset, &warn)
                       : target_start(s, orientation, offset, (SQLLEN)size, &warn);
    if (start < 0)
        return SQL_ERROR;
    s->static_start = (SQLULEN)start;
    s->getdata_col = 0;
    for (; n < size && start >= 1 && start + (SQLLEN)n <= (SQLLEN)s->static_rows; n++) {
        s->fill_row = (SQLULEN)start + n;
        last = bc_stmt_fill_row(s, n, &info);
        bc_stmt_set_row_status(status, n, last);
    }
    for (SQLULEN i = n; i < size; i++)
        bc_stmt_set_row_status(status, i, SQL_ROW_NOROW);
    s->rowset_rows = n;
    s->current_row = n > 0 ? 1 : 0;
    s->row_number = n > 0 ? (SQLULEN)start : 0;
    if (s->ird.rows_processed_ptr != NULL)
        *s->ird.rows_processed_ptr = n;
    if (n == 0)
        return SQL_NO_DATA;
    if (warn)
        bc_diag_push(&s->h.diag, "01S06", 0,
                     "The rowset asked for began before the first row; the first rowset was "
                     "returned.");
    if (size == 1 && last == SQL_ROW_ERROR)
        return SQL_ERROR;
    return info || warn ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
}
