/*
 * SQL -> SQL_C_CHAR and SQL_C_WCHAR. SQL_C_CHAR carries the driver's UTF-8 bytes (unixODBC
 * hands ANSI applications the driver's bytes unchanged); SQL_C_WCHAR carries UTF-16.
 *
 * ODBC: "If the data ... is truncated, SQLGetData returns SQL_SUCCESS_WITH_INFO and
 * SQLSTATE 01004 ... the length returned in *StrLen_or_IndPtr is the length of the data
 * remaining before the call" and "successive calls return the data in parts"; "the driver
 * null-terminates the data ... when the data is truncated the last byte is the null
 * terminator". Truncation never cuts a character: UTF-8 sequences and UTF-16 surrogate
 * pairs stay whole unless not a single character fits.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "convert/convert_internal.h"

void bc_conv_format_double(double d, char *out, size_t cap)
{
    /* the fewest significant digits (15..17) that read back as the same double */
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(out, cap, "%.*g", prec, d);
        if (strtod(out, NULL) == d)
            break;
    }
}

static char *bc_conv_hex(const unsigned char *p, size_t n, size_t *len)
{
    static const char hex[] = "0123456789ABCDEF";
    char *out = malloc(n * 2 + 1);

    if (out == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = hex[p[i] >> 4];
        out[2 * i + 1] = hex[p[i] & 15];
    }
    out[n * 2] = '\0';
    *len = n * 2;
    return out;
}

/* Scale of the reported type when it is an exact numeric with a fixed scale, else -1. */
static int bc_conv_fixed_scale(const bc_cell *cell)
{
    SQLSMALLINT t = bc_conv_sql_type(cell);

    if ((t == SQL_DECIMAL || t == SQL_NUMERIC) && cell->type->decimal_digits >= 0)
        return cell->type->decimal_digits;
    return -1;
}

char *bc_conv_text(const bc_conv *c, size_t *len)
{
    char tmp[512];
    int scale = bc_conv_fixed_scale(c->cell);
    sqlite3_value *v = c->cell->value;

    switch (c->storage) {
    case SQLITE_INTEGER:
        if (scale > 0)
            snprintf(tmp, sizeof tmp, "%lld.%0*d", (long long)sqlite3_value_int64(v),
                     scale > 60 ? 60 : scale, 0);
        else
            snprintf(tmp, sizeof tmp, "%lld", (long long)sqlite3_value_int64(v));
        break;
    case SQLITE_FLOAT: {
        double d = sqlite3_value_double(v);
        if (scale >= 0 && isfinite(d) && fabs(d) < 1e300)
            snprintf(tmp, sizeof tmp, "%.*f", scale > 60 ? 60 : scale, d);
        else
            bc_conv_format_double(d, tmp, sizeof tmp);
        break;
    }
    case SQLITE_BLOB:
        return bc_conv_hex(sqlite3_value_blob(v), (size_t)sqlite3_value_bytes(v), len);
    default: {
        const unsigned char *s = sqlite3_value_text(v);
        if (s == NULL)
            return NULL;
        *len = (size_t)sqlite3_value_bytes(v);
        char *out = malloc(*len + 1);
        if (out != NULL) {
            memcpy(out, s, *len);
            out[*len] = '\0';
        }
        return out;
    }
    }
    *len = strlen(tmp);
    return bc_strndup(tmp, *len);
}

/* Characters that must fit for the result not to be 22003 (numeric: the whole digits;
 * date: all of it; timestamp: up to the seconds), or 0 when any truncation is allowed. */
static size_t bc_conv_min_chars(const bc_conv *c, const char *text, size_t len)
{
    char kind;
    size_t i;

    if (c->storage == SQLITE_INTEGER || c->storage == SQLITE_FLOAT) {
        if (strpbrk(text, "eE") != NULL || strstr(text, "inf") || strstr(text, "nan"))
            return len;
        for (i = 0; i < len && text[i] != '.'; i++)
            ;
        return i;
    }
    if (c->storage != SQLITE_TEXT)
        return 0;
    kind = bc_conv_datetime_kind(bc_conv_sql_type(c->cell));
    if (kind == 'S')
        return len < 19 ? len : 19;
    return kind != 0 ? len : 0;
}

static SQLRETURN bc_conv_char_narrow(const bc_conv *c, const char *text, size_t len)
{
    size_t off = (size_t)c->offset, rem, room, n = 0;

    if (off > 0 && off >= len)
        return SQL_NO_DATA;
    rem = len - off;
    room = c->buflen > 0 ? (size_t)c->buflen - 1 : 0;
    if (c->buf != NULL && c->buflen > 0) {
        n = bc_utf8_cut(text + off, rem, room);
        memcpy(c->buf, text + off, n);
        ((char *)c->buf)[n] = '\0';
    }
    if (c->ind != NULL)
        *c->ind = (SQLLEN)rem;
    if (c->consumed != NULL)
        *c->consumed = (SQLLEN)n;
    if (n < rem)
        return bc_conv_report(c, "01004",
                              "String data, right-truncated: %zu of %zu bytes "
                              "returned; call SQLGetData again for the rest or use "
                              "a larger buffer.",
                              n, rem);
    return SQL_SUCCESS;
}

static SQLRETURN bc_conv_char_wide(const bc_conv *c, const char *text, size_t len)
{
    size_t skip = (size_t)c->offset / sizeof(SQLWCHAR), total, rem, w = 0;

    total = bc_utf8_utf16_units(text, len);
    if (c->offset > 0 && skip >= total)
        return SQL_NO_DATA;
    rem = total - skip;
    if (c->buf != NULL)
        bc_utf8_to_wbuf_at(text, len, skip, c->buf, (size_t)c->buflen, &w);
    if (c->ind != NULL)
        *c->ind = (SQLLEN)(rem * sizeof(SQLWCHAR));
    if (c->consumed != NULL)
        *c->consumed = (SQLLEN)(w * sizeof(SQLWCHAR));
    if (w < rem)
        return bc_conv_report(c, "01004",
                              "String data, right-truncated: %zu of %zu characters "
                              "returned; call SQLGetData again for the rest or use "
                              "a larger buffer.",
                              w, rem);
    return SQL_SUCCESS;
}

SQLRETURN bc_conv_to_char(const bc_conv *c, bool wide)
{
    size_t len = 0, min, cap_chars;
    char *text = bc_conv_text(c, &len);
    SQLRETURN rc;

    if (text == NULL)
        return bc_conv_report(c, "HY001", "Out of memory converting a value to text.");
    min = bc_conv_min_chars(c, text, len);
    cap_chars = (size_t)c->buflen / (wide ? sizeof(SQLWCHAR) : 1);
    /* A zero-length buffer is a length query: report the length, not an error. */
    if (c->offset == 0 && min > 0 && c->buflen > 0 && cap_chars <= min) {
        free(text);
        return bc_conv_report(c, "22003",
                              "The buffer of %zu characters is too small for this "
                              "value (needs %zu plus the terminating NUL).",
                              cap_chars, min);
    }
    rc = wide ? bc_conv_char_wide(c, text, len) : bc_conv_char_narrow(c, text, len);
    free(text);
    return rc;
}
