/*
 * bc_api lifetime, configuration, URL building.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "api_internal.h"

static char *trimmed_base(const char *base)
{
    size_t n;

    if (base == NULL || *base == '\0')
        base = BC_DEFAULT_API_BASE_URL;
    n = strlen(base);
    while (n > 0 && base[n - 1] == '/')
        n--;
    return bc_strndup(base, n);
}

bc_api *bc_api_new(const bc_api_config *cfg, bc_error *err)
{
    bc_api *a = calloc(1, sizeof *a);

    if (a == NULL)
        goto oom;
    a->base_url = trimmed_base(cfg->base_url);
    if (a->base_url == NULL)
        goto oom;
    if (cfg->store_hash != NULL && *cfg->store_hash != '\0' &&
        (a->store_hash = bc_strdup(cfg->store_hash)) == NULL)
        goto oom;
    if (bc_api_set_token(a, cfg->access_token) != 0)
        goto oom;
    a->page_size = cfg->page_size > 0 ? cfg->page_size : BC_DEFAULT_PAGE_SIZE;
    a->cancel_flag = cfg->http.cancel_flag;
    a->http = bc_http_new(&cfg->http);
    a->rl = bc_ratelimit_get(a->base_url, a->store_hash);
    if (a->http == NULL || a->rl == NULL)
        goto oom;
    return a;
oom:
    bc_api_free(a);
    bc_error_set(err, "HY001", 0, "Out of memory while setting up the BigCommerce client.");
    return NULL;
}

void bc_api_free(bc_api *a)
{
    if (a == NULL)
        return;
    bc_api_cache_end(a);
    bc_api_requests_free(a);
    bc_http_free(a->http);
    free(a->base_url);
    free(a->store_hash);
    free(a->token);
    free(a);
}

int bc_api_set_token(bc_api *a, const char *token)
{
    char *copy = NULL;

    if (token != NULL && *token != '\0') {
        copy = bc_strdup(token);
        if (copy == NULL)
            return -1;
        bc_log_secret(copy);
    }
    free(a->token);
    a->token = copy;
    return 0;
}

bool bc_api_has_token(const bc_api *a)
{
    return a != NULL && a->token != NULL;
}

long bc_api_request_count(const bc_api *a)
{
    return a ? a->requests : 0;
}

int bc_api_check_ready(const bc_api *a, bc_error *err)
{
    if (a->store_hash == NULL)
        return bc_error_set(err, "08001", 0,
                            "No store given: set StoreId to the store hash (the part after "
                            "/stores/ in the API path).");
    if (a->token == NULL)
        return bc_error_set(err, "28000", 0,
                            "No access token: set OAuthAccessToken, or OAuthClientId/"
                            "OAuthClientSecret/CallbackURL with InitiateOAuth=GETANDREFRESH.");
    return 0;
}

char *bc_api_build_url(const char *base_url, const char *store_hash, const char *path_query)
{
    char *hash = bc_http_escape(store_hash ? store_hash : "");
    char *url;

    if (hash == NULL)
        return NULL;
    if (path_query == NULL)
        path_query = "";
    url = bc_sprintf("%s/stores/%s%s%s", base_url, hash, *path_query == '/' ? "" : "/", path_query);
    free(hash);
    return url;
}

char *bc_api_join_query(const char *path, const char *query)
{
    if (query == NULL || *query == '\0')
        return bc_strdup(path);
    if (*query == '?' || *query == '&')
        query++;
    return bc_sprintf("%s%c%s", path, strchr(path, '?') ? '&' : '?', query);
}

bool bc_api_is_child_path(const char *path)
{
    const char *p = path;
    const char *end = path + strcspn(path, "?");

    while (p < end) {
        const char *seg = p + (*p == '/');
        size_t n = strcspn(seg, "/?");
        bool numeric = n > 0;
        for (size_t i = 0; i < n; i++)
            numeric = numeric && seg[i] >= '0' && seg[i] <= '9';
        if (numeric && seg + n < end && seg[n] == '/')
            return true;
        p = seg + n;
        if (p == seg)
            break;
    }
    return false;
}

void bc_api_redact(const bc_api *a, bc_error *err)
{
    char *from, *hit;
    size_t tn;

    if (a == NULL || a->token == NULL || !bc_error_is_set(err))
        return;
    tn = strlen(a->token);
    from = err->message;
    while ((hit = strstr(from, a->token)) != NULL) {
        if (tn >= 4) {
            /* Shrinks the message: the 4 stars fit where the token was. */
            memcpy(hit, "****", 4);
            memmove(hit + 4, hit + tn, strlen(hit + tn) + 1);
            from = hit + 4;
        } else {
            memset(hit, '*', tn);
            from = hit + tn;
        }
    }
}
