/*
 * A cursor's requests. The plan gives a list of keys (ids, or parent ids) or none; the
 * cursor walks it request by request, each request through a bc_pager, and hands out the
 * items of each page as rows. A child table without its parent ids pages through the
 * parent's endpoint to get them.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "vtab_internal.h"

int bc_vtab_fail(bc_vtab *vt, const bc_error *err)
{
    bc_engine_record_error(vt->e, err);
    sqlite3_free(vt->base.zErrMsg);
    vt->base.zErrMsg = sqlite3_mprintf("%s", err->message);
    return SQLITE_ERROR;
}

static int fail_oom(bc_vcursor *c)
{
    bc_error err;

    bc_error_clear(&err);
    bc_error_set(&err, "HY001", 0, "out of memory while reading %s", c->vt->t->name);
    bc_vtab_fail(c->vt, &err);
    return SQLITE_NOMEM;
}

void bc_vcursor_reset(bc_vcursor *c)
{
    bc_pager_close(c->pager);
    bc_pager_close(c->parent_pager);
    c->pager = c->parent_pager = NULL;
    c->items = c->item = c->parent_item = c->next_item = c->next_sub = NULL;
    c->nkeys = c->keypos = 0;
    c->walk_parent = c->started = c->eof = false;
    c->rows = c->max_rows = 0;
    c->cur_key = 0;
    c->cells_done = false;
}

static int push_key(bc_vcursor *c, sqlite3_int64 k)
{
    if (c->nkeys == c->capkeys) {
        int cap = c->capkeys ? c->capkeys * 2 : 16;
        sqlite3_int64 *n = realloc(c->keys, (size_t)cap * sizeof *n);
        if (n == NULL)
            return -1;
        c->keys = n;
        c->capkeys = cap;
    }
    c->keys[c->nkeys++] = k;
    return 0;
}

/* An id compares equal to the value only when the value is an integer (or text/real that
 * is exactly one); anything else matches no row, so it is dropped. */
static bool value_as_id(sqlite3_value *v, sqlite3_int64 *out)
{
    int t = sqlite3_value_numeric_type(v);

    if (t == SQLITE_INTEGER) {
        *out = sqlite3_value_int64(v);
        return true;
    }
    if (t == SQLITE_FLOAT) {
        double d = sqlite3_value_double(v);
        *out = (sqlite3_int64)d;
        return (double)*out == d;
    }
    return false;
}

static int collect_keys(bc_vcursor *c, sqlite3_value *list, bool in_list)
{
    sqlite3_value *v = NULL;
    sqlite3_int64 k;

    if (!in_list)
        return value_as_id(list, &k) ? push_key(c, k) : 0;
    for (int rc = sqlite3_vtab_in_first(list, &v); rc == SQLITE_OK && v != NULL;
         rc = sqlite3_vtab_in_next(list, &v)) {
        if (value_as_id(v, &k) && push_key(c, k) != 0)
            return -1;
    }
    return 0;
}

static long cap_rows(const bc_vcursor *c, int plan, int argc, sqlite3_value **argv)
{
    const bc_props *p = c->vt->e->props;
    long cap = p && p->max_rows > 0 ? p->max_rows : 0;
    int argn = (plan & BC_PLAN_KEY_MASK) != BC_PLAN_SCAN ? 1 : 0;

    if ((plan & BC_PLAN_LIMIT) && argn < argc) {
        sqlite3_int64 lim = sqlite3_value_int64(argv[argn]);
        if (argn + 1 < argc)
            lim += sqlite3_value_int64(argv[argn + 1]);
        if (lim >= 0 && (cap == 0 || lim < cap))
            cap = (long)lim;
    }
    return cap;
}

int bc_vcursor_filter(bc_vcursor *c, int plan, int argc, sqlite3_value **argv)
{
    bc_vcursor_reset(c);
    c->plan = plan;
    c->max_rows = cap_rows(c, plan, argc, argv);
    if ((plan & BC_PLAN_KEY_MASK) != BC_PLAN_SCAN && argc > 0) {
        if (collect_keys(c, argv[0], (plan & BC_PLAN_IN) != 0) != 0)
            return fail_oom(c);
    } else if (c->vt->walk != NULL) {
        c->walk_parent = true;
    }
    return bc_vcursor_next(c);
}

/* Substitute every {placeholder} of a path with the key. */
static char *path_with_key(const char *tmpl, sqlite3_int64 key)
{
    bc_buf b;

    bc_buf_init(&b);
    for (const char *p = tmpl; *p;) {
        const char *close = *p == '{' ? strchr(p, '}') : NULL;
        if (close != NULL) {
            bc_buf_printf(&b, "%lld", (long long)key);
            p = close + 1;
        } else {
            bc_buf_append(&b, p, 1);
            p++;
        }
    }
    return bc_buf_steal(&b);
}

/* Refill keys with the ids of the parent's next page. Returns 1, 0 at the end, -1. */
static int refill_from_parent(bc_vcursor *c, bc_error *err)
{
    const bc_table_def *pt = c->vt->walk;
    const char *idcol = c->vt->src->parent_id_column ? c->vt->src->parent_id_column : "id";
    cJSON *items, *it;
    int rc;

    if (c->parent_pager == NULL) {
        /* Only one level is walked: a parent that needs its own parent's id cannot be
         * listed on its own. */
        if (strchr(pt->endpoint, '{') != NULL)
            return bc_error_set(err, "HY000", 0,
                                "%s can only be read for given %s rows; add a WHERE condition "
                                "on %s",
                                c->vt->t->name, pt->name,
                                c->vt->parent_col >= 0 ? c->vt->t->columns[c->vt->parent_col].name
                                                       : "its parent key");
        c->parent_pager = bc_pager_open(c->vt->e->api, pt->endpoint, NULL, pt->paging, 0, err);
        if (c->parent_pager == NULL)
            return -1;
    }
    c->nkeys = c->keypos = 0;
    while (c->nkeys == 0) {
        if ((rc = bc_pager_next(c->parent_pager, &items, err)) <= 0)
            return rc;
        cJSON_ArrayForEach(it, items)
        {
            cJSON *id = cJSON_GetObjectItemCaseSensitive(it, idcol);
            if (cJSON_IsNumber(id) && push_key(c, (sqlite3_int64)id->valuedouble) != 0)
                return bc_error_set(err, "HY001", 0, "out of memory while reading %s", pt->name);
        }
    }
    return 1;
}

/* The next ids as one filter: a comma list of up to BC_API_IN_CHUNK for an "in" filter,
 * a single id for an "eq" one. */
static char *id_chunk_query(bc_vcursor *c, const bc_column_def *pk)
{
    const char *param = pk->filter_in ? pk->filter_in : pk->filter_eq;
    bc_buf b;
    int end = c->keypos + (pk->filter_in ? BC_API_IN_CHUNK : 1);

    if (end > c->nkeys)
        end = c->nkeys;
    bc_buf_init(&b);
    bc_buf_printf(&b, "%s=", param);
    for (int i = c->keypos; i < end; i++)
        bc_buf_printf(&b, "%s%lld", i > c->keypos ? "," : "", (long long)c->keys[i]);
    c->keypos = end;
    return bc_buf_steal(&b);
}

static long remaining(const bc_vcursor *c)
{
    return c->max_rows > 0 ? c->max_rows - c->rows : 0;
}

/* Open the next request of the plan: 1 opened, 0 none left, -1 with err set. */
static int open_next_request(bc_vcursor *c, bc_error *err)
{
    /* Requests go to src (the parent's endpoint for a nested-array view); ID plans exist
     * only for tables that are their own src. */
    const bc_table_def *t = c->vt->src;
    bc_api *api = c->vt->e->api;
    const bc_column_def *pk = c->vt->pk >= 0 ? &c->vt->t->columns[c->vt->pk] : NULL;
    const char *tmpl = t->endpoint;
    bc_paging paging = t->paging;
    char *path = NULL, *query = NULL;
    bool need_query = false;
    int kind = c->plan & BC_PLAN_KEY_MASK;

    if (kind == BC_PLAN_SCAN && !c->walk_parent) {
        if (c->started)
            return 0;
        c->started = true;
        c->pager = bc_pager_open(api, t->endpoint, NULL, paging, remaining(c), err);
        return c->pager ? 1 : -1;
    }
    if (c->keypos >= c->nkeys) {
        int rc = c->walk_parent ? refill_from_parent(c, err) : 0;
        if (rc <= 0)
            return rc;
    }
    if (kind == BC_PLAN_ID && (pk->filter_in != NULL || pk->filter_eq != NULL)) {
        query = id_chunk_query(c, pk);
        need_query = true;
        path = bc_strdup(t->endpoint);
        c->cur_key = 0;
    } else {
        if (kind == BC_PLAN_ID) {
            tmpl = t->id_path_endpoint;
            paging = BC_PAGING_NONE;
        }
        c->cur_key = c->keys[c->keypos++];
        path = path_with_key(tmpl, c->cur_key);
    }
    if (path == NULL || (need_query && query == NULL)) {
        free(path);
        free(query);
        return bc_error_set(err, "HY001", 0, "out of memory while reading %s", t->name);
    }
    c->pager = bc_pager_open(api, path, query, paging, remaining(c), err);
    free(path);
    free(query);
    return c->pager ? 1 : -1;
}

/* A single object fetched by id that does not exist is no row, not an error. */
static bool is_missing_object(const bc_vcursor *c, const bc_error *err)
{
    return (c->plan & BC_PLAN_KEY_MASK) == BC_PLAN_ID && err->native == 404;
}

/* The next row of the current page: an element of the page, or for a child view of a
 * nested array the next element of the arrays inside the page's elements. */
static bool next_in_page(bc_vcursor *c)
{
    const char *rows_path = c->vt->t->rows_path;

    for (;;) {
        if (c->next_sub != NULL) {
            c->item = c->next_sub;
            c->next_sub = c->next_sub->next;
            return true;
        }
        if (c->next_item == NULL)
            return false;
        c->parent_item = c->next_item;
        c->next_item = c->next_item->next;
        if (rows_path == NULL) {
            c->item = c->parent_item;
            return true;
        }
        cJSON *arr = cJSON_GetObjectItemCaseSensitive(c->parent_item, rows_path);
        c->next_sub = cJSON_IsArray(arr) ? arr->child : NULL;
    }
}

static int advance(bc_vcursor *c, bc_error *err)
{
    for (;;) {
        if (c->items != NULL && next_in_page(c))
            return 1;
        c->items = NULL;
        if (c->pager != NULL) {
            int rc = bc_pager_next(c->pager, &c->items, err);
            if (rc == 1) {
                c->next_item = cJSON_IsArray(c->items) ? c->items->child : NULL;
                c->next_sub = NULL;
                continue;
            }
            bc_pager_close(c->pager);
            c->pager = NULL;
            c->items = NULL;
            if (rc < 0 && !is_missing_object(c, err))
                return -1;
            bc_error_clear(err);
        }
        int rc = open_next_request(c, err);
        if (rc <= 0)
            return rc;
    }
}

int bc_vcursor_next(bc_vcursor *c)
{
    bc_error err;
    int rc;

    bc_error_clear(&err);
    c->cells_done = false;
    if (c->vt->e->cancel) {
        bc_error_set(&err, "HY008", 0, "the statement was cancelled");
        return bc_vtab_fail(c->vt, &err);
    }
    if (c->max_rows > 0 && c->rows >= c->max_rows) {
        c->eof = true;
        return SQLITE_OK;
    }
    rc = advance(c, &err);
    if (rc < 0) {
        c->eof = true;
        return bc_vtab_fail(c->vt, &err);
    }
    c->eof = rc == 0;
    if (!c->eof)
        c->rows++;
    return SQLITE_OK;
}
