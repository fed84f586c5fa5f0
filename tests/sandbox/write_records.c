/*
 * Price list records (write.h): PUT /v3/pricelists/{id}/records upserts up to 1,000 records
 * keyed by (variant_id, currency), and DELETE .../records/{variant_id}/{currency} removes
 * one, as the reference documents. Records carry no id of their own; the store's item id is
 * internal.
 */
#include "write.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { MAX_RECORDS = 1000 };

/* Index of list's record for (variant, currency), -1 when none. */
static long find_record(const sb_resource *r, long list, long variant, const char *currency)
{
    for (size_t i = sb_resource_lower_parent(r, list);
         i < r->count && r->items[i].parent_id == list; i++) {
        cJSON *o = cJSON_ParseWithLength(r->items[i].json, r->items[i].len);
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "variant_id");
        const cJSON *c = cJSON_GetObjectItemCaseSensitive(o, "currency");
        int hit = cJSON_IsNumber(v) && (long)v->valuedouble == variant && cJSON_IsString(c) &&
                  strcmp(c->valuestring, currency) == 0;
        cJSON_Delete(o);
        if (hit)
            return (long)i;
    }
    return -1;
}

static int check_record(const cJSON *it, int i, cJSON *errors)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(it, "variant_id");
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(it, "currency");
    const cJSON *p = cJSON_GetObjectItemCaseSensitive(it, "price");
    char key[48];
    int bad = 0;

    if (!cJSON_IsNumber(v)) {
        snprintf(key, sizeof key, "[%d].variant_id", i);
        cJSON_AddStringToObject(errors, key, "The field 'variant_id' is required");
        bad++;
    }
    if (!cJSON_IsString(c) || strlen(c->valuestring) != 3) {
        snprintf(key, sizeof key, "[%d].currency", i);
        cJSON_AddStringToObject(errors, key, "A three-letter currency code is required");
        bad++;
    }
    if (p && !cJSON_IsNull(p) && (!cJSON_IsNumber(p) || p->valuedouble < 0)) {
        snprintf(key, sizeof key, "[%d].price", i);
        cJSON_AddStringToObject(errors, key, "The price must be a number of zero or more");
        bad++;
    }
    return bad;
}

/* The stored record after applying it (created when new). NULL when out of memory. */
static cJSON *upsert(sb_store *st, long list, const cJSON *it)
{
    sb_resource *r = &st->res[SB_RES_PRICELIST_RECORDS];
    long variant = (long)cJSON_GetObjectItemCaseSensitive(it, "variant_id")->valuedouble;
    const char *currency = cJSON_GetObjectItemCaseSensitive(it, "currency")->valuestring;
    long idx = find_record(r, list, variant, currency);
    cJSON *o = idx >= 0 ? sb_wr_parse(r, idx) : cJSON_CreateObject();
    const cJSON *f, *price;
    char when[40];

    if (!o)
        return NULL;
    if (idx < 0) {
        sb_resource *vr = &st->res[SB_RES_PRODUCT_VARIANTS];
        long vidx = sb_wr_index(vr, variant);
        cJSON *var = vidx >= 0 ? sb_wr_parse(vr, vidx) : NULL;
        const cJSON *pid = cJSON_GetObjectItemCaseSensitive(var, "product_id");
        sb_add_num(o, "price_list_id", (double)list);
        sb_add_num(o, "variant_id", (double)variant);
        sb_add_num(o, "product_id", cJSON_IsNumber(pid) ? pid->valuedouble : 0);
        sb_add_str(o, "currency", currency);
        sb_fmt_iso(when, sizeof when, (long long)time(NULL));
        sb_add_str(o, "date_created", when);
        sb_add_str(o, "date_modified", when);
        cJSON_Delete(var);
    }
    cJSON_ArrayForEach(f, it)
    {
        cJSON_DeleteItemFromObjectCaseSensitive(o, f->string);
        cJSON_AddItemToObject(o, f->string, cJSON_Duplicate(f, 1));
    }
    price = cJSON_GetObjectItemCaseSensitive(o, "sale_price");
    if (!cJSON_IsNumber(price))
        price = cJSON_GetObjectItemCaseSensitive(o, "price");
    cJSON_DeleteItemFromObjectCaseSensitive(o, "calculated_price");
    sb_add_num(o, "calculated_price", cJSON_IsNumber(price) ? price->valuedouble : 0);
    if ((idx >= 0 ? sb_wr_replace(r, idx, o) : sb_wr_insert(r, sb_wr_next_id(r), list, o)) != 0) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static void put_records(sb_store *st, long list, const char *body, size_t len, sb_reply *rp)
{
    cJSON *in = body ? cJSON_ParseWithLength(body, len) : NULL, *errors, *out, *it;
    int n = cJSON_GetArraySize(in), i = 0, bad = 0;

    if (!cJSON_IsArray(in) || n == 0 || n > MAX_RECORDS) {
        sb_reply_v3_problem(rp, n > MAX_RECORDS ? 413 : 422,
                            "Send an array of 1 to 1000 price records.", NULL);
        cJSON_Delete(in);
        return;
    }
    errors = cJSON_CreateObject();
    cJSON_ArrayForEach(it, in) bad += check_record(it, i++, errors);
    if (bad > 0) {
        sb_reply_v3_problem(rp, 422, "The batch was not valid; nothing was changed. See errors.",
                            errors);
        cJSON_Delete(in);
        return;
    }
    cJSON_Delete(errors);
    out = cJSON_CreateArray();
    cJSON_ArrayForEach(it, in)
    {
        cJSON *o = upsert(st, list, it);
        if (o)
            cJSON_AddItemToArray(out, o);
    }
    cJSON_Delete(in);
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddItemToObject(doc, "data", out);
    sb_add_obj(doc, "meta");
    sb_reply_json(rp, 200, doc);
}

int sb_route_records(sb_store *st, const char *method, const char *path, const char *body,
                     size_t len, sb_reply *rp)
{
    long list = 0, variant = 0;
    int used = 0;
    char currency[8] = "";

    if (sscanf(path, "v3/pricelists/%ld/records%n", &list, &used) != 1 || used == 0)
        return 0;
    path += used;
    if (sb_wr_index(&st->res[SB_RES_PRICELISTS], list) < 0) {
        sb_reply_v3_problem(rp, 404, "The price list was not found.", NULL);
        return 1;
    }
    if (strcmp(method, "PUT") == 0 && (*path == '\0' || strcmp(path, "/") == 0)) {
        put_records(st, list, body, len, rp);
        return 1;
    }
    if (strcmp(method, "DELETE") == 0 && sscanf(path, "/%ld/%7[A-Za-z]", &variant, currency) == 2) {
        sb_resource *r = &st->res[SB_RES_PRICELIST_RECORDS];
        long idx = find_record(r, list, variant, currency);
        if (idx < 0) {
            sb_reply_v3_problem(rp, 404, "The price record was not found.", NULL);
        } else {
            sb_wr_remove(r, idx);
            sb_reply_set(rp, 204, "application/json", strdup(""), 0);
        }
        return 1;
    }
    return 0;
}
