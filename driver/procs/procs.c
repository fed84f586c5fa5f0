/*
 * The stored procedures of the web flow (README, Signing in), as data: read by the parser
 * (procs_parse.c), the executor (procs_exec.c), SQLProcedures/SQLProcedureColumns and
 * sys_procedures. Inputs are listed in the order positional calls ({call p(?, ?)}) use.
 */
#include <stddef.h>
#include <strings.h>
#include "bc_procs.h"

static const bc_proc_param_def auth_url_inputs[] = {
    {"AuthMode", BC_COL_VARCHAR, false,
     "APP (a desktop application: the driver's own loopback CallbackURL) or WEB (a web "
     "application handles the redirect). Default WEB."},
    {"CallbackURL", BC_COL_VARCHAR, false,
     "The redirect URL registered for the app. Default: the CallbackURL property."},
    {"Scope", BC_COL_VARCHAR, false,
     "Space-separated OAuth scopes to request. Default: the Scope property."},
    {"State", BC_COL_VARCHAR, false,
     "A value returned unchanged on the redirect, to tie it to this request. Default: a "
     "random value."},
};

static const bc_proc_param_def auth_url_outputs[] = {
    {"URL", BC_COL_VARCHAR, true, "The authorization URL to open in the user's browser."},
};

static const bc_proc_param_def access_token_inputs[] = {
    {"AuthMode", BC_COL_VARCHAR, false,
     "APP (without Verifier the driver runs the browser sign-in itself) or WEB. Default WEB."},
    {"Verifier", BC_COL_VARCHAR, false,
     "The code parameter of the redirect to CallbackURL. Required for AuthMode WEB."},
    {"CallbackURL", BC_COL_VARCHAR, false,
     "The redirect URL used to get the code. Default: the CallbackURL property."},
    {"Scope", BC_COL_VARCHAR, false, "The scopes requested. Default: the Scope property."},
    {"State", BC_COL_VARCHAR, false,
     "The state sent with the authorization URL (accepted for compatibility; the web "
     "application checks it on the redirect)."},
};

static const bc_proc_param_def access_token_outputs[] = {
    {"OAuthAccessToken", BC_COL_VARCHAR, true, "The access token (X-Auth-Token)."},
    {"OAuthRefreshToken", BC_COL_VARCHAR, false, "The refresh token, when the server issues one."},
    {"ExpiresIn", BC_COL_INTEGER, false,
     "Seconds until the access token expires; NULL when it does not expire."},
    {"StoreId", BC_COL_VARCHAR, false, "The store hash the token is for."},
    {"Scope", BC_COL_VARCHAR, false, "The scopes granted."},
};

static const bc_proc_def get_auth_url = {
    "GetOAuthAuthorizationURL",
    auth_url_inputs,
    (int)(sizeof auth_url_inputs / sizeof auth_url_inputs[0]),
    auth_url_outputs,
    (int)(sizeof auth_url_outputs / sizeof auth_url_outputs[0]),
    "Gets the authorization URL of the OAuth sign-in for OAuthClientId and StoreId. Open it "
    "in a browser; the redirect to CallbackURL carries the code for GetOAuthAccessToken.",
};

static const bc_proc_def get_access_token = {
    "GetOAuthAccessToken",
    access_token_inputs,
    (int)(sizeof access_token_inputs / sizeof access_token_inputs[0]),
    access_token_outputs,
    (int)(sizeof access_token_outputs / sizeof access_token_outputs[0]),
    "Exchanges the code of the OAuth redirect (Verifier) for an access token, and saves it "
    "to OAuthSettingsLocation.",
};

const bc_proc_def *const bc_procedures[] = {&get_auth_url, &get_access_token};
const int bc_procedure_count = (int)(sizeof bc_procedures / sizeof bc_procedures[0]);

const bc_proc_def *bc_proc_find(const char *name)
{
    if (name == NULL)
        return NULL;
    for (int i = 0; i < bc_procedure_count; i++)
        if (strcasecmp(bc_procedures[i]->name, name) == 0)
            return bc_procedures[i];
    return NULL;
}
