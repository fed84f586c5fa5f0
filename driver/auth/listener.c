/*
 * The desktop flow's one-shot loopback HTTP listener, with plain POSIX sockets so the driver
 * does not depend on an HTTP server library. It binds only loopback addresses, answers the
 * one redirect that carries code/error, and closes.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>
#include "auth_internal.h"

void bc_oauth_callback_free(bc_oauth_callback *cb)
{
    free(cb->code);
    free(cb->state);
    free(cb->error);
    free(cb->error_description);
    memset(cb, 0, sizeof *cb);
}

static int set_field(char **slot, const char *value, size_t n)
{
    char *v = strndup(value, n);

    if (v == NULL)
        return -1;
    bc_oauth_pct_decode(v);
    free(*slot);
    *slot = v;
    return 0;
}

int bc_oauth_parse_query(const char *query, bc_oauth_callback *cb)
{
    const char *p = query;

    while (p != NULL && *p != '\0' && *p != '#') {
        size_t plen = strcspn(p, "&#");
        const char *eq = memchr(p, '=', plen);
        size_t klen = eq ? (size_t)(eq - p) : plen;
        const char *val = eq ? eq + 1 : p + plen;
        size_t vlen = (size_t)(p + plen - val);
        char **slot = NULL;

        if (klen == 4 && strncmp(p, "code", 4) == 0)
            slot = &cb->code;
        else if (klen == 5 && strncmp(p, "state", 5) == 0)
            slot = &cb->state;
        else if (klen == 5 && strncmp(p, "error", 5) == 0)
            slot = &cb->error;
        else if (klen == 17 && strncmp(p, "error_description", 17) == 0)
            slot = &cb->error_description;
        if (slot != NULL && set_field(slot, val, vlen) != 0)
            return -1;
        p += plen;
        if (*p == '&')
            p++;
    }
    return 0;
}

/* Checked before any message quotes the URL: user info may hold a password. */
static bool has_user_info(const char *url)
{
    const char *scheme_end = url ? strstr(url, "://") : NULL;
    const char *authority = scheme_end ? scheme_end + 3 : url;
    return authority != NULL && memchr(authority, '@', strcspn(authority, "/?#")) != NULL;
}

int bc_oauth_parse_callback_url(const char *url, char *host, size_t host_cap, int *port,
                                bc_error *err)
{
    const char *h, *end;
    size_t hlen;

    if (has_user_info(url))
        return bc_error_set(err, "08001", 0,
                            "The CallbackURL carries a user name or password, which a loopback "
                            "redirect never has. Set CallbackURL=http://localhost:PORT.");
    if (url == NULL || strncasecmp(url, "http://", 7) != 0)
        return bc_error_set(err, "08001", 0,
                            "CallbackURL '%s' is not an http:// URL. The desktop sign-in "
                            "listens on loopback: set CallbackURL=http://localhost:PORT, the "
                            "redirect URL registered for the app.",
                            url ? url : "");
    h = url + 7;
    if (*h == '[') {
        end = strchr(h, ']');
        if (end == NULL)
            return bc_error_set(err, "08001", 0, "CallbackURL '%s' has a broken IPv6 host.", url);
        hlen = (size_t)(end - h - 1);
        h++;
        end++;
    } else {
        hlen = strcspn(h, ":/?#");
        end = h + hlen;
    }
    if (hlen == 0 || hlen >= host_cap)
        return bc_error_set(err, "08001", 0, "CallbackURL '%s' has no usable host.", url);
    memcpy(host, h, hlen);
    host[hlen] = '\0';
    *port = 80;
    if (*end == ':') {
        char *stop;
        long v = strtol(end + 1, &stop, 10);
        if (v <= 0 || v > 65535 || (*stop != '\0' && !strchr("/?#", *stop)))
            return bc_error_set(err, "08001", 0, "CallbackURL '%s' has an invalid port.", url);
        *port = (int)v;
    }
    return 0;
}

static int bind_one(int family, int port, int *fd_out)
{
    int fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    int one = 1;
    int rc;

    if (fd < 0)
        return -errno;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (family == AF_INET6) {
        struct sockaddr_in6 a6 = {.sin6_family = AF_INET6, .sin6_port = htons((uint16_t)port)};
        a6.sin6_addr = in6addr_loopback;
        setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
        rc = bind(fd, (struct sockaddr *)&a6, sizeof a6);
    } else {
        struct sockaddr_in a4 = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
        a4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        rc = bind(fd, (struct sockaddr *)&a4, sizeof a4);
    }
    if (rc != 0 || listen(fd, 8) != 0) {
        int e = errno;
        close(fd);
        return -e;
    }
    *fd_out = fd;
    return 0;
}

static int busy_error(int port, int e, bc_error *err)
{
    if (e == EADDRINUSE)
        return bc_error_set(err, "08001", 0,
                            "Port %d of the CallbackURL is already in use on this machine, so "
                            "the sign-in redirect cannot be received. Close the program using "
                            "port %d or register another loopback CallbackURL for the app.",
                            port, port);
    return bc_error_set(err, "08001", 0,
                        "Cannot listen on loopback port %d of the CallbackURL (%s). Use a "
                        "CallbackURL with a free port above 1024.",
                        port, strerror(e));
}

int bc_oauth_listen(const char *callback_url, bc_oauth_listener *l, bc_error *err)
{
    char host[256];
    int port, rc;
    bool want_v6;

    l->nfds = 0;
    if (bc_oauth_parse_callback_url(callback_url, host, sizeof host, &port, err) != 0)
        return -1;
    want_v6 = strcasecmp(host, "localhost") == 0 || strcmp(host, "::1") == 0;
    if (!want_v6 && strcmp(host, "127.0.0.1") != 0)
        return bc_error_set(err, "08001", 0,
                            "CallbackURL host '%s' is not a loopback address. The desktop "
                            "sign-in only listens on this machine: use http://localhost:PORT "
                            "or http://127.0.0.1:PORT, or use the web flow procedures.",
                            host);
    l->port = port;
    rc = bind_one(AF_INET, port, &l->fds[0]);
    if (rc != 0)
        return busy_error(port, -rc, err);
    l->nfds = 1;
    if (want_v6) {
        rc = bind_one(AF_INET6, port, &l->fds[1]);
        if (rc == 0)
            l->nfds = 2;
        else if (rc == -EADDRINUSE) {
            bc_oauth_listener_close(l);
            return busy_error(port, EADDRINUSE, err);
        }
        /* Other failures (no IPv6 on this host) leave the IPv4 socket, which is enough. */
    }
    return 0;
}

void bc_oauth_listener_close(bc_oauth_listener *l)
{
    for (int i = 0; i < l->nfds; i++)
        close(l->fds[i]);
    l->nfds = 0;
}
