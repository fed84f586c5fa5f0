/*
 * The virtual table's write side. xUpdate checks one row against the table's write spec and
 * queues it; xSync (the end of the statement's implicit transaction, or of a parameter array
 * run as one batch) sends the queue. Checks that need no row (views, Readonly, a SET on a
 * column the API does not take) already failed in the authorizer, before any request.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"
#include "vtab_internal.h"
#include "write_internal.h"

static int fail(bc_vtab *vt, bc_error *err)
{
    return bc_vtab_fail(vt, err);
}

/* Whether tmpl has the placeholder {name}. */
static bool has_placeholder(const char *tmpl, const char *name)
{
    size_t n = strlen(name);

    for (const char *p = tmpl ? strchr(tmpl, '{') : NULL; p != NULL; p = strchr(p + 1, '{'))
        if (strncmp(p + 1, name, n) == 0 && p[1 + n] == '}')
            return true;
    return false;
}

/* The text of column col for a path: from the statement's values (INSERT, UPDATE); none
 * without values (a DELETE, which has only the rowid). */
static char *value_text(void *ctx, const bc_column_def *col, int i)
{
    sqlite3_value **vals = ctx;
    char *text = NULL;

    if (vals != NULL && sqlite3_value_type(vals[i]) != SQLITE_NULL)
        bc_vkeys_value_text(col, vals[i], &text);
    return text;
}

/* Fill tmpl's {placeholders}: {id} from id (when > 0), the others from text_of (each value
 * URL-escaped). A missing value is an error naming the column. */
static char *fill_path(bc_vtab *vt, const char *tmpl, bc_write_text_fn text_of, void *ctx,
                       long long id, bc_error *err)
{
    const bc_table_def *t = vt->t;
    bc_buf b;

    bc_buf_init(&b);
    for (const char *p = tmpl; *p;) {
        const char *close = *p == '{' ? strchr(p, '}') : NULL;
        if (close == NULL) {
            bc_buf_append(&b, p++, 1);
            continue;
        }
        char name[64];
        char *text = NULL;
        snprintf(name, sizeof name, "%.*s", (int)(close - p - 1), p + 1);
        int col = bc_catalog_column_index(t, name);
        if (strcmp(name, "id") == 0 && id > 0)
            text = bc_sprintf("%lld", id);
        else if (col >= 0)
            text = text_of(ctx, &t->columns[col], col);
        if (text == NULL || *text == '\0') {
            free(text);
            bc_buf_free(&b);
            bc_error_set(err, "HY000", 0, "A row of %s needs %s: %s", t->name, name,
                         t->parent_table && t->parent_column && strcmp(name, t->parent_column) == 0
                             ? "it is the id of the parent row this row belongs to; give it in "
                               "the statement."
                             : "give it in the statement.");
            return NULL;
        }
        bc_buf_puts(&b, text);
        free(text);
        p = close + 1;
    }
    return bc_buf_steal(&b);
}

/* Whether the DELETE path needs more than the id (a parent key, a currency): then the path
 * is remembered per row at xRowid. */
static bool delete_needs_row(const bc_write_spec *ws)
{
    if (ws == NULL || ws->delete_in_param != NULL || ws->delete_path == NULL)
        return false;
    for (const char *p = strchr(ws->delete_path, '{'); p != NULL; p = strchr(p + 1, '{'))
        if (strncmp(p, "{id}", 4) != 0)
            return true;
    return false;
}

/* The row of the batch an operation belongs to: its parameter set, or the rowset row its
 * id names. */
static long batch_row_of(const bc_write_state *w, const bc_wop *op)
{
    for (int i = 0; op->kind != BC_WOP_INSERT && i < w->nrow_ids; i++)
        if (w->row_ids[i] == op->id)
            return w->row_nums[i];
    return w->param_row;
}

static int queue(bc_vtab *vt, bc_wop *op, bc_error *err)
{
    bc_write_state *w = vt->e->w;

    op->t = vt->t;
    op->row = w->batch ? batch_row_of(w, op) : w->rows_seen;
    if (bc_write_push_op(w, op) == 0)
        return SQLITE_OK;
    free(op->path);
    cJSON_Delete(op->body);
    bc_error_set(err, "HY001", 0, "Out of memory while queueing a write.");
    return fail(vt, err);
}

/* Add column c's value to body, under the name the spec's body gives it; -1 with err set. */
static int put_value(bc_vtab *vt, cJSON *body, int c, sqlite3_value *v, bc_error *err)
{
    cJSON *j = bc_write_json_value(vt->t, &vt->t->columns[c], v, err);
    bc_column_def col = vt->t->columns[c];
    char renamed[64];

    if (j == NULL)
        return -1;
    if (bc_write_spec_body_name(bc_write_spec_find(vt->t->name), col.name, renamed,
                                sizeof renamed) != NULL)
        col.json_path = renamed;
    if (bc_write_json_put(body, &col, j) != 0)
        return bc_error_set(err, "HY001", 0, "Out of memory while building a request body.");
    return 0;
}

static int queue_insert(bc_vtab *vt, const bc_write_spec *ws, sqlite3_value **vals, bc_error *err)
{
    const bc_table_def *t = vt->t;
    bc_wop op = {.kind = BC_WOP_INSERT, .ws = ws};

    if (ws->insert_path == NULL) {
        bc_error_set(err, "HY000", 0,
                     "BigCommerce cannot create rows of %s; only UPDATE and "
                     "DELETE work on it.",
                     t->name);
        return fail(vt, err);
    }
    if (t->parent_column != NULL) {
        int pc = bc_catalog_column_index(t, t->parent_column);
        if (pc >= 0 && sqlite3_value_type(vals[pc]) == SQLITE_NULL) {
            bc_error_set(err, "HY000", 0,
                         "INSERT INTO %s needs %s: the id of the %s row the new "
                         "row belongs to.",
                         t->name, t->parent_column, t->parent_table);
            return fail(vt, err);
        }
    }
    if ((op.body = cJSON_CreateObject()) == NULL)
        return SQLITE_NOMEM;
    for (int i = 0; i < t->ncolumns; i++) {
        const char *name = t->columns[i].name;
        if (sqlite3_value_type(vals[i]) == SQLITE_NULL)
            continue; /* a column the INSERT leaves out arrives as NULL: send nothing */
        if (bc_write_spec_lists(ws->insert_columns, name)) {
            if (put_value(vt, op.body, i, vals[i], err) != 0)
                goto failed;
        } else if (!has_placeholder(ws->insert_path, name)) {
            bc_error_set(err, "HY000", 0,
                         "Column %s of %s is read-only: BigCommerce sets it, so "
                         "an INSERT cannot give it. Leave it out (or give NULL).",
                         name, t->name);
            goto failed;
        }
    }
    if ((op.path = fill_path(vt, ws->insert_path, value_text, vals, 0, err)) == NULL)
        goto failed;
    return queue(vt, &op, err);
failed:
    cJSON_Delete(op.body);
    return fail(vt, err);
}

/* The object's id: the primary-key column's value, else the rowid SQLite gives. */
static long long row_id(bc_vtab *vt, sqlite3_value **vals, sqlite3_value *rowid)
{
    if (vals != NULL && vt->pk >= 0 && sqlite3_value_type(vals[vt->pk]) == SQLITE_INTEGER)
        return sqlite3_value_int64(vals[vt->pk]);
    return sqlite3_value_int64(rowid);
}

static int queue_update(bc_vtab *vt, const bc_write_spec *ws, sqlite3_value *old_rowid,
                        sqlite3_value **vals, bc_error *err)
{
    const bc_table_def *t = vt->t;
    bc_wop op = {.kind = BC_WOP_UPDATE, .ws = ws, .id = row_id(vt, vals, old_rowid)};
    /* A batch PUT names each object in its body; a table without ids (an upsert) by the
     * update_required keys instead. */
    bool batch = !has_placeholder(ws->update_path, "id") && bc_catalog_column_index(t, "id") >= 0;

    if ((op.body = cJSON_CreateObject()) == NULL)
        return SQLITE_NOMEM;
    if (batch && cJSON_AddNumberToObject(op.body, "id", (double)op.id) == NULL)
        goto oom;
    for (int i = 0; i < t->ncolumns; i++) {
        const char *name = t->columns[i].name;
        if (sqlite3_value_nochange(vals[i]))
            continue;
        /* Keys always arrive (they name the object); only the columns a PUT takes are sent. */
        if (!bc_write_spec_lists(ws->update_columns, name) &&
            !bc_write_spec_lists(ws->update_required, name))
            continue;
        if (put_value(vt, op.body, i, vals[i], err) != 0)
            goto failed;
    }
    if ((op.path = fill_path(vt, ws->update_path, value_text, vals, op.id, err)) == NULL)
        goto failed;
    return queue(vt, &op, err);
oom:
    bc_error_set(err, "HY001", 0, "Out of memory while building a request body.");
failed:
    cJSON_Delete(op.body);
    return fail(vt, err);
}

static int queue_delete(bc_vtab *vt, const bc_write_spec *ws, sqlite3_value *rowid, bc_error *err)
{
    bc_wop op = {.kind = BC_WOP_DELETE, .ws = ws, .id = sqlite3_value_int64(rowid)};

    if (ws->delete_in_param != NULL) {
        op.path = bc_strdup(ws->delete_path);
    } else if (delete_needs_row(ws)) {
        const char *path = bc_write_key_find(vt->e->w, vt->t, op.id);
        if (path == NULL)
            bc_error_set(err, "HY000", 0,
                         "The row of %s to delete could not be identified; select it again.",
                         vt->t->name);
        op.path = path ? bc_strdup(path) : NULL;
    } else {
        sqlite3_value **none = NULL;
        op.path = fill_path(vt, ws->delete_path, value_text, none, op.id, err);
    }
    if (op.path != NULL && ws->delete_body != NULL) { /* a removal that is an update */
        op.body = cJSON_Parse(ws->delete_body);
        if (op.body == NULL || !cJSON_AddNumberToObject(op.body, "id", (double)op.id)) {
            free(op.path);
            op.path = NULL;
        }
    }
    if (op.path == NULL) {
        cJSON_Delete(op.body);
        if (!bc_error_is_set(err))
            bc_error_set(err, "HY001", 0, "Out of memory while queueing a write.");
        return fail(vt, err);
    }
    return queue(vt, &op, err);
}

/* UPDATE and DELETE without a WHERE clause change every row of the object: refused from the
 * second row on (nothing has been sent yet), unless the SQL says so with a WHERE. */
static int check_where(bc_vtab *vt, bc_error *err)
{
    bc_write_state *w = vt->e->w;

    if (!w->where_checked) {
        w->has_where = bc_write_statement_has_where(vt->e->db);
        w->where_checked = true;
    }
    if (w->has_where || w->rows_seen < 2)
        return SQLITE_OK;
    bc_error_set(err, "HY000", 0,
                 "An UPDATE or DELETE without WHERE would change every row of %s; nothing was "
                 "sent. Add a WHERE clause (WHERE 1=1 if every row is really meant).",
                 vt->t->name);
    return fail(vt, err);
}

int bc_vtab_write_update(sqlite3_vtab *base, int argc, sqlite3_value **argv, sqlite_int64 *rowid)
{
    bc_vtab *vt = (bc_vtab *)base;
    const bc_write_spec *ws = bc_write_spec_find(vt->t->name);
    bc_write_state *w = vt->e->w;
    bc_error err;
    int rc;

    bc_error_clear(&err);
    if (vt->t->is_view || ws == NULL || vt->e->props == NULL || vt->e->props->readonly) {
        bc_error_set(&err, "HY000", 0,
                     "%s is read-only: it cannot be changed through this "
                     "driver%s.",
                     vt->t->name,
                     vt->e->props && vt->e->props->readonly ? " (the connection has Readonly=1)"
                                                            : "");
        return fail(vt, &err);
    }
    if (!sqlite3_get_autocommit(vt->e->db) && !w->batch) {
        bc_error_set(&err, "25000", 0,
                     "BigCommerce has no transactions, so writes inside BEGIN "
                     "... COMMIT are refused; run the statement outside the transaction.");
        return fail(vt, &err);
    }
    w->rows_seen++;
    if (argc == 1) {
        if ((rc = check_where(vt, &err)) != SQLITE_OK)
            return rc;
        return queue_delete(vt, ws, argv[0], &err);
    }
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        *rowid = 0; /* the API assigns the id; last_insert_rowid() is set once it is known */
        return queue_insert(vt, ws, argv + 2, &err);
    }
    if ((rc = check_where(vt, &err)) != SQLITE_OK)
        return rc;
    return queue_update(vt, ws, argv[0], argv + 2, &err);
}

int bc_vtab_write_begin(sqlite3_vtab *base)
{
    bc_vtab *vt = (bc_vtab *)base;
    bc_write_state *w = vt->e->w;

    bc_write_ops_clear(w);
    bc_write_results_clear(w);
    w->wrote = true;
    w->in_txn = true;
    w->table = vt->t->name;
    w->rows_seen = 0;
    w->where_checked = false;
    return SQLITE_OK;
}

int bc_vtab_write_sync(sqlite3_vtab *base)
{
    bc_vtab *vt = (bc_vtab *)base;
    int rc = bc_write_flush(vt->e);

    bc_write_ops_clear(vt->e->w);
    return rc == 0 ? SQLITE_OK : SQLITE_NOMEM;
}

int bc_vtab_write_commit(sqlite3_vtab *base)
{
    bc_vtab *vt = (bc_vtab *)base;

    bc_write_ops_clear(vt->e->w);
    vt->e->w->in_txn = false;
    if (vt->e->w->last_id > 0)
        sqlite3_set_last_insert_rowid(vt->e->db, vt->e->w->last_id);
    return SQLITE_OK;
}

/* Nothing queued is sent. What an earlier xSync sent stays sent: the API cannot undo it. */
int bc_vtab_write_rollback(sqlite3_vtab *base)
{
    bc_vtab *vt = (bc_vtab *)base;

    if (vt->e->w->batch)
        vt->e->w->lost += vt->e->w->nops;
    bc_write_ops_clear(vt->e->w);
    vt->e->w->in_txn = false;
    return SQLITE_OK;
}

bool bc_vtab_write_may_skip(const sqlite3_vtab *base, int i)
{
    const bc_vtab *vt = (const bc_vtab *)base;
    const bc_write_spec *ws = bc_write_spec_find(vt->t->name);
    const bc_column_def *c = &vt->t->columns[i];

    if (ws == NULL)
        return true;
    if (i == vt->pk || (c->flags & (BC_COLF_PK | BC_COLF_PARENT_KEY)))
        return false;
    if (vt->t->parent_column != NULL && strcmp(c->name, vt->t->parent_column) == 0)
        return false;
    if (has_placeholder(ws->update_path, c->name) || has_placeholder(ws->delete_path, c->name))
        return false;
    return !bc_write_spec_lists(ws->update_required, c->name);
}

bool bc_vtab_write_needs_row(const sqlite3_vtab *base)
{
    const bc_vtab *vt = (const bc_vtab *)base;

    return vt->e->w->in_txn && delete_needs_row(bc_write_spec_find(vt->t->name));
}

void bc_vtab_write_note_row(sqlite3_vtab *base, long long rowid, bc_write_text_fn text_of,
                            void *ctx)
{
    bc_vtab *vt = (bc_vtab *)base;
    const bc_write_spec *ws = bc_write_spec_find(vt->t->name);
    bc_error err;
    char *path;

    bc_error_clear(&err);
    if (ws == NULL || bc_write_key_find(vt->e->w, vt->t, rowid) != NULL)
        return;
    /* A row lacking a key value is left out: its DELETE then says it cannot be identified. */
    if ((path = fill_path(vt, ws->delete_path, text_of, ctx, rowid, &err)) != NULL)
        bc_write_key_note(vt->e->w, vt->t, rowid, path);
    free(path);
}
