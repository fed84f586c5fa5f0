/*
 * Rows held for the statement, keyed by one column, so that a table asked again and again
 * with "col = ?" is answered by a lookup instead of a request or a rescan:
 *
 * - Children in bulk: a child reached through a filter (ProductVariants.product_id, with
 *   product_id:in) asked for one parent while a cursor on the parent table stands on it is
 *   read for that parent and the next ones on the parent's page at once, in one filtered
 *   request of up to BC_API_IN_CHUNK ids; the following parents are then lookups.
 * - No quadratic loops: "col = ?" on a column the API cannot filter (SQLite checks it in
 *   any case) reads the table once, on the first probe, and builds the index over its
 *   rows; every later probe is a binary search.
 * - Probes through a filter (Orders.customer_id = ? for customer after customer) take the
 *   second way when reading the whole table costs fewer requests than the probes to come
 *   (vtab_switch.c decides when).
 *
 * A batch keeps the items it read (detached from their pages), at most
 * BC_VBATCH_MAX_ROWS of them: a bigger table is scanned as before.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "vtab_internal.h"

#define BC_VBATCH_MAX_ROWS 200000

typedef struct batch_row {
    char *key;
    cJSON *item;
    cJSON *parent; /* the page's item holding it (item itself unless nested) */
} batch_row;

struct bc_vbatch {
    int col;
    char *scope;  /* the plan and filters the rows were read with */
    cJSON *owner; /* array owning the items */
    batch_row *rows;
    int nrows, cap;
    char **keys; /* the keys asked for, sorted; NULL: every key (a whole table) */
    int nkeys;
    cJSON *last_held; /* the page item kept last */
};

void bc_vbatch_free(bc_vbatch *b)
{
    if (b == NULL)
        return;
    for (int i = 0; i < b->nrows; i++)
        free(b->rows[i].key);
    for (int i = 0; i < b->nkeys; i++)
        free(b->keys[i]);
    free(b->rows);
    free(b->keys);
    free(b->scope);
    cJSON_Delete(b->owner);
    free(b);
}

/* The key of a JSON value as the probe's text: integers without a fraction, text as is. */
static char *key_of(const cJSON *v)
{
    if (cJSON_IsNumber(v) && v->valuedouble == (double)(long long)v->valuedouble)
        return bc_sprintf("%lld", (long long)v->valuedouble);
    if (cJSON_IsNumber(v))
        return bc_sprintf("%.17g", v->valuedouble);
    if (cJSON_IsString(v))
        return bc_strdup(v->valuestring);
    if (cJSON_IsBool(v))
        return bc_strdup(cJSON_IsTrue(v) ? "1" : "0");
    return NULL;
}

static int cmp_rows(const void *a, const void *b)
{
    return strcmp(((const batch_row *)a)->key, ((const batch_row *)b)->key);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *scope_of(const bc_vcursor *c)
{
    return bc_sprintf("%d|%s", c->plan, c->query ? c->query : "");
}

/* Keep the cursor's current item under its key. The page's item holding it is detached
 * from its page, once: a row inside an item's array (a child read through its parent's
 * list) stays in its parent, with the rows after it. -1 on OOM. */
static int keep_item(bc_vbatch *b, bc_vcursor *c)
{
    const bc_column_def *cd = &c->vt->t->columns[b->col];
    cJSON *item = c->item, *held = c->parent_item ? c->parent_item : item;
    char *key = key_of(bc_vtab_walk_path(item, bc_vtab_member(cd)));

    if (held != b->last_held) {
        cJSON_DetachItemViaPointer(c->items, held);
        cJSON_AddItemToArray(b->owner, held);
        b->last_held = held;
    }
    if (key == NULL)
        return 0; /* no value: equal to nothing */
    if (b->nrows == b->cap) {
        int cap = b->cap ? b->cap * 2 : 256;
        batch_row *r = realloc(b->rows, (size_t)cap * sizeof *r);
        if (r == NULL) {
            free(key);
            return -1;
        }
        b->rows = r;
        b->cap = cap;
    }
    b->rows[b->nrows].key = key;
    b->rows[b->nrows].parent = held;
    b->rows[b->nrows++].item = item;
    return 0;
}

/* Read every row of the cursor's requests (as set up) into b. 1 done, 0 too many rows (the
 * caller scans as before), -1 with err set. */
static int fill(bc_vbatch *b, bc_vcursor *c, long cap, bc_error *err)
{
    long read = 0;
    int rc;

    if (cap <= 0 || cap > BC_VBATCH_MAX_ROWS)
        cap = BC_VBATCH_MAX_ROWS;
    while ((rc = bc_vcursor_advance(c, err)) == 1) {
        if (++read > cap)
            return 0;
        if (keep_item(b, c) != 0)
            return bc_error_set(err, "HY001", 0, "out of memory while reading %s", c->vt->t->name);
    }
    if (rc < 0)
        return -1;
    qsort(b->rows, (size_t)b->nrows, sizeof *b->rows, cmp_rows);
    if (b->keys != NULL)
        qsort(b->keys, (size_t)b->nkeys, sizeof *b->keys, cmp_str);
    return 1;
}

static bc_vbatch *batch_new(const bc_vcursor *c, int col)
{
    bc_vbatch *b = calloc(1, sizeof *b);

    if (b == NULL)
        return NULL;
    b->col = col;
    b->owner = cJSON_CreateArray();
    b->scope = scope_of(c);
    if (b->owner == NULL || b->scope == NULL) {
        bc_vbatch_free(b);
        return NULL;
    }
    return b;
}

bool bc_vbatch_covers(const bc_vcursor *c, int col, const char *key)
{
    const bc_vbatch *b = c->batch;
    char *scope;
    bool same;

    if (b == NULL || b->col != col)
        return false;
    if ((scope = scope_of(c)) == NULL)
        return false;
    same = strcmp(scope, b->scope) == 0;
    free(scope);
    if (!same)
        return false;
    return b->keys == NULL ||
           bsearch(&key, b->keys, (size_t)b->nkeys, sizeof *b->keys, cmp_str) != NULL;
}

void bc_vbatch_select(bc_vcursor *c, const char *key)
{
    const bc_vbatch *b = c->batch;
    int lo = 0, hi = b->nrows;

    while (lo < hi) { /* the first row whose key is not below key */
        int mid = lo + (hi - lo) / 2;
        if (strcmp(b->rows[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    c->batch_pos = c->batch_end = lo;
    c->next_item = c->next_sub = NULL; /* the pages the rows came from are gone */
    while (c->batch_end < b->nrows && strcmp(b->rows[c->batch_end].key, key) == 0)
        c->batch_end++;
    c->in_batch = true;
}

int bc_vbatch_next(bc_vcursor *c)
{
    if (c->batch_pos >= c->batch_end)
        return 0;
    c->item = c->batch->rows[c->batch_pos].item;
    c->parent_item = c->batch->rows[c->batch_pos++].parent;
    return 1;
}

int bc_vbatch_col(const bc_vcursor *c)
{
    return c->batch != NULL ? c->batch->col : -1;
}

int bc_vbatch_build(bc_vcursor *c, int col, char **keys, int nkeys, long cap, bc_error *err)
{
    bc_vbatch *b = batch_new(c, col);
    int rc;

    if (b == NULL) {
        for (int i = 0; i < nkeys; i++)
            free(keys[i]);
        free(keys);
        return bc_error_set(err, "HY001", 0, "out of memory while reading %s", c->vt->t->name);
    }
    b->keys = keys;
    b->nkeys = nkeys;
    bc_vbatch_free(c->batch);
    c->batch = NULL;
    rc = fill(b, c, cap, err);
    if (rc <= 0) {
        bc_vbatch_free(b);
        return rc;
    }
    c->batch = b;
    return 1;
}
