/*
 * The connection-property table (docs/ARCHITECTURE.md) and the lifetime of a bc_props.
 *
 * This table is the single source for the connection-string parser, the DSN reader, the
 * setup library (ODBCINSTGetProperties), sys_connection_props and the README's property
 * table (bc-odbc-props), so a property added here shows up everywhere at once.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "bc_defaults.h"
#include "bc_props.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define OFF(field) offsetof(bc_props, field)

/* One day: no HTTP request or browser wait has a reason to take longer. */
#define BC_PROP_MAX_SECONDS 86400

const bc_prop_def bc_prop_defs[] = {
    {.name = "DSN",
     .type = BC_PROP_STRING,
     .offset = OFF(dsn),
     .category = "Connection",
     .description = "Name of the data source in odbc.ini whose values fill the properties "
                    "the connection string does not give.",
     .flags = BC_PROP_F_DM},
    {.name = "Driver",
     .type = BC_PROP_STRING,
     .offset = OFF(driver),
     .category = "Connection",
     .description = "Driver name from odbcinst.ini, or the path of the driver library, for "
                    "connections without a DSN.",
     .flags = BC_PROP_F_DM},
    {.name = "StoreId",
     .type = BC_PROP_STRING,
     .offset = OFF(store_id),
     .required = true,
     .category = "Connection",
     .description = "The store hash: the {hash} in stores/{hash}/ of the API path."},
    {.name = "OAuthAccessToken",
     .type = BC_PROP_STRING,
     .offset = OFF(oauth_access_token),
     .secret = true,
     .category = "Authentication",
     .description = "The API account's access token, sent as X-Auth-Token."},
    {.name = "OAuthClientId",
     .type = BC_PROP_STRING,
     .offset = OFF(oauth_client_id),
     .category = "OAuth",
     .description = "Client id of the custom OAuth app."},
    {.name = "OAuthClientSecret",
     .type = BC_PROP_STRING,
     .offset = OFF(oauth_client_secret),
     .secret = true,
     .category = "OAuth",
     .description = "Client secret of the custom OAuth app."},
    {.name = "CallbackURL",
     .type = BC_PROP_STRING,
     .offset = OFF(callback_url),
     .category = "OAuth",
     .description = "The app's redirect URL; for the desktop flow a loopback URL such as "
                    "http://localhost:33333.",
     .flags = BC_PROP_F_URL},
    {.name = "InitiateOAuth",
     .type = BC_PROP_ENUM,
     .offset = OFF(initiate_oauth),
     .default_value = "OFF",
     .values = "OFF,GETANDREFRESH,REFRESH",
     .category = "OAuth",
     .description = "OFF: use OAuthAccessToken as given. GETANDREFRESH: get a token through "
                    "the browser if none is stored, refresh it when it expires. REFRESH: "
                    "never open a browser, only refresh."},
    {.name = "OAuthSettingsLocation",
     .type = BC_PROP_STRING,
     .offset = OFF(oauth_settings_location),
     .category = "OAuth",
     .description = "File where OAuth tokens persist (default under $XDG_CONFIG_HOME or "
                    "~/.config); memory://name keeps them in the process.",
     .flags = BC_PROP_F_FILE},
    {.name = "OAuthVerifier",
     .type = BC_PROP_STRING,
     .offset = OFF(oauth_verifier),
     .secret = true,
     .category = "OAuth",
     .description = "An authorization code obtained on another machine (headless flow)."},
    {.name = "OAuthRefreshToken",
     .type = BC_PROP_STRING,
     .offset = OFF(oauth_refresh_token),
     .secret = true,
     .category = "OAuth",
     .description = "Refresh token, used when the server issues expiring tokens."},
    {.name = "OAuthTimeout",
     .type = BC_PROP_INT,
     .offset = OFF(oauth_timeout),
     .default_value = STR(BC_DEFAULT_OAUTH_TIMEOUT_S),
     .min = 1,
     .max = BC_PROP_MAX_SECONDS,
     .category = "OAuth",
     .description = "Seconds the desktop flow waits for the browser to come back."},
    {.name = "Scope",
     .type = BC_PROP_STRING,
     .offset = OFF(scope),
     .category = "OAuth",
     .description = "OAuth scopes to request, separated by spaces."},
    {.name = "OAuthServerURL",
     .type = BC_PROP_STRING,
     .offset = OFF(oauth_server_url),
     .default_value = BC_DEFAULT_OAUTH_SERVER_URL,
     .category = "OAuth",
     .description = "Base URL of the OAuth server (authorize and token endpoints).",
     .flags = BC_PROP_F_URL},
    {.name = "ApiBaseURL",
     .type = BC_PROP_STRING,
     .offset = OFF(api_base_url),
     .default_value = BC_DEFAULT_API_BASE_URL,
     .category = "Connection",
     .description = "Base URL of the BigCommerce API; tests point it at the sandbox.",
     .flags = BC_PROP_F_URL},
    {.name = "Timeout",
     .type = BC_PROP_INT,
     .offset = OFF(timeout),
     .default_value = STR(BC_DEFAULT_TIMEOUT_S),
     .min = 0,
     .max = BC_PROP_MAX_SECONDS,
     .category = "Connection",
     .description = "Seconds one HTTP request may take; 0 means no limit."},
    {.name = "MaxRows",
     .type = BC_PROP_INT,
     .offset = OFF(max_rows),
     .default_value = "0",
     .min = 0,
     .max = 2147483647,
     .category = "Miscellaneous",
     .description = "Most rows a query returns; 0 means no cap."},
    {.name = "Pagesize",
     .type = BC_PROP_INT,
     .offset = OFF(page_size),
     .default_value = STR(BC_DEFAULT_PAGE_SIZE),
     .min = 1,
     .max = BC_MAX_PAGE_SIZE,
     .category = "Miscellaneous",
     .description = "Items per API page."},
    {.name = "Readonly",
     .type = BC_PROP_BOOL,
     .offset = OFF(readonly),
     .default_value = "false",
     .values = "true,false",
     .category = "Miscellaneous",
     .description = "When true, the connection refuses every INSERT, UPDATE and DELETE before "
                    "sending anything."},
    {.name = "Logfile",
     .type = BC_PROP_STRING,
     .offset = OFF(logfile),
     .category = "Logging",
     .description = "File the driver logs to (created readable by you only); no log when "
                    "empty. Tokens and secrets never appear in it.",
     .flags = BC_PROP_F_FILE},
    {.name = "Verbosity",
     .type = BC_PROP_INT,
     .offset = OFF(verbosity),
     .default_value = "1",
     .min = 1,
     .max = 5,
     .category = "Logging",
     .description = "Log detail, each level adding to the one below: 1 connects and errors, "
                    "2 statements, 3 API requests, 4 every ODBC call (entry and exit), 5 "
                    "request and response bodies (secrets masked)."},
    {.name = "SSLServerCert",
     .type = BC_PROP_STRING,
     .offset = OFF(ssl_server_cert),
     .category = "SSL",
     .description = "CA bundle (PEM file) trusted for the server's TLS certificate; the "
                    "system store when empty.",
     .flags = BC_PROP_F_FILE},
    {.name = "ProxyServer",
     .type = BC_PROP_STRING,
     .offset = OFF(proxy_server),
     .category = "Proxy",
     .description = "Proxy host name or URL, passed to libcurl."},
    {.name = "ProxyPort",
     .type = BC_PROP_INT,
     .offset = OFF(proxy_port),
     .default_value = "0",
     .min = 0,
     .max = 65535,
     .category = "Proxy",
     .description = "Proxy port; 0 means the port in ProxyServer or libcurl's default."},
    {.name = "ProxyUser",
     .type = BC_PROP_STRING,
     .offset = OFF(proxy_user),
     .category = "Proxy",
     .description = "User name for the proxy."},
    {.name = "ProxyPassword",
     .type = BC_PROP_STRING,
     .offset = OFF(proxy_password),
     .secret = true,
     .category = "Proxy",
     .description = "Password for the proxy."},
    {.name = "AllowInsecureHTTP",
     .type = BC_PROP_BOOL,
     .offset = OFF(allow_insecure_http),
     .default_value = "false",
     .values = "true,false",
     .category = "SSL",
     .description = "UNSAFE. Allow http:// (no TLS) in ApiBaseURL and OAuthServerURL for a "
                    "host other than this machine, so that the access token and OAuth "
                    "secrets travel in clear text. Off: such URLs are refused."},
};

#define BC_PROP_DEF_COUNT ((int)(sizeof bc_prop_defs / sizeof bc_prop_defs[0]))
_Static_assert(sizeof bc_prop_defs / sizeof bc_prop_defs[0] <= BC_PROP_MAX,
               "raise BC_PROP_MAX: the given bitmap is too small");

const int bc_prop_def_count = BC_PROP_DEF_COUNT;

const bc_prop_def *bc_prop_find(const char *name)
{
    if (name == NULL)
        return NULL;
    for (int i = 0; i < BC_PROP_DEF_COUNT; i++) {
        if (strcasecmp(bc_prop_defs[i].name, name) == 0)
            return &bc_prop_defs[i];
    }
    return NULL;
}

int bc_prop_index(const bc_prop_def *def)
{
    if (def < bc_prop_defs || def >= bc_prop_defs + BC_PROP_DEF_COUNT)
        return -1;
    return (int)(def - bc_prop_defs);
}

/* Defaults go through the same validating setter as user values, so the table cannot hold a
 * default the parser would reject. A string default that cannot be allocated stays NULL;
 * readers treat NULL as "not set". */
void bc_props_init(bc_props *p)
{
    memset(p, 0, sizeof *p);
    for (int i = 0; i < BC_PROP_DEF_COUNT; i++) {
        bc_error err;
        bc_error_clear(&err);
        if (bc_prop_defs[i].default_value != NULL)
            (void)bc_props_set_at(p, i, bc_prop_defs[i].default_value, &err);
    }
}

void bc_props_free(bc_props *p)
{
    if (p == NULL)
        return;
    for (int i = 0; i < BC_PROP_DEF_COUNT; i++) {
        if (bc_prop_defs[i].type != BC_PROP_STRING)
            continue;
        char **field = (char **)((char *)p + bc_prop_defs[i].offset);
        if (*field != NULL && bc_prop_defs[i].secret)
            explicit_bzero(*field, strlen(*field));
        free(*field);
        *field = NULL;
    }
}
