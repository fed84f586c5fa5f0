/*
 * POST, PUT and DELETE on the writable resources (see write.h). One route table; each kind of
 * write is one function. Validation follows the request schemas of the official reference:
 * the fields it lists as required, the batch limits it documents, and its error shapes (v3
 * problem objects with per-field "errors", v2 arrays of {status, message}).
 */
#include "write.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef enum {
    W_CREATE,       /* one object in, one out */
    W_CREATE_MANY,  /* array in (<= max), array out; any invalid item fails the whole batch */
    W_CREATE_CHILD, /* one object under the parent in the path */
    W_UPDATE_ONE,   /* the object in the path */
    W_UPDATE_MANY,  /* array of objects with ids; 207 when only some apply */
    W_DELETE_ONE,   /* the object in the path (the last id) */
    W_DELETE_IN,    /* ?id:in=1,2,3 */
} wkind;

typedef struct wroute {
    const char *method, *pattern;
    wkind kind;
    sb_res_id res;
    const char *required;   /* space-separated fields a create (or this PUT) must carry */
    int max;                /* batch limit (W_*_MANY) */
    int parent;             /* resource the parent id must exist in, -1 when none */
    const char *parent_key; /* the field holding the parent's id */
} wroute;

#define ADDRESS_REQUIRED                                                                           \
    "address1 city country_code customer_id first_name last_name postal_code state_or_province"
#define COUPON_REQUIRED "name code type amount applies_to"

static const wroute routes[] = {
    {"POST", "v3/catalog/products", W_CREATE, SB_RES_PRODUCTS, "name type weight price", 0, -1, 0},
    {"PUT", "v3/catalog/products", W_UPDATE_MANY, SB_RES_PRODUCTS, NULL, 10, -1, 0},
    {"PUT", "v3/catalog/products/{id}", W_UPDATE_ONE, SB_RES_PRODUCTS, NULL, 0, -1, 0},
    {"DELETE", "v3/catalog/products", W_DELETE_IN, SB_RES_PRODUCTS, NULL, 250, -1, 0},
    {"DELETE", "v3/catalog/products/{id}", W_DELETE_ONE, SB_RES_PRODUCTS, NULL, 0, -1, 0},
    {"POST", "v3/catalog/brands", W_CREATE, SB_RES_BRANDS, "name", 0, -1, 0},
    {"PUT", "v3/catalog/brands/{id}", W_UPDATE_ONE, SB_RES_BRANDS, "name", 0, -1, 0},
    {"DELETE", "v3/catalog/brands/{id}", W_DELETE_ONE, SB_RES_BRANDS, NULL, 0, -1, 0},
    {"POST", "v3/catalog/categories", W_CREATE, SB_RES_CATEGORIES, "name parent_id", 0, -1, 0},
    {"PUT", "v3/catalog/categories/{id}", W_UPDATE_ONE, SB_RES_CATEGORIES, "name parent_id", 0, -1,
     0},
    {"DELETE", "v3/catalog/categories", W_DELETE_IN, SB_RES_CATEGORIES, NULL, 250, -1, 0},
    {"DELETE", "v3/catalog/categories/{id}", W_DELETE_ONE, SB_RES_CATEGORIES, NULL, 0, -1, 0},
    {"POST", "v3/catalog/products/{id}/variants", W_CREATE_CHILD, SB_RES_PRODUCT_VARIANTS, NULL, 0,
     SB_RES_PRODUCTS, "product_id"},
    {"PUT", "v3/catalog/variants", W_UPDATE_MANY, SB_RES_PRODUCT_VARIANTS, NULL, 50, -1, 0},
    {"DELETE", "v3/catalog/products/{id}/variants/{id}", W_DELETE_ONE, SB_RES_PRODUCT_VARIANTS,
     NULL, 0, SB_RES_PRODUCTS, "product_id"},
    {"POST", "v3/catalog/products/{id}/images", W_CREATE_CHILD, SB_RES_PRODUCT_IMAGES, NULL, 0,
     SB_RES_PRODUCTS, "product_id"},
    {"PUT", "v3/catalog/products/{id}/images/{id}", W_UPDATE_ONE, SB_RES_PRODUCT_IMAGES, NULL, 0,
     SB_RES_PRODUCTS, "product_id"},
    {"DELETE", "v3/catalog/products/{id}/images/{id}", W_DELETE_ONE, SB_RES_PRODUCT_IMAGES, NULL, 0,
     SB_RES_PRODUCTS, "product_id"},
    {"POST", "v3/customers", W_CREATE_MANY, SB_RES_CUSTOMERS, "email first_name last_name", 10, -1,
     0},
    {"PUT", "v3/customers", W_UPDATE_MANY, SB_RES_CUSTOMERS, NULL, 10, -1, 0},
    {"DELETE", "v3/customers", W_DELETE_IN, SB_RES_CUSTOMERS, NULL, 250, -1, 0},
    {"POST", "v3/customers/addresses", W_CREATE_MANY, SB_RES_CUSTOMER_ADDRESSES, ADDRESS_REQUIRED,
     10, SB_RES_CUSTOMERS, "customer_id"},
    {"PUT", "v3/customers/addresses", W_UPDATE_MANY, SB_RES_CUSTOMER_ADDRESSES, NULL, 10, -1, 0},
    {"DELETE", "v3/customers/addresses", W_DELETE_IN, SB_RES_CUSTOMER_ADDRESSES, NULL, 250, -1, 0},
    {"POST", "v2/coupons", W_CREATE, SB_RES_COUPONS, COUPON_REQUIRED, 0, -1, 0},
    {"PUT", "v2/coupons/{id}", W_UPDATE_ONE, SB_RES_COUPONS, COUPON_REQUIRED, 0, -1, 0},
    {"DELETE", "v2/coupons", W_DELETE_IN, SB_RES_COUPONS, NULL, 250, -1, 0},
    {"DELETE", "v2/coupons/{id}", W_DELETE_ONE, SB_RES_COUPONS, NULL, 0, -1, 0},
    {"POST", "v2/orders", W_CREATE, SB_RES_ORDERS, "billing_address products", 0, -1, 0},
    {"PUT", "v2/orders/{id}", W_UPDATE_ONE, SB_RES_ORDERS, NULL, 0, -1, 0},
    {"DELETE", "v2/orders/{id}", W_DELETE_ONE, SB_RES_ORDERS, NULL, 0, -1, 0},
    {"POST", "v3/pricelists", W_CREATE, SB_RES_PRICELISTS, "name", 0, -1, 0},
    {"PUT", "v3/pricelists/{id}", W_UPDATE_ONE, SB_RES_PRICELISTS, "name", 0, -1, 0},
    {"DELETE", "v3/pricelists/{id}", W_DELETE_ONE, SB_RES_PRICELISTS, NULL, 0, -1, 0},
    {"POST", "v3/catalog/products/{id}/metafields", W_CREATE_CHILD, SB_RES_PRODUCT_METAFIELDS,
     "key value namespace permission_set", 0, SB_RES_PRODUCTS, "product_id"},
    {"PUT", "v3/catalog/products/{id}/metafields/{id}", W_UPDATE_ONE, SB_RES_PRODUCT_METAFIELDS,
     "key value namespace permission_set", 0, SB_RES_PRODUCTS, "product_id"},
    {"DELETE", "v3/catalog/products/{id}/metafields/{id}", W_DELETE_ONE, SB_RES_PRODUCT_METAFIELDS,
     NULL, 0, SB_RES_PRODUCTS, "product_id"},
    {"POST", "v3/catalog/products/{id}/reviews", W_CREATE_CHILD, SB_RES_PRODUCT_REVIEWS,
     "title date_reviewed", 0, SB_RES_PRODUCTS, "product_id"},
    {"PUT", "v3/catalog/products/{id}/reviews/{id}", W_UPDATE_ONE, SB_RES_PRODUCT_REVIEWS,
     "title date_reviewed", 0, SB_RES_PRODUCTS, "product_id"},
    {"DELETE", "v3/catalog/products/{id}/reviews/{id}", W_DELETE_ONE, SB_RES_PRODUCT_REVIEWS, NULL,
     0, SB_RES_PRODUCTS, "product_id"},
    {"POST", "v2/shipping/zones", W_CREATE, SB_RES_SHIPPING_ZONES, "name type", 0, -1, 0},
    {"PUT", "v2/shipping/zones/{id}", W_UPDATE_ONE, SB_RES_SHIPPING_ZONES, "name", 0, -1, 0},
    {"DELETE", "v2/shipping/zones/{id}", W_DELETE_ONE, SB_RES_SHIPPING_ZONES, NULL, 0, -1, 0},
    {"POST", "v2/currencies", W_CREATE, SB_RES_CURRENCIES,
     "currency_code currency_exchange_rate decimal_places decimal_token name thousands_token "
     "token token_location",
     0, -1, 0},
    {"PUT", "v2/currencies/{id}", W_UPDATE_ONE, SB_RES_CURRENCIES, NULL, 0, -1, 0},
    {"DELETE", "v2/currencies/{id}", W_DELETE_ONE, SB_RES_CURRENCIES, NULL, 0, -1, 0},
    {"POST", "v2/orders/{id}/shipments", W_CREATE_CHILD, SB_RES_ORDER_SHIPMENTS,
     "order_address_id items", 0, SB_RES_ORDERS, "order_id"},
    {"PUT", "v2/orders/{id}/shipments/{id}", W_UPDATE_ONE, SB_RES_ORDER_SHIPMENTS, NULL, 0,
     SB_RES_ORDERS, "order_id"},
    {"DELETE", "v2/orders/{id}/shipments/{id}", W_DELETE_ONE, SB_RES_ORDER_SHIPMENTS, NULL, 0,
     SB_RES_ORDERS, "order_id"},
    {"POST", "v2/shipping/zones/{id}/methods", W_CREATE_CHILD, SB_RES_SHIPPING_METHODS, "name type",
     0, SB_RES_SHIPPING_ZONES, "zone_id"},
    {"PUT", "v2/shipping/zones/{id}/methods/{id}", W_UPDATE_ONE, SB_RES_SHIPPING_METHODS, NULL, 0,
     SB_RES_SHIPPING_ZONES, "zone_id"},
    {"DELETE", "v2/shipping/zones/{id}/methods/{id}", W_DELETE_ONE, SB_RES_SHIPPING_METHODS, NULL,
     0, SB_RES_SHIPPING_ZONES, "zone_id"},
    {"POST", "v3/catalog/products/{id}/options", W_CREATE_CHILD, SB_RES_PRODUCT_OPTIONS,
     "display_name type", 0, SB_RES_PRODUCTS, "product_id"},
    {"PUT", "v3/catalog/products/{id}/options/{id}", W_UPDATE_ONE, SB_RES_PRODUCT_OPTIONS, NULL, 0,
     SB_RES_PRODUCTS, "product_id"},
    {"DELETE", "v3/catalog/products/{id}/options/{id}", W_DELETE_ONE, SB_RES_PRODUCT_OPTIONS, NULL,
     0, SB_RES_PRODUCTS, "product_id"},
    {"POST", "v3/channels", W_CREATE, SB_RES_CHANNELS, "name type platform", 0, -1, 0},
    {"PUT", "v3/channels/{id}", W_UPDATE_ONE, SB_RES_CHANNELS, NULL, 0, -1, 0},
    {"POST", "v3/promotions", W_CREATE, SB_RES_PROMOTIONS, "redemption_type name rules", 0, -1, 0},
    {"PUT", "v3/promotions/{id}", W_UPDATE_ONE, SB_RES_PROMOTIONS, NULL, 0, -1, 0},
    {"DELETE", "v3/promotions", W_DELETE_IN, SB_RES_PROMOTIONS, NULL, 50, -1, 0},
    {"DELETE", "v3/promotions/{id}", W_DELETE_ONE, SB_RES_PROMOTIONS, NULL, 0, -1, 0},
    {"POST", "v3/hooks", W_CREATE, SB_RES_WEBHOOKS, "scope destination", 0, -1, 0},
    {"PUT", "v3/hooks/{id}", W_UPDATE_ONE, SB_RES_WEBHOOKS, NULL, 0, -1, 0},
    {"DELETE", "v3/hooks/{id}", W_DELETE_ONE, SB_RES_WEBHOOKS, NULL, 0, -1, 0},
};

typedef struct wreq {
    sb_store *st;
    const wroute *r;
    sb_resource *res;
    long ids[2];
    int nids;
    int v2;
    const sb_args *args;
    sb_reply *rp;
} wreq;

/* Up to two "{id}"s; the path may end in one '/'. */
static int match(const char *pattern, const char *path, long *ids, int *nids)
{
    *nids = 0;
    while (*pattern) {
        if (strncmp(pattern, "{id}", 4) == 0) {
            char *end;
            if (*path < '0' || *path > '9' || *nids == 2)
                return 0;
            ids[(*nids)++] = strtol(path, &end, 10);
            path = end;
            pattern += 4;
        } else if (*pattern++ != *path++) {
            return 0;
        }
    }
    return *path == '\0' || (path[0] == '/' && path[1] == '\0');
}

/* ---- replies ---- */

/* Promotions answer errors as a list of {status, title}, one per problem. */
static void error_list(sb_reply *rp, unsigned status, const char *msg, cJSON *errors)
{
    cJSON *o = cJSON_CreateObject(), *list = sb_add_arr(o, "errors"), *e;
    const cJSON *f;
    char title[256];

    cJSON_ArrayForEach(f, errors)
    {
        e = cJSON_CreateObject();
        sb_add_num(e, "status", status);
        snprintf(title, sizeof title, "%s: %s", f->string, f->valuestring);
        sb_add_str(e, "title", title);
        sb_arr_push(list, e);
    }
    if (cJSON_GetArraySize(list) == 0) {
        e = cJSON_CreateObject();
        sb_add_num(e, "status", status);
        sb_add_str(e, "title", msg);
        sb_arr_push(list, e);
    }
    cJSON_Delete(errors);
    sb_reply_json(rp, status, o);
}

static void fail(wreq *q, unsigned status, const char *msg, cJSON *errors)
{
    if (q->r->res == SB_RES_PROMOTIONS) {
        error_list(q->rp, status, msg, errors);
        return;
    }
    if (q->v2) {
        cJSON_Delete(errors);
        sb_reply_v2_error(q->rp, status, msg);
    } else {
        sb_reply_v3_problem(q->rp, status, msg, errors);
    }
}

/* {data: doc, meta: {}} on v3, doc itself on v2. */
static void answer(wreq *q, unsigned status, cJSON *doc)
{
    if (q->v2) {
        sb_reply_json(q->rp, status, doc);
        return;
    }
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "data", doc);
    sb_add_obj(o, "meta");
    sb_reply_json(q->rp, status, o);
}

/* ---- validation ---- */

static void now_text(int v2, char *buf, size_t n)
{
    long long t = (long long)time(NULL);
    if (v2)
        sb_fmt_rfc2822(buf, n, t);
    else
        sb_fmt_iso(buf, n, t);
}

static void add_error(cJSON *errors, int index, const char *field, const char *msg)
{
    char key[96];
    if (index >= 0)
        snprintf(key, sizeof key, "[%d].%s", index, field);
    else
        snprintf(key, sizeof key, "%s", field);
    cJSON_AddStringToObject(errors, key, msg);
}

static int missing(const cJSON *obj, const char *field)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, field);
    return v == NULL || cJSON_IsNull(v) || (cJSON_IsString(v) && v->valuestring[0] == '\0');
}

/* The checks every object of a resource gets: required fields (create), sane values. Adds
 * to errors; returns the number of problems. */
static int check_object(const wreq *q, const cJSON *obj, int creating, int index, cJSON *errors)
{
    int bad = 0;
    const char *req = creating || q->r->kind == W_UPDATE_ONE ? q->r->required : NULL;
    const cJSON *price = cJSON_GetObjectItemCaseSensitive(obj, "price");
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(obj, "name");

    if (!cJSON_IsObject(obj)) {
        add_error(errors, index, "body", "Each item must be a JSON object.");
        return 1;
    }
    for (const char *p = req; p && *p;) {
        char field[64];
        size_t n = strcspn(p, " ");
        snprintf(field, sizeof field, "%.*s", (int)n, p);
        if (missing(obj, field)) {
            char msg[128];
            snprintf(msg, sizeof msg, "The field '%s' is required", field);
            add_error(errors, index, field, msg);
            bad++;
        }
        p += n + (p[n] == ' ');
    }
    if (q->r->res == SB_RES_PROMOTIONS && creating) {
        const cJSON *rt = cJSON_GetObjectItemCaseSensitive(obj, "redemption_type");
        if (cJSON_IsString(rt) && strcmp(rt->valuestring, "AUTOMATIC") != 0 &&
            strcmp(rt->valuestring, "COUPON") != 0) {
            add_error(errors, index, "redemption_type", "Give AUTOMATIC or COUPON.");
            bad++;
        }
    }
    if (price && !cJSON_IsNull(price) && (!cJSON_IsNumber(price) || price->valuedouble < 0)) {
        add_error(errors, index, "price", "The price must be a number of zero or more.");
        bad++;
    }
    if (name && cJSON_IsString(name) && name->valuestring[0] == '\0' && !req) {
        add_error(errors, index, "name", "The name cannot be empty.");
        bad++;
    }
    return bad;
}

static const cJSON *parse_body(wreq *q, const char *body, size_t len, cJSON **doc)
{
    *doc = body ? cJSON_ParseWithLength(body, len) : NULL;
    if (!*doc)
        fail(q, 400, "The request body is not valid JSON.", NULL);
    return *doc;
}

/* ---- creating ---- */

/* A new object from the body: its fields, the id, the parent key and the dates. */
static cJSON *new_object(wreq *q, const cJSON *in, long id, long parent)
{
    char when[64];
    cJSON *o = cJSON_Duplicate(in, 1);
    if (!o)
        return NULL;
    cJSON_DeleteItemFromObjectCaseSensitive(o, "id");
    cJSON_AddNumberToObject(o, "id", (double)id);
    if (q->r->parent_key && parent > 0) {
        cJSON_DeleteItemFromObjectCaseSensitive(o, q->r->parent_key);
        cJSON_AddNumberToObject(o, q->r->parent_key, (double)parent);
    }
    now_text(q->v2, when, sizeof when);
    if (q->r->res == SB_RES_PROMOTIONS) { /* what the API sets on a new promotion */
        cJSON_AddNumberToObject(o, "current_uses", 0);
        cJSON_AddStringToObject(o, "created_from", "api");
        return o;
    }
    if (q->r->res == SB_RES_WEBHOOKS) {
        cJSON_AddNumberToObject(o, "created_at", (double)time(NULL));
        cJSON_AddNumberToObject(o, "updated_at", (double)time(NULL));
        if (!cJSON_GetObjectItemCaseSensitive(o, "is_active"))
            cJSON_AddTrueToObject(o, "is_active");
    } else {
        cJSON_AddStringToObject(o, "date_created", when);
        if (!q->v2)
            cJSON_AddStringToObject(o, "date_modified", when);
    }
    return o;
}

static int parent_ok(wreq *q, long parent)
{
    return q->r->parent < 0 || sb_wr_index(&q->st->res[q->r->parent], parent) >= 0;
}

static void create(wreq *q, const cJSON *in)
{
    cJSON *errors = cJSON_CreateObject(), *o;
    long parent = q->r->kind == W_CREATE_CHILD ? q->ids[0] : 0;
    long id = sb_wr_next_id(q->res);

    if (!parent_ok(q, parent)) {
        cJSON_Delete(errors);
        fail(q, 404, "The parent object was not found.", NULL);
        return;
    }
    if (check_object(q, in, 1, -1, errors) > 0) {
        fail(q, 422, "The object was not valid; see errors for the fields", errors);
        return;
    }
    cJSON_Delete(errors);
    o = new_object(q, in, id, parent);
    if (!o || sb_wr_insert(q->res, id, parent, o) != 0) {
        cJSON_Delete(o);
        fail(q, 500, "The sandbox ran out of memory.", NULL);
        return;
    }
    answer(q, q->v2 || q->r->res == SB_RES_PROMOTIONS ? 201 : 200, o);
}

static void create_many(wreq *q, const cJSON *in)
{
    cJSON *errors = cJSON_CreateObject(), *out, *it;
    int bad = 0, i = 0, n = cJSON_GetArraySize(in);
    long id = sb_wr_next_id(q->res);

    if (!cJSON_IsArray(in) || n == 0 || n > q->r->max) {
        char msg[128];
        cJSON_Delete(errors);
        snprintf(msg, sizeof msg, "Send an array of 1 to %d objects.", q->r->max);
        fail(q, n > q->r->max ? 413 : 422, msg, NULL);
        return;
    }
    cJSON_ArrayForEach(it, in)
    {
        const cJSON *pk =
            q->r->parent_key ? cJSON_GetObjectItemCaseSensitive(it, q->r->parent_key) : NULL;
        bad += check_object(q, it, 1, i, errors);
        if (pk && cJSON_IsNumber(pk) && !parent_ok(q, (long)pk->valuedouble)) {
            add_error(errors, i, q->r->parent_key, "No object has this id.");
            bad++;
        }
        i++;
    }
    if (bad > 0) {
        fail(q, 422, "The batch was not valid; nothing was created. See errors.", errors);
        return;
    }
    cJSON_Delete(errors);
    out = cJSON_CreateArray();
    cJSON_ArrayForEach(it, in)
    {
        const cJSON *pk =
            q->r->parent_key ? cJSON_GetObjectItemCaseSensitive(it, q->r->parent_key) : NULL;
        long parent = pk && cJSON_IsNumber(pk) ? (long)pk->valuedouble : 0;
        cJSON *o = new_object(q, it, id, parent);
        if (o && sb_wr_insert(q->res, id, parent, o) == 0)
            cJSON_AddItemToArray(out, o);
        else
            cJSON_Delete(o);
        id++;
    }
    answer(q, 200, out);
}

/* ---- updating ---- */

/* Apply in's fields (but the id) to the stored object at idx; returns the new object. */
static cJSON *merge(wreq *q, long idx, const cJSON *in)
{
    cJSON *o = sb_wr_parse(q->res, idx);
    const cJSON *f;
    char when[64];
    if (!o)
        return NULL;
    cJSON_ArrayForEach(f, in)
    {
        if (strcmp(f->string, "id") == 0 ||
            (q->r->parent_key && strcmp(f->string, q->r->parent_key) == 0) ||
            (q->r->res == SB_RES_ORDERS && strcmp(f->string, "products") == 0))
            continue; /* an order's products are its items (write_order_items.c) */
        cJSON_DeleteItemFromObjectCaseSensitive(o, f->string);
        cJSON_AddItemToObject(o, f->string, cJSON_Duplicate(f, 1));
    }
    now_text(q->v2, when, sizeof when);
    if (cJSON_GetObjectItemCaseSensitive(o, "date_modified")) {
        cJSON_DeleteItemFromObjectCaseSensitive(o, "date_modified");
        cJSON_AddStringToObject(o, "date_modified", when);
    }
    if (sb_wr_replace(q->res, idx, o) != 0) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static void update_one(wreq *q, const cJSON *in)
{
    long id = q->ids[q->nids - 1];
    long idx = sb_wr_index(q->res, id);
    cJSON *errors, *o;

    if (idx < 0 || (q->nids == 2 && q->res->items[idx].parent_id != q->ids[0])) {
        fail(q, 404, "The object was not found.", NULL);
        return;
    }
    errors = cJSON_CreateObject();
    if (check_object(q, in, 0, -1, errors) > 0) {
        fail(q, 422, "The object was not valid; see errors for the fields", errors);
        return;
    }
    cJSON_Delete(errors);
    if (q->r->res == SB_RES_ORDERS) {
        const char *why = NULL;
        if (!sb_order_items_apply(q->st, id, in, &why)) {
            cJSON *e = cJSON_CreateObject();
            cJSON_AddStringToObject(e, "products", why);
            fail(q, 400, why, e);
            return;
        }
    }
    if ((o = merge(q, idx, in)) == NULL) {
        fail(q, 500, "The sandbox ran out of memory.", NULL);
        return;
    }
    answer(q, 200, o);
}

/* Each item applies on its own; the answer lists those that did (207 when some did not). */
static void update_many(wreq *q, const cJSON *in)
{
    cJSON *errors = cJSON_CreateObject(), *out = cJSON_CreateArray(), *it;
    int n = cJSON_GetArraySize(in), i = 0, bad = 0;

    if (!cJSON_IsArray(in) || n == 0 || n > q->r->max) {
        char msg[128];
        cJSON_Delete(errors);
        cJSON_Delete(out);
        snprintf(msg, sizeof msg, "Send an array of 1 to %d objects, each with its id.", q->r->max);
        fail(q, n > q->r->max ? 413 : 422, msg, NULL);
        return;
    }
    cJSON_ArrayForEach(it, in)
    {
        const cJSON *idv = cJSON_GetObjectItemCaseSensitive(it, "id");
        long idx = cJSON_IsNumber(idv) ? sb_wr_index(q->res, (long)idv->valuedouble) : -1;
        int problems = check_object(q, it, 0, i, errors);
        if (idx < 0) {
            add_error(errors, i, "id",
                      cJSON_IsNumber(idv) ? "No object has this id."
                                          : "The field 'id' is required.");
            problems++;
        }
        cJSON *o = problems == 0 ? merge(q, idx, it) : NULL;
        if (o)
            cJSON_AddItemToArray(out, o);
        else
            bad++;
        i++;
    }
    if (bad == n) {
        cJSON_Delete(out);
        fail(q, 422, "No item of the batch was valid; nothing was changed. See errors.", errors);
        return;
    }
    if (bad == 0) {
        cJSON_Delete(errors);
        answer(q, 200, out);
        return;
    }
    cJSON *doc = cJSON_CreateObject();
    cJSON *e = sb_v3_problem(422, "Some items of the batch were not valid and were not changed.");
    cJSON_AddItemToObject(doc, "data", out);
    cJSON_AddItemToObject(e, "errors", errors);
    cJSON_AddItemToObject(doc, "errors", e);
    sb_add_obj(doc, "meta");
    sb_reply_json(q->rp, 207, doc);
}

/* ---- deleting ---- */

static void delete_one(wreq *q)
{
    long id = q->ids[q->nids - 1];
    long idx = sb_wr_index(q->res, id);
    cJSON *old;

    if (idx < 0 || (q->nids == 2 && q->res->items[idx].parent_id != q->ids[0])) {
        fail(q, 404, "The object was not found.", NULL);
        return;
    }
    old = q->r->res == SB_RES_WEBHOOKS ? sb_wr_parse(q->res, idx) : NULL;
    sb_wr_remove(q->res, idx);
    if (old) /* the reference answers a webhook's deletion with the deleted hook */
        answer(q, 200, old);
    else
        sb_reply_set(q->rp, 204, "application/json", strdup(""), 0);
}

static void delete_in(wreq *q)
{
    const char *list = q->args->get(q->args->ctx, "id:in");
    int n = 0;

    if (!list || !*list) {
        cJSON *errors = cJSON_CreateObject();
        add_error(errors, -1, "id:in", "Give the ids to delete in id:in.");
        fail(q, 422, "The ids to delete are missing.", errors);
        return;
    }
    for (const char *p = strchr(list, ','); p; p = strchr(p + 1, ','))
        n++;
    if (n + 1 > q->r->max) {
        fail(q, 413, "Too many ids in one request.", NULL);
        return;
    }
    for (const char *p = list;;) {
        char *end;
        long id = strtol(p, &end, 10);
        long idx = end != p ? sb_wr_index(q->res, id) : -1;
        if (idx >= 0)
            sb_wr_remove(q->res, idx);
        if (*end != ',')
            break;
        p = end + 1;
    }
    sb_reply_set(q->rp, 204, "application/json", strdup(""), 0);
}

void sb_route_write(sb_store *st, const char *method, const char *path, const char *body,
                    size_t len, const sb_args *args, sb_reply *rp)
{
    if (sb_route_records(st, method, path, body, len, rp) ||
        sb_route_batches(st, method, path, body, len, args, rp) ||
        sb_route_attribute_values(st, method, path, body, len, args, rp) ||
        sb_route_option_values(st, method, path, body, len, rp))
        return;
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        wreq q = {st, &routes[i], &st->res[routes[i].res], {0, 0}, 0, 0, args, rp};
        cJSON *doc = NULL;
        if (strcmp(method, routes[i].method) != 0 ||
            !match(routes[i].pattern, path, q.ids, &q.nids))
            continue;
        q.v2 = sb_api_version(path) == 2;
        switch (q.r->kind) {
        case W_DELETE_ONE:
            delete_one(&q);
            return;
        case W_DELETE_IN:
            delete_in(&q);
            return;
        default:
            break;
        }
        if (!parse_body(&q, body, len, &doc))
            return;
        if (q.r->kind == W_CREATE || q.r->kind == W_CREATE_CHILD)
            create(&q, doc);
        else if (q.r->kind == W_CREATE_MANY)
            create_many(&q, doc);
        else if (q.r->kind == W_UPDATE_ONE)
            update_one(&q, doc);
        else
            update_many(&q, doc);
        cJSON_Delete(doc);
        return;
    }
    if (sb_api_version(path) == 2)
        sb_reply_v2_error(rp, 405, "The sandbox does not take this method on this path.");
    else
        sb_reply_v3_error(rp, 405, "The sandbox does not take this method on this path.");
}
