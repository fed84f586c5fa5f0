/*
 * The "bigcommerce" module: one virtual table per catalog table. Planning (xBestIndex,
 * vtab_plan.c) decides which WHERE terms the API can answer; the cursor (vtab_cursor.c)
 * turns the plan into requests. Pushdown never changes meaning: a term is omitted only when the API
 * applies exactly that predicate.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"
#include "vtab_internal.h"
#include "write_internal.h"

static char *declare_sql(const bc_table_def *t)
{
    bc_buf b;
    char decl[64];

    bc_buf_init(&b);
    bc_buf_puts(&b, "CREATE TABLE x(");
    for (int i = 0; i < t->ncolumns; i++)
        bc_buf_printf(&b, "%s\"%s\" %s", i ? ", " : "", t->columns[i].name,
                      bc_decl_of_column(&t->columns[i], decl, (int)sizeof decl));
    bc_buf_puts(&b, ")");
    return bc_buf_steal(&b);
}

/* Read src's endpoint placeholders and where their values come from: t's column of the
 * same name (or, for the one placeholder of a parent path, the parent-key column), and the
 * walked parent's column (the parent's id for src's parent_column, else the same name). */
static int scan_placeholders(bc_vtab *vt)
{
    const bc_table_def *t = vt->t, *src = vt->src;

    for (const char *p = strchr(src->endpoint, '{'); p != NULL; p = strchr(p + 1, '{')) {
        const char *close = strchr(p, '}');
        int k = vt->nph;
        if (close == NULL || k == BC_VTAB_MAX_PH)
            return 0;
        if ((vt->ph_name[k] = bc_strndup(p + 1, (size_t)(close - p - 1))) == NULL)
            return -1;
        vt->nph++;
        vt->ph_col[k] = bc_catalog_column_index(t, vt->ph_name[k]);
        bool parent_key = src->parent_column && strcmp(vt->ph_name[k], src->parent_column) == 0;
        vt->ph_parent[k] =
            parent_key ? (src->parent_id_column ? src->parent_id_column : "id") : vt->ph_name[k];
    }
    if (vt->nph == 1 && vt->ph_col[0] < 0) {
        for (int i = 0; i < t->ncolumns; i++)
            if (t->columns[i].flags & BC_COLF_PARENT_KEY)
                vt->ph_col[0] = i;
    }
    return 0;
}

/* A child reached through a filter whose :in form reads several parents' rows at once. */
static void find_bulk_col(bc_vtab *vt)
{
    const bc_table_def *t = vt->t;
    int col;

    if (t->rows_path != NULL || vt->nph > 0 || t->parent_table == NULL || t->parent_column == NULL)
        return;
    col = bc_catalog_column_index(t, t->parent_column);
    if (col >= 0 && t->columns[col].filter_in != NULL)
        vt->bulk_col = col;
}

static void vtab_free(bc_vtab *vt)
{
    for (int k = 0; k < vt->nph; k++)
        free(vt->ph_name[k]);
    sqlite3_free(vt);
}

static int vt_connect(sqlite3 *db, void *aux, int argc, const char *const *argv, sqlite3_vtab **out,
                      char **errmsg)
{
    const bc_table_def *t = argc > 2 ? bc_catalog_find(argv[2]) : NULL;

    if (!bc_engine_table_usable(t))
        t = NULL;
    bc_vtab *vt;
    char *sql;
    int rc;

    if (t == NULL) {
        *errmsg = sqlite3_mprintf("no BigCommerce table named %s", argc > 2 ? argv[2] : "?");
        return SQLITE_ERROR;
    }
    if ((sql = declare_sql(t)) == NULL)
        return SQLITE_NOMEM;
    rc = sqlite3_declare_vtab(db, sql);
    free(sql);
    if (rc != SQLITE_OK)
        return rc;
    if ((vt = sqlite3_malloc(sizeof *vt)) == NULL)
        return SQLITE_NOMEM;
    memset(vt, 0, sizeof *vt);
    vt->e = aux;
    vt->t = t;
    vt->pk = bc_catalog_pk_index(t);
    vt->src = t->rows_path ? bc_catalog_find(t->parent_table) : t;
    if (vt->src == NULL) {
        *errmsg = sqlite3_mprintf("the BigCommerce table %s has no parent table", t->name);
        sqlite3_free(vt);
        return SQLITE_ERROR;
    }
    vt->src_key_col = t->rows_path ? bc_catalog_column_index(t, t->parent_column) : -1;
    vt->bulk_col = -1;
    vt->walk = strchr(vt->src->endpoint, '{') ? bc_catalog_find(vt->src->parent_table) : NULL;
    if (scan_placeholders(vt) != 0) {
        vtab_free(vt);
        return SQLITE_NOMEM;
    }
    find_bulk_col(vt);
    *out = &vt->base;
    return SQLITE_OK;
}

static int vt_disconnect(sqlite3_vtab *base)
{
    vtab_free((bc_vtab *)base);
    return SQLITE_OK;
}

static int vt_open(sqlite3_vtab *base, sqlite3_vtab_cursor **out)
{
    bc_vtab *vt = (bc_vtab *)base;
    bc_vcursor *c = sqlite3_malloc(sizeof *c);

    if (c == NULL)
        return SQLITE_NOMEM;
    memset(c, 0, sizeof *c);
    c->vt = vt;
    if (bc_vcells_open(c) != 0) {
        bc_vcells_close(c);
        sqlite3_free(c);
        return SQLITE_NOMEM;
    }
    bc_vahead_register(c);
    *out = &c->base;
    return SQLITE_OK;
}

static int vt_close(sqlite3_vtab_cursor *cur)
{
    bc_vcursor *c = (bc_vcursor *)cur;

    bc_vcursor_reset(c);
    bc_vahead_unregister(c);
    bc_vbatch_free(c->batch);
    bc_vverify_free(c);
    free(c->tuples);
    bc_vcells_close(c);
    sqlite3_free(c);
    return SQLITE_OK;
}

/* Each row is held against the integer filters sent (vtab_verify.c). */
static int vt_filter(sqlite3_vtab_cursor *cur, int idx_num, const char *idx_str, int argc,
                     sqlite3_value **argv)
{
    bc_vcursor *c = (bc_vcursor *)cur;
    int rc;

    if (bc_vverify_plan(c, idx_num, idx_str, argc, argv) != 0)
        return SQLITE_NOMEM;
    rc = bc_vcursor_filter(c, idx_num, idx_str, argc, argv);
    return rc == SQLITE_OK ? bc_vverify_row(c) : rc;
}

static int vt_next(sqlite3_vtab_cursor *cur)
{
    int rc = bc_vcursor_next((bc_vcursor *)cur);

    return rc == SQLITE_OK ? bc_vverify_row((bc_vcursor *)cur) : rc;
}

static int vt_eof(sqlite3_vtab_cursor *cur)
{
    return ((bc_vcursor *)cur)->eof;
}

static int vt_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i)
{
    bc_vcursor *c = (bc_vcursor *)cur;
    const bc_column_def *col = &c->vt->t->columns[i];

    if (c->plan == BC_PLAN_COUNT) { /* SQLite asked for no column; nothing was read */
        sqlite3_result_null(ctx);
        return SQLITE_OK;
    }
    /* An UPDATE leaves this column as it is: no value tells SQLite (and xUpdate) so. */
    if (sqlite3_vtab_nochange(ctx) && bc_vtab_write_may_skip(cur->pVtab, i))
        return SQLITE_OK;
    const cJSON *v = bc_vcursor_cell(c, i);
    if (v == NULL && c->cur != NULL) {
        /* A row need not repeat the keys of its path: they are the values we requested. */
        for (int k = 0; k < c->nph; k++) {
            if (c->ph_col[k] == i && c->cur[k] != NULL) {
                cJSON v = {.type = cJSON_String, .valuestring = c->cur[k]};
                bc_vtab_result(ctx, col, &v);
                return SQLITE_OK;
            }
        }
    }
    bc_vtab_result(ctx, col, v);
    return SQLITE_OK;
}

/* The text of column i of the cursor's row, for a DELETE path (write_internal.h). */
static char *cursor_text(void *ctx, const bc_column_def *col, int i)
{
    bc_vcursor *c = ctx;
    const cJSON *v = bc_vcursor_cell(c, i);

    (void)col;
    for (int k = 0; v == NULL && c->cur != NULL && k < c->nph; k++)
        if (c->ph_col[k] == i && c->cur[k] != NULL)
            return bc_strdup(c->cur[k]); /* already URL-escaped for the path */
    if (cJSON_IsNumber(v))
        return bc_sprintf("%lld", bc_double_to_ll(v->valuedouble));
    return cJSON_IsString(v) ? bc_http_escape(v->valuestring) : NULL;
}

static int vt_rowid(sqlite3_vtab_cursor *cur, sqlite_int64 *rowid)
{
    bc_vcursor *c = (bc_vcursor *)cur;

    if (c->plan == BC_PLAN_COUNT) {
        *rowid = c->rows;
        return SQLITE_OK;
    }
    const cJSON *pk = c->vt->pk >= 0 ? bc_vcursor_cell(c, c->vt->pk) : NULL;
    if (cJSON_IsNumber(pk))
        *rowid = bc_double_to_ll(pk->valuedouble); /* any JSON number */
    else
        *rowid = c->rows;
    /* A DELETE path that needs more than the id is built now, while the row is at hand:
     * xUpdate gets only the rowid. */
    if (bc_vtab_write_needs_row(&c->vt->base)) {
        /* Without an id column the key may repeat (PriceListRecords' price_list_id), and
         * SQLite would delete one row per rowid: the row's position keeps them apart. */
        if (bc_catalog_column_index(c->vt->t, "id") < 0)
            *rowid = c->rows;
        bc_vtab_write_note_row(&c->vt->base, *rowid, cursor_text, c);
    }
    return SQLITE_OK;
}

static const sqlite3_module k_module = {
    .iVersion = 1,
    .xBegin = bc_vtab_write_begin,
    .xSync = bc_vtab_write_sync,
    .xCommit = bc_vtab_write_commit,
    .xRollback = bc_vtab_write_rollback,
    .xCreate = vt_connect,
    .xConnect = vt_connect,
    .xBestIndex = bc_vtab_best_index,
    .xDisconnect = vt_disconnect,
    .xDestroy = vt_disconnect,
    .xOpen = vt_open,
    .xClose = vt_close,
    .xFilter = vt_filter,
    .xNext = vt_next,
    .xEof = vt_eof,
    .xColumn = vt_column,
    .xRowid = vt_rowid,
    .xUpdate = bc_vtab_write_update,
};

int bc_vtab_register(bc_engine *e, bc_error *err)
{
    if (sqlite3_create_module_v2(e->db, "bigcommerce", &k_module, e, NULL) != SQLITE_OK)
        return bc_error_set(err, "HY001", 0, "out of memory while registering the tables");
    return 0;
}

int bc_vtab_create_all(bc_engine *e, bc_error *err)
{
    for (int i = 0; i < bc_table_count; i++) {
        if (!bc_engine_table_usable(bc_tables[i]))
            continue;
        char *sql =
            sqlite3_mprintf("CREATE VIRTUAL TABLE \"%w\" USING bigcommerce", bc_tables[i]->name);
        int rc;
        if (sql == NULL)
            return bc_error_set(err, "HY001", 0, "out of memory while creating the tables");
        rc = bc_engine_exec(e->db, sql, err);
        sqlite3_free(sql);
        if (rc != 0)
            return -1;
    }
    return 0;
}
