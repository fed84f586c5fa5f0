/*
 * The per-statement response cache (docs/ARCHITECTURE.md): inside one statement, a join may look up
 * the same customer for many orders, or a nested-array view may read the same parent
 * document as its sibling; the second identical GET is served from memory. The engine
 * empties the cache when a statement starts executing, so a new statement always sees
 * fresh data. Bodies are kept as bytes with their length (and parsed again on a hit), which
 * keeps the memory accounting exact and the callers' ownership rules unchanged; a body may
 * hold NUL bytes (the parser rejects them, but never reads past the copy), so it is copied
 * with memcpy, never as a C string.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "api_internal.h"

struct bc_api_cache_entry {
    char *key; /* path_query */
    long status;
    char *body; /* len bytes and a NUL; NULL for an empty body */
    size_t len;
    struct bc_api_cache_entry *next; /* newer entry */
};

/* len bytes of body and a terminating NUL (for readers that want text), or NULL. */
static char *bytes_dup(const char *body, size_t len)
{
    char *p = malloc(len + 1);

    if (p != NULL) {
        memcpy(p, body, len);
        p[len] = '\0';
    }
    return p;
}

static void entry_free(bc_api_cache_entry *e)
{
    free(e->key);
    free(e->body);
    free(e);
}

static void cache_clear(bc_api *a)
{
    while (a->cache_head != NULL) {
        bc_api_cache_entry *e = a->cache_head;
        a->cache_head = e->next;
        entry_free(e);
    }
    a->cache_tail = NULL;
    a->cache_entries = 0;
    a->cache_bytes = 0;
}

void bc_api_cache_begin(bc_api *a)
{
    if (a == NULL)
        return;
    cache_clear(a);
    a->cache_on = true;
}

void bc_api_cache_end(bc_api *a)
{
    if (a == NULL)
        return;
    cache_clear(a);
    a->cache_on = false;
}

void bc_api_cache_invalidate(bc_api *a)
{
    cache_clear(a);
}

bool bc_api_cache_lookup(bc_api *a, const char *path_query, bc_http_response *resp)
{
    if (!a->cache_on)
        return false;
    for (bc_api_cache_entry *e = a->cache_head; e != NULL; e = e->next) {
        if (strcmp(e->key, path_query) != 0)
            continue;
        bc_http_response_init(resp);
        resp->status = e->status;
        if (e->body != NULL) {
            /* A hit on a copy that cannot be made is a miss: the request is sent again. */
            if ((resp->body = bytes_dup(e->body, e->len)) == NULL)
                return false;
            resp->body_len = e->len;
        }
        return true;
    }
    return false;
}

void bc_api_cache_forget(bc_api *a, const char *path_query)
{
    bc_api_cache_entry **pp = &a->cache_head, *prev = NULL;

    for (; *pp != NULL; prev = *pp, pp = &(*pp)->next) {
        bc_api_cache_entry *e = *pp;
        if (strcmp(e->key, path_query) != 0)
            continue;
        *pp = e->next;
        if (a->cache_tail == e)
            a->cache_tail = prev;
        a->cache_entries--;
        a->cache_bytes -= (long)e->len;
        entry_free(e);
        return;
    }
}

bool bc_api_cache_contains(bc_api *a, const char *path_query)
{
    for (bc_api_cache_entry *e = a->cache_on ? a->cache_head : NULL; e != NULL; e = e->next)
        if (strcmp(e->key, path_query) == 0)
            return true;
    return false;
}

static void evict_oldest(bc_api *a)
{
    bc_api_cache_entry *e = a->cache_head;

    a->cache_head = e->next;
    if (a->cache_head == NULL)
        a->cache_tail = NULL;
    a->cache_entries--;
    a->cache_bytes -= (long)e->len;
    entry_free(e);
}

void bc_api_cache_store(bc_api *a, const char *path_query, const bc_http_response *resp)
{
    bc_api_cache_entry *e;
    size_t len = resp->body ? resp->body_len : 0;

    if (!a->cache_on || (len > 0 && (long)len > BC_API_CACHE_MAX_BYTES / 4))
        return;
    if (!((resp->status >= 200 && resp->status < 300) || resp->status == 404))
        return;
    /* Out of memory only costs the saving: the entry is not kept. */
    if ((e = calloc(1, sizeof *e)) == NULL || (e->key = bc_strdup(path_query)) == NULL ||
        (len > 0 && (e->body = bytes_dup(resp->body, len)) == NULL)) {
        if (e != NULL)
            entry_free(e);
        return;
    }
    e->status = resp->status;
    e->len = len;
    while (a->cache_head != NULL && (a->cache_entries >= BC_API_CACHE_MAX_ENTRIES ||
                                     a->cache_bytes + (long)len > BC_API_CACHE_MAX_BYTES))
        evict_oldest(a);
    if (a->cache_tail != NULL)
        a->cache_tail->next = e;
    else
        a->cache_head = e;
    a->cache_tail = e;
    a->cache_entries++;
    a->cache_bytes += (long)len;
}
