/*
 * The baseline: what a developer writes against the REST API without the driver. One request
 * at a time on one kept-alive connection, 250 items per page, each page parsed with cJSON and
 * the wanted fields read out. Its rows and checksums are also what the driver must return.
 */
#include "bench.h"

#include <cJSON.h>
#include <stdio.h>
#include <string.h>

/* Reads the fields the SQL of the scenario selects, so the baseline does the work a client
 * needs to do with a row; returns the id for the checksum. */
static long long bench_naive_row(const cJSON *item, const char *const *fields)
{
    for (int i = 0; fields[i]; i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(item, fields[i]);
        if (!v) {
            return -1;
        }
    }
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(item, "id");
    return cJSON_IsNumber(id) ? (long long)id->valuedouble : -1;
}

void bench_naive_add_rows(const cJSON *arr, const char *const *fields, bench_result *r)
{
    const cJSON *item;
    cJSON_ArrayForEach(item, arr)
    {
        r->rows++;
        r->checksum += bench_naive_row(item, fields);
    }
}

const char *const bench_wide_fields[] = {"id", "name", "price", "sku", NULL};

/* Every page of /v3/catalog/products, one after another, reading fields of each item. */
static bool bench_naive_scan(bench_http *h, const char *const *fields, bench_result *r)
{
    for (int page = 1;; page++) {
        char path[128];
        cJSON *doc = NULL;
        snprintf(path, sizeof path, "/v3/catalog/products?page=%d&limit=250", page);
        if (bench_http_get(h, path, &doc) != 200) {
            return false;
        }
        const cJSON *pag = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "meta"), "pagination");
        const cJSON *total = cJSON_GetObjectItem(pag, "total_pages");
        bench_naive_add_rows(cJSON_GetObjectItem(doc, "data"), fields, r);
        bool last = !cJSON_IsNumber(total) || page >= total->valueint;
        cJSON_Delete(doc);
        if (last) {
            return true;
        }
    }
}

bool bench_naive_scan_products(bench_http *h, const bench_ids *ids, bench_result *r)
{
    static const char *const fields[] = {"id", "name", "price", NULL};
    (void)ids;
    return bench_naive_scan(h, fields, r);
}

bool bench_naive_scan_wide(bench_http *h, const bench_ids *ids, bench_result *r)
{
    (void)ids;
    return bench_naive_scan(h, bench_wide_fields, r);
}

bool bench_naive_point_lookups(bench_http *h, const bench_ids *ids, bench_result *r)
{
    static const char *const fields[] = {"id", "name", "price", NULL};
    for (int i = 0; i < ids->n_products; i++) {
        char path[128];
        cJSON *doc = NULL;
        snprintf(path, sizeof path, "/v3/catalog/products/%ld", ids->product_ids[i]);
        if (bench_http_get(h, path, &doc) != 200) {
            return false;
        }
        const cJSON *data = cJSON_GetObjectItem(doc, "data");
        if (cJSON_IsObject(data)) {
            r->rows++;
            r->checksum += bench_naive_row(data, fields);
        }
        cJSON_Delete(doc);
    }
    return true;
}

/* Per order: the order, then its items (v2 answers 204 for an order without items). */
bool bench_naive_join(bench_http *h, const bench_ids *ids, bench_result *r)
{
    static const char *const order_fields[] = {"id", "date_created", NULL};
    static const char *const item_fields[] = {"id", "product_id", "quantity", NULL};
    for (int i = 0; i < ids->n_orders; i++) {
        char path[128];
        cJSON *order = NULL, *items = NULL;
        snprintf(path, sizeof path, "/v2/orders/%ld", ids->order_ids[i]);
        if (bench_http_get(h, path, &order) != 200 || bench_naive_row(order, order_fields) < 0) {
            cJSON_Delete(order);
            return false;
        }
        cJSON_Delete(order);
        snprintf(path, sizeof path, "/v2/orders/%ld/products?limit=250", ids->order_ids[i]);
        long status = bench_http_get(h, path, &items);
        if (status != 200 && status != 204) {
            return false;
        }
        bench_naive_add_rows(items, item_fields, r);
        cJSON_Delete(items);
    }
    return true;
}

/* v2 pages until a short page or the 204 past the end. */
bool bench_naive_count_orders(bench_http *h, const bench_ids *ids, bench_result *r)
{
    static const char *const fields[] = {"id", NULL};
    bench_result all = {0};
    (void)ids;
    for (int page = 1;; page++) {
        char path[128];
        cJSON *doc = NULL;
        snprintf(path, sizeof path, "/v2/orders?page=%d&limit=250", page);
        long status = bench_http_get(h, path, &doc);
        if (status == 204) {
            break;
        }
        if (status != 200 || !cJSON_IsArray(doc)) {
            cJSON_Delete(doc);
            return false;
        }
        long before = all.rows;
        bench_naive_add_rows(doc, fields, &all);
        cJSON_Delete(doc);
        if (all.rows - before < 250) {
            break;
        }
    }
    r->rows = 1;
    r->checksum = all.rows;
    return true;
}

static int bench_naive_pick(const cJSON *arr, int n, long *out)
{
    int size = cJSON_GetArraySize(arr), k = 0;
    int step = size > n ? size / n : 1;
    for (int i = 0; i < size && k < n; i += step) {
        const cJSON *id = cJSON_GetObjectItem(cJSON_GetArrayItem(arr, i), "id");
        if (cJSON_IsNumber(id)) {
            out[k++] = (long)id->valuedouble;
        }
    }
    return k;
}

bool bench_naive_pick_ids(bench_http *h, int n, bench_ids *ids)
{
    cJSON *products = NULL, *orders = NULL;
    if (n > BENCH_MAX_IDS) {
        n = BENCH_MAX_IDS;
    }
    memset(ids, 0, sizeof *ids);
    bool ok = bench_http_get(h, "/v3/catalog/products?page=1&limit=250", &products) == 200 &&
              bench_http_get(h, "/v2/orders?page=1&limit=250", &orders) == 200;
    if (ok) {
        const cJSON *data = cJSON_GetObjectItem(products, "data");
        int np = cJSON_GetArraySize(data), no = cJSON_GetArraySize(orders);
        ids->n_products = bench_naive_pick(data, n, ids->product_ids);
        ids->n_orders = bench_naive_pick(orders, n, ids->order_ids);
        const cJSON *p =
            cJSON_GetArrayItem(data, (np < BENCH_JOIN_PARENTS ? np : BENCH_JOIN_PARENTS) - 1);
        const cJSON *o =
            cJSON_GetArrayItem(orders, (no < BENCH_JOIN_PARENTS ? no : BENCH_JOIN_PARENTS) - 1);
        const cJSON *sku = cJSON_GetObjectItem(cJSON_GetArrayItem(data, np / 2), "sku");
        ids->join_max_product = (long)cJSON_GetNumberValue(cJSON_GetObjectItem(p, "id"));
        ids->join_max_order = (long)cJSON_GetNumberValue(cJSON_GetObjectItem(o, "id"));
        snprintf(ids->sku, sizeof ids->sku, "%s", cJSON_IsString(sku) ? sku->valuestring : "");
    }
    cJSON_Delete(products);
    cJSON_Delete(orders);
    return ok && ids->n_products > 0 && ids->n_orders > 0;
}
