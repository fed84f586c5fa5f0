/*
 * Connection properties (docs/ARCHITECTURE.md). One table, bc_prop_defs[], describes every property
 * (name, type, default, allowed values, description, secret or not, category) and is read by
 * the connection-string parser, the DSN reader, sys_connection_props and the README.
 * Keys are case-insensitive; a connection string value beats a DSN value.
 */
#ifndef BC_PROPS_H
#define BC_PROPS_H

#include <stdbool.h>
#include <stddef.h>
#include "bc_error.h"

typedef enum { BC_PROP_STRING, BC_PROP_INT, BC_PROP_BOOL, BC_PROP_ENUM } bc_prop_type;

/* bc_prop_def.flags */
#define BC_PROP_F_URL 0x1  /* value must start with http:// or https:// */
#define BC_PROP_F_FILE 0x2 /* a path: setup tools offer a file chooser */
#define BC_PROP_F_DM 0x4   /* DSN, DRIVER: owned by the driver manager, not read from a DSN */

/* Upper bound of bc_prop_def_count; size of the `given` bitmap of bc_connstr_parse. */
#define BC_PROP_MAX 64
#define BC_PROPS_GIVEN_BYTES ((BC_PROP_MAX + 7) / 8)

/* Whether property i is marked in a `given` bitmap (NULL bitmap: nothing given). */
static inline bool bc_props_given(const unsigned char *given, int i)
{
    return given != NULL && i >= 0 && i < BC_PROP_MAX && (given[i / 8] >> (i % 8)) & 1;
}

typedef enum { BC_OAUTH_OFF = 0, BC_OAUTH_GETANDREFRESH, BC_OAUTH_REFRESH } bc_initiate_oauth;

/* Parsed, validated values. Strings are owned (malloc'd) and NULL when not given and without
 * default. */
typedef struct bc_props {
    char *dsn;
    char *driver;
    char *store_id;
    char *oauth_access_token;
    char *oauth_client_id;
    char *oauth_client_secret;
    char *callback_url;
    int initiate_oauth; /* bc_initiate_oauth */
    char *oauth_settings_location;
    char *oauth_verifier;
    char *oauth_refresh_token;
    int oauth_timeout; /* seconds the desktop flow waits for the browser */
    char *scope;
    int timeout;  /* seconds per HTTP request, 0 = none */
    int max_rows; /* 0 = no cap */
    int page_size;
    int readonly; /* 1: every INSERT, UPDATE and DELETE is refused */
    char *logfile;
    int verbosity;
    char *ssl_server_cert;
    char *proxy_server;
    int proxy_port;
    char *proxy_user;
    char *proxy_password;
    char *api_base_url;
    char *oauth_server_url;
    int allow_insecure_http; /* plain http:// to a host other than loopback */
} bc_props;

typedef struct bc_prop_def {
    const char *name; /* canonical spelling, e.g. "OAuthAccessToken" */
    bc_prop_type type;
    size_t offset;             /* offsetof(bc_props, field) */
    const char *default_value; /* as text; NULL = none */
    const char *values;        /* allowed values for ENUM/BOOL, comma-separated; NULL = any */
    int min, max;              /* bounds for INT */
    bool secret;               /* masked in sys_connection_props and never logged */
    bool required;
    const char *category; /* "Authentication", "Connection", "OAuth", "Logging", ... */
    const char *description;
    unsigned flags; /* BC_PROP_F_* */
} bc_prop_def;

extern const bc_prop_def bc_prop_defs[];
extern const int bc_prop_def_count;

/* Find a property by case-insensitive name; also accepts the aliases DSN and DRIVER. */
const bc_prop_def *bc_prop_find(const char *name);

void bc_props_init(bc_props *p); /* all defaults */
void bc_props_free(bc_props *p);

/* Set one property from text, validating it. Unknown keys are ignored (ODBC: a driver ignores
 * keywords it does not know). A bad value fails with HY024 (invalid attribute value) and a
 * message naming the property and its allowed values. */
int bc_props_set(bc_props *p, const char *key, const char *value, bc_error *err);
/* Same for the property at index i of bc_prop_defs. An empty value restores the default. */
int bc_props_set_at(bc_props *p, int i, const char *value, bc_error *err);
/* Index of def in bc_prop_defs, or -1 (also for NULL). */
int bc_prop_index(const bc_prop_def *def);

/* Parse "KEY=value;KEY={va;lue};..." (braces quote, "}}" is a literal '}').
 * Keys given in the string are recorded in *given (bitmap by bc_prop_defs index) when
 * given != NULL, so a DSN merge does not overwrite them. Returns 0 or -1 with err set
 * (state 08001 for a malformed string, HY024 for a bad value). */
int bc_connstr_parse(const char *connstr, bc_props *p, unsigned char *given, bc_error *err);
/* (given, when not NULL, is zeroed by the caller and holds at least
 * (bc_prop_def_count + 7) / 8 bytes; BC_PROPS_GIVEN_BYTES always suffices.) */

/* Fill the properties not already given from the DSN's odbc.ini section
 * (SQLGetPrivateProfileString). Returns 0 or -1 with err set (IM002 for an unknown DSN). */
int bc_props_load_dsn(const char *dsn, bc_props *p, const unsigned char *given, bc_error *err);
/* Whether odbc.ini (user or system, as the configuration mode says) has a section named dsn,
 * ignoring case. Returns 0, or -1 with err set when the list cannot be read. */
int bc_dsn_exists(const char *dsn, bool *exists, bc_error *err);

/* The value of property i as text (for sys_connection_props and the output connection
 * string); secrets masked as "********" when mask is true. Caller frees. */
/* (NULL when the property has no value, or on allocation failure.) */
char *bc_props_value_text(const bc_props *p, int i, bool mask);

/* The rule that needs several properties at once, checked when connecting: ApiBaseURL and
 * OAuthServerURL must use https:// unless the host is loopback (localhost, 127.0.0.0/8,
 * [::1]) or AllowInsecureHTTP is on, since the token would travel in clear. 0, or -1 with
 * HY024 naming the property. */
int bc_props_check_transport(const bc_props *p, bc_error *err);

/* Build the output connection string for SQLDriverConnect (secrets included, since the
 * application asked for a complete string). Caller frees. */
char *bc_props_to_connstr(const bc_props *p);

#endif
