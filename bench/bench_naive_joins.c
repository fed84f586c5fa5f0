/*
 * Scenarios 5-10 by the naive client: every list read page after page, every child read
 * parent after parent, every filter, join and sort done in memory after reading everything
 * it needs: one request at a time, as a client written without the driver would.
 */
#include "bench.h"

#include <cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* Every item of a list, page after page (v3: until total_pages; v2: until a short page or
 * the 204 past the end), into one array the caller frees. prefix ends in '?' or '&'. */
static cJSON *bench_all(bench_http *h, const char *prefix, bool v3)
{
    cJSON *all = cJSON_CreateArray();
    for (int page = 1; all; page++) {
        char path[256];
        cJSON *doc = NULL;
        snprintf(path, sizeof path, "%spage=%d&limit=250", prefix, page);
        long status = bench_http_get(h, path, &doc);
        if (!v3 && status == 204) {
            return all;
        }
        cJSON *items = v3 ? cJSON_GetObjectItem(doc, "data") : doc;
        if (status != 200 || !cJSON_IsArray(items)) {
            cJSON_Delete(doc);
            cJSON_Delete(all);
            return NULL;
        }
        int n = cJSON_GetArraySize(items);
        while (cJSON_GetArraySize(items) > 0) {
            cJSON_AddItemToArray(all, cJSON_DetachItemFromArray(items, 0));
        }
        const cJSON *pag = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "meta"), "pagination");
        const cJSON *total = cJSON_GetObjectItem(pag, "total_pages");
        bool last = v3 ? !cJSON_IsNumber(total) || page >= total->valueint : n < 250;
        cJSON_Delete(doc);
        if (last) {
            return all;
        }
    }
    return NULL;
}

static long long bench_num(const cJSON *item, const char *key)
{
    const cJSON *v = cJSON_GetObjectItem(item, key);
    return cJSON_IsNumber(v) ? (long long)v->valuedouble : 0;
}

/* Adds the ids of a child list (a v2 array, or a v3 {data}) to r. */
static bool bench_add_children(bench_http *h, const char *path, bool v3, bench_result *r)
{
    cJSON *doc = NULL;
    long status = bench_http_get(h, path, &doc);
    const cJSON *item, *list = v3 ? cJSON_GetObjectItem(doc, "data") : doc;
    if (status != 200 && status != 204) {
        return false;
    }
    cJSON_ArrayForEach(item, list)
    {
        r->rows++;
        r->checksum += bench_num(item, "id");
    }
    cJSON_Delete(doc);
    return true;
}

bool bench_naive_join_all(bench_http *h, const bench_ids *ids, bench_result *r)
{
    char prefix[64], path[128];
    const cJSON *o;
    snprintf(prefix, sizeof prefix, "/v2/orders?max_id=%ld&", ids->join_max_order);
    cJSON *orders = bench_all(h, prefix, false);
    bool ok = orders != NULL;
    cJSON_ArrayForEach(o, orders)
    {
        snprintf(path, sizeof path, "/v2/orders/%lld/products?limit=250", bench_num(o, "id"));
        if (!(ok = bench_add_children(h, path, false, r))) {
            break;
        }
    }
    cJSON_Delete(orders);
    return ok;
}

bool bench_naive_customer_orders(bench_http *h, const bench_ids *ids, bench_result *r)
{
    cJSON *customers = bench_all(h, "/v3/customers?", true);
    cJSON *orders = customers ? bench_all(h, "/v2/orders?", false) : NULL;
    const cJSON *c, *o, *outer = orders ? customers : NULL;
    (void)ids;
    cJSON_ArrayForEach(c, outer)
    {
        long long id = bench_num(c, "id");
        bool any = false;
        cJSON_ArrayForEach(o, orders)
        {
            if (bench_num(o, "customer_id") == id) {
                r->rows++;
                r->checksum += bench_num(o, "id");
                any = true;
            }
        }
        r->rows += !any; /* the LEFT JOIN's row without an order */
    }
    bool ok = orders != NULL;
    cJSON_Delete(customers);
    cJSON_Delete(orders);
    return ok;
}

/* The products up to the join's bound, then each one's children at child_fmt (a path with
 * one %lld, the product id): the N+1 loop a client without bulk reads writes. */
static bool naive_product_children(bench_http *h, const bench_ids *ids, const char *child_fmt,
                                   bench_result *r)
{
    char prefix[96], path[128];
    const cJSON *p;
    snprintf(prefix, sizeof prefix, "/v3/catalog/products?id:max=%ld&", ids->join_max_product);
    cJSON *products = bench_all(h, prefix, true);
    bool ok = products != NULL;
    cJSON_ArrayForEach(p, products)
    {
        snprintf(path, sizeof path, child_fmt, bench_num(p, "id"));
        if (!(ok = bench_add_children(h, path, true, r))) {
            break;
        }
    }
    cJSON_Delete(products);
    return ok;
}

bool bench_naive_product_variants(bench_http *h, const bench_ids *ids, bench_result *r)
{
    return naive_product_children(h, ids, "/v3/catalog/variants?product_id:in=%lld&limit=250", r);
}

bool bench_naive_product_images(bench_http *h, const bench_ids *ids, bench_result *r)
{
    return naive_product_children(h, ids, "/v3/catalog/products/%lld/images?limit=250", r);
}

bool bench_naive_sku(bench_http *h, const bench_ids *ids, bench_result *r)
{
    cJSON *products = bench_all(h, "/v3/catalog/products?", true);
    const cJSON *p;
    cJSON_ArrayForEach(p, products)
    {
        const cJSON *sku = cJSON_GetObjectItem(p, "sku");
        if (cJSON_IsString(sku) && strcmp(sku->valuestring, ids->sku) == 0) {
            r->rows++;
            r->checksum += bench_num(p, "id");
        }
    }
    bool ok = products != NULL;
    cJSON_Delete(products);
    return ok;
}

static int bench_cmp_desc(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x < y) - (x > y);
}

bool bench_naive_top_prices(bench_http *h, const bench_ids *ids, bench_result *r)
{
    cJSON *products = bench_all(h, "/v3/catalog/products?", true);
    int n = products ? cJSON_GetArraySize(products) : 0, k = 0;
    double *prices = calloc((size_t)n + 1, sizeof *prices);
    const cJSON *p, *list = prices ? products : NULL;
    (void)ids;
    cJSON_ArrayForEach(p, list)
    {
        prices[k++] = cJSON_GetNumberValue(cJSON_GetObjectItem(p, "price"));
    }
    if (prices) {
        qsort(prices, (size_t)k, sizeof *prices, bench_cmp_desc);
        for (int i = 0; i < k && i < 5; i++) {
            r->rows++;
            r->checksum += llround(prices[i] * 100);
        }
    }
    bool ok = products != NULL && prices != NULL;
    free(prices);
    cJSON_Delete(products);
    return ok;
}

bool bench_naive_orders_since(bench_http *h, const bench_ids *ids, bench_result *r)
{
    cJSON *orders = bench_all(h, "/v2/orders?", false);
    struct tm since = {0};
    const cJSON *o;
    (void)ids;
    strptime(BENCH_SINCE, "%Y-%m-%d", &since);
    time_t from = timegm(&since);
    cJSON_ArrayForEach(o, orders)
    {
        const cJSON *d = cJSON_GetObjectItem(o, "date_created");
        struct tm tm = {0};
        /* v2 dates are RFC 2822 in UTC ("+0000") */
        if (cJSON_IsString(d) && strptime(d->valuestring, "%a, %d %b %Y %H:%M:%S", &tm) &&
            timegm(&tm) >= from) {
            r->rows++;
            r->checksum += bench_num(o, "id");
        }
    }
    bool ok = orders != NULL;
    cJSON_Delete(orders);
    return ok;
}
