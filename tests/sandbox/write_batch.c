/*
 * The array endpoints of write.h's second family: every request carries a JSON array of
 * objects (or, for some DELETEs, of ids), as the reference documents for customer attribute
 * definitions, inventory locations, category trees, channel listings and the batch metafield
 * endpoints of categories, brands and customers. They differ in how a batch with a bad item
 * is answered, which this file keeps per route:
 *   - all or nothing: 422 with per-item field messages, nothing applied;
 *   - in part (metafields): the good items are applied and a 422 lists them in "data", the
 *     others in "errors";
 *   - locations: applied or not as a whole, answered with a transaction id only.
 */
#include "write.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef enum { B_ALL_OR_NOTHING, B_IN_PART, B_TRANSACTION, B_UPSERT } bstyle;

typedef struct broute {
    const char *pattern; /* may hold one {id}: the parent's id */
    sb_res_id res;
    const char *id_key;     /* the items' own key */
    const char *parent_key; /* the field naming the parent; NULL when none */
    int parent_res;         /* where the parent must exist, -1 when none */
    int max;                /* items per request */
    const char *required_create, *required_update;
    bstyle style;
    const char *delete_param; /* "id:in" ...; NULL: the ids are the DELETE's body */
} broute;

#define MF_REQUIRED "permission_set namespace key value resource_id"

static const broute routes[] = {
    {"v3/catalog/categories/metafields", SB_RES_CATEGORY_METAFIELDS, "id", "resource_id",
     SB_RES_CATEGORIES, 50, MF_REQUIRED, NULL, B_IN_PART, NULL},
    {"v3/catalog/brands/metafields", SB_RES_BRAND_METAFIELDS, "id", "resource_id", SB_RES_BRANDS,
     50, MF_REQUIRED, NULL, B_IN_PART, NULL},
    {"v3/customers/metafields", SB_RES_CUSTOMER_METAFIELDS, "id", "resource_id", SB_RES_CUSTOMERS,
     50, MF_REQUIRED, NULL, B_IN_PART, NULL},
    {"v3/customers/attributes", SB_RES_CUSTOMER_ATTRIBUTES, "id", NULL, -1, 50, "name type", "name",
     B_ALL_OR_NOTHING, "id:in"},
    {"v3/inventory/locations", SB_RES_INVENTORY_LOCATIONS, "id", NULL, -1, 100, NULL, NULL,
     B_TRANSACTION, "location_id:in"},
    {"v3/catalog/trees", SB_RES_CATEGORY_TREES, "id", NULL, -1, 50, "name channels", NULL, B_UPSERT,
     "id:in"},
    {"v3/channels/{id}/listings", SB_RES_CHANNEL_LISTINGS, "listing_id", "channel_id",
     SB_RES_CHANNELS, 50, "product_id state variants", "listing_id product_id state variants",
     B_ALL_OR_NOTHING, NULL},
};

enum { MAX_ATTRIBUTES = 50, MAX_LOCATIONS = 100 };

typedef struct breq {
    sb_store *st;
    const broute *r;
    sb_resource *res;
    long parent; /* from the path, 0 when the route has none */
    sb_reply *rp;
} breq;

/* ---- answers ---- */

static void fail(breq *q, unsigned status, const char *title, cJSON *errors)
{
    sb_reply_v3_problem(q->rp, status, title, errors);
}

static void answer(breq *q, cJSON *data)
{
    cJSON *o = cJSON_CreateObject();
    if (q->r->style == B_TRANSACTION) { /* the reference answers locations with an id only */
        char tid[48];
        snprintf(tid, sizeof tid, "sandbox-%ld-%d", (long)time(NULL), rand() % 100000);
        cJSON_Delete(data);
        sb_add_str(o, "transaction_id", tid);
    } else {
        cJSON_AddItemToObject(o, "data", data);
        sb_add_obj(o, "meta");
    }
    sb_reply_json(q->rp, 200, o);
}

/* The in-part answer: 200 when every item applied, else 422 with what did in "data" and one
 * error object per item that did not. */
static void answer_in_part(breq *q, cJSON *data, cJSON *errs, int total)
{
    int failed = cJSON_GetArraySize(errs), ok = cJSON_GetArraySize(data);
    cJSON *o = cJSON_CreateObject(), *meta;
    cJSON_AddItemToObject(o, "data", data);
    cJSON_AddItemToObject(o, "errors", errs);
    meta = sb_add_obj(o, "meta");
    sb_add_num(meta, "total", total);
    sb_add_num(meta, "success", ok);
    sb_add_num(meta, "failed", failed);
    sb_reply_json(q->rp, failed ? 422 : 200, o);
}

/* ---- checks ---- */

static void add_error(cJSON *errors, int index, const char *field, const char *msg)
{
    char key[96];
    snprintf(key, sizeof key, "[%d].%s", index, field);
    cJSON_AddStringToObject(errors, key, msg);
}

static const char *text_of(const cJSON *obj, const char *field)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, field);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int one_of(const char *v, const char *const *allowed)
{
    for (; *allowed; allowed++)
        if (v && strcmp(v, *allowed) == 0)
            return 1;
    return 0;
}

static int check_enum(const cJSON *obj, const char *field, const char *const *allowed, int index,
                      cJSON *errors)
{
    const char *v = text_of(obj, field);
    if (!cJSON_GetObjectItemCaseSensitive(obj, field) || one_of(v, allowed))
        return 0;
    add_error(errors, index, field, "The value is not one of those the field takes.");
    return 1;
}

/* Whether another item of the list (not the one at self) has field = value. */
static int taken(const sb_resource *r, const char *field, const char *value, long self)
{
    for (size_t i = 0; value && i < r->count; i++) {
        cJSON *o = (long)i == self ? NULL : sb_wr_parse(r, (long)i);
        const char *v = text_of(o, field);
        int same = v && strcmp(v, value) == 0;
        cJSON_Delete(o);
        if (same)
            return 1;
    }
    return 0;
}

/* Whether a stored tree other than self already shows on channel. */
static int channel_has_tree(const sb_resource *trees, long channel, long self)
{
    for (size_t i = 0; i < trees->count; i++) {
        cJSON *o = (long)i == self ? NULL : sb_wr_parse(trees, (long)i);
        const cJSON *c;
        int hit = 0;
        cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(o, "channels"))
        {
            hit |= cJSON_IsNumber(c) && (long)c->valuedouble == channel;
        }
        cJSON_Delete(o);
        if (hit)
            return 1;
    }
    return 0;
}

/* A new tree names exactly one channel, which has no tree yet. */
static int check_tree_channels(const breq *q, const cJSON *obj, long self, int index, cJSON *errors)
{
    const cJSON *ch = cJSON_GetObjectItemCaseSensitive(obj, "channels");
    const cJSON *first = cJSON_GetArrayItem(ch, 0);

    if (self >= 0 || ch == NULL)
        return 0; /* an update never carries channels; a missing one is reported as required */
    if (!cJSON_IsArray(ch) || cJSON_GetArraySize(ch) != 1 || !cJSON_IsNumber(first)) {
        add_error(errors, index, "channels", "A tree is assigned to exactly one channel.");
        return 1;
    }
    if (channel_has_tree(q->res, (long)first->valuedouble, self)) {
        add_error(errors, index, "channels", "This channel already has a category tree.");
        return 1;
    }
    return 0;
}

/* The rules of each resource beyond its required fields. */
static int resource_rules(const breq *q, const cJSON *obj, long self, int index, cJSON *errors)
{
    static const char *const perms[] = {
        "app_only", "read", "write", "read_and_sf_access", "write_and_sf_access", NULL};
    static const char *const attr_types[] = {"string", "number", "date", NULL};
    static const char *const loc_types[] = {"PHYSICAL", "VIRTUAL", NULL};
    static const char *const states[] = {"active",
                                         "disabled",
                                         "error",
                                         "pending",
                                         "pending_disable",
                                         "pending_delete",
                                         "partially_rejected",
                                         "queued",
                                         "rejected",
                                         "submitted",
                                         "deleted",
                                         NULL};
    int bad = 0;

    switch (q->r->res) {
    case SB_RES_CATEGORY_METAFIELDS:
    case SB_RES_BRAND_METAFIELDS:
    case SB_RES_CUSTOMER_METAFIELDS:
        return check_enum(obj, "permission_set", perms, index, errors);
    case SB_RES_CUSTOMER_ATTRIBUTES:
        if (self >= 0 && cJSON_GetObjectItemCaseSensitive(obj, "type")) {
            add_error(errors, index, "type", "An attribute's type cannot change once created.");
            bad++;
        }
        return bad + check_enum(obj, "type", attr_types, index, errors);
    case SB_RES_INVENTORY_LOCATIONS:
        if (taken(q->res, "code", text_of(obj, "code"), self)) {
            add_error(errors, index, "code", "Another location already has this code.");
            bad++;
        }
        return bad + check_enum(obj, "type_id", loc_types, index, errors);
    case SB_RES_CHANNEL_LISTINGS:
        return check_enum(obj, "state", states, index, errors);
    case SB_RES_CATEGORY_TREES:
        return check_tree_channels(q, obj, self, index, errors);
    default:
        return 0;
    }
}

static int missing(const cJSON *obj, const char *field)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, field);
    return v == NULL || cJSON_IsNull(v) || (cJSON_IsString(v) && v->valuestring[0] == '\0');
}

static int check_required(const cJSON *obj, const char *req, int index, cJSON *errors)
{
    int bad = 0;
    for (const char *p = req; p && *p;) {
        char field[64], msg[128];
        size_t n = strcspn(p, " ");
        snprintf(field, sizeof field, "%.*s", (int)n, p);
        if (missing(obj, field)) {
            snprintf(msg, sizeof msg, "The field '%s' is required", field);
            add_error(errors, index, field, msg);
            bad++;
        }
        p += n + (p[n] == ' ');
    }
    return bad;
}

/* The item's parent: the path's, or its parent_key field's. */
static long parent_of(const breq *q, const cJSON *obj)
{
    const cJSON *pk;
    if (q->parent > 0 || q->r->parent_key == NULL)
        return q->parent;
    pk = cJSON_GetObjectItemCaseSensitive(obj, q->r->parent_key);
    return cJSON_IsNumber(pk) ? (long)pk->valuedouble : 0;
}

/* Problems of one item: creating (self < 0) or changing the stored item at self. */
static int check_item(const breq *q, const cJSON *obj, long self, int index, cJSON *errors)
{
    int bad;
    long parent;

    if (!cJSON_IsObject(obj)) {
        add_error(errors, index, "body", "Each item must be a JSON object.");
        return 1;
    }
    bad = check_required(obj, self < 0 ? q->r->required_create : q->r->required_update, index,
                         errors);
    parent = parent_of(q, obj);
    if (self < 0 && q->parent == 0 && q->r->parent_key != NULL && !missing(obj, q->r->parent_key) &&
        sb_wr_index(&q->st->res[q->r->parent_res], parent) < 0) {
        add_error(errors, index, q->r->parent_key, "No object has this id.");
        bad++;
    }
    return bad + resource_rules(q, obj, self, index, errors);
}

/* ---- applying ---- */

static void stamp(const breq *q, cJSON *o, int creating)
{
    char when[64];
    const char *created = q->r->res == SB_RES_INVENTORY_LOCATIONS ? "created_at" : "date_created";
    const char *modified = q->r->res == SB_RES_INVENTORY_LOCATIONS ? "updated_at" : "date_modified";

    if (q->r->res == SB_RES_CATEGORY_TREES)
        return; /* trees carry no dates */
    sb_fmt_iso(when, sizeof when, (long long)time(NULL));
    if (creating) {
        cJSON_DeleteItemFromObjectCaseSensitive(o, created);
        cJSON_AddStringToObject(o, created, when);
    }
    cJSON_DeleteItemFromObjectCaseSensitive(o, modified);
    cJSON_AddStringToObject(o, modified, when);
}

static cJSON *create_one(breq *q, const cJSON *in)
{
    long id = sb_wr_next_id(q->res), parent = parent_of(q, in);
    cJSON *o = cJSON_Duplicate(in, 1);

    if (o == NULL)
        return NULL;
    cJSON_DeleteItemFromObjectCaseSensitive(o, q->r->id_key);
    cJSON_AddNumberToObject(o, q->r->id_key, (double)id);
    if (q->r->parent_key && parent > 0) {
        cJSON_DeleteItemFromObjectCaseSensitive(o, q->r->parent_key);
        cJSON_AddNumberToObject(o, q->r->parent_key, (double)parent);
    }
    if (q->r->res == SB_RES_BRAND_METAFIELDS || q->r->res == SB_RES_CATEGORY_METAFIELDS ||
        q->r->res == SB_RES_CUSTOMER_METAFIELDS) {
        const char *kind = q->r->res == SB_RES_BRAND_METAFIELDS      ? "brand"
                           : q->r->res == SB_RES_CATEGORY_METAFIELDS ? "category"
                                                                     : "customer";
        cJSON_DeleteItemFromObjectCaseSensitive(o, "resource_type");
        cJSON_AddStringToObject(o, "resource_type", kind);
        cJSON_AddStringToObject(o, "owner_client_id", "sandbox-client");
    }
    stamp(q, o, 1);
    if (sb_wr_insert(q->res, id, q->r->parent_key ? parent : 0, o) != 0) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *update_one(breq *q, long idx, const cJSON *in)
{
    cJSON *o = sb_wr_parse(q->res, idx);
    const cJSON *f;

    if (o == NULL)
        return NULL;
    cJSON_ArrayForEach(f, in)
    {
        if (strcmp(f->string, q->r->id_key) == 0 ||
            (q->r->parent_key && strcmp(f->string, q->r->parent_key) == 0))
            continue;
        cJSON_DeleteItemFromObjectCaseSensitive(o, f->string);
        cJSON_AddItemToObject(o, f->string, cJSON_Duplicate(f, 1));
    }
    stamp(q, o, 0);
    if (sb_wr_replace(q->res, idx, o) != 0) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* The stored index of the item an update names, -1 when none (or under another parent). */
static long target(const breq *q, const cJSON *in)
{
    const cJSON *idv = cJSON_GetObjectItemCaseSensitive(in, q->r->id_key);
    long idx = cJSON_IsNumber(idv) ? sb_wr_index(q->res, (long)idv->valuedouble) : -1;
    if (idx >= 0 && q->parent > 0 && q->res->items[idx].parent_id != q->parent)
        return -1;
    return idx;
}

/* Whether creating n more items stays within the store's limit for the resource. */
static int room_for(const breq *q, int n)
{
    if (q->r->res == SB_RES_CUSTOMER_ATTRIBUTES)
        return q->res->count + (size_t)n <= MAX_ATTRIBUTES;
    if (q->r->res == SB_RES_INVENTORY_LOCATIONS)
        return q->res->count + (size_t)n <= MAX_LOCATIONS;
    return 1;
}

/* Item i of the request: kind of change and its checks. -2 invalid, -1 create, else the index
 * to update. */
static long plan_item(const breq *q, const cJSON *it, int creating, int i, cJSON *errors)
{
    int upsert_create =
        q->r->style == B_UPSERT && cJSON_GetObjectItemCaseSensitive(it, q->r->id_key) == NULL;
    long idx = -1;

    if (!creating && !upsert_create) {
        idx = target(q, it);
        if (idx < 0) {
            add_error(errors, i, q->r->id_key, "No object has this id.");
            return -2;
        }
    }
    return check_item(q, it, idx, i, errors) > 0 ? -2 : idx;
}

/* The error object of item i, its title naming the fields (from errors' "[i].field" keys). */
static cJSON *item_error(const cJSON *errors, int i)
{
    char prefix[16], title[512];
    const cJSON *f;
    size_t used;

    snprintf(prefix, sizeof prefix, "[%d].", i);
    used = (size_t)snprintf(title, sizeof title, "Item %d was not applied", i);
    cJSON_ArrayForEach(f, errors)
    {
        if (strncmp(f->string, prefix, strlen(prefix)) == 0 && used < sizeof title)
            used += (size_t)snprintf(title + used, sizeof title - used, "; %s: %s",
                                     f->string + strlen(prefix), f->valuestring);
    }
    return sb_v3_problem(422, title);
}

static void apply(breq *q, const cJSON *in, int creating)
{
    cJSON *errors = cJSON_CreateObject(), *out = cJSON_CreateArray(), *errs, *it;
    int n = cJSON_GetArraySize(in), i = 0, bad = 0, creates = 0;
    long *plan = calloc((size_t)(n > 0 ? n : 1), sizeof *plan);

    cJSON_ArrayForEach(it, in)
    {
        plan[i] = plan_item(q, it, creating, i, errors);
        bad += plan[i] == -2;
        creates += plan[i] == -1;
        i++;
    }
    if (!room_for(q, creates)) {
        cJSON_AddStringToObject(errors, "limit", "The store would hold more than it may.");
        bad = n;
        for (i = 0; i < n; i++)
            plan[i] = -2;
    }
    if (bad > 0 && q->r->style != B_IN_PART) {
        free(plan);
        cJSON_Delete(out);
        fail(q, 422, "The batch was not valid; nothing was changed. See errors.", errors);
        return;
    }
    errs = cJSON_CreateArray();
    i = 0;
    cJSON_ArrayForEach(it, in)
    {
        cJSON *o = plan[i] == -2   ? NULL
                   : plan[i] == -1 ? create_one(q, it)
                                   : update_one(q, plan[i], it);
        if (o != NULL) {
            cJSON_AddItemToArray(out, o);
        } else {
            cJSON_AddItemToArray(errs, item_error(errors, i));
        }
        i++;
    }
    free(plan);
    cJSON_Delete(errors);
    if (q->r->style == B_IN_PART) {
        answer_in_part(q, out, errs, n);
        return;
    }
    cJSON_Delete(errs);
    answer(q, out);
}

/* ---- deleting ---- */

/* The ids to delete: the query's list, or the body's array. n = -1 when there are none. */
static int ids_of(const breq *q, const sb_args *args, const char *body, size_t len, long *ids,
                  int cap)
{
    int n = 0;
    if (q->r->delete_param) {
        const char *list = args->get(args->ctx, q->r->delete_param);
        for (const char *p = list; p && *p && n < cap;) {
            char *end;
            ids[n++] = strtol(p, &end, 10);
            if (*end != ',')
                break;
            p = end + 1;
        }
    } else {
        cJSON *doc = body ? cJSON_ParseWithLength(body, len) : NULL, *it;
        cJSON_ArrayForEach(it, doc)
        {
            if (cJSON_IsNumber(it) && n < cap)
                ids[n++] = (long)it->valuedouble;
        }
        cJSON_Delete(doc);
    }
    return n > 0 ? n : -1;
}

static void delete_items(breq *q, const sb_args *args, const char *body, size_t len)
{
    long ids[256];
    int n = ids_of(q, args, body, len, ids, 256);
    cJSON *done = cJSON_CreateArray(), *errs = cJSON_CreateArray();

    if (n < 0) {
        cJSON_Delete(done);
        cJSON_Delete(errs);
        fail(q, 422, "Name the objects to delete.", NULL);
        return;
    }
    if (n > q->r->max) {
        cJSON_Delete(done);
        cJSON_Delete(errs);
        fail(q, 413, "Too many ids in one request.", NULL);
        return;
    }
    if (q->r->res == SB_RES_INVENTORY_LOCATIONS)
        for (int i = 0; i < n; i++)
            if (ids[i] == 1) { /* the store's default shipping origin */
                cJSON_Delete(done);
                cJSON_Delete(errs);
                fail(q, 422, "Location 1 is the store's default origin and cannot be deleted.",
                     NULL);
                return;
            }
    for (int i = 0; i < n; i++) {
        long idx = sb_wr_index(q->res, ids[i]);
        if (idx >= 0) {
            sb_wr_remove(q->res, idx);
            if (q->r->res == SB_RES_CUSTOMER_ATTRIBUTES) /* its values go with it */
                sb_attribute_values_drop(q->st, ids[i]);
            cJSON_AddItemToArray(done, cJSON_CreateNumber((double)ids[i]));
        } else if (q->r->style == B_IN_PART) {
            cJSON_AddItemToArray(errs, sb_v3_problem(404, "No metafield has this id."));
        }
    }
    if (q->r->style == B_IN_PART) {
        answer_in_part(q, done, errs, n);
        return;
    }
    cJSON_Delete(done);
    cJSON_Delete(errs);
    if (q->r->style == B_TRANSACTION)
        answer(q, NULL);
    else
        sb_reply_set(q->rp, 204, "application/json", strdup(""), 0);
}

/* The route for path, with the parent id of a {id} in it; NULL when none. */
static const broute *find_route(const char *path, long *parent)
{
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        const char *p = routes[i].pattern, *s = path, *brace = strstr(p, "{id}");
        char *end;
        *parent = 0;
        if (brace == NULL) {
            size_t n = strlen(p);
            if (strncmp(s, p, n) == 0 && (s[n] == '\0' || (s[n] == '/' && s[n + 1] == '\0')))
                return &routes[i];
            continue;
        }
        if (strncmp(s, p, (size_t)(brace - p)) != 0)
            continue;
        s += brace - p;
        *parent = strtol(s, &end, 10);
        if (end == s || strcmp(end, brace + 4) != 0)
            continue;
        return &routes[i];
    }
    return NULL;
}

int sb_route_batches(sb_store *st, const char *method, const char *path, const char *body,
                     size_t len, const sb_args *args, sb_reply *rp)
{
    long parent;
    const broute *r = find_route(path, &parent);
    breq q = {st, r, r ? &st->res[r->res] : NULL, 0, rp};
    cJSON *doc;
    int n;

    if (r == NULL || strcmp(method, "GET") == 0)
        return 0;
    q.parent = parent;
    if (r->parent_res >= 0 && parent > 0 && sb_wr_index(&st->res[r->parent_res], parent) < 0) {
        fail(&q, 404, "The parent object was not found.", NULL);
        return 1;
    }
    if (strcmp(method, "DELETE") == 0) {
        if (r->res == SB_RES_CHANNEL_LISTINGS)
            return 0; /* the reference has no DELETE for listings */
        delete_items(&q, args, body, len);
        return 1;
    }
    if (strcmp(method, "PUT") != 0 && strcmp(method, "POST") != 0)
        return 0;
    if (strcmp(method, "POST") == 0 && r->style == B_UPSERT)
        return 0; /* trees are created by their PUT */
    doc = body ? cJSON_ParseWithLength(body, len) : NULL;
    n = cJSON_GetArraySize(doc);
    if (!cJSON_IsArray(doc) || n == 0 || n > r->max) {
        char msg[96];
        snprintf(msg, sizeof msg, "Send an array of 1 to %d objects.", r->max);
        fail(&q, doc && n > r->max ? 413 : 422, msg, NULL);
    } else {
        apply(&q, doc, strcmp(method, "POST") == 0);
    }
    cJSON_Delete(doc);
    return 1;
}
