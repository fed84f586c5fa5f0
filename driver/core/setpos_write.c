/*
 * SQLSetPos(SQL_UPDATE / SQL_DELETE / SQL_REFRESH / SQL_ADD) and SQLBulkOperations (SQL_ADD and
 * the three operations by bookmark) on a result set read from one table with its whole primary
 * key. Each row becomes an UPDATE, DELETE or INSERT keyed by the key values the row was fetched
 * with (or by its bookmark, which is that key), run on the connection's engine, so it takes the
 * same path (write specs, Readonly, 422 reporting) as SQL text; the values are the
 * application's bound column buffers. The rows of one call are queued in one batch and sent
 * together in the API's batch form; setpos_many.c makes one statement of many rows where the
 * key allows it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bc_convert.h"
#include "setpos_internal.h"

#define SQL_TEXT_CAP 16384
#define MAX_KEY_COLUMNS 8

static bool same_name(const char *a, const char *b)
{
    return a != NULL && b != NULL && strcasecmp(a, b) == 0;
}

int bc_pos_result_column(const bc_stmt *s, const char *name)
{
    for (int c = 1; c <= s->ncols && c <= s->ird.count; c++)
        if (same_name(s->ird.recs[c].base_column_name, name))
            return c;
    return 0;
}

/* Every result column must come from one table (one the driver writes, unless the operation
 * only reads), and its key must be there. */
static SQLRETURN find_target(bc_stmt *s, bool writes, bc_pos_target *out)
{
    const char *name = s->ncols > 0 ? s->ird.recs[1].base_table_name : NULL;

    for (int c = 1; c <= s->ncols; c++)
        if (name == NULL || !same_name(s->ird.recs[c].base_table_name, name) ||
            s->ird.recs[c].base_column_name == NULL || !s->ird.recs[c].base_column_name[0])
            return bc_diag_push(&s->h.diag, "HYC00", 0,
                                "Positioned writes need a result set whose "
                                "every column is a column of one table (column %d is not); "
                                "use UPDATE, DELETE or INSERT statements instead.",
                                c);
    out->table = bc_catalog_find(name);
    out->spec = out->table != NULL && !out->table->is_view ? bc_write_spec_find(name) : NULL;
    out->by_bookmark = false;
    if (out->table == NULL || (writes && out->spec == NULL))
        return bc_diag_push(&s->h.diag, "HYC00", 0,
                            "%s cannot be written, so its rows cannot be "
                            "changed through SQLSetPos or SQLBulkOperations.",
                            name);
    for (int i = 0; i < out->table->ncolumns; i++) {
        const bc_column_def *col = &out->table->columns[i];
        if ((col->flags & BC_COLF_PK) && bc_pos_result_column(s, col->name) == 0)
            return bc_diag_push(&s->h.diag, "HYC00", 0,
                                "The result set lacks %s, part of the key "
                                "of %s; select it to change rows through SQLSetPos.",
                                col->name, out->table->name);
    }
    return SQL_SUCCESS;
}

sqlite3_value *bc_pos_fetched_value(bc_stmt *s, SQLULEN row, int col)
{
    if (s->rowset_rows > 1)
        return s->rowset_values[(size_t)(row - 1) * (size_t)s->ncols + (size_t)(col - 1)];
    return sqlite3_column_value(s->vm, col - 1);
}

/* Whether bound column col of buffer row `row` (0-based) carries a value to send. */
static bool sends_column(const bc_stmt *s, int col, SQLULEN row)
{
    const bc_desc *ard = s->ard_cur;
    SQLPOINTER data;
    SQLLEN *ind, *len;

    if (col > ard->count ||
        (ard->recs[col].data_ptr == NULL && ard->recs[col].indicator_ptr == NULL))
        return false;
    bc_desc_bound_ptrs(ard, &ard->recs[col], row, &data, &ind, &len);
    return ind == NULL || *ind != SQL_COLUMN_IGNORE;
}

/* Whether an INSERT may set the column: the POST body takes it, or it names the parent. */
static bool insertable(const bc_write_spec *w, const char *name)
{
    char brace[128];

    snprintf(brace, sizeof brace, "{%s}", name);
    return bc_write_spec_lists(w->insert_columns, name) ||
           (w->insert_path != NULL && strstr(w->insert_path, brace) != NULL);
}

static void append(char *buf, const char *text)
{
    size_t n = strlen(buf);
    snprintf(buf + n, SQL_TEXT_CAP - n, "%s", text);
}

static void append_name(char *buf, const char *name)
{
    append(buf, "\"");
    append(buf, name);
    append(buf, "\"");
}

int bc_pos_value_columns(bc_stmt *s, const bc_pos_target *t, SQLUSMALLINT op, SQLULEN row,
                         int *cols)
{
    int n = 0;

    for (int c = 1; c <= s->ncols && n < MAX_WRITE_COLUMNS; c++) {
        const char *name = s->ird.recs[c].base_column_name;
        if (!sends_column(s, c, row))
            continue;
        if (op == SQL_ADD ? insertable(t->spec, name)
                          : bc_write_spec_lists(t->spec->update_columns, name))
            cols[n++] = c;
    }
    return n;
}

static void append_key_terms(char *sql, const bc_stmt *s, const bc_pos_target *t, int *keys,
                             int *nkeys)
{
    append(sql, " WHERE ");
    for (int i = 0; i < t->table->ncolumns; i++) {
        const bc_column_def *col = &t->table->columns[i];
        if (!(col->flags & BC_COLF_PK) || *nkeys >= MAX_KEY_COLUMNS)
            continue;
        if (*nkeys > 0)
            append(sql, " AND ");
        append_name(sql, col->name);
        append(sql, " = ?");
        keys[(*nkeys)++] = bc_pos_result_column(s, col->name);
    }
}

/* The SQL of one row's write; cols[] gets the value columns, keys[] the key columns. */
static void build_sql(bc_stmt *s, const bc_pos_target *t, SQLUSMALLINT op, int ncols,
                      const int *cols, int *keys, int *nkeys, char *sql)
{
    sql[0] = 0;
    *nkeys = 0;
    if (op == SQL_ADD) {
        append(sql, "INSERT INTO ");
        append_name(sql, t->table->name);
        append(sql, "(");
        for (int i = 0; i < ncols; i++) {
            append(sql, i ? ", " : "");
            append_name(sql, s->ird.recs[cols[i]].base_column_name);
        }
        append(sql, ") VALUES (");
        for (int i = 0; i < ncols; i++)
            append(sql, i ? ", ?" : "?");
        append(sql, ")");
        return;
    }
    if (op == SQL_DELETE) {
        append(sql, "DELETE FROM ");
        append_name(sql, t->table->name);
    } else {
        append(sql, op == SQL_REFRESH ? "SELECT " : "UPDATE ");
        if (op == SQL_UPDATE)
            append_name(sql, t->table->name);
        append(sql, op == SQL_UPDATE ? " SET " : "");
        for (int i = 0; i < ncols; i++) {
            append(sql, i ? ", " : "");
            append_name(sql, s->ird.recs[cols[i]].base_column_name);
            append(sql, op == SQL_UPDATE ? " = ?" : "");
        }
        if (op == SQL_REFRESH) {
            append(sql, " FROM ");
            append_name(sql, t->table->name);
        }
    }
    append_key_terms(sql, s, t, keys, nkeys);
}

SQLRETURN bc_pos_bind_value(bc_stmt *s, sqlite3_stmt *vm, int idx, SQLULEN row, int col)
{
    const bc_desc_rec *a = &s->ard_cur->recs[col], *ir = &s->ird.recs[col];
    SQLPOINTER data;
    SQLLEN *ind, *len;
    bc_error e;

    bc_desc_bound_ptrs(s->ard_cur, a, row - 1, &data, &ind, &len);
    bc_error_clear(&e);
    if (bc_convert_bind_param(vm, idx, a->concise_type, ir->concise_type, ir->scale, data,
                              a->octet_length, ind != NULL ? ind : len, &e) != SQL_SUCCESS)
        return bc_diag_push_at(&s->h.diag, e.sqlstate[0] ? e.sqlstate : "HY000",
                               (SQLINTEGER)e.native, (SQLLEN)row, col, "%s", e.message);
    return SQL_SUCCESS;
}

/* Row `row`'s (0-based buffer row) values of cols[] to parameters 1..ncols. */
static SQLRETURN bind_values(bc_stmt *s, sqlite3_stmt *vm, SQLULEN row, int ncols, const int *cols)
{
    SQLRETURN rc = SQL_SUCCESS;

    for (int i = 0; i < ncols && rc == SQL_SUCCESS; i++)
        rc = bc_pos_bind_value(s, vm, i + 1, row + 1, cols[i]);
    return rc;
}

/* SQL_REFRESH: the row read again by its key, into the bound buffers of rowset row `row`. */
static SQLRETURN refresh_into_buffers(bc_stmt *s, sqlite3_stmt *vm, SQLULEN row, int ncols,
                                      const int *cols)
{
    int step = sqlite3_step(vm);

    if (step == SQLITE_DONE)
        return bc_pos_row_gone(s, row);
    if (step != SQLITE_ROW)
        return SQL_ERROR;
    return bc_pos_fill_buffers(s, vm, row, ncols, cols);
}

SQLRETURN bc_pos_row_gone(bc_stmt *s, SQLULEN row)
{
    bc_diag_push_at(&s->h.diag, "01000", 0, (SQLLEN)row, SQL_COLUMN_NUMBER_UNKNOWN,
                    "Row %lu is no longer in the store; nothing was read for it.",
                    (unsigned long)row);
    return SQL_NO_DATA;
}

SQLRETURN bc_pos_fill_buffers(bc_stmt *s, sqlite3_stmt *vm, SQLULEN row, int ncols, const int *cols)
{
    SQLRETURN rc = SQL_SUCCESS;

    for (int i = 0; i < ncols; i++) {
        const bc_desc_rec *a = &s->ard_cur->recs[cols[i]];
        bc_cell cell = {sqlite3_column_value(vm, i), &s->col_types[cols[i] - 1]};
        SQLPOINTER data;
        SQLLEN *ind, *len, consumed = 0;
        bc_error e;

        bc_desc_bound_ptrs(s->ard_cur, a, row - 1, &data, &ind, &len);
        bc_error_clear(&e);
        if (data != NULL && bc_stmt_convert(s, &cell, a->concise_type, data, a->octet_length, 0,
                                            ind != NULL ? ind : len, &consumed, &e) == SQL_ERROR)
            rc = bc_diag_push_at(&s->h.diag, e.sqlstate[0] ? e.sqlstate : "HY000",
                                 (SQLINTEGER)e.native, (SQLLEN)row, cols[i], "%s", e.message);
    }
    return rc;
}

/* The key of row `row` to parameters first...: from its bookmark, or as it was fetched. */
static SQLRETURN bind_keys(bc_stmt *s, const bc_pos_target *t, sqlite3_stmt *vm, SQLULEN row,
                           int first, int nkeys, const int *keys)
{
    const unsigned char *data;
    SQLLEN size;

    if (!t->by_bookmark) {
        for (int i = 0; i < nkeys; i++)
            sqlite3_bind_value(vm, first + i, bc_pos_fetched_value(s, row, keys[i]));
        return SQL_SUCCESS;
    }
    if (!bc_pos_bookmark(s, row, &data, &size) || !bc_bookmark_bind(vm, first, data, size, nkeys))
        return bc_pos_bad_bookmark(s, t, row);
    return SQL_SUCCESS;
}

bool bc_pos_bookmark(bc_stmt *s, SQLULEN row, const unsigned char **data, SQLLEN *size)
{
    const bc_desc_rec *r = &s->ard_cur->recs[0];
    SQLPOINTER p;
    SQLLEN *ind, *len;

    bc_desc_bound_ptrs(s->ard_cur, r, row - 1, &p, &ind, &len);
    *size = len != NULL ? *len : ind != NULL ? *ind : r->octet_length;
    *data = p;
    return p != NULL && *size >= 0 && *size <= r->octet_length;
}

SQLRETURN bc_pos_bad_bookmark(bc_stmt *s, const bc_pos_target *t, SQLULEN row)
{
    return bc_diag_push_at(&s->h.diag, "HY111", 0, (SQLLEN)row, 0,
                           "Row %lu of column 0 is not a bookmark of %s; use the bookmarks this "
                           "driver fetched, with their lengths.",
                           (unsigned long)row, t->table->name);
}

SQLRETURN bc_pos_engine_error(bc_stmt *s, SQLLEN row, int prc)
{
    sqlite3 *db = bc_engine_db(s->dbc->engine);
    bc_error e;

    if (!bc_engine_take_error(s->dbc->engine, &e))
        bc_engine_error_from_sqlite(db, prc, &e);
    return bc_diag_push_at(&s->h.diag, e.sqlstate, (SQLINTEGER)e.native, row,
                           SQL_COLUMN_NUMBER_UNKNOWN, "%s", e.message);
}

/* The statement of row `row` (1-based in the rowset) with its values and key bound, in *vm;
 * cols[] (ncols) are the value columns. SQL_NO_DATA: a refresh with nothing bound. */
static SQLRETURN prepare_row(bc_stmt *s, const bc_pos_target *t, SQLUSMALLINT op, SQLULEN row,
                             sqlite3_stmt **vm, int *ncols, int *cols)
{
    sqlite3 *db = bc_engine_db(s->dbc->engine);
    int keys[MAX_KEY_COLUMNS], nkeys = 0, prc;
    char sql[SQL_TEXT_CAP];
    SQLRETURN rc;

    *ncols = 0;
    *vm = NULL;
    if (op == SQL_REFRESH) {
        for (int c = 1; c <= s->ncols && *ncols < MAX_WRITE_COLUMNS; c++)
            if (c <= s->ard_cur->count && s->ard_cur->recs[c].data_ptr != NULL)
                cols[(*ncols)++] = c;
        if (*ncols == 0)
            return SQL_NO_DATA;
    } else if (op != SQL_DELETE) {
        *ncols = bc_pos_value_columns(s, t, op, row - 1, cols);
        if (*ncols == 0)
            return bc_diag_push_at(&s->h.diag, "21S02", 0, (SQLLEN)row, SQL_COLUMN_NUMBER_UNKNOWN,
                                   "Row %lu sets no column %s takes; bind a "
                                   "column it writes or leave out SQL_COLUMN_IGNORE.",
                                   (unsigned long)row, t->table->name);
    }
    build_sql(s, t, op, *ncols, cols, keys, &nkeys, sql);
    if (strlen(sql) + 1 >= sizeof sql) /* never run a truncated statement */
        return bc_diag_push_at(&s->h.diag, "HY000", 0, (SQLLEN)row, SQL_COLUMN_NUMBER_UNKNOWN,
                               "Row %lu names too many columns for one "
                               "positioned write; bind fewer columns.",
                               (unsigned long)row);
    prc = sqlite3_prepare_v2(db, sql, -1, vm, NULL);
    if (prc != SQLITE_OK) {
        sqlite3_finalize(*vm);
        *vm = NULL;
        return bc_pos_engine_error(s, (SQLLEN)row, prc);
    }
    rc = op == SQL_UPDATE || op == SQL_ADD ? bind_values(s, *vm, row - 1, *ncols, cols)
                                           : SQL_SUCCESS;
    if (rc == SQL_SUCCESS)
        rc = bind_keys(s, t, *vm, row, (op == SQL_UPDATE ? *ncols : 0) + 1, nkeys, keys);
    if (rc != SQL_SUCCESS) {
        sqlite3_finalize(*vm);
        *vm = NULL;
    }
    return rc;
}

/* SQL_REFRESH of rowset row `row`: read again by its key. */
static SQLRETURN refresh_row(bc_stmt *s, const bc_pos_target *t, SQLULEN row)
{
    int cols[MAX_WRITE_COLUMNS], ncols;
    sqlite3_stmt *vm;
    SQLRETURN rc = prepare_row(s, t, SQL_REFRESH, row, &vm, &ncols, cols);

    if (rc == SQL_NO_DATA)
        return SQL_SUCCESS;
    if (rc != SQL_SUCCESS)
        return rc;
    bc_engine_begin_statement(s->dbc->engine);
    rc = refresh_into_buffers(s, vm, row, ncols, cols);
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
    SQLRETURN rc = prepare_row(s, t, op, row, &vm, &ncols, cols);

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
    rc = find_target(s, op != SQL_REFRESH, &t);
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
    rc = find_target(s, op != SQL_FETCH_BY_BOOKMARK, &t);
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
