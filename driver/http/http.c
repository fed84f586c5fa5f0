/*
 * The libcurl client. Every request, single or batched, runs on the one multi handle of its
 * bc_http, so all of them draw on the same connection cache (keep-alive); the share handle
 * adds the DNS cache and TLS session resumption. Connections are deliberately not put in the
 * share handle: the multi handle already owns a cache, and libcurl's share-connection support
 * has had bugs combined with multi handles.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "http_internal.h"

#define BC_HTTP_POOL 8
#define BC_HTTP_POLL_MS 100

struct bc_http {
    CURLSH *share;
    CURLM *multi;
    long timeout_s, connect_timeout_s, proxy_port;
    char *ca_file, *proxy, *proxy_user, *proxy_password;
    volatile int *cancel_flag; /* owned by the caller of bc_http_new */
    CURL *pool[BC_HTTP_POOL];  /* idle easy handles, reset, for reuse */
    int npool;
};

/* One request in flight. */
typedef struct transfer {
    bc_http *h;
    const bc_http_request *req;
    bc_http_response *resp;
    CURL *easy;
    struct curl_slist *hdrs;
    char *data;
    size_t len, cap;
    bool too_big, oom, added, done;
    const char *bad_header; /* the name of a header whose value holds CR or LF, or NULL */
    CURLcode result;
    char errbuf[CURL_ERROR_SIZE];
} transfer;

static pthread_once_t global_once = PTHREAD_ONCE_INIT;
static CURLcode global_rc = CURLE_FAILED_INIT;

static void global_init(void)
{
    global_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

static int copy_str(char **dst, const char *src)
{
    *dst = NULL;
    if (src == NULL || *src == '\0')
        return 0;
    *dst = bc_strdup(src);
    return *dst ? 0 : -1;
}

bc_http *bc_http_new(const bc_http_config *cfg)
{
    bc_http *h;

    pthread_once(&global_once, global_init);
    if (global_rc != CURLE_OK)
        return NULL;
    h = calloc(1, sizeof *h);
    if (h == NULL)
        return NULL;
    h->timeout_s = cfg ? cfg->timeout_s : BC_DEFAULT_TIMEOUT_S;
    h->connect_timeout_s = cfg ? cfg->connect_timeout_s : BC_DEFAULT_CONNECT_TIMEOUT_S;
    if (cfg != NULL) {
        h->proxy_port = cfg->proxy_port;
        h->cancel_flag = cfg->cancel_flag;
        if (copy_str(&h->ca_file, cfg->ca_file) || copy_str(&h->proxy, cfg->proxy) ||
            copy_str(&h->proxy_user, cfg->proxy_user) ||
            copy_str(&h->proxy_password, cfg->proxy_password))
            goto fail;
    }
    h->share = curl_share_init();
    h->multi = curl_multi_init();
    if (h->share == NULL || h->multi == NULL)
        goto fail;
    curl_share_setopt(h->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(h->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
    return h;
fail:
    bc_http_free(h);
    return NULL;
}

void bc_http_free(bc_http *h)
{
    if (h == NULL)
        return;
    for (int i = 0; i < h->npool; i++)
        curl_easy_cleanup(h->pool[i]);
    if (h->multi)
        curl_multi_cleanup(h->multi);
    if (h->share)
        curl_share_cleanup(h->share);
    free(h->ca_file);
    free(h->proxy);
    free(h->proxy_user);
    free(h->proxy_password);
    free(h);
}

void bc_http_response_free(bc_http_response *r)
{
    if (r == NULL)
        return;
    free(r->body);
    bc_http_response_init(r);
}

static size_t on_body(char *ptr, size_t size, size_t nmemb, void *ud)
{
    transfer *t = ud;
    size_t n = size * nmemb;

    if (t->len + n > (size_t)BC_HTTP_MAX_BODY) {
        t->too_big = true;
        return 0; /* makes libcurl fail the transfer with CURLE_WRITE_ERROR */
    }
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 16384;
        char *p;
        while (cap < t->len + n + 1)
            cap *= 2;
        p = realloc(t->data, cap);
        if (p == NULL) {
            t->oom = true;
            return 0;
        }
        t->data = p;
        t->cap = cap;
    }
    memcpy(t->data + t->len, ptr, n);
    t->len += n;
    t->data[t->len] = '\0';
    return n;
}

static size_t on_header(char *ptr, size_t size, size_t nmemb, void *ud)
{
    transfer *t = ud;

    bc_http_parse_header_line(t->resp, ptr, size * nmemb);
    return size * nmemb;
}

/* Returning non-zero aborts the transfer with CURLE_ABORTED_BY_CALLBACK (-> HY008). */
static int on_progress(void *ud, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
    transfer *t = ud;

    (void)dt, (void)dn, (void)ut, (void)un;
    return bc_flag_get(t->h->cancel_flag) ? 1 : 0;
}

static CURL *easy_get(bc_http *h)
{
    return h->npool > 0 ? h->pool[--h->npool] : curl_easy_init();
}

static void easy_put(bc_http *h, CURL *e)
{
    if (e == NULL)
        return;
    if (h->npool < BC_HTTP_POOL) {
        curl_easy_reset(e);
        h->pool[h->npool++] = e;
    } else {
        curl_easy_cleanup(e);
    }
}

static int add_headers(transfer *t)
{
    const bc_http_header *hd = t->req->headers;
    struct curl_slist *l;

    /* A line break in a value would end the header and start one of the value's choosing
     * (a token from a property or an OAuth server): such a request is never sent. */
    for (const bc_http_header *c = hd; c != NULL && c->name != NULL; c++) {
        if (c->value != NULL && strpbrk(c->value, "\r\n") != NULL) {
            t->bad_header = c->name;
            return -1;
        }
    }
    /* No "Expect: 100-continue" round trip before bodies. */
    l = curl_slist_append(NULL, "Expect:");
    for (; l != NULL && hd != NULL && hd->name != NULL; hd++) {
        char *line = bc_sprintf("%s: %s", hd->name, hd->value ? hd->value : "");
        struct curl_slist *n = line ? curl_slist_append(l, line) : NULL;
        free(line);
        if (n == NULL) {
            curl_slist_free_all(l);
            return -1;
        }
        l = n;
    }
    t->hdrs = l;
    return l ? 0 : -1;
}

static void set_method(CURL *e, const bc_http_request *r)
{
    const char *m = r->method ? r->method : "GET";

    if (strcmp(m, "GET") == 0) {
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
        return;
    }
    if (strcmp(m, "POST") != 0)
        curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, m);
    if (r->body != NULL || strcmp(m, "POST") == 0) {
        curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)r->body_len);
        curl_easy_setopt(e, CURLOPT_POSTFIELDS, r->body ? r->body : "");
    }
}

static void set_connection_options(bc_http *h, CURL *e)
{
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_SHARE, h->share);
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_USERAGENT, "BigCommerceODBC/" BC_DRIVER_VERSION);
    curl_easy_setopt(e, CURLOPT_TIMEOUT, h->timeout_s > 0 ? h->timeout_s : 0L);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT,
                     h->connect_timeout_s > 0 ? h->connect_timeout_s : 0L);
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)BC_HTTP_MAX_BODY);
    if (h->ca_file)
        curl_easy_setopt(e, CURLOPT_CAINFO, h->ca_file);
    if (h->proxy) {
        curl_easy_setopt(e, CURLOPT_PROXY, h->proxy);
        if (h->proxy_port > 0)
            curl_easy_setopt(e, CURLOPT_PROXYPORT, h->proxy_port);
        if (h->proxy_user)
            curl_easy_setopt(e, CURLOPT_PROXYUSERNAME, h->proxy_user);
        if (h->proxy_password)
            curl_easy_setopt(e, CURLOPT_PROXYPASSWORD, h->proxy_password);
    }
}

static int transfer_setup(transfer *t)
{
    CURL *e = easy_get(t->h);

    t->easy = e;
    if (e == NULL || add_headers(t) != 0)
        return -1;
    set_connection_options(t->h, e);
    curl_easy_setopt(e, CURLOPT_URL, t->req->url);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->hdrs);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errbuf);
    curl_easy_setopt(e, CURLOPT_PRIVATE, t);
    if (t->h->cancel_flag) {
        curl_easy_setopt(e, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(e, CURLOPT_XFERINFOFUNCTION, on_progress);
        curl_easy_setopt(e, CURLOPT_XFERINFODATA, t);
    }
    set_method(e, t->req);
    return 0;
}

/* Verbosity 5: the bodies of one exchange, cut at BC_LOG_BODY_MAX; the log masks secrets. */
static void log_bodies(const transfer *t)
{
    const bc_http_request *r = t->req;
    const bc_http_response *resp = t->resp;
    size_t n = resp->body_len < BC_LOG_BODY_MAX ? resp->body_len : BC_LOG_BODY_MAX;

    if (!bc_log_enabled(5))
        return;
    if (r->body != NULL)
        bc_log(5, "request body of %s %s: %.*s", r->method, r->url,
               (int)(r->body_len < BC_LOG_BODY_MAX ? r->body_len : BC_LOG_BODY_MAX), r->body);
    bc_log(5, "response body of %s %s (status %ld, %zu bytes%s): %.*s", r->method, r->url,
           resp->status, resp->body_len, n < resp->body_len ? ", cut" : "", (int)n,
           resp->body ? resp->body : "");
}

/* Turn a finished (or abandoned) transfer into resp/err/rc and release its handles. */
static int transfer_finish(transfer *t, bc_error *err)
{
    int rc = 0;

    if (t->added)
        curl_multi_remove_handle(t->h->multi, t->easy);
    if (t->bad_header != NULL) {
        rc = bc_error_set(err, "HY024", 0,
                          "The value for the %s header contains a line break, so the request "
                          "was not sent. Check the property it comes from (OAuthAccessToken "
                          "for X-Auth-Token).",
                          t->bad_header);
    } else if (t->oom) {
        rc = bc_error_set(err, "HY001", 0, "Out of memory while making an HTTP request.");
    } else if (!t->done) {
        bc_http_error_from_curl(CURLE_ABORTED_BY_CALLBACK, t->req->url, NULL, false, err);
        rc = -1;
    } else if (t->result != CURLE_OK) {
        bc_http_error_from_curl(t->result, t->req->url, t->errbuf, t->too_big, err);
        rc = -1;
    } else {
        curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &t->resp->status);
        if (t->len > 0) {
            t->resp->body = t->data;
            t->resp->body_len = t->len;
            t->data = NULL;
        }
        log_bodies(t);
    }
    free(t->data);
    t->data = NULL;
    curl_slist_free_all(t->hdrs);
    t->hdrs = NULL;
    easy_put(t->h, t->easy);
    t->easy = NULL;
    if (rc != 0)
        bc_http_response_free(t->resp);
    return rc;
}

static bool cancelled(const bc_http *h)
{
    return bc_flag_get(h->cancel_flag);
}

/* One turn of the multi handle: let libcurl move every transfer on, mark the finished ones
 * (whoever started them: a wait for one request also completes the others), and, when
 * wait_ms > 0, sleep until there is socket activity or wait_ms passed. Returns the number
 * of transfers still running, or -1 when libcurl fails. */
static int drive(bc_http *h, int wait_ms)
{
    int running = 0, left;
    CURLMsg *m;

    if (curl_multi_perform(h->multi, &running) != CURLM_OK)
        return -1;
    while ((m = curl_multi_info_read(h->multi, &left)) != NULL) {
        transfer *t = NULL;
        if (m->msg != CURLMSG_DONE)
            continue;
        curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&t);
        if (t != NULL) {
            t->done = true;
            t->result = m->data.result;
        }
    }
    if (running > 0 && wait_ms > 0)
        curl_multi_poll(h->multi, NULL, 0, wait_ms, NULL);
    return running;
}

static bool all_done(const transfer *ts, int n)
{
    for (int i = 0; i < n; i++)
        if (ts[i].added && !ts[i].done)
            return false;
    return true;
}

/* Drive the multi handle until the transfers ts[0..n) are done or the application cancels.
 * Other transfers on the handle (started with bc_http_start) move on meanwhile but are not
 * waited for. */
static void run_multi(bc_http *h, const transfer *ts, int n)
{
    while (!all_done(ts, n) && !cancelled(h)) {
        /* Nothing running while ours are not done cannot end by waiting: give up (the
         * unfinished transfers are reported as aborted). */
        if (drive(h, BC_HTTP_POLL_MS) <= 0 && !all_done(ts, n) && drive(h, 0) <= 0)
            break;
    }
}

void bc_http_perform_many(bc_http *h, const bc_http_request *reqs, int n, bc_http_response *resps,
                          bc_error *errs, int *rc)
{
    transfer *ts = calloc(n > 0 ? (size_t)n : 1, sizeof *ts);

    for (int i = 0; i < n; i++) {
        bc_http_response_init(&resps[i]);
        bc_error_clear(&errs[i]);
        if (ts == NULL)
            rc[i] = bc_error_set(&errs[i], "HY001", 0, "Out of memory.");
    }
    if (ts == NULL)
        return;
    for (int i = 0; i < n; i++) {
        ts[i].h = h;
        ts[i].req = &reqs[i];
        ts[i].resp = &resps[i];
        if (transfer_setup(&ts[i]) == 0 && curl_multi_add_handle(h->multi, ts[i].easy) == CURLM_OK)
            ts[i].added = true;
        else
            ts[i].oom = true;
    }
    run_multi(h, ts, n);
    for (int i = 0; i < n; i++)
        rc[i] = transfer_finish(&ts[i], &errs[i]);
    free(ts);
}

int bc_http_perform(bc_http *h, const bc_http_request *req, bc_http_response *resp, bc_error *err)
{
    bc_error local;
    int rc;

    /* perform_many clears its error slots; the caller's err keeps first-error-wins. */
    bc_http_perform_many(h, req, 1, resp, &local, &rc);
    if (rc != 0)
        bc_error_set(err, local.sqlstate, local.native, "%s", local.message);
    return rc;
}

/* One request started with bc_http_start. It owns copies of what libcurl reads during the
 * transfer (URL, body) so that the caller's request may go away at once. */
struct bc_http_call {
    transfer t;
    bc_http_request req;
    bc_http_response resp;
};

/* A request body is bytes with a length (it may hold NUL bytes): copied whole. */
static char *bytes_dup(const char *p, size_t n)
{
    char *d = malloc(n + 1);

    if (d != NULL) {
        memcpy(d, p, n);
        d[n] = '\0';
    }
    return d;
}

static void call_free(bc_http_call *c)
{
    free((char *)c->req.url);
    free((char *)c->req.body);
    free((char *)c->req.method);
    free(c);
}

bc_http_call *bc_http_start(bc_http *h, const bc_http_request *req, bc_error *err)
{
    bc_http_call *c = calloc(1, sizeof *c);
    bool ok = c != NULL;

    if (ok) {
        c->req = (bc_http_request){NULL, NULL, req->headers, NULL, req->body_len};
        ok = (c->req.url = bc_strdup(req->url)) != NULL &&
             (c->req.method = bc_strdup(req->method ? req->method : "GET")) != NULL &&
             (req->body == NULL || (c->req.body = bytes_dup(req->body, req->body_len)) != NULL);
    }
    if (ok) {
        bc_http_response_init(&c->resp);
        c->t = (transfer){.h = h, .req = &c->req, .resp = &c->resp};
        ok = transfer_setup(&c->t) == 0 && curl_multi_add_handle(h->multi, c->t.easy) == CURLM_OK;
        c->t.added = ok;
        c->req.headers = NULL; /* copied into the transfer's list; the caller's may go */
    }
    if (!ok) {
        bc_error local;
        bc_error_clear(&local);
        if (c != NULL) {
            c->t.oom = true;
            transfer_finish(&c->t, &local); /* a refused header is reported as such */
            call_free(c);
        }
        if (c == NULL || strcmp(local.sqlstate, "HY024") != 0)
            bc_error_set(err, "HY001", 0, "Out of memory while starting an HTTP request.");
        else
            bc_error_set(err, local.sqlstate, local.native, "%s", local.message);
        return NULL;
    }
    drive(h, 0); /* send it now, not at the first wait */
    return c;
}

void bc_http_progress(bc_http *h)
{
    drive(h, 0);
}

int bc_http_wait(bc_http *h, bc_http_call *c, bc_http_response *resp, bc_error *err)
{
    bc_error local;
    int rc;

    run_multi(h, &c->t, 1);
    bc_error_clear(&local);
    rc = transfer_finish(&c->t, &local);
    if (rc != 0)
        bc_error_set(err, local.sqlstate, local.native, "%s", local.message);
    *resp = c->resp; /* the body moves to the caller */
    call_free(c);
    return rc;
}

void bc_http_abandon(bc_http *h, bc_http_call *c)
{
    bc_error ignored;

    (void)h;
    if (c == NULL)
        return;
    bc_error_clear(&ignored);
    transfer_finish(&c->t, &ignored);
    bc_http_response_free(&c->resp);
    call_free(c);
}
