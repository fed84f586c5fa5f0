/*
 * Internals of the conversions (convert*.c): the request of one bc_convert_to_c call, and
 * the helpers the per-family files share. Not part of the module interface (bc_convert.h).
 */
#ifndef BC_CONVERT_INTERNAL_H
#define BC_CONVERT_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include "bc_convert.h"
#include "bc_odbc_text.h"
#include "bc_util.h"

/* One conversion request, as bc_convert_to_c received it (target already resolved). */
typedef struct bc_conv {
    const bc_cell *cell;
    int storage;        /* SQLITE_INTEGER / FLOAT / TEXT / BLOB (never NULL here) */
    SQLSMALLINT target; /* never SQL_C_DEFAULT */
    SQLPOINTER buf;
    SQLLEN buflen;
    SQLLEN offset;
    SQLLEN *ind;
    SQLLEN *consumed;
    bc_error *err;
} bc_conv;

/* A number read from a cell: an exact integer, or a double. */
typedef struct bc_num {
    bool is_int;
    long long i;
    double d;
    bool is_big; /* an exact integer above LLONG_MAX, in u (d holds it approximately) */
    unsigned long long u;
} bc_num;

/* The reported SQL type of the cell (SQL_WVARCHAR when the column has none). */
SQLSMALLINT bc_conv_sql_type(const bc_cell *cell);
/* Whether the reported type is a date/time type, and which: 'D', 'T', 'S' (timestamp), 0. */
char bc_conv_datetime_kind(SQLSMALLINT sql_type);

/* Text of the cell as SQL_C_CHAR shows it (UTF-8, malloc'd, caller frees; NULL on OOM):
 * integers in decimal, reals with the column's scale for DECIMAL or shortest round-trip,
 * blobs in hex, text as is. *len gets the byte length. */
char *bc_conv_text(const bc_conv *c, size_t *len);
/* Shortest "%.{15,17}g" form of d that reads back as d. */
void bc_conv_format_double(double d, char *out, size_t cap);

/* Read the cell as a number. 0, or -1 with err set (22018 for text that is not a number). */
int bc_conv_number(const bc_conv *c, bc_num *out);
/* Parse text as a number (leading/trailing blanks allowed). 0 or -1. */
int bc_conv_parse_number(const char *s, size_t len, bc_num *out);

/* Parse a date, time or timestamp literal (also the ODBC escapes {d '...'}, {t '...'},
 * {ts '...'} and, for timestamps, ISO 8601 / RFC 2822 with zones). *kind gets 'D', 'T' or
 * 'S'. Returns 0, -1 when the text is not such a literal, -2 when it has the shape of one
 * but a field is out of range (Feb 30, 25:00). */
int bc_conv_parse_datetime(const char *s, size_t len, bc_timestamp *out, char *kind);

/* The per-family converters; each returns what bc_convert_to_c returns. */
SQLRETURN bc_conv_to_char(const bc_conv *c, bool wide);
SQLRETURN bc_conv_to_number(const bc_conv *c);
SQLRETURN bc_conv_to_numeric_struct(const bc_conv *c);
SQLRETURN bc_conv_to_datetime(const bc_conv *c);
SQLRETURN bc_conv_to_binary(const bc_conv *c);

/* Set *ind / *consumed for a fixed-size result. Returns rc. */
SQLRETURN bc_conv_fixed_done(const bc_conv *c, SQLLEN size, SQLRETURN rc);
/* Set err to state and the message; returns SQL_SUCCESS_WITH_INFO for a warning (01xxx),
 * SQL_ERROR for anything else. */
SQLRETURN bc_conv_report(const bc_conv *c, const char *state, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Decimal digits of a number: sign, up to 40 significant digits and a power of ten, so
 * that value = (neg ? -1 : 1) * digits * 10^exp. Used by SQL_C_NUMERIC both ways. */
typedef struct bc_decimal {
    bool neg;
    char digits[41]; /* no leading zeros; "" means zero */
    int exp;
    bool inexact; /* more digits than fit were dropped (nonzero) */
} bc_decimal;
int bc_decimal_from_text(const char *s, size_t len, bc_decimal *out);
void bc_decimal_from_num(const bc_num *n, bc_decimal *out);

#endif
