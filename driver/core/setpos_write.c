/*
 * SQLSetPos(SQL_UPDATE / SQL_DELETE / SQL_REFRESH / SQL_ADD) and SQLBulkOperations (SQL_ADD and
 * the three operations by bookmark) on a result set read from one table with its whole primary
 * key. Each row becomes an UPDATE, DELETE or INSERT keyed by the key values the row was fetched
 * with (or by its bookmark, which is that key), run on the connection's engine, so it takes the
 * same path (write specs, Readonly, 422 reporting) as SQL text; the values are the
 * application's bound column buffers (setpos_row.c builds each row's statement). The rows of
 * one call are queued in one batch and sent together in the API's batch form; setpos_many.c
 * makes one statement of many rows where the key allows it.
 */
#include <stdlib.h>
#include "setpos_internal.h"

/* SQL_REFRESH of rowset row `row`: read again by its key. */
static SQLRETURN refresh_row(bc_stmt *s, const bc_pos_target *t, SQLULEN row)
{
    int cols[MAX_WRITE_COLUMNS], ncols;
    sqlite3_stmt *vm;
    SQLRETURN rc = bc_pos_prepare_row(s, t, SQL_REFRESH, row, &vm, &ncols, cols);

    if (rc == SQL_NO_DATA)
        return SQL_SUCCESS;
    if (rc != SQL_SUCCESS)
        return rc;
    bc_engine_begin_statement(s->dbc->engine);
    rc = bc_pos_refresh_into_buffers(s, vm, row, ncols, cols);
    if (rc == SQL_ERROR && s->h.diag.count == 0)
        bc_pos_engine_error(s, (SQLLEN)row, sqlite3_errcode(bc_engine_db(s->dbc->engine)));
    sqlite3_finalize(vm);
    return rc;
}

/* Queue row `row`'s write in the open batch: SQL_SUCCESS when a request for it is queued,
 * SQL_ERROR (with a record naming the row) when it fails here or its key finds no row. */
static SQLRETURN queue_row(bc_stmt *s, const bc_pos_target *t, SQLUSMALLINT op, SQLULEN row)
{
    sqlite3 *db = bc_engine_db(s->dbc->engine);
    int cols[MAX_WRITE_COLUMNS], ncols, step;
    sqlite3_stmt *vm;
    SQLRETURN rc = bc_pos_prepare_row(s, t, op, row, &vm, &ncols, cols);

    if (rc != SQL_SUCCESS)
        return rc;
    bc_engine_batch_row(s->dbc->engine, (long)row);
    step = sqlite3_step(vm);
    if (step != SQLITE_DONE)
        rc = bc_pos_engine_error(s, (SQLLEN)row, step);
    else if (op != SQL_ADD && sqlite3_changes(db) == 0) {
        /* "01001 Cursor operation conflict": the key no longer finds the row. */
        bc_diag_push_at(&s->h.diag, "01001", 0, (SQLLEN)row, SQL_COLUMN_NUMBER_UNKNOWN,
                        "Row %lu is no longer in %s; nothing was written "
                        "for it. Fetch the rows again.",
                        (unsigned long)row, t->table->name);
        rc = SQL_ERROR;
    }
    sqlite3_finalize(vm);
    return rc;
}

static SQLUSMALLINT written_status(SQLUSMALLINT op)
{
    return op == SQL_UPDATE ? SQL_ROW_UPDATED : op == SQL_DELETE ? SQL_ROW_DELETED : SQL_ROW_ADDED;
}

/* SQLSetPos follows the row-operation array; SQLBulkOperations by bookmark does not (the
 * application picks the rows by the bookmarks it puts in column 0). */
static bool skipped(const bc_stmt *s, const bc_pos_target *t, SQLULEN r)
{
    const SQLUSMALLINT *ops = s->ard_cur->array_status_ptr;

    return !t->by_bookmark && ops != NULL && ops[r - 1] == SQL_ROW_IGNORE;
}

/* SQL_REFRESH (and SQL_FETCH_BY_BOOKMARK) of rows first..last, one read each; a row no longer
 * in the store is SQL_ROW_DELETED. */
static SQLRETURN refresh_rows(bc_stmt *s, const bc_pos_target *t, SQLULEN first, SQLULEN last)
{
    SQLUSMALLINT *status = s->ird.array_status_ptr;
    SQLULEN done = 0, failed = 0, read = 0, n = last - first + 1;
    bool *skip = calloc(n, sizeof *skip);
    SQLRETURN *rcs = calloc(n, sizeof *rcs);
    bool many;

    if (skip == NULL || rcs == NULL) {
        free(skip);
        free(rcs);
        return bc_diag_push(&s->h.diag, "HY001", 0, "Out of memory for a refresh.");
    }
    for (SQLULEN r = first; r <= last; r++)
        skip[r - first] = skipped(s, t, r);
    many = bc_pos_read_many(s, t, first, last, skip, rcs);
    for (SQLULEN r = first; r <= last; r++) {
        if (skip[r - first])
            continue;
        SQLRETURN rc = many ? rcs[r - first] : refresh_row(s, t, r);
        if (status != NULL)
            status[r - 1] = rc == SQL_ERROR               ? SQL_ROW_ERROR
                            : rc == SQL_NO_DATA           ? SQL_ROW_DELETED
                            : rc == SQL_SUCCESS_WITH_INFO ? SQL_ROW_SUCCESS_WITH_INFO
                                                          : SQL_ROW_SUCCESS;
        done++;
        failed += rc == SQL_ERROR;
        read += rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO;
    }
    free(skip);
    free(rcs);
    if (t->by_bookmark && s->ird.rows_processed_ptr != NULL)
        *s->ird.rows_processed_ptr = read;
    if (failed == 0)
        return s->h.diag.count > 0 ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
    return failed == done ? SQL_ERROR : SQL_SUCCESS_WITH_INFO;
}

/* The row statuses after the batch was sent: rows the API changed get op's status; a row
 * whose statement took it but that the API was never asked to change was not found by its
 * key (01001). Returns how many rows were written. */
static SQLULEN record_outcomes(bc_stmt *s, const bc_pos_target *t, SQLUSMALLINT op, SQLULEN first,
                               SQLULEN last, const bool *queued)
{
    SQLUSMALLINT *status = s->ird.array_status_ptr;
    SQLULEN written = 0, n = last - first + 1;
    bool *answered = calloc(n, sizeof *answered);
    long row;
    bool ok;

    for (int pos = 0; bc_engine_write_outcome(s->dbc->engine, &pos, &row, &ok);) {
        if (row < (long)first || row > (long)last)
            continue;
        if (answered != NULL)
            answered[row - (long)first] = true;
        if (!ok)
            continue;
        written++;
        if (status != NULL)
            status[row - 1] = written_status(op);
    }
    for (SQLULEN i = 0; answered != NULL && i < n; i++)
        if (queued[i] && !answered[i])
            bc_diag_push_at(&s->h.diag, "01001", 0, (SQLLEN)(first + i), SQL_COLUMN_NUMBER_UNKNOWN,
                            "Row %lu is no longer in %s; nothing was written for it. Fetch the "
                            "rows again.",
                            (unsigned long)(first + i), t->table->name);
    free(answered);
    return written;
}

/* Rows first..last (1-based) written as one batch: each row's keyed statement (or one
 * statement for many rows, setpos_many.c) only queues its request, and closing the batch
 * sends them all in the API's batch form (ten products per PUT, one DELETE ?id:in= for many),
 * as a statement that writes many rows does. The row-operation array skips rows marked
 * SQL_ROW_IGNORE; the row status array reports each row, SQL_ROW_ERROR for a row that failed
 * here or that the API did not change. */
static SQLRETURN write_rows(bc_stmt *s, const bc_pos_target *t, SQLUSMALLINT op, SQLULEN first,
                            SQLULEN last)
{
    SQLUSMALLINT *status = s->ird.array_status_ptr;
    SQLULEN n = last - first + 1, done = 0, written;
    bool *skip = calloc(n, sizeof *skip), *queued = calloc(n, sizeof *queued);
    SQLRETURN rc = skip && queued ? bc_stmt_rows_batch_open(s)
                                  : bc_diag_push(&s->h.diag, "HY001", 0,
                                                 "Out of memory for a positioned write.");

    if (rc != SQL_SUCCESS) {
        free(skip);
        free(queued);
        return rc;
    }
    for (SQLULEN r = first; r <= last; r++) {
        skip[r - first] = skipped(s, t, r);
        if (skip[r - first])
            continue;
        if (status != NULL)
            status[r - 1] = SQL_ROW_ERROR; /* until the API's answer says it was written */
        done++;
    }
    if (!bc_pos_queue_many(s, t, op, first, last, skip, queued))
        for (SQLULEN r = first; r <= last; r++)
            queued[r - first] = !skip[r - first] && queue_row(s, t, op, r) == SQL_SUCCESS;
    rc = bc_stmt_rows_batch_close(s);
    written = record_outcomes(s, t, op, first, last, queued);
    free(skip);
    free(queued);
    /* "After a call to SQLBulkOperations or SQLSetPos, the buffer contains the number of rows
     * that were affected by a bulk operation." */
    if (s->ird.rows_processed_ptr != NULL)
        *s->ird.rows_processed_ptr = written;
    if (rc == SQL_ERROR || written == 0)
        return done == 0 ? SQL_SUCCESS : SQL_ERROR;
    return written < done || s->h.diag.count > 0 ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
}

SQLRETURN bc_stmt_set_pos_write(bc_stmt *s, SQLSETPOSIROW row, SQLUSMALLINT op)
{
    bc_pos_target t;
    SQLRETURN rc;

    if (s->concurrency == SQL_CONCUR_READ_ONLY && op != SQL_REFRESH)
        return bc_diag_push(&s->h.diag, "HY092", 0,
                            "The cursor is read-only; set "
                            "SQL_ATTR_CONCURRENCY to SQL_CONCUR_LOCK before executing to change "
                            "rows through SQLSetPos.");
    if (s->cursor_type == SQL_CURSOR_STATIC)
        return bc_diag_push(&s->h.diag, "HYC00", 0,
                            "Positioned writes and refreshes work on a "
                            "forward-only cursor; leave SQL_ATTR_CURSOR_TYPE at "
                            "SQL_CURSOR_FORWARD_ONLY, or use UPDATE and DELETE statements.");
    rc = bc_pos_find_target(s, op != SQL_REFRESH, &t);
    if (rc != SQL_SUCCESS)
        return rc;
    if (op == SQL_REFRESH)
        return refresh_rows(s, &t, row == 0 ? 1 : row, row == 0 ? s->rowset_rows : row);
    if (op == SQL_ADD && row == 0)
        return write_rows(s, &t, op, 1, s->ard_cur->array_size ? s->ard_cur->array_size : 1);
    return write_rows(s, &t, op, row == 0 ? 1 : row, row == 0 ? s->rowset_rows : row);
}

/* SQL_UPDATE_BY_BOOKMARK, SQL_DELETE_BY_BOOKMARK, SQL_FETCH_BY_BOOKMARK: the rows named by the
 * bookmarks in column 0's buffers (SQL_ATTR_ROW_ARRAY_SIZE of them), whatever the rowset holds.
 * Updates and deletes go out as one batch, like SQLSetPos's. */
static SQLRETURN by_bookmark(bc_stmt *s, SQLSMALLINT op)
{
    SQLULEN n = s->ard_cur->array_size ? s->ard_cur->array_size : 1;
    bc_pos_target t;
    SQLRETURN rc;

    if (s->use_bookmarks == SQL_UB_OFF)
        return bc_diag_push(&s->h.diag, "HY092", 0,
                            "Operations by bookmark need SQL_ATTR_USE_BOOKMARKS set to "
                            "SQL_UB_VARIABLE before the query is executed.");
    if (!bc_bookmark_bound(s))
        return bc_diag_push(&s->h.diag, "07009", 0,
                            "Bind column 0 to the array of bookmarks of the rows to %s.",
                            op == SQL_FETCH_BY_BOOKMARK    ? "fetch"
                            : op == SQL_DELETE_BY_BOOKMARK ? "delete"
                                                           : "update");
    if (op != SQL_FETCH_BY_BOOKMARK && s->cursor_type == SQL_CURSOR_STATIC)
        return bc_diag_push(&s->h.diag, "HYC00", 0,
                            "A static cursor fetches by bookmark but does not change rows; "
                            "update or delete by bookmark on a forward-only cursor.");
    if (op != SQL_FETCH_BY_BOOKMARK && s->concurrency == SQL_CONCUR_READ_ONLY)
        return bc_diag_push(&s->h.diag, "HY092", 0,
                            "The cursor is read-only; set SQL_ATTR_CONCURRENCY to "
                            "SQL_CONCUR_LOCK before executing to change rows by bookmark.");
    rc = bc_pos_find_target(s, op != SQL_FETCH_BY_BOOKMARK, &t);
    if (rc != SQL_SUCCESS)
        return rc;
    t.by_bookmark = true;
    if (op == SQL_FETCH_BY_BOOKMARK)
        return refresh_rows(s, &t, 1, n);
    return write_rows(s, &t, op == SQL_UPDATE_BY_BOOKMARK ? SQL_UPDATE : SQL_DELETE, 1, n);
}

SQLRETURN bc_stmt_bulk_operations(bc_stmt *s, SQLSMALLINT op)
{
    if (s->state != BC_STMT_CURSOR)
        return bc_diag_push(&s->h.diag, "24000", 0,
                            "SQLBulkOperations needs an open result set of the table whose rows "
                            "it adds or changes.");
    switch (op) {
    case SQL_ADD:
        return bc_stmt_set_pos_write(s, 0, SQL_ADD);
    case SQL_UPDATE_BY_BOOKMARK:
    case SQL_DELETE_BY_BOOKMARK:
    case SQL_FETCH_BY_BOOKMARK:
        return by_bookmark(s, op);
    default:
        return bc_diag_push(&s->h.diag, "HY092", 0,
                            "SQLBulkOperations operation %d is not one ODBC defines.", (int)op);
    }
}
