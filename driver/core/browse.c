/*
 * SQLBrowseConnect: the connection string is built over several calls. Each call adds the
 * keywords the application answered to those of earlier calls; while something is missing
 * the driver returns SQL_NEED_DATA and names what it needs ("KEY:prompt=?", '*' marks an
 * optional one): first the store (StoreId), then how to authenticate (an access token, or
 * the OAuth app's keys with InitiateOAuth). Once both are known it connects exactly as
 * SQLDriverConnect would and returns the completed connection string.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "bc_handles.h"
#include "bc_util.h"

static const char k_need_store[] = "StoreId:Store hash=?";
static const char k_need_auth[] =
    "OAuthAccessToken:API access token=?;*OAuthClientId:OAuth client id=?;"
    "*OAuthClientSecret:OAuth client secret=?;*CallbackURL:OAuth callback URL=?;"
    "*InitiateOAuth:Get a token through OAuth={OFF,GETANDREFRESH,REFRESH}";

/* A DSN or DRIVER keyword starts a new browse (the driver manager passes them on the first
 * call only). */
static bool starts_browse(const char *in)
{
    for (const char *p = in; p != NULL && *p != '\0'; p = strchr(p, ';'), p = p ? p + 1 : NULL) {
        while (*p == ' ')
            p++;
        if (strncasecmp(p, "DSN=", 4) == 0 || strncasecmp(p, "DRIVER=", 7) == 0)
            return true;
    }
    return false;
}

void bc_conn_browse_reset(bc_dbc *dbc)
{
    if (dbc->browse != NULL)
        explicit_bzero(dbc->browse, strlen(dbc->browse)); /* may hold a token */
    free(dbc->browse);
    dbc->browse = NULL;
}

static SQLRETURN append_input(bc_dbc *dbc, const char *in)
{
    size_t old = dbc->browse ? strlen(dbc->browse) : 0, add = strlen(in);
    char *s = malloc(old + add + 2);

    if (s == NULL)
        return bc_diag_push(&dbc->h.diag, "HY001", 0, "Out of memory.");
    if (old > 0)
        memcpy(s, dbc->browse, old);
    s[old] = ';';
    memcpy(s + (old > 0 ? old + 1 : 0), in, add + 1);
    bc_conn_browse_reset(dbc);
    dbc->browse = s;
    return SQL_SUCCESS;
}

/* What the accumulated keywords still lack: a browse request, or NULL when complete. */
static const char *missing(bc_dbc *dbc, SQLRETURN *rc)
{
    bc_props p;
    bc_error e;
    unsigned char given[BC_PROPS_GIVEN_BYTES] = {0};
    const char *need = NULL;

    bc_props_init(&p);
    bc_error_clear(&e);
    *rc = SQL_SUCCESS;
    if (bc_connstr_parse(dbc->browse, &p, given, &e) != 0 ||
        (p.dsn != NULL && p.dsn[0] != '\0' && bc_props_load_dsn(p.dsn, &p, given, &e) != 0))
        *rc = bc_diag_push(&dbc->h.diag, e.sqlstate[0] ? e.sqlstate : "HY000", 0, "%s", e.message);
    else if (p.store_id == NULL || p.store_id[0] == '\0')
        need = k_need_store;
    else if (p.oauth_access_token == NULL && p.initiate_oauth == BC_OAUTH_OFF)
        need = k_need_auth;
    bc_props_free(&p);
    return need;
}

/* out (malloc'd, caller frees) is the browse request or the completed connection string. */
SQLRETURN bc_conn_browse_connect(bc_dbc *dbc, const char *in, char **out)
{
    SQLRETURN rc;
    const char *need;

    *out = NULL;
    if (dbc->connected)
        return bc_diag_push(&dbc->h.diag, "08002", 0, "The connection is already open.");
    if (starts_browse(in))
        bc_conn_browse_reset(dbc);
    rc = append_input(dbc, in != NULL ? in : "");
    if (rc != SQL_SUCCESS)
        return rc;
    need = missing(dbc, &rc);
    if (rc != SQL_SUCCESS) {
        bc_conn_browse_reset(dbc);
        return rc;
    }
    if (need != NULL) {
        *out = bc_strdup(need);
        return *out != NULL ? SQL_NEED_DATA
                            : bc_diag_push(&dbc->h.diag, "HY001", 0, "Out of memory.");
    }
    /* "If SQLBrowseConnect returns SQL_ERROR, the connection returns to the unconnected
     * state": a failed attempt also ends the browse. */
    rc = bc_conn_driver_connect(dbc, dbc->browse, SQL_DRIVER_NOPROMPT, out);
    bc_conn_browse_reset(dbc);
    return rc;
}
