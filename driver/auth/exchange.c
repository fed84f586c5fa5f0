/*
 * The token endpoint: POST {OAuthServerURL}/oauth2/token with a form body, for a code
 * (grant_type=authorization_code) or a refresh token (grant_type=refresh_token), through
 * bc_http. BigCommerce answers {access_token, scope, user, owner, context, account_uuid}
 * and, from servers that expire tokens, expires_in and refresh_token.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cjson/cJSON.h>
#include "bc_defaults.h"
#include "bc_http.h"
#include "auth_internal.h"
#include "bc_util.h"

static char *json_str(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

    return cJSON_IsString(v) && v->valuestring ? strdup(v->valuestring) : NULL;
}

static int oauth_error(long status, const cJSON *root, bc_error *err)
{
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(root, "error");
    const cJSON *d = cJSON_GetObjectItemCaseSensitive(root, "error_description");
    const char *code = cJSON_IsString(e) ? e->valuestring : NULL;
    const char *desc = cJSON_IsString(d) ? d->valuestring : NULL;

    if (code != NULL && strcmp(code, "invalid_grant") == 0)
        return bc_error_set(err, "28000", status,
                            "The authorization server rejected the code or refresh token "
                            "(invalid_grant%s%s). Codes are single-use and expire within "
                            "minutes: sign in again to get a new one.",
                            desc ? ": " : "", desc ? desc : "");
    if (code != NULL)
        return bc_error_set(err, "28000", status,
                            "The authorization server refused the token request (%s%s%s). "
                            "Check OAuthClientId, OAuthClientSecret and CallbackURL.",
                            code, desc ? ": " : "", desc ? desc : "");
    return bc_error_set(err, "28000", status,
                        "The authorization server refused the token request with HTTP %ld. "
                        "Check OAuthServerURL, OAuthClientId and OAuthClientSecret.",
                        status);
}

int bc_oauth_parse_token_response(long status, const char *body, long long now, bc_token *out,
                                  bc_error *err)
{
    cJSON *root = body ? cJSON_Parse(body) : NULL;
    const cJSON *exp;
    int rc = 0;

    memset(out, 0, sizeof *out);
    if (!cJSON_IsObject(root)) {
        cJSON_Delete(root);
        if (status >= 200 && status < 300)
            return bc_error_set(err, "08S01", status,
                                "The authorization server's token response is not JSON. "
                                "Check OAuthServerURL.");
        return bc_error_set(err, "28000", status,
                            "The authorization server refused the token request with HTTP "
                            "%ld. Check OAuthServerURL, OAuthClientId and OAuthClientSecret.",
                            status);
    }
    if (status < 200 || status >= 300 || cJSON_GetObjectItem(root, "error") != NULL) {
        rc = oauth_error(status, root, err);
        cJSON_Delete(root);
        return rc;
    }
    out->access_token = json_str(root, "access_token");
    out->refresh_token = json_str(root, "refresh_token");
    out->scope = json_str(root, "scope");
    out->context = json_str(root, "context");
    exp = cJSON_GetObjectItemCaseSensitive(root, "expires_in");
    /* A lifetime too long to add to now is no expiry at all (expires_at 0). */
    if (cJSON_IsNumber(exp) && exp->valuedouble > 0 &&
        bc_double_to_ll(exp->valuedouble) < 9223372036854775807LL - now)
        out->expires_at = now + bc_double_to_ll(exp->valuedouble);
    if (out->access_token == NULL || out->access_token[0] == '\0')
        rc = bc_error_set(err, "28000", status,
                          "The authorization server's answer has no access_token. Check "
                          "OAuthServerURL.");
    cJSON_Delete(root);
    if (rc != 0)
        bc_token_free(out);
    return rc;
}

/* "k=v&k=v" of the pairs (NULL values skipped). Caller frees; NULL on OOM. */
static char *form_body(const char *const *kv, int npairs)
{
    size_t cap = 1, len = 0;
    char *body;

    for (int i = 0; i < npairs; i++)
        if (kv[2 * i + 1])
            cap += strlen(kv[2 * i]) + 3 * strlen(kv[2 * i + 1]) + 2;
    body = malloc(cap);
    if (body == NULL)
        return NULL;
    body[0] = '\0';
    for (int i = 0; i < npairs; i++) {
        char *enc;
        if (kv[2 * i + 1] == NULL)
            continue;
        enc = bc_oauth_pct_encode(kv[2 * i + 1]);
        if (enc == NULL) {
            free(body);
            return NULL;
        }
        len += (size_t)snprintf(body + len, cap - len, "%s%s=%s", len ? "&" : "", kv[2 * i], enc);
        free(enc);
    }
    return body;
}

static char *token_url(const char *server)
{
    const char *base = server ? server : BC_DEFAULT_OAUTH_SERVER_URL;
    size_t n = strlen(base);
    char *url;

    while (n > 0 && base[n - 1] == '/')
        n--;
    url = malloc(n + sizeof "/oauth2/token");
    if (url != NULL)
        sprintf(url, "%.*s/oauth2/token", (int)n, base);
    return url;
}

static int post_token(const bc_props *p, const char *body, bc_token *out, bc_error *err)
{
    static const bc_http_header headers[] = {{"Content-Type", "application/x-www-form-urlencoded"},
                                             {"Accept", "application/json"},
                                             {NULL, NULL}};
    bc_http_config cfg = {.timeout_s = p->timeout,
                          .connect_timeout_s = BC_DEFAULT_CONNECT_TIMEOUT_S,
                          .ca_file = p->ssl_server_cert,
                          .proxy = p->proxy_server,
                          .proxy_port = p->proxy_port,
                          .proxy_user = p->proxy_user,
                          .proxy_password = p->proxy_password};
    bc_http_response resp = {0};
    char *url = token_url(p->oauth_server_url);
    bc_http *h = url ? bc_http_new(&cfg) : NULL;
    bc_http_request req = {"POST", url, headers, body, strlen(body)};
    int rc;

    if (h == NULL) {
        free(url);
        return bc_error_set(err, "HY001", 0, "Out of memory preparing the token request.");
    }
    rc = bc_http_perform(h, &req, &resp, err);
    if (rc == 0) {
        rc = bc_oauth_parse_token_response(resp.status, resp.body, (long long)time(NULL), out, err);
        bc_http_response_free(&resp);
    }
    bc_http_free(h);
    free(url);
    return rc;
}

static char *store_context(const bc_props *p)
{
    char *ctx;

    if (p->store_id == NULL)
        return NULL;
    ctx = malloc(strlen(p->store_id) + 8);
    if (ctx != NULL)
        sprintf(ctx, "stores/%s", p->store_id);
    return ctx;
}

int bc_oauth_exchange_code(const bc_props *p, const char *code, const char *redirect_uri,
                           const char *scope, bc_token *out, bc_error *err)
{
    char *context = store_context(p);
    const char *kv[] = {"client_id",     p->oauth_client_id,
                        "client_secret", p->oauth_client_secret,
                        "code",          code,
                        "scope",         scope,
                        "grant_type",    "authorization_code",
                        "redirect_uri",  redirect_uri,
                        "context",       context};
    char *body = form_body(kv, 7);
    int rc;

    if (body == NULL || (p->store_id && context == NULL)) {
        free(body);
        free(context);
        return bc_error_set(err, "HY001", 0, "Out of memory preparing the token request.");
    }
    rc = post_token(p, body, out, err);
    free(body);
    free(context);
    return rc;
}

int bc_oauth_refresh(const bc_props *p, const char *refresh_token, bc_token *out, bc_error *err)
{
    const char *kv[] = {
        "client_id",     p->oauth_client_id, "client_secret", p->oauth_client_secret,
        "refresh_token", refresh_token,      "grant_type",    "refresh_token"};
    char *body = form_body(kv, 4);
    int rc;

    if (body == NULL)
        return bc_error_set(err, "HY001", 0, "Out of memory preparing the refresh request.");
    rc = post_token(p, body, out, err);
    free(body);
    if (rc == 0 && out->refresh_token == NULL &&
        (out->refresh_token = strdup(refresh_token)) == NULL) {
        bc_token_free(out);
        return bc_error_set(err, "HY001", 0, "Out of memory after the refresh request.");
    }
    return rc;
}
