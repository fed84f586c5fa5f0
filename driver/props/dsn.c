/*
 * DSN values from odbc.ini through unixODBC's installer API. SQLGetPrivateProfileString
 * looks in the user's and the system's odbc.ini as the configuration mode says (ODBCINI and
 * ODBCSYSINI move them), so the driver reads DSNs exactly where the driver manager found them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <odbcinst.h>
#include "bc_props.h"

#define BC_ODBC_INI "odbc.ini"
/* unixODBC keeps at most 1000 bytes of a value; a larger buffer costs nothing. */
#define BC_DSN_VALUE_MAX 4096
/* Enough for the names of every DSN of a machine, NUL-separated. */
#define BC_DSN_LIST_MAX 65536

/* Whether odbc.ini has a section named dsn. Asking with a NULL section lists the sections;
 * asking for one key cannot tell an empty section from a missing one. */
int bc_dsn_exists(const char *dsn, bool *exists, bc_error *err)
{
    char *names = calloc(1, BC_DSN_LIST_MAX);
    if (names == NULL)
        return bc_error_set(err, "HY001", 0, "Out of memory while reading odbc.ini.");
    int n = SQLGetPrivateProfileString(NULL, NULL, "", names, BC_DSN_LIST_MAX, BC_ODBC_INI);
    *exists = false;
    for (int i = 0; n > 0 && i < n && names[i] != '\0'; i += (int)strlen(names + i) + 1) {
        if (strcasecmp(names + i, dsn) == 0) {
            *exists = true;
            break;
        }
    }
    free(names);
    return 0;
}

static int load_key(const char *dsn, bc_props *p, int i, char *buf, bc_error *err)
{
    buf[0] = '\0';
    int n = SQLGetPrivateProfileString(dsn, bc_prop_defs[i].name, "", buf, BC_DSN_VALUE_MAX,
                                       BC_ODBC_INI);
    if (n <= 0 || buf[0] == '\0')
        return 0;
    if (bc_props_set_at(p, i, buf, err) == 0)
        return 0;
    /* Say where the bad value came from: the user edits odbc.ini, not a connection string. */
    size_t len = strlen(err->message);
    snprintf(err->message + len, sizeof err->message - len, " (in DSN '%s')", dsn);
    return -1;
}

int bc_props_load_dsn(const char *dsn, bc_props *p, const unsigned char *given, bc_error *err)
{
    bool exists = false;
    /* ODBC: a connection that names no DSN uses the DSN called "Default". */
    if (dsn == NULL || dsn[0] == '\0')
        dsn = "Default";
    if (bc_dsn_exists(dsn, &exists, err) != 0)
        return -1;
    if (!exists)
        return bc_error_set(err, "IM002", 0,
                            "Data source '%s' not found in odbc.ini. Check the DSN name, or "
                            "the ODBCINI and ODBCSYSINI environment variables.",
                            dsn);

    char *buf = malloc(BC_DSN_VALUE_MAX);
    if (buf == NULL)
        return bc_error_set(err, "HY001", 0, "Out of memory while reading odbc.ini.");
    int rc = 0;
    for (int i = 0; rc == 0 && i < bc_prop_def_count; i++) {
        if ((bc_prop_defs[i].flags & BC_PROP_F_DM) || bc_props_given(given, i))
            continue;
        rc = load_key(dsn, p, i, buf, err);
    }
    /* The driver manager found the driver through the DSN's Driver key and does not pass it
     * on; read it too so that sys_connection_props shows which driver the DSN names. */
    if (rc == 0 && p->driver == NULL &&
        !bc_props_given(given, bc_prop_index(bc_prop_find("Driver"))))
        rc = load_key(dsn, p, bc_prop_index(bc_prop_find("Driver")), buf, err);
    explicit_bzero(buf, BC_DSN_VALUE_MAX); /* the last value may be a token */
    free(buf);
    if (rc == 0 && p->dsn == NULL && !bc_props_given(given, bc_prop_index(bc_prop_find("DSN"))))
        rc = bc_props_set(p, "DSN", dsn, err);
    return rc;
}
