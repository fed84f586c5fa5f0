/*
 * A cursor's requests. xFilter reads the plan's terms (vtab_plan.c) into placeholder
 * values, a query string of filters and possibly an IN list to send in chunks; the cursor
 * then walks its requests one after another, each through a bc_pager, and hands out the
 * items of each page (or, for a nested view, the elements of an array inside them) as rows.
 * When several requests are known in advance (an IN list of parent ids, a batch of walked
 * parents) their first pages are fetched at once into the statement's response cache.
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

static void free_strings(char **v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i]);
}

void bc_vcursor_reset(bc_vcursor *c)
{
    bc_pager_close(c->pager);
    c->pager = NULL;
    sqlite3_finalize(c->walk);
    c->walk = NULL;
    bc_vkeys_clear(c);
    free_strings(c->given, BC_VTAB_MAX_PH);
    memset(c->given, 0, sizeof c->given);
    free(c->query);
    c->query = NULL;
    free_strings(c->chunk_vals, c->nchunk);
    free(c->chunk_vals);
    c->chunk_vals = NULL;
    c->nchunk = c->chunkpos = 0;
    c->chunk_param = NULL;
    c->items = c->item = c->parent_item = c->next_item = c->next_sub = NULL;
    c->single = c->started = c->eof = c->no_rows = c->walk_done = c->has_include = false;
    c->rows = c->max_rows = 0;
    c->row_seq++; /* the cells of the last row are stale */
    c->in_batch = false;
    free(c->bulk_val);
    free(c->local_val);
    free(c->eq_val);
    c->bulk_val = c->local_val = c->eq_val = NULL;
    c->eq_param = NULL;
    c->local_col = -1;
    c->rows_path = c->vt->t->rows_path;
    c->via = NULL;
    c->collection = false;
}

/* The path template of the plan and where its placeholders' values come from. */
static void set_template(bc_vcursor *c, int plan)
{
    const bc_vtab *vt = c->vt;

    c->plan = plan;
    if (plan == BC_PLAN_ENDPOINT) {
        c->tmpl = vt->src->endpoint;
        c->paging = vt->src->paging;
        c->nph = vt->nph;
        for (int k = 0; k < vt->nph; k++) {
            c->ph_name[k] = vt->ph_name[k];
            c->ph_col[k] = vt->ph_col[k];
        }
        return;
    }
    c->tmpl = plan == BC_PLAN_ID_PATH ? vt->t->id_path_endpoint : vt->src->id_path_endpoint;
    c->paging = BC_PAGING_NONE;
    c->nph = 1;
    c->ph_name[0] = "id";
    c->ph_col[0] = plan == BC_PLAN_ID_PATH ? vt->pk : vt->src_key_col;
}

static int placeholder_of(const bc_vcursor *c, int col)
{
    for (int k = 0; k < c->nph; k++)
        if (c->ph_col[k] == col)
            return k;
    return -1;
}

/* The values of an IN list (all at once), as API text; values no row can equal dropped. */
static int in_values(const bc_column_def *col, sqlite3_value *list, char ***out, int *n)
{
    sqlite3_value *v = NULL;
    int cap = 0;

    *out = NULL;
    *n = 0;
    for (int rc = sqlite3_vtab_in_first(list, &v); rc == SQLITE_OK && v != NULL;
         rc = sqlite3_vtab_in_next(list, &v)) {
        char *s;
        if (bc_vkeys_value_text(col, v, &s) != 0)
            return -1;
        if (s == NULL)
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            char **g = realloc(*out, (size_t)cap * sizeof *g);
            if (g == NULL) {
                free(s);
                return -1;
            }
            *out = g;
        }
        (*out)[(*n)++] = s;
    }
    return 0;
}

static int add_query(bc_vcursor *c, const char *param, const char *value)
{
    char *q = c->query ? bc_sprintf("%s&%s=%s", c->query, param, value)
                       : bc_sprintf("%s=%s", param, value);

    if (q == NULL)
        return -1;
    free(c->query);
    c->query = q;
    return 0;
}

/* A text value in a comma-list filter ("sku:in=a,b") cannot hold a comma: the API would
 * read two values. Such a term is not sent; SQLite checks every text term again. */
static bool fits_list(const char *param, const char *value)
{
    size_t n = strlen(param);

    return !(n > 3 && strcmp(param + n - 3, ":in") == 0 && strstr(value, "%2C") != NULL);
}

/* A bound or a LIKE prefix: the filter parameter and the text to send, NULL when not sent. */
static int take_narrowing(bc_vcursor *c, char op, const bc_column_def *cd, sqlite3_value *arg)
{
    char *s = NULL;
    int rc;

    if (op == BC_TERM_LIKE)
        rc = bc_vkeys_like_prefix(arg, &s);
    else
        rc = bc_vkeys_bound_text(cd, arg, op == BC_TERM_MAX, &s, &c->no_rows);
    if (rc != 0)
        return -1;
    if (s != NULL)
        rc = add_query(c,
                       op == BC_TERM_LIKE  ? cd->filter_like
                       : op == BC_TERM_MIN ? cd->filter_min
                                           : cd->filter_max,
                       s);
    free(s);
    return rc;
}

/* ORDER BY pushed: v3 "sort=f&direction=d", v2 and suffix tables "sort=f:d". */
static int take_sort(bc_vcursor *c, int col, bool desc)
{
    const bc_table_def *t = c->vt->t;
    const char *f = t->columns[col].sort_param, *d = desc ? "desc" : "asc";
    bool suffix = t->version == BC_API_V2 || t->sort_suffix;
    char *v = suffix ? bc_sprintf("%s:%s", f, d) : bc_strdup(f);
    int rc = v ? add_query(c, "sort", v) : -1;

    free(v);
    if (rc == 0 && !suffix)
        rc = add_query(c, "direction", d);
    return rc;
}

/* "col = v" answered from rows read once: v as a batch key (integers as integers, text as
 * it is). A value no row can equal leaves no rows. */
static int take_local(bc_vcursor *c, int col, const bc_column_def *cd, sqlite3_value *arg)
{
    const unsigned char *text;

    if (cd->type == BC_COL_INTEGER || cd->type == BC_COL_BIGINT) {
        if (bc_vkeys_value_text(cd, arg, &c->local_val) != 0)
            return -1;
        c->no_rows |= c->local_val == NULL;
    } else if (sqlite3_value_type(arg) == SQLITE_NULL) {
        c->no_rows = true;
    } else if ((text = sqlite3_value_text(arg)) == NULL ||
               (c->local_val = bc_strdup((const char *)text)) == NULL) {
        return -1;
    }
    c->local_col = col;
    return 0;
}

/* One term of the plan with its argument. -1 when out of memory. */
static int take_term(bc_vcursor *c, char op, int col, sqlite3_value *arg, char ***list, int *nlist,
                     int *list_ph)
{
    const bc_column_def *cd = col >= 0 ? &c->vt->t->columns[col] : NULL;
    char *s = NULL;
    int rc = 0;

    if (op == BC_TERM_PATH_IN || op == BC_TERM_IN) {
        if (in_values(cd, arg, list, nlist) != 0)
            return -1;
        *list_ph = op == BC_TERM_PATH_IN ? placeholder_of(c, col) : -2;
        if (op == BC_TERM_IN)
            c->chunk_param = bc_vtab_filter_param(c->vt, col, true);
        c->no_rows |= *nlist == 0;
        for (int i = 0; op == BC_TERM_IN && i < *nlist && c->chunk_param; i++)
            if (!fits_list(c->chunk_param, (*list)[i]))
                c->chunk_param = NULL; /* text with a comma: a scan, checked by SQLite */
        if (op == BC_TERM_IN && c->chunk_param == NULL)
            *list_ph = -1;
        return 0;
    }
    if (op == BC_TERM_MIN || op == BC_TERM_MAX || op == BC_TERM_LIKE)
        return take_narrowing(c, op, cd, arg);
    if (op == BC_TERM_LOCAL)
        return take_local(c, col, cd, arg);
    if (bc_vkeys_value_text(cd, arg, &s) != 0)
        return -1;
    if (s == NULL) {
        c->no_rows = true; /* "= NULL", or id = 'abc': no row */
        return 0;
    }
    if (op == BC_TERM_PATH && placeholder_of(c, col) >= 0) {
        c->given[placeholder_of(c, col)] = s;
        return 0;
    }
    if (op == BC_TERM_EQ && col == c->vt->bulk_col && c->bulk_val == NULL) {
        c->bulk_val = s; /* sent in vtab_batch.c's way, or added to the query later */
        return 0;
    }
    if (op == BC_TERM_EQ && fits_list(bc_vtab_filter_param(c->vt, col, false), s)) {
        rc = add_query(c, bc_vtab_filter_param(c->vt, col, false), s);
        if (rc == 0 && c->eq_param == NULL) {
            c->eq_param = bc_vtab_filter_param(c->vt, col, false);
            c->eq_val = s;
            c->eq_col = col;
            return 0;
        }
    }
    free(s);
    return rc;
}

/* A pushed LIMIT (+ OFFSET) caps the rows a scan fetches: SQLite hands the LIMIT to the
 * table only when nothing else (filter, aggregate, join, ORDER BY) stands between the scan
 * and the result. MaxRows is not applied here: the statement stops stepping once it has
 * returned that many rows, and the scan, which fetches page by page as it is stepped, stops
 * with it; capping the scan itself would change the answer of COUNT(*), MAX() or a filter. */
static void apply_limit(bc_vcursor *c, sqlite3_int64 lim, sqlite3_int64 off, bool has_lim)
{
    c->max_rows = 0;
    if (has_lim && lim >= 0)
        c->max_rows = (long)(lim + (off > 0 ? off : 0));
}

static int read_terms(bc_vcursor *c, const char *terms, int argc, sqlite3_value **argv,
                      char ***list, int *nlist, int *list_ph)
{
    sqlite3_int64 lim = -1, off = 0;
    bool has_lim = false;
    int a = 0;

    for (const char *p = terms ? terms : ""; *p && *p != BC_INCLUDE_SEP;) {
        char op = *p++, *end;
        int col = (int)strtol(p, &end, 10);
        p = *end == ',' ? end + 1 : end;
        if (op == BC_TERM_SORT || op == BC_TERM_SORT_DESC) { /* no argument */
            if (take_sort(c, col, op == BC_TERM_SORT_DESC) != 0)
                return -1;
            continue;
        }
        if (a >= argc)
            break;
        sqlite3_value *arg = argv[a++];
        if (op == BC_TERM_LIMIT) {
            lim = sqlite3_value_int64(arg);
            has_lim = true;
        } else if (op == BC_TERM_OFFSET) {
            off = sqlite3_value_int64(arg);
        } else if (take_term(c, op, col, arg, list, nlist, list_ph) != 0) {
            return -1;
        }
    }
    apply_limit(c, lim, off, has_lim);
    return 0;
}

/* The tuples of placeholder values: none needed, given (times an IN list), or walked. */
static int plan_tuples(bc_vcursor *c, char **list, int nlist, int list_ph)
{
    bool all = true;

    if (c->nph == 0) {
        c->single = true;
        if (list_ph == -2) {
            c->chunk_vals = list;
            c->nchunk = nlist;
        } else {
            free_strings(list, nlist);
            free(list);
        }
        return 0;
    }
    for (int k = 0; k < c->nph; k++)
        all = all && (c->given[k] != NULL || k == list_ph);
    if (list_ph == -2) { /* a filter's IN list, sent with every path */
        c->chunk_vals = list;
        c->nchunk = nlist;
        list = NULL;
        nlist = 0;
    }
    if (!all) { /* the rest come from walking the parent, narrowed by what was given */
        free_strings(list, nlist);
        free(list);
        return 0;
    }
    int rc = 0;
    for (int i = 0; i < (list_ph >= 0 ? nlist : 1) && rc == 0; i++) {
        char *vals[BC_VTAB_MAX_PH];
        for (int k = 0; k < c->nph; k++)
            vals[k] = k == list_ph ? list[i] : c->given[k];
        rc = bc_vkeys_push(c, vals);
    }
    free_strings(list, nlist);
    free(list);
    c->walk_done = true; /* nothing to walk: the tuples are all here */
    return rc;
}

/* The row count of a count-only plan: v3 lists tell it in meta.pagination.total of a
 * one-item page, v2 lists through their /count endpoint ({"count": N}). -1 with err set. */
static long long fetch_row_count(bc_vcursor *c, bc_error *err)
{
    const bc_table_def *t = c->vt->t;
    bool v3 = t->paging == BC_PAGING_V3;
    char *path = v3 ? bc_sprintf("%s?page=1&limit=1", t->endpoint) : bc_strdup(t->count_endpoint);
    cJSON *doc = NULL;
    long status = 0;
    long long n = -1;

    if (path == NULL)
        return bc_error_set(err, "HY001", 0, "out of memory while counting %s", t->name);
    if (bc_api_get(c->vt->e->api, path, &doc, &status, err) == 0) {
        const cJSON *v = v3 ? bc_vtab_walk_path(doc, "meta.pagination.total")
                            : cJSON_GetObjectItemCaseSensitive(doc, "count");
        if (cJSON_IsNumber(v) && v->valuedouble >= 0)
            n = bc_double_to_ll(v->valuedouble);
        else
            bc_error_set(err, "08S01", status,
                         "BigCommerce's answer to %s did not say how many rows %s has; "
                         "retry, and report it if it persists.",
                         path, t->name);
    }
    cJSON_Delete(doc);
    free(path);
    return n;
}

/* A count-only plan hands out the right number of rows without reading any. */
static int count_filter(bc_vcursor *c, const char *idx_str, int argc, sqlite3_value **argv)
{
    char **list = NULL;
    int nlist = 0, list_ph = -1;
    bc_error err;
    long long n;

    c->plan = BC_PLAN_COUNT;
    if (read_terms(c, idx_str, argc, argv, &list, &nlist, &list_ph) != 0) {
        free_strings(list, nlist);
        free(list);
        return fail_oom(c);
    }
    free_strings(list, nlist);
    free(list);
    bc_error_clear(&err);
    n = fetch_row_count(c, &err);
    if (n < 0)
        return bc_vtab_fail(c->vt, &err);
    if (n == 0) {
        c->eof = true;
        return SQLITE_OK;
    }
    if (c->max_rows == 0 || c->max_rows > n)
        c->max_rows = (long)n;
    return bc_vcursor_next(c);
}

/* Whether rows can be held for this probe: one stream of requests, nothing capping it. */
static bool can_batch(const bc_vcursor *c)
{
    return !c->batch_refused && c->plan == BC_PLAN_ENDPOINT && c->single &&
           c->chunk_param == NULL && c->max_rows == 0 && c->vt->t->rows_path == NULL;
}

/* "bulk_col = v" while the parent's cursor stands on v: v and the parents after it on the
 * parent's page, in one :in request. 1 built, 0 no parent cursor, 2 too big, -1 error. */
static int build_bulk(bc_vcursor *c, bc_error *err)
{
    const bc_table_def *t = c->vt->t, *pt = bc_catalog_find(t->parent_table);
    const char *pk = t->parent_id_column ? t->parent_id_column : "id";
    int pcol = pt ? bc_catalog_column_index(pt, pk) : -1;
    const char *path = pcol >= 0 ? bc_vtab_member(&pt->columns[pcol]) : NULL;
    bc_vcursor *p = path ? bc_vahead_parent(c, pt, path, c->bulk_val) : NULL;
    char **keys;
    int n, rc;

    if (p == NULL)
        return 0;
    if ((keys = calloc(BC_API_IN_CHUNK, sizeof *keys)) == NULL ||
        (keys[0] = bc_strdup(c->bulk_val)) == NULL) {
        free(keys);
        return bc_error_set(err, "HY001", 0, "out of memory while reading %s", t->name);
    }
    n = 1 + bc_vahead_next_keys(p, path, keys + 1, BC_API_IN_CHUNK - 1);
    c->chunk_param = t->columns[c->vt->bulk_col].filter_in;
    c->chunk_vals = keys;
    c->nchunk = n;
    c->chunkpos = 0;
    /* The batch owns the keys; the chunk list only borrows them while it is read. */
    char **owned = malloc((size_t)n * sizeof *owned);
    if (owned == NULL)
        return bc_error_set(err, "HY001", 0, "out of memory while reading %s", t->name);
    for (int i = 0; i < n; i++)
        owned[i] = keys[i];
    rc = bc_vbatch_build(c, c->vt->bulk_col, owned, n, 0, err);
    free(c->chunk_vals);
    c->chunk_vals = NULL;
    c->nchunk = 0;
    c->chunk_param = NULL;
    return rc == 0 ? 2 : rc;
}

int bc_vcursor_query_without_eq(const bc_vcursor *c, char **out)
{
    char *from = bc_sprintf("%s=%s", c->eq_param, c->eq_val);
    bc_buf b;
    bool dropped = false;

    *out = NULL;
    if (from == NULL)
        return -1;
    bc_buf_init(&b);
    for (const char *p = c->query; p != NULL && *p;) {
        size_t n = strcspn(p, "&");
        if (!dropped && n == strlen(from) && strncmp(p, from, n) == 0)
            dropped = true;
        else
            bc_buf_printf(&b, "%s%.*s", b.len ? "&" : "", (int)n, p);
        p += n + (p[n] == '&');
    }
    free(from);
    if (b.oom) {
        bc_buf_free(&b);
        return -1;
    }
    *out = b.len ? bc_buf_steal(&b) : NULL;
    bc_buf_free(&b);
    return 0;
}

/* Answer the probe from rows held for the statement when the plan allows: 1 answered (the
 * cursor hands out the batch's rows), 0 the ordinary requests go on, 2 the table is too
 * big to hold, -1 with the error recorded. */
static int batch_filter(bc_vcursor *c)
{
    bc_error err;
    int rc = 0;

    bc_error_clear(&err);
    if (c->bulk_val != NULL && can_batch(c)) {
        if (!bc_vbatch_covers(c, c->vt->bulk_col, c->bulk_val))
            rc = build_bulk(c, &err);
        if (rc == 0 && bc_vbatch_covers(c, c->vt->bulk_col, c->bulk_val))
            rc = 1;
        if (rc == 1)
            bc_vbatch_select(c, c->bulk_val);
    } else if (c->local_val != NULL && can_batch(c)) {
        rc = bc_vbatch_covers(c, c->local_col, c->local_val)
                 ? 1
                 : bc_vbatch_build(c, c->local_col, NULL, 0, 0, &err);
        if (rc == 0)
            rc = 2;
        if (rc == 1) {
            bc_vbatch_select(c, c->local_val);
            c->started = true; /* the rows were read; no request is left */
        }
    } else if (c->eq_param != NULL && can_batch(c)) {
        rc = bc_vswitch_try(c, &err);
    }
    if (rc < 0) {
        bc_vtab_fail(c->vt, &err);
        return -1;
    }
    if (rc == 0 && c->bulk_val != NULL) { /* the ordinary filtered request */
        const char *param = c->vt->t->columns[c->vt->bulk_col].filter_in;
        if (add_query(c, param, c->bulk_val) != 0) {
            fail_oom(c);
            return -1;
        }
    }
    return rc;
}

int bc_vcursor_filter(bc_vcursor *c, int plan, const char *idx_str, int argc, sqlite3_value **argv)
{
    char **list = NULL;
    int nlist = 0, list_ph = -1;

    bc_vcursor_reset(c);
    if (plan == BC_PLAN_COUNT)
        return count_filter(c, idx_str, argc, argv);
    set_template(c, plan);
    if (read_terms(c, idx_str, argc, argv, &list, &nlist, &list_ph) != 0 ||
        bc_vinclude_take(c, idx_str) != 0) {
        free_strings(list, nlist);
        free(list);
        return fail_oom(c);
    }
    if (plan_tuples(c, list, nlist, list_ph) != 0)
        return fail_oom(c);
    if (c->no_rows) {
        c->eof = true;
        return SQLITE_OK;
    }
    switch (bc_vchild_take(c)) {
    case 1:
        return bc_vcursor_next(c);
    case -1:
        return SQLITE_ERROR;
    default:
        break;
    }
    bc_vcollection_take(c);
    switch (bc_vcollection_probe(c)) {
    case 1:
        return bc_vcursor_next(c);
    case -1:
        return SQLITE_ERROR;
    default:
        break;
    }
    bc_vahead_start(c);
    switch (batch_filter(c)) {
    case 1:
        return bc_vcursor_next(c);
    case 2: /* too many rows to hold: this cursor scans as before from now on */
        c->batch_refused = true;
        return bc_vcursor_filter(c, plan, idx_str, argc, argv);
    case 3: { /* the switch did not pay: this probe goes to the API */
        c->no_switch = true;
        int rc = bc_vcursor_filter(c, plan, idx_str, argc, argv);
        c->no_switch = false;
        return rc;
    }
    case -1:
        return SQLITE_ERROR;
    default:
        if (bc_vpoint_redirect(c) != 0)
            return fail_oom(c);
        return bc_vcursor_next(c);
    }
}
