/*
 * An UPDATE or DELETE of many rowset rows (SQLSetPos row 0, SQLBulkOperations by bookmark) on a
 * table keyed by one integer id, as one statement per MANY_ROWS rows instead of one per row:
 *
 *   UPDATE "T" SET "c" = CASE "id" WHEN ? THEN ? ... END, ... WHERE "id" IN (?, ...)
 *   DELETE FROM "T" WHERE "id" IN (?, ...)
 *
 * The rows are then located with one read (`id:in`) rather than one each; the writes are
 * queued in the batch that setpos_write.c opened, as a row-by-row run would queue them. The
 * engine numbers each queued row by its id (bc_engine_batch_rows), so statuses and
 * diagnostics still name rowset rows.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"
#include "setpos_internal.h"

/* Rows per statement: the size of one `id:in` read. */
#define MANY_ROWS 50

/* The rows of one statement. */
typedef struct many {
    SQLULEN rows[MANY_ROWS]; /* rowset rows, 1-based */
    long long ids[MANY_ROWS];
    long nums[MANY_ROWS]; /* rows[] as the engine takes them */
    int n;
} many;

/* The id of row r: an integer fetched in the key column, or an integer-key bookmark. */
static bool integer_key(bc_stmt *s, const bc_pos_target *t, int key_col, SQLULEN r, long long *id)
{
    const unsigned char *b;
    SQLLEN size;
    sqlite3_value *v;

    if (t->by_bookmark)
        return bc_pos_bookmark(s, r, &b, &size) && bc_bookmark_integer(b, size, id);
    v = bc_pos_fetched_value(s, r, key_col);
    if (sqlite3_value_type(v) != SQLITE_INTEGER)
        return false;
    *id = sqlite3_value_int64(v);
    return true;
}

/* The one key column of the table in the result set, 0 when the key has several. */
static int single_key_column(const bc_stmt *s, const bc_pos_target *t)
{
    int found = 0, n = 0;

    for (int i = 0; i < t->table->ncolumns; i++)
        if (t->table->columns[i].flags & BC_COLF_PK) {
            n++;
            found = bc_pos_result_column(s, t->table->columns[i].name);
        }
    return n == 1 ? found : 0;
}

static bool same_columns(const int *a, int na, const int *b, int nb)
{
    return na == nb && memcmp(a, b, (size_t)na * sizeof *a) == 0;
}

static bool seen_id(const long long *ids, int n, long long id)
{
    for (int i = 0; i < n; i++)
        if (ids[i] == id)
            return true;
    return false;
}

/* Whether every row fits one statement: an integer id each, no id twice, and (UPDATE) the
 * same columns set by every row. ids[] gets the rows' ids in row order. */
static bool rows_fit(bc_stmt *s, const bc_pos_target *t, SQLUSMALLINT op, SQLULEN first,
                     SQLULEN last, const bool *skipped, int key_col, long long *ids, int *cols,
                     int *ncols)
{
    int row_cols[MAX_WRITE_COLUMNS], n = 0;

    *ncols = -1;
    for (SQLULEN r = first; r <= last; r++) {
        if (skipped[r - first])
            continue;
        long long id;
        if (!integer_key(s, t, key_col, r, &id) || seen_id(ids, n, id))
            return false;
        ids[n++] = id;
        if (op != SQL_UPDATE)
            continue;
        int nc = bc_pos_value_columns(s, t, op, r - 1, row_cols);
        if (nc == 0 || (*ncols >= 0 && !same_columns(cols, *ncols, row_cols, nc)))
            return false;
        memcpy(cols, row_cols, (size_t)nc * sizeof *cols);
        *ncols = nc;
    }
    return n > 0;
}

static void append_name(bc_buf *b, const char *name)
{
    bc_buf_printf(b, "\"%s\"", name);
}

/* The statement's text for m's rows; NULL when out of memory. */
static char *many_sql(const bc_stmt *s, const bc_pos_target *t, SQLUSMALLINT op, int key_col,
                      const int *cols, int ncols, const many *m)
{
    const char *key = s->ird.recs[key_col].base_column_name;
    bc_buf b;

    bc_buf_init(&b);
    bc_buf_puts(&b, op == SQL_UPDATE ? "UPDATE " : "DELETE FROM ");
    append_name(&b, t->table->name);
    for (int j = 0; j < ncols; j++) {
        bc_buf_puts(&b, j ? ", " : " SET ");
        append_name(&b, s->ird.recs[cols[j]].base_column_name);
        bc_buf_puts(&b, " = CASE ");
        append_name(&b, key);
        for (int i = 0; i < m->n; i++)
            bc_buf_puts(&b, " WHEN ? THEN ?");
        bc_buf_puts(&b, " END");
    }
    bc_buf_puts(&b, " WHERE ");
    append_name(&b, key);
    bc_buf_puts(&b, " IN (");
    for (int i = 0; i < m->n; i++)
        bc_buf_puts(&b, i ? ", ?" : "?");
    bc_buf_puts(&b, ")");
    return bc_buf_steal(&b);
}

/* Bind m's ids and values; a row whose value does not convert (a record names it) is taken
 * out of m, and false returned so that the statement is made again without it. */
static bool bind_many(bc_stmt *s, sqlite3_stmt *vm, const int *cols, int ncols, many *m)
{
    int idx = 1;

    for (int j = 0; j < ncols; j++)
        for (int i = 0; i < m->n; i++) {
            sqlite3_bind_int64(vm, idx++, m->ids[i]);
            if (bc_pos_bind_value(s, vm, idx++, m->rows[i], cols[j]) != SQL_SUCCESS) {
                memmove(&m->rows[i], &m->rows[i + 1], (size_t)(m->n - i - 1) * sizeof *m->rows);
                memmove(&m->ids[i], &m->ids[i + 1], (size_t)(m->n - i - 1) * sizeof *m->ids);
                m->n--;
                return false;
            }
        }
    for (int i = 0; i < m->n; i++)
        sqlite3_bind_int64(vm, idx++, m->ids[i]);
    return true;
}

/* One statement for m's rows, queued in the batch; queued[] marks the rows it took. */
static void run_many(bc_stmt *s, const bc_pos_target *t, SQLUSMALLINT op, int key_col,
                     const int *cols, int ncols, many *m, SQLULEN first, bool *queued)
{
    sqlite3 *db = bc_engine_db(s->dbc->engine);
    sqlite3_stmt *vm = NULL;
    int prc = SQLITE_OK;

    while (m->n > 0) {
        char *sql = many_sql(s, t, op, key_col, cols, ncols, m);
        if (sql == NULL) {
            bc_diag_push(&s->h.diag, "HY001", 0, "Out of memory building a positioned write.");
            return;
        }
        prc = sqlite3_prepare_v2(db, sql, -1, &vm, NULL);
        free(sql);
        if (prc != SQLITE_OK || bind_many(s, vm, cols, ncols, m))
            break;
        sqlite3_finalize(vm);
        vm = NULL;
    }
    if (m->n > 0 && prc == SQLITE_OK) {
        for (int i = 0; i < m->n; i++)
            m->nums[i] = (long)m->rows[i];
        bc_engine_batch_rows(s->dbc->engine, m->ids, m->nums, m->n);
        prc = sqlite3_step(vm);
        bc_engine_batch_row(s->dbc->engine, 0); /* the arrays are m's, gone after this */
        if (prc == SQLITE_DONE)
            prc = SQLITE_OK;
    }
    if (m->n > 0 && prc != SQLITE_OK)
        bc_pos_engine_error(s, SQL_ROW_NUMBER_UNKNOWN, prc);
    for (int i = 0; i < m->n && prc == SQLITE_OK; i++)
        queued[m->rows[i] - first] = true;
    sqlite3_finalize(vm);
}

bool bc_pos_queue_many(bc_stmt *s, const bc_pos_target *t, SQLUSMALLINT op, SQLULEN first,
                       SQLULEN last, const bool *skipped, bool *queued)
{
    int key_col = single_key_column(s, t), cols[MAX_WRITE_COLUMNS], ncols = 0, k = 0;
    long long *ids;
    many m = {.n = 0};

    if (key_col == 0 || (op != SQL_UPDATE && op != SQL_DELETE))
        return false;
    if ((ids = malloc((size_t)(last - first + 1) * sizeof *ids)) == NULL)
        return false;
    if (!rows_fit(s, t, op, first, last, skipped, key_col, ids, cols, &ncols)) {
        free(ids);
        return false;
    }
    for (SQLULEN r = first; r <= last; r++) {
        if (skipped[r - first])
            continue;
        m.rows[m.n] = r;
        m.ids[m.n++] = ids[k++];
        if (m.n == MANY_ROWS || r == last) {
            run_many(s, t, op, key_col, cols, ncols < 0 ? 0 : ncols, &m, first, queued);
            m.n = 0;
        }
    }
    if (m.n > 0) /* the last rows were skipped ones */
        run_many(s, t, op, key_col, cols, ncols < 0 ? 0 : ncols, &m, first, queued);
    free(ids);
    return true;
}

/* "SELECT c1, …, "id" FROM "T" WHERE "id" IN (?, …)" for n keys. */
static char *read_sql(const bc_stmt *s, const bc_pos_target *t, int key_col, const int *cols,
                      int ncols, int n)
{
    bc_buf b;

    bc_buf_init(&b);
    bc_buf_puts(&b, "SELECT ");
    for (int j = 0; j < ncols; j++) {
        append_name(&b, s->ird.recs[cols[j]].base_column_name);
        bc_buf_puts(&b, ", ");
    }
    append_name(&b, s->ird.recs[key_col].base_column_name);
    bc_buf_puts(&b, " FROM ");
    append_name(&b, t->table->name);
    bc_buf_puts(&b, " WHERE ");
    append_name(&b, s->ird.recs[key_col].base_column_name);
    bc_buf_puts(&b, " IN (");
    for (int i = 0; i < n; i++)
        bc_buf_puts(&b, i ? ", ?" : "?");
    bc_buf_puts(&b, ")");
    return bc_buf_steal(&b);
}

/* One read for m's rows: each answered row goes into the buffers of every rowset row with its
 * id; rcs[] (indexed from first) gets each row's outcome. */
static void read_chunk(bc_stmt *s, const bc_pos_target *t, int key_col, const int *cols, int ncols,
                       const many *m, SQLULEN first, SQLRETURN *rcs)
{
    sqlite3 *db = bc_engine_db(s->dbc->engine);
    char *sql = read_sql(s, t, key_col, cols, ncols, m->n);
    sqlite3_stmt *vm = NULL;
    bool found[MANY_ROWS] = {false};
    int step = SQLITE_NOMEM;

    if (sql != NULL && (step = sqlite3_prepare_v2(db, sql, -1, &vm, NULL)) == SQLITE_OK) {
        for (int i = 0; i < m->n; i++)
            sqlite3_bind_int64(vm, i + 1, m->ids[i]);
        bc_engine_begin_statement(s->dbc->engine);
        while ((step = sqlite3_step(vm)) == SQLITE_ROW) {
            long long id = sqlite3_column_int64(vm, ncols);
            for (int i = 0; i < m->n; i++)
                if (!found[i] && m->ids[i] == id) {
                    found[i] = true;
                    rcs[m->rows[i] - first] = bc_pos_fill_buffers(s, vm, m->rows[i], ncols, cols);
                }
        }
    }
    free(sql);
    for (int i = 0; i < m->n; i++)
        if (!found[i])
            rcs[m->rows[i] - first] =
                step == SQLITE_DONE ? bc_pos_row_gone(s, m->rows[i]) : SQL_ERROR;
    if (step != SQLITE_DONE)
        bc_pos_engine_error(s, SQL_ROW_NUMBER_UNKNOWN, step);
    sqlite3_finalize(vm);
}

bool bc_pos_read_many(bc_stmt *s, const bc_pos_target *t, SQLULEN first, SQLULEN last,
                      const bool *skipped, SQLRETURN *rcs)
{
    int key_col = single_key_column(s, t), cols[MAX_WRITE_COLUMNS], ncols = 0;
    many m = {.n = 0};
    long long id;

    if (key_col == 0)
        return false;
    for (SQLULEN r = first; r <= last; r++)
        if (!skipped[r - first] && !integer_key(s, t, key_col, r, &id))
            return false;
    for (int c = 1; c <= s->ncols && c <= s->ard_cur->count && ncols < MAX_WRITE_COLUMNS; c++)
        if (s->ard_cur->recs[c].data_ptr != NULL)
            cols[ncols++] = c;
    for (SQLULEN r = first; r <= last; r++) {
        if (!skipped[r - first]) {
            integer_key(s, t, key_col, r, &m.ids[m.n]);
            m.rows[m.n++] = r;
        }
        if (m.n > 0 && (m.n == MANY_ROWS || r == last)) {
            read_chunk(s, t, key_col, cols, ncols, &m, first, rcs);
            m.n = 0;
        }
    }
    return true;
}
