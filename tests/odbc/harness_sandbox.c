/*
 * The sandbox as a child process (bc-sandbox --port 0, URL read from its first stdout line)
 * and its HTTP side, reached with libcurl: the data the driver should return is computed
 * from the sandbox's own JSON, never written into the tests.
 */
#include "harness.h"

#include <curl/curl.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

char bct_sandbox_path[1024];

long long bct_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static const char *bct_opt(const char *const *extra, const char *flag, const char *dflt)
{
    for (int i = 0; extra && extra[i] && extra[i + 1]; i += 2) {
        if (strcmp(extra[i], flag) == 0) {
            return extra[i + 1];
        }
    }
    return dflt;
}

/* Reads one line from fd within timeout_ms; false on EOF or time-out. */
static bool bct_read_line(int fd, char *buf, size_t len, int timeout_ms)
{
    size_t n = 0;
    long long end = bct_now_ms() + timeout_ms;
    while (n + 1 < len) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        int left = (int)(end - bct_now_ms());
        if (left <= 0 || poll(&p, 1, left) <= 0) {
            return false;
        }
        char c;
        ssize_t r = read(fd, &c, 1);
        if (r <= 0) {
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

bool bct_sandbox_start(bct_sandbox *sb, const char *const *extra)
{
    memset(sb, 0, sizeof *sb);
    snprintf(sb->store_hash, sizeof sb->store_hash, "%s",
             bct_opt(extra, "--store-hash", "sandbox"));
    snprintf(sb->token, sizeof sb->token, "%s", bct_opt(extra, "--access-token", "sandbox-token"));
    const char *argv[64];
    int argc = 0;
    argv[argc++] = bct_sandbox_path;
    argv[argc++] = "--port";
    argv[argc++] = "0";
    for (int i = 0; extra && extra[i] && argc < 62; i++) {
        argv[argc++] = extra[i];
    }
    argv[argc] = NULL;
    int fds[2];
    if (pipe(fds) != 0) {
        bct_fail(__FILE__, __LINE__, "pipe: %s", strerror(errno));
        return false;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        /* A test killed by ctest's time-out must not leave its sandbox behind holding the
         * output pipe open (ctest would wait for it). */
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        bct_fail(__FILE__, __LINE__, "fork: %s", strerror(errno));
        return false;
    }
    sb->pid = pid;
    bool ok = bct_read_line(fds[0], sb->url, sizeof sb->url, 10000);
    sb->out_fd = fds[0];
    size_t n = strlen(sb->url);
    while (n > 0 && (sb->url[n - 1] == '\r' || sb->url[n - 1] == '/')) {
        sb->url[--n] = '\0';
    }
    if (!ok || strncmp(sb->url, "http://", 7) != 0) {
        bct_fail(__FILE__, __LINE__, "%s did not print its URL (got \"%s\")", bct_sandbox_path,
                 sb->url);
        bct_sandbox_stop(sb);
        return false;
    }
    return true;
}

void bct_sandbox_stop(bct_sandbox *sb)
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

typedef struct bct_buf {
    char *data;
    size_t len;
} bct_buf;

static size_t bct_collect(char *p, size_t size, size_t n, void *ud)
{
    bct_buf *b = ud;
    size_t add = size * n;
    char *grown = realloc(b->data, b->len + add + 1);
    if (!grown) {
        return 0;
    }
    b->data = grown;
    memcpy(b->data + b->len, p, add);
    b->len += add;
    b->data[b->len] = '\0';
    return add;
}

/* One request; returns the HTTP status (0 on a transport error) and the body in *body. */
static long bct_http(const bct_sandbox *sb, const char *method, const char *url, const char *post,
                     bct_buf *body)
{
    CURL *c = curl_easy_init();
    if (!c) {
        return 0;
    }
    struct curl_slist *h = NULL;
    char auth[200];
    snprintf(auth, sizeof auth, "X-Auth-Token: %s", sb->token);
    h = curl_slist_append(h, auth);
    h = curl_slist_append(h, "Accept: application/json");
    h = curl_slist_append(h, "Content-Type: application/json");
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, bct_collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, body);
    if (post) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, post);
    }
    long status = 0;
    if (curl_easy_perform(c) == CURLE_OK) {
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    }
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
    return status;
}

static cJSON *bct_get_url(const bct_sandbox *sb, const char *url, long *status)
{
    bct_buf b = {0};
    *status = bct_http(sb, "GET", url, NULL, &b);
    cJSON *j = (*status == 200 && b.data) ? cJSON_Parse(b.data) : NULL;
    free(b.data);
    return j;
}

cJSON *bct_sb_get(const bct_sandbox *sb, const char *path)
{
    char url[2048];
    long status;
    snprintf(url, sizeof url, "%s/stores/%s%s", sb->url, sb->store_hash, path);
    return bct_get_url(sb, url, &status);
}

static void bct_move_items(cJSON *all, cJSON *page)
{
    cJSON *item;
    while ((item = cJSON_DetachItemFromArray(page, 0)) != NULL) {
        cJSON_AddItemToArray(all, item);
    }
}

cJSON *bct_sb_get_all(const bct_sandbox *sb, const char *path)
{
    cJSON *all = cJSON_CreateArray();
    const char *sep = strchr(path, '?') ? "&" : "?";
    for (int page = 1; page < 10000; page++) {
        char url[2048];
        long status;
        snprintf(url, sizeof url, "%s/stores/%s%s%spage=%d&limit=250", sb->url, sb->store_hash,
                 path, sep, page);
        cJSON *j = bct_get_url(sb, url, &status);
        if (!j) {
            if (status != 204) {
                bct_fail(__FILE__, __LINE__, "GET %s: HTTP %ld", url, status);
            }
            break;
        }
        if (cJSON_IsArray(j)) { /* v2: bare array, 204 past the end */
            bool empty = cJSON_GetArraySize(j) == 0;
            bct_move_items(all, j);
            cJSON_Delete(j);
            if (empty) {
                break;
            }
            continue;
        }
        cJSON *data = cJSON_GetObjectItem(j, "data");
        cJSON *pag = cJSON_GetObjectItem(cJSON_GetObjectItem(j, "meta"), "pagination");
        int total = cJSON_GetObjectItem(pag, "total_pages")
                        ? cJSON_GetObjectItem(pag, "total_pages")->valueint
                        : page;
        if (cJSON_IsArray(data)) {
            bct_move_items(all, data);
        }
        cJSON_Delete(j);
        if (page >= total) {
            break;
        }
    }
    return all;
}

cJSON *bct_sb_requests(const bct_sandbox *sb)
{
    char url[512];
    long status;
    snprintf(url, sizeof url, "%s/__sandbox/requests", sb->url);
    cJSON *j = bct_get_url(sb, url, &status);
    if (!cJSON_IsArray(j)) {
        bct_fail(__FILE__, __LINE__, "GET /__sandbox/requests: HTTP %ld", status);
        cJSON_Delete(j);
        return cJSON_CreateArray();
    }
    return j;
}

int bct_sb_api_request_count(const bct_sandbox *sb)
{
    cJSON *log = bct_sb_requests(sb);
    int n = 0;
    cJSON *r;
    cJSON_ArrayForEach(r, log)
    {
        const char *path = cJSON_GetStringValue(cJSON_GetObjectItem(r, "path"));
        n += path && strncmp(path, "/stores/", 8) == 0;
    }
    cJSON_Delete(log);
    return n;
}

void bct_sb_clear_requests(const bct_sandbox *sb)
{
    char url[512];
    bct_buf b = {0};
    snprintf(url, sizeof url, "%s/__sandbox/requests", sb->url);
    long status = bct_http(sb, "DELETE", url, NULL, &b);
    free(b.data);
    if (status < 200 || status > 299) {
        bct_fail(__FILE__, __LINE__, "DELETE /__sandbox/requests: HTTP %ld", status);
    }
}

bool bct_sb_fault(const bct_sandbox *sb, const char *json)
{
    char url[512];
    bct_buf b = {0};
    snprintf(url, sizeof url, "%s/__sandbox/faults", sb->url);
    long status = bct_http(sb, "POST", url, json, &b);
    free(b.data);
    if (status < 200 || status > 299) {
        bct_fail(__FILE__, __LINE__, "POST /__sandbox/faults %s: HTTP %ld", json, status);
        return false;
    }
    return true;
}

void bct_sb_fault_clear(const bct_sandbox *sb)
{
    char url[512];
    bct_buf b = {0};
    snprintf(url, sizeof url, "%s/__sandbox/faults", sb->url);
    long status = bct_http(sb, "DELETE", url, NULL, &b);
    free(b.data);
    if (status < 200 || status > 299) {
        bct_fail(__FILE__, __LINE__, "DELETE /__sandbox/faults: HTTP %ld", status);
    }
}
