/*
 * Consistency of a scan (issue: never fewer or more rows than the API declared, silently).
 * Every page is compared with what the API said about the whole list:
 *   v3   meta.pagination of page 1 declares total, per_page and total_pages; every page must
 *        repeat the same total, hold as many items as its own meta.pagination.count says,
 *        and as many as its position implies (per_page, the last page the remainder);
 *   all  no item's key (the table's one primary-key member, bc_pager_set_key) may appear
 *        twice in one scan.
 * The v2 rules (a short page before the counted end) live in pager.c, where the window is.
 * A page that contradicts is fetched once more past the cache (a damaged or racing answer
 * heals); if it still contradicts the scan fails with 40001 and says so, because going on
 * would return rows that are missing or doubled.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"
#include "pager_state.h"

/* ---- the set of keys handed out ------------------------------------------------------ */

static size_t slot_of(long long id, size_t cap)
{
    unsigned long long h = (unsigned long long)id * 0x9E3779B97F4A7C15ULL;
    return (size_t)(h >> 7) & (cap - 1);
}

/* Whether id is in the set (open addressing; seen_used marks the slots in use, so that
 * every id value, 0 included, can be stored). */
static bool set_has(const bc_pager *p, long long id)
{
    if (p->seen_cap == 0)
        return false;
    for (size_t i = slot_of(id, p->seen_cap);; i = (i + 1) & (p->seen_cap - 1)) {
        if (!p->seen_used[i])
            return false;
        if (p->seen[i] == id)
            return true;
    }
}

static int set_grow(bc_pager *p)
{
    size_t cap = p->seen_cap ? p->seen_cap * 2 : 256;
    long long *ids = calloc(cap, sizeof *ids);
    bool *used = calloc(cap, sizeof *used);

    if (ids == NULL || used == NULL) {
        free(ids);
        free(used);
        return -1;
    }
    for (size_t k = 0; k < p->seen_cap; k++) {
        if (!p->seen_used[k])
            continue;
        size_t i = slot_of(p->seen[k], cap);
        while (used[i])
            i = (i + 1) & (cap - 1);
        ids[i] = p->seen[k];
        used[i] = true;
    }
    free(p->seen);
    free(p->seen_used);
    p->seen = ids;
    p->seen_used = used;
    p->seen_cap = cap;
    return 0;
}

static int set_add(bc_pager *p, long long id)
{
    size_t i;

    if ((p->seen_n + 1) * 2 > p->seen_cap && set_grow(p) != 0)
        return -1;
    for (i = slot_of(id, p->seen_cap); p->seen_used[i]; i = (i + 1) & (p->seen_cap - 1))
        if (p->seen[i] == id)
            return 0;
    p->seen[i] = id;
    p->seen_used[i] = true;
    p->seen_n++;
    return 0;
}

void bc_pager_check_free(bc_pager *p)
{
    free(p->seen);
    free(p->seen_used);
    free(p->key);
    free(p->resume_param);
}

int bc_pager_set_resume_param(bc_pager *p, const char *param, bool inclusive)
{
    char *copy = NULL;

    if (param != NULL && (copy = bc_strdup(param)) == NULL)
        return -1;
    free(p->resume_param);
    p->resume_param = copy;
    p->resume_inclusive = inclusive;
    return 0;
}

/* Whether query already bounds the key with param (WHERE id >= 5 pushed down): a second
 * bound in the same request would leave it to the server which one counts. */
static bool query_has(const char *query, const char *param)
{
    size_t n = strlen(param);

    for (const char *q = query; q != NULL && *q != '\0'; q += strcspn(q, "&"), q += *q == '&') {
        if (strncmp(q, param, n) == 0 && q[n] == '=')
            return true;
    }
    return false;
}

bool bc_pager_can_resume(const bc_pager *p)
{
    return (p->paging == BC_PAGING_V3 || p->paging == BC_PAGING_V2) && p->key != NULL &&
           p->resume_param != NULL && p->keys_ascending && p->seen_n > 0 &&
           p->max_key < 9007199254740991LL && !query_has(p->query, p->resume_param);
}

int bc_pager_set_key(bc_pager *p, const char *key)
{
    char *copy = NULL;

    if (key != NULL && (copy = bc_strdup(key)) == NULL)
        return -1;
    free(p->key);
    p->key = copy;
    return 0;
}

/* The item's key as an integer; false when it has none (no de-duplication for it). Keys
 * beyond 2^53 cannot come exactly from a JSON number, and ids are far below it. */
static bool item_key(const bc_pager *p, const cJSON *item, long long *id)
{
    const cJSON *k = cJSON_GetObjectItemCaseSensitive(item, p->key);

    if (!cJSON_IsNumber(k) || !(k->valuedouble > -9007199254740992.0) ||
        !(k->valuedouble < 9007199254740992.0))
        return false;
    *id = (long long)k->valuedouble;
    return true;
}

static int cmp_ll(const void *x, const void *y)
{
    long long a = *(const long long *)x, b = *(const long long *)y;

    return (a > b) - (a < b);
}

/* The first key of items already handed out, or repeated inside items, via *dup. Keys are
 * read once per item and compared in sorted order, so a page of 250 items costs little. */
static bool find_duplicate(const bc_pager *p, const cJSON *items, long long *dup)
{
    const cJSON *it;
    long long *keys, id;
    size_t n = 0;
    bool found = false;

    if (p->key == NULL || cJSON_GetArraySize(items) == 0)
        return false;
    keys = malloc((size_t)cJSON_GetArraySize(items) * sizeof *keys);
    cJSON_ArrayForEach(it, items)
    {
        if (!item_key(p, it, &id))
            continue;
        if (set_has(p, id)) {
            *dup = id;
            free(keys);
            return true;
        }
        if (keys != NULL)
            keys[n++] = id;
    }
    /* Out of memory: the repeats inside this page go unchecked, the set still holds. */
    if (keys != NULL && n > 1) {
        qsort(keys, n, sizeof *keys, cmp_ll);
        for (size_t i = 1; i < n && !found; i++) {
            if (keys[i] == keys[i - 1]) {
                *dup = keys[i];
                found = true;
            }
        }
    }
    free(keys);
    return found;
}

int bc_pager_remember(bc_pager *p, const cJSON *items)
{
    const cJSON *it;
    long long id;

    if (p->key == NULL)
        return 0;
    cJSON_ArrayForEach(it, items)
    {
        if (!item_key(p, it, &id)) {
            p->keys_ascending = false; /* an item without a key: no resuming after it */
            continue;
        }
        if (p->seen_n > 0 && id <= p->max_key)
            p->keys_ascending = false;
        if (p->seen_n == 0 || id > p->max_key)
            p->max_key = id;
        if (set_add(p, id) != 0)
            return -1;
    }
    return 0;
}

/* ---- what the API declared ----------------------------------------------------------- */

static const cJSON *pagination(const cJSON *doc)
{
    const cJSON *meta = cJSON_GetObjectItemCaseSensitive(doc, "meta");
    const cJSON *pg = cJSON_GetObjectItemCaseSensitive(meta, "pagination");

    return cJSON_IsObject(pg) ? pg : NULL;
}

/* A whole number of pagination, or -1 when absent or not one. */
static long pg_num(const cJSON *pg, const char *name)
{
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(pg, name);

    if (!cJSON_IsNumber(n) || !(n->valuedouble >= 0) || n->valuedouble > 1e12)
        return -1;
    return (long)n->valuedouble;
}

void bc_pager_declare(bc_pager *p, const cJSON *page1)
{
    const cJSON *pg = pagination(page1);

    p->declared_total = pg ? pg_num(pg, "total") : -1;
    p->declared_per_page = pg ? pg_num(pg, "per_page") : -1;
}

/* The items page should hold, by the declaration; -1 when it cannot tell. */
static long expected_size(const bc_pager *p, int page)
{
    long per = p->declared_per_page, total = p->declared_total, before;

    if (per <= 0 || total < 0 || page < 1)
        return -1;
    before = (long)(page - 1) * per;
    if (before >= total)
        return 0;
    return total - before < per ? total - before : per;
}

/* The items the reader takes from doc (bc_pager_items): an array's entries, one for an
 * object under data, none for a null or scalar data. */
static long items_read(const cJSON *doc, const cJSON *items)
{
    const cJSON *data;

    if (items != NULL)
        return cJSON_GetArraySize(items);
    data = cJSON_GetObjectItemCaseSensitive(doc, "data");
    return cJSON_IsObject(data) || (data == NULL && cJSON_IsObject(doc)) ? 1 : 0;
}

/* A v3 page against the declaration: true with *why set when it contradicts it. */
static bool v3_contradiction(const bc_pager *p, int page, const cJSON *doc, const cJSON *items,
                             char *why, size_t cap)
{
    const cJSON *pg = pagination(doc);
    long size = items_read(doc, items), total, count, want;

    if (p->declared_total < 0)
        return false; /* an endpoint without pagination: nothing was declared */
    if (pg == NULL) {
        snprintf(why, cap, "page %d has no pagination block", page);
        return true;
    }
    total = pg_num(pg, "total");
    count = pg_num(pg, "count");
    if (total != p->declared_total) {
        snprintf(why, cap, "page %d counts %ld items in all where page 1 counted %ld", page, total,
                 p->declared_total);
        return true;
    }
    if (count >= 0 && count != size) {
        snprintf(why, cap, "page %d holds %ld items where its own count says %ld", page, size,
                 count);
        return true;
    }
    want = expected_size(p, page);
    if (want >= 0 && size != want) {
        snprintf(why, cap, "page %d holds %ld items where %ld were announced", page, size, want);
        return true;
    }
    return false;
}

bool bc_pager_contradiction(const bc_pager *p, int page, const cJSON *doc, char *why, size_t cap)
{
    cJSON *items = NULL;
    long long dup;

    /* The items of the document, without taking it apart (bc_pager_items consumes). */
    if (cJSON_IsArray(doc))
        items = (cJSON *)doc;
    else if (cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(doc, "data")))
        items = cJSON_GetObjectItemCaseSensitive(doc, "data");
    if (p->paging == BC_PAGING_V3 && page > 0 && v3_contradiction(p, page, doc, items, why, cap))
        return true;
    if (items != NULL && find_duplicate(p, items, &dup)) {
        snprintf(why, cap, "an item with %s %lld appears twice", p->key, dup);
        return true;
    }
    return false;
}

int bc_pager_inconsistent(const bc_pager *p, const char *why, bc_error *err)
{
    return bc_error_set(err, "40001", 0,
                        "The list at %s changed while the query read it, or BigCommerce answered "
                        "inconsistently: %s, and reading that page again did not agree either. "
                        "No partial result is returned; run the query again.",
                        p->path, why);
}
