/*
 * From an API item (a cJSON object) to SQLite values, per the catalog's column types.
 * A column's member is found only when SQLite asks for the column, once per row. The
 * top-level columns asked for so far are found together, in one walk over the next row's
 * members that stops when all of them are found: a narrow SELECT over a 70-column table costs
 * a few string compares per row, not a lookup of every column. Dotted paths
 * ("billing_address.email") and values a nested row takes from its parent are looked up on
 * their own.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"
#include "vtab_internal.h"

const char *bc_vtab_member(const bc_column_def *c)
{
    return c->json_path ? c->json_path : c->name;
}

/* A member of the row object itself, which the walk over the row's members can find. */
static bool is_top_level(const bc_column_def *c)
{
    return !(c->flags & BC_COLF_FROM_PARENT) && strchr(bc_vtab_member(c), '.') == NULL;
}

int bc_vcells_open(bc_vcursor *c)
{
    size_t n = (size_t)c->vt->t->ncolumns;

    c->cells = calloc(n ? n : 1, sizeof *c->cells);
    c->cell_row = calloc(n ? n : 1, sizeof *c->cell_row);
    c->swept = calloc(n ? n : 1, sizeof *c->swept);
    c->nswept = 0;
    c->row_seq = 1; /* cell_row starts at 0: nothing is resolved */
    c->swept_row = 0;
    return c->cells && c->cell_row && c->swept ? 0 : -1;
}

void bc_vcells_close(bc_vcursor *c)
{
    free(c->cells);
    free(c->cell_row);
    free(c->swept);
    c->cells = NULL;
    c->cell_row = NULL;
    c->swept = NULL;
}

/* Position of key among the swept columns (sorted by key), or where it would go (-1 - pos). */
static int swept_find(const bc_vcursor *c, const char *key)
{
    int lo = 0, hi = c->nswept - 1;

    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int cmp = strcmp(key, bc_vtab_member(&c->vt->t->columns[c->swept[mid]]));
        if (cmp == 0)
            return mid;
        if (cmp < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return -1 - lo;
}

/* Column i, a top-level one, is found by the walk of every later row. Two columns with the
 * same key (a json_path naming another column's member) are both resolved, the second by
 * its own lookup. */
static void sweep_add(bc_vcursor *c, int i)
{
    int pos = swept_find(c, bc_vtab_member(&c->vt->t->columns[i]));

    if (pos >= 0)
        return;
    pos = -1 - pos;
    memmove(c->swept + pos + 1, c->swept + pos, (size_t)(c->nswept - pos) * sizeof *c->swept);
    c->swept[pos] = i;
    c->nswept++;
}

/* Resolve every swept column of the current row in one walk over its members (a column
 * whose key the row lacks is NULL). As cJSON's own lookup, the first of two members with the
 * same key wins. */
static void sweep_row(bc_vcursor *c)
{
    int left = c->nswept;
    cJSON *m;

    c->swept_row = c->row_seq;
    for (int k = 0; k < c->nswept; k++) {
        c->cells[c->swept[k]] = NULL;
        c->cell_row[c->swept[k]] = c->row_seq;
    }
    if (left == 0 || !cJSON_IsObject(c->item))
        return;
    cJSON_ArrayForEach(m, c->item)
    {
        int pos = m->string ? swept_find(c, m->string) : -1;
        if (pos < 0 || c->cells[c->swept[pos]] != NULL)
            continue;
        c->cells[c->swept[pos]] = m;
        if (--left == 0)
            break;
    }
}

/* Column i of the current row looked up on its own. A row that is not an object (an
 * element of a nested array of scalars) has no column, not even its parent's. */
static cJSON *lookup(const bc_vcursor *c, const bc_column_def *col)
{
    if (!cJSON_IsObject(c->item))
        return NULL;
    if (col->flags & BC_COLF_FROM_PARENT)
        return bc_vtab_walk_path(c->parent_item, bc_vtab_member(col));
    return bc_vtab_walk_path(c->item, bc_vtab_member(col));
}

cJSON *bc_vcursor_cell(bc_vcursor *c, int i)
{
    const bc_column_def *col = &c->vt->t->columns[i];

    if (c->cell_row[i] == c->row_seq)
        return c->cells[i];
    if (c->swept_row != c->row_seq) {
        sweep_row(c);
        if (c->cell_row[i] == c->row_seq)
            return c->cells[i];
    }
    c->cells[i] = lookup(c, col);
    c->cell_row[i] = c->row_seq;
    if (is_top_level(col))
        sweep_add(c, i);
    return c->cells[i];
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
