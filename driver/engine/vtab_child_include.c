/*
 * Children read through their parent's list (the catalog's parent_include). A product's
 * images, videos, custom fields and bulk pricing rules each have an endpoint per product,
 * so reading them for every product used to cost a request per product. The product list
 * returns the same objects inside each product when asked with include=images (videos
 * ...), so:
 *
 * - a scan that would walk the parents (no parent key given: SELECT * FROM ProductImages)
 *   reads the parent's list with include= instead, one row per element of each parent's
 *   array: the list's own pages, several in flight as in any scan;
 * - a probe "parent key = v" while a cursor on the parent table stands on v (the inner
 *   loop of Products p JOIN ProductImages i ON i.product_id = p.id) reads the slice of
 *   BC_API_IN_CHUNK parents of that cursor's page holding v in one request of the parent's
 *   list (id:in=...&include=images). The rows are held keyed by the parent key
 *   (vtab_batch.c), so the probes of the other parents of the slice are lookups, and the
 *   next slice's request goes out at once, to be answered when SQLite gets there;
 * - a probe without such a cursor (WHERE product_id = 5) keeps its one request to the
 *   child's own endpoint, which sends the children without the product around them;
 * - a list of parents (WHERE product_id IN (5, 6, 7)) is read in requests of the parent's
 *   list of BC_API_IN_CHUNK ids each, instead of one request per parent.
 *
 * Only for a plan that sends nothing else to the child's endpoint: a filter or a sort of the
 * child's own would mean something else on the parent's list. Custom fields and bulk pricing
 * rules carry no product_id: each element is given its parent's id as it is read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "vtab_internal.h"

/* The parent whose list holds c's rows, when c's plan can be read through it: one
 * placeholder (the parent key) on a parent read from a list without placeholders, and
 * nothing else sent. NULL otherwise. */
static const bc_table_def *include_parent(const bc_vcursor *c)
{
    const bc_vtab *vt = c->vt;
    const bc_table_def *pt = vt->walk;

    if (vt->t->parent_include == NULL || pt == NULL || strchr(pt->endpoint, '{') != NULL ||
        c->plan != BC_PLAN_ENDPOINT || vt->nph != 1 || c->nph != 1)
        return NULL;
    if (c->query != NULL || c->chunk_param != NULL || c->bulk_val != NULL || c->local_val != NULL ||
        c->eq_param != NULL)
        return NULL;
    return bc_catalog_column_index(pt, vt->ph_parent[0]) >= 0 ? pt : NULL;
}

/* Point c at the parent's list, its rows inside each item's array: 0, or -1 on OOM. */
static int read_via(bc_vcursor *c, const bc_table_def *pt)
{
    char *q = bc_sprintf("include=%s", c->vt->t->parent_include);

    if (q == NULL)
        return -1;
    free(c->query);
    c->query = q;
    c->tmpl = pt->endpoint;
    c->paging = pt->paging;
    c->nph = 0;
    c->single = true;
    c->walk_done = true;
    c->rows_path = c->vt->t->parent_include;
    c->via = pt;
    return 0;
}

static int fail_oom(bc_vcursor *c)
{
    bc_error err;

    bc_error_clear(&err);
    bc_error_set(&err, "HY001", 0, "out of memory while reading %s", c->vt->t->name);
    bc_vtab_fail(c->vt, &err);
    return -1;
}

/* The query of one batch request as the pager sends it (c's query, then the id list in the
 * form vtab_rows.c's chunks take). Caller frees; NULL on OOM. */
static char *batch_query(const bc_vcursor *c, const char *param, char *const *keys, int n)
{
    bc_buf b;

    bc_buf_init(&b);
    bc_buf_printf(&b, "%s&%s=", c->query, param);
    for (int i = 0; i < n; i++)
        bc_buf_printf(&b, "%s%s", i ? "," : "", keys[i]);
    return bc_buf_steal(&b);
}

/* The key (at path) of a parent item as text: integer keys only. */
static bool key_text(const cJSON *item, const char *path, char *buf, size_t n)
{
    const cJSON *v = bc_vtab_walk_path((cJSON *)item, path);

    if (!cJSON_IsNumber(v) || v->valuedouble != (double)(long long)v->valuedouble)
        return false;
    snprintf(buf, n, "%lld", (long long)v->valuedouble);
    return true;
}

/* The position of p's current item among the keyed items of its page, -1 when it is not
 * on the page (a parent answered from rows held). */
static int page_pos(const bc_vcursor *p, const char *path)
{
    char key[32];
    int pos = 0;

    for (const cJSON *it = p->items ? p->items->child : NULL; it != NULL; it = it->next) {
        if (it == p->item)
            return key_text(it, path, key, sizeof key) ? pos : -1;
        pos += key_text(it, path, key, sizeof key);
    }
    return -1;
}

/* Up to max keys of p's page from the from-th keyed item on, into out (owned by the
 * caller): how many. */
static int page_keys(const bc_vcursor *p, const char *path, int from, char **out, int max)
{
    char key[32];
    int pos = 0, n = 0;

    for (const cJSON *it = p->items ? p->items->child : NULL; it != NULL && n < max;
         it = it->next) {
        if (!key_text(it, path, key, sizeof key) || pos++ < from)
            continue;
        if ((out[n] = bc_strdup(key)) == NULL)
            break;
        n++;
    }
    return n;
}

/* Send the request of the batch at position from of p's page now, so that its answer waits
 * in the response cache when SQLite reaches those parents (the rate limiter and the window
 * permitting; nothing when the response cache is off). false when p's page has no parent
 * there. */
static bool start_batch_at(bc_vcursor *c, const bc_table_def *pt, const char *param,
                           const bc_vcursor *p, int from)
{
    char *keys[BC_API_IN_CHUNK], *q;
    int n = page_keys(p, bc_vahead_parent_path(c->vt, pt), from, keys, BC_API_IN_CHUNK);

    if (n > 0 && (c->ahead != NULL || (c->ahead = bc_api_ahead_new(c->vt->e->api)) != NULL)) {
        if ((q = batch_query(c, param, keys, n)) != NULL)
            bc_api_ahead_start(c->ahead, pt->endpoint, q, pt->paging);
        free(q);
    }
    for (int i = 0; i < n; i++)
        free(keys[i]);
    return n > 0;
}

/* The parents a batch for key reads, into keys (BC_API_IN_CHUNK slots): the slice of p's
 * page holding key, slices of BC_API_IN_CHUNK counted from the page's start, so that the
 * batches of one page are the same whichever parents SQLite skips (a WHERE on the parent),
 * and the next one can be sent ahead; *from: the slice's position. A parent not on p's
 * page (answered from rows held): key and the parents after it, *from -1. How many, 0 on
 * OOM. */
static int batch_keys(const bc_vcursor *c, const bc_table_def *pt, const bc_vcursor *p,
                      const char *key, char **keys, int *from)
{
    const char *path = bc_vahead_parent_path(c->vt, pt);
    int pos = page_pos(p, path);

    if (pos >= 0) {
        *from = pos - pos % BC_API_IN_CHUNK;
        return page_keys(p, path, *from, keys, BC_API_IN_CHUNK);
    }
    *from = -1;
    if ((keys[0] = bc_strdup(key)) == NULL)
        return 0;
    return 1 + bc_vahead_next_keys(p, path, keys + 1, BC_API_IN_CHUNK - 1);
}

/* Read the children of the parents of key's batch (batch_keys) into c's batch, through the
 * parent's id filter, and send the next batch ahead: 1 built, 0 too many rows to hold, -1
 * with err set. */
static int read_parents(bc_vcursor *c, const bc_table_def *pt, const bc_vcursor *p, const char *key,
                        bc_error *err)
{
    const char *param = pt->columns[bc_catalog_column_index(pt, c->vt->ph_parent[0])].filter_in;
    char **keys = calloc(BC_API_IN_CHUNK, sizeof *keys), **borrowed = NULL, *q = NULL;
    int n = 0, from = -1, rc;

    if (keys != NULL)
        n = batch_keys(c, pt, p, key, keys, &from);
    /* The batch owns the keys; the chunk list only borrows them while it is read. */
    if (n == 0 || (borrowed = malloc((size_t)n * sizeof *borrowed)) == NULL ||
        (q = batch_query(c, param, keys, n)) == NULL) {
        for (int i = 0; i < n; i++)
            free(keys[i]);
        free(keys);
        free(borrowed);
        return bc_error_set(err, "HY001", 0, "out of memory while reading %s", c->vt->t->name);
    }
    if (c->ahead != NULL) /* sent ahead by the batch before: wait for it */
        bc_api_ahead_settle(c->ahead, pt->endpoint, q, pt->paging);
    free(q);
    memcpy(borrowed, keys, (size_t)n * sizeof *borrowed);
    c->chunk_param = param;
    c->chunk_vals = borrowed;
    c->nchunk = n;
    c->chunkpos = 0;
    rc = bc_vbatch_build(c, c->ph_col[0], keys, n, 0, err);
    free(c->chunk_vals);
    c->chunk_vals = NULL;
    c->nchunk = 0;
    c->chunk_param = NULL;
    /* As many slices ahead as batches were read so far: a join that stops early (LIMIT)
     * spends few requests it did not need, a long one soon has several in flight. */
    if (rc == 1 && from >= 0)
        c->via_batches++;
    for (int k = 1; rc == 1 && from >= 0 && k <= c->via_batches; k++)
        if (!start_batch_at(c, pt, param, p, from + k * BC_API_IN_CHUNK))
            break;
    return rc;
}

/* A probe for one parent key while a cursor on the parent stands on it: 1 answered from
 * the batch, 0 not this way (the child's endpoint is asked as before), -1 error recorded. */
static int take_probe(bc_vcursor *c, const bc_table_def *pt)
{
    const char *key = c->given[0], *saved_tmpl = c->tmpl;
    bc_paging saved_paging = c->paging;
    int col = c->ph_col[0], rc = 1;
    bc_error err;

    if (pt->columns[bc_catalog_column_index(pt, c->vt->ph_parent[0])].filter_in == NULL)
        return 0;
    bc_vcursor *p = bc_vahead_parent(c, pt, bc_vahead_parent_path(c->vt, pt), key);
    if (p == NULL)
        return 0;
    if (read_via(c, pt) != 0)
        return fail_oom(c);
    bc_error_clear(&err);
    if (!bc_vbatch_covers(c, col, key))
        rc = read_parents(c, pt, p, key, &err);
    if (rc < 0) {
        bc_vtab_fail(c->vt, &err);
        return -1;
    }
    if (rc == 0) { /* too many rows to hold: this cursor asks the child's endpoint */
        c->batch_refused = true;
        free(c->query);
        c->query = NULL;
        c->tmpl = saved_tmpl;
        c->paging = saved_paging;
        c->nph = 1;
        c->single = false;
        c->rows_path = c->vt->t->rows_path;
        c->via = NULL;
        return 0;
    }
    if (!bc_vbatch_covers(c, col, key)) /* its key was lost to a failed allocation */
        return fail_oom(c);
    bc_vbatch_select(c, key);
    c->started = true; /* the rows were read; no request is left */
    return 1;
}

/* "parent key IN (...)", several values: the listed parents' children in requests of the
 * parent's list, BC_API_IN_CHUNK ids each (vtab_rows.c sends the chunks), instead of a
 * request per parent. 0, or -1 with the error recorded. */
static int take_list(bc_vcursor *c, const bc_table_def *pt)
{
    const char *param = pt->columns[bc_catalog_column_index(pt, c->vt->ph_parent[0])].filter_in;
    char **vals;
    int n = 0;

    if (param == NULL)
        return 0;
    if ((vals = calloc((size_t)c->ntuples, sizeof *vals)) == NULL)
        return fail_oom(c);
    for (; n < c->ntuples; n++) {
        if ((vals[n] = bc_strdup(c->tuples[(size_t)n * (size_t)c->nph])) == NULL) {
            while (n-- > 0)
                free(vals[n]);
            free(vals);
            return fail_oom(c);
        }
    }
    if (read_via(c, pt) != 0) {
        while (n-- > 0)
            free(vals[n]);
        free(vals);
        return fail_oom(c);
    }
    c->chunk_param = param;
    c->chunk_vals = vals; /* the cursor's now: freed with its query */
    c->nchunk = n;
    c->chunkpos = 0;
    return 0;
}

int bc_vchild_take(bc_vcursor *c)
{
    const bc_table_def *pt = include_parent(c);

    if (pt == NULL)
        return 0;
    if (!c->walk_done && c->given[0] == NULL) /* every parent would be walked */
        return read_via(c, pt) == 0 ? 0 : fail_oom(c);
    if (c->walk_done && c->ntuples == 1 && c->given[0] != NULL && c->max_rows == 0 &&
        !c->batch_refused)
        return take_probe(c, pt);
    if (c->walk_done && c->given[0] == NULL && c->ntuples > 1)
        return take_list(c, pt);
    return 0;
}

void bc_vchild_adopt(const bc_vcursor *c, const cJSON *parent, cJSON *arr)
{
    const bc_column_def *cd = &c->vt->t->columns[c->vt->ph_col[0]];
    const char *member = bc_vtab_member(cd);
    const cJSON *id = bc_vtab_walk_path((cJSON *)parent, bc_vahead_parent_path(c->vt, c->via));
    cJSON *el;

    if (!cJSON_IsNumber(id) || !cJSON_IsArray(arr))
        return;
    cJSON_ArrayForEach(el, arr)
    {
        if (cJSON_IsObject(el) && !cJSON_HasObjectItem(el, member))
            cJSON_AddNumberToObject(el, member, id->valuedouble);
    }
}
