/*
 * bc_auth_resolve_token and bc_auth_token_rejected: which access token a connection uses,
 * per InitiateOAuth (README, Signing in). Stored tokens are keyed by OAuthClientId and
 * StoreId in OAuthSettingsLocation.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "auth_internal.h"
#include "bc_util.h"

static const char *location_name(const bc_props *p)
{
    return p->oauth_settings_location ? p->oauth_settings_location : "the default settings file";
}

/* Hand the access token to the caller and forget the rest. */
static int take_access(bc_token *t, char **token_out, bc_error *err)
{
    *token_out = t->access_token;
    t->access_token = NULL;
    bc_log_secret(*token_out);
    if (t->refresh_token)
        bc_log_secret(t->refresh_token);
    bc_token_free(t);
    if (*token_out == NULL)
        return bc_error_set(err, "HY001", 0, "Out of memory handling the OAuth token.");
    return 0;
}

static int save_and_take(const bc_props *p, bc_token *t, char **token_out, bc_error *err)
{
    if (bc_tokenstore_save(p->oauth_settings_location, p->oauth_client_id, p->store_id, t, err) !=
        0) {
        bc_token_free(t);
        return -1;
    }
    return take_access(t, token_out, err);
}

/* A stored token that can be used as is or after a refresh: 1 with *token_out, 0 when there
 * is none (or it could not be refreshed and may be replaced), -1 on a hard error. */
static int use_stored(const bc_props *p, char **token_out, bc_error *err)
{
    bc_token t, fresh;
    bc_error rerr;
    int rc =
        bc_tokenstore_load(p->oauth_settings_location, p->oauth_client_id, p->store_id, &t, err);

    if (rc <= 0)
        return rc;
    if (!bc_token_expired(&t, (long long)time(NULL))) {
        bc_log(2, "OAuth: using the stored token for store %s", p->store_id);
        return take_access(&t, token_out, err) == 0 ? 1 : -1;
    }
    bc_error_clear(&rerr);
    rc = t.refresh_token ? bc_oauth_refresh(p, t.refresh_token, &fresh, &rerr) : -1;
    bc_token_free(&t);
    if (rc == 0) {
        bc_log(2, "OAuth: refreshed the expired token for store %s", p->store_id);
        return save_and_take(p, &fresh, token_out, err) == 0 ? 1 : -1;
    }
    if (p->initiate_oauth == BC_OAUTH_REFRESH)
        return bc_error_set(err, "28000", rerr.native,
                            "The stored OAuth token for store %s has expired and could not be "
                            "refreshed%s%s. InitiateOAuth=REFRESH never opens a browser: "
                            "connect once with InitiateOAuth=GETANDREFRESH to sign in again.",
                            p->store_id, bc_error_is_set(&rerr) ? ": " : "",
                            bc_error_is_set(&rerr) ? rerr.message : " (no refresh token)");
    return 0;
}

static int verifier_flow(const bc_props *p, char **token_out, bc_error *err)
{
    bc_token t;
    int rc;

    if (bc_oauth_check_app_props(p, false, err) != 0)
        return -1;
    /* The code is single-use: once exchanged, later connections with the same connection
     * string must reuse the stored token instead of spending the code again. */
    rc = use_stored(p, token_out, err);
    if (rc != 0)
        return rc < 0 ? -1 : 0;
    if (bc_oauth_exchange_code(p, p->oauth_verifier, p->callback_url, p->scope, &t, err) != 0)
        return -1;
    return save_and_take(p, &t, token_out, err);
}

static int no_stored_refresh_only(const bc_props *p, bc_error *err)
{
    return bc_error_set(err, "28000", 0,
                        "No OAuth token is stored for this app and store %s in %s, and "
                        "InitiateOAuth=REFRESH never opens a browser. Connect once with "
                        "InitiateOAuth=GETANDREFRESH (or with OAuthVerifier), or give "
                        "OAuthAccessToken.",
                        p->store_id, location_name(p));
}

static int interactive(const bc_props *p, char **token_out, bc_error *err)
{
    bc_token t;

    if (bc_oauth_check_app_props(p, true, err) != 0)
        return -1;
    bc_log(2, "OAuth: starting the browser sign-in for store %s", p->store_id);
    if (bc_oauth_desktop_flow(p, NULL, NULL, &t, err) != 0)
        return -1;
    return save_and_take(p, &t, token_out, err);
}

int bc_auth_resolve_token(const bc_props *p, char **token_out, bc_error *err)
{
    int rc;

    *token_out = NULL;
    if (p->oauth_verifier != NULL && p->oauth_verifier[0] != '\0')
        return verifier_flow(p, token_out, err);
    if (p->initiate_oauth == BC_OAUTH_OFF) {
        if (p->oauth_access_token == NULL)
            return 0;
        *token_out = strdup(p->oauth_access_token);
        return *token_out ? 0 : bc_error_set(err, "HY001", 0, "Out of memory.");
    }
    if (p->oauth_client_id == NULL || p->store_id == NULL)
        return bc_oauth_check_app_props(p, false, err);
    rc = use_stored(p, token_out, err);
    if (rc != 0)
        return rc < 0 ? -1 : 0;
    if (p->oauth_access_token != NULL) {
        *token_out = strdup(p->oauth_access_token);
        return *token_out ? 0 : bc_error_set(err, "HY001", 0, "Out of memory.");
    }
    if (p->initiate_oauth == BC_OAUTH_REFRESH)
        return no_stored_refresh_only(p, err);
    return interactive(p, token_out, err);
}

int bc_auth_token_rejected(const bc_props *p, char **token_out, bc_error *err)
{
    bc_token t, fresh;
    bc_error ignored;
    int rc;

    *token_out = NULL;
    if (p->initiate_oauth == BC_OAUTH_OFF &&
        (p->oauth_verifier == NULL || p->oauth_verifier[0] == '\0'))
        return bc_error_set(err, "28000", 401,
                            "BigCommerce rejected the access token. Check OAuthAccessToken "
                            "and StoreId, or sign in with InitiateOAuth=GETANDREFRESH.");
    bc_error_clear(&ignored);
    rc = bc_tokenstore_load(p->oauth_settings_location, p->oauth_client_id, p->store_id, &t,
                            &ignored);
    if (rc == 1 && t.refresh_token != NULL &&
        bc_oauth_refresh(p, t.refresh_token, &fresh, &ignored) == 0) {
        bc_token_free(&t);
        return save_and_take(p, &fresh, token_out, err);
    }
    if (rc == 1)
        bc_token_free(&t);
    if (bc_tokenstore_remove(p->oauth_settings_location, p->oauth_client_id, p->store_id, err) != 0)
        return -1;
    if (p->initiate_oauth != BC_OAUTH_GETANDREFRESH)
        return bc_error_set(err, "28000", 401,
                            "BigCommerce rejected the stored OAuth token for store %s and it "
                            "could not be refreshed; it was removed from %s. Connect with "
                            "InitiateOAuth=GETANDREFRESH to sign in again.",
                            p->store_id ? p->store_id : "", location_name(p));
    return interactive(p, token_out, err);
}
