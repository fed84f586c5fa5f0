/*
 * The API's route table. A pattern is a '/'-separated path after /stores/{hash}/ where
 * "{id}" matches one decimal id. Adding an endpoint is adding a row (and, for a new
 * resource, its generator in store.c).
 */
#include "sandbox.h"

#include <stdlib.h>
#include <string.h>

typedef enum route_kind {
    R_V3_LIST,    /* v3 envelope, page/limit/id:in */
    R_V3_LIST_ID, /* same, plus the `id` filter */
    R_V3_ONE,     /* {data:{...},meta:{}} */
    R_V2_LIST,    /* bare array, page/limit/min_id/max_id, 204 past the end */
    R_V2_ONE,
    R_V2_CHILDREN, /* bare array of the children of {id}; `parent` must hold {id} */
    R_SINGLETON,   /* one document */
} route_kind;

typedef struct route {
    const char *pattern;
    route_kind kind;
    sb_res_id res;
    int parent; /* for R_V2_CHILDREN: the resource {id} must exist in, else -1 */
} route;

static const route routes[] = {
    {"v3/catalog/products", R_V3_LIST_ID, SB_RES_PRODUCTS, -1},
    {"v3/catalog/products/{id}", R_V3_ONE, SB_RES_PRODUCTS, -1},
    {"v3/catalog/brands", R_V3_LIST_ID, SB_RES_BRANDS, -1},
    {"v3/catalog/brands/{id}", R_V3_ONE, SB_RES_BRANDS, -1},
    {"v3/catalog/categories", R_V3_LIST_ID, SB_RES_CATEGORIES, -1},
    {"v3/catalog/categories/{id}", R_V3_ONE, SB_RES_CATEGORIES, -1},
    {"v3/customers", R_V3_LIST, SB_RES_CUSTOMERS, -1},
    {"v2/orders", R_V2_LIST, SB_RES_ORDERS, -1},
    {"v2/orders/count", R_SINGLETON, SB_RES_ORDERS_COUNT, -1},
    {"v2/orders/{id}", R_V2_ONE, SB_RES_ORDERS, -1},
    {"v2/orders/{id}/products", R_V2_CHILDREN, SB_RES_ORDER_PRODUCTS, SB_RES_ORDERS},
    {"v2/store", R_SINGLETON, SB_RES_STORE, -1},
};

int sb_api_version(const char *path)
{
    return strncmp(path, "v2/", 3) == 0 || strcmp(path, "v2") == 0 ? 2 : 3;
}

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

static void not_found(const char *path, sb_reply *rp)
{
    if (sb_api_version(path) == 2)
        sb_reply_v2_error(rp, 404, "The requested resource was not found.");
    else
        sb_reply_v3_error(rp, 404, "The requested resource was not found.");
}

static void dispatch(const sb_store *st, const route *r, long id, const sb_args *a, sb_reply *rp)
{
    const sb_resource *res = &st->res[r->res];
    switch (r->kind) {
    case R_V3_LIST:
    case R_V3_LIST_ID:
        sb_render_v3_list(res, a, r->kind == R_V3_LIST_ID, rp);
        break;
    case R_V3_ONE:
        sb_render_v3_one(res, id, rp);
        break;
    case R_V2_LIST:
        sb_render_v2_list(res, a, rp);
        break;
    case R_V2_ONE:
        sb_render_v2_one(res, id, rp);
        break;
    case R_V2_CHILDREN:
        if (r->parent >= 0 && !sb_resource_find(&st->res[r->parent], id))
            sb_reply_v2_error(rp, 404, "The requested resource was not found.");
        else
            sb_render_v2_children(res, id, a, rp);
        break;
    case R_SINGLETON:
        sb_render_singleton(res, rp);
        break;
    }
}

void sb_route_api(const sb_store *st, const char *path, const sb_args *args, sb_reply *rp)
{
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        long id = 0;
        if (match(routes[i].pattern, path, &id)) {
            dispatch(st, &routes[i], id, args, rp);
            return;
        }
    }
    not_found(path, rp);
}
