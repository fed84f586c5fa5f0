/*
 * Changing the store's lists for writes (write.c): find, insert, replace and remove items,
 * keeping each list sorted by (parent_id, id), and the lock that keeps readers out while a
 * write changes a list (the server runs a thread per connection).
 */
#include "sandbox.h"
#include "write.h"

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_rwlock_t g_lock = PTHREAD_RWLOCK_INITIALIZER;

void sb_store_lock(int write)
{
    if (write)
        pthread_rwlock_wrlock(&g_lock);
    else
        pthread_rwlock_rdlock(&g_lock);
}

void sb_store_unlock(void)
{
    pthread_rwlock_unlock(&g_lock);
}

long sb_wr_index(const sb_resource *r, long id)
{
    for (size_t i = 0; i < r->count; i++)
        if (r->items[i].id == id)
            return (long)i;
    return -1;
}

long sb_wr_next_id(const sb_resource *r)
{
    long max = 0;
    for (size_t i = 0; i < r->count; i++)
        if (r->items[i].id > max)
            max = r->items[i].id;
    return max + 1;
}

cJSON *sb_wr_parse(const sb_resource *r, long idx)
{
    return cJSON_ParseWithLength(r->items[idx].json, r->items[idx].len);
}

int sb_wr_insert(sb_resource *r, long id, long parent_id, const cJSON *obj)
{
    char *json = cJSON_PrintUnformatted(obj);
    size_t pos = 0;
    if (!json)
        return -1;
    if (sb_resource_reserve(r) != 0) {
        cJSON_free(json);
        return -1;
    }
    while (pos < r->count && (r->items[pos].parent_id < parent_id ||
                              (r->items[pos].parent_id == parent_id && r->items[pos].id < id)))
        pos++;
    memmove(&r->items[pos + 1], &r->items[pos], (r->count - pos) * sizeof *r->items);
    r->items[pos] = (sb_item){id, parent_id, json, strlen(json)};
    r->count++;
    return 0;
}

int sb_wr_replace(sb_resource *r, long idx, const cJSON *obj)
{
    char *json = cJSON_PrintUnformatted(obj);
    if (!json)
        return -1;
    cJSON_free(r->items[idx].json);
    r->items[idx].json = json;
    r->items[idx].len = strlen(json);
    return 0;
}

void sb_wr_remove(sb_resource *r, long idx)
{
    cJSON_free(r->items[idx].json);
    memmove(&r->items[idx], &r->items[idx + 1], (r->count - (size_t)idx - 1) * sizeof *r->items);
    r->count--;
}
