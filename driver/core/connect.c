/*
 * Connections: allocation, SQLConnect / SQLDriverConnect / SQLDisconnect. Connecting turns
 * the properties (DSN overridden by the connection string) into a token (auth/), an API
 * client (api/) and the SQLite engine (engine/), all owned by the bc_dbc.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_auth.h"
#include "bc_defaults.h"
#include "bc_handles.h"
#include "bc_procs.h"
#include "bc_sql.h"
#include "bc_util.h"

static SQLRETURN push_error(bc_dbc *dbc, const bc_error *e)
{
    return bc_diag_push(&dbc->h.diag, e->sqlstate[0] ? e->sqlstate : "HY000", (SQLINTEGER)e->native,
                        "%s", e->message[0] ? e->message : "Connecting failed.");
}

SQLRETURN bc_dbc_alloc(bc_env *env, bc_dbc **out)
{
    bc_dbc *dbc = calloc(1, sizeof *dbc);

    if (dbc == NULL)
        return bc_diag_push(&env->h.diag, "HY001", 0, "Out of memory allocating a connection.");
    bc_handle_init(&dbc->h, SQL_HANDLE_DBC, &env->h);
    dbc->env = env;
    bc_props_init(&dbc->props);
    dbc->access_mode = SQL_MODE_READ_WRITE;
    dbc->autocommit = SQL_AUTOCOMMIT_ON;
    dbc->txn_isolation = SQL_TXN_SERIALIZABLE;
    dbc->async_enable = SQL_ASYNC_ENABLE_OFF;
    dbc->metadata_id = SQL_FALSE;
    /* The caller holds the environment's lock. */
    dbc->next = env->dbcs;
    env->dbcs = dbc;
    *out = dbc;
    return SQL_SUCCESS;
}

static void dbc_unlink(bc_dbc *dbc)
{
    bc_env *env = dbc->env;
    bc_dbc **pp;

    pthread_mutex_lock(&env->h.lock);
    for (pp = &env->dbcs; *pp != NULL; pp = &(*pp)->next) {
        if (*pp == dbc) {
            *pp = dbc->next;
            break;
        }
    }
    pthread_mutex_unlock(&env->h.lock);
}

/* Called with dbc's lock held; releases it. */
SQLRETURN bc_dbc_free(bc_dbc *dbc)
{
    if (dbc->connected)
        return bc_diag_push(&dbc->h.diag, "HY010", 0,
                            "The connection is still open; call SQLDisconnect first.");
    while (dbc->stmts != NULL)
        bc_stmt_free(dbc->stmts);
    while (dbc->descs != NULL)
        bc_desc_free(dbc->descs);
    dbc_unlink(dbc);
    bc_props_free(&dbc->props);
    bc_conn_browse_reset(dbc);
    free(dbc->current_catalog);
    pthread_mutex_unlock(&dbc->h.lock);
    bc_handle_destroy(&dbc->h);
    free(dbc);
    return SQL_SUCCESS;
}

static void conn_release(bc_dbc *dbc)
{
    if (dbc->engine != NULL)
        bc_engine_close(dbc->engine);
    if (dbc->api != NULL)
        bc_api_free(dbc->api);
    dbc->engine = NULL;
    dbc->api = NULL;
}

static SQLRETURN conn_make_api(bc_dbc *dbc, const char *token, bc_error *e)
{
    const bc_props *p = &dbc->props;
    bc_api_config cfg = {0};

    cfg.base_url = p->api_base_url ? p->api_base_url : BC_DEFAULT_API_BASE_URL;
    cfg.store_hash = p->store_id;
    cfg.access_token = token;
    cfg.page_size = p->page_size; /* the property parser kept it in 1..BC_MAX_PAGE_SIZE */
    cfg.http.timeout_s = p->timeout;
    cfg.http.connect_timeout_s =
        dbc->login_timeout > 0 ? (long)dbc->login_timeout : BC_DEFAULT_CONNECT_TIMEOUT_S;
    if (p->timeout > 0 && cfg.http.connect_timeout_s > p->timeout)
        cfg.http.connect_timeout_s = p->timeout;
    cfg.http.ca_file = p->ssl_server_cert;
    cfg.http.proxy = p->proxy_server;
    cfg.http.proxy_port = p->proxy_port;
    cfg.http.proxy_user = p->proxy_user;
    cfg.http.proxy_password = p->proxy_password;
    cfg.http.cancel_flag = &dbc->cancel;
    dbc->api = bc_api_new(&cfg, e);
    return dbc->api != NULL ? SQL_SUCCESS : SQL_ERROR;
}

/* Check the token with one request. A token that came through OAuth and is now rejected
 * (revoked in the control panel, app uninstalled) is forgotten and, per InitiateOAuth,
 * replaced by a new sign-in (GETANDREFRESH) or reported (REFRESH); a token given as
 * OAuthAccessToken with InitiateOAuth=OFF is the user's to fix. */
static int conn_check_token(bc_dbc *dbc, bc_error *e)
{
    char *fresh = NULL;

    if (bc_api_ping(dbc->api, e) == 0)
        return 0;
    if (strcmp(e->sqlstate, "28000") != 0 || dbc->props.initiate_oauth == BC_OAUTH_OFF)
        return -1;
    bc_error_clear(e);
    if (bc_auth_token_rejected(&dbc->props, &fresh, e) != 0)
        return -1;
    if (fresh == NULL || bc_api_set_token(dbc->api, fresh) != 0) {
        free(fresh);
        return bc_error_set(e, "28000", 401,
                            "BigCommerce rejected the stored OAuth token and no new one could "
                            "be obtained. Connect with InitiateOAuth=GETANDREFRESH to sign in "
                            "again.");
    }
    bc_log_secret(fresh);
    free(fresh);
    return bc_api_ping(dbc->api, e);
}

static const char *token_note(const bc_dbc *dbc)
{
    return bc_api_has_token(dbc->api) ? ""
                                      : " without a token (data queries fail until one is set)";
}

/* The properties are in dbc->props; build token, API client and engine. */
static SQLRETURN conn_open(bc_dbc *dbc)
{
    bc_error e;
    char *token = NULL;

    bc_error_clear(&e);
    bc_log_open(dbc->props.logfile, dbc->props.verbosity);
    if (dbc->props.store_id == NULL || dbc->props.store_id[0] == '\0')
        return bc_diag_push(&dbc->h.diag, "08001", 0,
                            "No store given: set StoreId to the store hash (the {hash} in "
                            "https://api.bigcommerce.com/stores/{hash}) in the connection "
                            "string or DSN.");
    if (bc_props_check_transport(&dbc->props, &e) != 0)
        return push_error(dbc, &e);
    bc_flag_set(&dbc->cancel, 0);
    if (bc_auth_resolve_token(&dbc->props, &token, &e) != 0)
        return push_error(dbc, &e);
    if (token != NULL)
        bc_log_secret(token);
    /* Each part is built once, on the ones below it: the API client, the token checked with
     * it, then the engine over the client. */
    if (conn_make_api(dbc, token, &e) != SQL_SUCCESS)
        goto fail;
    if (token != NULL && conn_check_token(dbc, &e) != 0)
        goto fail;
    dbc->engine = bc_engine_open(dbc->api, &dbc->props, &dbc->cancel, &e);
    if (dbc->engine == NULL)
        goto fail;
    free(token);
    dbc->connected = true;
    bc_log(1, "connected to store %s at %s%s", dbc->props.store_id,
           dbc->props.api_base_url ? dbc->props.api_base_url : BC_DEFAULT_API_BASE_URL,
           token_note(dbc));
    return SQL_SUCCESS;
fail:
    free(token);
    conn_release(dbc);
    return push_error(dbc, &e);
}

SQLRETURN bc_conn_connect(bc_dbc *dbc, const char *dsn, const char *uid, const char *pwd)
{
    bc_error e;
    SQLRETURN rc;

    (void)uid; /* BigCommerce has no user names; the store hash identifies the account. */
    if (dbc->connected)
        return bc_diag_push(&dbc->h.diag, "08002", 0, "The connection is already open.");
    bc_error_clear(&e);
    bc_props_free(&dbc->props);
    bc_props_init(&dbc->props);
    if (dsn != NULL && dsn[0] != '\0') {
        free(dbc->props.dsn);
        dbc->props.dsn = bc_strdup(dsn);
        if (bc_props_load_dsn(dsn, &dbc->props, NULL, &e) != 0)
            return push_error(dbc, &e);
    }
    /* Applications with a user/password dialog pass the store API token as the password;
     * take it as OAuthAccessToken so they get what they expect. */
    if (pwd != NULL && pwd[0] != '\0' &&
        bc_props_set(&dbc->props, "OAuthAccessToken", pwd, &e) != 0)
        return push_error(dbc, &e);
    rc = conn_open(dbc);
    return rc;
}

static SQLRETURN conn_parse(bc_dbc *dbc, const char *in)
{
    bc_error e;
    unsigned char *given = calloc((size_t)bc_prop_def_count / 8 + 1, 1);
    int rc;

    if (given == NULL)
        return bc_diag_push(&dbc->h.diag, "HY001", 0,
                            "Out of memory parsing the connection "
                            "string.");
    bc_error_clear(&e);
    bc_props_free(&dbc->props);
    bc_props_init(&dbc->props);
    rc = bc_connstr_parse(in != NULL ? in : "", &dbc->props, given, &e);
    if (rc == 0 && dbc->props.dsn != NULL && dbc->props.dsn[0] != '\0')
        rc = bc_props_load_dsn(dbc->props.dsn, &dbc->props, given, &e);
    free(given);
    return rc == 0 ? SQL_SUCCESS : push_error(dbc, &e);
}

/* There is no dialog: SQL_DRIVER_PROMPT, COMPLETE and COMPLETE_REQUIRED behave as NOPROMPT,
 * so a missing StoreId is an error with a message saying what to add, never a wait. */
SQLRETURN bc_conn_driver_connect(bc_dbc *dbc, const char *in, SQLUSMALLINT completion,
                                 char **out_connstr)
{
    SQLRETURN rc;

    *out_connstr = NULL;
    if (dbc->connected)
        return bc_diag_push(&dbc->h.diag, "08002", 0, "The connection is already open.");
    if (completion != SQL_DRIVER_NOPROMPT && completion != SQL_DRIVER_PROMPT &&
        completion != SQL_DRIVER_COMPLETE && completion != SQL_DRIVER_COMPLETE_REQUIRED)
        return bc_diag_push(&dbc->h.diag, "HY110", 0, "Invalid driver completion %u.",
                            (unsigned)completion);
    rc = conn_parse(dbc, in);
    if (rc != SQL_SUCCESS)
        return rc;
    rc = conn_open(dbc);
    if (rc != SQL_SUCCESS && rc != SQL_SUCCESS_WITH_INFO)
        return rc;
    *out_connstr = bc_props_to_connstr(&dbc->props);
    if (*out_connstr == NULL) {
        bc_conn_disconnect(dbc);
        return bc_diag_push(&dbc->h.diag, "HY001", 0, "Out of memory.");
    }
    return rc;
}

SQLRETURN bc_conn_disconnect(bc_dbc *dbc)
{
    if (!dbc->connected)
        return bc_diag_push(&dbc->h.diag, "08003", 0, "The connection is not open.");
    /* "SQLDisconnect frees all statements associated with the connection." */
    while (dbc->stmts != NULL)
        bc_stmt_free(dbc->stmts);
    conn_release(dbc);
    dbc->connected = false;
    bc_log(1, "disconnected from store %s", dbc->props.store_id ? dbc->props.store_id : "");
    return SQL_SUCCESS;
}

/* The driver has no transactions: every statement commits itself (SQL_TC_NONE), so commit
 * has nothing to do. A rollback after writes cannot undo them and says so (HYC00: the data
 * source does not support rollback) instead of succeeding; with nothing written since the
 * last SQLEndTran there is nothing to undo. */
static long take_unended_writes(bc_handle *h)
{
    long n = 0;

    if (h->type == SQL_HANDLE_DBC) {
        n = ((bc_dbc *)h)->unended_writes;
        ((bc_dbc *)h)->unended_writes = 0;
    } else if (h->type == SQL_HANDLE_ENV) {
        for (bc_dbc *d = ((bc_env *)h)->dbcs; d != NULL; d = d->next) {
            n += d->unended_writes;
            d->unended_writes = 0;
        }
    }
    return n;
}

SQLRETURN bc_conn_end_tran(bc_handle *h, SQLSMALLINT completion)
{
    long written;

    if (completion != SQL_COMMIT && completion != SQL_ROLLBACK)
        return bc_diag_push(&h->diag, "HY012", 0,
                            "Transaction completion must be SQL_COMMIT or SQL_ROLLBACK.");
    written = take_unended_writes(h);
    if (completion == SQL_ROLLBACK && written > 0)
        return bc_diag_push(&h->diag, "HYC00", 0,
                            "Rollback is not possible: BigCommerce has no transactions, and the "
                            "%ld row(s) written since the last commit were applied when their "
                            "statements ran. Undo them with further statements if needed.",
                            written);
    return SQL_SUCCESS;
}

SQLRETURN bc_conn_native_sql(bc_dbc *dbc, const char *in, char **out)
{
    bc_error e;
    bc_proc_call *call = NULL;
    int routed;

    bc_error_clear(&e);
    routed = bc_proc_parse(in, &call, &e);
    if (routed < 0)
        return bc_diag_push(&dbc->h.diag, e.sqlstate, (SQLINTEGER)e.native, "%s", e.message);
    if (routed == 1) {
        bc_proc_call_free(call);
        *out = bc_strdup(in); /* procedure calls are not SQL the engine sees */
    } else {
        *out = bc_sql_rewrite_escapes(in, &e);
        if (*out == NULL && bc_error_is_set(&e))
            return bc_diag_push(&dbc->h.diag, e.sqlstate, (SQLINTEGER)e.native, "%s", e.message);
    }
    if (*out == NULL)
        return bc_diag_push(&dbc->h.diag, "HY001", 0, "Out of memory.");
    return SQL_SUCCESS;
}
