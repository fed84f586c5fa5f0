/*
 * Receiving the browser's redirect on the loopback listener: serve connections until one
 * request carries code or error, answer it with a short HTML page, then judge it
 * (denied, state mismatch, no code).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "auth_internal.h"

#define CB_MAX_CLIENTS 8
#define CB_REQ_MAX 8192

typedef struct cb_client {
    int fd;
    size_t len;
    char buf[CB_REQ_MAX + 1];
} cb_client;

static long long mono_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void html_escape_into(char *out, size_t cap, const char *s)
{
    size_t o = 0;

    for (; s && *s && o + 7 < cap; s++) {
        const char *rep = NULL;
        switch (*s) {
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '&':
            rep = "&amp;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\'':
            rep = "&#39;";
            break;
        default:
            break;
        }
        if (rep) {
            memcpy(out + o, rep, strlen(rep));
            o += strlen(rep);
        } else {
            out[o++] = *s;
        }
    }
    out[o] = '\0';
}

static void send_all(int fd, const char *data, size_t n)
{
    struct timeval tv = {.tv_sec = 2};
    int flags = fcntl(fd, F_GETFL);

    /* The page is small; a blocking send with a time-out keeps a stalled browser from
     * holding the connection open. */
    fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    while (n > 0) {
        ssize_t w = send(fd, data, n, MSG_NOSIGNAL);
        if (w <= 0)
            return;
        data += w;
        n -= (size_t)w;
    }
}

static void respond(int fd, int status, const char *title, const char *detail)
{
    char esc[1200];
    char body[2048];
    char head[256];
    int blen;

    html_escape_into(esc, sizeof esc, detail);
    blen = snprintf(body, sizeof body,
                    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s</title>"
                    "</head><body><h1 id=\"result\">%s</h1><p id=\"detail\">%s</p>"
                    "</body></html>",
                    title, title, esc);
    if (blen < 0 || (size_t)blen >= sizeof body)
        blen = (int)strlen(body);
    snprintf(head, sizeof head,
             "HTTP/1.1 %d %s\r\nContent-Type: text/html; charset=utf-8\r\n"
             "Content-Length: %d\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
             status, status == 200 ? "OK" : "Not Found", blen);
    send_all(fd, head, strlen(head));
    send_all(fd, body, (size_t)blen);
}

/* The request target's query of "GET /path?query HTTP/1.1", or NULL. Modifies buf. */
static char *request_query(char *buf)
{
    char *sp = strchr(buf, ' ');
    char *target, *end, *q;

    if (sp == NULL)
        return NULL;
    target = sp + 1;
    end = strchr(target, ' ');
    if (end == NULL)
        return NULL;
    *end = '\0';
    q = strchr(target, '?');
    return q ? q + 1 : NULL;
}

/* Judge the redirect and answer the browser. Returns 0 with *code_out, or -1 with err. */
static int finish(int fd, bc_oauth_callback *cb, const char *expected_state, char **code_out,
                  bc_error *err)
{
    char why[600];

    if (cb->error != NULL) {
        snprintf(why, sizeof why, "The authorization server answered %s%s%s.", cb->error,
                 cb->error_description ? ": " : "",
                 cb->error_description ? cb->error_description : "");
        respond(fd, 200, "Sign-in failed", why);
        if (strcmp(cb->error, "access_denied") == 0)
            return bc_error_set(err, "28000", 0,
                                "Sign-in was denied: the user did not approve the app in the "
                                "browser (error=access_denied). Connect again and click "
                                "Approve, or check the app's scopes with the store owner.");
        return bc_error_set(err, "28000", 0,
                            "Sign-in failed: the authorization server redirected with "
                            "error=%s. Check OAuthClientId, CallbackURL and Scope, then "
                            "connect again.",
                            cb->error);
    }
    if (expected_state != NULL && (cb->state == NULL || strcmp(cb->state, expected_state) != 0)) {
        respond(fd, 200, "Sign-in failed",
                "The state returned by the authorization server does not match this "
                "sign-in. Start the sign-in again from your application.");
        return bc_error_set(err, "28000", 0,
                            "Sign-in failed: the state returned to the CallbackURL does not "
                            "match the one this connection sent, so the redirect may not come "
                            "from this sign-in. Connect again.");
    }
    respond(fd, 200, "Sign-in complete",
            "You are signed in to BigCommerce. You may close this tab and return to your "
            "application.");
    *code_out = cb->code;
    cb->code = NULL;
    return 0;
}

/* 1: handled (result in *rc), 0: not the redirect yet, keep the client if incomplete. */
static int serve_client(cb_client *c, const char *expected_state, char **code_out, int *rc,
                        bc_error *err)
{
    bc_oauth_callback cb = {0};
    char *query;

    if (strstr(c->buf, "\r\n\r\n") == NULL && c->len < CB_REQ_MAX)
        return 0;
    query = request_query(c->buf);
    if (query == NULL || bc_oauth_parse_query(query, &cb) != 0 ||
        (cb.code == NULL && cb.error == NULL)) {
        /* favicon.ico and the like: not the redirect. */
        respond(c->fd, 404, "Not found", "This address only receives the sign-in redirect.");
        bc_oauth_callback_free(&cb);
        return -1;
    }
    *rc = finish(c->fd, &cb, expected_state, code_out, err);
    bc_oauth_callback_free(&cb);
    return 1;
}

static void drop_client(cb_client *cl, int *n, int i)
{
    close(cl[i].fd);
    cl[i] = cl[*n - 1];
    (*n)--;
}

static void accept_clients(bc_oauth_listener *l, struct pollfd *pfd, cb_client *cl, int *n)
{
    for (int i = 0; i < l->nfds; i++) {
        int fd;
        if (!(pfd[i].revents & POLLIN))
            continue;
        fd = accept4(l->fds[i], NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        if (*n == CB_MAX_CLIENTS) {
            close(fd);
            continue;
        }
        cl[*n].fd = fd;
        cl[*n].len = 0;
        (*n)++;
    }
}

/* Read what arrived on client i; returns 1 when the redirect was handled. */
static int read_client(cb_client *cl, int *n, int i, const char *expected_state, char **code_out,
                       int *rc, bc_error *err)
{
    ssize_t r = recv(cl[i].fd, cl[i].buf + cl[i].len, CB_REQ_MAX - cl[i].len, 0);
    int s;

    if (r <= 0) {
        if (r < 0 && (errno == EAGAIN || errno == EINTR))
            return 0;
        drop_client(cl, n, i);
        return 0;
    }
    cl[i].len += (size_t)r;
    cl[i].buf[cl[i].len] = '\0';
    s = serve_client(&cl[i], expected_state, code_out, rc, err);
    if (s != 0)
        drop_client(cl, n, i);
    return s == 1;
}

static int wait_loop(bc_oauth_listener *l, cb_client *cl, long long deadline,
                     const char *expected_state, char **code_out, bc_error *err)
{
    struct pollfd pfd[2 + CB_MAX_CLIENTS];
    int n = 0, rc = -1;

    for (;;) {
        long long left = deadline - mono_ms();
        int np = 0;
        if (left <= 0)
            break;
        for (int i = 0; i < l->nfds; i++)
            pfd[np++] = (struct pollfd){.fd = l->fds[i], .events = POLLIN};
        for (int i = 0; i < n; i++)
            pfd[np++] = (struct pollfd){.fd = cl[i].fd, .events = POLLIN};
        if (poll(pfd, (nfds_t)np, (int)(left > 1000 ? 1000 : left)) < 0 && errno != EINTR)
            break;
        for (int i = n - 1; i >= 0; i--) {
            if ((pfd[l->nfds + i].revents & (POLLIN | POLLHUP | POLLERR)) &&
                read_client(cl, &n, i, expected_state, code_out, &rc, err)) {
                while (n > 0)
                    drop_client(cl, &n, n - 1);
                return rc;
            }
        }
        accept_clients(l, pfd, cl, &n);
    }
    while (n > 0)
        drop_client(cl, &n, n - 1);
    return 1; /* timed out */
}

int bc_oauth_wait_code(bc_oauth_listener *l, int timeout_s, const char *expected_state,
                       char **code_out, bc_error *err)
{
    cb_client *cl = malloc(sizeof(cb_client) * CB_MAX_CLIENTS);
    int rc;

    *code_out = NULL;
    if (cl == NULL)
        return bc_error_set(err, "HY001", 0, "Out of memory while waiting for the sign-in.");
    rc = wait_loop(l, cl, mono_ms() + (long long)timeout_s * 1000, expected_state, code_out, err);
    free(cl);
    if (rc == 1)
        return bc_error_set(err, "08001", 0,
                            "The browser sign-in did not complete within %d seconds "
                            "(OAuthTimeout): no redirect reached port %d. Finish the sign-in "
                            "in the browser sooner, raise OAuthTimeout, or use the headless "
                            "flow (open the authorization URL elsewhere and set "
                            "OAuthVerifier to the returned code).",
                            timeout_s, l->port);
    return rc;
}
