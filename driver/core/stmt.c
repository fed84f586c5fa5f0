/*
 * Statements: allocation, prepare (routing procedure calls to procs, everything else to
 * SQLite), execute, the cursor's life cycle, cancel and time-outs.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "bc_handles.h"
#include "bc_procs.h"
#include "bc_sql.h"
#include "bc_util.h"

SQLRETURN bc_stmt_alloc(bc_dbc *dbc, bc_stmt **out)
{
    bc_stmt *s;

    if (!dbc->connected)
        return bc_diag_push(&dbc->h.diag, "08003", 0, "The connection is not open.");
    s = calloc(1, sizeof *s);
    if (s == NULL)
        return bc_diag_push(&dbc->h.diag, "HY001", 0, "Out of memory allocating a statement.");
    bc_handle_init(&s->h, SQL_HANDLE_STMT, &dbc->h);
    s->dbc = dbc;
    bc_desc_init(&s->ard, BC_DESC_ARD, dbc, s);
    bc_desc_init(&s->apd, BC_DESC_APD, dbc, s);
    bc_desc_init(&s->ird, BC_DESC_IRD, dbc, s);
    bc_desc_init(&s->ipd, BC_DESC_IPD, dbc, s);
    s->ard_cur = &s->ard;
    s->apd_cur = &s->apd;
    s->cursor_type = SQL_CURSOR_FORWARD_ONLY;
    s->concurrency = SQL_CONCUR_READ_ONLY;
    s->noscan = SQL_NOSCAN_OFF;
    s->retrieve_data = SQL_RD_ON;
    s->use_bookmarks = SQL_UB_OFF;
    s->cursor_scrollable = SQL_NONSCROLLABLE;
    s->cursor_sensitivity = SQL_INSENSITIVE;
    s->async_enable = SQL_ASYNC_ENABLE_OFF;
    s->metadata_id = dbc->metadata_id;
    s->row_count = -1;
    s->next = dbc->stmts;
    dbc->stmts = s;
    *out = s;
    return SQL_SUCCESS;
}

/* Forget the prepared statement and its result description. */
static void stmt_unprepare(bc_stmt *s)
{
    if (s->vm != NULL)
        sqlite3_finalize(s->vm);
    bc_rowset_clear(s);
    s->vm = NULL;
    bc_dae_free(s);
    if (s->proc != NULL)
        bc_proc_call_free(s->proc);
    s->proc = NULL;
    free(s->sql);
    s->sql = NULL;
    free(s->col_types);
    s->col_types = NULL;
    s->col_types_final = false;
    s->described = false;
    s->ncols = 0;
    bc_desc_clear(&s->ird);
    s->has_row = s->done = false;
    s->row_count = -1;
    s->state = BC_STMT_ALLOCATED;
}

/* Called with the connection's lock held. */
void bc_stmt_free(bc_stmt *s)
{
    bc_dbc *dbc = s->dbc;

    stmt_unprepare(s);
    for (bc_stmt **pp = &dbc->stmts; *pp != NULL; pp = &(*pp)->next) {
        if (*pp == s) {
            *pp = s->next;
            break;
        }
    }
    bc_rowset_free(s);
    bc_desc_clear(&s->ard);
    bc_desc_clear(&s->apd);
    bc_desc_clear(&s->ipd);
    bc_handle_destroy(&s->ard.h);
    bc_handle_destroy(&s->apd.h);
    bc_handle_destroy(&s->ird.h);
    bc_handle_destroy(&s->ipd.h);
    free(s->cursor_name);
    bc_handle_destroy(&s->h);
    free(s);
}

static SQLRETURN push_bc_error(bc_stmt *s, const bc_error *e)
{
    return bc_diag_push(&s->h.diag, e->sqlstate[0] ? e->sqlstate : "HY000", (SQLINTEGER)e->native,
                        "%s", e->message);
}

/* The error of a failed prepare or step: the virtual table's structured error when it
 * recorded one (SQLSTATE + HTTP status), else SQLite's own, time-outs as HYT00. */
static SQLRETURN push_sqlite_error(bc_stmt *s, int rc)
{
    bc_error e;

    bc_error_clear(&e);
    if (s->timed_out) {
        bc_engine_take_error(s->dbc->engine, &e); /* the cancellation it caused */
        return bc_diag_push(&s->h.diag, "HYT00", 0,
                            "The query time-out (SQL_ATTR_QUERY_TIMEOUT) expired.");
    }
    if (!bc_engine_take_error(s->dbc->engine, &e))
        bc_engine_error_from_sqlite(bc_engine_db(s->dbc->engine), rc, &e);
    return push_bc_error(s, &e);
}

/* Whether the text after the first statement holds another one: blanks, ';' and comments
 * do not count (SQLite prepares those to no statement). */
static bool tail_is_blank(sqlite3 *db, const char *t)
{
    sqlite3_stmt *next = NULL;
    bool blank = true;

    for (const char *p = t; p != NULL && *p != '\0'; p++) {
        if (!isspace((unsigned char)*p) && *p != ';') {
            blank = false;
            break;
        }
    }
    if (blank)
        return true;
    /* A syntax error in the tail also means there is more than one statement. */
    if (sqlite3_prepare_v2(db, t, -1, &next, NULL) != SQLITE_OK)
        return false;
    blank = next == NULL;
    sqlite3_finalize(next);
    return blank;
}

static SQLRETURN prepare_sql(bc_stmt *s, const char *sql)
{
    bc_error e;
    const char *tail = NULL;
    sqlite3 *db = bc_engine_db(s->dbc->engine);
    int rc;

    bc_error_clear(&e);
    /* SQL_NOSCAN_ON: the application promises there are no escapes to rewrite. */
    s->sql = s->noscan == SQL_NOSCAN_ON ? bc_strdup(sql) : bc_sql_rewrite_escapes(sql, &e);
    if (s->sql == NULL)
        return bc_error_is_set(&e) ? push_bc_error(s, &e)
                                   : bc_diag_push(&s->h.diag, "HY001", 0, "Out of memory.");
    rc = sqlite3_prepare_v2(db, s->sql, -1, &s->vm, &tail);
    if (rc != SQLITE_OK)
        return push_sqlite_error(s, rc);
    if (s->vm == NULL)
        return bc_diag_push(&s->h.diag, "42000", 0, "The statement text is empty.");
    if (!tail_is_blank(db, tail))
        return bc_diag_push(&s->h.diag, "42000", 0,
                            "Only one statement can be run per call; split the text at ';'.");
    return SQL_SUCCESS;
}

SQLRETURN bc_stmt_prepare(bc_stmt *s, const char *sql)
{
    bc_error e;
    SQLRETURN rc;
    int routed;

    if (s->state == BC_STMT_CURSOR)
        return bc_diag_push(&s->h.diag, "24000", 0,
                            "A result set is open; call SQLCloseCursor before preparing.");
    stmt_unprepare(s);
    if (sql == NULL)
        return bc_diag_push(&s->h.diag, "HY009", 0, "The statement text is a null pointer.");
    bc_log(2, "statement %p: %s", (void *)s, sql);
    bc_error_clear(&e);
    routed = bc_proc_parse(sql, &s->proc, &e);
    if (routed < 0)
        return push_bc_error(s, &e);
    if (routed == 1) {
        s->sql = bc_strdup(sql);
        if (bc_proc_prepare_result(bc_engine_db(s->dbc->engine), s->proc, &s->vm, &e) != 0) {
            stmt_unprepare(s);
            return push_bc_error(s, &e);
        }
        rc = SQL_SUCCESS;
    } else {
        rc = prepare_sql(s, sql);
    }
    if (rc == SQL_SUCCESS)
        rc = bc_stmt_describe_columns(s);
    if (rc != SQL_SUCCESS && rc != SQL_SUCCESS_WITH_INFO) {
        stmt_unprepare(s);
        return rc;
    }
    s->state = BC_STMT_PREPARED;
    return rc;
}

/* Stops the virtual machine of this statement only (sqlite3_interrupt would also stop the
 * next step of every other open cursor on the connection). */
static int progress_cb(void *arg)
{
    bc_stmt *s = arg;

    if (s->deadline_ms > 0 && bc_now_ms() > s->deadline_ms) {
        s->timed_out = true;
        return 1;
    }
    return bc_flag_get(&s->dbc->cancel) ? 1 : 0;
}

void bc_stmt_arm_timeout(bc_stmt *s)
{
    s->deadline_ms = s->query_timeout > 0 ? bc_now_ms() + (long long)s->query_timeout * 1000 : 0;
}

/* One step under the call's deadline: the progress handler stops CPU-bound work, the
 * watchdog stops waits on the API. */
int bc_stmt_step(bc_stmt *s)
{
    sqlite3 *db = bc_engine_db(s->dbc->engine);
    bc_watchdog w;
    int rc;

    s->timed_out = false;
    bc_stmt_run_begin(s);
    sqlite3_progress_handler(db, 1000, progress_cb, s);
    bc_watchdog_start(&w, s);
    rc = sqlite3_step(s->vm);
    bc_watchdog_stop(&w);
    sqlite3_progress_handler(db, 0, NULL, NULL);
    bc_stmt_run_end(s);
    if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        return rc;
    push_sqlite_error(s, rc);
    sqlite3_reset(s->vm);
    return -1;
}

SQLLEN bc_stmt_max_rows(const bc_stmt *s)
{
    SQLLEN a = (SQLLEN)s->max_rows, b = s->dbc->props.max_rows;

    if (a > 0 && b > 0)
        return a < b ? a : b;
    return a > 0 ? a : b;
}

static SQLRETURN run_procedure(bc_stmt *s)
{
    bc_error e;
    char **values = NULL;
    int n = s->proc->nparams;
    SQLRETURN rc = bc_stmt_param_texts(s, n, 0, &values);

    if (rc != SQL_SUCCESS)
        return rc;
    bc_error_clear(&e);
    sqlite3_reset(s->vm);
    bc_stmt_run_begin(s);
    if (bc_proc_execute(&s->dbc->props, s->dbc->api, s->proc, values, n, s->vm, &e) != 0)
        rc = push_bc_error(s, &e);
    bc_stmt_run_end(s);
    bc_stmt_free_param_texts(values, n);
    return rc;
}

static void set_param_status(bc_stmt *s, SQLULEN row, SQLUSMALLINT v)
{
    if (s->ipd.array_status_ptr != NULL)
        s->ipd.array_status_ptr[row] = v;
}

/* An array of parameter sets runs the statement once per set (SQL_PARC_NO_BATCH: the row
 * count is the sum). Result-set statements cannot take arrays (SQL_PAS_NO_SELECT). */
static SQLRETURN execute_param_array(bc_stmt *s)
{
    const bc_desc *apd = s->apd_cur;
    SQLULEN n = apd->array_size, done = 0;
    SQLLEN total = 0;
    bool errors = false;

    if (s->ncols > 0)
        return bc_diag_push(&s->h.diag, "HYC00", 0,
                            "A query cannot be run with an array of parameters; set "
                            "SQL_ATTR_PARAMSET_SIZE to 1.");
    SQLRETURN brc = SQL_SUCCESS;
    bool batch = bc_stmt_batch_open(s, &brc);
    if (brc == SQL_ERROR)
        return brc;
    for (SQLULEN row = 0; row < n; row++) {
        if (apd->array_status_ptr != NULL && apd->array_status_ptr[row] == SQL_PARAM_IGNORE) {
            set_param_status(s, row, SQL_PARAM_UNUSED);
            continue;
        }
        sqlite3_reset(s->vm);
        if (batch)
            bc_engine_batch_row(s->dbc->engine, (long)row + 1);
        SQLRETURN rc = bc_stmt_apply_params(s, s->vm, row);
        int step = rc == SQL_SUCCESS ? bc_stmt_step(s) : -1;
        if (step < 0) {
            errors = true;
            set_param_status(s, row, SQL_PARAM_ERROR);
        } else {
            total += sqlite3_changes(bc_engine_db(s->dbc->engine));
            set_param_status(s, row, SQL_PARAM_SUCCESS);
        }
        done++;
    }
    if (s->ipd.rows_processed_ptr != NULL)
        *s->ipd.rows_processed_ptr = done;
    s->row_count = total;
    if (batch && bc_stmt_batch_close(s, &errors) == SQL_ERROR)
        return SQL_ERROR;
    s->has_row = false;
    s->done = true;
    s->state = BC_STMT_EXECUTED;
    if (errors)
        return done > 1 ? SQL_SUCCESS_WITH_INFO : SQL_ERROR;
    return SQL_SUCCESS;
}

/* Bind the parameters, then step once so that errors surface at execute; has_row keeps the
 * first row for SQLFetch. */
SQLRETURN bc_stmt_execute(bc_stmt *s)
{
    SQLRETURN rc;

    if (s->state == BC_STMT_ALLOCATED || s->vm == NULL)
        return bc_diag_push(&s->h.diag, "HY010", 0, "SQLExecute needs SQLPrepare first.");
    if (s->state == BC_STMT_CURSOR)
        return bc_diag_push(&s->h.diag, "24000", 0,
                            "A result set is open; call SQLCloseCursor before executing.");
    rc = bc_dae_start(s, s->proc != NULL ? s->proc->nparams : sqlite3_bind_parameter_count(s->vm));
    if (rc != SQL_SUCCESS)
        return rc;
    return bc_stmt_run(s);
}

static SQLRETURN run_bound(bc_stmt *s);

SQLRETURN bc_stmt_run(bc_stmt *s)
{
    bc_stmt_run_begin(s);
    SQLRETURN rc = run_bound(s);
    bc_stmt_run_end(s);
    return rc;
}

static SQLRETURN run_bound(bc_stmt *s)
{
    SQLRETURN rc;
    int step;

    sqlite3_reset(s->vm);
    bc_stmt_arm_timeout(s);
    if (s->apd_cur->array_size > 1 && s->proc == NULL)
        return execute_param_array(s);
    if (s->proc != NULL)
        rc = run_procedure(s);
    else
        rc = bc_stmt_apply_params(s, s->vm, 0);
    if (rc != SQL_SUCCESS && rc != SQL_SUCCESS_WITH_INFO)
        return rc;
    if (s->ipd.rows_processed_ptr != NULL)
        *s->ipd.rows_processed_ptr = 1;
    s->has_row = s->done = false;
    s->rows_fetched_total = 0;
    s->row_count = -1;
    s->getdata_col = 0;
    bc_engine_begin_statement(s->dbc->engine);
    step = bc_stmt_step(s);
    if (step < 0)
        return SQL_ERROR;
    s->has_row = step == SQLITE_ROW;
    s->done = step == SQLITE_DONE;
    if (s->ncols > 0) {
        SQLRETURN drc = bc_stmt_describe_columns(s);
        if (drc == SQL_ERROR)
            return drc;
        s->state = BC_STMT_CURSOR;
    } else {
        s->state = BC_STMT_EXECUTED;
        rc = bc_stmt_finish_change(s, rc);
    }
    return rc;
}

SQLRETURN bc_stmt_exec_direct(bc_stmt *s, const char *sql)
{
    SQLRETURN rc;

    if (s->state == BC_STMT_CURSOR)
        return bc_diag_push(&s->h.diag, "24000", 0,
                            "A result set is open; call SQLCloseCursor before executing.");
    rc = bc_stmt_prepare(s, sql);
    if (rc != SQL_SUCCESS && rc != SQL_SUCCESS_WITH_INFO)
        return rc;
    return bc_stmt_execute(s);
}

/* A result set that comes ready-made (catalog functions): vm is owned from now on. */
SQLRETURN bc_stmt_set_result(bc_stmt *s, sqlite3_stmt *vm)
{
    SQLRETURN rc;
    int step;

    stmt_unprepare(s);
    s->vm = vm;
    rc = bc_stmt_describe_columns(s);
    if (rc == SQL_ERROR)
        return rc;
    s->state = BC_STMT_PREPARED;
    s->rows_fetched_total = 0;
    bc_stmt_arm_timeout(s);
    step = bc_stmt_step(s);
    if (step < 0)
        return SQL_ERROR;
    s->has_row = step == SQLITE_ROW;
    s->done = step == SQLITE_DONE;
    s->state = BC_STMT_CURSOR;
    return bc_stmt_describe_columns(s);
}
