/*
 * A cursor's rows: the plan's requests one after another (vtab_cursor.c set them up), the
 * items of each page, and for a nested view the elements of the array at rows_path (a
 * dotted path: EmailConsignments' rows are at email.gift_certificates) inside each item.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "vtab_internal.h"

/* The rows the pager may stop after: none when the rows sit inside the page's items (a
 * cap on rows says nothing about how many items hold them). */
static long remaining(const bc_vcursor *c)
{
    return c->max_rows > 0 && c->rows_path == NULL ? c->max_rows - c->rows : 0;
}

/* The next chunk of the pushed IN list, with the other filters. Caller frees. */
static char *chunk_query(bc_vcursor *c)
{
    bc_buf b;
    int end = c->chunkpos + BC_API_IN_CHUNK;

    if (end > c->nchunk)
        end = c->nchunk;
    bc_buf_init(&b);
    if (c->query)
        bc_buf_printf(&b, "%s&", c->query);
    bc_buf_printf(&b, "%s=", c->chunk_param);
    for (int i = c->chunkpos; i < end; i++)
        bc_buf_printf(&b, "%s%s", i > c->chunkpos ? "," : "", c->chunk_vals[i]);
    c->chunkpos = end;
    return bc_buf_steal(&b);
}

/* Fetch the first pages of the next known requests at once (a child table costs a request
 * per parent, so several parents are asked for together). Under a row cap the requests are
 * left to go one by one: the cap may end the scan before the next parent. */
static void prefetch(bc_vcursor *c)
{
    char *paths[BC_PAGER_WINDOW * 4];
    int n = 0, w = c->nph;

    if (c->max_rows > 0 || c->tuplepos < c->prefetched)
        return;
    for (int i = c->tuplepos; i < c->ntuples && n < (int)(sizeof paths / sizeof *paths); i++) {
        if ((paths[n] = bc_vkeys_fill(c, c->tuples + (size_t)i * (size_t)w)) == NULL)
            break;
        n++;
    }
    c->prefetched = c->tuplepos + (n > 0 ? n : 1);
    if (n >= 2)
        bc_pager_prefetch(c->vt->e->api, paths, n, c->query, c->paging, 0);
    for (int i = 0; i < n; i++)
        free(paths[i]);
}

/* The count endpoint a scan may use (the count tells the number of pages, so pages
 * 2..N can be in flight at once): only for the whole list, and with pushed filters only
 * when the count endpoint applies them too. An IN list sent in chunks never counts, nor a
 * request with include= (no count endpoint takes it). */
static const char *count_path(const bc_vcursor *c, const char *chunk)
{
    const bc_table_def *src = c->vt->src;

    /* An equality filter leaves a page or two: a count would double the requests. */
    if (c->plan != BC_PLAN_ENDPOINT || c->paging != BC_PAGING_V2 || !c->single ||
        src->count_endpoint == NULL || chunk != NULL || c->has_include || c->eq_param != NULL)
        return NULL;
    return c->query == NULL || src->count_filtered ? src->count_endpoint : NULL;
}

/* The column that identifies an item of t on its own, for the pager's de-duplication: the
 * one primary-key column, when it sits at the top level of the item; NULL otherwise (a
 * composite key, a nested path, or rows taken from inside a parent's array). */
static const bc_column_def *item_key_col(const bc_table_def *t)
{
    const bc_column_def *key = NULL;

    if (t->rows_path != NULL)
        return NULL;
    for (int i = 0; i < t->ncolumns; i++) {
        const bc_column_def *col = &t->columns[i];
        if (!(col->flags & BC_COLF_PK))
            continue;
        if (key != NULL || (col->flags & BC_COLF_FROM_PARENT))
            return NULL;
        key = col;
    }
    if (key == NULL || strchr(bc_vtab_member(key), '.') != NULL)
        return NULL;
    return key;
}

/* Tell the pager the item key (de-duplication) and, where the endpoint has one, the filter
 * that resumes a scan after a key. 0, or -1 when out of memory. */
static int set_item_key(bc_pager *p, const bc_table_def *t)
{
    const bc_column_def *k = item_key_col(t);

    if (k == NULL)
        return 0;
    if (bc_pager_set_key(p, bc_vtab_member(k)) != 0)
        return -1;
    if (k->filter_after != NULL)
        return bc_pager_set_resume_param(p, k->filter_after, false);
    /* v2 lists sort by id by default; min_id is their inclusive bound on it. */
    if (t->paging == BC_PAGING_V2 && k->filter_min != NULL)
        return bc_pager_set_resume_param(p, k->filter_min, true);
    return 0;
}
/* Open the next request of the plan: 1 opened, 0 none left, -1 with err set. */
static int open_next_request(bc_vcursor *c, bc_error *err)
{
    char *path, *query = NULL;

    if (c->single) {
        if (c->chunk_param != NULL ? c->chunkpos >= c->nchunk : c->started)
            return 0;
        c->started = true;
        path = bc_strdup(c->tmpl);
        if (c->chunk_param != NULL && (query = chunk_query(c)) == NULL) {
            free(path);
            path = NULL;
        }
    } else {
        /* With a pushed IN list too, each tuple's path is requested once per chunk. */
        if (c->chunk_param == NULL || c->cur == NULL || c->chunkpos >= c->nchunk) {
            if (c->tuplepos >= c->ntuples) {
                int rc = c->walk_done ? 0 : bc_vkeys_walk_refill(c, err);
                if (rc <= 0)
                    return rc;
            }
            if (c->chunk_param == NULL)
                prefetch(c);
            c->cur = c->tuples + (size_t)c->tuplepos++ * (size_t)c->nph;
            c->chunkpos = 0;
        }
        path = bc_vkeys_fill(c, c->cur);
        if (path != NULL && c->chunk_param != NULL && (query = chunk_query(c)) == NULL) {
            free(path);
            path = NULL;
        }
    }
    if (path == NULL)
        return bc_error_set(err, "HY001", 0, "out of memory while reading %s", c->vt->t->name);
    if (query == NULL)
        bc_vahead_settle(c, path);
    c->pager =
        bc_pager_open(c->vt->e->api, path, query ? query : c->query, c->paging, remaining(c), err);
    if (c->pager != NULL && (bc_pager_set_count_path(c->pager, count_path(c, query)) != 0 ||
                             set_item_key(c->pager, c->via ? c->via : c->vt->t) != 0)) {
        bc_pager_close(c->pager);
        c->pager = NULL;
        bc_error_set(err, "HY001", 0, "out of memory while reading %s", c->vt->t->name);
    }
    free(path);
    free(query);
    return c->pager ? 1 : -1;
}

/* A single object fetched by id that does not exist is no row, not an error. */
static bool is_missing_object(const bc_vcursor *c, const bc_error *err)
{
    return c->plan != BC_PLAN_ENDPOINT && err->native == 404;
}

/* The next row of the current page: an element of the page, or for a child view of a
 * nested array the next element of the arrays inside the page's elements. */
static bool next_in_page(bc_vcursor *c)
{
    const char *rows_path = c->rows_path;

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
            if (c->collection)
                bc_vcollection_adopt(c, c->item);
            return true;
        }
        cJSON *arr = bc_vtab_walk_path(c->parent_item, rows_path);
        if (c->via != NULL)
            bc_vchild_adopt(c, c->parent_item, arr);
        c->next_sub = cJSON_IsArray(arr) ? arr->child : NULL;
    }
}

int bc_vcursor_advance(bc_vcursor *c, bc_error *err)
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
            /* The page goes with the pager: no pointer into it may outlive it (the
             * look-ahead reads other cursors' current items). */
            bc_pager_close(c->pager);
            c->pager = NULL;
            c->items = c->item = c->parent_item = c->next_item = c->next_sub = NULL;
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
    c->row_seq++; /* the cells of the last row are stale */
    if (bc_flag_get(c->vt->e->cancel)) {
        bc_error_set(&err, "HY008", 0, "the statement was cancelled");
        return bc_vtab_fail(c->vt, &err);
    }
    if (c->max_rows > 0 && c->rows >= c->max_rows) {
        c->eof = true;
        return SQLITE_OK;
    }
    if (c->plan == BC_PLAN_COUNT) { /* max_rows holds the count */
        c->rows++;
        return SQLITE_OK;
    }
    rc = c->in_batch ? bc_vbatch_next(c) : bc_vcursor_advance(c, &err);
    if (rc < 0) {
        c->eof = true;
        c->item = c->parent_item = c->next_item = c->next_sub = NULL;
        return bc_vtab_fail(c->vt, &err);
    }
    c->eof = rc == 0;
    if (!c->eof)
        c->rows++;
    else /* the last page is gone: no row is current (other cursors look at item) */
        c->item = c->parent_item = c->next_item = c->next_sub = NULL;
    return SQLITE_OK;
}
