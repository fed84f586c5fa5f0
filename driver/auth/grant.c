/*
 * The two OAuth steps the stored procedures expose: building the authorization URL a web
 * application sends its user to, and turning a code (or, with no code, the desktop flow)
 * into a token that is kept in the token store for later connections.
 */
#include <stdlib.h>
#include "auth_internal.h"
#include "bc_defaults.h"
#include "bc_util.h"

int bc_auth_authorize_url(const bc_props *p, const char *callback_url, const char *scope,
                          const char *state, bool invent_state, char **url_out, bc_error *err)
{
    char random_state[33];

    *url_out = NULL;
    /* A desktop app checks the state itself only when it chose it; give it one anyway so the
     * server echoes something unguessable. */
    if (state == NULL && invent_state) {
        if (bc_oauth_random_state(random_state, err) != 0)
            return -1;
        state = random_state;
    }
    *url_out = bc_oauth_authorize_url(
        p->oauth_server_url ? p->oauth_server_url : BC_DEFAULT_OAUTH_SERVER_URL, p->oauth_client_id,
        callback_url, scope ? scope : p->scope, p->store_id, state);
    if (*url_out == NULL)
        return bc_error_set(err, "HY001", 0, "Out of memory building the authorization URL.");
    return 0;
}

int bc_auth_grant_token(const bc_props *p, const char *code, const char *callback_url,
                        const char *scope, bc_token *out, bc_error *err)
{
    int rc;

    if (bc_oauth_check_app_props(p, false, err) != 0)
        return -1;
    if (code == NULL)
        rc = bc_oauth_desktop_flow(p, callback_url, scope, out, err);
    else
        rc = bc_oauth_exchange_code(p, code, callback_url, scope, out, err);
    if (rc != 0)
        return -1;
    bc_log_secret(out->access_token);
    if (out->refresh_token)
        bc_log_secret(out->refresh_token);
    if (bc_tokenstore_save(p->oauth_settings_location, p->oauth_client_id, p->store_id, out, err) !=
        0) {
        bc_token_free(out);
        return -1;
    }
    return 0;
}
