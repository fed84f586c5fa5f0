/*
 * Type mapping between catalog column types, the SQLite declared types written into
 * CREATE VIRTUAL TABLE, and the ODBC SQL types reported by SQLDescribeCol/SQLColumns.
 * bc_decl_of_column and bc_type_from_decl are inverse: a result column's decltype is all
 * the statement layer has, so every spelling produced here must parse back to the same type.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sql.h>
#include <sqlext.h>
#include "bc_catalog.h"
#include "bc_defaults.h"

/* SQL_C_TIMESTAMP/SQL_C_DATE struct sizes: octet length of the default C representation. */
#define BC_TIMESTAMP_OCTETS ((long)sizeof(SQL_TIMESTAMP_STRUCT))
#define BC_DATE_OCTETS ((long)sizeof(SQL_DATE_STRUCT))
#define BC_TIME_OCTETS ((long)sizeof(SQL_TIME_STRUCT))
#define BC_MONEY_PRECISION 20
#define BC_MONEY_SCALE 4

static long wchar_octets(long chars)
{
    /* Two bytes per UTF-16 unit, capped so the value still fits an SQLINTEGER. */
    if (chars > BC_LONG_TEXT_LEN / 2)
        return BC_LONG_TEXT_LEN;
    return chars * 2;
}

static void set_fixed(bc_sql_type *o, short t, const char *name, long size, short digits,
                      long display, long octets, short radix)
{
    o->sql_type = t;
    o->type_name = name;
    o->column_size = size;
    o->decimal_digits = digits;
    o->display_size = display;
    o->octet_length = octets;
    o->num_prec_radix = radix;
    o->is_unsigned = false;
}

static void set_wvarchar(bc_sql_type *o, long len)
{
    set_fixed(o, SQL_WVARCHAR, "NVARCHAR", len, 0, len, wchar_octets(len), 0);
}

static void set_longtext(bc_sql_type *o)
{
    set_fixed(o, SQL_WLONGVARCHAR, "NTEXT", BC_LONG_TEXT_LEN, 0, BC_LONG_TEXT_LEN, BC_LONG_TEXT_LEN,
              0);
}

/* Binary values: SQLite BLOBs (x'0001', CAST(... AS BLOB), BLOB columns of TEMP tables).
 * Display size is two hex digits per byte. */
static void set_binary(bc_sql_type *o, short t, const char *name, long len)
{
    long display = len > BC_LONG_TEXT_LEN / 2 ? BC_LONG_TEXT_LEN : len * 2;

    set_fixed(o, t, name, len, 0, display, len, 0);
}

void bc_type_varbinary(bc_sql_type *out)
{
    set_binary(out, SQL_VARBINARY, "VARBINARY", BC_DEFAULT_VARCHAR_LEN);
}

static void set_decimal(bc_sql_type *o, long prec, short scale)
{
    /* Display: sign and decimal point besides the digits. */
    set_fixed(o, SQL_DECIMAL, "DECIMAL", prec, scale, prec + 2, prec + 2, 10);
}

void bc_type_of_column(const bc_column_def *c, bc_sql_type *out)
{
    switch (c->type) {
    case BC_COL_INTEGER:
        set_fixed(out, SQL_INTEGER, "INTEGER", 10, 0, 11, 4, 10);
        break;
    case BC_COL_BIGINT:
        set_fixed(out, SQL_BIGINT, "BIGINT", 19, 0, 20, 8, 10);
        break;
    case BC_COL_DOUBLE:
        set_fixed(out, SQL_DOUBLE, "DOUBLE", 15, 0, 24, 8, 10);
        break;
    case BC_COL_DECIMAL:
        set_decimal(out, BC_MONEY_PRECISION, BC_MONEY_SCALE);
        break;
    case BC_COL_BIT:
        set_fixed(out, SQL_BIT, "BIT", 1, 0, 1, 1, 0);
        break;
    case BC_COL_VARCHAR:
        set_wvarchar(out, c->length > 0 ? c->length : BC_DEFAULT_VARCHAR_LEN);
        break;
    case BC_COL_TIMESTAMP:
        set_fixed(out, SQL_TYPE_TIMESTAMP, "TIMESTAMP", 19, 0, 19, BC_TIMESTAMP_OCTETS, 0);
        break;
    case BC_COL_DATE:
        set_fixed(out, SQL_TYPE_DATE, "DATE", 10, 0, 10, BC_DATE_OCTETS, 0);
        break;
    case BC_COL_LONGTEXT:
    case BC_COL_JSON:
    default:
        set_longtext(out);
        break;
    }
}

const char *bc_decl_of_column(const bc_column_def *c, char *buf, int buflen)
{
    bc_sql_type t;

    bc_type_of_column(c, &t);
    if (t.sql_type == SQL_WVARCHAR)
        snprintf(buf, (size_t)buflen, "NVARCHAR(%ld)", t.column_size);
    else if (t.sql_type == SQL_DECIMAL)
        snprintf(buf, (size_t)buflen, "DECIMAL(%ld,%d)", t.column_size, t.decimal_digits);
    else
        snprintf(buf, (size_t)buflen, "%s", t.type_name);
    return buf;
}

/* Split "NAME(a,b)" into the upper-cased name and up to two numbers (-1 when absent). */
static void parse_decl(const char *decl, char *name, size_t cap, long *a, long *b)
{
    size_t n = 0;
    const char *p = decl;

    *a = *b = -1;
    while (*p == ' ')
        p++;
    while (*p && *p != '(' && n + 1 < cap) {
        name[n++] = (char)toupper((unsigned char)*p);
        p++;
    }
    while (n > 0 && name[n - 1] == ' ')
        n--;
    name[n] = '\0';
    if (*p != '(')
        return;
    *a = strtol(p + 1, (char **)&p, 10);
    while (*p == ' ')
        p++;
    if (*p == ',')
        *b = strtol(p + 1, NULL, 10);
}

static bool name_is(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(name, *list) == 0)
            return true;
    return false;
}

static const char *const k_int[] = {"INTEGER", "INT", "MEDIUMINT", NULL};
static const char *const k_small[] = {"SMALLINT", "TINYINT", NULL};
static const char *const k_big[] = {"BIGINT", "INT8", NULL};
static const char *const k_double[] = {"DOUBLE", "REAL", "FLOAT", "DOUBLE PRECISION", NULL};
static const char *const k_decimal[] = {"DECIMAL", "NUMERIC", NULL};
static const char *const k_varchar[] = {"NVARCHAR",  "VARCHAR",           "CHAR", "NCHAR",
                                        "CHARACTER", "VARYING CHARACTER", NULL};
static const char *const k_long[] = {"NTEXT",        "TEXT", "CLOB", "LONGVARCHAR",
                                     "LONGNVARCHAR", "JSON", NULL};
static const char *const k_varbinary[] = {"VARBINARY", "BINARY VARYING", NULL};
static const char *const k_longbinary[] = {"BLOB", "LONGVARBINARY", "BYTEA", "IMAGE", NULL};

void bc_type_from_decl(const char *decl, bc_sql_type *out)
{
    char name[32];
    long a, b;

    if (decl == NULL || *decl == '\0') {
        set_wvarchar(out, BC_DEFAULT_VARCHAR_LEN);
        return;
    }
    parse_decl(decl, name, sizeof name, &a, &b);
    if (name_is(name, k_int))
        set_fixed(out, SQL_INTEGER, "INTEGER", 10, 0, 11, 4, 10);
    else if (name_is(name, k_small))
        set_fixed(out, SQL_SMALLINT, "SMALLINT", 5, 0, 6, 2, 10);
    else if (name_is(name, k_big))
        set_fixed(out, SQL_BIGINT, "BIGINT", 19, 0, 20, 8, 10);
    else if (name_is(name, k_double))
        set_fixed(out, SQL_DOUBLE, "DOUBLE", 15, 0, 24, 8, 10);
    else if (name_is(name, k_decimal))
        set_decimal(out, a > 0 ? a : BC_MONEY_PRECISION, (short)(b >= 0 ? b : 0));
    else if (strcmp(name, "BIT") == 0 || strcmp(name, "BOOLEAN") == 0)
        set_fixed(out, SQL_BIT, "BIT", 1, 0, 1, 1, 0);
    else if (strcmp(name, "TIMESTAMP") == 0 || strcmp(name, "DATETIME") == 0)
        set_fixed(out, SQL_TYPE_TIMESTAMP, "TIMESTAMP", 19, 0, 19, BC_TIMESTAMP_OCTETS, 0);
    else if (strcmp(name, "DATE") == 0)
        set_fixed(out, SQL_TYPE_DATE, "DATE", 10, 0, 10, BC_DATE_OCTETS, 0);
    else if (strcmp(name, "TIME") == 0)
        set_fixed(out, SQL_TYPE_TIME, "TIME", 8, 0, 8, BC_TIME_OCTETS, 0);
    else if (name_is(name, k_varbinary))
        set_binary(out, SQL_VARBINARY, "VARBINARY", a > 0 ? a : BC_DEFAULT_VARCHAR_LEN);
    else if (strcmp(name, "BINARY") == 0)
        set_binary(out, SQL_BINARY, "BINARY", a > 0 ? a : 1);
    else if (name_is(name, k_longbinary))
        set_binary(out, SQL_LONGVARBINARY, "LONGVARBINARY", BC_LONG_TEXT_LEN);
    else if (name_is(name, k_varchar))
        set_wvarchar(out, a > 0 ? a : BC_DEFAULT_VARCHAR_LEN);
    else if (name_is(name, k_long))
        set_longtext(out);
    else
        set_wvarchar(out, BC_DEFAULT_VARCHAR_LEN);
}
