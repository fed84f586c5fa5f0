/*
 * SQL -> SQL_C_NUMERIC, and the exact decimal form both directions use.
 *
 * ODBC: the precision and scale of an SQL_C_NUMERIC result are those of the ARD record;
 * SQLGetData without descriptor settings uses the driver's defaults, which here are the
 * column's own (DECIMAL(20,4) -> 20,4; INTEGER -> 10,0) and 38,0 for other types. The value
 * is held as a scaled integer in val[16], little endian, sign 1 = positive, 0 = negative.
 * Work is done on decimal digits, never on binary doubles, so "12.34" at scale 2 gives
 * exactly 1234 and no spurious 01S07.
 */
#include <stdio.h>
#include <string.h>
#include "convert/convert_internal.h"

int bc_decimal_from_text(const char *s, size_t len, bc_decimal *out)
{
    size_t i = 0, nd = 0;
    int exp_adj = 0, e = 0, esign = 1;
    bool seen_point = false, any = false;

    memset(out, 0, sizeof *out);
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        out->neg = s[i++] == '-';
    for (; i < len; i++) {
        char ch = s[i];
        if (ch == '.' && !seen_point) {
            seen_point = true;
            continue;
        }
        if (ch < '0' || ch > '9')
            break;
        any = true;
        if (seen_point)
            exp_adj--;
        if (nd == 0 && ch == '0')
            continue; /* leading zero */
        if (nd < sizeof out->digits - 1) {
            out->digits[nd++] = ch;
        } else {
            exp_adj++; /* a dropped digit still counts for the magnitude */
            out->inexact |= ch != '0';
        }
    }
    if (!any)
        return -1;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            esign = s[i++] == '-' ? -1 : 1;
        for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
            if (e < 100000)
                e = e * 10 + (s[i] - '0');
    }
    out->digits[nd] = '\0';
    out->exp = exp_adj + esign * e;
    if (nd == 0)
        out->neg = false;
    return 0;
}

void bc_decimal_from_num(const bc_num *n, bc_decimal *out)
{
    char tmp[64];

    if (n->is_int)
        snprintf(tmp, sizeof tmp, "%lld", n->i);
    else
        bc_conv_format_double(n->d, tmp, sizeof tmp);
    if (bc_decimal_from_text(tmp, strlen(tmp), out) != 0)
        memset(out, 0, sizeof *out);
}

static void bc_numeric_prec_scale(const bc_cell *cell, int *prec, int *scale)
{
    SQLSMALLINT t = bc_conv_sql_type(cell);

    *prec = 38;
    *scale = 0;
    if (cell->type == NULL)
        return;
    switch (t) {
    case SQL_DECIMAL:
    case SQL_NUMERIC:
        *scale = cell->type->decimal_digits;
        /* fall through */
    case SQL_TINYINT:
    case SQL_SMALLINT:
    case SQL_INTEGER:
    case SQL_BIGINT:
    case SQL_BIT:
        if (cell->type->column_size > 0 && cell->type->column_size <= 38)
            *prec = (int)cell->type->column_size;
        break;
    default:
        break;
    }
    if (*scale < 0 || *scale > *prec)
        *scale = 0;
}

SQLRETURN bc_conv_to_numeric_struct(const bc_conv *c)
{
    SQL_NUMERIC_STRUCT *ns = c->buf;
    bc_num n;
    bc_decimal dec;
    int prec, scale, shift, nd, keep;
    bool truncated;
    unsigned __int128 v = 0;

    if (bc_conv_number(c, &n) != 0)
        return SQL_ERROR;
    if (c->storage == SQLITE_TEXT) /* exact: read the literal's own digits */
        bc_decimal_from_text((const char *)sqlite3_value_text(c->cell->value),
                             (size_t)sqlite3_value_bytes(c->cell->value), &dec);
    else
        bc_decimal_from_num(&n, &dec);
    bc_numeric_prec_scale(c->cell, &prec, &scale);

    /* value * 10^scale = digits * 10^(exp + scale): keep nd + shift digits of it. */
    nd = (int)strlen(dec.digits);
    shift = dec.exp + scale;
    keep = nd + shift < 0 ? 0 : nd + shift;
    truncated = dec.inexact;
    for (int i = keep; i < nd; i++)
        truncated |= dec.digits[i] != '0';
    if (keep > prec || keep > 38)
        return bc_conv_report(c, "22003",
                              "Numeric value out of range for SQL_C_NUMERIC with "
                              "precision %d and scale %d.",
                              prec, scale);
    for (int i = 0; i < keep; i++)
        v = v * 10 + (unsigned)(i < nd ? dec.digits[i] - '0' : 0);

    memset(ns, 0, sizeof *ns);
    ns->precision = (SQLCHAR)prec;
    ns->scale = (SQLSCHAR)scale;
    ns->sign = dec.neg && v != 0 ? 0 : 1;
    for (int i = 0; i < SQL_MAX_NUMERIC_LEN; i++, v >>= 8)
        ns->val[i] = (SQLCHAR)(v & 0xFF);
    bc_conv_fixed_done(c, sizeof *ns, SQL_SUCCESS);
    if (truncated)
        return bc_conv_report(c, "01S07",
                              "Fractional truncation: digits beyond scale %d were "
                              "dropped.",
                              scale);
    return SQL_SUCCESS;
}
