/*
 * Children with a list of their own across parents (the catalog's collection_endpoint).
 * Metafields hang off each product or order (/v3/catalog/products/{id}/metafields), so
 * reading every product's cost one request per product; the API also lists the metafields
 * of all products together (/v3/catalog/products/metafields), each naming its product in
 * resource_id. A scan that would walk every parent reads that list instead: the
 * requests are the list's pages, several in flight, however many parents there are.
 *
 * Only for a plan that sends nothing else: given parents keep their per-parent requests
 * (one each, fewer than the whole list), and a filter of the per-parent list is not
 * assumed to mean the same on the collection.
 */
#include <stdlib.h>
#include <string.h>
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
    const char *member = cd->json_path ? cd->json_path : cd->name;
    const cJSON *key = cJSON_GetObjectItemCaseSensitive(item, c->vt->t->collection_key);

    if (cJSON_IsObject(item) && cJSON_IsNumber(key) && !cJSON_HasObjectItem(item, member))
        cJSON_AddNumberToObject(item, member, key->valuedouble);
}
