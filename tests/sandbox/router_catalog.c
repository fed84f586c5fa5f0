/*
 * Routes of the catalog, pricing, inventory and promotion endpoints. sb_route_api asks this
 * table first. Each route names its resource, the resource its {id} must exist in (children
 * of a product or price list), and the list filters it honours, each applied exactly as the
 * reference describes it: "x:in" keeps the items whose x is one of a comma list.
 */
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_FILTERS = 4 };

/* Where a filter's value sits in an item. */
/* F_TEXT: the item's text at json_key is one of the comma list (location_code:in). */
typedef enum field_kind { F_ID, F_PARENT, F_JSON, F_TEXT } field_kind;

typedef struct filter {
    const char *param; /* query parameter, e.g. "product_id:in" */
    field_kind kind;
    const char *json_key; /* F_JSON: key path "identity.variant_id" */
} filter;

typedef struct cat_route {
    const char *pattern; /* "{id}" matches a decimal id */
    sb_res_id res;
    int parent; /* resource {id} must exist in (404 otherwise), -1 when no {id} */
    filter filters[MAX_FILTERS];
} cat_route;

#define CHILD(path, res)                                                                           \
    {                                                                                              \
        "v3/catalog/products/{id}/" path, res, SB_RES_PRODUCTS,                                    \
        {                                                                                          \
            {                                                                                      \
                0                                                                                  \
            }                                                                                      \
        }                                                                                          \
    }

static const cat_route routes[] = {
    CHILD("images", SB_RES_PRODUCT_IMAGES),
    CHILD("videos", SB_RES_PRODUCT_VIDEOS),
    CHILD("custom-fields", SB_RES_PRODUCT_CUSTOM_FIELDS),
    CHILD("metafields", SB_RES_PRODUCT_METAFIELDS),
    CHILD("reviews", SB_RES_PRODUCT_REVIEWS),
    CHILD("bulk-pricing-rules", SB_RES_PRODUCT_BULK_RULES),
    CHILD("complex-rules", SB_RES_PRODUCT_COMPLEX_RULES),
    CHILD("options", SB_RES_PRODUCT_OPTIONS),
    {"v3/catalog/variants",
     SB_RES_PRODUCT_VARIANTS,
     -1,
     {{"id", F_ID, NULL}, {"product_id:in", F_PARENT, NULL}}},
    {"v3/catalog/trees", SB_RES_CATEGORY_TREES, -1, {{"id:in", F_ID, NULL}}},
    {"v3/catalog/products/metafields", SB_RES_PRODUCT_METAFIELDS, -1, {{0}}},
    {"v3/catalog/categories/metafields", SB_RES_CATEGORY_METAFIELDS, -1, {{0}}},
    {"v3/catalog/brands/metafields", SB_RES_BRAND_METAFIELDS, -1, {{0}}},
    {"v3/pricelists", SB_RES_PRICELISTS, -1, {{"id:in", F_ID, NULL}}},
    {"v3/pricelists/assignments",
     SB_RES_PRICELIST_ASSIGNMENTS,
     -1,
     {{"id:in", F_ID, NULL},
      {"price_list_id:in", F_JSON, "price_list_id"},
      {"customer_group_id:in", F_JSON, "customer_group_id"},
      {"channel_id:in", F_JSON, "channel_id"}}},
    {"v3/pricelists/{id}/records",
     SB_RES_PRICELIST_RECORDS,
     SB_RES_PRICELISTS,
     {{"variant_id:in", F_JSON, "variant_id"}, {"product_id:in", F_JSON, "product_id"}}},
    {"v3/inventory/locations",
     SB_RES_INVENTORY_LOCATIONS,
     -1,
     {{"location_id:in", F_ID, NULL}, {"location_code:in", F_TEXT, "code"}}},
    {"v3/inventory/items",
     SB_RES_INVENTORY_ITEMS,
     -1,
     {{"variant_id:in", F_ID, NULL}, {"product_id:in", F_PARENT, NULL}}},
    {"v3/promotions", SB_RES_PROMOTIONS, -1, {{"id", F_ID, NULL}}},
};

/* Matches path against pattern; on "{id}" stores the number in *id. Trailing '/' tolerated. */
static int match(const char *pattern, const char *path, long *id)
{
    while (*pattern) {
        if (strncmp(pattern, "{id}", 4) == 0) {
            char *end;
            if (*path < '0' || *path > '9')
                return 0;
            *id = strtol(path, &end, 10);
            path = end;
            pattern += 4;
        } else if (*pattern++ != *path++) {
            return 0;
        }
    }
    return *path == '\0' || (path[0] == '/' && path[1] == '\0');
}

/* 1 when v is one of the comma-separated numbers in list. */
static int in_list(const char *list, long v)
{
    for (const char *p = list; *p;) {
        char *end;
        long n = strtol(p, &end, 10);
        if (end != p && n == v)
            return 1;
        p = (*end == ',') ? end + 1 : (end == p ? p + 1 : end);
    }
    return 0;
}

/* The number at a dot path of the item's JSON; 0 with *ok = 0 when absent. */
static long json_number(const sb_item *it, const char *path, int *ok)
{
    cJSON *doc = cJSON_ParseWithLength(it->json, it->len);
    const cJSON *v = doc;
    char key[64];
    *ok = 0;
    while (v && *path) {
        size_t n = strcspn(path, ".");
        if (n >= sizeof key)
            break;
        memcpy(key, path, n);
        key[n] = '\0';
        v = cJSON_GetObjectItemCaseSensitive(v, key);
        path += n + (path[n] == '.');
    }
    long out = 0;
    if (v && !*path && cJSON_IsNumber(v)) {
        out = (long)v->valuedouble;
        *ok = 1;
    }
    cJSON_Delete(doc);
    return out;
}

/* 1 when the item's text field key is one of the comma-separated texts in list. */
static int text_in_list(const sb_item *it, const char *key, const char *list)
{
    cJSON *doc = cJSON_ParseWithLength(it->json, it->len);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(doc, key);
    int hit = 0;
    size_t n = cJSON_IsString(v) ? strlen(v->valuestring) : 0;

    for (const char *p = list; cJSON_IsString(v) && !hit && *p;) {
        size_t len = strcspn(p, ",");
        hit = len == n && strncmp(p, v->valuestring, n) == 0;
        p += len + (p[len] == ',');
    }
    cJSON_Delete(doc);
    return hit;
}

static int passes(const cat_route *r, const sb_item *it, const sb_args *a)
{
    for (int f = 0; f < MAX_FILTERS && r->filters[f].param; f++) {
        const filter *fl = &r->filters[f];
        const char *want = a->get(a->ctx, fl->param);
        int ok = 1;
        long v;
        if (!want)
            continue;
        if (fl->kind == F_TEXT) {
            if (!text_in_list(it, fl->json_key, want))
                return 0;
            continue;
        }
        if (fl->kind == F_ID)
            v = it->id;
        else if (fl->kind == F_PARENT)
            v = it->parent_id;
        else
            v = json_number(it, fl->json_key, &ok);
        if (!ok || !in_list(want, v))
            return 0;
    }
    return 1;
}

static void serve(const sb_store *st, const cat_route *r, long id, const sb_args *a, sb_reply *rp)
{
    const sb_resource *res = &st->res[r->res];
    size_t lo = 0, hi = res->count, n = 0;
    if (r->parent >= 0) {
        if (!sb_resource_find(&st->res[r->parent], id)) {
            sb_reply_v3_error(rp, 404, "The requested resource was not found.");
            return;
        }
        lo = sb_resource_lower_parent(res, id);
        hi = sb_resource_lower_parent(res, id + 1);
    }
    size_t *idx = malloc((hi - lo + 1) * sizeof *idx);
    if (!idx) {
        sb_reply_set(rp, 500, "application/json", NULL, 0);
        return;
    }
    for (size_t i = lo; i < hi; i++)
        if (passes(r, &res->items[i], a))
            idx[n++] = i;
    sb_render_v3_index(res, idx, n, a, rp);
    free(idx);
}

int sb_route_catalog(const sb_store *st, const char *path, const sb_args *args, sb_reply *rp)
{
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        long id = 0;
        if (match(routes[i].pattern, path, &id)) {
            serve(st, &routes[i], id, args, rp);
            return 1;
        }
    }
    return 0;
}
