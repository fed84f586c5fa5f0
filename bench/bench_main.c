/*
 * bc-bench: options, the sandbox, the ids the scenarios use, then the table.
 *
 *   bc-bench --driver libbigcommerceodbc.so (--sandbox bc-sandbox | --url URL) [options]
 *
 * Exit status 0 when every scenario ran and the driver's rows equal the baseline's, 1 when
 * not, 2 for a usage or set-up error. Times are printed, never judged.
 */
#include "bench.h"

#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void bench_usage(FILE *f)
{
    fputs("usage: bc-bench --driver DRIVER.so (--sandbox BC-SANDBOX | --url URL)\n"
          "  [--products N] [--orders N] [--customers N] [--latency-ms N]\n"
          "  [--reps N] [--lookups N] [--scenarios 123456789ab] [--quick] [--verbose]\n"
          "--quick: 300 products, 100 orders, 5 ms latency, 1 repetition (the smoke test)\n",
          f);
}

static bool bench_num(const char *s, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max) {
        return false;
    }
    *out = v;
    return true;
}

/* Options with a numeric value; false when argv[i] is not one of them. */
static bool bench_num_opt(const char *name, const char *value, bench_opts *o, bool *bad)
{
    long reps = o->reps, lookups = o->lookups;
    struct {
        const char *name;
        long *dst, min, max;
    } nums[] = {
        {"--products", &o->products, 1, 1000000},   {"--orders", &o->orders, 1, 1000000},
        {"--customers", &o->customers, 1, 1000000}, {"--latency-ms", &o->latency_ms, 0, 10000},
        {"--reps", &reps, 1, BENCH_MAX_REPS},       {"--lookups", &lookups, 1, BENCH_MAX_IDS}};
    for (size_t k = 0; k < sizeof nums / sizeof *nums; k++) {
        if (strcmp(name, nums[k].name) == 0) {
            *bad = !value || !bench_num(value, nums[k].min, nums[k].max, nums[k].dst);
            o->reps = (int)reps;
            o->lookups = (int)lookups;
            return true;
        }
    }
    return false;
}

static bool bench_parse(int argc, char **argv, bench_opts *o)
{
    *o = (bench_opts){.products = 5000,
                      .orders = 1000,
                      .customers = 200,
                      .latency_ms = 50,
                      .reps = 3,
                      .lookups = 50};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        bool bad = false;
        if (strcmp(a, "--quick") == 0) {
            o->products = 300, o->orders = 100, o->latency_ms = 5, o->reps = 1;
        } else if (strcmp(a, "--verbose") == 0) {
            o->verbose = true;
        } else if (bench_num_opt(a, v, o, &bad)) {
            i++;
        } else if (v && strcmp(a, "--driver") == 0) {
            o->driver = argv[++i];
        } else if (v && strcmp(a, "--sandbox") == 0) {
            o->sandbox = argv[++i];
        } else if (v && strcmp(a, "--url") == 0) {
            o->url = argv[++i];
        } else if (v && strcmp(a, "--scenarios") == 0) {
            o->only = argv[++i];
        } else {
            bad = true;
        }
        if (bad) {
            fprintf(stderr, "bc-bench: bad option or value: %s\n", a);
            return false;
        }
    }
    return o->driver && (o->sandbox || o->url);
}

static int bench_main(const bench_opts *o)
{
    bench_sandbox sb;
    bench_ids ids;
    if (o->url) {
        bench_sandbox_attach(&sb, o->url);
    } else if (!bench_sandbox_start(&sb, o->sandbox, o)) {
        fprintf(stderr, "bc-bench: %s did not start (no URL on its first line)\n", o->sandbox);
        return 2;
    }
    int rc = 2;
    bench_http *h = bench_http_new(&sb);
    if (!h || !bench_naive_pick_ids(h, o->lookups, &ids)) {
        fprintf(stderr, "bc-bench: cannot read products and orders from %s\n", sb.url);
    } else if (!bench_odbc_init(o->driver)) {
        fprintf(stderr, "bc-bench: cannot set up the private ODBC ini files\n");
    } else {
        rc = bench_run_all(&sb, o, &ids);
    }
    bench_http_free(h);
    bench_odbc_cleanup();
    bench_sandbox_stop(&sb);
    return rc;
}

int main(int argc, char **argv)
{
    bench_opts o;
    if (!bench_parse(argc, argv, &o)) {
        bench_usage(stderr);
        return 2;
    }
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        fprintf(stderr, "bc-bench: libcurl did not initialise\n");
        return 2;
    }
    int rc = bench_main(&o);
    curl_global_cleanup();
    return rc;
}
