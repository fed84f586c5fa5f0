/*
 * What a statement that writes to BigCommerce returns (docs/ARCHITECTURE.md, "A write"):
 * SQLRowCount is the number of rows the API changed; each row that failed (or was written with a
 * warning) is a diagnostic record with its row number; "If SQLExecute executes a searched update,
 * insert, or delete statement that does not affect any rows at the data source, the call to
 * SQLExecute returns SQL_NO_DATA."
 */
#include "bc_handles.h"

/* Diagnostic records for at most this many rows; sys_lastresult has them all. */
#define MAX_ROW_RECORDS 100

/* One record per problem row (up to MAX_ROW_RECORDS, then one that counts the rest); marks
 * failed parameter sets in the status array when asked. Returns how many rows failed. */
static long push_problems(bc_stmt *s, bool set_status)
{
    bc_error e;
    long row, failed_rows = 0, pushed = 0, left = 0;
    bool failed;

    for (int pos = 0; bc_engine_write_problem(s->dbc->engine, &pos, &row, &failed, &e);) {
        if (pushed < MAX_ROW_RECORDS) {
            bc_diag_push_at(&s->h.diag, e.sqlstate, (SQLINTEGER)e.native, row,
                            SQL_COLUMN_NUMBER_UNKNOWN, "Row %ld %s: %s", row,
                            failed ? "failed" : "was written, with a warning", e.message);
            pushed++;
        } else {
            left++;
        }
        if (!failed)
            continue;
        failed_rows++;
        if (set_status && s->ipd.array_status_ptr != NULL && row >= 1)
            s->ipd.array_status_ptr[row - 1] = SQL_PARAM_ERROR;
    }
    if (left > 0)
        bc_diag_push(&s->h.diag, "01000", 0,
                     "%ld more rows failed or were written with a warning; SELECT * FROM "
                     "sys_lastresult lists every row and why.",
                     left);
    return failed_rows;
}

SQLRETURN bc_stmt_finish_change(bc_stmt *s, SQLRETURN rc)
{
    long changed, failed;

    if (!bc_engine_write_changes(s->dbc->engine, &changed)) {
        s->row_count = sqlite3_changes(bc_engine_db(s->dbc->engine));
        return rc;
    }
    s->row_count = changed;
    s->dbc->unended_writes += changed;
    failed = push_problems(s, false);
    if (failed > 0)
        return changed > 0 ? SQL_SUCCESS_WITH_INFO : SQL_ERROR;
    if (s->h.diag.count > 0 && rc == SQL_SUCCESS)
        rc = SQL_SUCCESS_WITH_INFO; /* rows written with a warning */
    return changed == 0 && rc == SQL_SUCCESS ? SQL_NO_DATA : rc;
}

/* Start queueing the writes of several executions as one batch. */
static SQLRETURN start_batch(bc_stmt *s)
{
    bc_error e;

    bc_error_clear(&e);
    bc_engine_begin_statement(s->dbc->engine);
    if (bc_engine_batch_begin(s->dbc->engine, &e) != 0)
        return bc_diag_push(&s->h.diag, e.sqlstate, (SQLINTEGER)e.native, "%s", e.message);
    return SQL_SUCCESS;
}

/* Send the batch: the row count, and a record per problem row (marked in the parameter
 * status array when param_status). */
static SQLRETURN end_batch(bc_stmt *s, bool param_status, bool *errors)
{
    bc_error e;
    long changed;

    bc_error_clear(&e);
    if (bc_engine_batch_end(s->dbc->engine, &e) != 0) {
        bc_diag_push(&s->h.diag, e.sqlstate, (SQLINTEGER)e.native, "%s", e.message);
        return SQL_ERROR;
    }
    if (!bc_engine_write_changes(s->dbc->engine, &changed))
        return SQL_SUCCESS;
    s->row_count = changed;
    s->dbc->unended_writes += changed;
    if (push_problems(s, param_status) > 0) {
        *errors = true;
        return SQL_SUCCESS_WITH_INFO;
    }
    return SQL_SUCCESS;
}

bool bc_stmt_batch_open(bc_stmt *s, SQLRETURN *rc)
{
    if (sqlite3_stmt_readonly(s->vm))
        return false;
    *rc = start_batch(s);
    return *rc == SQL_SUCCESS;
}

SQLRETURN bc_stmt_batch_close(bc_stmt *s, bool *errors)
{
    return end_batch(s, true, errors);
}

SQLRETURN bc_stmt_rows_batch_open(bc_stmt *s)
{
    return start_batch(s);
}

SQLRETURN bc_stmt_rows_batch_close(bc_stmt *s)
{
    bool errors = false;

    s->row_count = 0;
    return end_batch(s, false, &errors);
}
