/*
 * The sandbox as a child process (bc-sandbox --port 0, URL read from its first stdout line)
 * and its HTTP side, reached with libcurl: the data the driver should return is computed
 * from the sandbox's own JSON, never written into the tests.
 */
#include "harness.h"

#include <curl/curl.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

char bct_sandbox_path[1024];

static const char *bct_opt(const char *const *extra, const char *flag, const char *dflt)
{
    for (int i = 0; extra && extra[i] && extra[i + 1]; i += 2) {
        if (strcmp(extra[i], flag) == 0) {
            return extra[i + 1];
        }
    }
    return dflt;
}

bool bct_sandbox_start(bct_sandbox *sb, const char *const *extra)
{
    const char *argv[64];
    int argc = 0;

    memset(sb, 0, sizeof *sb);
    snprintf(sb->store_hash, sizeof sb->store_hash, "%s",
             bct_opt(extra, "--store-hash", "sandbox"));
    snprintf(sb->token, sizeof sb->token, "%s", bct_opt(extra, "--access-token", "sandbox-token"));
    argv[argc++] = bct_sandbox_path;
    for (int i = 0; extra && extra[i] && argc < 63; i++)
        argv[argc++] = extra[i];
    argv[argc] = NULL;
    if (!sandbox_launch(&sb->child, argv, 10000)) {
        bct_fail(__FILE__, __LINE__, "%s did not start or print its URL", bct_sandbox_path);
        return false;
    }
    snprintf(sb->url, sizeof sb->url, "%s", sb->child.url);
    return true;
}

void bct_sandbox_stop(bct_sandbox *sb)
{
    sandbox_halt(&sb->child);
}

/* One request; returns the HTTP status (0 on a transport error) and the body in *body. */
static long bct_http(const bct_sandbox *sb, const char *method, const char *url, const char *post,
                     sandbox_body *body)
{
    CURL *c = curl_easy_init();
    if (!c) {
        return 0;
    }
    struct curl_slist *h = NULL;
    char auth[200];
    snprintf(auth, sizeof auth, "X-Auth-Token: %s", sb->token);
    h = curl_slist_append(h, auth);
    h = curl_slist_append(h, "Accept: application/json");
    h = curl_slist_append(h, "Content-Type: application/json");
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sandbox_collect_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, body);
    if (post) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, post);
    }
    long status = 0;
    if (curl_easy_perform(c) == CURLE_OK) {
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    }
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
    return status;
}

static cJSON *bct_get_url(const bct_sandbox *sb, const char *url, long *status)
{
    sandbox_body b = {0};
    *status = bct_http(sb, "GET", url, NULL, &b);
    cJSON *j = (*status == 200 && b.data) ? cJSON_Parse(b.data) : NULL;
    free(b.data);
    return j;
}

cJSON *bct_sb_get(const bct_sandbox *sb, const char *path)
{
    char url[2048];
    long status;
    snprintf(url, sizeof url, "%s/stores/%s%s", sb->url, sb->store_hash, path);
    return bct_get_url(sb, url, &status);
}

static void bct_move_items(cJSON *all, cJSON *page)
{
    cJSON *item;
    while ((item = cJSON_DetachItemFromArray(page, 0)) != NULL) {
        cJSON_AddItemToArray(all, item);
    }
}

cJSON *bct_sb_get_all(const bct_sandbox *sb, const char *path)
{
    cJSON *all = cJSON_CreateArray();
    const char *sep = strchr(path, '?') ? "&" : "?";
    for (int page = 1; page < 10000; page++) {
        char url[2048];
        long status;
        snprintf(url, sizeof url, "%s/stores/%s%s%spage=%d&limit=250", sb->url, sb->store_hash,
                 path, sep, page);
        cJSON *j = bct_get_url(sb, url, &status);
        if (!j) {
            if (status != 204) {
                bct_fail(__FILE__, __LINE__, "GET %s: HTTP %ld", url, status);
            }
            break;
        }
        if (cJSON_IsArray(j)) { /* v2: bare array, 204 past the end */
            bool empty = cJSON_GetArraySize(j) == 0;
            bct_move_items(all, j);
            cJSON_Delete(j);
            if (empty) {
                break;
            }
            continue;
        }
        cJSON *data = cJSON_GetObjectItem(j, "data");
        cJSON *pag = cJSON_GetObjectItem(cJSON_GetObjectItem(j, "meta"), "pagination");
        int total = cJSON_GetObjectItem(pag, "total_pages")
                        ? cJSON_GetObjectItem(pag, "total_pages")->valueint
                        : page;
        if (cJSON_IsArray(data)) {
            bct_move_items(all, data);
        }
        cJSON_Delete(j);
        if (page >= total) {
            break;
        }
    }
    return all;
}

cJSON *bct_sb_requests(const bct_sandbox *sb)
{
    char url[512];
    long status;
    snprintf(url, sizeof url, "%s/__sandbox/requests", sb->url);
    cJSON *j = bct_get_url(sb, url, &status);
    if (!cJSON_IsArray(j)) {
        bct_fail(__FILE__, __LINE__, "GET /__sandbox/requests: HTTP %ld", status);
        cJSON_Delete(j);
        return cJSON_CreateArray();
    }
    return j;
}

int bct_sb_api_request_count(const bct_sandbox *sb)
{
    cJSON *log = bct_sb_requests(sb);
    int n = 0;
    cJSON *r;
    cJSON_ArrayForEach(r, log)
    {
        const char *path = cJSON_GetStringValue(cJSON_GetObjectItem(r, "path"));
        n += path && strncmp(path, "/stores/", 8) == 0;
    }
    cJSON_Delete(log);
    return n;
}

void bct_sb_clear_requests(const bct_sandbox *sb)
{
    char url[512];
    sandbox_body b = {0};
    snprintf(url, sizeof url, "%s/__sandbox/requests", sb->url);
    long status = bct_http(sb, "DELETE", url, NULL, &b);
    free(b.data);
    if (status < 200 || status > 299) {
        bct_fail(__FILE__, __LINE__, "DELETE /__sandbox/requests: HTTP %ld", status);
    }
}

bool bct_sb_fault(const bct_sandbox *sb, const char *json)
{
    char url[512];
    sandbox_body b = {0};
    snprintf(url, sizeof url, "%s/__sandbox/faults", sb->url);
    long status = bct_http(sb, "POST", url, json, &b);
    free(b.data);
    if (status < 200 || status > 299) {
        bct_fail(__FILE__, __LINE__, "POST /__sandbox/faults %s: HTTP %ld", json, status);
        return false;
    }
    return true;
}

void bct_sb_fault_clear(const bct_sandbox *sb)
{
    char url[512];
    sandbox_body b = {0};
    snprintf(url, sizeof url, "%s/__sandbox/faults", sb->url);
    long status = bct_http(sb, "DELETE", url, NULL, &b);
    free(b.data);
    if (status < 200 || status > 299) {
        bct_fail(__FILE__, __LINE__, "DELETE /__sandbox/faults: HTTP %ld", status);
    }
}
