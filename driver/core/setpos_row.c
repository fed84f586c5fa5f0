/*
 * One row of a positioned write as SQL the engine runs: the table the result set was read
 * from (its whole key selected), the UPDATE, DELETE, INSERT or SELECT text of one rowset row
 * keyed by the values it was fetched with (or by its bookmark), the application's bound
 * buffers as its parameters, and a row read again back into those buffers. setpos_write.c
 * runs these statements over the rowset.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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
SQLRETURN bc_pos_find_target(bc_stmt *s, bool writes, bc_pos_target *out)
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
SQLRETURN bc_pos_refresh_into_buffers(bc_stmt *s, sqlite3_stmt *vm, SQLULEN row, int ncols,
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
SQLRETURN bc_pos_prepare_row(bc_stmt *s, const bc_pos_target *t, SQLUSMALLINT op, SQLULEN row,
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
