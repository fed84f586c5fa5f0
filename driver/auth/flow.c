/*
 * The desktop flow (README, Signing in): listen on the CallbackURL's loopback port first, so the
 * redirect cannot arrive before we are ready, then open the browser, wait for the code and
 * exchange it.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "bc_defaults.h"
#include "auth_internal.h"

int bc_oauth_check_app_props(const bc_props *p, bool need_callback, bc_error *err)
{
    const char *missing = NULL;

    if (p->oauth_client_id == NULL || p->oauth_client_id[0] == '\0')
        missing = "OAuthClientId";
    else if (p->oauth_client_secret == NULL || p->oauth_client_secret[0] == '\0')
        missing = "OAuthClientSecret";
    else if (p->store_id == NULL || p->store_id[0] == '\0')
        missing = "StoreId";
    else if (need_callback && (p->callback_url == NULL || p->callback_url[0] == '\0'))
        missing = "CallbackURL";
    if (missing == NULL)
        return 0;
    return bc_error_set(err, "08001", 0,
                        "The OAuth sign-in needs %s. Set OAuthClientId, OAuthClientSecret, "
                        "StoreId and CallbackURL from your BigCommerce app, or set "
                        "InitiateOAuth=OFF and give OAuthAccessToken.",
                        missing);
}

static const char *server_url(const bc_props *p)
{
    return p->oauth_server_url ? p->oauth_server_url : BC_DEFAULT_OAUTH_SERVER_URL;
}

/* The last failed desktop sign-in of this process (see BC_OAUTH_FAILURE_MEMORY_MS). */
static pthread_mutex_t failure_lock = PTHREAD_MUTEX_INITIALIZER;
static char failure_key[1024];
static bc_error failure_err;
static long long failure_at_ms;

static long long mono_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void flow_key(const bc_props *p, const char *cb, char *key, size_t cap)
{
    snprintf(key, cap, "%s|%s|%s|%s", p->oauth_client_id ? p->oauth_client_id : "",
             p->store_id ? p->store_id : "", cb, p->oauth_server_url ? p->oauth_server_url : "");
}

/* true (err set) when the same sign-in failed moments ago. */
static bool recent_failure(const char *key, bc_error *err)
{
    bool hit;

    pthread_mutex_lock(&failure_lock);
    hit = failure_at_ms != 0 && mono_ms() - failure_at_ms < BC_OAUTH_FAILURE_MEMORY_MS &&
          strcmp(failure_key, key) == 0;
    if (hit)
        *err = failure_err;
    pthread_mutex_unlock(&failure_lock);
    return hit;
}

static void remember_failure(const char *key, const bc_error *err)
{
    pthread_mutex_lock(&failure_lock);
    snprintf(failure_key, sizeof failure_key, "%s", key);
    failure_err = *err;
    failure_at_ms = mono_ms();
    pthread_mutex_unlock(&failure_lock);
}

/* Listen, open the browser, wait for the redirect; *code_out on success. */
static int browser_round_trip(const bc_props *p, const char *cb, const char *sc, char **code_out,
                              bc_error *err)
{
    int timeout = p->oauth_timeout > 0 ? p->oauth_timeout : BC_DEFAULT_OAUTH_TIMEOUT_S;
    bc_oauth_listener l = {.nfds = 0};
    char state[33];
    char *url;
    int rc;

    if (bc_oauth_random_state(state, err) != 0)
        return -1;
    url = bc_oauth_authorize_url(server_url(p), p->oauth_client_id, cb, sc, p->store_id, state);
    if (url == NULL)
        return bc_error_set(err, "HY001", 0, "Out of memory building the authorization URL.");
    rc = bc_oauth_listen(cb, &l, err);
    if (rc == 0)
        rc = bc_oauth_open_browser(url, err);
    if (rc == 0)
        rc = bc_oauth_wait_code(&l, timeout, state, code_out, err);
    bc_oauth_listener_close(&l);
    free(url);
    return rc;
}

int bc_oauth_desktop_flow(const bc_props *p, const char *callback_url, const char *scope,
                          bc_token *out, bc_error *err)
{
    const char *cb = callback_url ? callback_url : p->callback_url;
    const char *sc = scope ? scope : p->scope;
    char key[1024];
    char *code = NULL;
    int rc;

    memset(out, 0, sizeof *out);
    if (cb == NULL || cb[0] == '\0')
        return bc_oauth_check_app_props(p, true, err);
    flow_key(p, cb, key, sizeof key);
    if (recent_failure(key, err))
        return -1;
    rc = browser_round_trip(p, cb, sc, &code, err);
    if (rc != 0) {
        remember_failure(key, err);
        return rc;
    }
    rc = bc_oauth_exchange_code(p, code, cb, sc, out, err);
    free(code);
    if (rc != 0)
        remember_failure(key, err);
    return rc;
}
