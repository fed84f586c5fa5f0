/*
 * Planning (xBestIndex): which WHERE terms the API answers, and what they cost.
 *
 * A plan requests one path template (idxNum: src's endpoint, t's id path, or a nested
 * view's parent by id) and carries its terms in idxStr, one per argv slot, so that xFilter
 * knows each argument's role: a placeholder value, a filter parameter, a bound, the LIMIT.
 * Pushdown is an optimisation, never a change of meaning: a term is omitted only when the
 * API applies exactly that predicate (the catalog's filter_eq/filter_in promise it; a
 * bound is exact only as >= / <= on an integer column), otherwise SQLite re-checks it.
 *
 * Costs are in "requests": a full scan pages through the whole endpoint; a child table
 * scanned without its placeholder values pays a request per parent; a key lookup is one
 * request. Each pushed filter scales the cost by how selective it is, so that SQLite
 * prefers the plan (and the join order) with the most selective pushed constraint.
 */
#include <string.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "vtab_internal.h"

#define COST_ID 10.0
#define COST_PARENT 100.0
#define COST_SCAN 1.0e6
#define COST_CHILD_SCAN 1.0e8
#define ROWS_SCAN 10000.0
#define ROWS_PARENT 10.0
#define IN_VALUES 5.0  /* assumed length of an IN list */
#define SEL_KEY 1.0e-4 /* a filter on an id: a row or a few */
#define SEL_EQ 1.0e-2  /* a filter on another column */
#define SEL_BOUND 0.5  /* a lower or an upper bound */

typedef struct plan {
    sqlite3_index_info *info;
    const bc_vtab *vt;
    int argn;
    bool has_in;
    double cost, rows;
    bc_buf terms;
} plan;

static bool is_eq(const struct sqlite3_index_constraint *k)
{
    return k->usable && k->op == SQLITE_INDEX_CONSTRAINT_EQ && k->iColumn >= 0;
}

static bool is_integer_col(const bc_column_def *c)
{
    return c->type == BC_COL_INTEGER || c->type == BC_COL_BIGINT;
}

/* The first usable "col = ?" constraint, -1 when none. */
static int eq_on(const sqlite3_index_info *info, int col)
{
    for (int i = 0; col >= 0 && i < info->nConstraint; i++)
        if (is_eq(&info->aConstraint[i]) && info->aConstraint[i].iColumn == col)
            return i;
    return -1;
}

/* Give constraint i the next argv slot as term op; an IN list is taken whole when allowed
 * (one per plan). Returns the number of values it stands for. */
static double use(plan *p, int i, char op, char in_op, bool omit)
{
    sqlite3_index_info *info = p->info;

    info->aConstraintUsage[i].argvIndex = p->argn++;
    info->aConstraintUsage[i].omit = omit;
    if (in_op && !p->has_in && sqlite3_vtab_in(info, i, -1) && sqlite3_vtab_in(info, i, 1)) {
        p->has_in = true;
        op = in_op;
        info->aConstraintUsage[i].omit = 1;
    }
    bc_buf_printf(&p->terms, "%c%d,", op, info->aConstraint[i].iColumn);
    return op == in_op ? IN_VALUES : 1.0;
}

const char *bc_vtab_param_of(const bc_table_def *t, const bc_table_def *src, int src_key_col,
                             int col, bool in)
{
    const bc_column_def *c;

    if (t->rows_path != NULL) {
        if (col != src_key_col || col < 0)
            return NULL;
        int spk = bc_catalog_pk_index(src);
        if (spk < 0)
            return NULL;
        c = &src->columns[spk];
    } else {
        c = &t->columns[col];
    }
    return in ? c->filter_in : (c->filter_eq ? c->filter_eq : c->filter_in);
}

const char *bc_vtab_filter_param(const bc_vtab *vt, int col, bool in)
{
    return bc_vtab_param_of(vt->t, vt->src, vt->src_key_col, col, in);
}

static bool is_placeholder_col(const bc_vtab *vt, int col)
{
    for (int k = 0; k < vt->nph; k++)
        if (vt->ph_col[k] == col)
            return true;
    return false;
}

/* The API answers exactly SQL's predicate only on integers: text filters ignore case (the
 * store's collation), money and dates are compared in the API's own terms. Other pushed
 * terms narrow the request and SQLite checks them again. */
static bool is_exact_col(const bc_column_def *c)
{
    return is_integer_col(c);
}

/* Numbers and times can be bounded; text cannot (the API's order is not SQL's). */
static bool is_boundable_col(const bc_column_def *c)
{
    switch (c->type) {
    case BC_COL_INTEGER:
    case BC_COL_BIGINT:
    case BC_COL_DECIMAL:
    case BC_COL_DOUBLE:
    case BC_COL_TIMESTAMP:
    case BC_COL_DATE:
        return true;
    default:
        return false;
    }
}

static void narrow(plan *p, double sel)
{
    p->cost *= sel;
    p->rows *= sel;
}

/* A bound ("col >= v" ...) on a column with a min/max filter. Returns true when used. */
static bool plan_bound(plan *p, int i, unsigned long long *seen_min, unsigned long long *seen_max)
{
    const struct sqlite3_index_constraint *k = &p->info->aConstraint[i];
    const bc_column_def *c = &p->vt->t->columns[k->iColumn];
    unsigned long long bit = 1ULL << (k->iColumn & 63);
    bool lower = k->op == SQLITE_INDEX_CONSTRAINT_GE || k->op == SQLITE_INDEX_CONSTRAINT_GT;
    bool upper = k->op == SQLITE_INDEX_CONSTRAINT_LE || k->op == SQLITE_INDEX_CONSTRAINT_LT;
    bool inclusive = k->op == SQLITE_INDEX_CONSTRAINT_GE || k->op == SQLITE_INDEX_CONSTRAINT_LE;

    if (!is_boundable_col(c))
        return false;
    /* The API's bounds are inclusive: > and < are pushed as >= and <= and re-checked. */
    if (lower && c->filter_min && !(*seen_min & bit)) {
        use(p, i, BC_TERM_MIN, 0, inclusive && is_exact_col(c));
        *seen_min |= bit;
    } else if (upper && c->filter_max && !(*seen_max & bit)) {
        use(p, i, BC_TERM_MAX, 0, inclusive && is_exact_col(c));
        *seen_max |= bit;
    } else {
        return false;
    }
    narrow(p, SEL_BOUND);
    return true;
}

/* "col = ?" on a column the API cannot filter, on a table read as one stream: the rows are
 * read once and probed by an index over them (vtab_batch.c), so a join that asks the table
 * again and again does not rescan it. SQLite still checks the term. Integer and text
 * columns compared as SQL does by default (BINARY). */
static bool can_look_up_locally(const plan *p, int i)
{
    const bc_vtab *vt = p->vt;
    const bc_column_def *c = &vt->t->columns[p->info->aConstraint[i].iColumn];
    const char *coll = sqlite3_vtab_collation(p->info, i);

    if (vt->nph > 0 || vt->t->rows_path != NULL || (coll != NULL && strcmp(coll, "BINARY") != 0))
        return false;
    return c->type == BC_COL_INTEGER || c->type == BC_COL_BIGINT || c->type == BC_COL_VARCHAR;
}

static bool is_binary(sqlite3_index_info *info, int i)
{
    const char *coll = sqlite3_vtab_collation(info, i);

    return coll == NULL || strcmp(coll, "BINARY") == 0;
}

/* Filters and bounds of an endpoint plan. */
static void plan_filters(plan *p)
{
    const bc_vtab *vt = p->vt;
    sqlite3_index_info *info = p->info;
    unsigned long long seen_eq = 0, seen_min = 0, seen_max = 0, seen_like = 0;
    bool local = false;

    for (int i = 0; i < info->nConstraint; i++) {
        const struct sqlite3_index_constraint *k = &info->aConstraint[i];
        int col = k->iColumn;
        unsigned long long bit = 1ULL << (col & 63);
        if (!k->usable || col < 0 || info->aConstraintUsage[i].argvIndex > 0)
            continue;
        if (k->op == SQLITE_INDEX_CONSTRAINT_EQ && !(seen_eq & bit) &&
            !is_placeholder_col(vt, col) && bc_vtab_filter_param(vt, col, false) != NULL) {
            bool exact = vt->t->rows_path != NULL || is_exact_col(&vt->t->columns[col]);
            /* An IN list taken whole is not checked by SQLite again: the cursor keeps the
             * rows equal to one of its values (vtab_verify.c), byte for byte, which is
             * SQL's answer for text only under the default collation. */
            bool can_in =
                bc_vtab_filter_param(vt, col, true) != NULL &&
                (exact || (vt->t->columns[col].type == BC_COL_VARCHAR && is_binary(info, i)));
            double n = use(p, i, BC_TERM_EQ, can_in ? BC_TERM_IN : 0, exact);
            bool key = col == vt->pk || col == vt->src_key_col;
            /* A child probed parent by parent is read 50 parents a request (vtab_batch.c). */
            double bulk = col == vt->bulk_col && n == 1.0 ? 1.0 / BC_API_IN_CHUNK : 1.0;
            narrow(p, (key || col == vt->bulk_col ? SEL_KEY : SEL_EQ) * n * bulk);
            seen_eq |= bit;
            continue;
        }
        if (k->op == SQLITE_INDEX_CONSTRAINT_EQ && !local && !is_placeholder_col(vt, col) &&
            bc_vtab_filter_param(vt, col, false) == NULL && can_look_up_locally(p, i)) {
            use(p, i, BC_TERM_LOCAL, 0, false);
            narrow(p, SEL_EQ);
            local = true;
            continue;
        }
        if (vt->t->rows_path != NULL)
            continue;
        if (k->op == SQLITE_INDEX_CONSTRAINT_LIKE && vt->t->columns[col].filter_like &&
            !(seen_like & bit)) {
            use(p, i, BC_TERM_LIKE, 0, false);
            narrow(p, SEL_EQ);
            seen_like |= bit;
            continue;
        }
        plan_bound(p, i, &seen_min, &seen_max);
    }
}

/* The endpoint plan: placeholders given (all: one request each; some: a narrower walk). */
static void plan_endpoint(plan *p)
{
    const bc_vtab *vt = p->vt;
    int given = 0;

    for (int k = 0; k < vt->nph; k++)
        given += eq_on(p->info, vt->ph_col[k]) >= 0;
    if (vt->nph == 0) {
        p->cost = COST_SCAN;
        p->rows = ROWS_SCAN;
    } else if (given == vt->nph) {
        p->cost = COST_PARENT;
        p->rows = ROWS_PARENT;
    } else {
        p->cost = vt->walk ? COST_CHILD_SCAN : COST_SCAN;
        p->rows = ROWS_SCAN;
    }
    for (int k = 0; k < vt->nph; k++) {
        int i = eq_on(p->info, vt->ph_col[k]);
        if (i < 0 || p->info->aConstraintUsage[i].argvIndex > 0)
            continue;
        /* An IN list of one placeholder is a list of requests only when the others are
         * given too; else SQLite hands the values over one by one. */
        double n = use(p, i, BC_TERM_PATH, given == vt->nph ? BC_TERM_PATH_IN : 0, true);
        p->cost *= given == vt->nph ? n : SEL_EQ * n;
        p->rows *= given == vt->nph ? n : SEL_EQ * n;
    }
    plan_filters(p);
}

/* A single object by id: t's own id path (v2 tables without an id filter), or for a nested
 * view its parent's (ShippingZoneLocations by zone_id: one zone). -1 when neither applies. */
static int id_path_constraint(const bc_vtab *vt, const sqlite3_index_info *info, int *mode)
{
    const bc_table_def *t = vt->t, *src = vt->src;

    if (t->rows_path == NULL && vt->nph == 0 && t->id_path_endpoint != NULL && vt->pk >= 0 &&
        bc_vtab_filter_param(vt, vt->pk, false) == NULL) {
        *mode = BC_PLAN_ID_PATH;
        return eq_on(info, vt->pk);
    }
    if (t->rows_path != NULL && src->id_path_endpoint != NULL &&
        bc_vtab_filter_param(vt, vt->src_key_col, false) == NULL) {
        *mode = BC_PLAN_SRC_PATH;
        return eq_on(info, vt->src_key_col);
    }
    return -1;
}

static bool all_placeholders_given(const bc_vtab *vt, const sqlite3_index_info *info)
{
    for (int k = 0; k < vt->nph; k++)
        if (eq_on(info, vt->ph_col[k]) < 0)
            return false;
    return true;
}

/* A scan that reads no column (SELECT COUNT(*) FROM t, SELECT 1 FROM t) needs only the
 * number of rows, which one request tells: a v3 list's meta.pagination.total, or a v2
 * list's documented /count endpoint when it counts exactly the listed rows. Only for a
 * table of its own (no placeholders, not a nested view) and only when SQLite checks nothing
 * on it, not even its rowid. */
static bool count_only(const bc_vtab *vt, const sqlite3_index_info *info)
{
    const bc_table_def *t = vt->t;

    if (info->colUsed != 0 || info->nOrderBy > 0 || vt->src != t || vt->nph > 0)
        return false;
    if (t->paging != BC_PAGING_V3 && (t->count_endpoint == NULL || t->count_exceeds_list))
        return false;
    for (int i = 0; i < info->nConstraint; i++) {
        int op = info->aConstraint[i].op;
        if (info->aConstraint[i].usable && op != SQLITE_INDEX_CONSTRAINT_LIMIT &&
            op != SQLITE_INDEX_CONSTRAINT_OFFSET)
            return false;
    }
    return true;
}

/* ORDER BY one column the endpoint sorts by, over one stream of pages (no placeholders,
 * no IN list sent in chunks): the API's order is the answer's, so SQLite need not sort and
 * a LIMIT can be sent along. Only numbers and times: the API orders text by its own
 * collation, not SQL's. */
static void plan_order(plan *p, int mode)
{
    sqlite3_index_info *info = p->info;
    const bc_vtab *vt = p->vt;
    const bc_column_def *c;

    if (mode != BC_PLAN_ENDPOINT || info->nOrderBy != 1 || vt->nph > 0 ||
        vt->t->rows_path != NULL || p->has_in || info->aOrderBy[0].iColumn < 0)
        return;
    c = &vt->t->columns[info->aOrderBy[0].iColumn];
    if (!(c->flags & BC_COLF_SORTABLE) || c->sort_param == NULL || !is_boundable_col(c))
        return;
    info->orderByConsumed = 1;
    bc_buf_printf(&p->terms, "%c%d,", info->aOrderBy[0].desc ? BC_TERM_SORT_DESC : BC_TERM_SORT,
                  info->aOrderBy[0].iColumn);
    p->cost *= 0.9; /* the same requests, and no sort */
}

/* LIMIT caps the requests only when SQLite re-checks nothing else on this table. */
static void plan_limit(plan *p)
{
    sqlite3_index_info *info = p->info;
    int lim = -1, off = -1;

    for (int i = 0; i < info->nConstraint; i++) {
        int op = info->aConstraint[i].op;
        if (op == SQLITE_INDEX_CONSTRAINT_LIMIT && info->aConstraint[i].usable)
            lim = i;
        else if (op == SQLITE_INDEX_CONSTRAINT_OFFSET && info->aConstraint[i].usable)
            off = i;
        else if (!info->aConstraintUsage[i].omit)
            return;
    }
    if (lim < 0 || (info->nOrderBy > 0 && !info->orderByConsumed))
        return;
    info->aConstraintUsage[lim].argvIndex = p->argn++;
    bc_buf_puts(&p->terms, "L-1,");
    if (off >= 0) {
        info->aConstraintUsage[off].argvIndex = p->argn++;
        bc_buf_puts(&p->terms, "O-1,");
    }
}

int bc_vtab_best_index(sqlite3_vtab *base, sqlite3_index_info *info)
{
    const bc_vtab *vt = (const bc_vtab *)base;
    plan p = {.info = info, .vt = vt, .argn = 1};
    int mode = BC_PLAN_ENDPOINT, i = -1;

    bc_buf_init(&p.terms);
    if (vt->nph == 0 || !all_placeholders_given(vt, info))
        i = id_path_constraint(vt, info, &mode);
    if (count_only(vt, info)) {
        mode = BC_PLAN_COUNT;
        p.cost = COST_ID;
        p.rows = ROWS_SCAN;
    } else if (i >= 0) {
        double n = use(&p, i, BC_TERM_PATH, BC_TERM_PATH_IN, true);
        p.cost = COST_ID * n;
        p.rows = (mode == BC_PLAN_ID_PATH ? 1.0 : ROWS_PARENT) * n;
        if (mode == BC_PLAN_ID_PATH && !p.has_in)
            info->idxFlags |= SQLITE_INDEX_SCAN_UNIQUE;
    } else {
        mode = BC_PLAN_ENDPOINT;
        plan_endpoint(&p);
    }
    plan_order(&p, mode);
    plan_limit(&p);
    if (mode != BC_PLAN_COUNT)
        bc_vinclude_plan(vt, info->colUsed, &p.terms);
    info->idxNum = mode;
    info->idxStr = p.terms.oom ? NULL : sqlite3_mprintf("%s", p.terms.data ? p.terms.data : "");
    bc_buf_free(&p.terms);
    if (info->idxStr == NULL)
        return SQLITE_NOMEM;
    info->needToFreeIdxStr = 1;
    info->estimatedCost = p.cost < COST_ID ? COST_ID : p.cost;
    info->estimatedRows = p.rows < 1 ? 1 : (sqlite3_int64)p.rows;
    return SQLITE_OK;
}
