/*
 * The API's route table. A pattern is a '/'-separated path after /stores/{hash}/ where
 * "{id}" matches one decimal id. Adding an endpoint is adding a row (and, for a new
 * resource, its generator in store.c).
 */
#include "sandbox.h"
#include "data_store_area.h"

#include <stdlib.h>
#include <string.h>

typedef enum route_kind {
    R_V3_LIST,    /* v3 envelope, page/limit/id:in */
    R_V3_LIST_ID, /* same, plus the `id` filter */
    R_V3_ONE,     /* {data:{...},meta:{}} */
    R_V2_LIST,    /* bare array, page/limit/min_id/max_id, 204 past the end */
    R_V2_ONE,
    R_V2_CHILDREN,       /* bare array of the children of {id}; `parent` must hold {id} */
    R_SINGLETON,         /* one document */
    R_V3_CHILDREN,       /* {data:[children of {id}], meta.pagination}; `parent` must hold {id} */
    R_V3_CHILDREN_FLAT,  /* same, all at once with meta {} (refunds of an order) */
    R_CONSIGNMENT_QUOTE, /* two ids: order and shipping consignment */
    R_V3_FILTERED,       /* v3 list with id:in and the resource's field filters */
    R_V3_AFTER_CHILDREN, /* children of {id} in cursor pages (?after=); `parent` holds {id} */
    R_V2_COUNT,          /* {"count": N} of the whole resource */
    R_V2_CHILDREN_COUNT, /* {"count": N} of the children of {id}; `parent` must hold {id} */
    R_ORDERS_COUNT,      /* /v2/orders/count: `parent` is the orders, res the document */
    R_V3_QUERY,          /* v3 list with its documented filters and sort (render_query.c) */
    R_V2_QUERY,          /* the same for a v2 list */
} route_kind;

typedef struct route {
    const char *pattern;
    route_kind kind;
    sb_res_id res;
    int parent; /* for R_V2_CHILDREN: the resource {id} must exist in, else -1 */
} route;

static const route routes[] = {
    {"v3/catalog/products", R_V3_QUERY, SB_RES_PRODUCTS, -1},
    {"v3/catalog/products/{id}", R_V3_ONE, SB_RES_PRODUCTS, -1},
    {"v3/catalog/brands", R_V3_QUERY, SB_RES_BRANDS, -1},
    {"v3/catalog/brands/{id}", R_V3_ONE, SB_RES_BRANDS, -1},
    {"v3/catalog/categories", R_V3_QUERY, SB_RES_CATEGORIES, -1},
    {"v3/catalog/categories/{id}", R_V3_ONE, SB_RES_CATEGORIES, -1},
    {"v3/customers", R_V3_QUERY, SB_RES_CUSTOMERS, -1},
    {"v2/orders", R_V2_QUERY, SB_RES_ORDERS, -1},
    {"v2/orders/count", R_ORDERS_COUNT, SB_RES_ORDERS_COUNT, SB_RES_ORDERS},
    {"v2/orders/{id}", R_V2_ONE, SB_RES_ORDERS, -1},
    {"v2/orders/{id}/products", R_V2_CHILDREN, SB_RES_ORDER_PRODUCTS, SB_RES_ORDERS},
    {"v2/store", R_SINGLETON, SB_RES_STORE, -1},
    {"v2/coupons", R_V2_LIST, SB_RES_COUPONS, -1},
    {"v2/coupons/count", R_V2_COUNT, SB_RES_COUPONS, -1},
    {"v2/coupons/{id}", R_V2_ONE, SB_RES_COUPONS, -1},
    {"v2/gift_certificates", R_V2_LIST, SB_RES_GIFT_CERTIFICATES, -1},
    {"v2/gift_certificates/{id}", R_V2_ONE, SB_RES_GIFT_CERTIFICATES, -1},
    {"v2/payments/methods", R_V2_LIST, SB_RES_PAYMENT_METHODS, -1},
    {"v2/order_statuses", R_V2_LIST, SB_RES_ORDER_STATUSES, -1},
    {"v2/order_statuses/{id}", R_V2_ONE, SB_RES_ORDER_STATUSES, -1},
    {"v2/orders/{id}/shipments", R_V2_CHILDREN, SB_RES_ORDER_SHIPMENTS, SB_RES_ORDERS},
    {"v2/orders/{id}/shipments/count", R_V2_CHILDREN_COUNT, SB_RES_ORDER_SHIPMENTS, SB_RES_ORDERS},
    {"v2/orders/{id}/shipping_addresses", R_V2_CHILDREN, SB_RES_ORDER_SHIPPING_ADDRESSES,
     SB_RES_ORDERS},
    {"v2/orders/{id}/coupons", R_V2_CHILDREN, SB_RES_ORDER_COUPONS, SB_RES_ORDERS},
    {"v2/orders/{id}/messages", R_V2_CHILDREN, SB_RES_ORDER_MESSAGES, SB_RES_ORDERS},
    {"v2/orders/{id}/taxes", R_V2_CHILDREN, SB_RES_ORDER_TAXES, SB_RES_ORDERS},
    {"v2/orders/{id}/consignments", R_V2_ONE, SB_RES_ORDER_CONSIGNMENTS, -1},
    {"v2/orders/{id}/consignments/shipping/{id}/shipping_quotes", R_CONSIGNMENT_QUOTE,
     SB_RES_CONSIGNMENT_QUOTES, -1},
    {"v3/orders/{id}/transactions", R_V3_CHILDREN, SB_RES_ORDER_TRANSACTIONS, SB_RES_ORDERS},
    {"v3/orders/{id}/payment_actions/refunds", R_V3_CHILDREN_FLAT, SB_RES_ORDER_REFUNDS,
     SB_RES_ORDERS},
    {"v3/orders/{id}/metafields", R_V3_CHILDREN, SB_RES_ORDER_METAFIELDS, SB_RES_ORDERS},
    /* customers' extras, channels, shipping, content, settings, geography */
    {"v3/channels", R_V3_LIST, SB_RES_CHANNELS, -1},
    {"v3/channels/{id}", R_V3_ONE, SB_RES_CHANNELS, -1},
    {"v3/channels/{id}/listings", R_V3_AFTER_CHILDREN, SB_RES_CHANNEL_LISTINGS, SB_RES_CHANNELS},
    {"v3/sites", R_V3_FILTERED, SB_RES_SITES, -1},
    {"v3/sites/{id}", R_V3_ONE, SB_RES_SITES, -1},
    {"v2/currencies", R_V2_LIST, SB_RES_CURRENCIES, -1},
    {"v2/currencies/{id}", R_V2_ONE, SB_RES_CURRENCIES, -1},
    {"v3/customers/addresses", R_V3_FILTERED, SB_RES_CUSTOMER_ADDRESSES, -1},
    {"v3/customers/attributes", R_V3_LIST, SB_RES_CUSTOMER_ATTRIBUTES, -1},
    {"v3/customers/attribute-values", R_V3_FILTERED, SB_RES_CUSTOMER_ATTRIBUTE_VALUES, -1},
    {"v3/customers/metafields", R_V3_LIST, SB_RES_CUSTOMER_METAFIELDS, -1},
    {"v3/orders/metafields", R_V3_LIST, SB_RES_ORDER_METAFIELDS, -1},
    {"v3/customers/subscribers", R_V3_LIST_ID, SB_RES_SUBSCRIBERS, -1},
    {"v3/customers/subscribers/{id}", R_V3_ONE, SB_RES_SUBSCRIBERS, -1},
    {"v2/customer_groups", R_V2_LIST, SB_RES_CUSTOMER_GROUPS, -1},
    {"v2/customer_groups/count", R_V2_COUNT, SB_RES_CUSTOMER_GROUPS, -1},
    {"v2/customer_groups/{id}", R_V2_ONE, SB_RES_CUSTOMER_GROUPS, -1},
    {"v3/wishlists", R_V3_FILTERED, SB_RES_WISHLISTS, -1},
    {"v3/wishlists/{id}", R_V3_ONE, SB_RES_WISHLISTS, -1},
    {"v2/shipping/zones", R_V2_LIST, SB_RES_SHIPPING_ZONES, -1},
    {"v2/shipping/zones/{id}", R_V2_ONE, SB_RES_SHIPPING_ZONES, -1},
    {"v2/shipping/zones/{id}/methods", R_V2_CHILDREN, SB_RES_SHIPPING_METHODS,
     SB_RES_SHIPPING_ZONES},
    {"v2/blog/posts", R_V2_LIST, SB_RES_BLOG_POSTS, -1},
    {"v2/blog/posts/count", R_V2_COUNT, SB_RES_BLOG_POSTS, -1},
    {"v2/blog/posts/{id}", R_V2_ONE, SB_RES_BLOG_POSTS, -1},
    {"v2/blog/tags", R_V2_LIST, SB_RES_BLOG_TAGS, -1},
    {"v3/content/pages", R_V3_FILTERED, SB_RES_PAGES, -1},
    {"v3/content/pages/{id}", R_V3_ONE, SB_RES_PAGES, -1},
    {"v3/storefront/redirects", R_V3_FILTERED, SB_RES_REDIRECTS, -1},
    {"v2/tax_classes", R_V2_LIST, SB_RES_TAX_CLASSES, -1},
    {"v2/tax_classes/{id}", R_V2_ONE, SB_RES_TAX_CLASSES, -1},
    {"v3/store/systemlogs", R_V3_LIST, SB_RES_STORE_LOGS, -1},
    {"v3/hooks", R_V3_LIST, SB_RES_WEBHOOKS, -1},
    {"v3/hooks/{id}", R_V3_ONE, SB_RES_WEBHOOKS, -1},
    {"v2/countries", R_V2_LIST, SB_RES_COUNTRIES, -1},
    {"v2/countries/states", R_V2_LIST, SB_RES_STATES, -1},
    {"v2/countries/{id}", R_V2_ONE, SB_RES_COUNTRIES, -1},
    {"v2/countries/{id}/states", R_V2_CHILDREN, SB_RES_STATES, SB_RES_COUNTRIES},
    {"v2/countries/count", R_V2_COUNT, SB_RES_COUNTRIES, -1},
    {"v2/countries/states/count", R_V2_COUNT, SB_RES_STATES, -1},
    {"v2/countries/{id}/states/count", R_V2_CHILDREN_COUNT, SB_RES_STATES, SB_RES_COUNTRIES},
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

static void dispatch(const sb_store *st, const route *r, const char *path, long id,
                     const sb_args *a, sb_reply *rp)
{
    const sb_resource *res = &st->res[r->res];
    switch (r->kind) {
    case R_V3_LIST:
    case R_V3_LIST_ID:
        if (sb_filters_present(r->res, a)) /* a documented field filter: brand_id, ... */
            sb_render_v3_filtered(st, r->res, a, rp);
        else
            sb_render_v3_list(res, a, r->kind == R_V3_LIST_ID, rp);
        break;
    case R_V3_ONE:
        sb_render_v3_one(res, id, rp);
        break;
    case R_V2_LIST:
        if (sb_filters_present(r->res, a))
            sb_render_v2_filtered(st, r->res, a, rp);
        else
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
    case R_V3_CHILDREN:
    case R_V3_CHILDREN_FLAT:
        if (r->parent >= 0 && !sb_resource_find(&st->res[r->parent], id))
            sb_reply_v3_error(rp, 404, "The requested resource was not found.");
        else
            sb_render_v3_children(res, id, a, r->kind == R_V3_CHILDREN, rp);
        break;
    case R_CONSIGNMENT_QUOTE:
        sb_render_consignment_quote(res, path, rp);
        break;
    case R_V3_FILTERED:
        sb_render_v3_filtered(st, r->res, a, rp);
        break;
    case R_V3_AFTER_CHILDREN:
        if (r->parent >= 0 && !sb_resource_find(&st->res[r->parent], id))
            sb_reply_v3_error(rp, 404, "The requested resource was not found.");
        else
            sb_render_v3_after(st, r->res, id, a, rp);
        break;
    case R_V2_COUNT:
        sb_render_v2_count(res, rp);
        break;
    case R_V2_CHILDREN_COUNT:
        if (r->parent >= 0 && !sb_resource_find(&st->res[r->parent], id))
            sb_reply_v2_error(rp, 404, "The requested resource was not found.");
        else
            sb_render_v2_children_count(res, id, rp);
        break;
    case R_ORDERS_COUNT:
        sb_render_orders_count(&st->res[r->parent], sb_orders_incomplete(st->cfg), res, a, rp);
        break;
    case R_V3_QUERY:
    case R_V2_QUERY:
        sb_render_query(st, r->res, r->kind == R_V2_QUERY, a, rp);
        break;
    }
}

static void route_request(const sb_store *st, const char *path, const sb_args *args, sb_reply *rp)
{
    if (sb_route_catalog(st, path, args, rp))
        return;
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        long id = 0;
        if (match(routes[i].pattern, path, &id)) {
            dispatch(st, &routes[i], path, id, args, rp);
            return;
        }
    }
    not_found(path, rp);
}

void sb_route_api(const sb_store *st, const char *path, const sb_args *args, sb_reply *rp)
{
    route_request(st, path, args, rp);
    sb_include_apply(st, path, args, rp);
}
