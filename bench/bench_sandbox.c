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

long long bench_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One line from fd within timeout_ms; false on EOF or time-out. */
static bool bench_read_line(int fd, char *buf, size_t len, int timeout_ms)
{
    size_t n = 0;
    long long end = bench_now_ms() + timeout_ms;
    while (n + 1 < len) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int left = (int)(end - bench_now_ms());
        char c;
        if (left <= 0 || poll(&p, 1, left) <= 0 || read(fd, &c, 1) != 1) {
            return false;
        }
        if (c == '\n') {
            break;
        }
        buf[n++] = c;
    }
    buf[n] = '\0';
    return n > 0;
}

static void bench_trim_url(bench_sandbox *sb)
{
    size_t n = strlen(sb->url);
    while (n > 0 && (sb->url[n - 1] == '\r' || sb->url[n - 1] == '/')) {
        sb->url[--n] = '\0';
    }
}

static void bench_sandbox_defaults(bench_sandbox *sb)
{
    memset(sb, 0, sizeof *sb);
    snprintf(sb->store_hash, sizeof sb->store_hash, "sandbox");
    snprintf(sb->token, sizeof sb->token, "sandbox-token");
}

void bench_sandbox_attach(bench_sandbox *sb, const char *url)
{
    bench_sandbox_defaults(sb);
    snprintf(sb->url, sizeof sb->url, "%s", url);
    bench_trim_url(sb);
}

bool bench_sandbox_start(bench_sandbox *sb, const char *path, const bench_opts *o)
{
    char products[24], orders[24], customers[24], latency[24];
    snprintf(products, sizeof products, "%ld", o->products);
    snprintf(orders, sizeof orders, "%ld", o->orders);
    snprintf(customers, sizeof customers, "%ld", o->customers);
    snprintf(latency, sizeof latency, "%ld", o->latency_ms);
    const char *argv[] = {path,   "--port",      "0",       "--products",   products, "--orders",
                          orders, "--customers", customers, "--latency-ms", latency,  NULL};
    int fds[2];
    bench_sandbox_defaults(sb);
    if (pipe(fds) != 0) {
        return false;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        return false;
    }
    sb->pid = pid;
    sb->out_fd = fds[0]; /* kept open so the sandbox never writes into a closed pipe */
    /* generating a large store takes a moment before the server listens */
    bool ok = bench_read_line(fds[0], sb->url, sizeof sb->url, 30000);
    bench_trim_url(sb);
    if (!ok || strncmp(sb->url, "http://", 7) != 0) {
        bench_sandbox_stop(sb);
        return false;
    }
    return true;
}

void bench_sandbox_stop(bench_sandbox *sb)
{
    if (sb->out_fd > 0) {
        close(sb->out_fd);
        sb->out_fd = 0;
    }
    if (sb->pid <= 0) {
        return;
    }
    kill(sb->pid, SIGTERM);
    for (int i = 0; i < 100; i++) {
        if (waitpid(sb->pid, NULL, WNOHANG) == sb->pid) {
            sb->pid = 0;
            return;
        }
        usleep(20000);
    }
    kill(sb->pid, SIGKILL);
    waitpid(sb->pid, NULL, 0);
    sb->pid = 0;
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
