/* Unit tests of the HTTP layer's pure parts: header parsing, escaping, transport errors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include "bc_http.h"
#include "http/http_internal.h"

static void feed(bc_http_response *r, const char *line)
{
    bc_http_parse_header_line(r, line, strlen(line));
}

static void rate_limit_headers_are_parsed(void **state)
{
    bc_http_response r;
    (void)state;
    bc_http_response_init(&r);
    feed(&r, "HTTP/1.1 200 OK\r\n");
    feed(&r, "X-Rate-Limit-Requests-Left: 149\r\n");
    feed(&r, "x-rate-limit-requests-quota:150\r\n");
    feed(&r, "X-Rate-Limit-Time-Reset-Ms:  2997 \r\n");
    feed(&r, "X-Rate-Limit-Time-Window-Ms: 30000\r\n");
    feed(&r, "Content-Type: application/json\r\n");
    assert_int_equal(r.rl_requests_left, 149);
    assert_int_equal(r.rl_requests_quota, 150);
    assert_int_equal(r.rl_time_reset_ms, 2997);
    assert_int_equal(r.rl_time_window_ms, 30000);
    assert_int_equal(r.retry_after_s, -1);
}

static void absent_headers_stay_minus_one(void **state)
{
    bc_http_response r;
    (void)state;
    bc_http_response_init(&r);
    feed(&r, "HTTP/2 204\r\n");
    feed(&r, "Server: test\r\n");
    assert_int_equal(r.status, 0);
    assert_null(r.body);
    assert_int_equal(r.rl_requests_left, -1);
    assert_int_equal(r.rl_time_reset_ms, -1);
}

static void retry_after_and_x_retry_after_are_seconds(void **state)
{
    bc_http_response r;
    (void)state;
    bc_http_response_init(&r);
    feed(&r, "Retry-After: 15\r\n");
    assert_int_equal(r.retry_after_s, 15);
    feed(&r, "X-Retry-After: 3\r\n");
    assert_int_equal(r.retry_after_s, 3);
}

static void non_numeric_or_negative_values_are_absent(void **state)
{
    bc_http_response r;
    (void)state;
    bc_http_response_init(&r);
    feed(&r, "Retry-After: Wed, 21 Oct 2015 07:28:00 GMT\r\n");
    feed(&r, "X-Rate-Limit-Requests-Left: -4\r\n");
    feed(&r, "X-Rate-Limit-Time-Reset-Ms: 12abc\r\n");
    assert_int_equal(r.retry_after_s, -1);
    assert_int_equal(r.rl_requests_left, -1);
    assert_int_equal(r.rl_time_reset_ms, -1);
}

static void new_status_line_resets_rate_fields(void **state)
{
    bc_http_response r;
    (void)state;
    bc_http_response_init(&r);
    feed(&r, "HTTP/1.1 100 Continue\r\n");
    feed(&r, "X-Rate-Limit-Requests-Left: 5\r\n");
    feed(&r, "HTTP/1.1 200 OK\r\n");
    assert_int_equal(r.rl_requests_left, -1);
}

static void escape_keeps_unreserved_and_encodes_the_rest(void **state)
{
    char *e = bc_http_escape("a-Z_0.~ b&c=d/é");
    (void)state;
    assert_string_equal(e, "a-Z_0.~%20b%26c%3Dd%2F%C3%A9");
    free(e);
    assert_null(bc_http_escape(NULL));
}

static void curl_errors_map_to_sqlstates(void **state)
{
    static const struct {
        CURLcode code;
        const char *state;
    } cases[] = {
        {CURLE_COULDNT_CONNECT, "08001"},
        {CURLE_COULDNT_RESOLVE_HOST, "08001"},
        {CURLE_PEER_FAILED_VERIFICATION, "08001"},
        {CURLE_OPERATION_TIMEDOUT, "HYT00"},
        {CURLE_ABORTED_BY_CALLBACK, "HY008"},
        {CURLE_RECV_ERROR, "08S01"},
        {CURLE_GOT_NOTHING, "08S01"},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bc_error e;
        bc_error_clear(&e);
        bc_http_error_from_curl(cases[i].code, "https://api.example.com/stores/x?q=1", NULL, false,
                                &e);
        assert_string_equal(e.sqlstate, cases[i].state);
        assert_non_null(strstr(e.message, "api.example.com"));
        assert_null(strstr(e.message, "q=1"));
    }
}

static void oversized_body_is_hy000(void **state)
{
    bc_error e;
    (void)state;
    bc_error_clear(&e);
    bc_http_error_from_curl(CURLE_WRITE_ERROR, "http://h/", NULL, true, &e);
    assert_string_equal(e.sqlstate, "HY000");
    assert_non_null(strstr(e.message, "Pagesize"));
}

/* A loopback port with nothing listening: bind, read the port, close. */
static int free_port(void)
{
    struct sockaddr_in a = {0};
    socklen_t len = sizeof a;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(bind(s, (struct sockaddr *)&a, sizeof a), 0);
    getsockname(s, (struct sockaddr *)&a, &len);
    close(s);
    return ntohs(a.sin_port);
}

static void perform_against_closed_port_is_08001(void **state)
{
    bc_http_config cfg = {.timeout_s = 5, .connect_timeout_s = 5};
    bc_http *h = bc_http_new(&cfg);
    char url[64];
    bc_http_request req = {"GET", url, NULL, NULL, 0};
    bc_http_response resp;
    bc_error e;
    (void)state;
    assert_non_null(h);
    snprintf(url, sizeof url, "http://127.0.0.1:%d/x", free_port());
    bc_error_clear(&e);
    assert_int_equal(bc_http_perform(h, &req, &resp, &e), -1);
    assert_string_equal(e.sqlstate, "08001");
    assert_int_equal(resp.status, 0);
    assert_null(resp.body);
    bc_http_free(h);
}

static void cancel_flag_set_before_start_gives_hy008(void **state)
{
    volatile int cancel = 1;
    bc_http_config cfg = {.timeout_s = 5, .cancel_flag = &cancel};
    bc_http *h = bc_http_new(&cfg);
    bc_http_request req = {"GET", "http://127.0.0.1:9/x", NULL, NULL, 0};
    bc_http_response resp;
    bc_error e;
    (void)state;
    bc_error_clear(&e);
    assert_int_equal(bc_http_perform(h, &req, &resp, &e), -1);
    assert_string_equal(e.sqlstate, "HY008");
    bc_http_free(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rate_limit_headers_are_parsed),
        cmocka_unit_test(absent_headers_stay_minus_one),
        cmocka_unit_test(retry_after_and_x_retry_after_are_seconds),
        cmocka_unit_test(non_numeric_or_negative_values_are_absent),
        cmocka_unit_test(new_status_line_resets_rate_fields),
        cmocka_unit_test(escape_keeps_unreserved_and_encodes_the_rest),
        cmocka_unit_test(curl_errors_map_to_sqlstates),
        cmocka_unit_test(oversized_body_is_hy000),
        cmocka_unit_test(perform_against_closed_port_is_08001),
        cmocka_unit_test(cancel_flag_set_before_start_gives_hy008),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
