/*
 * The "bigcommerce" module: one virtual table per catalog table. Planning (xBestIndex)
 * decides which WHERE terms the API can answer; the cursor (vtab_cursor.c) turns the plan
 * into requests. Pushdown never changes meaning: a term is omitted only when the API applies
 * exactly that predicate.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"
#include "vtab_internal.h"

/* Costs are in "requests": a full scan pages through the whole endpoint; a child table
 * scanned without its parent id pays a request per parent, so SQLite drives it from the
 * parent in joins; a key lookup is one request. */
#define COST_ID 10.0
#define COST_PARENT 100.0
#define COST_SCAN 1.0e6
#define COST_CHILD_SCAN 1.0e8
#define ROWS_SCAN 10000
#define ROWS_PARENT 10

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

/* The column whose value fills the endpoint's placeholder: the parent key. */
static int placeholder_column(const bc_table_def *t)
{
    for (int i = 0; i < t->ncolumns; i++)
        if (t->columns[i].flags & BC_COLF_PARENT_KEY)
            return i;
    return t->rows_path ? -1 : bc_catalog_column_index(t, t->parent_column);
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
    vt->walk = bc_catalog_find(vt->src->parent_table);
    vt->parent_col = vt->walk ? placeholder_column(t) : -1;
    if (bc_vtab_build_key_index(vt) != 0) {
        sqlite3_free(vt);
        return SQLITE_NOMEM;
    }
    *out = &vt->base;
    return SQLITE_OK;
}

static int vt_disconnect(sqlite3_vtab *base)
{
    bc_vtab *vt = (bc_vtab *)base;

    free(vt->by_key);
    sqlite3_free(vt);
    return SQLITE_OK;
}

/* Can the API answer "col = v" / "col IN (...)" exactly for this column? */
static bool key_supported(const bc_vtab *vt, int col, int *kind)
{
    const bc_column_def *c;

    if (col < 0)
        return false;
    c = &vt->t->columns[col];
    if (col == vt->parent_col && vt->walk != NULL) {
        *kind = BC_PLAN_PARENT;
        return true;
    }
    /* A nested array's rows cannot be fetched by their own id, and a child table's id
     * lookup would still need the parent id for the path: those go by the parent key. */
    if (vt->t->rows_path == NULL && vt->walk == NULL && col == vt->pk &&
        (c->filter_eq != NULL || c->filter_in != NULL || vt->t->id_path_endpoint != NULL)) {
        *kind = BC_PLAN_ID;
        return true;
    }
    return false;
}

typedef struct plan_pick {
    int key_con, kind; /* chosen key constraint, -1 when none */
    int limit_con, offset_con;
} plan_pick;

static void pick_key(const bc_vtab *vt, sqlite3_index_info *info, plan_pick *p)
{
    p->key_con = p->limit_con = p->offset_con = -1;
    p->kind = BC_PLAN_SCAN;
    for (int i = 0; i < info->nConstraint; i++) {
        const struct sqlite3_index_constraint *k = &info->aConstraint[i];
        int kind;
        if (!k->usable)
            continue;
        if (k->op == SQLITE_INDEX_CONSTRAINT_LIMIT)
            p->limit_con = i;
        else if (k->op == SQLITE_INDEX_CONSTRAINT_OFFSET)
            p->offset_con = i;
        else if (k->op == SQLITE_INDEX_CONSTRAINT_EQ && key_supported(vt, k->iColumn, &kind)) {
            /* The primary key beats the parent key: it selects fewer rows. */
            if (p->key_con < 0 || (kind == BC_PLAN_ID && p->kind != BC_PLAN_ID)) {
                p->key_con = i;
                p->kind = kind;
            }
        }
    }
}

/* The LIMIT is only a valid cap when SQLite re-checks nothing else on this table. */
static bool limit_usable(const sqlite3_index_info *info, const plan_pick *p)
{
    if (p->limit_con < 0 || info->nOrderBy > 0)
        return false;
    for (int i = 0; i < info->nConstraint; i++) {
        int op = info->aConstraint[i].op;
        if (i == p->key_con || op == SQLITE_INDEX_CONSTRAINT_LIMIT ||
            op == SQLITE_INDEX_CONSTRAINT_OFFSET)
            continue;
        return false;
    }
    return true;
}

static int vt_best_index(sqlite3_vtab *base, sqlite3_index_info *info)
{
    bc_vtab *vt = (bc_vtab *)base;
    plan_pick p;
    int plan, argn = 1;
    double nvalues = 1;

    pick_key(vt, info, &p);
    plan = p.kind;
    if (p.key_con >= 0) {
        info->aConstraintUsage[p.key_con].argvIndex = argn++;
        info->aConstraintUsage[p.key_con].omit = 1;
        if (sqlite3_vtab_in(info, p.key_con, -1) && sqlite3_vtab_in(info, p.key_con, 1)) {
            plan |= BC_PLAN_IN;
            nvalues = 5;
        }
    }
    if (limit_usable(info, &p)) {
        plan |= BC_PLAN_LIMIT;
        info->aConstraintUsage[p.limit_con].argvIndex = argn++;
        info->aConstraintUsage[p.limit_con].omit = 0;
        if (p.offset_con >= 0)
            info->aConstraintUsage[p.offset_con].argvIndex = argn++;
    }
    info->idxNum = plan;
    if ((plan & BC_PLAN_KEY_MASK) == BC_PLAN_ID) {
        info->estimatedCost = COST_ID * nvalues;
        info->estimatedRows = (sqlite3_int64)nvalues;
        if (!(plan & BC_PLAN_IN))
            info->idxFlags |= SQLITE_INDEX_SCAN_UNIQUE;
    } else if ((plan & BC_PLAN_KEY_MASK) == BC_PLAN_PARENT) {
        info->estimatedCost = COST_PARENT * nvalues;
        info->estimatedRows = ROWS_PARENT * (sqlite3_int64)nvalues;
    } else {
        info->estimatedCost = vt->walk ? COST_CHILD_SCAN : COST_SCAN;
        info->estimatedRows = ROWS_SCAN;
    }
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
    c->cells = calloc((size_t)vt->t->ncolumns, sizeof *c->cells);
    if (c->cells == NULL) {
        sqlite3_free(c);
        return SQLITE_NOMEM;
    }
    *out = &c->base;
    return SQLITE_OK;
}

static int vt_close(sqlite3_vtab_cursor *cur)
{
    bc_vcursor *c = (bc_vcursor *)cur;

    bc_vcursor_reset(c);
    free(c->keys);
    free(c->cells);
    sqlite3_free(c);
    return SQLITE_OK;
}

static int vt_filter(sqlite3_vtab_cursor *cur, int idx_num, const char *idx_str, int argc,
                     sqlite3_value **argv)
{
    (void)idx_str;
    return bc_vcursor_filter((bc_vcursor *)cur, idx_num, argc, argv);
}

static int vt_next(sqlite3_vtab_cursor *cur)
{
    return bc_vcursor_next((bc_vcursor *)cur);
}

static int vt_eof(sqlite3_vtab_cursor *cur)
{
    return ((bc_vcursor *)cur)->eof;
}

static int vt_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i)
{
    bc_vcursor *c = (bc_vcursor *)cur;
    const bc_column_def *col = &c->vt->t->columns[i];

    bc_vcursor_resolve_cells(c);
    if (c->cells[i] == NULL && (col->flags & BC_COLF_PARENT_KEY) && c->cur_key != 0) {
        /* The child row does not repeat its parent's id: it is the key we requested. */
        sqlite3_result_int64(ctx, c->cur_key);
        return SQLITE_OK;
    }
    bc_vtab_result(ctx, col, c->cells[i]);
    return SQLITE_OK;
}

static int vt_rowid(sqlite3_vtab_cursor *cur, sqlite_int64 *rowid)
{
    bc_vcursor *c = (bc_vcursor *)cur;

    bc_vcursor_resolve_cells(c);
    if (c->vt->pk >= 0 && cJSON_IsNumber(c->cells[c->vt->pk]))
        *rowid = (sqlite_int64)c->cells[c->vt->pk]->valuedouble;
    else
        *rowid = c->rows;
    return SQLITE_OK;
}

static int vt_update(sqlite3_vtab *base, int argc, sqlite3_value **argv, sqlite_int64 *rowid)
{
    bc_vtab *vt = (bc_vtab *)base;
    bc_error err;

    (void)argc;
    (void)argv;
    (void)rowid;
    bc_error_clear(&err);
    bc_error_set(&err, "HY000", 0,
                 "the BigCommerce table %s is read-only in this version; use SELECT", vt->t->name);
    bc_vtab_fail(vt, &err);
    return SQLITE_READONLY;
}

static const sqlite3_module k_module = {
    .iVersion = 1,
    .xCreate = vt_connect,
    .xConnect = vt_connect,
    .xBestIndex = vt_best_index,
    .xDisconnect = vt_disconnect,
    .xDestroy = vt_disconnect,
    .xOpen = vt_open,
    .xClose = vt_close,
    .xFilter = vt_filter,
    .xNext = vt_next,
    .xEof = vt_eof,
    .xColumn = vt_column,
    .xRowid = vt_rowid,
    .xUpdate = vt_update,
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
