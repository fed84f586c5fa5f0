/*
 * The sandbox as a child process (bc-sandbox --port 0 prints its URL as its first stdout
 * line) or an already running one given by URL, and its request log, through which every
 * scenario counts the API requests it caused.
 */
#include "bench.h"

#include <cJSON.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void bench_sandbox_defaults(bench_sandbox *sb)
{
    memset(sb, 0, sizeof *sb);
    sb->child.out_fd = -1;
    snprintf(sb->store_hash, sizeof sb->store_hash, "sandbox");
    snprintf(sb->token, sizeof sb->token, "sandbox-token");
}

void bench_sandbox_attach(bench_sandbox *sb, const char *url)
{
    bench_sandbox_defaults(sb);
    snprintf(sb->url, sizeof sb->url, "%s", url);
    size_t n = strlen(sb->url);
    while (n > 0 && sb->url[n - 1] == '/')
        sb->url[--n] = '\0';
}

bool bench_sandbox_start(bench_sandbox *sb, const char *path, const bench_opts *o)
{
    char products[24], orders[24], customers[24], latency[24];
    snprintf(products, sizeof products, "%ld", o->products);
    snprintf(orders, sizeof orders, "%ld", o->orders);
    snprintf(customers, sizeof customers, "%ld", o->customers);
    snprintf(latency, sizeof latency, "%ld", o->latency_ms);
    const char *argv[] = {path,          "--products", products,       "--orders", orders,
                          "--customers", customers,    "--latency-ms", latency,    NULL};
    bench_sandbox_defaults(sb);
    /* generating a large store takes a moment before the server listens */
    if (!sandbox_launch(&sb->child, argv, 30000))
        return false;
    snprintf(sb->url, sizeof sb->url, "%s", sb->child.url);
    return true;
}

void bench_sandbox_stop(bench_sandbox *sb)
{
    sandbox_halt(&sb->child);
}

static int bench_count_api(const cJSON *log, bool verbose)
{
    int n = 0;
    const cJSON *r;
    cJSON_ArrayForEach(r, log)
    {
        const char *path = cJSON_GetStringValue(cJSON_GetObjectItem(r, "path"));
        const char *query = cJSON_GetStringValue(cJSON_GetObjectItem(r, "query"));
        if (!path || strncmp(path, "/stores/", 8) != 0) {
            continue;
        }
        n++;
        if (verbose) {
            fprintf(stderr, "    %s%s%s\n", path, query && *query ? "?" : "", query ? query : "");
        }
    }
    return n;
}

int bench_sandbox_requests(const bench_sandbox *sb, bool verbose)
{
    bench_http *h = bench_http_new(sb);
    char *body = NULL;
    int n = -1;
    if (h && bench_http_raw(h, "GET", "/__sandbox/requests", &body) == 200 && body) {
        cJSON *log = cJSON_Parse(body);
        if (cJSON_IsArray(log)) {
            n = bench_count_api(log, verbose);
        }
        cJSON_Delete(log);
    }
    free(body);
    bench_http_free(h);
    return n;
}

bool bench_sandbox_clear(const bench_sandbox *sb)
{
    bench_http *h = bench_http_new(sb);
    long status = h ? bench_http_raw(h, "DELETE", "/__sandbox/requests", NULL) : 0;
    bench_http_free(h);
    return status >= 200 && status < 300;
}
