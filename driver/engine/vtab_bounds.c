/*
 * How a pushed bound or pattern is written for the API. Only an integer bound is exact
 * (the plan omits it); every other one narrows the request to a superset of the answer,
 * which SQLite then checks again, so a value written here may be wider than the SQL term
 * but never narrower.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "bc_http.h"
#include "bc_util.h"
#include "vtab_internal.h"

/* An integer column against v: a whole bound, or for a fraction the nearest whole one inside
 * it (id >= 2.5 is id >= 3). Text compares above every number in SQLite, so id >= 'x' holds
 * for no row and id <= 'x' for all of them. */
static int integer_bound(sqlite3_value *v, bool upper, char **out, bool *no_rows)
{
    int t = sqlite3_value_numeric_type(v);
    double d;

    if (t == SQLITE_INTEGER) {
        *out = bc_sprintf("%lld", (long long)sqlite3_value_int64(v));
        return *out ? 0 : -1;
    }
    if (t != SQLITE_FLOAT) {
        *no_rows = !upper;
        return 0;
    }
    d = upper ? floor(sqlite3_value_double(v)) : ceil(sqlite3_value_double(v));
    if (!(fabs(d) < 9.0e18)) { /* beyond every integer: all rows or none */
        *no_rows = upper ? d < 0 : d > 0;
        return 0;
    }
    *out = bc_sprintf("%lld", (long long)d);
    return *out ? 0 : -1;
}

/* A date bound as a whole day one day wider on its side: the API may read a date in the
 * store's time zone and its "min"/"max" as strict, and SQL compares the stored text
 * "YYYY-MM-DD HH:MM:SS", whose first ten characters order as the day does. */
static int date_bound(sqlite3_value *v, bool upper, char **out)
{
    const char *s = (const char *)sqlite3_value_text(v);
    struct tm tm = {0};
    char day[16];
    int y, m, d, n = 0;

    if (s == NULL || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
        return 0; /* not a date: not pushed (SQLite still checks the term) */
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d + (upper ? 1 : -1);
    time_t t = timegm(&tm);
    if (t == (time_t)-1 || gmtime_r(&t, &tm) == NULL)
        return 0;
    strftime(day, sizeof day, "%Y-%m-%d", &tm);
    *out = bc_strdup(day);
    return *out ? 0 : -1;
}

/* Money and measures: the number as SQLite holds it (%.17g round-trips a double). */
static int number_bound(sqlite3_value *v, char **out)
{
    int t = sqlite3_value_numeric_type(v);

    if (t == SQLITE_INTEGER)
        *out = bc_sprintf("%lld", (long long)sqlite3_value_int64(v));
    else if (t == SQLITE_FLOAT && isfinite(sqlite3_value_double(v)))
        *out = bc_sprintf("%.17g", sqlite3_value_double(v));
    else
        return 0;
    return *out ? 0 : -1;
}

int bc_vkeys_bound_text(const bc_column_def *col, sqlite3_value *v, bool upper, char **out,
                        bool *no_rows)
{
    *out = NULL;
    if (sqlite3_value_type(v) == SQLITE_NULL) {
        *no_rows = true; /* col >= NULL holds for no row */
        return 0;
    }
    switch (col->type) {
    case BC_COL_INTEGER:
    case BC_COL_BIGINT:
        return integer_bound(v, upper, out, no_rows);
    case BC_COL_TIMESTAMP:
    case BC_COL_DATE:
        return date_bound(v, upper, out);
    default:
        return number_bound(v, out);
    }
}

int bc_vkeys_like_prefix(sqlite3_value *v, char **out)
{
    const char *s = (const char *)sqlite3_value_text(v);
    size_t n;
    char *lit;

    *out = NULL;
    if (s == NULL)
        return 0;
    n = strcspn(s, "%_");
    if (n == 0)
        return 0; /* no literal text to narrow by */
    if ((lit = bc_strndup(s, n)) == NULL)
        return -1;
    *out = bc_http_escape(lit);
    free(lit);
    return *out ? 0 : -1;
}
