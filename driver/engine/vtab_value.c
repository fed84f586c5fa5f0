/*
 * From an API item (a cJSON object) to SQLite values, per the catalog's column types.
 * A row's top-level members are matched to columns in one walk over the object (columns
 * sorted by key name), so a 70-column row costs one pass, not 70 lookups; dotted paths
 * ("billing_address.email") are resolved on their own.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"
#include "vtab_internal.h"

static const char *col_key(const bc_column_def *c)
{
    return c->json_path ? c->json_path : c->name;
}

/* Insertion sort: a table has tens of columns, and qsort has no context argument in C11
 * (a static one would race between connections opened on two threads). */
static void sort_by_key(const bc_table_def *t, int *idx, int n)
{
    for (int i = 1; i < n; i++) {
        int v = idx[i], j = i - 1;
        while (j >= 0 && strcmp(col_key(&t->columns[idx[j]]), col_key(&t->columns[v])) > 0) {
            idx[j + 1] = idx[j];
            j--;
        }
        idx[j + 1] = v;
    }
}

int bc_vtab_build_key_index(bc_vtab *vt)
{
    const bc_table_def *t = vt->t;

    vt->by_key = malloc((size_t)t->ncolumns * sizeof *vt->by_key);
    if (vt->by_key == NULL)
        return -1;
    vt->nby_key = 0;
    for (int i = 0; i < t->ncolumns; i++)
        if (strchr(col_key(&t->columns[i]), '.') == NULL &&
            !(t->columns[i].flags & BC_COLF_FROM_PARENT))
            vt->by_key[vt->nby_key++] = i;
    sort_by_key(t, vt->by_key, vt->nby_key);
    return 0;
}

static int find_key(const bc_vtab *vt, const char *key)
{
    int lo = 0, hi = vt->nby_key - 1;

    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int col = vt->by_key[mid];
        int cmp = strcmp(key, col_key(&vt->t->columns[col]));
        if (cmp == 0)
            return col;
        if (cmp < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return -1;
}

cJSON *bc_vtab_walk_path(cJSON *item, const char *path)
{
    char part[128];

    while (item != NULL && *path) {
        const char *dot = strchr(path, '.');
        size_t n = dot ? (size_t)(dot - path) : strlen(path);
        if (n >= sizeof part)
            return NULL;
        memcpy(part, path, n);
        part[n] = '\0';
        item = cJSON_GetObjectItemCaseSensitive(item, part);
        path += n + (dot ? 1 : 0);
    }
    return item;
}

void bc_vcursor_resolve_cells(bc_vcursor *c)
{
    const bc_table_def *t = c->vt->t;
    cJSON *m;

    if (c->cells_done)
        return;
    c->cells_done = true;
    memset(c->cells, 0, (size_t)t->ncolumns * sizeof *c->cells);
    if (!cJSON_IsObject(c->item))
        return;
    cJSON_ArrayForEach(m, c->item)
    {
        int col = m->string ? find_key(c->vt, m->string) : -1;
        if (col >= 0)
            c->cells[col] = m;
    }
    /* Dotted paths, and values a nested row takes from the row that holds its array. */
    for (int i = 0; i < t->ncolumns; i++) {
        const bc_column_def *col = &t->columns[i];
        if (col->flags & BC_COLF_FROM_PARENT)
            c->cells[i] = bc_vtab_walk_path(c->parent_item, col_key(col));
        else if (strchr(col_key(col), '.') != NULL)
            c->cells[i] = bc_vtab_walk_path(c->item, col_key(col));
    }
}

/* A whole number for an integer column. A value beyond the 64-bit range (or NaN, which
 * strtod accepts as "nan") cannot be cast without undefined behaviour, so it stays a double:
 * nothing is lost, and converting it to an integer C type then reports 22003. */
static void result_integral(sqlite3_context *ctx, double d)
{
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0)
        sqlite3_result_int64(ctx, (sqlite3_int64)d);
    else
        sqlite3_result_double(ctx, d);
}

/* Text to number: "" and non-numbers are NULL (v2 sends "" for unset amounts). */
static void result_number_text(sqlite3_context *ctx, const char *s, bool integer)
{
    char *end;

    if (s == NULL || *s == '\0') {
        sqlite3_result_null(ctx);
        return;
    }
    if (integer) {
        long long v = strtoll(s, &end, 10);
        if (*end == '\0') {
            sqlite3_result_int64(ctx, v);
            return;
        }
    }
    double d = strtod(s, &end);
    if (end == s || *end != '\0')
        sqlite3_result_null(ctx);
    else if (integer)
        result_integral(ctx, d);
    else
        sqlite3_result_double(ctx, d);
}

static void result_number(sqlite3_context *ctx, const cJSON *v, bool integer)
{
    if (cJSON_IsNumber(v)) {
        if (integer)
            result_integral(ctx, v->valuedouble);
        else
            sqlite3_result_double(ctx, v->valuedouble);
    } else if (cJSON_IsBool(v)) {
        sqlite3_result_int(ctx, cJSON_IsTrue(v));
    } else if (cJSON_IsString(v)) {
        result_number_text(ctx, v->valuestring, integer);
    } else {
        sqlite3_result_null(ctx);
    }
}

static void result_bit(sqlite3_context *ctx, const cJSON *v)
{
    if (cJSON_IsBool(v)) {
        sqlite3_result_int(ctx, cJSON_IsTrue(v));
    } else if (cJSON_IsNumber(v)) {
        sqlite3_result_int(ctx, v->valuedouble != 0);
    } else if (cJSON_IsString(v)) {
        const char *s = v->valuestring;
        if (bc_strcasecmp(s, "true") == 0 || strcmp(s, "1") == 0)
            sqlite3_result_int(ctx, 1);
        else if (bc_strcasecmp(s, "false") == 0 || strcmp(s, "0") == 0)
            sqlite3_result_int(ctx, 0);
        else
            sqlite3_result_null(ctx);
    } else {
        sqlite3_result_null(ctx);
    }
}

/* Dates become "YYYY-MM-DD HH:MM:SS" UTC so that comparisons and date functions work; an
 * empty string (v2's "not shipped yet") is NULL; an unparsable one is kept as sent. */
static void result_time(sqlite3_context *ctx, const cJSON *v, bool date_only)
{
    bc_timestamp ts;
    char out[20];

    if (!cJSON_IsString(v) || v->valuestring[0] == '\0') {
        sqlite3_result_null(ctx);
        return;
    }
    if (bc_time_parse(v->valuestring, &ts) != 0) {
        sqlite3_result_text(ctx, v->valuestring, -1, SQLITE_TRANSIENT);
        return;
    }
    bc_time_format(&ts, out);
    sqlite3_result_text(ctx, out, date_only ? 10 : 19, SQLITE_TRANSIENT);
}

static void result_json(sqlite3_context *ctx, const cJSON *v)
{
    char *s = cJSON_PrintUnformatted(v);

    if (s == NULL)
        sqlite3_result_error_nomem(ctx);
    else
        sqlite3_result_text(ctx, s, -1, cJSON_free);
}

static void result_text(sqlite3_context *ctx, const cJSON *v)
{
    if (cJSON_IsString(v))
        sqlite3_result_text(ctx, v->valuestring, -1, SQLITE_TRANSIENT);
    else if (cJSON_IsBool(v))
        sqlite3_result_text(ctx, cJSON_IsTrue(v) ? "true" : "false", -1, SQLITE_STATIC);
    else
        result_json(ctx, v); /* numbers print as JSON numbers; objects as JSON text */
}

void bc_vtab_result(sqlite3_context *ctx, const bc_column_def *col, const cJSON *v)
{
    if (v == NULL || cJSON_IsNull(v)) {
        sqlite3_result_null(ctx);
        return;
    }
    switch (col->type) {
    case BC_COL_INTEGER:
    case BC_COL_BIGINT:
        result_number(ctx, v, true);
        break;
    case BC_COL_DOUBLE:
    case BC_COL_DECIMAL:
        result_number(ctx, v, false);
        break;
    case BC_COL_BIT:
        result_bit(ctx, v);
        break;
    case BC_COL_TIMESTAMP:
    case BC_COL_DATE:
        result_time(ctx, v, col->type == BC_COL_DATE);
        break;
    case BC_COL_JSON:
        result_json(ctx, v);
        break;
    case BC_COL_VARCHAR:
    case BC_COL_LONGTEXT:
    default:
        result_text(ctx, v);
        break;
    }
}
