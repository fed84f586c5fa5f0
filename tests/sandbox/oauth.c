/*
 * The OAuth authorization-code server: /oauth2/authorize (consent page and decision),
 * /oauth2/token (authorization_code and refresh_token grants). Codes are one-time and live
 * CODE_TTL_MS; tokens never expire unless --token-expires-in is given. Secrets and tokens are
 * never logged or echoed in error messages.
 */
#include "sandbox.h"

#include <cjson/cJSON.h>
#include <openssl/rand.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { CODE_TTL_MS = 60000, SECRET_BYTES = 20 };

typedef struct grant {
    char value[2 * SECRET_BYTES + 1]; /* the code or the access token */
    char refresh[2 * SECRET_BYTES + 1];
    char *scope;
    long long expires_ms; /* 0 = never */
    int used;
    struct grant *next;
} grant;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static const sb_config *cfg;
static grant *codes, *tokens; /* guarded by lock */
static long codes_issued, tokens_issued, refreshes;

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int random_hex(char *out)
{
    unsigned char b[SECRET_BYTES];
    if (RAND_bytes(b, sizeof b) != 1)
        return -1;
    for (size_t i = 0; i < sizeof b; i++)
        sprintf(out + 2 * i, "%02x", b[i]);
    return 0;
}

static void free_list(grant *g)
{
    while (g) {
        grant *n = g->next;
        free(g->scope);
        free(g);
        g = n;
    }
}

int sb_oauth_init(const sb_config *c)
{
    cfg = c;
    return 0;
}

void sb_oauth_free(void)
{
    free_list(codes);
    free_list(tokens);
    codes = tokens = NULL;
}

/* Creates a grant at the head of *list (caller holds lock). NULL on failure. */
static grant *grant_new(grant **list, const char *scope, long long ttl_ms)
{
    grant *g = calloc(1, sizeof *g);
    if (!g || !(g->scope = strdup(scope ? scope : "")) || random_hex(g->value) != 0 ||
        random_hex(g->refresh) != 0) {
        if (g)
            free(g->scope);
        free(g);
        return NULL;
    }
    g->expires_ms = ttl_ms > 0 ? now_ms() + ttl_ms : 0;
    g->next = *list;
    *list = g;
    return g;
}

static grant *grant_find(grant *list, const char *value, int by_refresh)
{
    for (; value && list; list = list->next)
        if (strcmp(by_refresh ? list->refresh : list->value, value) == 0)
            return list;
    return NULL;
}

int sb_oauth_token_valid(const char *token)
{
    pthread_mutex_lock(&lock);
    grant *g = grant_find(tokens, token, 0);
    int ok = g && !g->used && (g->expires_ms == 0 || now_ms() < g->expires_ms);
    pthread_mutex_unlock(&lock);
    return ok;
}

static const char *arg(const sb_args *a, const char *k)
{
    return a->get(a->ctx, k);
}

static int str_eq(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

static void html_reply(sb_reply *rp, unsigned status, char *page)
{
    sb_reply_set(rp, status, "text/html; charset=utf-8", page, page ? strlen(page) : 0);
}

/* Checks the client and redirect URI; on failure fills rp with the 400 page. */
static int check_client(const sb_args *a, sb_reply *rp)
{
    const char *why = NULL;
    if (!str_eq(arg(a, "client_id"), cfg->client_id))
        why = "Unknown client_id: no app is registered with this client id.";
    else if (!str_eq(arg(a, "redirect_uri"), cfg->redirect_uri))
        why = "The redirect_uri does not match the app's registered callback URL.";
    if (why)
        html_reply(rp, 400, sb_oauth_error_html(why));
    return why ? -1 : 0;
}

void sb_oauth_authorize(const sb_args *a, sb_reply *rp)
{
    if (check_client(a, rp) != 0)
        return;
    if (!str_eq(arg(a, "response_type"), "code")) {
        html_reply(rp, 400, sb_oauth_error_html("response_type must be \"code\"."));
        return;
    }
    html_reply(rp, 200, sb_oauth_consent_html(cfg, a));
}

/* Builds redirect_uri?k=v&... from pairs (NULL values skipped); caller frees. */
static char *redirect_url(const char *base, const char *const *kv, size_t n)
{
    size_t cap = strlen(base) + 2, len;
    for (size_t i = 0; i < n; i += 2)
        cap += strlen(kv[i]) + (kv[i + 1] ? strlen(kv[i + 1]) * 3 : 0) + 2;
    char *url = malloc(cap);
    if (!url)
        return NULL;
    len = (size_t)snprintf(url, cap, "%s", base);
    char sep = strchr(base, '?') ? '&' : '?';
    for (size_t i = 0; i < n; i += 2) {
        char *v = kv[i + 1] ? sb_url_encode(kv[i + 1]) : NULL;
        if (kv[i + 1] && !v) {
            free(url);
            return NULL;
        }
        if (v)
            len += (size_t)snprintf(url + len, cap - len, "%c%s=%s", sep, kv[i], v);
        sep = '&';
        free(v);
    }
    return url;
}

void sb_oauth_decide(const sb_args *a, int approve, sb_reply *rp)
{
    char code[2 * SECRET_BYTES + 1] = "", context[160];
    if (check_client(a, rp) != 0)
        return;
    snprintf(context, sizeof context, "stores/%s", cfg->store_hash);
    if (approve) {
        pthread_mutex_lock(&lock);
        grant *g = grant_new(&codes, arg(a, "scope"), CODE_TTL_MS);
        if (g) {
            memcpy(code, g->value, sizeof code);
            codes_issued++;
        }
        pthread_mutex_unlock(&lock);
        if (!g) {
            html_reply(rp, 500, sb_oauth_error_html("Out of memory."));
            return;
        }
    }
    const char *ok[] = {"code",    code,    "scope", arg(a, "scope"),
                        "context", context, "state", arg(a, "state")};
    const char *no[] = {
        "error", "access_denied", "error_description", "The user denied access to the app.",
        "state", arg(a, "state")};
    rp->location =
        approve ? redirect_url(cfg->redirect_uri, ok, 8) : redirect_url(cfg->redirect_uri, no, 6);
    html_reply(rp, rp->location ? 302 : 500, sb_oauth_error_html("Redirecting."));
}

static void oauth_error(sb_reply *rp, unsigned status, const char *err, const char *desc)
{
    cJSON *o = cJSON_CreateObject();
    sb_add_str(o, "error", err);
    sb_add_str(o, "error_description", desc);
    sb_reply_json(rp, status, sb_json_failed() ? (cJSON_Delete(o), NULL) : o);
}

/* Success body; caller holds lock. */
static cJSON *token_body(const grant *t)
{
    char context[160];
    snprintf(context, sizeof context, "stores/%s", cfg->store_hash);
    cJSON *o = cJSON_CreateObject();
    sb_add_str(o, "access_token", t->value);
    sb_add_str(o, "scope", t->scope);
    cJSON *user = sb_add_obj(o, "user");
    sb_add_num(user, "id", 24654);
    sb_add_str(user, "username", "merchant@example.com");
    sb_add_str(user, "email", "merchant@example.com");
    cJSON *owner = sb_add_obj(o, "owner");
    sb_add_num(owner, "id", 24654);
    sb_add_str(owner, "username", "merchant@example.com");
    sb_add_str(owner, "email", "merchant@example.com");
    sb_add_str(o, "context", context);
    sb_add_str(o, "account_uuid", "c7a7a4a8-1b3c-4e1f-9f5a-5a1d0c2b7e61");
    if (cfg->token_expires_in > 0) {
        sb_add_num(o, "expires_in", (double)cfg->token_expires_in);
        sb_add_str(o, "refresh_token", t->refresh);
    }
    if (sb_json_failed()) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* Issues a token for scope and answers with it; caller holds lock. */
static void issue(sb_reply *rp, const char *scope)
{
    grant *t = grant_new(&tokens, scope, cfg->token_expires_in * 1000);
    if (!t) {
        oauth_error(rp, 500, "server_error", "Out of memory.");
        return;
    }
    tokens_issued++;
    sb_reply_json(rp, 200, token_body(t));
}

static void grant_code(const sb_args *a, sb_reply *rp)
{
    grant *c = grant_find(codes, arg(a, "code"), 0);
    if (!c || c->used || now_ms() >= c->expires_ms)
        oauth_error(rp, 400, "invalid_grant", "The code is unknown, expired or already used.");
    else if (!str_eq(arg(a, "redirect_uri"), cfg->redirect_uri))
        oauth_error(rp, 400, "invalid_grant", "redirect_uri does not match the authorization.");
    else {
        c->used = 1;
        issue(rp, c->scope);
    }
}

static void grant_refresh(const sb_args *a, sb_reply *rp)
{
    grant *old = grant_find(tokens, arg(a, "refresh_token"), 1);
    if (!old || cfg->token_expires_in <= 0 || old->refresh[0] == '\0') {
        oauth_error(rp, 400, "invalid_grant", "The refresh token is unknown or revoked.");
        return;
    }
    char *scope = strdup(old->scope);
    if (!scope) {
        oauth_error(rp, 500, "server_error", "Out of memory.");
        return;
    }
    /* a refresh token works once; the old access token stops working too */
    old->used = 1;
    old->refresh[0] = '\0';
    refreshes++;
    issue(rp, scope);
    free(scope);
}

void sb_oauth_token(const sb_args *a, sb_reply *rp)
{
    const char *gt = arg(a, "grant_type");
    if (!str_eq(arg(a, "client_id"), cfg->client_id)) {
        oauth_error(rp, 401, "invalid_client", "Unknown client_id.");
        return;
    }
    if (!str_eq(arg(a, "client_secret"), cfg->client_secret)) {
        oauth_error(rp, 400, "invalid_grant", "The client secret is wrong.");
        return;
    }
    pthread_mutex_lock(&lock);
    if (str_eq(gt, "authorization_code"))
        grant_code(a, rp);
    else if (str_eq(gt, "refresh_token"))
        grant_refresh(a, rp);
    else
        oauth_error(rp, 400, "unsupported_grant_type",
                    "grant_type must be authorization_code or refresh_token.");
    pthread_mutex_unlock(&lock);
}

void sb_oauth_stats(sb_reply *rp)
{
    cJSON *o = cJSON_CreateObject();
    pthread_mutex_lock(&lock);
    sb_add_num(o, "codes_issued", (double)codes_issued);
    sb_add_num(o, "tokens_issued", (double)tokens_issued);
    sb_add_num(o, "refreshes", (double)refreshes);
    pthread_mutex_unlock(&lock);
    sb_reply_json(rp, 200, sb_json_failed() ? (cJSON_Delete(o), NULL) : o);
}
