/*
 * OAuth (README, Signing in): the desktop flow (browser + loopback listener), the headless flow
 * (OAuthVerifier), refresh, and the token store (OAuthSettingsLocation: a 0600 file written
 * atomically, or memory://NAME).
 */
#ifndef BC_AUTH_H
#define BC_AUTH_H

#include <stdbool.h>
#include "bc_error.h"
#include "bc_props.h"

typedef struct bc_token {
    char *access_token;
    char *refresh_token; /* may be NULL */
    char *scope;
    char *context;        /* "stores/{hash}" */
    long long expires_at; /* unix seconds, 0 = never */
} bc_token;

void bc_token_free(bc_token *t);

/* Decide the access token for a connection from its properties, per InitiateOAuth:
 * OFF -> OAuthAccessToken as given (may be NULL: connect without a token);
 * with OAuthVerifier -> exchange it and store the token;
 * GETANDREFRESH -> stored token, refreshed when expired, else the browser flow;
 * REFRESH -> stored token, refreshed when expired, never a browser.
 * On success *token_out is malloc'd (or NULL when no token is to be used).
 * Errors: 28000 (rejected, denied, state mismatch), 08001 (no browser, busy port, time-out,
 * unreachable server), with a message saying what to do. */
int bc_auth_resolve_token(const bc_props *p, char **token_out, bc_error *err);

/* Called when the API rejected a token obtained through OAuth (401): forget it in the store
 * and run the flow again (GETANDREFRESH) or fail (REFRESH). */
int bc_auth_token_rejected(const bc_props *p, char **token_out, bc_error *err);

/* The URL of the store's consent page for the app in p (OAuthClientId, StoreId,
 * OAuthServerURL). scope NULL means the Scope property; state NULL with invent_state gives a
 * random one. *url_out is malloc'd. 0, or -1 with err set. */
int bc_auth_authorize_url(const bc_props *p, const char *callback_url, const char *scope,
                          const char *state, bool invent_state, char **url_out, bc_error *err);

/* Exchange code for a token, or run the desktop flow when code is NULL, and save the token in
 * the store (OAuthSettingsLocation). On success *out is filled (free it with bc_token_free)
 * and its secrets are masked in the log. Errors as for bc_auth_resolve_token. */
int bc_auth_grant_token(const bc_props *p, const char *code, const char *callback_url,
                        const char *scope, bc_token *out, bc_error *err);

#endif
