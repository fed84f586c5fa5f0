/*
 * HTTP front: libmicrohttpd in thread-per-connection mode, so latency injection and slow
 * faults sleep in their own connection's thread and never serialize other requests.
 * Dispatch: /__sandbox/... test controls, /oauth2/... the OAuth server (oauth.c),
 * /stores/{hash}/... the API (auth, rate limit, faults, then router.c).
 */
#include "sandbox.h"
#include "write.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { MAX_BODY = 1 << 20, CONN_TIMEOUT_S = 60 };

struct sb_server {
    struct MHD_Daemon *mhd;
    const sb_store *store;
    const sb_config *cfg;
    int port;
};

/* Per-connection state: the raw URI (for the undecoded query) and the request body. */
typedef struct conn_ctx {
    char *uri;
    char *body;
    size_t len;
    int started, too_big;
} conn_ctx;

#define MAX_READ_ARGS 32

typedef struct arg_ctx {
    struct MHD_Connection *con;
    const sb_form *form;
    /* The parameters the endpoint read; the request's others are unknown to it. */
    char read[MAX_READ_ARGS][48]; /* copies: callers may pass a key in a scratch buffer */
    int nread;
    const char *unknown[MAX_READ_ARGS];
    int nunknown;
    const char *ignore; /* a parameter the store acts as if it were not sent (a fault) */
} arg_ctx;

static const char *get_arg(void *ctx, const char *key)
{
    arg_ctx *a = ctx;
    int seen = 0;
    for (int i = 0; i < a->nread && !seen; i++)
        seen = strcmp(a->read[i], key) == 0;
    if (!seen && a->nread < MAX_READ_ARGS)
        snprintf(a->read[a->nread++], sizeof a->read[0], "%s", key);
    if (a->ignore != NULL && strcmp(a->ignore, key) == 0)
        return NULL;
    const char *v = a->form ? sb_form_get(a->form, key) : NULL;
    return v ? v : MHD_lookup_connection_value(a->con, MHD_GET_ARGUMENT_KIND, key);
}

/* Set once the server is stopping: a reply held by an injected delay is cut short, so that
 * stopping the sandbox never waits out a delay a test no longer needs. */
static atomic_bool stopping;

static void sleep_ms(long ms)
{
    const long slice_ms = 20;
    while (ms > 0 && !atomic_load(&stopping)) {
        long step = ms < slice_ms ? ms : slice_ms;
        struct timespec ts = {0, step * 1000000L};
        while (nanosleep(&ts, &ts) != 0)
            ;
        ms -= step;
    }
}

static void *uri_log(void *cls, const char *uri, struct MHD_Connection *con)
{
    (void)cls;
    (void)con;
    conn_ctx *c = calloc(1, sizeof *c);
    if (c && !(c->uri = strdup(uri))) {
        free(c);
        c = NULL;
    }
    return c;
}

static void completed(void *cls, struct MHD_Connection *con, void **con_cls,
                      enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)con;
    (void)toe;
    conn_ctx *c = *con_cls;
    if (c) {
        free(c->uri);
        free(c->body);
        free(c);
    }
    *con_cls = NULL;
}

static void add_rate_headers(struct MHD_Response *r, const sb_rate_state *rs)
{
    char v[32];
    snprintf(v, sizeof v, "%ld", rs->left);
    MHD_add_response_header(r, "X-Rate-Limit-Requests-Left", v);
    snprintf(v, sizeof v, "%ld", rs->quota);
    MHD_add_response_header(r, "X-Rate-Limit-Requests-Quota", v);
    snprintf(v, sizeof v, "%ld", rs->reset_ms);
    MHD_add_response_header(r, "X-Rate-Limit-Time-Reset-Ms", v);
    snprintf(v, sizeof v, "%ld", rs->window_ms);
    MHD_add_response_header(r, "X-Rate-Limit-Time-Window-Ms", v);
}

/* Sends rp (taking its body) with the rate-limit headers when rs is given. */
static enum MHD_Result send_reply(struct MHD_Connection *con, sb_reply *rp, const sb_rate_state *rs)
{
    struct MHD_Response *r =
        rp->body ? MHD_create_response_from_buffer(rp->len, rp->body, MHD_RESPMEM_MUST_FREE)
                 : MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
    if (!r) {
        sb_reply_free(rp);
        return MHD_NO;
    }
    rp->body = NULL; /* now owned by r */
    if (rp->status != 204 && rp->content_type)
        MHD_add_response_header(r, "Content-Type", rp->content_type);
    if (rp->location)
        MHD_add_response_header(r, "Location", rp->location);
    if (rs)
        add_rate_headers(r, rs);
    enum MHD_Result ret = MHD_queue_response(con, rp->status ? rp->status : 500, r);
    MHD_destroy_response(r);
    sb_reply_free(rp);
    return ret;
}

/* A constant body, copied so that rp owns it like every other body. */
static void reply_const(sb_reply *rp, unsigned status, const char *ctype, const char *text)
{
    sb_reply_set(rp, status, ctype, strdup(text), strlen(text));
}

static void api_error(sb_reply *rp, const char *rest, unsigned status, const char *msg)
{
    if (sb_api_version(rest) == 2)
        sb_reply_v2_error(rp, status, msg);
    else
        sb_reply_v3_error(rp, status, msg);
}

/* The price-list endpoints' 503 shape, which asks for a wait in its body. */
static void degraded_503(sb_reply *rp, long retry_after_s)
{
    char body[256];
    int n = snprintf(body, sizeof body,
                     "{\"error\":{\"code\":\"SERVICE_DEGRADED\",\"message\":\"Injected: the "
                     "service is degraded\",\"retry_after_seconds\":%ld}}",
                     retry_after_s);
    sb_reply_set(rp, 503, "application/json", strdup(body), (size_t)n);
}

/* Applies an injected fault; 1 when it produced the reply. Faults that alter the real reply
 * (body, items, shift) are applied by serve_api around the routing. */
static int apply_fault(const char *rest, const sb_fault *f, sb_reply *rp, sb_rate_state *rs)
{
    static const char broken[] = "{\"data\":[{\"id\":1,\"name\":\"trunc";
    if (f->delay_ms > 0)
        sleep_ms(f->delay_ms);
    if (f->malformed) {
        reply_const(rp, 200, "application/json", broken);
        return 1;
    }
    if (!f->status)
        return 0;
    if (f->status == 429) {
        rs->left = 0;
        rs->reset_ms = f->reset_ms;
    }
    if (f->status == 503 && f->retry_after_s >= 0) {
        degraded_503(rp, f->retry_after_s);
        return 1;
    }
    api_error(rp, rest, f->status,
              f->status == 429 ? "Too many requests: the quota is exhausted; retry after the "
                                 "reset time."
                               : "Injected fault: the sandbox was told to fail this request.");
    return 1;
}

static int token_ok(const sb_config *cfg, struct MHD_Connection *con)
{
    const char *t = MHD_lookup_connection_value(con, MHD_HEADER_KIND, "X-Auth-Token");
    return t && (strcmp(t, cfg->access_token) == 0 || sb_oauth_token_valid(t));
}

static long log_request(const conn_ctx *c, const char *method, const char *url)
{
    const char *q = c ? strchr(c->uri, '?') : NULL;
    char *query = q ? sb_url_decode(q + 1, strlen(q + 1), 1) : NULL;
    long seq = sb_reqlog_add(method, url, query ? query : "");
    free(query);
    return seq;
}

static enum MHD_Result collect_unknown(void *cls, enum MHD_ValueKind kind, const char *key,
                                       const char *value)
{
    arg_ctx *a = cls;
    (void)kind;
    (void)value;
    for (int i = 0; i < a->nread; i++)
        if (strcmp(a->read[i], key) == 0)
            return MHD_YES;
    if (a->nunknown < MAX_READ_ARGS)
        a->unknown[a->nunknown++] = key;
    return MHD_YES;
}

/* The query parameters the routed endpoint never read go to the request log. */
static void note_unknown_args(arg_ctx *ac, long seq)
{
    MHD_get_connection_values(ac->con, MHD_GET_ARGUMENT_KIND, collect_unknown, ac);
    sb_reqlog_note_unknown(seq, ac->unknown, ac->nunknown);
}

static enum MHD_Result serve_api(struct sb_server *s, struct MHD_Connection *con, const conn_ctx *c,
                                 const char *url, const char *method)
{
    sb_reply rp = {0};
    sb_rate_state rs;
    sb_fault f;
    const char *hash = url + strlen("/stores/");
    const char *slash = strchr(hash, '/');
    const char *rest = slash ? slash + 1 : "";
    arg_ctx ac = {.con = con};
    sb_args args = {get_arg, &ac};
    long seq = log_request(c, method, url);
    if (s->cfg->latency_ms > 0)
        sleep_ms(s->cfg->latency_ms);
    sb_ratelimit_take(&rs);
    const char *q = c ? strchr(c->uri, '?') : NULL;
    int faulty = sb_faults_take(url, q, &f);
    if (faulty && f.reset)
        return MHD_NO; /* libmicrohttpd closes the connection: no reply at all */
    if (faulty && !f.applied && apply_fault(rest, &f, &rp, &rs))
        return send_reply(con, &rp, &rs);
    size_t hl = slash ? (size_t)(slash - hash) : strlen(hash);
    if (hl != strlen(s->cfg->store_hash) || strncmp(hash, s->cfg->store_hash, hl) != 0)
        api_error(&rp, rest, 404, "Store not found: check the store hash in the URL.");
    else if (!token_ok(s->cfg, con))
        api_error(&rp, rest, 401,
                  "You are not authorized to access this resource: the "
                  "X-Auth-Token is missing, wrong or expired.");
    else if (rs.limited)
        api_error(&rp, rest, 429,
                  "Too many requests: the quota is exhausted; retry after the "
                  "reset time.");
    else {
        int get = strcmp(method, "GET") == 0;
        sb_store_lock(!get);
        sb_render_shift = faulty ? f.shift : 0;
        ac.ignore = faulty && f.ignore[0] ? f.ignore : NULL;
        if (get && !sb_route_lookup(s->store, rest, &args, &rp))
            sb_route_api(s->store, rest, &args, &rp);
        else if (!get)
            sb_route_write((sb_store *)s->store, method, rest, c ? c->body : NULL, c ? c->len : 0,
                           &args, &rp);
        sb_render_shift = 0;
        sb_store_unlock();
        note_unknown_args(&ac, seq);
        if (faulty && !f.applied)
            sb_fault_mangle(&f, rest, &rp);
    }
    if (faulty && f.applied) { /* the request took effect; its answer is lost */
        sb_reply_free(&rp);
        memset(&rp, 0, sizeof rp);
        apply_fault(rest, &f, &rp, &rs);
    }
    return send_reply(con, &rp, &rs);
}

static enum MHD_Result handle_api(struct sb_server *s, struct MHD_Connection *con,
                                  const conn_ctx *c, const char *url, const char *method)
{
    sb_reqlog_enter();
    enum MHD_Result r = serve_api(s, con, c, url, method);
    sb_reqlog_leave();
    return r;
}

static enum MHD_Result handle_control(struct MHD_Connection *con, const conn_ctx *c,
                                      const char *url, const char *method)
{
    sb_reply rp = {0};
    int get = strcmp(method, "GET") == 0, del = strcmp(method, "DELETE") == 0;
    if (strcmp(url, "/__sandbox/requests") == 0 && get) {
        char *s = sb_reqlog_json();
        sb_reply_set(&rp, 200, "application/json", s, s ? strlen(s) : 0);
    } else if (strcmp(url, "/__sandbox/stats") == 0 && get) {
        char *s = sb_reqlog_stats_json();
        sb_reply_set(&rp, 200, "application/json", s, s ? strlen(s) : 0);
    } else if (strcmp(url, "/__sandbox/requests") == 0 && del) {
        sb_reqlog_clear();
        reply_const(&rp, 200, "application/json", "{}");
    } else if (strcmp(url, "/__sandbox/faults") == 0 && strcmp(method, "POST") == 0) {
        int ok = c && c->body && sb_faults_add_json(c->body, c->len) == 0;
        reply_const(&rp, ok ? 200 : 400, "application/json",
                    ok ? "{}" : "{\"error\":\"unreadable fault: see faults.c\"}");
    } else if (strcmp(url, "/__sandbox/faults") == 0 && del) {
        sb_faults_clear();
        reply_const(&rp, 200, "application/json", "{}");
    } else if (strcmp(url, "/__sandbox/oauth") == 0 && get) {
        sb_oauth_stats(&rp);
    } else {
        reply_const(&rp, 404, "application/json", "{\"error\":\"not found\"}");
    }
    return send_reply(con, &rp, NULL);
}

static enum MHD_Result handle_oauth(struct MHD_Connection *con, const conn_ctx *c, const char *url,
                                    const char *method)
{
    sb_reply rp = {0};
    sb_form form;
    const char *ct = MHD_lookup_connection_value(con, MHD_HEADER_KIND, "Content-Type");
    int is_json = ct && strstr(ct, "json") != NULL;
    if (sb_form_parse(&form, c ? c->body : NULL, c ? c->len : 0, is_json) != 0) {
        reply_const(&rp, 400, "application/json",
                    "{\"error\":\"invalid_request\",\"error_description\":\"Unreadable "
                    "request body.\"}");
        return send_reply(con, &rp, NULL);
    }
    arg_ctx ac = {.con = con, .form = &form};
    sb_args args = {get_arg, &ac};
    if (strcmp(url, "/oauth2/authorize") == 0)
        sb_oauth_authorize(&args, &rp);
    else if (strcmp(url, "/oauth2/authorize/approve") == 0)
        sb_oauth_decide(&args, 1, &rp);
    else if (strcmp(url, "/oauth2/authorize/deny") == 0)
        sb_oauth_decide(&args, 0, &rp);
    else if (strcmp(url, "/oauth2/token") == 0 && strcmp(method, "POST") == 0)
        sb_oauth_token(&args, &rp);
    else
        reply_const(&rp, 404, "text/plain", "not found");
    sb_form_free(&form);
    return send_reply(con, &rp, NULL);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *con, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_size, void **con_cls)
{
    struct sb_server *s = cls;
    conn_ctx *c = *con_cls;
    (void)version;
    if (c && !c->started) {
        c->started = 1;
        return MHD_YES; /* headers only; the body (if any) follows */
    }
    if (*upload_size > 0) {
        if (c && !c->too_big && c->len + *upload_size <= MAX_BODY) {
            char *b = realloc(c->body, c->len + *upload_size + 1);
            if (b) {
                memcpy(b + c->len, upload_data, *upload_size);
                c->len += *upload_size;
                b[c->len] = '\0';
                c->body = b;
            } else {
                c->too_big = 1;
            }
        } else if (c) {
            c->too_big = 1;
        }
        *upload_size = 0;
        return MHD_YES;
    }
    if (strncmp(url, "/stores/", 8) == 0)
        return handle_api(s, con, c, url, method);
    if (strncmp(url, "/__sandbox/", 11) == 0)
        return handle_control(con, c, url, method);
    return handle_oauth(con, c, url, method);
}

struct sb_server *sb_server_start(const sb_store *st, const sb_config *cfg)
{
    struct sb_server *s = calloc(1, sizeof *s);
    struct sockaddr_in addr = {0};
    if (!s)
        return NULL;
    s->store = st;
    s->cfg = cfg;
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)cfg->port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    s->mhd = MHD_start_daemon(
        MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD, 0, NULL, NULL, on_request,
        s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr, MHD_OPTION_URI_LOG_CALLBACK, uri_log,
        NULL, MHD_OPTION_NOTIFY_COMPLETED, completed, NULL, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned)CONN_TIMEOUT_S, MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
        MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)256, MHD_OPTION_END);
    if (!s->mhd) {
        free(s);
        return NULL;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->mhd, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? (int)info->port : cfg->port;
    return s;
}

int sb_server_port(const struct sb_server *s)
{
    return s->port;
}

void sb_server_stop(struct sb_server *s)
{
    if (!s)
        return;
    atomic_store(&stopping, true);
    MHD_stop_daemon(s->mhd);
    free(s);
}
