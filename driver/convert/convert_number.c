/*
 * SQL -> the integer C types, SQL_C_FLOAT/SQL_C_DOUBLE and SQL_C_BIT.
 *
 * ODBC: "Data converted with truncation of fractional digits" -> 01S07; "Conversion of
 * data would result in loss of whole (as opposed to fractional) digits" -> 22003; "Data is
 * not a numeric-literal" -> 22018. For SQL_C_BIT: 0 or 1 converts, a value strictly between
 * 0 and 2 other than 1 truncates (01S07), anything else is 22003.
 */
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "convert/convert_internal.h"

/* Accept [blanks][sign]digits[.digits][(e|E)[sign]digits][blanks], and nothing else: strtod
 * alone would also take "inf", "nan" and hex floats, which are not SQL numeric literals. */
static bool bc_is_numeric_literal(const char *s, bool *has_point_or_exp)
{
    int digits = 0;

    *has_point_or_exp = false;
    if (*s == '+' || *s == '-')
        s++;
    for (; *s >= '0' && *s <= '9'; s++)
        digits++;
    if (*s == '.') {
        *has_point_or_exp = true;
        for (s++; *s >= '0' && *s <= '9'; s++)
            digits++;
    }
    if (digits == 0)
        return false;
    if (*s == 'e' || *s == 'E') {
        *has_point_or_exp = true;
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (*s < '0' || *s > '9')
            return false;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return *s == '\0';
}

int bc_conv_parse_number(const char *s, size_t len, bc_num *out)
{
    char tmp[512];
    bool frac;

    while (len > 0 && (*s == ' ' || *s == '\t'))
        s++, len--;
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (len == 0 || len >= sizeof tmp)
        return -1;
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    if (!bc_is_numeric_literal(tmp, &frac))
        return -1;
    out->is_big = false;
    if (!frac) {
        errno = 0;
        long long v = strtoll(tmp, NULL, 10);
        if (errno == 0) {
            out->is_int = true;
            out->i = v;
            out->d = (double)v;
            return 0;
        }
        /* Only SQL_C_UBIGINT can hold these exactly; keep them exact for it. */
        errno = 0;
        unsigned long long u = tmp[0] == '-' ? 0 : strtoull(tmp, NULL, 10);
        out->is_big = tmp[0] != '-' && errno == 0;
        out->u = u;
    }
    out->is_int = false;
    out->d = strtod(tmp, NULL); /* may be +-HUGE_VAL: that is "out of range" later */
    return 0;
}

int bc_conv_number(const bc_conv *c, bc_num *out)
{
    sqlite3_value *v = c->cell->value;

    switch (c->storage) {
    case SQLITE_INTEGER:
        out->is_big = false;
        out->is_int = true;
        out->i = sqlite3_value_int64(v);
        out->d = (double)out->i;
        return 0;
    case SQLITE_FLOAT:
        out->is_big = false;
        out->is_int = false;
        out->d = sqlite3_value_double(v);
        return 0;
    case SQLITE_TEXT:
        if (bc_conv_datetime_kind(bc_conv_sql_type(c->cell)) != 0) {
            bc_conv_report(c, "07006",
                           "A date/time column cannot be converted to a number; "
                           "fetch it as a date, timestamp or text.");
            return -1;
        }
        if (bc_conv_parse_number((const char *)sqlite3_value_text(v),
                                 (size_t)sqlite3_value_bytes(v), out) != 0) {
            bc_conv_report(c, "22018",
                           "The value is not a number and cannot be converted to a "
                           "numeric C type; fetch it as SQL_C_CHAR.");
            return -1;
        }
        return 0;
    default:
        bc_conv_report(c, "07006",
                       "Binary data cannot be converted to a number; fetch it as "
                       "SQL_C_BINARY or SQL_C_CHAR.");
        return -1;
    }
}

/* Range of an integer C type: lo inclusive, hi_excl exclusive (as doubles, exact powers of
 * two), and hi as an unsigned integer. */
typedef struct bc_int_range {
    double lo, hi_excl;
    long long lo_i;
    unsigned long long hi_u;
    SQLLEN size;
} bc_int_range;

static bc_int_range bc_int_range_of(SQLSMALLINT t)
{
    switch (t) {
    case SQL_C_TINYINT:
    case SQL_C_STINYINT:
        return (bc_int_range){-128.0, 128.0, -128, 127, 1};
    case SQL_C_UTINYINT:
        return (bc_int_range){0, 256.0, 0, 255, 1};
    case SQL_C_SHORT:
    case SQL_C_SSHORT:
        return (bc_int_range){-32768.0, 32768.0, -32768, 32767, 2};
    case SQL_C_USHORT:
        return (bc_int_range){0, 65536.0, 0, 65535, 2};
    case SQL_C_LONG:
    case SQL_C_SLONG:
        return (bc_int_range){-2147483648.0, 2147483648.0, -2147483647LL - 1, 2147483647, 4};
    case SQL_C_ULONG:
        return (bc_int_range){0, 4294967296.0, 0, 4294967295ULL, 4};
    case SQL_C_UBIGINT:
        return (bc_int_range){0, 18446744073709551616.0, 0, ~0ULL, 8};
    default: /* SQL_C_SBIGINT */
        return (bc_int_range){-9223372036854775808.0, 9223372036854775808.0, LLONG_MIN,
                              (unsigned long long)LLONG_MAX, 8};
    }
}

static void bc_store_int(SQLPOINTER buf, SQLSMALLINT t, long long s, unsigned long long u)
{
    switch (t) {
    case SQL_C_TINYINT:
    case SQL_C_STINYINT:
        *(SQLSCHAR *)buf = (SQLSCHAR)s;
        break;
    case SQL_C_UTINYINT:
        *(SQLCHAR *)buf = (SQLCHAR)u;
        break;
    case SQL_C_SHORT:
    case SQL_C_SSHORT:
        *(SQLSMALLINT *)buf = (SQLSMALLINT)s;
        break;
    case SQL_C_USHORT:
        *(SQLUSMALLINT *)buf = (SQLUSMALLINT)u;
        break;
    case SQL_C_LONG:
    case SQL_C_SLONG:
        *(SQLINTEGER *)buf = (SQLINTEGER)s;
        break;
    case SQL_C_ULONG:
        *(SQLUINTEGER *)buf = (SQLUINTEGER)u;
        break;
    case SQL_C_UBIGINT:
        *(SQLUBIGINT *)buf = (SQLUBIGINT)u;
        break;
    default:
        *(SQLBIGINT *)buf = (SQLBIGINT)s;
        break;
    }
}

static SQLRETURN bc_conv_out_of_range(const bc_conv *c)
{
    return bc_conv_report(c, "22003",
                          "Numeric value out of range for the requested C type; "
                          "fetch it into a wider type or as SQL_C_CHAR.");
}

static SQLRETURN bc_conv_fraction_warning(const bc_conv *c)
{
    return bc_conv_report(c, "01S07",
                          "Fractional truncation: the fractional part of the "
                          "value was dropped.");
}

static SQLRETURN bc_conv_to_int(const bc_conv *c, const bc_num *n)
{
    bc_int_range r = bc_int_range_of(c->target);
    double t;

    if (n->is_int) {
        if (n->i < r.lo_i || (n->i > 0 && (unsigned long long)n->i > r.hi_u))
            return bc_conv_out_of_range(c);
        bc_store_int(c->buf, c->target, n->i, (unsigned long long)n->i);
        return bc_conv_fixed_done(c, r.size, SQL_SUCCESS);
    }
    if (n->is_big) {
        if (c->target != SQL_C_UBIGINT)
            return bc_conv_out_of_range(c);
        bc_store_int(c->buf, c->target, 0, n->u);
        return bc_conv_fixed_done(c, r.size, SQL_SUCCESS);
    }
    if (isnan(n->d))
        return bc_conv_out_of_range(c);
    t = trunc(n->d);
    if (!(t >= r.lo && t < r.hi_excl))
        return bc_conv_out_of_range(c);
    /* t fits the target, so the casts below are exact for whichever one is used. */
    if (t < 0)
        bc_store_int(c->buf, c->target, (long long)t, 0);
    else if (t < 9223372036854775808.0)
        bc_store_int(c->buf, c->target, (long long)t, (unsigned long long)t);
    else
        bc_store_int(c->buf, c->target, 0, (unsigned long long)t);
    bc_conv_fixed_done(c, r.size, SQL_SUCCESS);
    return t != n->d ? bc_conv_fraction_warning(c) : SQL_SUCCESS;
}

static SQLRETURN bc_conv_to_bit(const bc_conv *c, const bc_num *n)
{
    double d = n->is_int ? (double)n->i : n->d;

    if (n->is_int ? (n->i < 0 || n->i > 1) : !(d >= 0 && d < 2))
        return bc_conv_out_of_range(c);
    *(SQLCHAR *)c->buf = d >= 1 ? 1 : 0;
    bc_conv_fixed_done(c, 1, SQL_SUCCESS);
    return d != 0 && d != 1 ? bc_conv_fraction_warning(c) : SQL_SUCCESS;
}

SQLRETURN bc_conv_to_number(const bc_conv *c)
{
    bc_num n;

    if (bc_conv_number(c, &n) != 0)
        return SQL_ERROR;
    switch (c->target) {
    case SQL_C_DOUBLE:
        if (!n.is_int && !isfinite(n.d))
            return bc_conv_out_of_range(c);
        *(SQLDOUBLE *)c->buf = n.is_int ? (double)n.i : n.d;
        return bc_conv_fixed_done(c, sizeof(SQLDOUBLE), SQL_SUCCESS);
    case SQL_C_FLOAT: {
        double d = n.is_int ? (double)n.i : n.d;
        if (!isfinite(d) || fabs(d) > FLT_MAX)
            return bc_conv_out_of_range(c);
        *(SQLREAL *)c->buf = (SQLREAL)d;
        return bc_conv_fixed_done(c, sizeof(SQLREAL), SQL_SUCCESS);
    }
    case SQL_C_BIT:
        return bc_conv_to_bit(c, &n);
    default:
        return bc_conv_to_int(c, &n);
    }
}
