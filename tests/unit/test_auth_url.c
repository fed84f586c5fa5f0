/* OAuth pieces without sockets: URLs, state, query and token-response parsing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "auth/auth_internal.h"

static void authorize_url_has_every_parameter_encoded(void **state)
{
    (void)state;
    char *url =
        bc_oauth_authorize_url("https://login.example.com/", "my app", "http://localhost:33333/cb",
                               "store_v2_products users", "abc123", "st8");
    assert_string_equal(url, "https://login.example.com/oauth2/authorize?client_id=my%20app"
                             "&redirect_uri=http%3A%2F%2Flocalhost%3A33333%2Fcb"
                             "&response_type=code&scope=store_v2_products%20users"
                             "&context=stores%2Fabc123&state=st8");
    free(url);
}

static void authorize_url_leaves_out_absent_scope_and_state(void **state)
{
    (void)state;
    char *url =
        bc_oauth_authorize_url("http://127.0.0.1:9", "c", "http://localhost:1", NULL, "h", NULL);
    assert_string_equal(url, "http://127.0.0.1:9/oauth2/authorize?client_id=c&redirect_uri="
                             "http%3A%2F%2Flocalhost%3A1&response_type=code&context=stores%2Fh");
    free(url);
}

static void random_state_is_32_hex_chars_and_differs(void **state)
{
    char a[33], b[33];
    bc_error err;
    (void)state;

    bc_error_clear(&err);
    assert_int_equal(bc_oauth_random_state(a, &err), 0);
    assert_int_equal(bc_oauth_random_state(b, &err), 0);
    assert_int_equal(strlen(a), 32);
    for (int i = 0; i < 32; i++)
        assert_true(isxdigit((unsigned char)a[i]));
    assert_string_not_equal(a, b);
}

static void percent_encoding_round_trips(void **state)
{
    (void)state;
    char *e = bc_oauth_pct_encode("a b&c=d/é~");
    assert_string_equal(e, "a%20b%26c%3Dd%2F%C3%A9~");
    bc_oauth_pct_decode(e);
    assert_string_equal(e, "a b&c=d/é~");
    free(e);
    char plus[] = "x+y%2";
    bc_oauth_pct_decode(plus);
    assert_string_equal(plus, "x y%2");
}

static void callback_query_is_split_and_decoded(void **state)
{
    bc_oauth_callback cb = {0};
    (void)state;

    assert_int_equal(bc_oauth_parse_query("code=ab%2Fc&scope=x&state=s+1&context=stores/h", &cb),
                     0);
    assert_string_equal(cb.code, "ab/c");
    assert_string_equal(cb.state, "s 1");
    assert_null(cb.error);
    bc_oauth_callback_free(&cb);
    assert_int_equal(
        bc_oauth_parse_query("error=access_denied&error_description=User%20said%20no", &cb), 0);
    assert_string_equal(cb.error, "access_denied");
    assert_string_equal(cb.error_description, "User said no");
    assert_null(cb.code);
    bc_oauth_callback_free(&cb);
}

static void callback_url_gives_host_and_port(void **state)
{
    char host[64];
    int port;
    bc_error err;
    (void)state;

    bc_error_clear(&err);
    assert_int_equal(
        bc_oauth_parse_callback_url("http://localhost:33333", host, sizeof host, &port, &err), 0);
    assert_string_equal(host, "localhost");
    assert_int_equal(port, 33333);
    assert_int_equal(
        bc_oauth_parse_callback_url("http://[::1]:8080/cb?x", host, sizeof host, &port, &err), 0);
    assert_string_equal(host, "::1");
    assert_int_equal(port, 8080);
    assert_int_equal(
        bc_oauth_parse_callback_url("http://127.0.0.1/", host, sizeof host, &port, &err), 0);
    assert_int_equal(port, 80);
    assert_int_equal(
        bc_oauth_parse_callback_url("https://example.com", host, sizeof host, &port, &err), -1);
    assert_string_equal(err.sqlstate, "08001");
    bc_error_clear(&err);
    assert_int_equal(
        bc_oauth_parse_callback_url("http://localhost:99999", host, sizeof host, &port, &err), -1);
    assert_non_null(strstr(err.message, "port"));
    /* a password in the URL never reaches the message, whatever else is wrong with it */
    static const char *const with_user_info[] = {"http://me:s3cret@localhost:8080/cb",
                                                 "https://me:s3cret@example.com",
                                                 "http://me:s3cret@localhost:99999"};
    for (size_t i = 0; i < sizeof with_user_info / sizeof *with_user_info; i++) {
        bc_error_clear(&err);
        assert_int_equal(
            bc_oauth_parse_callback_url(with_user_info[i], host, sizeof host, &port, &err), -1);
        assert_string_equal(err.sqlstate, "08001");
        assert_null(strstr(err.message, "s3cret"));
    }
}

static void token_response_with_expiry_and_refresh_is_parsed(void **state)
{
    bc_token t;
    bc_error err;
    (void)state;

    bc_error_clear(&err);
    assert_int_equal(bc_oauth_parse_token_response(
                         200,
                         "{\"access_token\":\"AT\",\"scope\":\"s1 s2\",\"user\":{\"id\":1},"
                         "\"context\":\"stores/h\",\"expires_in\":60,\"refresh_token\":\"RT\"}",
                         1000, &t, &err),
                     0);
    assert_string_equal(t.access_token, "AT");
    assert_string_equal(t.refresh_token, "RT");
    assert_string_equal(t.scope, "s1 s2");
    assert_string_equal(t.context, "stores/h");
    assert_true(t.expires_at == 1060);
    bc_token_free(&t);
    assert_int_equal(
        bc_oauth_parse_token_response(200, "{\"access_token\":\"AT\"}", 1000, &t, &err), 0);
    assert_true(t.expires_at == 0);
    assert_null(t.refresh_token);
    bc_token_free(&t);
}

static void invalid_grant_is_28000_explaining_single_use_codes(void **state)
{
    bc_token t;
    bc_error err;
    (void)state;

    bc_error_clear(&err);
    assert_int_equal(
        bc_oauth_parse_token_response(
            400, "{\"error\":\"invalid_grant\",\"error_description\":\"code used\"}", 0, &t, &err),
        -1);
    assert_string_equal(err.sqlstate, "28000");
    assert_int_equal(err.native, 400);
    assert_non_null(strstr(err.message, "invalid_grant"));
    assert_non_null(strstr(err.message, "single-use"));
    assert_null(t.access_token);
}

static void token_response_errors_never_echo_the_body_secret(void **state)
{
    bc_token t;
    bc_error err;
    (void)state;

    bc_error_clear(&err);
    assert_int_equal(bc_oauth_parse_token_response(200, "{\"scope\":\"x\"}", 0, &t, &err), -1);
    assert_string_equal(err.sqlstate, "28000");
    bc_error_clear(&err);
    assert_int_equal(bc_oauth_parse_token_response(401, "<html>secret</html>", 0, &t, &err), -1);
    assert_string_equal(err.sqlstate, "28000");
    assert_null(strstr(err.message, "secret"));
    bc_error_clear(&err);
    assert_int_equal(bc_oauth_parse_token_response(200, "not json", 0, &t, &err), -1);
    assert_string_equal(err.sqlstate, "08S01");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(authorize_url_has_every_parameter_encoded),
        cmocka_unit_test(authorize_url_leaves_out_absent_scope_and_state),
        cmocka_unit_test(random_state_is_32_hex_chars_and_differs),
        cmocka_unit_test(percent_encoding_round_trips),
        cmocka_unit_test(callback_query_is_split_and_decoded),
        cmocka_unit_test(callback_url_gives_host_and_port),
        cmocka_unit_test(token_response_with_expiry_and_refresh_is_parsed),
        cmocka_unit_test(invalid_grant_is_28000_explaining_single_use_codes),
        cmocka_unit_test(token_response_errors_never_echo_the_body_secret),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
