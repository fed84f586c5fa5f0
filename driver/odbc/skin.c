#include <string.h>
#include "skin.h"

char *skin_a(const SQLCHAR *s, SQLINTEGER len, bool *oom)
{
    char *out;

    *oom = false;
    if (s == NULL)
        return NULL;
    out = bc_strndup((const char *)s, bc_odbc_len(s, len));
    *oom = out == NULL;
    return out;
}

char *skin_w(const SQLWCHAR *s, SQLINTEGER len, bool *oom)
{
    char *out;

    *oom = false;
    if (s == NULL)
        return NULL;
    out = bc_utf16_to_utf8(s, len == SQL_NTS ? SQL_NTS : (SQLLEN)len, NULL);
    *oom = out == NULL;
    return out;
}

static const char *handle_kind(SQLSMALLINT type)
{
    switch (type) {
    case SQL_HANDLE_ENV:
        return "env";
    case SQL_HANDLE_DBC:
        return "dbc";
    case SQL_HANDLE_STMT:
        return "stmt";
    default:
        return "desc";
    }
}

SQLRETURN skin_enter(SQLHANDLE h, SQLSMALLINT type, const char *call)
{
    SQLRETURN rc = bc_handle_enter(h, type);

    if (rc != SQL_SUCCESS) {
        bc_log(4, "%s: invalid %s handle %p", call, handle_kind(type), h);
        return rc;
    }
    ((bc_handle *)h)->call = call;
    bc_log(4, "enter %s %s %p", call, handle_kind(type), h);
    return rc;
}

SQLRETURN skin_oom(bc_handle *h)
{
    return bc_diag_push(&h->diag, "HY001", 0, "Out of memory.");
}

SQLRETURN skin_merge(SQLRETURN a, SQLRETURN b)
{
    if (a == SQL_ERROR || b == SQL_ERROR)
        return SQL_ERROR;
    if (a == SQL_SUCCESS_WITH_INFO || b == SQL_SUCCESS_WITH_INFO)
        return SQL_SUCCESS_WITH_INFO;
    return a;
}

SQLRETURN skin_out(bc_handle *h, const char *s, SQLPOINTER buf, SQLLEN cap, bool wide,
                   bool cap_in_chars, SQLSMALLINT *len16, SQLINTEGER *len32)
{
    SQLLEN len = 0;
    SQLRETURN rc;

    if (cap < 0)
        return bc_diag_push(&h->diag, "HY090", 0, "The buffer length is negative.");
    rc = bc_out_str(&h->diag, s, buf, cap, wide, cap_in_chars, &len);
    if (len16 != NULL)
        *len16 = (SQLSMALLINT)(len > 32767 ? 32767 : len);
    if (len32 != NULL)
        *len32 = (SQLINTEGER)len;
    return rc;
}
