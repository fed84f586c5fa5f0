/*
 * Lookups by a unique field (write.h): the filters the reference documents on these lists,
 * served here because the driver uses them to learn whether a POST that got no answer took
 * effect. Exact, case-sensitive matches; one page.
 */
#include "write.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

typedef struct lookup {
    const char *path, *param, *field;
    sb_res_id res;
} lookup;

static const lookup lookups[] = {
    {"v3/catalog/products", "name", "name", SB_RES_PRODUCTS},
    {"v3/catalog/brands", "name", "name", SB_RES_BRANDS},
    {"v3/customers", "email:in", "email", SB_RES_CUSTOMERS},
    {"v2/coupons", "code", "code", SB_RES_COUPONS},
};

/* Whether value is one of the comma-separated list (email:in) or equals it. */
static int value_matches(const char *list, const char *value, int is_list)
{
    size_t n = strlen(value);
    if (!is_list)
        return strcmp(list, value) == 0;
    for (const char *p = list; p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == n && strncmp(p, value, n) == 0)
            return 1;
        p = comma ? comma + 1 : NULL;
    }
    return 0;
}

int sb_route_lookup(const sb_store *st, const char *path, const sb_args *args, sb_reply *rp)
{
    for (size_t i = 0; i < sizeof lookups / sizeof lookups[0]; i++) {
        const lookup *l = &lookups[i];
        const char *want = strcmp(path, l->path) == 0 ? args->get(args->ctx, l->param) : NULL;
        if (!want)
            continue;
        const sb_resource *r = &st->res[l->res];
        cJSON *found = cJSON_CreateArray();
        for (size_t k = 0; k < r->count; k++) {
            cJSON *o = cJSON_ParseWithLength(r->items[k].json, r->items[k].len);
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, l->field);
            if (cJSON_IsString(v) &&
                value_matches(want, v->valuestring, strchr(l->param, ':') != 0))
                cJSON_AddItemToArray(found, o);
            else
                cJSON_Delete(o);
        }
        if (sb_api_version(path) == 2) {
            if (cJSON_GetArraySize(found) == 0) {
                cJSON_Delete(found);
                sb_reply_set(rp, 204, "application/json", strdup(""), 0);
            } else {
                sb_reply_json(rp, 200, found);
            }
            return 1;
        }
        cJSON *doc = cJSON_CreateObject(), *meta, *pg;
        int n = cJSON_GetArraySize(found);
        cJSON_AddItemToObject(doc, "data", found);
        meta = sb_add_obj(doc, "meta");
        pg = sb_add_obj(meta, "pagination");
        sb_add_num(pg, "total", n);
        sb_add_num(pg, "count", n);
        sb_add_num(pg, "per_page", 250);
        sb_add_num(pg, "current_page", 1);
        sb_add_num(pg, "total_pages", 1);
        sb_reply_json(rp, 200, doc);
        return 1;
    }
    return 0;
}
