/*
 * The second baseline of the wide scan: the best a hand-written client can easily do with
 * libcurl alone. Page 1 on the kept-alive connection tells total_pages; then pages 2..N go
 * through one curl multi handle with BENCH_MULTI_IN_FLIGHT requests in flight, each page
 * parsed with cJSON (and its fields read) as soon as it arrives, and the next page started
 * in its place. Pages are not handed out in order; a client that sums needs no order.
 */
#include "bench.h"

#include <cJSON.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>

#define BENCH_MULTI_IN_FLIGHT 8

/* One page in flight: its easy handle and the body it is filling. */
typedef struct bench_slot {
    CURL *easy;
    sandbox_body body;
} bench_slot;

typedef struct bench_multi {
    bench_http *h;
    CURLM *multi;
    bench_slot slots[BENCH_MULTI_IN_FLIGHT];
    int next_page, last_page, in_flight;
    const char *const *fields;
    bench_result *r;
    bool failed;
} bench_multi;

/* Start the next page in slot s; false when none is left or it cannot start. */
static bool bench_multi_start(bench_multi *m, bench_slot *s)
{
    char path[128];
    if (m->next_page > m->last_page) {
        return false;
    }
    snprintf(path, sizeof path, "/v3/catalog/products?page=%d&limit=250", m->next_page);
    s->body = (sandbox_body){0};
    s->easy = bench_http_easy(m->h, path, &s->body);
    if (!s->easy || curl_multi_add_handle(m->multi, s->easy) != CURLM_OK) {
        m->failed = true;
        return false;
    }
    curl_easy_setopt(s->easy, CURLOPT_PRIVATE, s);
    m->next_page++;
    m->in_flight++;
    return true;
}

/* A finished transfer: its page's rows into the result, then the slot's next page. */
static void bench_multi_done(bench_multi *m, CURLMsg *msg)
{
    bench_slot *s = NULL;
    long status = 0;
    curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&s);
    curl_easy_getinfo(msg->easy_handle, CURLINFO_RESPONSE_CODE, &status);
    cJSON *doc = msg->data.result == CURLE_OK && status == 200 && s->body.data
                     ? cJSON_ParseWithLength(s->body.data, s->body.len)
                     : NULL;
    if (!doc) {
        m->failed = true;
    } else {
        bench_naive_add_rows(cJSON_GetObjectItem(doc, "data"), m->fields, m->r);
        cJSON_Delete(doc);
    }
    curl_multi_remove_handle(m->multi, s->easy);
    curl_easy_cleanup(s->easy);
    free(s->body.data);
    s->easy = NULL;
    m->in_flight--;
    if (!m->failed) {
        bench_multi_start(m, s);
    }
}

static void bench_multi_run(bench_multi *m)
{
    int started = 0;
    while (started < BENCH_MULTI_IN_FLIGHT && bench_multi_start(m, &m->slots[started])) {
        started++;
    }
    while (m->in_flight > 0 && !m->failed) {
        int running = 0, left = 0;
        CURLMsg *msg;
        if (curl_multi_perform(m->multi, &running) != CURLM_OK) {
            m->failed = true;
        }
        while ((msg = curl_multi_info_read(m->multi, &left)) != NULL) {
            if (msg->msg == CURLMSG_DONE) {
                bench_multi_done(m, msg);
            }
        }
        /* wait for a socket only when nothing finished: a page just started must be sent */
        if (m->in_flight > 0 && running == m->in_flight &&
            curl_multi_poll(m->multi, NULL, 0, 1000, NULL) != CURLM_OK) {
            m->failed = true;
        }
    }
    for (int i = 0; i < BENCH_MULTI_IN_FLIGHT; i++) { /* what a failure left in flight */
        if (m->slots[i].easy) {
            curl_multi_remove_handle(m->multi, m->slots[i].easy);
            curl_easy_cleanup(m->slots[i].easy);
            free(m->slots[i].body.data);
        }
    }
}

bool bench_multi_scan_wide(bench_http *h, const bench_ids *ids, bench_result *r)
{
    cJSON *doc = NULL;
    (void)ids;
    if (bench_http_get(h, "/v3/catalog/products?page=1&limit=250", &doc) != 200) {
        return false;
    }
    const cJSON *pag = cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "meta"), "pagination");
    const cJSON *total = cJSON_GetObjectItem(pag, "total_pages");
    bench_multi m = {.h = h,
                     .next_page = 2,
                     .last_page = cJSON_IsNumber(total) ? total->valueint : 1,
                     .fields = bench_wide_fields,
                     .r = r};
    bench_naive_add_rows(cJSON_GetObjectItem(doc, "data"), m.fields, r);
    cJSON_Delete(doc);
    if ((m.multi = curl_multi_init()) == NULL) {
        return false;
    }
    bench_multi_run(&m);
    curl_multi_cleanup(m.multi);
    return !m.failed;
}
