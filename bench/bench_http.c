/*
 * The baseline's transport: blocking libcurl GETs on one reused easy handle, the way a
 * straightforward client written against the REST API would fetch data.
 */
#include "bench.h"

#include <cJSON.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct bench_http {
    CURL *curl;
    struct curl_slist *headers;
    char base[512]; /* {url}; the store prefix is added per request */
    char store[128];
};

bench_http *bench_http_new(const bench_sandbox *sb)
{
    bench_http *h = calloc(1, sizeof *h);
    if (!h) {
        return NULL;
    }
    char auth[200];
    snprintf(auth, sizeof auth, "X-Auth-Token: %s", sb->token);
    struct curl_slist *l = curl_slist_append(NULL, auth);
    struct curl_slist *l1 = l ? curl_slist_append(l, "Accept: application/json") : NULL;
    struct curl_slist *l2 = l1 ? curl_slist_append(l1, "Content-Type: application/json") : NULL;
    h->curl = curl_easy_init();
    if (!l2 || !h->curl) {
        curl_slist_free_all(l2 ? l2 : l);
        if (h->curl) {
            curl_easy_cleanup(h->curl);
        }
        free(h);
        return NULL;
    }
    h->headers = l2;
    snprintf(h->base, sizeof h->base, "%s", sb->url);
    snprintf(h->store, sizeof h->store, "/stores/%s", sb->store_hash);
    curl_easy_setopt(h->curl, CURLOPT_HTTPHEADER, h->headers);
    curl_easy_setopt(h->curl, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(h->curl, CURLOPT_WRITEFUNCTION, sandbox_collect_body);
    curl_easy_setopt(h->curl, CURLOPT_NOSIGNAL, 1L);
    return h;
}

void bench_http_free(bench_http *h)
{
    if (h) {
        curl_easy_cleanup(h->curl);
        curl_slist_free_all(h->headers);
        free(h);
    }
}

static long bench_http_do(bench_http *h, const char *method, const char *url, sandbox_body *b)
{
    long status = 0;
    curl_easy_setopt(h->curl, CURLOPT_URL, url);
    if (strcmp(method, "GET") == 0) {
        curl_easy_setopt(h->curl, CURLOPT_HTTPGET, 1L); /* after a write's body */
    }
    curl_easy_setopt(h->curl, CURLOPT_CUSTOMREQUEST, strcmp(method, "GET") ? method : NULL);
    curl_easy_setopt(h->curl, CURLOPT_NOBODY, 0L);
    curl_easy_setopt(h->curl, CURLOPT_WRITEDATA, b);
    if (curl_easy_perform(h->curl) == CURLE_OK) {
        curl_easy_getinfo(h->curl, CURLINFO_RESPONSE_CODE, &status);
    }
    return status;
}

void *bench_http_easy(const bench_http *h, const char *path, sandbox_body *body)
{
    char url[2048];
    CURL *e = curl_easy_init();
    if (!e) {
        return NULL;
    }
    snprintf(url, sizeof url, "%s%s%s", h->base, h->store, path);
    curl_easy_setopt(e, CURLOPT_URL, url); /* libcurl copies the string */
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, h->headers);
    curl_easy_setopt(e, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, sandbox_collect_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, body);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    return e;
}

long bench_http_get(bench_http *h, const char *path, struct cJSON **json)
{
    char url[2048];
    sandbox_body b = {0};
    *json = NULL;
    snprintf(url, sizeof url, "%s%s%s", h->base, h->store, path);
    long status = bench_http_do(h, "GET", url, &b);
    if (status == 200 && b.data) {
        *json = cJSON_ParseWithLength(b.data, b.len);
        if (!*json) {
            status = 0; /* an unparseable body fails the run like a transport error */
        }
    }
    free(b.data);
    return status;
}

long bench_http_raw(bench_http *h, const char *method, const char *path, char **body)
{
    char url[2048];
    sandbox_body b = {0};
    snprintf(url, sizeof url, "%s%s", h->base, path);
    long status = bench_http_do(h, method, url, &b);
    if (body) {
        *body = b.data;
    } else {
        free(b.data);
    }
    return status;
}

long bench_http_send(bench_http *h, const char *method, const char *path, const char *body,
                     struct cJSON **json)
{
    char url[2048];
    sandbox_body b = {0};
    if (json) {
        *json = NULL;
    }
    snprintf(url, sizeof url, "%s%s%s", h->base, h->store, path);
    if (body) {
        curl_easy_setopt(h->curl, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(h->curl, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
    }
    long status = bench_http_do(h, method, url, &b);
    curl_easy_setopt(h->curl, CURLOPT_POSTFIELDS, NULL);
    curl_easy_setopt(h->curl, CURLOPT_HTTPGET, 1L);
    if (json && status >= 200 && status < 300 && b.data) {
        *json = cJSON_ParseWithLength(b.data, b.len);
    }
    free(b.data);
    return status;
}
