/*
 * The cursor's life cycle after execution: closing it, SQLFreeStmt's options, row counts,
 * SQLMoreResults and SQLCancel.
 */
#include "bc_handles.h"

SQLRETURN bc_stmt_close_cursor(bc_stmt *s, bool must_be_open)
{
    if (s->state != BC_STMT_CURSOR) {
        if (must_be_open)
            return bc_diag_push(&s->h.diag, "24000", 0, "No cursor is open.");
        return SQL_SUCCESS;
    }
    if (s->vm != NULL)
        sqlite3_reset(s->vm);
    s->has_row = false;
    s->done = true;
    s->getdata_col = 0;
    bc_rowset_clear(s);
    s->state = BC_STMT_PREPARED;
    return SQL_SUCCESS;
}

SQLRETURN bc_stmt_free_stmt(bc_stmt *s, SQLUSMALLINT option)
{
    switch (option) {
    case SQL_CLOSE:
        return bc_stmt_close_cursor(s, false);
    case SQL_UNBIND:
        bc_desc_clear(s->ard_cur);
        return SQL_SUCCESS;
    case SQL_RESET_PARAMS:
        bc_desc_clear(s->apd_cur);
        bc_desc_clear(&s->ipd);
        return SQL_SUCCESS;
    default:
        return bc_diag_push(&s->h.diag, "HY092", 0, "Invalid SQLFreeStmt option %u.",
                            (unsigned)option);
    }
}

SQLRETURN bc_stmt_row_count(bc_stmt *s, SQLLEN *count)
{
    if (s->state != BC_STMT_EXECUTED && s->state != BC_STMT_CURSOR)
        return bc_diag_push(&s->h.diag, "HY010", 0, "SQLRowCount needs an executed statement.");
    if (count != NULL)
        *count = s->row_count; /* -1 for a result set, until SQLSetPos writes rows of it */
    return SQL_SUCCESS;
}

/* Every statement yields at most one result set. */
SQLRETURN bc_stmt_more_results(bc_stmt *s)
{
    if (s->state == BC_STMT_CURSOR)
        bc_stmt_close_cursor(s, false);
    return SQL_NO_DATA;
}

/* Which statement of each connection is inside the engine right now. SQLCancel reads it from
 * another thread without the connection's lock, so one process-wide mutex guards the
 * pointer and the engine's cancel flag together: a cancel can only ever reach the statement
 * that is running, never an idle one or the next statement the flag would otherwise
 * still be set for. */
static pthread_mutex_t running_lock = PTHREAD_MUTEX_INITIALIZER;

/* Calls nest (an execute steps, a fetch scroll fetches): the outermost one marks the
 * statement running and clears a cancel left from before; only the connection's lock holder
 * gets here, so the depth needs no lock of its own. */
void bc_stmt_run_begin(bc_stmt *s)
{
    if (s->dbc->running_depth++ > 0)
        return;
    pthread_mutex_lock(&running_lock);
    bc_engine_reset_cancel(s->dbc->engine);
    s->dbc->running = s;
    pthread_mutex_unlock(&running_lock);
}

void bc_stmt_run_end(bc_stmt *s)
{
    if (--s->dbc->running_depth > 0)
        return;
    pthread_mutex_lock(&running_lock);
    s->dbc->running = NULL;
    bc_engine_reset_cancel(s->dbc->engine);
    pthread_mutex_unlock(&running_lock);
}

/* "SQLCancel can cancel ... a function running on the statement in another thread"; on a
 * statement with nothing running it has no effect (other than ending a data-at-execution
 * sequence, which the caller handles under the lock). Runs without the statement's lock:
 * the thread that holds it is the one to interrupt. */
SQLRETURN bc_stmt_cancel(bc_stmt *s)
{
    bc_dbc *dbc = s->dbc;

    pthread_mutex_lock(&running_lock);
    if (dbc != NULL && dbc->engine != NULL && dbc->running == s)
        bc_engine_cancel(dbc->engine);
    pthread_mutex_unlock(&running_lock);
    return SQL_SUCCESS;
}
