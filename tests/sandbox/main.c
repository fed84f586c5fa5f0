/*
 * bc-sandbox: options, start-up and shutdown. Prints the base URL as the first stdout line
 * once the server accepts connections, then serves until SIGTERM or SIGINT.
 */
#include "sandbox.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct opt {
    const char *name;
    int is_num;
    void *dst; /* long * or const char ** */
    long min, max;
} opt;

static void usage(FILE *f)
{
    fputs("usage: bc-sandbox [--port N] [--store-hash H] [--access-token T] [--seed S]\n"
          "  [--products N] [--orders N] [--customers N] [--brands N] [--categories N]\n"
          "  [--latency-ms N] [--client-id ID --client-secret S --redirect-uri URL]\n"
          "  [--token-expires-in S] [--rate-limit-quota N --rate-limit-window-ms MS]\n",
          f);
}

static int parse_num(const char *s, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

static int parse_args(int argc, char **argv, sb_config *c)
{
    long port = 0, seed = 1;
    const opt opts[] = {
        {"--port", 1, &port, 0, 65535},
        {"--store-hash", 0, &c->store_hash, 0, 0},
        {"--access-token", 0, &c->access_token, 0, 0},
        {"--seed", 1, &seed, 0, LONG_MAX},
        {"--products", 1, &c->products, 0, 10000000},
        {"--orders", 1, &c->orders, 0, 10000000},
        {"--customers", 1, &c->customers, 0, 10000000},
        {"--brands", 1, &c->brands, 0, 1000000},
        {"--categories", 1, &c->categories, 0, 1000000},
        {"--latency-ms", 1, &c->latency_ms, 0, 600000},
        {"--client-id", 0, &c->client_id, 0, 0},
        {"--client-secret", 0, &c->client_secret, 0, 0},
        {"--redirect-uri", 0, &c->redirect_uri, 0, 0},
        {"--token-expires-in", 1, &c->token_expires_in, 0, 100000000},
        {"--rate-limit-quota", 1, &c->rate_quota, 1, LONG_MAX},
        {"--rate-limit-window-ms", 1, &c->rate_window_ms, 1, 86400000},
    };
    for (int i = 1; i < argc; i++) {
        size_t k = 0;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            exit(0);
        }
        while (k < sizeof opts / sizeof *opts && strcmp(argv[i], opts[k].name) != 0)
            k++;
        if (k == sizeof opts / sizeof *opts || i + 1 >= argc) {
            fprintf(stderr, "bc-sandbox: unknown option or missing value: %s\n", argv[i]);
            return -1;
        }
        const char *v = argv[++i];
        if (!opts[k].is_num)
            *(const char **)opts[k].dst = v;
        else if (parse_num(v, opts[k].min, opts[k].max, (long *)opts[k].dst) != 0) {
            fprintf(stderr, "bc-sandbox: %s needs a number in [%ld, %ld]\n", opts[k].name,
                    opts[k].min, opts[k].max);
            return -1;
        }
    }
    c->port = (int)port;
    c->seed = (unsigned long)seed;
    return 0;
}

static void defaults(sb_config *c)
{
    *c = (sb_config){
        .store_hash = "sandbox",
        .access_token = "sandbox-token",
        .seed = 1,
        .products = 60,
        .orders = 40,
        .customers = 25,
        .brands = 8,
        .categories = 12,
        .client_id = "sandbox-client-id",
        .client_secret = "sandbox-client-secret",
        .redirect_uri = "http://localhost:33333",
        /* large enough that a benchmark never meets it unless asked to */
        .rate_quota = 1000000,
        .rate_window_ms = 30000,
    };
}

int main(int argc, char **argv)
{
    sb_config cfg;
    sb_store store;
    sigset_t sigs;
    int sig = 0, rc = 1;
    defaults(&cfg);
    if (parse_args(argc, argv, &cfg) != 0) {
        usage(stderr);
        return 2;
    }
    /* blocked before any thread starts, so only sigwait below receives them */
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGINT);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);
    if (sb_store_build(&store, &cfg) != 0) {
        fputs("bc-sandbox: out of memory while generating the store\n", stderr);
        return 1;
    }
    if (sb_reqlog_init() == 0 && sb_faults_init() == 0 &&
        sb_ratelimit_init(cfg.rate_quota, cfg.rate_window_ms) == 0 && sb_oauth_init(&cfg) == 0) {
        struct sb_server *srv = sb_server_start(&store, &cfg);
        if (srv) {
            printf("http://127.0.0.1:%d\n", sb_server_port(srv));
            fflush(stdout);
            sigwait(&sigs, &sig);
            sb_server_stop(srv);
            rc = 0;
        } else {
            fprintf(stderr, "bc-sandbox: cannot listen on 127.0.0.1:%d\n", cfg.port);
        }
    }
    sb_oauth_free();
    sb_ratelimit_free();
    sb_faults_free();
    sb_reqlog_free();
    sb_store_free(&store);
    return rc;
}
