/* The desktop flow's loopback listener and browser launch, with a client written here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "auth/auth_internal.h"

typedef struct client_job {
    int family;
    int port;
    const char *requests[3]; /* sent on separate connections, in order */
    char response[4096];     /* the answer to the last request */
} client_job;

static int free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET};
    socklen_t len = sizeof a;

    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, (struct sockaddr *)&a, sizeof a);
    getsockname(fd, (struct sockaddr *)&a, &len);
    close(fd);
    return ntohs(a.sin_port);
}

static int connect_to(int family, int port)
{
    int fd = socket(family, SOCK_STREAM, 0);
    int rc;

    if (family == AF_INET6) {
        struct sockaddr_in6 a = {.sin6_family = AF_INET6, .sin6_port = htons((uint16_t)port)};
        a.sin6_addr = in6addr_loopback;
        rc = connect(fd, (struct sockaddr *)&a, sizeof a);
    } else {
        struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        rc = connect(fd, (struct sockaddr *)&a, sizeof a);
    }
    if (rc != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static void *client_main(void *arg)
{
    client_job *job = arg;

    for (int i = 0; i < 3 && job->requests[i] != NULL; i++) {
        int fd = connect_to(job->family, job->port);
        size_t got = 0;
        ssize_t r;
        if (fd < 0)
            return NULL;
        send(fd, job->requests[i], strlen(job->requests[i]), 0);
        while ((r = recv(fd, job->response + got, sizeof job->response - 1 - got, 0)) > 0)
            got += (size_t)r;
        job->response[got] = '\0';
        close(fd);
    }
    return NULL;
}

/* Listen on a fresh port of host, run the client, wait for the code. */
static int run(const char *host, client_job *job, const char *state, char **code, bc_error *err)
{
    char url[128];
    bc_oauth_listener l;
    pthread_t th;
    int rc;

    job->port = free_port();
    snprintf(url, sizeof url, "http://%s:%d", host, job->port);
    bc_error_clear(err);
    assert_int_equal(bc_oauth_listen(url, &l, err), 0);
    pthread_create(&th, NULL, client_main, job);
    rc = bc_oauth_wait_code(&l, 5, state, code, err);
    pthread_join(th, NULL);
    bc_oauth_listener_close(&l);
    return rc;
}

static void redirect_with_code_and_state_gives_the_code(void **state)
{
    client_job job = {.family = AF_INET,
                      .requests = {"GET /?code=abc%2F1&scope=s&state=S1 HTTP/1.1\r\n"
                                   "Host: localhost\r\n\r\n"}};
    char *code = NULL;
    bc_error err;
    (void)state;

    assert_int_equal(run("localhost", &job, "S1", &code, &err), 0);
    assert_string_equal(code, "abc/1");
    assert_non_null(strstr(job.response, "HTTP/1.1 200"));
    assert_non_null(strstr(job.response, "Sign-in complete"));
    free(code);
}

static void localhost_also_listens_on_ipv6_loopback(void **state)
{
    client_job job = {.family = AF_INET6, .requests = {"GET /cb?code=v6&state=S HTTP/1.1\r\n\r\n"}};
    char *code = NULL;
    bc_error err;
    int probe = socket(AF_INET6, SOCK_STREAM, 0);
    (void)state;

    if (probe < 0)
        skip();
    close(probe);
    assert_int_equal(run("localhost", &job, "S", &code, &err), 0);
    assert_string_equal(code, "v6");
    free(code);
}

static void other_requests_get_404_before_the_redirect(void **state)
{
    client_job job = {.family = AF_INET,
                      .requests = {"GET /favicon.ico HTTP/1.1\r\n\r\n",
                                   "GET /?code=c2&state=S HTTP/1.1\r\n\r\n"}};
    char *code = NULL;
    bc_error err;
    (void)state;

    assert_int_equal(run("127.0.0.1", &job, "S", &code, &err), 0);
    assert_string_equal(code, "c2");
    free(code);
}

static void denied_consent_is_28000_and_page_says_why(void **state)
{
    client_job job = {.family = AF_INET,
                      .requests = {"GET /?error=access_denied&error_description=<b>no</b>&"
                                   "state=S HTTP/1.1\r\n\r\n"}};
    char *code = NULL;
    bc_error err;
    (void)state;

    assert_int_equal(run("localhost", &job, "S", &code, &err), -1);
    assert_null(code);
    assert_string_equal(err.sqlstate, "28000");
    assert_non_null(strstr(err.message, "access_denied"));
    assert_non_null(strstr(job.response, "Sign-in failed"));
    assert_non_null(strstr(job.response, "&lt;b&gt;no"));
    assert_null(strstr(job.response, "<b>no"));
}

static void state_mismatch_is_28000(void **state)
{
    client_job job = {.family = AF_INET, .requests = {"GET /?code=x&state=EVIL HTTP/1.1\r\n\r\n"}};
    char *code = NULL;
    bc_error err;
    (void)state;

    assert_int_equal(run("localhost", &job, "GOOD", &code, &err), -1);
    assert_null(code);
    assert_string_equal(err.sqlstate, "28000");
    assert_non_null(strstr(err.message, "state"));
    assert_non_null(strstr(job.response, "Sign-in failed"));
}

static void no_redirect_times_out_with_08001(void **state)
{
    char url[64], *code = NULL;
    bc_oauth_listener l;
    bc_error err;
    int port = free_port();
    (void)state;

    snprintf(url, sizeof url, "http://localhost:%d", port);
    bc_error_clear(&err);
    assert_int_equal(bc_oauth_listen(url, &l, &err), 0);
    assert_int_equal(bc_oauth_wait_code(&l, 1, "S", &code, &err), -1);
    bc_oauth_listener_close(&l);
    assert_string_equal(err.sqlstate, "08001");
    assert_non_null(strstr(err.message, "1 seconds"));
    assert_non_null(strstr(err.message, "OAuthTimeout"));
}

static void busy_port_is_08001_naming_the_port(void **state)
{
    char url[64], num[16];
    bc_oauth_listener l;
    bc_error err;
    int port = free_port();
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    (void)state;

    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(listen(fd, 1), 0);
    snprintf(url, sizeof url, "http://localhost:%d", port);
    snprintf(num, sizeof num, "%d", port);
    bc_error_clear(&err);
    assert_int_equal(bc_oauth_listen(url, &l, &err), -1);
    close(fd);
    assert_string_equal(err.sqlstate, "08001");
    assert_non_null(strstr(err.message, num));
    assert_non_null(strstr(err.message, "in use"));
}

static void non_loopback_callback_is_refused(void **state)
{
    bc_oauth_listener l;
    bc_error err;
    (void)state;

    bc_error_clear(&err);
    assert_int_equal(bc_oauth_listen("http://example.com:8080/cb", &l, &err), -1);
    assert_string_equal(err.sqlstate, "08001");
    assert_non_null(strstr(err.message, "loopback"));
}

static void missing_browser_error_gives_url_and_headless_flow(void **state)
{
    bc_error err;
    (void)state;

    setenv("BROWSER", "/nonexistent/browser", 1);
    bc_error_clear(&err);
    assert_int_equal(bc_oauth_open_browser("http://auth.example/x?y=1", &err), -1);
    assert_string_equal(err.sqlstate, "08001");
    assert_non_null(strstr(err.message, "http://auth.example/x?y=1"));
    assert_non_null(strstr(err.message, "OAuthVerifier"));
}

static void browser_program_gets_the_url_as_its_argument(void **state)
{
    char script[] = "/tmp/bc-browser-XXXXXX", out[64], got[256] = "";
    FILE *f;
    bc_error err;
    int fd = mkstemp(script);
    (void)state;

    snprintf(out, sizeof out, "%s.out", script);
    f = fdopen(fd, "w");
    fprintf(f, "#!/bin/sh\nprintf '%%s|%%s' \"$#\" \"$1\" > %s.tmp && mv %s.tmp %s\n", out, out,
            out);
    fclose(f);
    chmod(script, 0700);
    setenv("BROWSER", script, 1);
    bc_error_clear(&err);
    assert_int_equal(bc_oauth_open_browser("http://h/a?b=1&c='d e'", &err), 0);
    for (int i = 0; i < 100 && (f = fopen(out, "r")) == NULL; i++)
        usleep(20000);
    assert_non_null(f);
    assert_non_null(fgets(got, sizeof got, f));
    fclose(f);
    assert_string_equal(got, "1|http://h/a?b=1&c='d e'");
    unlink(out);
    unlink(script);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(redirect_with_code_and_state_gives_the_code),
        cmocka_unit_test(localhost_also_listens_on_ipv6_loopback),
        cmocka_unit_test(other_requests_get_404_before_the_redirect),
        cmocka_unit_test(denied_consent_is_28000_and_page_says_why),
        cmocka_unit_test(state_mismatch_is_28000),
        cmocka_unit_test(no_redirect_times_out_with_08001),
        cmocka_unit_test(busy_port_is_08001_naming_the_port),
        cmocka_unit_test(non_loopback_callback_is_refused),
        cmocka_unit_test(missing_browser_error_gives_url_and_headless_flow),
        cmocka_unit_test(browser_program_gets_the_url_as_its_argument),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
