/*
 * Test helper: run bc-sandbox as a child process (sandbox_launch.h) and talk to its control
 * endpoints
 * (/__sandbox/requests, /__sandbox/faults) through the driver's own HTTP client.
 */
#ifndef TEST_API_SANDBOX_CHILD_H
#define TEST_API_SANDBOX_CHILD_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cjson/cJSON.h>
#include "bc_http.h"
#include "sandbox_launch.h"

typedef struct sb_child {
    sandbox_child proc;
    char base_url[128];
    bc_http *http;
} sb_child;

/* Start the sandbox; extra is a space-separated list of further options. 0 or -1. */
static inline int sb_child_start(sb_child *c, const char *exe, const char *store, const char *token,
                                 const char *extra)
{
    const char *argv[32];
    char buf[512];
    int n = 0;

    memset(c, 0, sizeof *c);
    snprintf(buf, sizeof buf, "%s", extra ? extra : "");
    argv[n++] = exe;
    argv[n++] = "--store-hash";
    argv[n++] = store;
    argv[n++] = "--access-token";
    argv[n++] = token;
    argv[n++] = "--seed";
    argv[n++] = "7";
    for (char *t = strtok(buf, " "); t != NULL && n < 31; t = strtok(NULL, " "))
        argv[n++] = t;
    argv[n] = NULL;
    if (!sandbox_launch(&c->proc, argv, 10000))
        return -1;
    snprintf(c->base_url, sizeof c->base_url, "%s", c->proc.url);
    c->http = bc_http_new(&(bc_http_config){.timeout_s = 10, .connect_timeout_s = 5});
    return c->http ? 0 : -1;
}

static inline void sb_child_stop(sb_child *c)
{
    sandbox_halt(&c->proc);
    bc_http_free(c->http);
    c->http = NULL;
}

/* One control request; returns the response body (caller frees) or NULL. */
static inline char *sb_child_call(sb_child *c, const char *method, const char *path,
                                  const char *body)
{
    char url[256];
    bc_http_header hdrs[] = {{"Content-Type", "application/json"}, {NULL, NULL}};
    bc_http_request req = {method, url, hdrs, body, body ? strlen(body) : 0};
    bc_http_response resp;
    bc_error e;
    char *out;

    snprintf(url, sizeof url, "%s%s", c->base_url, path);
    bc_error_clear(&e);
    if (bc_http_perform(c->http, &req, &resp, &e) != 0)
        return NULL;
    out = resp.body ? resp.body : strdup("");
    resp.body = NULL;
    bc_http_response_free(&resp);
    return out;
}

static inline void sb_child_clear_log(sb_child *c)
{
    free(sb_child_call(c, "DELETE", "/__sandbox/requests", NULL));
}

static inline void sb_child_fault(sb_child *c, const char *json)
{
    free(sb_child_call(c, "POST", "/__sandbox/faults", json));
}

/* Requests logged so far whose path contains part. */
static inline int sb_child_request_count(sb_child *c, const char *part)
{
    char *body = sb_child_call(c, "GET", "/__sandbox/requests", NULL);
    cJSON *log = body ? cJSON_Parse(body) : NULL;
    const cJSON *it;
    int n = 0;

    cJSON_ArrayForEach(it, log)
    {
        const cJSON *p = cJSON_GetObjectItem(it, "path");
        if (cJSON_IsString(p) && strstr(p->valuestring, part))
            n++;
    }
    cJSON_Delete(log);
    free(body);
    return n;
}

/* A loopback port with nothing listening. */
static inline int sb_child_free_port(void)
{
    struct sockaddr_in a = {0};
    socklen_t len = sizeof a;
    int s = socket(AF_INET, SOCK_STREAM, 0);

    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(s, (struct sockaddr *)&a, sizeof a) != 0)
        return 1;
    getsockname(s, (struct sockaddr *)&a, &len);
    close(s);
    return ntohs(a.sin_port);
}

#endif
