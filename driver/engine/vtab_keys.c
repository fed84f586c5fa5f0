/*
 * The values that fill an endpoint's {placeholders}, as tuples (one string per
 * placeholder, in the template's order). They are given by the plan (order_id = 5, or an
 * IN list: one tuple per value), or walked: the parent table is read through SQL on the
 * same database, so a parent that is itself a child or a nested view (ShippingConsignments
 * for ShippingConsignmentQuotes) is walked with its own plan, and the placeholders that
 * were given narrow that walk.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_http.h"
#include "bc_util.h"
#include "vtab_internal.h"

/* Tuples read from the walk at a time: several parents' requests can then go out at once. */
#define WALK_BATCH (BC_PAGER_WINDOW * 4)

/* 2^63, the first double beyond sqlite3_int64: a double d converts to it without undefined
 * behaviour only when -2^63 <= d < 2^63 (and d is not NaN, which fails both tests). */
#define INT64_END 9223372036854775808.0

/* An integer column equals only an integer (or text/real that is exactly one). */
static bool value_as_int(sqlite3_value *v, sqlite3_int64 *out)
{
    int t = sqlite3_value_numeric_type(v);

    if (t == SQLITE_INTEGER) {
        *out = sqlite3_value_int64(v);
        return true;
    }
    if (t == SQLITE_FLOAT) {
        double d = sqlite3_value_double(v);
        if (!(d >= -INT64_END && d < INT64_END))
            return false; /* 1e300, +-inf, NaN: no 64-bit id equals it */
        *out = (sqlite3_int64)d;
        return (double)*out == d;
    }
    return false;
}

int bc_vkeys_value_text(const bc_column_def *col, sqlite3_value *v, char **out)
{
    sqlite3_int64 n;
    const unsigned char *text;

    *out = NULL;
    if (sqlite3_value_type(v) == SQLITE_NULL)
        return 0;
    if (col->type == BC_COL_INTEGER || col->type == BC_COL_BIGINT) {
        if (!value_as_int(v, &n))
            return 0;
        *out = bc_sprintf("%lld", (long long)n);
        return *out ? 0 : -1;
    }
    if ((text = sqlite3_value_text(v)) == NULL)
        return -1; /* not NULL (checked above): out of memory */
    *out = bc_http_escape((const char *)text);
    return *out ? 0 : -1;
}

int bc_vkeys_push(bc_vcursor *c, char *const *vals)
{
    int w = c->nph > 0 ? c->nph : 1;

    if (c->ntuples == c->captuples) {
        int cap = c->captuples ? c->captuples * 2 : 16;
        char **n = realloc(c->tuples, (size_t)cap * (size_t)w * sizeof *n);
        if (n == NULL)
            return -1;
        c->tuples = n;
        c->captuples = cap;
    }
    char **row = c->tuples + (size_t)c->ntuples * (size_t)w;
    for (int k = 0; k < w; k++) {
        row[k] = (k < c->nph && vals[k]) ? bc_strdup(vals[k]) : NULL;
        if (k < c->nph && vals[k] && row[k] == NULL) {
            while (k-- > 0)
                free(row[k]);
            return -1;
        }
    }
    c->ntuples++;
    return 0;
}

void bc_vkeys_clear(bc_vcursor *c)
{
    int w = c->nph > 0 ? c->nph : 1;

    for (int i = 0; i < c->ntuples * w; i++)
        free(c->tuples[i]);
    c->ntuples = c->tuplepos = c->prefetched = 0;
    c->cur = NULL;
}

static const char *col_of(const bc_table_def *t, const char *name)
{
    return bc_catalog_column_index(t, name) >= 0 ? name : NULL;
}

int bc_vkeys_walk_open(bc_vcursor *c, bc_error *err)
{
    const bc_vtab *vt = c->vt;
    const bc_table_def *pt = vt->walk;
    bc_buf b;
    char *sql;
    int rc, bind = 1;

    if (pt == NULL)
        return bc_error_set(err, "HY000", 0,
                            "%s can only be read for given parent rows; add a WHERE condition "
                            "on its parent key",
                            vt->t->name);
    bc_buf_init(&b);
    bc_buf_puts(&b, "SELECT ");
    for (int k = 0; k < vt->nph; k++) {
        if (col_of(pt, vt->ph_parent[k]) == NULL) {
            bc_buf_free(&b);
            return bc_error_set(err, "HY000", 0,
                                "%s can only be read for given %s; add a WHERE condition on it",
                                vt->t->name, vt->ph_name[k]);
        }
        bc_buf_printf(&b, "%s\"%s\"", k ? ", " : "", vt->ph_parent[k]);
    }
    bc_buf_printf(&b, " FROM \"%s\"", pt->name);
    for (int k = 0, n = 0; k < vt->nph; k++)
        if (c->given[k] != NULL)
            bc_buf_printf(&b, " %s \"%s\" = ?", n++ ? "AND" : "WHERE", vt->ph_parent[k]);
    if ((sql = bc_buf_steal(&b)) == NULL)
        return bc_error_set(err, "HY001", 0, "out of memory while reading %s", vt->t->name);
    rc = sqlite3_prepare_v2(vt->e->db, sql, -1, &c->walk, NULL);
    free(sql);
    if (rc != SQLITE_OK)
        return bc_error_set(err, "HY000", 0, "cannot list %s to read %s: %s", pt->name, vt->t->name,
                            sqlite3_errmsg(vt->e->db));
    for (int k = 0; k < vt->nph; k++) {
        if (c->given[k] == NULL)
            continue;
        /* An integer key compares as an integer with the parent's INTEGER column. */
        char *end;
        long long n = strtoll(c->given[k], &end, 10);
        if (*c->given[k] != '\0' && *end == '\0')
            sqlite3_bind_int64(c->walk, bind++, n);
        else
            sqlite3_bind_text(c->walk, bind++, c->given[k], -1, SQLITE_TRANSIENT);
    }
    c->walk_done = false;
    return 0;
}

/* The walk's statement failed: the error the parent's own cursor recorded, else SQLite's. */
static int walk_error(bc_vcursor *c, bc_error *err)
{
    bc_engine *e = c->vt->e;

    if (e->has_err)
        return bc_error_set(err, e->err.sqlstate, e->err.native, "%s", e->err.message);
    return bc_error_set(err, "HY000", 0, "reading %s failed: %s", c->vt->walk->name,
                        sqlite3_errmsg(e->db));
}

int bc_vkeys_walk_refill(bc_vcursor *c, bc_error *err)
{
    char *vals[BC_VTAB_MAX_PH];
    int rc = SQLITE_DONE;

    bc_vkeys_clear(c);
    if (c->walk == NULL && bc_vkeys_walk_open(c, err) != 0)
        return -1;
    /* Under a row cap, one parent at a time: the cap may be met before the next one. */
    int batch = c->max_rows > 0 ? 1 : WALK_BATCH;
    while (!c->walk_done && c->ntuples < batch && (rc = sqlite3_step(c->walk)) == SQLITE_ROW) {
        bool ok = true;
        for (int k = 0; k < c->nph; k++) {
            vals[k] = (char *)sqlite3_column_text(c->walk, k);
            ok = ok && vals[k] != NULL; /* a parent without its key has no children */
        }
        if (ok && bc_vkeys_push(c, vals) != 0)
            return bc_error_set(err, "HY001", 0, "out of memory while reading %s", c->vt->t->name);
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return walk_error(c, err);
    if (rc == SQLITE_DONE)
        c->walk_done = true;
    return c->ntuples > 0 ? 1 : 0;
}

char *bc_vkeys_fill(const bc_vcursor *c, char *const *vals)
{
    bc_buf b;

    bc_buf_init(&b);
    for (const char *p = c->tmpl; *p;) {
        const char *close = *p == '{' ? strchr(p, '}') : NULL;
        if (close == NULL) {
            bc_buf_append(&b, p, 1);
            p++;
            continue;
        }
        for (int k = 0; k < c->nph; k++)
            if (strlen(c->ph_name[k]) == (size_t)(close - p - 1) &&
                strncmp(c->ph_name[k], p + 1, (size_t)(close - p - 1)) == 0 && vals[k])
                bc_buf_puts(&b, vals[k]);
        p = close + 1;
    }
    return bc_buf_steal(&b);
}
