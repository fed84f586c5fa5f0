/* Descriptor functions (A and W). A descriptor locks its connection's mutex. */
#include "skin.h"

static SQLRETURN get_desc_field(const char *call, SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT field,
                                SQLPOINTER value, SQLINTEGER cap, SQLINTEGER *len, bool wide)
{
    const char *str = NULL;
    SQLRETURN rc;

    SKIN_ENTER_AS(call, h, SQL_HANDLE_DESC);
    rc = bc_desc_get_field(h, rec, field, value, &str);
    if (rc == SQL_SUCCESS && str != NULL)
        rc = skin_out(h, str, value, cap, wide, false, NULL, len);
    return bc_handle_leave(h, rc);
}

BC_EXPORT SQLRETURN SQL_API SQLGetDescField(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT field,
                                            SQLPOINTER value, SQLINTEGER cap, SQLINTEGER *len)
{
    return get_desc_field(__func__, h, rec, field, value, cap, len, false);
}

BC_EXPORT SQLRETURN SQL_API SQLGetDescFieldW(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT field,
                                             SQLPOINTER value, SQLINTEGER cap, SQLINTEGER *len)
{
    return get_desc_field(__func__, h, rec, field, value, cap, len, true);
}

static bool desc_field_is_string(SQLSMALLINT field)
{
    switch (field) {
    case SQL_DESC_NAME:
    case SQL_DESC_BASE_COLUMN_NAME:
    case SQL_DESC_BASE_TABLE_NAME:
    case SQL_DESC_TABLE_NAME:
    case SQL_DESC_SCHEMA_NAME:
    case SQL_DESC_CATALOG_NAME:
    case SQL_DESC_LABEL:
    case SQL_DESC_TYPE_NAME:
    case SQL_DESC_LOCAL_TYPE_NAME:
    case SQL_DESC_LITERAL_PREFIX:
    case SQL_DESC_LITERAL_SUFFIX:
        return true;
    default:
        return false;
    }
}

static SQLRETURN set_desc_field(const char *call, SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT field,
                                SQLPOINTER value, SQLINTEGER len, bool wide)
{
    char *str = NULL;
    bool oom = false;
    SQLRETURN rc;

    SKIN_ENTER_AS(call, h, SQL_HANDLE_DESC);
    if (desc_field_is_string(field) && value != NULL) {
        SQLINTEGER n = (wide && len > 0) ? len / (SQLINTEGER)sizeof(SQLWCHAR) : len;
        str = wide ? skin_w(value, n, &oom) : skin_a(value, n, &oom);
    }
    rc = oom ? skin_oom(h) : bc_desc_set_field(h, rec, field, value, str);
    free(str);
    return bc_handle_leave(h, rc);
}

BC_EXPORT SQLRETURN SQL_API SQLSetDescField(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT field,
                                            SQLPOINTER value, SQLINTEGER len)
{
    return set_desc_field(__func__, h, rec, field, value, len, false);
}

BC_EXPORT SQLRETURN SQL_API SQLSetDescFieldW(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT field,
                                             SQLPOINTER value, SQLINTEGER len)
{
    return set_desc_field(__func__, h, rec, field, value, len, true);
}

static SQLRETURN get_desc_rec(const char *call, SQLHDESC h, SQLSMALLINT rec, SQLPOINTER name,
                              SQLSMALLINT cap, SQLSMALLINT *name_len, SQLSMALLINT *type,
                              SQLSMALLINT *subtype, SQLLEN *length, SQLSMALLINT *precision,
                              SQLSMALLINT *scale, SQLSMALLINT *nullable, bool wide)
{
    bc_desc *d = h;
    const char *str = NULL;
    SQLRETURN rc;

    SKIN_ENTER_AS(call, h, SQL_HANDLE_DESC);
    rc = bc_desc_get_field(d, rec, SQL_DESC_NAME, NULL, &str);
    if (rc != SQL_SUCCESS)
        return bc_handle_leave(h, rc);
    const bc_desc_rec *r = &d->recs[rec];
    if (type != NULL)
        *type = r->type;
    if (subtype != NULL)
        *subtype = r->datetime_interval_code;
    if (length != NULL)
        *length = r->octet_length;
    if (precision != NULL)
        *precision = r->precision;
    if (scale != NULL)
        *scale = r->scale;
    if (nullable != NULL)
        *nullable = r->nullable;
    rc = skin_out(h, str, name, cap, wide, true, name_len, NULL);
    return bc_handle_leave(h, rc);
}

BC_EXPORT SQLRETURN SQL_API SQLGetDescRec(SQLHDESC h, SQLSMALLINT rec, SQLCHAR *name,
                                          SQLSMALLINT cap, SQLSMALLINT *name_len, SQLSMALLINT *type,
                                          SQLSMALLINT *subtype, SQLLEN *length,
                                          SQLSMALLINT *precision, SQLSMALLINT *scale,
                                          SQLSMALLINT *nullable)
{
    return get_desc_rec(__func__, h, rec, name, cap, name_len, type, subtype, length, precision,
                        scale, nullable, false);
}

BC_EXPORT SQLRETURN SQL_API SQLGetDescRecW(SQLHDESC h, SQLSMALLINT rec, SQLWCHAR *name,
                                           SQLSMALLINT cap, SQLSMALLINT *name_len,
                                           SQLSMALLINT *type, SQLSMALLINT *subtype, SQLLEN *length,
                                           SQLSMALLINT *precision, SQLSMALLINT *scale,
                                           SQLSMALLINT *nullable)
{
    return get_desc_rec(__func__, h, rec, name, cap, name_len, type, subtype, length, precision,
                        scale, nullable, true);
}

/* "SQLSetDescRec sets the fields that affect the data type and buffer bound to a column or
 * parameter." */
BC_EXPORT SQLRETURN SQL_API SQLSetDescRec(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT type,
                                          SQLSMALLINT subtype, SQLLEN length, SQLSMALLINT precision,
                                          SQLSMALLINT scale, SQLPOINTER data, SQLLEN *str_len,
                                          SQLLEN *ind)
{
    bc_desc *d = h;
    SQLRETURN rc;

    (void)subtype;
    SKIN_ENTER(h, SQL_HANDLE_DESC);
    rc = bc_desc_set_field(d, rec, SQL_DESC_TYPE, (SQLPOINTER)(SQLLEN)type, NULL);
    if (rc == SQL_SUCCESS) {
        bc_desc_rec *r = &d->recs[rec];
        r->octet_length = length;
        r->length = (SQLULEN)length;
        r->precision = precision;
        r->scale = scale;
        r->data_ptr = data;
        r->octet_length_ptr = str_len;
        r->indicator_ptr = ind;
    }
    return bc_handle_leave(h, rc);
}

BC_EXPORT SQLRETURN SQL_API SQLCopyDesc(SQLHDESC src, SQLHDESC dst)
{
    SQLRETURN rc;

    SKIN_ENTER(src, SQL_HANDLE_DESC);
    rc = bc_handle_enter(dst, SQL_HANDLE_DESC);
    if (rc != SQL_SUCCESS)
        return bc_handle_leave(src, rc);
    rc = bc_desc_copy(src, dst);
    bc_handle_leave(dst, rc);
    return bc_handle_leave(src, rc);
}
