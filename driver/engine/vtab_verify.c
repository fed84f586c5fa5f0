/*
 * Rows checked against the integer filters the API was asked to apply. An equality, an IN
 * list or an inclusive bound on an integer column is pushed as exact (vtab_plan.c), so
 * SQLite does not check it again: a store that ignored the parameter (an endpoint that
 * does not know it, a proxy that drops it) would have every row come back as an answer.
 * Each row is therefore held against what was sent (the values as sent, so a bound the API
 * takes wider than SQL's is checked as sent and SQLite checks the rest), and the first that
 * does not match fails the statement, naming the table and the parameter.
 *
 * Rows answered from memory (vtab_batch.c) are looked up by their own key, and a path
 * placeholder is not a filter: neither can come back wrong this way, but they are held to
 * the same terms, which costs a comparison or a binary search per term and row.
 *
 * An IN list on a text column is taken whole too (one request per 50 values), but the
 * store's text filters are looser than SQL (they ignore case), and a value with a comma
 * cannot be sent in a list at all: the rows not equal to one of the values, byte for byte,
 * are left out here, as SQLite would have done (the planner takes such a list whole only
 * under the default collation).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"
#include "vtab_internal.h"

/* A text IN list taken whole (below): the rows kept are those equal to one of its values. */
#define TEXT_IN 'T'

struct bc_vcheck {
    int col;
    char op; /* BC_TERM_EQ (also an integer IN list), BC_TERM_MIN, BC_TERM_MAX or TEXT_IN */
    const char *param;   /* the filter as sent, for the message */
    sqlite3_int64 *vals; /* EQ: the values sent, sorted; MIN/MAX: the one bound */
    int nvals;
    char **texts; /* TEXT_IN: the list's values, sorted */
    int ntexts;
};

static bool is_integer_col(const bc_column_def *cd)
{
    return cd->type == BC_COL_INTEGER || cd->type == BC_COL_BIGINT;
}

static void free_check(struct bc_vcheck *k)
{
    for (int i = 0; i < k->ntexts; i++)
        free(k->texts[i]);
    free(k->texts);
    free(k->vals);
}

void bc_vverify_free(bc_vcursor *c)
{
    for (int i = 0; i < c->nchecks; i++)
        free_check(&c->checks[i]);
    free(c->checks);
    c->checks = NULL;
    c->nchecks = 0;
}

static int cmp_int64(const void *a, const void *b)
{
    sqlite3_int64 x = *(const sqlite3_int64 *)a, y = *(const sqlite3_int64 *)b;

    return (x > y) - (x < y);
}

/* Text the API was sent ("42") as an integer; false when it is not one. */
static bool parse_int(const char *s, sqlite3_int64 *out)
{
    char *end;

    if (s == NULL || *s == '\0')
        return false;
    *out = strtoll(s, &end, 10);
    return *end == '\0';
}

/* Add v (the text sent, owned by the caller) to the values of check k. -1 on OOM. */
static int add_value(struct bc_vcheck *k, const char *text)
{
    sqlite3_int64 v, *n;

    if (!parse_int(text, &v))
        return 0;
    if ((n = realloc(k->vals, (size_t)(k->nvals + 1) * sizeof *n)) == NULL)
        return -1;
    k->vals = n;
    k->vals[k->nvals++] = v;
    return 0;
}

/* The values of one term as sent: 1 some, 0 none (the term sends nothing), -1 on OOM. */
static int term_values(struct bc_vcheck *k, const bc_column_def *cd, sqlite3_value *arg, bool in)
{
    char *s = NULL;
    bool no_rows = false;
    int rc = 0;

    if (in) {
        sqlite3_value *v = NULL;
        for (int r = sqlite3_vtab_in_first(arg, &v); rc == 0 && r == SQLITE_OK && v != NULL;
             r = sqlite3_vtab_in_next(arg, &v)) {
            if ((rc = bc_vkeys_value_text(cd, v, &s)) == 0)
                rc = add_value(k, s);
            free(s);
            s = NULL;
        }
    } else if (k->op == BC_TERM_EQ) {
        if ((rc = bc_vkeys_value_text(cd, arg, &s)) == 0)
            rc = add_value(k, s);
    } else if ((rc = bc_vkeys_bound_text(cd, arg, k->op == BC_TERM_MAX, &s, &no_rows)) == 0) {
        rc = add_value(k, s);
    }
    free(s);
    if (rc != 0)
        return -1;
    if (k->nvals > 1) /* qsort wants an array, even of none */
        qsort(k->vals, (size_t)k->nvals, sizeof *k->vals, cmp_int64);
    return k->nvals > 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The values of a text IN list as SQLite compares them (NULL equals nothing). -1 on OOM. */
static int text_values(struct bc_vcheck *k, sqlite3_value *list)
{
    sqlite3_value *v = NULL;

    for (int r = sqlite3_vtab_in_first(list, &v); r == SQLITE_OK && v != NULL;
         r = sqlite3_vtab_in_next(list, &v)) {
        const unsigned char *t;
        char **n;
        if (sqlite3_value_type(v) == SQLITE_NULL)
            continue;
        if ((t = sqlite3_value_text(v)) == NULL ||
            (n = realloc(k->texts, (size_t)(k->ntexts + 1) * sizeof *n)) == NULL)
            return -1;
        k->texts = n;
        if ((k->texts[k->ntexts] = bc_strdup((const char *)t)) == NULL)
            return -1;
        k->ntexts++;
    }
    if (k->ntexts > 1)
        qsort(k->texts, (size_t)k->ntexts, sizeof *k->texts, cmp_str);
    return 0;
}

/* The filter parameter term op on col was sent as. */
static const char *param_of(const bc_vcursor *c, char op, int col)
{
    const bc_column_def *cd = &c->vt->t->columns[col];

    if (op == BC_TERM_MIN)
        return cd->filter_min;
    if (op == BC_TERM_MAX)
        return cd->filter_max;
    if (op == BC_TERM_EQ && col == c->vt->bulk_col)
        return cd->filter_in;
    return bc_vtab_filter_param(c->vt, col, op == BC_TERM_IN);
}

/* Keep one term as a check when it is an integer filter sent to the API. -1 on OOM. */
static int keep_term(bc_vcursor *c, char op, int col, sqlite3_value *arg)
{
    struct bc_vcheck k = {.col = col, .op = op == BC_TERM_IN ? BC_TERM_EQ : op};
    const bc_column_def *cd;
    struct bc_vcheck *n;
    int rc;

    if ((op != BC_TERM_EQ && op != BC_TERM_IN && op != BC_TERM_MIN && op != BC_TERM_MAX) ||
        col < 0 || col >= c->vt->t->ncolumns)
        return 0;
    cd = &c->vt->t->columns[col];
    if (op == BC_TERM_IN && cd->type == BC_COL_VARCHAR) {
        k.op = TEXT_IN; /* sent or not (a value with a comma), SQLite does not check it */
        rc = text_values(&k, arg) == 0 ? 1 : -1;
    } else if (!is_integer_col(cd) || (k.param = param_of(c, op, col)) == NULL) {
        return 0;
    } else {
        rc = term_values(&k, cd, arg, op == BC_TERM_IN);
    }
    if (rc <= 0 || (n = realloc(c->checks, (size_t)(c->nchecks + 1) * sizeof *n)) == NULL) {
        free_check(&k);
        return rc <= 0 ? rc : -1;
    }
    c->checks = n;
    c->checks[c->nchecks++] = k;
    return 0;
}

int bc_vverify_plan(bc_vcursor *c, int plan, const char *idx_str, int argc, sqlite3_value **argv)
{
    int a = 0;

    bc_vverify_free(c);
    if (plan == BC_PLAN_COUNT)
        return 0; /* no row is read */
    for (const char *p = idx_str ? idx_str : ""; *p && *p != BC_INCLUDE_SEP && a < argc;) {
        char op = *p++, *end;
        int col = (int)strtol(p, &end, 10);
        p = *end == ',' ? end + 1 : end;
        if (op == BC_TERM_SORT || op == BC_TERM_SORT_DESC)
            continue; /* takes no argument */
        if (keep_term(c, op, col, argv[a++]) != 0)
            return -1;
    }
    return 0;
}

/* The row's value of an integer column: false when it has none (or not a whole number). */
static bool cell_int(const cJSON *v, sqlite3_int64 *out)
{
    if (cJSON_IsNumber(v)) {
        double d = v->valuedouble;
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
            return false;
        *out = (sqlite3_int64)d;
        return (double)*out == d;
    }
    return cJSON_IsString(v) && parse_int(v->valuestring, out);
}

static bool passes(const struct bc_vcheck *k, bool has, sqlite3_int64 v)
{
    if (!has)
        return false; /* NULL equals nothing and is within no bound */
    if (k->op == BC_TERM_MIN)
        return v >= k->vals[0];
    if (k->op == BC_TERM_MAX)
        return v <= k->vals[0];
    return bsearch(&v, k->vals, (size_t)k->nvals, sizeof v, cmp_int64) != NULL;
}

static int fail_ignored(bc_vcursor *c, const struct bc_vcheck *k, bool has, sqlite3_int64 v)
{
    const bc_table_def *t = c->vt->t;
    const char *col = t->columns[k->col].name;
    char got[32], sent[48];
    bc_error err;

    bc_error_clear(&err);
    if (has)
        snprintf(got, sizeof got, "%lld", (long long)v);
    else
        snprintf(got, sizeof got, "NULL");
    if (k->nvals == 1)
        snprintf(sent, sizeof sent, "%lld", (long long)k->vals[0]);
    else
        snprintf(sent, sizeof sent, "%lld,... (%d values)", (long long)k->vals[0], k->nvals);
    bc_error_set(&err, "HY000", 0,
                 "BigCommerce did not apply the filter %s=%s on %s: it returned a row whose %s "
                 "is %s. The statement was stopped rather than return rows the filter excludes. "
                 "Write the condition as an expression (+%s) so that the driver checks it "
                 "itself, and report the store's behaviour.",
                 k->param, sent, t->name, col, got, col);
    return bc_vtab_fail(c->vt, &err);
}

static bool among_texts(const struct bc_vcheck *k, const char *s)
{
    return k->ntexts > 0 &&
           bsearch(&s, k->texts, (size_t)k->ntexts, sizeof *k->texts, cmp_str) != NULL;
}

/* The row's value of a text column, as the column shows it (vtab_value.c: strings as they
 * are, true/false, other values as JSON text), equals one of the list's byte for byte. */
static bool in_texts(const struct bc_vcheck *k, const cJSON *v)
{
    char *json;
    bool found;

    if (v == NULL || cJSON_IsNull(v))
        return false; /* NULL is in no list */
    if (cJSON_IsString(v))
        return among_texts(k, v->valuestring);
    if (cJSON_IsBool(v))
        return among_texts(k, cJSON_IsTrue(v) ? "true" : "false");
    if ((json = cJSON_PrintUnformatted(v)) == NULL)
        return false;
    found = among_texts(k, json);
    cJSON_free(json);
    return found;
}

/* The cursor's row against the checks: 1 kept, 0 left out (a text IN list), -1 failed. */
static int check_row(bc_vcursor *c)
{
    sqlite3_int64 v = 0;
    int kept = 1;

    for (int i = 0; i < c->nchecks; i++) {
        const struct bc_vcheck *k = &c->checks[i];
        if (k->op == TEXT_IN) {
            kept = kept && in_texts(k, bc_vcursor_cell(c, k->col));
            continue;
        }
        bool has = cell_int(bc_vcursor_cell(c, k->col), &v);
        if (!passes(k, has, v)) {
            c->eof = true; /* no row of this request is handed out */
            fail_ignored(c, k, has, v);
            return -1;
        }
    }
    return kept;
}

int bc_vverify_row(bc_vcursor *c)
{
    int rc;

    if (c->nchecks == 0 || c->plan == BC_PLAN_COUNT)
        return SQLITE_OK;
    while (!c->eof) {
        if ((rc = check_row(c)) != 0)
            return rc > 0 ? SQLITE_OK : SQLITE_ERROR;
        if ((rc = bc_vcursor_next(c)) != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}
