/*
 * Faults that alter a real reply instead of replacing it (faults.c queues them): a body
 * damaged on the way (cut short, an HTML page from a proxy, overwritten bytes, a raw control
 * character or NUL inside a string), and a list page whose items disagree with what its
 * meta (or the count endpoint) announces.
 */
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

static void set_text(sb_reply *rp, const char *ctype, const char *text, size_t len)
{
    char *b = malloc(len + 1);
    if (b) {
        memcpy(b, text, len);
        b[len] = '\0';
    }
    sb_reply_set(rp, 200, ctype, b, len);
}

/* The first string value's first character inside the body, or NULL. */
static char *inside_a_string(char *body, size_t len)
{
    char *p = memchr(body, ':', len);
    while (p && (size_t)(p - body) + 3 < len) {
        if (p[1] == '"' && p[2] != '"')
            return p + 2;
        p = memchr(p + 1, ':', len - (size_t)(p + 1 - body));
    }
    return NULL;
}

static void damage_body(const char *kind, sb_reply *rp)
{
    static const char html[] = "<html><head><title>502 Bad Gateway</title></head><body><h1>"
                               "Bad Gateway</h1></body></html>";
    char *in;
    if (strcmp(kind, "html") == 0) {
        set_text(rp, "text/html", html, sizeof html - 1);
    } else if (strcmp(kind, "empty") == 0) {
        set_text(rp, "application/json", "", 0);
    } else if (!rp->body || rp->len < 4) {
        return;
    } else if (strcmp(kind, "truncated") == 0) {
        rp->len /= 2;
    } else if (strcmp(kind, "garbled") == 0) {
        memcpy(rp->body + rp->len / 2, "}#\x7f", 3);
    } else if ((in = inside_a_string(rp->body, rp->len)) != NULL) {
        *in = strcmp(kind, "nul") == 0 ? '\0' : '\x01'; /* "ctrl" */
    }
}

static void alter_items(const char *kind, int v2, sb_reply *rp)
{
    cJSON *doc = rp->body ? cJSON_ParseWithLength(rp->body, rp->len) : NULL;
    cJSON *arr = v2 ? doc : cJSON_GetObjectItemCaseSensitive(doc, "data");
    int n = cJSON_GetArraySize(arr);
    if (!cJSON_IsArray(arr) || n == 0) {
        cJSON_Delete(doc);
        return;
    }
    if (strcmp(kind, "short") == 0) {
        cJSON_DeleteItemFromArray(arr, n - 1);
    } else if (strcmp(kind, "empty") == 0) {
        while (cJSON_GetArraySize(arr) > 0)
            cJSON_DeleteItemFromArray(arr, 0);
    } else if (n > 1) { /* "duplicate" */
        cJSON *copy = cJSON_Duplicate(cJSON_GetArrayItem(arr, 0), 1);
        if (copy)
            cJSON_ReplaceItemInArray(arr, n - 1, copy);
    }
    if (v2 && cJSON_GetArraySize(arr) == 0) {
        cJSON_Delete(doc);
        sb_reply_free(rp);
        sb_reply_set(rp, 204, "application/json", NULL, 0);
        rp->status = 204;
        return;
    }
    sb_reply_json(rp, 200, doc);
}

void sb_fault_mangle(const sb_fault *f, const char *rest, sb_reply *rp)
{
    if (rp->status != 200)
        return;
    if (f->items[0])
        alter_items(f->items, sb_api_version(rest) == 2, rp);
    if (f->body[0])
        damage_body(f->body, rp);
}
