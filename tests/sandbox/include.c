/*
 * Sub-resources that the API returns only when `include=` names them (products' images,
 * customers' addresses, orders' fees ...). Resources keep every field at start-up; a reply
 * of an endpoint listed here is rewritten after routing: a field the request did not ask
 * for is dropped, and one it asked for is filled from the resource that holds those
 * children (the product's images from its images endpoint), as a real store does.
 */
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

typedef struct include_field {
    const char *route; /* '#' matches one decimal id; the single object "route/#" matches too */
    const char *key;   /* the item's field */
    const char *name;  /* its name in include= */
    int children;      /* resource of the children that fill it (parent = item id), or -1 */
    int document;      /* resource holding one document per item (id = item id), or -1 */
} include_field;

static const include_field fields[] = {
    {"v3/catalog/products", "bulk_pricing_rules", "bulk_pricing_rules", SB_RES_PRODUCT_BULK_RULES,
     -1},
    {"v3/catalog/products", "channels", "channels", -1, -1},
    {"v3/catalog/products", "custom_fields", "custom_fields", SB_RES_PRODUCT_CUSTOM_FIELDS, -1},
    {"v3/catalog/products", "images", "images", SB_RES_PRODUCT_IMAGES, -1},
    {"v3/catalog/products", "modifiers", "modifiers", -1, -1},
    {"v3/catalog/products", "options", "options", SB_RES_PRODUCT_OPTIONS, -1},
    {"v3/catalog/products", "parent_relations", "parent_relations", -1, -1},
    {"v3/catalog/products", "primary_image", "primary_image", -1, -1},
    {"v3/catalog/products", "variants", "variants", SB_RES_PRODUCT_VARIANTS, -1},
    {"v3/catalog/products", "videos", "videos", SB_RES_PRODUCT_VIDEOS, -1},
    {"v3/customers", "addresses", "addresses", SB_RES_CUSTOMER_ADDRESSES, -1},
    {"v3/customers", "attributes", "attributes", SB_RES_CUSTOMER_ATTRIBUTE_VALUES, -1},
    {"v3/customers", "form_fields", "formfields", -1, -1},
    {"v3/customers", "store_credit_amounts", "storecredit", -1, -1},
    {"v3/customers", "shopper_profile_id", "shopper_profile_id", -1, -1},
    {"v3/customers", "segment_ids", "segment_ids", -1, -1},
    {"v3/customers/addresses", "form_fields", "formfields", -1, -1},
    {"v3/storefront/redirects", "to_url", "to_url", -1, -1},
    {"v3/pricelists/#/records", "bulk_pricing_tiers", "bulk_pricing_tiers", -1, -1},
    {"v3/pricelists/#/records", "sku", "sku", -1, -1},
    {"v3/content/pages", "body", "body", -1, -1},
    {"v3/channels", "currencies", "currencies", -1, -1},
    {"v2/orders", "consignments", "consignments", -1, SB_RES_ORDER_CONSIGNMENTS},
    {"v2/orders", "fees", "fees", -1, -1},
};

#define N_FIELDS (sizeof fields / sizeof fields[0])

/* path matches route, or route followed by "/<id>"; a trailing '/' is tolerated. */
static int route_matches(const char *route, const char *path)
{
    while (*route) {
        if (*route == '#') {
            if (*path < '0' || *path > '9')
                return 0;
            while (*path >= '0' && *path <= '9')
                path++;
            route++;
        } else if (*route++ != *path++) {
            return 0;
        }
    }
    if (*path == '/' && path[1] >= '0' && path[1] <= '9') {
        for (path++; *path >= '0' && *path <= '9'; path++)
            ;
    }
    return *path == '\0' || (path[0] == '/' && path[1] == '\0');
}

/* name is one of the comma-separated values of list. */
static int listed(const char *list, const char *name)
{
    size_t n = strlen(name);

    for (const char *p = list; p && *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && strncmp(p, name, n) == 0)
            return 1;
        p = end ? end + 1 : NULL;
    }
    return 0;
}

static cJSON *children_of(const sb_resource *r, long parent)
{
    cJSON *arr = cJSON_CreateArray();
    size_t hi = sb_resource_lower_parent(r, parent + 1);

    for (size_t i = sb_resource_lower_parent(r, parent); arr && i < hi; i++) {
        cJSON *c = cJSON_ParseWithLength(r->items[i].json, r->items[i].len);
        if (c == NULL || !cJSON_AddItemToArray(arr, c)) {
            cJSON_Delete(c);
            cJSON_Delete(arr);
            return NULL;
        }
    }
    return arr;
}

/* The one document of resource r whose id is id (an order's consignments), or NULL. */
static cJSON *document_of(const sb_resource *r, long id)
{
    const sb_item *it = sb_resource_find(r, id);

    return it ? cJSON_ParseWithLength(it->json, it->len) : NULL;
}

/* asked: include= names the field; as_object: consignment_structure=object came with it
 * (without it consignments keep the older array shape the data holds). */
static void rewrite_item(const sb_store *st, cJSON *item, const include_field *f, int asked,
                         int as_object)
{
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(item, "id");

    if (!asked) {
        cJSON_DeleteItemFromObjectCaseSensitive(item, f->key);
        return;
    }
    if ((f->children < 0 && (f->document < 0 || !as_object)) || !cJSON_IsNumber(id))
        return;
    cJSON *kids = f->children >= 0 ? children_of(&st->res[f->children], (long)id->valuedouble)
                                   : document_of(&st->res[f->document], (long)id->valuedouble);
    if (kids == NULL)
        return;
    if (cJSON_HasObjectItem(item, f->key))
        cJSON_ReplaceItemInObjectCaseSensitive(item, f->key, kids);
    else if (!cJSON_AddItemToObject(item, f->key, kids))
        cJSON_Delete(kids);
}

/* The items of a reply: {data:[...]}, {data:{...}}, [...] or {...}. */
static void rewrite_doc(const sb_store *st, cJSON *doc, const char *path, const char *include,
                        int as_object)
{
    cJSON *data = cJSON_IsObject(doc) ? cJSON_GetObjectItemCaseSensitive(doc, "data") : NULL;
    cJSON *items = data ? data : doc, *it;

    for (size_t i = 0; i < N_FIELDS; i++) {
        if (!route_matches(fields[i].route, path))
            continue;
        int asked = listed(include, fields[i].name);
        if (cJSON_IsArray(items)) {
            cJSON_ArrayForEach(it, items) rewrite_item(st, it, &fields[i], asked, as_object);
        } else if (cJSON_IsObject(items)) {
            rewrite_item(st, items, &fields[i], asked, as_object);
        }
    }
}

void sb_include_apply(const sb_store *st, const char *path, const sb_args *a, sb_reply *rp)
{
    size_t i;

    for (i = 0; i < N_FIELDS && !route_matches(fields[i].route, path); i++)
        ;
    if (i == N_FIELDS || rp->status != 200 || rp->body == NULL)
        return;
    cJSON *doc = cJSON_ParseWithLength(rp->body, rp->len);
    if (doc == NULL)
        return;
    const char *structure = a->get(a->ctx, "consignment_structure");
    rewrite_doc(st, doc, path, a->get(a->ctx, "include"),
                structure != NULL && strcmp(structure, "object") == 0);
    const char *ctype = rp->content_type;
    free(rp->body);
    rp->body = NULL;
    sb_reply_json(rp, 200, doc);
    rp->content_type = ctype;
}
