/*
 * Sub-resources the API returns only on request (?include=images,videos on products,
 * ?include=addresses on customers ...). A column whose catalog entry names an include
 * value is read only when the request carries it; SQLite tells xBestIndex which columns a
 * query reads (colUsed), so the include is added exactly for the queries that read such a
 * column, never for the others (it makes the API do more work, and on products
 * options/modifiers shrink the pages). A child view of a nested array (rows_path) reads its
 * parent's column of that name, so it carries that column's include.
 *
 * The plan passes the query text to xFilter after the terms of idxStr, behind
 * BC_INCLUDE_SEP: "F3,L-1,|include=images,videos".
 */
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"
#include "vtab_internal.h"

/* A column's include is "name" or "name&param=value" (an extra parameter the API wants
 * with it); names are joined into one include=, extras added once each. */
typedef struct include_set {
    bc_buf names, extras;
} include_set;

/* s appears in the ','- or '&'-separated list b as a whole item. */
static bool has_item(const bc_buf *b, const char *s, size_t n)
{
    for (const char *p = b->data; p != NULL && *p;) {
        size_t len = strcspn(p, ",&");
        if (len == n && strncmp(p, s, n) == 0)
            return true;
        p += len;
        p += *p ? 1 : 0;
    }
    return false;
}

static void add_include(include_set *set, const char *inc)
{
    size_t n = strcspn(inc, "&");

    if (!has_item(&set->names, inc, n)) {
        if (set->names.len > 0)
            bc_buf_puts(&set->names, ",");
        bc_buf_append(&set->names, inc, n);
    }
    for (const char *p = inc + n; *p == '&';) {
        size_t len = strcspn(p + 1, "&");
        if (!has_item(&set->extras, p + 1, len)) {
            bc_buf_puts(&set->extras, "&");
            bc_buf_append(&set->extras, p + 1, len);
        }
        p += 1 + len;
    }
}

static bool column_used(sqlite3_uint64 used, int col)
{
    return col >= 63 ? (used >> 63) != 0 : ((used >> col) & 1) != 0;
}

/* The column of src holding a nested view's rows (its rows_path's first step). */
static const bc_column_def *rows_column(const bc_table_def *src, const char *rows_path)
{
    size_t n = strcspn(rows_path, ".");

    for (int i = 0; i < src->ncolumns; i++) {
        const char *path = bc_vtab_member(&src->columns[i]);
        if (strlen(path) == n && strncmp(path, rows_path, n) == 0)
            return &src->columns[i];
    }
    return NULL;
}

void bc_vinclude_plan(const bc_vtab *vt, sqlite3_uint64 col_used, bc_buf *terms)
{
    include_set set;
    const bc_table_def *t = vt->t;

    bc_buf_init(&set.names);
    bc_buf_init(&set.extras);
    if (t->rows_path != NULL) {
        const bc_column_def *c = rows_column(vt->src, t->rows_path);
        if (c != NULL && c->include != NULL)
            add_include(&set, c->include);
    } else {
        for (int i = 0; i < t->ncolumns; i++)
            if (t->columns[i].include != NULL && column_used(col_used, i))
                add_include(&set, t->columns[i].include);
    }
    if (set.names.len > 0)
        bc_buf_printf(terms, "%cinclude=%s%s", BC_INCLUDE_SEP, set.names.data,
                      set.extras.data ? set.extras.data : "");
    if (set.names.oom || set.extras.oom)
        terms->oom = true;
    bc_buf_free(&set.names);
    bc_buf_free(&set.extras);
}

int bc_vinclude_take(bc_vcursor *c, const char *idx_str)
{
    const char *inc = idx_str ? strchr(idx_str, BC_INCLUDE_SEP) : NULL;
    char *q;

    if (inc == NULL)
        return 0;
    q = c->query ? bc_sprintf("%s&%s", c->query, inc + 1) : bc_strdup(inc + 1);
    if (q == NULL)
        return -1;
    free(c->query);
    c->query = q;
    c->has_include = true;
    return 0;
}
