/*
 * The WHERE terms the planner sends to the API, told by the planner itself: for every column
 * of a table and every operator that could be pushed, SQLite plans "SELECT * FROM t WHERE
 * col <op> ..." through bc_vtab_best_index, and the terms of the plan it picked (the idxStr
 * that EXPLAIN QUERY PLAN shows) say what went to the API. The README's table reference is
 * generated from this, so it cannot promise a pushdown the planner does not make.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"
#include "engine_internal.h"
#include "vtab_internal.h"

/* The terms tried on each column (%s: the column's quoted name), and how the README writes
 * them, in the order of the PROBE_ indexes below. */
enum { PROBE_IN = 1, PROBE_LIKE = 4, PROBE_ORDER = 5 };
static const struct {
    const char *sql;
    const char *shown;
} probe_ops[] = {{"WHERE %s = 1", "="},           {"WHERE %s IN (1, 2)", "IN"},
                 {"WHERE %s >= 1", ">="},         {"WHERE %s <= 1", "<="},
                 {"WHERE %s LIKE 'x%%'", "LIKE"}, {"ORDER BY %s", "ORDER BY"}};

/* idxNum and idxStr of the plan SQLite picks for sql, from EXPLAIN QUERY PLAN's
 * "... VIRTUAL TABLE INDEX n:terms". *terms is malloc'd ("" when the plan pushes nothing);
 * -1 when the statement cannot be planned. */
static int plan_of(sqlite3 *db, const char *sql, int *mode, char **terms)
{
    sqlite3_stmt *vm = NULL;
    int rc = -1;

    *terms = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &vm, NULL) != SQLITE_OK)
        return -1;
    while (rc != 0 && sqlite3_step(vm) == SQLITE_ROW) {
        const char *detail = (const char *)sqlite3_column_text(vm, 3);
        const char *at = detail ? strstr(detail, "VIRTUAL TABLE INDEX ") : NULL;
        if (at == NULL)
            continue;
        at += strlen("VIRTUAL TABLE INDEX ");
        *mode = atoi(at);
        at = strchr(at, ':');
        *terms = bc_strdup(at ? at + 1 : "");
        rc = *terms != NULL ? 0 : -1;
    }
    sqlite3_finalize(vm);
    return rc;
}

/* Whether a term sends its value to the API (a path placeholder, a filter, a bound, a sort).
 * Any other term (LIMIT, OFFSET, or a local lookup, BC_TERM_LOCAL, answered from rows read
 * without it) is not a pushdown the README lists. */
static bool sent_to_api(char term)
{
    switch (term) {
    case BC_TERM_PATH:
    case BC_TERM_PATH_IN:
    case BC_TERM_EQ:
    case BC_TERM_IN:
    case BC_TERM_MIN:
    case BC_TERM_MAX:
    case BC_TERM_LIKE:
    case BC_TERM_SORT:
    case BC_TERM_SORT_DESC:
        return true;
    default:
        return false;
    }
}

/* The term the plan sends to the API for column col ('F', 'N', 'P' ...), 0 when none. */
static char term_on(const char *terms, int col)
{
    for (const char *p = terms; *p;) {
        char op = *p++;
        char *end;
        long c = strtol(p, &end, 10);
        if (c == col && sent_to_api(op))
            return op;
        p = *end == ',' ? end + 1 : end;
    }
    return 0;
}

/* What answers a pushed term, as the README shows it in parentheses. */
static const char *api_form(const bc_table_def *t, int col, char term, int mode, bool in)
{
    const bc_table_def *src = t->rows_path ? bc_catalog_find(t->parent_table) : t;
    int key = t->rows_path ? bc_catalog_column_index(t, t->parent_column) : -1;

    if (term == BC_TERM_PATH || term == BC_TERM_PATH_IN) {
        if (mode == BC_PLAN_ID_PATH)
            return t->id_path_endpoint;
        if (mode == BC_PLAN_SRC_PATH && src != NULL)
            return src->id_path_endpoint;
        return NULL; /* a placeholder of the endpoint's path */
    }
    if (term == BC_TERM_MIN)
        return t->columns[col].filter_min;
    if (term == BC_TERM_MAX)
        return t->columns[col].filter_max;
    if (term == BC_TERM_LIKE)
        return t->columns[col].filter_like;
    if (term == BC_TERM_SORT || term == BC_TERM_SORT_DESC)
        return t->columns[col].sort_param;
    return src ? bc_vtab_param_of(t, src, key, col, in && term == BC_TERM_IN) : NULL;
}

/* How one operator on one column is pushed. */
typedef struct pushed {
    bool yes;
    bool per_value;   /* an IN list that goes as one request per value */
    const char *form; /* the API parameter or id path; NULL for a placeholder of the path */
} pushed;

static pushed probe(bc_engine *e, const bc_table_def *t, int col, int op)
{
    char *name = bc_sprintf("\"%s\"", t->columns[col].name);
    char *where = name ? bc_sprintf(probe_ops[op].sql, name) : NULL;
    char *sql =
        where ? bc_sprintf("EXPLAIN QUERY PLAN SELECT * FROM \"%s\" %s", t->name, where) : NULL;
    char *terms = NULL;
    int mode = 0;
    pushed p = {0};

    if (sql != NULL && plan_of(e->db, sql, &mode, &terms) == 0) {
        char term = term_on(terms, col);
        /* SQLite may add range terms of its own for a LIKE prefix: only a LIKE term counts. */
        if ((op == PROBE_LIKE && term != BC_TERM_LIKE) ||
            (op == PROBE_ORDER && term != BC_TERM_SORT && term != BC_TERM_SORT_DESC))
            term = 0;
        bool path = term == BC_TERM_PATH || term == BC_TERM_PATH_IN;
        p.form = term != 0 ? api_form(t, col, term, mode, op == PROBE_IN) : NULL;
        /* Only a path placeholder goes without a parameter name. */
        p.yes = term != 0 && (p.form != NULL || path);
        p.per_value = op == PROBE_IN && (term == BC_TERM_EQ || term == BC_TERM_PATH);
    }
    free(name);
    free(where);
    free(sql);
    free(terms);
    return p;
}

/* "`col op` (form)", or "`ORDER BY col` (`sort=field`)". */
static void describe(bc_buf *out, const char *col, const char *ops, const pushed *p)
{
    bool order = strcmp(ops, "ORDER BY") == 0;

    if (order)
        bc_buf_printf(out, "%s`%s %s` (", out->len ? ", " : "", ops, col);
    else
        bc_buf_printf(out, "%s`%s %s` (", out->len ? ", " : "", col, ops);
    if (p->form != NULL)
        bc_buf_printf(out, order ? "`sort=%s`" : "`%s`", p->form);
    else
        bc_buf_puts(out, "path");
    bc_buf_puts(out, p->per_value ? ", a request per value)" : ")");
}

static bool same_form(const pushed *a, const pushed *b)
{
    return a->form == b->form || (a->form && b->form && strcmp(a->form, b->form) == 0);
}

char *bc_engine_pushdown_terms(bc_engine *e, const bc_table_def *t)
{
    enum { NOPS = sizeof probe_ops / sizeof probe_ops[0] };
    bc_buf out;

    bc_buf_init(&out);
    for (int col = 0; col < t->ncolumns; col++) {
        pushed p[NOPS];
        int op = 0;
        for (int k = 0; k < NOPS; k++)
            p[k] = probe(e, t, col, k);
        /* "= and IN answered alike" reads as one entry. */
        if (p[0].yes && p[1].yes && !p[1].per_value && same_form(&p[0], &p[1])) {
            describe(&out, t->columns[col].name, "=`/`IN", &p[0]);
            op = 2;
        }
        for (; op < NOPS; op++)
            if (p[op].yes)
                describe(&out, t->columns[col].name, probe_ops[op].shown, &p[op]);
    }
    if (out.len == 0)
        bc_buf_puts(&out, "—");
    return bc_buf_steal(&out);
}
