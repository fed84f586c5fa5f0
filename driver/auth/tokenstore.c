/*
 * The token store behind OAuthSettingsLocation. One JSON document,
 *   {"version": 1, "tokens": {"<client id>|<store hash>": {access_token, refresh_token,
 *    scope, context, expires_at}}}
 * kept either in a file (tokenstore_file.c: mode 0600, written atomically under a lock) or,
 * for memory://NAME, in this process (below, under a mutex).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "tokenstore_file.h"
#include "bc_util.h"

#define MEMORY_PREFIX "memory://"

typedef struct mem_doc {
    char *name;
    char *json;
    struct mem_doc *next;
} mem_doc;

static pthread_mutex_t mem_lock = PTHREAD_MUTEX_INITIALIZER;
static mem_doc *mem_docs;

static char *entry_key(const char *client_id, const char *store_id)
{
    const char *c = client_id ? client_id : "";
    const char *s = store_id ? store_id : "";
    char *key = malloc(strlen(c) + strlen(s) + 2);

    if (key != NULL)
        sprintf(key, "%s|%s", c, s);
    return key;
}

static bool is_memory(const char *location)
{
    return location != NULL && strncmp(location, MEMORY_PREFIX, strlen(MEMORY_PREFIX)) == 0;
}

static int oom(bc_error *err)
{
    return bc_error_set(err, "HY001", 0, "Out of memory in the OAuth token store.");
}

static char *item_str(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);

    return cJSON_IsString(v) && v->valuestring ? strdup(v->valuestring) : NULL;
}

/* Fill *out from the document's entry for key: 1 found, 0 absent, -1 OOM. */
static int entry_get(const cJSON *doc, const char *key, bc_token *out)
{
    const cJSON *tokens = cJSON_GetObjectItemCaseSensitive(doc, "tokens");
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(tokens, key);
    const cJSON *exp;

    memset(out, 0, sizeof *out);
    if (!cJSON_IsObject(e))
        return 0;
    out->access_token = item_str(e, "access_token");
    if (out->access_token == NULL)
        return 0;
    out->refresh_token = item_str(e, "refresh_token");
    out->scope = item_str(e, "scope");
    out->context = item_str(e, "context");
    exp = cJSON_GetObjectItemCaseSensitive(e, "expires_at");
    /* the file may have been edited by hand: any number must convert without UB */
    out->expires_at = cJSON_IsNumber(exp) ? bc_double_to_ll(exp->valuedouble) : 0;
    return 1;
}

static bool add_opt_str(cJSON *o, const char *k, const char *v)
{
    return v == NULL || cJSON_AddStringToObject(o, k, v) != NULL;
}

/* Put (t != NULL) or delete the entry. false on OOM. */
static bool entry_set(cJSON *doc, const char *key, const bc_token *t)
{
    cJSON *tokens = cJSON_GetObjectItemCaseSensitive(doc, "tokens");
    cJSON *e;

    if (!cJSON_IsObject(tokens)) {
        cJSON_DeleteItemFromObjectCaseSensitive(doc, "tokens");
        if ((tokens = cJSON_AddObjectToObject(doc, "tokens")) == NULL)
            return false;
    }
    if (!cJSON_HasObjectItem(doc, "version") && !cJSON_AddNumberToObject(doc, "version", 1))
        return false;
    cJSON_DeleteItemFromObjectCaseSensitive(tokens, key);
    if (t == NULL)
        return true;
    e = cJSON_AddObjectToObject(tokens, key);
    return e != NULL && add_opt_str(e, "access_token", t->access_token) &&
           add_opt_str(e, "refresh_token", t->refresh_token) && add_opt_str(e, "scope", t->scope) &&
           add_opt_str(e, "context", t->context) &&
           cJSON_AddNumberToObject(e, "expires_at", (double)t->expires_at) != NULL;
}

/* A broken or foreign document is replaced rather than failing every connection. */
static cJSON *parse_doc(const char *text)
{
    cJSON *doc = text ? cJSON_Parse(text) : NULL;

    if (!cJSON_IsObject(doc)) {
        cJSON_Delete(doc);
        doc = cJSON_CreateObject();
    }
    return doc;
}

static mem_doc *mem_find(const char *name, bool create)
{
    mem_doc *d;

    for (d = mem_docs; d != NULL; d = d->next)
        if (strcmp(d->name, name) == 0)
            return d;
    if (!create || (d = calloc(1, sizeof *d)) == NULL)
        return NULL;
    if ((d->name = strdup(name)) == NULL) {
        free(d);
        return NULL;
    }
    d->next = mem_docs;
    mem_docs = d;
    return d;
}

static int mem_load(const char *name, const char *key, bc_token *out, bc_error *err)
{
    mem_doc *d;
    cJSON *doc;
    int rc;

    pthread_mutex_lock(&mem_lock);
    d = mem_find(name, false);
    doc = d ? parse_doc(d->json) : NULL;
    pthread_mutex_unlock(&mem_lock);
    if (d == NULL)
        return 0;
    if (doc == NULL)
        return oom(err);
    rc = entry_get(doc, key, out);
    cJSON_Delete(doc);
    if (rc < 0)
        bc_token_free(out);
    return rc < 0 ? oom(err) : rc;
}

static int mem_update(const char *name, const char *key, const bc_token *t, bc_error *err)
{
    mem_doc *d;
    cJSON *doc = NULL;
    char *text = NULL;

    pthread_mutex_lock(&mem_lock);
    d = mem_find(name, true);
    if (d != NULL && (doc = parse_doc(d->json)) != NULL && entry_set(doc, key, t) &&
        (text = cJSON_PrintUnformatted(doc)) != NULL) {
        free(d->json);
        d->json = text;
    }
    pthread_mutex_unlock(&mem_lock);
    cJSON_Delete(doc);
    return text != NULL ? 0 : oom(err);
}

int bc_tokenstore_load(const char *location, const char *client_id, const char *store_id,
                       bc_token *out, bc_error *err)
{
    char *key = entry_key(client_id, store_id);
    char *path = NULL;
    char *text = NULL;
    int rc;

    memset(out, 0, sizeof *out);
    if (key == NULL)
        return oom(err);
    if (is_memory(location)) {
        rc = mem_load(location + strlen(MEMORY_PREFIX), key, out, err);
        free(key);
        return rc;
    }
    path = location && *location ? strdup(location) : bc_tokenstore_default_path();
    rc = path ? bc_tsfile_read(path, &text, err) : 0;
    if (rc > 0) {
        cJSON *doc = parse_doc(text);
        rc = doc ? entry_get(doc, key, out) : -1;
        cJSON_Delete(doc);
        if (rc < 0) {
            bc_token_free(out);
            rc = oom(err);
        }
    }
    free(text);
    free(path);
    free(key);
    return rc;
}

/* Read-modify-write of the file under its lock, so two processes keep each other's
 * entries. */
static int file_update(const char *path, const char *key, const bc_token *t, bc_error *err)
{
    int lockfd = bc_tsfile_lock(path, err);
    char *text = NULL;
    char *out = NULL;
    cJSON *doc = NULL;
    int rc;

    if (lockfd < 0)
        return -1;
    rc = bc_tsfile_read(path, &text, err);
    if (rc >= 0) {
        doc = parse_doc(text);
        if (doc == NULL || !entry_set(doc, key, t) || (out = cJSON_Print(doc)) == NULL)
            rc = oom(err);
        else
            rc = bc_tsfile_write(path, out, err);
    }
    bc_tsfile_unlock(lockfd);
    cJSON_Delete(doc);
    free(text);
    free(out);
    return rc < 0 ? -1 : 0;
}

static int update(const char *location, const char *client_id, const char *store_id,
                  const bc_token *t, bc_error *err)
{
    char *key = entry_key(client_id, store_id);
    char *path;
    int rc;

    if (key == NULL)
        return oom(err);
    if (is_memory(location)) {
        rc = mem_update(location + strlen(MEMORY_PREFIX), key, t, err);
        free(key);
        return rc;
    }
    path = location && *location ? strdup(location) : bc_tokenstore_default_path();
    if (path == NULL)
        rc = bc_error_set(err, "HY000", 0,
                          "No place to store the OAuth token: neither XDG_CONFIG_HOME nor "
                          "HOME is set. Set OAuthSettingsLocation to a file path.");
    else
        rc = file_update(path, key, t, err);
    free(path);
    free(key);
    return rc;
}

int bc_tokenstore_save(const char *location, const char *client_id, const char *store_id,
                       const bc_token *t, bc_error *err)
{
    return update(location, client_id, store_id, t, err);
}

int bc_tokenstore_remove(const char *location, const char *client_id, const char *store_id,
                         bc_error *err)
{
    return update(location, client_id, store_id, NULL, err);
}
