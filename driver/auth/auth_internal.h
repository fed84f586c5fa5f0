/*
 * Internal interface of the OAuth module (driver/auth/). bc_auth.h is what the rest
 * of the driver calls; this header splits the work between the files of auth/ and lets the
 * unit tests reach each piece on its own.
 *
 * Ownership: every char * returned by a function here is malloc'd and freed by the caller;
 * bc_token fields are owned by the token (bc_token_free).
 */
#ifndef BC_AUTH_INTERNAL_H
#define BC_AUTH_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include "bc_auth.h"
#include "bc_error.h"
#include "bc_props.h"

/* ---- url.c ---- */

/* Percent-encode s for a query value or a form body (RFC 3986 unreserved kept). NULL on OOM. */
char *bc_oauth_pct_encode(const char *s);
/* Decode %XX and '+' (form encoding) in place. */
void bc_oauth_pct_decode(char *s);
/* 32 hex characters from 16 bytes of RAND_bytes. Returns 0, or -1 with err (HY000). */
int bc_oauth_random_state(char out[33], bc_error *err);
/* {server}/oauth2/authorize?client_id&redirect_uri&response_type=code&scope&context&state.
 * scope and state may be NULL (left out). NULL on OOM. */
char *bc_oauth_authorize_url(const char *server_url, const char *client_id,
                             const char *redirect_uri, const char *scope, const char *store_id,
                             const char *state);

/* ---- listener.c: the one-shot loopback HTTP server of the desktop flow ---- */

typedef struct bc_oauth_listener {
    int fds[2];
    int nfds;
    int port;
} bc_oauth_listener;

/* What the browser brought back on the redirect (all NULL when absent). */
typedef struct bc_oauth_callback {
    char *code;
    char *state;
    char *error;
    char *error_description;
} bc_oauth_callback;

void bc_oauth_callback_free(bc_oauth_callback *cb);
/* Split "code=..&state=.." into cb (decoded). Returns 0, -1 on OOM. */
int bc_oauth_parse_query(const char *query, bc_oauth_callback *cb);
/* Host and port of a CallbackURL ("http://localhost:33333/cb"). Returns 0 or -1 with err
 * (08001) when the URL is not http://host[:port]. */
int bc_oauth_parse_callback_url(const char *url, char *host, size_t host_cap, int *port,
                                bc_error *err);
/* Bind to the CallbackURL's port on 127.0.0.1 (and ::1 for localhost/::1). The host must be
 * loopback. A busy port fails with 08001 naming the port. */
int bc_oauth_listen(const char *callback_url, bc_oauth_listener *l, bc_error *err);
/* Wait up to timeout_s for the redirect, answer it with a short HTML page, and check it:
 * error=access_denied -> 28000, state != expected_state -> 28000, no request -> 08001.
 * On 0, *code_out is the authorization code (caller frees). */
int bc_oauth_wait_code(bc_oauth_listener *l, int timeout_s, const char *expected_state,
                       char **code_out, bc_error *err);
void bc_oauth_listener_close(bc_oauth_listener *l);

/* ---- browser.c ---- */

/* Start $BROWSER (else xdg-open) with url as its one argument, without a shell, and do not
 * wait for it. Returns 0 when the program started, -1 with err (08001, giving the URL and the
 * headless flow) when it could not be executed. */
int bc_oauth_open_browser(const char *url, bc_error *err);

/* ---- exchange.c: /oauth2/token ---- */

/* Parse a token response (JSON). now is unix seconds, for expires_in. 28000 when the body is
 * an OAuth error or lacks access_token. */
int bc_oauth_parse_token_response(long status, const char *body, long long now, bc_token *out,
                                  bc_error *err);
/* grant_type=authorization_code. */
int bc_oauth_exchange_code(const bc_props *p, const char *code, const char *redirect_uri,
                           const char *scope, bc_token *out, bc_error *err);
/* grant_type=refresh_token; a response without a refresh token keeps the old one. */
int bc_oauth_refresh(const bc_props *p, const char *refresh_token, bc_token *out, bc_error *err);

/* ---- flow.c ---- */

/* The desktop flow: listen, open the browser, wait, exchange. callback_url and scope
 * override the properties when non-NULL. */
int bc_oauth_desktop_flow(const bc_props *p, const char *callback_url, const char *scope,
                          bc_token *out, bc_error *err);
/* Check that the properties an OAuth flow needs are set (08001 naming the first missing). */
int bc_oauth_check_app_props(const bc_props *p, bool need_callback, bc_error *err);
bool bc_token_expired(const bc_token *t, long long now);

/* ---- tokenstore.c: OAuthSettingsLocation ---- */

/* $XDG_CONFIG_HOME/bigcommerce-odbc/oauth.json, else ~/.config/...; NULL when neither is
 * known. */
char *bc_tokenstore_default_path(void);
/* location: a path, "memory://NAME", or NULL for the default path. Entries are keyed by
 * client id and store hash. load returns 1 with *out filled, 0 when absent, -1 on error. */
int bc_tokenstore_load(const char *location, const char *client_id, const char *store_id,
                       bc_token *out, bc_error *err);
int bc_tokenstore_save(const char *location, const char *client_id, const char *store_id,
                       const bc_token *t, bc_error *err);
int bc_tokenstore_remove(const char *location, const char *client_id, const char *store_id,
                         bc_error *err);

#endif
