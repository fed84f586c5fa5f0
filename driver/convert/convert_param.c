/*
 * C -> SQLite parameter binding (SQLBindParameter values at execute time).
 *
 * The engine compares parameters with column values inside SQLite, so a value is bound in
 * the form the column holds: character data as UTF-8 text, numbers as integer (when exact)
 * or real, dates as "YYYY-MM-DD HH:MM:SS" text (DATE: "YYYY-MM-DD", TIME: "HH:MM:SS").
 * ODBC (C to SQL): a character value that is not a numeric / date literal is 22018; a
 * date field out of range, or a timestamp with a time part sent to a DATE, is 22008;
 * numbers and dates never convert into each other (07006).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "convert/convert_internal.h"

static SQLRETURN bc_param_sqlite_rc(int rc, bc_error *err)
{
    if (rc == SQLITE_OK)
        return SQL_SUCCESS;
    if (rc == SQLITE_RANGE)
        bc_error_set(err, "07009", 0, "The statement has no parameter with this number.");
    else if (rc == SQLITE_NOMEM || rc == SQLITE_TOOBIG)
        bc_error_set(err, "HY001", 0, "Out of memory binding a parameter.");
    else
        bc_error_set(err, "HY000", 0, "Binding a parameter failed: %s.", sqlite3_errstr(rc));
    return SQL_ERROR;
}

static SQLRETURN bc_param_fail(bc_error *err, const char *state, const char *msg)
{
    bc_error_set(err, state, 0, "%s", msg);
    return SQL_ERROR;
}

static bool bc_param_is_char(SQLSMALLINT t)
{
    return t == SQL_CHAR || t == SQL_VARCHAR || t == SQL_LONGVARCHAR || t == SQL_WCHAR ||
           t == SQL_WVARCHAR || t == SQL_WLONGVARCHAR;
}

static bool bc_param_is_binary(SQLSMALLINT t)
{
    return t == SQL_BINARY || t == SQL_VARBINARY || t == SQL_LONGVARBINARY;
}

static SQLRETURN bc_param_bind_num(sqlite3_stmt *vm, int idx, SQLSMALLINT sql_type, const bc_num *n,
                                   bc_error *err)
{
    if (bc_conv_datetime_kind(sql_type) != 0)
        return bc_param_fail(err, "07006",
                             "A number cannot be sent as a date/time parameter; "
                             "pass a date struct or a date literal.");
    if (n->is_int)
        return bc_param_sqlite_rc(sqlite3_bind_int64(vm, idx, n->i), err);
    return bc_param_sqlite_rc(sqlite3_bind_double(vm, idx, n->d), err);
}

/* Text of a date/time value as the target SQL type stores it. src is the kind of value
 * ('D', 'T', 'S'), dst the kind the SQL type wants (0: keep the value's own form). */
static int bc_param_format_dt(bc_timestamp t, char src, char dst, char *out, size_t cap,
                              bc_error *err)
{
    char ts[20];

    if (dst == 0)
        dst = src;
    if ((dst == 'D' && src == 'T') || (dst == 'T' && src == 'D'))
        return bc_error_set(err, "07006", 0,
                            "A date cannot be sent as a time, nor a time as a "
                            "date.");
    if (dst == 'D' && src == 'S' && (t.hour || t.minute || t.second || t.fraction))
        return bc_error_set(err, "22008", 0,
                            "The timestamp has a time part and cannot be sent "
                            "as a DATE; pass a date.");
    if (dst == 'T' && src == 'S' && t.fraction)
        return bc_error_set(err, "22008", 0,
                            "The timestamp has fractional seconds and cannot "
                            "be sent as a TIME.");
    if (dst == 'S' && src == 'T') {
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        t.year = tm.tm_year + 1900, t.month = tm.tm_mon + 1, t.day = tm.tm_mday;
    }
    if (src == 'D')
        t.hour = t.minute = t.second = 0, t.fraction = 0;
    if (src == 'T')
        t.fraction = 0;
    bc_time_format(&t, ts);
    if (dst == 'D')
        snprintf(out, cap, "%.10s", ts);
    else if (dst == 'T')
        snprintf(out, cap, "%s", ts + 11);
    else if (t.fraction == 0)
        snprintf(out, cap, "%s", ts);
    else {
        char frac[16];
        snprintf(frac, sizeof frac, "%09u", t.fraction);
        for (int i = 8; i > 0 && frac[i] == '0'; i--)
            frac[i] = '\0';
        snprintf(out, cap, "%s.%s", ts, frac);
    }
    return 0;
}

static SQLRETURN bc_param_bind_dt(sqlite3_stmt *vm, int idx, SQLSMALLINT sql_type,
                                  const bc_timestamp *t, char src, bc_error *err)
{
    char out[48];

    if (!bc_param_is_char(sql_type) && bc_conv_datetime_kind(sql_type) == 0 &&
        sql_type != SQL_UNKNOWN_TYPE)
        return bc_param_fail(err, "07006",
                             "A date/time value cannot be sent as a numeric or "
                             "binary parameter.");
    if (bc_param_format_dt(*t, src, bc_conv_datetime_kind(sql_type), out, sizeof out, err) != 0)
        return SQL_ERROR;
    return bc_param_sqlite_rc(sqlite3_bind_text(vm, idx, out, -1, SQLITE_TRANSIENT), err);
}

/* UTF-8 text (len bytes) bound as sql_type asks. */
static SQLRETURN bc_param_bind_text(sqlite3_stmt *vm, int idx, SQLSMALLINT sql_type, const char *s,
                                    size_t len, bc_error *err)
{
    char kind = bc_conv_datetime_kind(sql_type), k = 0;
    bc_timestamp t;
    bc_num n;
    int rc;

    if (kind != 0) {
        rc = bc_conv_parse_datetime(s, len, &t, &k);
        if (rc == -2)
            return bc_param_fail(err, "22008",
                                 "A field of the date/time parameter is out of "
                                 "range.");
        if (rc != 0)
            return bc_param_fail(err, "22018",
                                 "The parameter is not a valid date/time literal "
                                 "(use YYYY-MM-DD or YYYY-MM-DD HH:MM:SS).");
        return bc_param_bind_dt(vm, idx, sql_type, &t, k, err);
    }
    if (bc_param_is_char(sql_type) || sql_type == SQL_UNKNOWN_TYPE || sql_type == SQL_GUID)
        return bc_param_sqlite_rc(
            sqlite3_bind_text64(vm, idx, s, len, SQLITE_TRANSIENT, SQLITE_UTF8), err);
    if (bc_param_is_binary(sql_type))
        return bc_param_sqlite_rc(sqlite3_bind_blob64(vm, idx, s, len, SQLITE_TRANSIENT), err);
    if (bc_conv_parse_number(s, len, &n) != 0)
        return bc_param_fail(err, "22018", "The parameter is not a valid number.");
    if (sql_type == SQL_BIT && !(n.is_int ? (n.i == 0 || n.i == 1) : (n.d == 0 || n.d == 1)))
        return bc_param_fail(err, "22003", "A BIT parameter must be 0 or 1.");
    return bc_param_bind_num(vm, idx, sql_type, &n, err);
}

/* Byte length of a character/binary parameter: *ind, or the NUL-terminated length. */
static int bc_param_len(const char *buf, SQLLEN buflen, const SQLLEN *ind, bool wide, size_t *len)
{
    size_t n = 0;

    if (ind != NULL && *ind >= 0) {
        *len = (size_t)*ind;
        return 0;
    }
    if (ind != NULL && *ind != SQL_NTS)
        return -1;
    if (wide) {
        const SQLWCHAR *w = (const SQLWCHAR *)buf;
        size_t max = buflen > 0 ? (size_t)buflen / sizeof(SQLWCHAR) : SIZE_MAX;
        while (n < max && w[n] != 0)
            n++;
        *len = n * sizeof(SQLWCHAR);
    } else {
        *len = buflen > 0 ? strnlen(buf, (size_t)buflen) : strlen(buf);
    }
    return 0;
}

/* An integer, float or bit C value as a bc_num. false for other C types. */
static bool bc_param_read_num(SQLSMALLINT c_type, const void *buf, bc_num *n)
{
    memset(n, 0, sizeof *n);
    n->is_int = true;
    switch (c_type) {
    case SQL_C_TINYINT:
    case SQL_C_STINYINT:
        n->i = *(const SQLSCHAR *)buf;
        break;
    case SQL_C_UTINYINT:
    case SQL_C_BIT:
        n->i = *(const SQLCHAR *)buf;
        break;
    case SQL_C_SHORT:
    case SQL_C_SSHORT:
        n->i = *(const SQLSMALLINT *)buf;
        break;
    case SQL_C_USHORT:
        n->i = *(const SQLUSMALLINT *)buf;
        break;
    case SQL_C_LONG:
    case SQL_C_SLONG:
        n->i = *(const SQLINTEGER *)buf;
        break;
    case SQL_C_ULONG:
        n->i = *(const SQLUINTEGER *)buf;
        break;
    case SQL_C_SBIGINT:
        n->i = *(const SQLBIGINT *)buf;
        break;
    case SQL_C_UBIGINT: {
        SQLUBIGINT u = *(const SQLUBIGINT *)buf;
        /* Beyond INT64_MAX SQLite has no integer for it; a real keeps the magnitude. */
        n->is_int = u <= (SQLUBIGINT)INT64_MAX;
        n->i = n->is_int ? (long long)u : 0;
        n->d = (double)u;
        return true;
    }
    case SQL_C_FLOAT:
        n->is_int = false;
        n->d = *(const SQLREAL *)buf;
        return true;
    case SQL_C_DOUBLE:
        n->is_int = false;
        n->d = *(const SQLDOUBLE *)buf;
        return true;
    default:
        return false;
    }
    n->d = (double)n->i;
    return true;
}

/* SQL_NUMERIC_STRUCT -> number, using the struct's scale: an integer when the scaled value
 * has no fractional part and fits 64 bits, else a double read from the exact decimal text
 * (strtod rounds it correctly, dividing binary values would not). */
static void bc_param_read_numeric(const SQL_NUMERIC_STRUCT *ns, bc_num *n)
{
    unsigned __int128 v = 0, q, p = 1;
    char text[96];
    int scale = ns->scale, o = 0;
    bool neg = ns->sign == 0;

    memset(n, 0, sizeof *n);

    for (int i = SQL_MAX_NUMERIC_LEN - 1; i >= 0; i--)
        v = (v << 8) | ns->val[i];
    for (int i = 0; i < (scale < 0 ? -scale : scale) && i < 38; i++)
        p *= 10;
    q = scale >= 0 ? v / p : v * p;
    if ((scale <= 0 ? (scale > -38 && q / p == v) : (scale <= 38 && v % p == 0)) &&
        q <= (unsigned __int128)INT64_MAX) {
        n->is_int = true;
        n->i = neg ? -(long long)q : (long long)q;
        n->d = (double)n->i;
        return;
    }
    /* 128-bit integers have no printf conversion: write the digits by hand. */
    char rev[48];
    int nd = 0;
    do {
        rev[nd++] = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v != 0);
    if (neg)
        text[o++] = '-';
    while (nd > 0)
        text[o++] = rev[--nd];
    snprintf(text + o, sizeof text - (size_t)o, "e%d", -scale);
    n->is_int = false;
    n->d = strtod(text, NULL);
}

static bool bc_param_read_dt(SQLSMALLINT c_type, const void *buf, bc_timestamp *t, char *k)
{
    memset(t, 0, sizeof *t);
    if (c_type == SQL_C_TYPE_DATE || c_type == SQL_C_DATE) {
        const SQL_DATE_STRUCT *d = buf;
        t->year = d->year, t->month = d->month, t->day = d->day;
        *k = 'D';
    } else if (c_type == SQL_C_TYPE_TIME || c_type == SQL_C_TIME) {
        const SQL_TIME_STRUCT *tm = buf;
        t->year = 2000, t->month = 1, t->day = 1; /* for the range check only */
        t->hour = tm->hour, t->minute = tm->minute, t->second = tm->second;
        *k = 'T';
    } else if (c_type == SQL_C_TYPE_TIMESTAMP || c_type == SQL_C_TIMESTAMP) {
        const SQL_TIMESTAMP_STRUCT *ts = buf;
        t->year = ts->year, t->month = ts->month, t->day = ts->day;
        t->hour = ts->hour, t->minute = ts->minute, t->second = ts->second;
        t->fraction = ts->fraction;
        *k = 'S';
    } else {
        return false;
    }
    return true;
}

static SQLRETURN bc_param_bind_chars(sqlite3_stmt *vm, int idx, SQLSMALLINT c_type,
                                     SQLSMALLINT sql_type, const char *buf, SQLLEN buflen,
                                     const SQLLEN *ind, bc_error *err)
{
    size_t len;
    SQLRETURN rc;

    if (bc_param_len(buf, buflen, ind, c_type == SQL_C_WCHAR, &len) != 0)
        return bc_param_fail(err, "HY090",
                             "The parameter's length/indicator is invalid; use a "
                             "length, SQL_NTS or SQL_NULL_DATA.");
    if (c_type == SQL_C_CHAR)
        return bc_param_bind_text(vm, idx, sql_type, buf, len, err);
    if (c_type == SQL_C_BINARY) {
        if (bc_param_is_char(sql_type) || bc_conv_datetime_kind(sql_type) != 0)
            return bc_param_bind_text(vm, idx, sql_type, buf, len, err);
        return bc_param_sqlite_rc(sqlite3_bind_blob64(vm, idx, buf, len, SQLITE_TRANSIENT), err);
    }
    size_t n8;
    char *u8 = bc_utf16_to_utf8((const SQLWCHAR *)buf, (SQLLEN)(len / sizeof(SQLWCHAR)), &n8);
    if (u8 == NULL)
        return bc_param_fail(err, "HY001", "Out of memory converting a parameter to UTF-8.");
    rc = bc_param_bind_text(vm, idx, sql_type, u8, n8, err);
    free(u8);
    return rc;
}

SQLRETURN bc_convert_bind_param(sqlite3_stmt *vm, int idx, SQLSMALLINT c_type, SQLSMALLINT sql_type,
                                SQLSMALLINT scale, SQLPOINTER buf, SQLLEN buflen, SQLLEN *ind,
                                bc_error *err)
{
    bc_num n;
    bc_timestamp t;
    char k;

    (void)scale; /* SQL_C_NUMERIC carries its own scale; other C types have none */
    if (ind != NULL && *ind == SQL_NULL_DATA)
        return bc_param_sqlite_rc(sqlite3_bind_null(vm, idx), err);
    if (ind != NULL && (*ind == SQL_DATA_AT_EXEC || *ind <= SQL_LEN_DATA_AT_EXEC_OFFSET))
        return bc_param_fail(err, "HYC00",
                             "Data-at-execution parameters (SQLPutData) are not "
                             "supported yet; bind the value directly.");
    if (c_type == SQL_C_DEFAULT)
        c_type = bc_default_c_type(sql_type);
    if (buf == NULL)
        return bc_param_fail(err, "HY009",
                             "The parameter's value pointer is NULL and its "
                             "indicator is not SQL_NULL_DATA.");
    if (c_type == SQL_C_CHAR || c_type == SQL_C_WCHAR || c_type == SQL_C_BINARY)
        return bc_param_bind_chars(vm, idx, c_type, sql_type, buf, buflen, ind, err);
    /* Packed row-wise parameter arrays (pyodbc's fast_executemany) leave fixed-size values
     * unaligned: read them from an aligned copy. */
    union {
        max_align_t align;
        unsigned char bytes[64];
    } copy;
    SQLLEN size = bc_c_type_size(c_type);
    if (size > 0 && (size_t)size <= sizeof copy.bytes) {
        memcpy(copy.bytes, buf, (size_t)size);
        buf = copy.bytes;
    }
    if (c_type == SQL_C_BIT && *(const SQLCHAR *)buf > 1)
        return bc_param_fail(err, "22003", "An SQL_C_BIT parameter must be 0 or 1.");
    if (bc_param_read_num(c_type, buf, &n))
        return bc_param_bind_num(vm, idx, sql_type, &n, err);
    if (c_type == SQL_C_NUMERIC) {
        bc_param_read_numeric(buf, &n);
        return bc_param_bind_num(vm, idx, sql_type, &n, err);
    }
    if (bc_param_read_dt(c_type, buf, &t, &k)) {
        if (!bc_time_valid(&t))
            return bc_param_fail(err, "22008",
                                 "A field of the date/time parameter is out of "
                                 "range.");
        return bc_param_bind_dt(vm, idx, sql_type, &t, k, err);
    }
    if (c_type >= SQL_C_INTERVAL_YEAR && c_type <= SQL_C_INTERVAL_MINUTE_TO_SECOND)
        return bc_param_fail(err, "HYC00",
                             "Interval parameters are not supported; pass the "
                             "value as text.");
    if (c_type == SQL_C_GUID)
        return bc_param_fail(err, "HYC00",
                             "SQL_C_GUID parameters are not supported; pass the "
                             "value as text.");
    return bc_param_fail(err, "HY003", "The parameter's C data type is not a valid ODBC C type.");
}
