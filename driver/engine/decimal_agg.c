/*
 * SUM, TOTAL and AVG that add money exactly. SQLite holds a DECIMAL column's value as the
 * double nearest to the API's text ("12.3400"), and its own SUM adds those doubles, which
 * drifts ("239060.00999999998" for an exact 239060.01). Each double here is read back as
 * the shortest decimal that gives the same double (the API's text for any amount of up to
 * 15 digits), those decimals are added as scaled integers, and the exact total is handed
 * back as the double nearest to it, which the conversions print exactly at the column's
 * scale. The functions replace the built-in ones on each connection's database, as
 * aggregates and as window functions, with SQLite's results otherwise: SUM of integers is
 * an integer (an overflow is an error), SUM of nothing is NULL, TOTAL of nothing is 0.0.
 * A value that no scaled integer can hold (1e300, more than 9 decimals) makes that
 * aggregate add in binary floating point from then on, as SQLite does.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "engine_internal.h"

#define MAX_SCALE 9

typedef struct dec_acc {
    long long units; /* the exact sum is units / 10^scale */
    int scale;
    bool started;     /* a value was seen */
    bool inexact;     /* a value did not fit: use approx */
    bool all_integer; /* every value was an SQLite INTEGER */
    double approx;    /* not long double: SQLite's aggregate memory is only 8-byte aligned */
    long long count;
} dec_acc;

static const long long k_pow10[] = {1LL,         10LL,         100LL,        1000LL,
                                    10000LL,     100000LL,     1000000LL,    10000000LL,
                                    100000000LL, 1000000000LL, 10000000000LL};

/* units * 10^by, false on overflow. */
static bool rescale(long long *units, int by)
{
    return !__builtin_mul_overflow(*units, k_pow10[by], units);
}

/* Decimal text ("-12.3400", "5e-3") to units / 10^scale; false when it does not fit. */
static bool parse_decimal(const char *s, long long *units, int *scale)
{
    long long u = 0;
    int sc = 0, digits = 0;
    bool neg = *s == '-', frac = false;

    s += (*s == '-' || *s == '+');
    for (; *s; s++) {
        if (*s == '.' && !frac) {
            frac = true;
            continue;
        }
        if (*s < '0' || *s > '9')
            break;
        if (__builtin_mul_overflow(u, 10, &u) || __builtin_add_overflow(u, *s - '0', &u))
            return false;
        digits++;
        sc += frac;
    }
    if (*s == 'e' || *s == 'E') {
        int e = atoi(s + 1);
        sc -= e;
        for (; sc < 0; sc++)
            if (__builtin_mul_overflow(u, 10, &u))
                return false;
    } else if (*s != '\0' || digits == 0) {
        return false;
    }
    while (sc > MAX_SCALE && u % 10 == 0) {
        u /= 10;
        sc--;
    }
    if (sc > MAX_SCALE)
        return false;
    *units = neg ? -u : u;
    *scale = sc;
    return true;
}

/* The shortest text that reads back as d (15 to 17 significant digits). */
static void shortest_text(double d, char *buf, size_t n)
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, n, "%.*g", prec, d);
        if (strtod(buf, NULL) == d)
            return;
    }
}

/* The value as units / 10^scale; false when it does not fit (then approx only). */
static bool value_decimal(sqlite3_value *v, long long *units, int *scale)
{
    char buf[40];

    switch (sqlite3_value_numeric_type(v)) {
    case SQLITE_INTEGER:
        *units = sqlite3_value_int64(v);
        *scale = 0;
        return true;
    case SQLITE_FLOAT: {
        double d = sqlite3_value_double(v);
        if (!isfinite(d))
            return false;
        shortest_text(d, buf, sizeof buf);
        return parse_decimal(buf, units, scale);
    }
    default: /* text that is not a number counts as 0, as in SQLite's SUM */
        *units = 0;
        *scale = 0;
        return true;
    }
}

/* acc += sign * value */
static void acc_add(dec_acc *a, sqlite3_value *v, int sign)
{
    long long u;
    int sc;

    a->count += sign;
    if (sqlite3_value_numeric_type(v) != SQLITE_INTEGER)
        a->all_integer = false;
    a->approx += sign * sqlite3_value_double(v);
    if (a->inexact || !value_decimal(v, &u, &sc)) {
        a->inexact = true;
        return;
    }
    if (sc > a->scale) {
        if (!rescale(&a->units, sc - a->scale)) {
            a->inexact = true;
            return;
        }
        a->scale = sc;
    } else if (sc < a->scale && !rescale(&u, a->scale - sc)) {
        a->inexact = true;
        return;
    }
    if (sign < 0 ? __builtin_sub_overflow(a->units, u, &a->units)
                 : __builtin_add_overflow(a->units, u, &a->units))
        a->inexact = true;
}

/* The double nearest to units / 10^scale (correctly rounded by strtod). */
static double units_to_double(long long units, int scale)
{
    char buf[48];
    unsigned long long mag =
        units < 0 ? 0ULL - (unsigned long long)units : (unsigned long long)units;
    unsigned long long p = (unsigned long long)k_pow10[scale];

    snprintf(buf, sizeof buf, "%s%llu.%0*llu", units < 0 ? "-" : "", mag / p, scale, mag % p);
    return strtod(buf, NULL);
}

static double acc_double(const dec_acc *a)
{
    return a->inexact ? a->approx : units_to_double(a->units, a->scale);
}

static void step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    dec_acc *a = sqlite3_aggregate_context(ctx, sizeof *a);

    (void)argc;
    if (a == NULL) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
        return;
    if (!a->started)
        a->all_integer = a->started = true;
    acc_add(a, argv[0], 1);
}

static void inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    dec_acc *a = sqlite3_aggregate_context(ctx, sizeof *a);

    (void)argc;
    if (a != NULL && sqlite3_value_type(argv[0]) != SQLITE_NULL)
        acc_add(a, argv[0], -1);
}

static const dec_acc *acc_of(sqlite3_context *ctx)
{
    return sqlite3_aggregate_context(ctx, 0);
}

static void sum_value(sqlite3_context *ctx)
{
    const dec_acc *a = acc_of(ctx);

    if (a == NULL || a->count == 0)
        sqlite3_result_null(ctx);
    else if (a->all_integer && a->scale == 0 && !a->inexact)
        sqlite3_result_int64(ctx, a->units);
    else if (a->all_integer)
        sqlite3_result_error(ctx, "integer overflow", -1);
    else
        sqlite3_result_double(ctx, acc_double(a));
}

static void total_value(sqlite3_context *ctx)
{
    const dec_acc *a = acc_of(ctx);

    sqlite3_result_double(ctx, a == NULL || a->count == 0 ? 0.0 : acc_double(a));
}

/* The mean to MAX_SCALE decimals, rounded half away from zero, when the sum is exact. */
static void avg_value(sqlite3_context *ctx)
{
    const dec_acc *a = acc_of(ctx);
    long long units;

    if (a == NULL || a->count == 0) {
        sqlite3_result_null(ctx);
        return;
    }
    units = a->units;
    if (a->inexact || !rescale(&units, MAX_SCALE - a->scale)) {
        sqlite3_result_double(ctx, a->approx / (double)a->count);
        return;
    }
    long long q = units / a->count, r = units % a->count;
    if (2 * (r < 0 ? -r : r) >= a->count)
        q += units < 0 ? -1 : 1;
    sqlite3_result_double(ctx, units_to_double(q, MAX_SCALE));
}

int bc_decimal_agg_register(sqlite3 *db)
{
    static const struct {
        const char *name;
        void (*value)(sqlite3_context *);
    } fns[] = {{"sum", sum_value}, {"total", total_value}, {"avg", avg_value}};
    int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        int rc = sqlite3_create_window_function(db, fns[i].name, 1, flags, NULL, step, fns[i].value,
                                                fns[i].value, inverse, NULL);
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}
