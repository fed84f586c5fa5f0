/*
 * SQL -> SQL_C_BINARY.
 *
 * ODBC: character and binary data are copied byte for byte, in parts across SQLGetData
 * calls, with 01004 when the buffer is too small (no terminator is added). Numbers are
 * returned in the driver's native form (the SQL_C_DEFAULT representation of the column:
 * SQLINTEGER, SQLBIGINT, SQLDOUBLE ...) and must fit whole, else 22003; dates as their
 * SQL_DATE/TIMESTAMP_STRUCT, likewise.
 */
#include <string.h>
#include "convert/convert_internal.h"

static SQLRETURN bc_conv_bytes_chunk(const bc_conv *c, const void *data, size_t len)
{
    size_t off = (size_t)c->offset, rem, n;

    if (off > 0 && off >= len)
        return SQL_NO_DATA;
    rem = len - off;
    n = c->buf == NULL ? 0 : (rem < (size_t)c->buflen ? rem : (size_t)c->buflen);
    if (n > 0)
        memcpy(c->buf, (const char *)data + off, n);
    if (c->ind != NULL)
        *c->ind = (SQLLEN)rem;
    if (c->consumed != NULL)
        *c->consumed = (SQLLEN)n;
    if (n < rem)
        return bc_conv_report(c, "01004",
                              "Binary data, right-truncated: %zu of %zu bytes "
                              "returned; call SQLGetData again for the rest.",
                              n, rem);
    return SQL_SUCCESS;
}

/* Fixed-size native form into the buffer, whole or 22003. */
static SQLRETURN bc_conv_native(const bc_conv *c, SQLSMALLINT as)
{
    char tmp[64];
    bc_conv sub = *c;
    SQLLEN size = bc_c_type_size(as);
    SQLRETURN rc;

    if (c->offset > 0)
        return SQL_NO_DATA;
    if (c->buf == NULL || c->buflen < size)
        return bc_conv_report(c, "22003",
                              "The binary buffer of %ld bytes is too small for the "
                              "value's %ld-byte native form.",
                              (long)c->buflen, (long)size);
    sub.target = as;
    sub.buf = tmp;
    rc = as == SQL_C_NUMERIC ? bc_conv_to_numeric_struct(&sub)
         : (as == SQL_C_TYPE_DATE || as == SQL_C_TYPE_TIMESTAMP || as == SQL_C_TYPE_TIME)
             ? bc_conv_to_datetime(&sub)
             : bc_conv_to_number(&sub);
    if (rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO)
        memcpy(c->buf, tmp, (size_t)size);
    return rc;
}

SQLRETURN bc_conv_to_binary(const bc_conv *c)
{
    sqlite3_value *v = c->cell->value;
    SQLSMALLINT st = bc_conv_sql_type(c->cell);
    char dk = bc_conv_datetime_kind(st);

    switch (c->storage) {
    case SQLITE_BLOB:
        return bc_conv_bytes_chunk(c, sqlite3_value_blob(v), (size_t)sqlite3_value_bytes(v));
    case SQLITE_TEXT:
        if (dk != 0)
            return bc_conv_native(c, dk == 'D'   ? SQL_C_TYPE_DATE
                                     : dk == 'T' ? SQL_C_TYPE_TIME
                                                 : SQL_C_TYPE_TIMESTAMP);
        return bc_conv_bytes_chunk(c, sqlite3_value_text(v), (size_t)sqlite3_value_bytes(v));
    case SQLITE_INTEGER:
        if (st == SQL_BIT)
            return bc_conv_native(c, SQL_C_BIT);
        if (st == SQL_INTEGER || st == SQL_SMALLINT || st == SQL_TINYINT)
            return bc_conv_native(c, bc_default_c_type(st));
        if (st == SQL_DOUBLE || st == SQL_FLOAT || st == SQL_REAL)
            return bc_conv_native(c, SQL_C_DOUBLE);
        if (st == SQL_DECIMAL || st == SQL_NUMERIC)
            return bc_conv_native(c, SQL_C_NUMERIC);
        return bc_conv_native(c, SQL_C_SBIGINT);
    default: /* SQLITE_FLOAT */
        if (st == SQL_DECIMAL || st == SQL_NUMERIC)
            return bc_conv_native(c, SQL_C_NUMERIC);
        return bc_conv_native(c, SQL_C_DOUBLE);
    }
}
