/*
 * ConfigDSN: add, change or remove a DSN of this driver without a dialog (there is no GUI on
 * the machines this driver targets; a non-NULL hwndParent is treated like NULL). The
 * attribute string is "KEY=value\0KEY=value\0\0". Values are validated with the same rules
 * the driver applies at connect, so a DSN written here always connects past property
 * checking; a bad one is refused with ODBC_ERROR_INVALID_KEYWORD_VALUE and the driver's
 * message. Keys are written in their canonical spelling; keys the driver does not know are
 * skipped, except Description, which every DSN may carry.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <odbcinst.h>
#include "bc_props.h"

#define BC_ODBC_INI "odbc.ini"

/* The attribute string split once into trimmed pairs; every pointer points into buf. */
typedef struct dsn_attrs {
    char *buf; /* owned copy of the attribute string, cut at each '=' */
    size_t len;
    char **keys;
    char **values;
    int count;
    const char *dsn;         /* the first DSN=, or NULL */
    const char *description; /* the first Description=, or NULL */
} dsn_attrs;

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

/* Length of a double-NUL-terminated list, including the final NUL. */
static size_t attr_len(const char *attrs)
{
    size_t n = 0;
    while (attrs[n] != '\0')
        n += strlen(attrs + n) + 1;
    return n + 1;
}

static void attrs_free(dsn_attrs *a)
{
    if (a->buf != NULL) /* attribute strings may carry tokens */
        explicit_bzero(a->buf, a->len);
    free(a->buf);
    free(a->keys);
    free(a->values);
}

static int attrs_split(const char *attrs, dsn_attrs *a)
{
    size_t len = attr_len(attrs);
    int cap = 1;
    for (size_t i = 0; i + 1 < len; i++)
        cap += attrs[i] == '\0';
    a->buf = malloc(len);
    a->keys = calloc((size_t)cap, sizeof *a->keys);
    a->values = calloc((size_t)cap, sizeof *a->values);
    if (a->buf == NULL || a->keys == NULL || a->values == NULL)
        return -1;
    memcpy(a->buf, attrs, len);
    a->len = len;
    for (char *s = a->buf; *s != '\0';) {
        char *next = s + strlen(s) + 1;
        char *eq = strchr(s, '=');
        if (eq != NULL) {
            *eq = '\0';
            a->keys[a->count] = trim(s);
            a->values[a->count] = trim(eq + 1);
            if (strcasecmp(a->keys[a->count], "DSN") == 0 && a->dsn == NULL)
                a->dsn = a->values[a->count];
            if (strcasecmp(a->keys[a->count], "Description") == 0 && a->description == NULL)
                a->description = a->values[a->count];
            a->count++;
        }
        s = next;
    }
    return 0;
}

static int post(DWORD code, const char *msg)
{
    SQLPostInstallerError(code, msg);
    return -1;
}

static int validate(const dsn_attrs *a)
{
    bc_props scratch;
    bc_error err;
    int rc = 0;
    bc_props_init(&scratch);
    bc_error_clear(&err);
    for (int i = 0; rc == 0 && i < a->count; i++) {
        if (bc_props_set(&scratch, a->keys[i], a->values[i], &err) != 0)
            rc = post(ODBC_ERROR_INVALID_KEYWORD_VALUE, err.message);
    }
    bc_props_free(&scratch);
    return rc;
}

static int write_pairs(const dsn_attrs *a)
{
    for (int i = 0; i < a->count; i++) {
        const bc_prop_def *def = bc_prop_find(a->keys[i]);
        if (def == NULL || (def->flags & BC_PROP_F_DM))
            continue;
        /* An empty value removes the key, so the default applies again. */
        const char *v = a->values[i][0] ? a->values[i] : NULL;
        if (!SQLWritePrivateProfileString(a->dsn, def->name, v, BC_ODBC_INI))
            return post(ODBC_ERROR_REQUEST_FAILED, "Could not write the DSN to odbc.ini.");
    }
    if (a->description != NULL &&
        !SQLWritePrivateProfileString(a->dsn, "Description", a->description, BC_ODBC_INI))
        return post(ODBC_ERROR_REQUEST_FAILED, "Could not write the DSN to odbc.ini.");
    return 0;
}

static int apply(WORD request, LPCSTR driver, const dsn_attrs *a)
{
    bc_error err;
    bool exists = false;

    if (a->dsn == NULL || !SQLValidDSN(a->dsn))
        return post(ODBC_ERROR_INVALID_DSN, "Give a valid data source name as DSN=name.");
    bc_error_clear(&err);
    if (bc_dsn_exists(a->dsn, &exists, &err) != 0)
        return post(ODBC_ERROR_OUT_OF_MEM, err.message);
    if (request != ODBC_ADD_DSN && !exists)
        return post(ODBC_ERROR_INVALID_DSN, "No such data source in odbc.ini.");
    if (request == ODBC_REMOVE_DSN)
        return SQLRemoveDSNFromIni(a->dsn)
                   ? 0
                   : post(ODBC_ERROR_REQUEST_FAILED, "Could not remove the DSN from odbc.ini.");
    if (validate(a) != 0)
        return -1;
    if (request == ODBC_ADD_DSN && !SQLWriteDSNToIni(a->dsn, driver))
        return post(ODBC_ERROR_REQUEST_FAILED, "Could not add the DSN to odbc.ini.");
    return write_pairs(a);
}

BOOL INSTAPI ConfigDSN(HWND hwndParent, WORD fRequest, LPCSTR lpszDriver, LPCSTR lpszAttributes)
{
    (void)hwndParent;
    if (fRequest != ODBC_ADD_DSN && fRequest != ODBC_CONFIG_DSN && fRequest != ODBC_REMOVE_DSN) {
        post(ODBC_ERROR_INVALID_REQUEST_TYPE, "ConfigDSN supports add, configure and remove.");
        return 0;
    }
    if (lpszAttributes == NULL)
        lpszAttributes = "\0";
    dsn_attrs a = {0};
    int rc = attrs_split(lpszAttributes, &a);
    if (rc != 0)
        post(ODBC_ERROR_OUT_OF_MEM, "Out of memory.");
    else
        rc = apply(fRequest, lpszDriver, &a);
    attrs_free(&a);
    return rc == 0; /* BOOL: 1 on success */
}
