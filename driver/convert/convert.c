/*
 * SQL -> C conversion dispatch, SQL_C_DEFAULT and the helpers every family shares.
 *
 * Values are converted from their SQLite storage class first (an expression column reports
 * NVARCHAR yet may hold an integer), and the reported SQL type decides formatting (DECIMAL
 * scale, BIT) and the default C type.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "convert/convert_internal.h"

SQLSMALLINT bc_default_c_type(SQLSMALLINT sql_type)
{
    switch (sql_type) {
    case SQL_CHAR:
    case SQL_VARCHAR:
    case SQL_LONGVARCHAR:
    case SQL_DECIMAL: /* ODBC's default for exact numerics is the character form */
    case SQL_NUMERIC:
        return SQL_C_CHAR;
    case SQL_WCHAR:
    case SQL_WVARCHAR:
    case SQL_WLONGVARCHAR:
        return SQL_C_WCHAR;
    case SQL_BIT:
        return SQL_C_BIT;
    case SQL_TINYINT:
        return SQL_C_STINYINT;
    case SQL_SMALLINT:
        return SQL_C_SSHORT;
    case SQL_INTEGER:
        return SQL_C_SLONG;
    case SQL_BIGINT:
        return SQL_C_SBIGINT;
    case SQL_REAL:
        return SQL_C_FLOAT;
    case SQL_FLOAT:
    case SQL_DOUBLE:
        return SQL_C_DOUBLE;
    case SQL_BINARY:
    case SQL_VARBINARY:
    case SQL_LONGVARBINARY:
        return SQL_C_BINARY;
    case SQL_TYPE_DATE:
        return SQL_C_TYPE_DATE;
    case SQL_TYPE_TIME:
        return SQL_C_TYPE_TIME;
    case SQL_TYPE_TIMESTAMP:
        return SQL_C_TYPE_TIMESTAMP;
    case SQL_DATE:
        return SQL_C_DATE;
    case SQL_TIME:
        return SQL_C_TIME;
    case SQL_TIMESTAMP:
        return SQL_C_TIMESTAMP;
    case SQL_GUID:
        return SQL_C_GUID;
    default:
        return SQL_C_CHAR;
    }
}

SQLLEN bc_c_type_size(SQLSMALLINT c_type)
{
    switch (c_type) {
    case SQL_C_TINYINT:
    case SQL_C_STINYINT:
    case SQL_C_UTINYINT:
    case SQL_C_BIT:
        return 1;
    case SQL_C_SHORT:
    case SQL_C_SSHORT:
    case SQL_C_USHORT:
        return sizeof(SQLSMALLINT);
    case SQL_C_LONG:
    case SQL_C_SLONG:
    case SQL_C_ULONG:
        return sizeof(SQLINTEGER);
    case SQL_C_SBIGINT:
    case SQL_C_UBIGINT:
        return sizeof(SQLBIGINT);
    case SQL_C_FLOAT:
        return sizeof(SQLREAL);
    case SQL_C_DOUBLE:
        return sizeof(SQLDOUBLE);
    case SQL_C_NUMERIC:
        return sizeof(SQL_NUMERIC_STRUCT);
    case SQL_C_TYPE_DATE:
    case SQL_C_DATE:
        return sizeof(SQL_DATE_STRUCT);
    case SQL_C_TYPE_TIME:
    case SQL_C_TIME:
        return sizeof(SQL_TIME_STRUCT);
    case SQL_C_TYPE_TIMESTAMP:
    case SQL_C_TIMESTAMP:
        return sizeof(SQL_TIMESTAMP_STRUCT);
    case SQL_C_GUID:
        return sizeof(SQLGUID);
    default:
        return 0;
    }
}

SQLSMALLINT bc_conv_sql_type(const bc_cell *cell)
{
    return cell->type != NULL ? cell->type->sql_type : SQL_WVARCHAR;
}

char bc_conv_datetime_kind(SQLSMALLINT sql_type)
{
    switch (sql_type) {
    case SQL_TYPE_DATE:
    case SQL_DATE:
        return 'D';
    case SQL_TYPE_TIME:
    case SQL_TIME:
        return 'T';
    case SQL_TYPE_TIMESTAMP:
    case SQL_TIMESTAMP:
        return 'S';
    default:
        return 0;
    }
}

/* SQL_C_DEFAULT for this cell: the reported type's default (honouring unsigned), or, for a
 * cell without a type, the natural C type of its storage class. */
static SQLSMALLINT bc_conv_default_for(const bc_cell *cell, int storage)
{
    SQLSMALLINT c;

    if (cell->type == NULL) {
        switch (storage) {
        case SQLITE_INTEGER:
            return SQL_C_SBIGINT;
        case SQLITE_FLOAT:
            return SQL_C_DOUBLE;
        case SQLITE_BLOB:
            return SQL_C_BINARY;
        default:
            return SQL_C_WCHAR;
        }
    }
    c = bc_default_c_type(cell->type->sql_type);
    if (cell->type->is_unsigned) {
        if (c == SQL_C_STINYINT)
            return SQL_C_UTINYINT;
        if (c == SQL_C_SSHORT)
            return SQL_C_USHORT;
        if (c == SQL_C_SLONG)
            return SQL_C_ULONG;
        if (c == SQL_C_SBIGINT)
            return SQL_C_UBIGINT;
    }
    return c;
}

SQLRETURN bc_conv_report(const bc_conv *c, const char *state, const char *fmt, ...)
{
    char msg[sizeof c->err->message];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    bc_error_set(c->err, state, 0, "%s", msg);
    return strncmp(state, "01", 2) == 0 ? SQL_SUCCESS_WITH_INFO : SQL_ERROR;
}

SQLRETURN bc_conv_fixed_done(const bc_conv *c, SQLLEN size, SQLRETURN rc)
{
    if (c->ind != NULL)
        *c->ind = size;
    if (c->consumed != NULL)
        *c->consumed = size;
    return rc;
}

static bool bc_is_number_target(SQLSMALLINT t)
{
    switch (t) {
    case SQL_C_TINYINT:
    case SQL_C_STINYINT:
    case SQL_C_UTINYINT:
    case SQL_C_SHORT:
    case SQL_C_SSHORT:
    case SQL_C_USHORT:
    case SQL_C_LONG:
    case SQL_C_SLONG:
    case SQL_C_ULONG:
    case SQL_C_SBIGINT:
    case SQL_C_UBIGINT:
    case SQL_C_FLOAT:
    case SQL_C_DOUBLE:
    case SQL_C_BIT:
        return true;
    default:
        return false;
    }
}

/* A SQL NULL: SQL_NULL_DATA in the indicator, or 22002 when there is no indicator. A second
 * SQLGetData on the same NULL column finds nothing more to return. */
static SQLRETURN bc_conv_null(const bc_conv *c)
{
    if (c->offset > 0)
        return SQL_NO_DATA;
    if (c->ind == NULL)
        return bc_conv_report(c, "22002",
                              "The value is NULL but no indicator buffer was given; "
                              "bind an indicator (StrLen_or_IndPtr) for this column.");
    *c->ind = SQL_NULL_DATA;
    return SQL_SUCCESS;
}

static SQLRETURN bc_conv_dispatch(const bc_conv *c)
{
    bool variable =
        c->target == SQL_C_CHAR || c->target == SQL_C_WCHAR || c->target == SQL_C_BINARY;

    if (variable && c->buflen < 0)
        return bc_conv_report(c, "HY090",
                              "The buffer length is negative; pass the size of the "
                              "buffer in bytes.");
    /* A fixed-size value is returned whole by the first SQLGetData call. */
    if (!variable && c->offset > 0)
        return SQL_NO_DATA;
    if (!variable && c->buf == NULL && bc_c_type_size(c->target) > 0)
        return bc_conv_report(c, "HY009",
                              "The data buffer pointer is NULL; pass a buffer for "
                              "the value.");
    if (c->target == SQL_C_CHAR || c->target == SQL_C_WCHAR)
        return bc_conv_to_char(c, c->target == SQL_C_WCHAR);
    if (c->target == SQL_C_BINARY)
        return bc_conv_to_binary(c);
    if (bc_is_number_target(c->target))
        return bc_conv_to_number(c);
    if (c->target == SQL_C_NUMERIC)
        return bc_conv_to_numeric_struct(c);
    switch (c->target) {
    case SQL_C_TYPE_DATE:
    case SQL_C_TYPE_TIME:
    case SQL_C_TYPE_TIMESTAMP:
    case SQL_C_DATE:
    case SQL_C_TIME:
    case SQL_C_TIMESTAMP:
        return bc_conv_to_datetime(c);
    case SQL_C_GUID:
        return bc_conv_report(c, "07006",
                              "No column of this driver converts to SQL_C_GUID; "
                              "fetch it as SQL_C_CHAR.");
    default:
        break;
    }
    if (c->target >= SQL_C_INTERVAL_YEAR && c->target <= SQL_C_INTERVAL_MINUTE_TO_SECOND)
        return bc_conv_report(c, "HYC00",
                              "Interval C types are not supported; fetch the value "
                              "as SQL_C_CHAR or a numeric type.");
    return bc_conv_report(c, "HY003", "C data type %d is not a valid ODBC C type.", c->target);
}

SQLRETURN bc_convert_to_c(const bc_cell *cell, SQLSMALLINT target_type, SQLPOINTER buf,
                          SQLLEN buflen, SQLLEN offset, SQLLEN *ind, SQLLEN *consumed,
                          bc_error *err)
{
    bc_conv c;

    c.cell = cell;
    c.storage = cell != NULL && cell->value != NULL ? sqlite3_value_type(cell->value) : SQLITE_NULL;
    c.buf = buf;
    c.buflen = buflen;
    c.offset = offset < 0 ? 0 : offset;
    c.ind = ind;
    c.consumed = consumed;
    c.err = err;
    c.target = target_type;
    if (consumed != NULL)
        *consumed = 0;
    if (c.storage == SQLITE_NULL)
        return bc_conv_null(&c);
    if (c.target == SQL_C_DEFAULT)
        c.target = bc_conv_default_for(cell, c.storage);
    return bc_conv_dispatch(&c);
}
