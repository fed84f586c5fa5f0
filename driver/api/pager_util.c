/* The pure parts of the pager: see pager_internal.h. */
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_http.h"
#include "bc_util.h"
#include "pager_internal.h"

long bc_pager_limit(int page_size, long max_rows)
{
    return (max_rows > 0 && max_rows < page_size) ? max_rows : page_size;
}

/* A new one-element array holding item; NULL (item freed) on allocation failure. */
static cJSON *wrap(cJSON *item)
{
    cJSON *arr = cJSON_CreateArray();

    if (arr == NULL || !cJSON_AddItemToArray(arr, item)) {
        cJSON_Delete(arr);
        cJSON_Delete(item);
        return NULL;
    }
    return arr;
}

cJSON *bc_pager_items(cJSON *doc, cJSON **items)
{
    cJSON *data, *arr;

    *items = NULL;
    if (doc == NULL)
        return NULL;
    if (cJSON_IsArray(doc)) {
        *items = doc;
        return doc;
    }
    if (!cJSON_IsObject(doc))
        return doc;
    data = cJSON_GetObjectItemCaseSensitive(doc, "data");
    if (cJSON_IsArray(data)) {
        *items = data;
        return doc;
    }
    if (cJSON_IsObject(data)) {
        data = cJSON_DetachItemViaPointer(doc, data);
        cJSON_Delete(doc);
        arr = wrap(data);
    } else if (data == NULL) {
        arr = wrap(doc);
    } else {
        return doc; /* "data": null or a scalar: no rows */
    }
    *items = arr;
    return arr;
}

int bc_pager_total_pages(const cJSON *doc)
{
    const cJSON *meta = cJSON_GetObjectItemCaseSensitive(doc, "meta");
    const cJSON *pg = cJSON_GetObjectItemCaseSensitive(meta, "pagination");
    const cJSON *tp = cJSON_GetObjectItemCaseSensitive(pg, "total_pages");

    if (!cJSON_IsNumber(tp) || tp->valuedouble < 1)
        return 1;
    return tp->valuedouble > 1e9 ? 1000000000 : (int)tp->valuedouble;
}

int bc_pager_last_page(int total_pages, long max_rows, long limit)
{
    if (max_rows > 0 && limit > 0) {
        long need = (max_rows + limit - 1) / limit;
        if (need < total_pages)
            return (int)need;
    }
    return total_pages;
}

int bc_pager_pages_of_count(const cJSON *doc, long limit)
{
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(doc, "count");
    double pages;

    if (limit <= 0 || !cJSON_IsNumber(n) || n->valuedouble < (double)limit)
        return -1;
    pages = (n->valuedouble + (double)limit - 1) / (double)limit;
    return pages > 1e9 ? 1000000000 : (int)pages;
}

void bc_pager_truncate(cJSON *items, long max_rows, long delivered)
{
    long allowed = max_rows - delivered;
    int n;

    if (max_rows <= 0)
        return;
    if (allowed < 0)
        allowed = 0;
    while ((n = cJSON_GetArraySize(items)) > allowed)
        cJSON_DeleteItemFromArray(items, n - 1);
}

/* The value of parameter "after" in a query string such as "?limit=5&after=XYZ". */
static char *after_param(const char *q)
{
    const char *p = q;

    while ((p = strstr(p, "after=")) != NULL) {
        if (p == q || p[-1] == '?' || p[-1] == '&')
            return bc_strndup(p + 6, strcspn(p + 6, "&#"));
        p += 6;
    }
    return NULL;
}

/* Without meta.cursor_pagination (the channel-listings endpoint sends the ordinary
 * meta.pagination block, whose links.next carries ?after=), the next link of that block. */
static const cJSON *pagination_next_link(const cJSON *meta)
{
    const cJSON *pg = cJSON_GetObjectItemCaseSensitive(meta, "pagination");
    const cJSON *links = cJSON_GetObjectItemCaseSensitive(pg, "links");

    return cJSON_GetObjectItemCaseSensitive(links, "next");
}

char *bc_pager_next_cursor(const cJSON *doc)
{
    const cJSON *meta = cJSON_GetObjectItemCaseSensitive(doc, "meta");
    const cJSON *cp = cJSON_GetObjectItemCaseSensitive(meta, "cursor_pagination");
    const cJSON *links = cJSON_GetObjectItemCaseSensitive(cp, "links");
    const cJSON *next = cJSON_GetObjectItemCaseSensitive(links, "next");
    const cJSON *end = cJSON_GetObjectItemCaseSensitive(cp, "end_cursor");
    char *v;

    if (cp == NULL)
        next = pagination_next_link(meta);
    if (!cJSON_IsString(next) || next->valuestring[0] == '\0')
        return NULL;
    v = after_param(next->valuestring);
    if (v != NULL && *v != '\0')
        return v;
    free(v);
    return cJSON_IsString(end) && end->valuestring[0] ? bc_http_escape(end->valuestring) : NULL;
}
