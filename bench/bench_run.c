/*
 * Runs each scenario's driver side and baseline side in turn, reps times, keeps the median
 * time, and prints one table row per scenario with the ratio baseline / driver (above 1 the
 * driver is faster). Every run starts from a connection that has already made its first
 * request, and the sandbox's request log is cleared just before the clock starts, so the
 * counts and times cover the query alone.
 */
#include "bench.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct bench_scenario {
    int number;
    const char *name;
    bool (*driver)(SQLHDBC dbc, const bench_ids *ids, bench_result *r);
    bool (*baseline)(bench_http *h, const bench_ids *ids, bench_result *r);
} bench_scenario;

/* Scenarios with a second baseline, timed in the same runs and printed as a row of its own
 * (the same driver times, the other baseline's). */
typedef struct bench_second {
    int number;
    const char *name;
    bool (*baseline)(bench_http *h, const bench_ids *ids, bench_result *r);
} bench_second;

static const bench_scenario bench_scenarios[] = {
    {1, "full scan Products", bench_odbc_scan_products, bench_naive_scan_products},
    {2, "point lookups id = ?", bench_odbc_point_lookups, bench_naive_point_lookups},
    {3, "Orders JOIN OrderItems", bench_odbc_join, bench_naive_join},
    {4, "COUNT(*) Orders", bench_odbc_count_orders, bench_naive_count_orders},
    {5, "Orders JOIN OrderItems 200", bench_odbc_join_all, bench_naive_join_all},
    {6, "Customers LEFT JOIN Orders", bench_odbc_customer_orders, bench_naive_customer_orders},
    {7, "Products JOIN Variants 200", bench_odbc_product_variants, bench_naive_product_variants},
    {8, "Products WHERE sku =", bench_odbc_sku, bench_naive_sku},
    {9, "ORDER BY price DESC LIMIT 5", bench_odbc_top_prices, bench_naive_top_prices},
    {10, "Orders WHERE date_created>=", bench_odbc_orders_since, bench_naive_orders_since},
    {11, "scan 4 cols vs sequential", bench_odbc_scan_wide, bench_naive_scan_wide},
    {12, "Products JOIN Images 200", bench_odbc_product_images, bench_naive_product_images},
    {21, "INSERT 50 Customers (array)", bench_odbc_insert_customers, bench_naive_insert_customers},
    {22, "UPDATE 50 Customers id IN", bench_odbc_update_customers, bench_naive_update_customers},
    {23, "DELETE 50 Customers id IN", bench_odbc_delete_customers, bench_naive_delete_customers},
};

static const bench_second bench_seconds[] = {
    {11, "scan 4 cols vs curl-multi 8", bench_multi_scan_wide},
};

static const bench_second *bench_second_of(int number)
{
    for (size_t i = 0; i < sizeof bench_seconds / sizeof *bench_seconds; i++) {
        if (bench_seconds[i].number == number) {
            return &bench_seconds[i];
        }
    }
    return NULL;
}

/* Writes change the store: each of their runs gets an untimed set-up before it, and the
 * read-back after it fills the run's rows and checksum (bench_writes.c). */
typedef struct bench_hooks {
    int number;
    bool (*before)(const bench_sandbox *sb);
    bool (*after)(const bench_sandbox *sb, bench_result *r);
} bench_hooks;

static const bench_hooks bench_write_hooks[] = {
    {21, bench_write_new_tag, bench_write_check_insert},
    {22, bench_write_create_rows, bench_write_check_update},
    {23, bench_write_create_rows, bench_write_check_delete},
};

static const bench_hooks *bench_hooks_of(const bench_scenario *s)
{
    for (size_t i = 0; i < sizeof bench_write_hooks / sizeof *bench_write_hooks; i++) {
        if (bench_write_hooks[i].number == s->number) {
            return &bench_write_hooks[i];
        }
    }
    return NULL;
}

static bool bench_before(const bench_sandbox *sb, const bench_scenario *s)
{
    const bench_hooks *k = bench_hooks_of(s);
    return !k || k->before(sb);
}

static void bench_finish(const bench_sandbox *sb, const bench_scenario *s, bool ok, long long t0,
                         bool verbose, bench_result *r)
{
    r->ms = sandbox_now_ms() - t0;
    r->ok = ok;
    r->requests = bench_sandbox_requests(sb, verbose);
    const bench_hooks *k = bench_hooks_of(s);
    if (k && !k->after(sb, r)) {
        r->ok = false;
    }
}

static bench_result bench_driver_once(const bench_sandbox *sb, const bench_scenario *s,
                                      const bench_ids *ids, bool verbose)
{
    bench_result r = {0};
    if (!bench_before(sb, s)) {
        return r;
    }
    SQLHDBC dbc = bench_odbc_connect(sb);
    if (!dbc || !bench_sandbox_clear(sb)) {
        bench_odbc_disconnect(dbc);
        return r;
    }
    long long t0 = sandbox_now_ms();
    bool ok = s->driver(dbc, ids, &r);
    bench_finish(sb, s, ok, t0, verbose, &r);
    bench_odbc_disconnect(dbc);
    return r;
}

static bench_result bench_baseline_once(const bench_sandbox *sb, const bench_scenario *s,
                                        bool (*baseline)(bench_http *, const bench_ids *,
                                                         bench_result *),
                                        const bench_ids *ids)
{
    bench_result r = {0};
    if (!bench_before(sb, s)) {
        return r;
    }
    cJSON *store = NULL;
    bench_http *h = bench_http_new(sb);
    /* the same first request the driver's connect makes, so both start on an open socket */
    if (!h || bench_http_get(h, "/v2/store", &store) != 200 || !bench_sandbox_clear(sb)) {
        cJSON_Delete(store);
        bench_http_free(h);
        return r;
    }
    cJSON_Delete(store);
    long long t0 = sandbox_now_ms();
    bool ok = baseline(h, ids, &r);
    bench_finish(sb, s, ok, t0, false, &r);
    bench_http_free(h);
    return r;
}

static int bench_cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

static long long bench_median_ms(const bench_result *rs, int n)
{
    long long v[BENCH_MAX_REPS];
    for (int i = 0; i < n; i++) {
        v[i] = rs[i].ms;
    }
    qsort(v, (size_t)n, sizeof *v, bench_cmp_ll);
    return v[n / 2];
}

/* True when every run succeeded and returned the rows of the first baseline run. */
static bool bench_consistent(const bench_result *d, const bench_result *b, int n)
{
    for (int i = 0; i < n; i++) {
        if (!d[i].ok || !b[i].ok || d[i].rows != b[0].rows || b[i].rows != b[0].rows ||
            d[i].checksum != b[0].checksum || b[i].checksum != b[0].checksum) {
            return false;
        }
    }
    return true;
}

static void bench_print_row(int number, const char *name, const bench_result *d,
                            const bench_result *b, int n)
{
    long long dm = bench_median_ms(d, n), bm = bench_median_ms(b, n);
    bool same = bench_consistent(d, b, n);
    char reqs[32], rows[48];
    snprintf(reqs, sizeof reqs, "%d/%d", d[n - 1].requests, b[n - 1].requests);
    snprintf(rows, sizeof rows, "%ld/%ld", d[n - 1].rows, b[n - 1].rows);
    printf("%-2d %-28s %10lld %12lld %7.2fx %13s %13s  %s\n", number, name, dm, bm,
           dm > 0 ? (double)bm / (double)dm : 0.0, reqs, rows, same ? "ok" : "MISMATCH");
    if (!same) {
        printf("  driver rows/checksum %ld/%lld (ok=%d), baseline %ld/%lld (ok=%d)%s%s\n",
               d[n - 1].rows, d[n - 1].checksum, d[n - 1].ok, b[n - 1].rows, b[n - 1].checksum,
               b[n - 1].ok, d[n - 1].ok ? "" : ": ", d[n - 1].ok ? "" : bench_odbc_last_error());
    }
    fflush(stdout);
}

static bool bench_selected(const bench_opts *o, int number)
{
    if (!o->only) {
        return true;
    }
    /* one character a scenario: 1-9, then a for 10, b for 11, c for 12 … l, m, n for 21-23 */
    for (const char *p = o->only; *p; p++) {
        if ((*p >= '1' && *p <= '9' ? *p - '0' : *p - 'a' + 10) == number) {
            return true;
        }
    }
    return false;
}

/* Run i of scenario s: the driver and the baseline(s), the first side rotating from run to
 * run so that none always runs on a warmer machine. */
static void bench_rep(const bench_sandbox *sb, const bench_opts *o, const bench_scenario *s,
                      const bench_ids *ids, int i, bench_result *d, bench_result *b,
                      bench_result *b2)
{
    const bench_second *second = bench_second_of(s->number);
    int sides = second ? 3 : 2;
    for (int k = 0; k < sides; k++) {
        int side = (i + k) % sides;
        if (side == 0) {
            *d = bench_driver_once(sb, s, ids, o->verbose && i == 0);
        } else if (side == 1) {
            *b = bench_baseline_once(sb, s, s->baseline, ids);
        } else {
            *b2 = bench_baseline_once(sb, s, second->baseline, ids);
        }
    }
}

static bool bench_one(const bench_sandbox *sb, const bench_opts *o, const bench_scenario *s,
                      const bench_ids *ids)
{
    bench_result d[BENCH_MAX_REPS], b[BENCH_MAX_REPS], b2[BENCH_MAX_REPS];
    for (int i = 0; i < o->reps; i++) {
        if (o->verbose && i == 0) {
            fprintf(stderr, "scenario %d, driver requests:\n", s->number);
        }
        bench_rep(sb, o, s, ids, i, &d[i], &b[i], &b2[i]);
    }
    const bench_second *second = bench_second_of(s->number);
    bench_print_row(s->number, s->name, d, b, o->reps);
    if (second) {
        bench_print_row(s->number, second->name, d, b2, o->reps);
    }
    return bench_consistent(d, b, o->reps) && (!second || bench_consistent(d, b2, o->reps));
}

int bench_run_all(const bench_sandbox *sb, const bench_opts *o, const bench_ids *ids)
{
    bool all_ok = true;
    printf("latency %ld ms, %ld products, %ld orders, %d lookups/joined orders, median of %d\n",
           o->latency_ms, o->products, o->orders, ids->n_products, o->reps);
    printf("#  %-28s %10s %12s %8s %13s %13s  %s\n", "scenario", "driver ms", "baseline ms",
           "ratio", "requests d/b", "rows d/b", "rows");
    for (size_t i = 0; i < sizeof bench_scenarios / sizeof *bench_scenarios; i++) {
        if (bench_selected(o, bench_scenarios[i].number)) {
            all_ok = bench_one(sb, o, &bench_scenarios[i], ids) && all_ok;
        }
    }
    return all_ok ? 0 : 1;
}
