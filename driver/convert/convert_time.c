/*
 * SQL -> SQL_C_TYPE_DATE / TIME / TIMESTAMP (and the ODBC 2 SQL_C_DATE / TIME / TIMESTAMP
 * codes, which share the structs).
 *
 * ODBC (character or timestamp source): a timestamp whose time portion is nonzero converts
 * to a date with 01S07; a timestamp with nonzero fractional seconds converts to a time with
 * 01S07; a date converts to a timestamp with a zero time; a time converts to a timestamp
 * dated today; text that is not a date, time or timestamp literal is 22018. A field out of
 * range in a literal of the right shape (2026-02-30) is reported as 22007. Numbers and
 * binary data are never dates: 07006.
 */
#include <ctype.h>
#include <string.h>
#include <time.h>
#include "convert/convert_internal.h"

/* Exactly n digits at *p. */
static int bc_lit_digits(const char **p, int n)
{
    int v = 0;

    for (int i = 0; i < n; i++, (*p)++) {
        if (!isdigit((unsigned char)**p))
            return -1;
        v = v * 10 + (**p - '0');
    }
    return v;
}

static unsigned bc_lit_fraction(const char **p)
{
    unsigned ns = 0;
    int i = 0;

    if (**p != '.')
        return 0;
    for ((*p)++; isdigit((unsigned char)**p); (*p)++, i++)
        if (i < 9)
            ns = ns * 10 + (unsigned)(**p - '0');
    for (; i < 9; i++)
        ns *= 10;
    return ns;
}

/* "HH:MM:SS[.f]" at *p into t. */
static int bc_lit_time(const char **p, bc_timestamp *t)
{
    if ((t->hour = bc_lit_digits(p, 2)) < 0 || *(*p)++ != ':' ||
        (t->minute = bc_lit_digits(p, 2)) < 0 || *(*p)++ != ':' ||
        (t->second = bc_lit_digits(p, 2)) < 0)
        return -1;
    t->fraction = bc_lit_fraction(p);
    return 0;
}

/* Remove an ODBC escape {d '...'} / {t '...'} / {ts '...'} around s (in place). */
static char *bc_lit_unescape(char *s)
{
    size_t n = strlen(s);
    char *q;

    if (n < 6 || s[0] != '{' || s[n - 1] != '}')
        return s;
    q = strchr(s, '\'');
    if (q == NULL || s[n - 2] != '\'')
        return s;
    s[n - 2] = '\0';
    return q + 1;
}

static int bc_lit_parse(const char *s, bc_timestamp *t, char *kind)
{
    const char *p = s;

    memset(t, 0, sizeof *t);
    if (strlen(s) >= 8 && s[2] == ':') {
        if (bc_lit_time(&p, t) != 0 || *p != '\0')
            return -1;
        *kind = 'T';
        t->year = 2000, t->month = 1, t->day = 1; /* only for the range check */
        return bc_time_valid(t) ? 0 : -2;
    }
    if ((t->year = bc_lit_digits(&p, 4)) < 0 || *p++ != '-' ||
        (t->month = bc_lit_digits(&p, 2)) < 0 || *p++ != '-' || (t->day = bc_lit_digits(&p, 2)) < 0)
        return -1;
    if (*p == '\0') {
        *kind = 'D';
    } else {
        if (*p++ != ' ' || bc_lit_time(&p, t) != 0 || *p != '\0')
            return -1;
        *kind = 'S';
    }
    return bc_time_valid(t) ? 0 : -2;
}

int bc_conv_parse_datetime(const char *s, size_t len, bc_timestamp *out, char *kind)
{
    char tmp[128], *p;
    int rc;

    while (len > 0 && isspace((unsigned char)*s))
        s++, len--;
    while (len > 0 && isspace((unsigned char)s[len - 1]))
        len--;
    if (len == 0 || len >= sizeof tmp)
        return -1;
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    p = bc_lit_unescape(tmp);
    rc = bc_lit_parse(p, out, kind);
    if (rc == -1 && bc_time_parse(p, out) == 0) { /* ISO 8601 with T or a zone, RFC 2822 */
        *kind = 'S';
        rc = 0;
    }
    if (rc == 0 && *kind == 'T')
        out->year = out->month = out->day = 0;
    return rc;
}

static void bc_today_utc(bc_timestamp *t)
{
    time_t now = time(NULL);
    struct tm tm;

    gmtime_r(&now, &tm);
    t->year = tm.tm_year + 1900;
    t->month = tm.tm_mon + 1;
    t->day = tm.tm_mday;
}

static char bc_target_kind(SQLSMALLINT target)
{
    if (target == SQL_C_TYPE_DATE || target == SQL_C_DATE)
        return 'D';
    if (target == SQL_C_TYPE_TIME || target == SQL_C_TIME)
        return 'T';
    return 'S';
}

static SQLRETURN bc_conv_store_datetime(const bc_conv *c, const bc_timestamp *t, char tk,
                                        SQLRETURN rc)
{
    if (tk == 'D') {
        SQL_DATE_STRUCT *d = c->buf;
        d->year = (SQLSMALLINT)t->year, d->month = (SQLUSMALLINT)t->month;
        d->day = (SQLUSMALLINT)t->day;
        return bc_conv_fixed_done(c, sizeof *d, rc);
    }
    if (tk == 'T') {
        SQL_TIME_STRUCT *tm = c->buf;
        tm->hour = (SQLUSMALLINT)t->hour, tm->minute = (SQLUSMALLINT)t->minute;
        tm->second = (SQLUSMALLINT)t->second;
        return bc_conv_fixed_done(c, sizeof *tm, rc);
    }
    SQL_TIMESTAMP_STRUCT *ts = c->buf;
    ts->year = (SQLSMALLINT)t->year, ts->month = (SQLUSMALLINT)t->month;
    ts->day = (SQLUSMALLINT)t->day, ts->hour = (SQLUSMALLINT)t->hour;
    ts->minute = (SQLUSMALLINT)t->minute, ts->second = (SQLUSMALLINT)t->second;
    ts->fraction = t->fraction;
    return bc_conv_fixed_done(c, sizeof *ts, rc);
}

static SQLRETURN bc_conv_restricted(const bc_conv *c)
{
    return bc_conv_report(c, "07006",
                          "This column cannot be converted to the requested date/time "
                          "type; fetch it as SQL_C_CHAR or a matching type.");
}

SQLRETURN bc_conv_to_datetime(const bc_conv *c)
{
    char sk = bc_conv_datetime_kind(bc_conv_sql_type(c->cell)), tk = bc_target_kind(c->target);
    char k = 0;
    bc_timestamp t;
    SQLRETURN rc = SQL_SUCCESS;
    int prc;

    if (c->storage != SQLITE_TEXT || (sk == 'D' && tk == 'T') || (sk == 'T' && tk == 'D'))
        return bc_conv_restricted(c);
    prc = bc_conv_parse_datetime((const char *)sqlite3_value_text(c->cell->value),
                                 (size_t)sqlite3_value_bytes(c->cell->value), &t, &k);
    if (prc == -2)
        return bc_conv_report(c, "22007",
                              "Invalid datetime format: a field of the date/time "
                              "value is out of range.");
    if (prc != 0 || (tk == 'D' && k == 'T') || (tk == 'T' && k == 'D'))
        return bc_conv_report(c, "22018", "The value is not a valid %s literal.",
                              tk == 'D'   ? "date"
                              : tk == 'T' ? "time"
                                          : "timestamp");
    if (tk == 'D' && k == 'S' && (t.hour || t.minute || t.second || t.fraction))
        rc = bc_conv_report(c, "01S07",
                            "Fractional truncation: the time part of the timestamp "
                            "was dropped.");
    else if (tk == 'T' && k == 'S' && t.fraction)
        rc = bc_conv_report(c, "01S07",
                            "Fractional truncation: the fractional seconds were "
                            "dropped.");
    if (tk == 'S' && k == 'T')
        bc_today_utc(&t);
    return bc_conv_store_datetime(c, &t, tk, rc);
}
