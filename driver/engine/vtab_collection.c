/*
 * Children with a list of their own across parents (the catalog's collection_endpoint).
 * Metafields hang off each product or order (/v3/catalog/products/{id}/metafields), so
 * reading every product's cost one request per product; the API also lists the metafields
 * of all products together (/v3/catalog/products/metafields), each naming its product in
 * resource_id. A scan that would walk every parent reads that list instead: the
 * requests are the list's pages, several in flight, however many parents there are.
 *
 * In a join probed by the parent key (Products p JOIN ProductMetafields m ON
 * m.product_id = p.id) the first probe asks the collection's size once; when its pages are
 * fewer than the parent rows still to come on the parent cursor's page, the collection is
 * read whole and held by parent key (vtab_batch.c), and every probe is a lookup. Otherwise
 * the probes keep their per-parent requests, fetched ahead as any child's.
 *
 * Only for a plan that sends nothing else: a single given parent keeps its one request, and
 * a filter of the per-parent list is not assumed to mean the same on the collection.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "vtab_internal.h"

/* c is about to walk every parent of its table, with nothing but the parent key sent. */
static bool walks_every_parent(const bc_vcursor *c)
{
    const bc_vtab *vt = c->vt;

    return vt->walk != NULL && c->plan == BC_PLAN_ENDPOINT && vt->nph == 1 && c->nph == 1 &&
           !c->walk_done && c->given[0] == NULL && c->query == NULL && c->chunk_param == NULL &&
           c->bulk_val == NULL && c->local_val == NULL && c->eq_param == NULL && c->via == NULL;
}

void bc_vcollection_take(bc_vcursor *c)
{
    const bc_table_def *t = c->vt->t;

    if (t->collection_endpoint == NULL || !walks_every_parent(c))
        return;
    c->tmpl = t->collection_endpoint;
    c->paging = t->paging;
    c->nph = 0;
    c->single = true;
    c->walk_done = true;
    c->collection = true;
}

void bc_vcollection_adopt(const bc_vcursor *c, cJSON *item)
{
    const bc_column_def *cd = &c->vt->t->columns[c->vt->ph_col[0]];
    const char *member = bc_vtab_member(cd);
    const cJSON *key = cJSON_GetObjectItemCaseSensitive(item, c->vt->t->collection_key);

    if (cJSON_IsObject(item) && cJSON_IsNumber(key) && !cJSON_HasObjectItem(item, member))
        cJSON_AddNumberToObject(item, member, key->valuedouble);
}

/* c asks for the children of one given parent, with nothing else sent. */
static bool probes_one_parent(const bc_vcursor *c)
{
    const bc_vtab *vt = c->vt;

    return vt->walk != NULL && c->plan == BC_PLAN_ENDPOINT && vt->nph == 1 && c->walk_done &&
           c->ntuples == 1 && c->given[0] != NULL && c->max_rows == 0 && !c->batch_refused &&
           c->query == NULL && c->chunk_param == NULL && c->via == NULL;
}

/* The cursor of the parent table standing on the parent c probes, NULL when none. */
static bc_vcursor *parent_cursor(bc_vcursor *c)
{
    const char *path = bc_vahead_parent_path(c->vt, c->vt->walk);

    return path != NULL ? bc_vahead_parent(c, c->vt->walk, path, c->given[0]) : NULL;
}

/* The pages of the whole collection, -1 when its first page does not tell. */
static long collection_pages(const bc_vcursor *c)
{
    return bc_vswitch_pages_at(c, bc_sprintf("%s?page=1&limit=1", c->vt->t->collection_endpoint),
                               false);
}

/* Read the whole collection into c's batch, keyed by the parent key: 1 held, 0 not (too
 * many rows: c asks per parent again), -1 with the error recorded. */
static int hold_collection(bc_vcursor *c, long pages)
{
    const char *tmpl = c->tmpl;
    bc_paging paging = c->paging;
    bc_error err;
    int rc;

    c->tmpl = c->vt->t->collection_endpoint;
    c->paging = c->vt->t->paging;
    c->nph = 0;
    c->single = true;
    c->collection = true;
    bc_error_clear(&err);
    /* a page more than counted: rows added meanwhile still fit */
    rc = bc_vbatch_build(c, c->ph_col[0], NULL, 0, (pages + 1) * BC_DEFAULT_PAGE_SIZE, &err);
    if (rc == 1)
        return 1;
    c->tmpl = tmpl;
    c->paging = paging;
    c->nph = 1;
    c->single = false;
    c->collection = false;
    c->started = false;
    if (rc < 0) {
        bc_vtab_fail(c->vt, &err);
        return -1;
    }
    c->batch_refused = true;
    return 0;
}

int bc_vcollection_probe(bc_vcursor *c)
{
    const char *key = c->given[0];
    int rc = 1;

    if (c->vt->t->collection_endpoint == NULL || !probes_one_parent(c))
        return 0;
    if (!bc_vbatch_covers(c, c->ph_col[0], key)) {
        bc_vcursor *p;
        long pages;
        if (c->collection_sized || (p = parent_cursor(c)) == NULL ||
            bc_vahead_rows_after(p) < BC_VPROBES_WORTH_SIZING)
            return 0;
        c->collection_sized = true;
        pages = collection_pages(c);
        if (pages < 0 || pages > bc_vahead_rows_after(p))
            return 0;
        if ((rc = hold_collection(c, pages)) != 1)
            return rc;
    }
    bc_vbatch_select(c, key);
    c->started = true; /* the rows were read; no request is left */
    return 1;
}
