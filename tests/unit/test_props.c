/* The property table: defaults, validation, masking, and the output string round trip. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "bc_defaults.h"
#include "bc_props.h"

static int setup(void **state)
{
    static bc_props p;
    bc_props_init(&p);
    *state = &p;
    return 0;
}

static int teardown(void **state)
{
    bc_props_free(*state);
    return 0;
}

/* The names the driver documents; the table must know every one. */
static const char *const design_names[] = {
    "DSN",
    "DRIVER",
    "StoreId",
    "OAuthAccessToken",
    "OAuthClientId",
    "OAuthClientSecret",
    "CallbackURL",
    "InitiateOAuth",
    "OAuthSettingsLocation",
    "OAuthVerifier",
    "OAuthRefreshToken",
    "OAuthTimeout",
    "Scope",
    "Timeout",
    "MaxRows",
    "Pagesize",
    "Readonly",
    "Logfile",
    "Verbosity",
    "SSLServerCert",
    "ProxyServer",
    "ProxyPort",
    "ProxyUser",
    "ProxyPassword",
    "ApiBaseURL",
    "OAuthServerURL",
    "AllowInsecureHTTP",
};

static void props_table_has_every_design_property(void **state)
{
    (void)state;
    size_t n = sizeof design_names / sizeof design_names[0];
    for (size_t i = 0; i < n; i++)
        assert_non_null(bc_prop_find(design_names[i]));
    assert_int_equal(bc_prop_def_count, (int)n);
    assert_ptr_equal(bc_prop_find("oauthaccesstoken"), bc_prop_find("OAuthAccessToken"));
    assert_null(bc_prop_find("NoSuchProperty"));
}

static void props_secrets_are_exactly_the_credentials(void **state)
{
    (void)state;
    const char *secrets[] = {"OAuthAccessToken", "OAuthClientSecret", "OAuthRefreshToken",
                             "ProxyPassword", "OAuthVerifier"};
    int count = 0;
    for (int i = 0; i < bc_prop_def_count; i++)
        count += bc_prop_defs[i].secret;
    assert_int_equal(count, 5);
    for (size_t i = 0; i < 5; i++)
        assert_true(bc_prop_find(secrets[i])->secret);
}

static void props_init_applies_defaults(void **state)
{
    bc_props *p = *state;
    assert_int_equal(p->initiate_oauth, BC_OAUTH_OFF);
    assert_int_equal(p->timeout, BC_DEFAULT_TIMEOUT_S);
    assert_int_equal(p->oauth_timeout, BC_DEFAULT_OAUTH_TIMEOUT_S);
    assert_int_equal(p->page_size, 250);
    assert_int_equal(p->max_rows, 0);
    assert_int_equal(p->verbosity, 1);
    assert_string_equal(p->api_base_url, "https://api.bigcommerce.com");
    assert_string_equal(p->oauth_server_url, "https://login.bigcommerce.com");
    assert_null(p->store_id);
    assert_null(p->oauth_access_token);
}

static void expect_bad(bc_props *p, const char *key, const char *value, const char *message)
{
    bc_error err;
    bc_error_clear(&err);
    assert_int_equal(bc_props_set(p, key, value, &err), -1);
    assert_string_equal(err.sqlstate, "HY024");
    assert_string_equal(err.message, message);
}

static void props_integers_are_range_checked(void **state)
{
    bc_props *p = *state;
    expect_bad(p, "Pagesize", "0",
               "Invalid value '0' for Pagesize: give a whole number from 1 to 250.");
    expect_bad(p, "Pagesize", "251",
               "Invalid value '251' for Pagesize: give a whole number from 1 to 250.");
    expect_bad(p, "Verbosity", "6",
               "Invalid value '6' for Verbosity: give a whole number from 1 to 5.");
    expect_bad(p, "ProxyPort", "70000",
               "Invalid value '70000' for ProxyPort: give a whole number from 0 to 65535.");
    expect_bad(p, "Timeout", "-1",
               "Invalid value '-1' for Timeout: give a whole number from 0 to 86400.");
    expect_bad(p, "MaxRows", "12x",
               "Invalid value '12x' for MaxRows: give a whole number from 0 to 2147483647.");
    expect_bad(p, "MaxRows", "99999999999999999999",
               "Invalid value '99999999999999999999' for MaxRows: give a whole number from 0 "
               "to 2147483647.");
    assert_int_equal(p->page_size, 250); /* a rejected value changes nothing */
}

static void props_integer_bounds_are_accepted(void **state)
{
    bc_props *p = *state;
    bc_error err;
    bc_error_clear(&err);
    assert_int_equal(bc_props_set(p, "Timeout", "0", &err), 0);
    assert_int_equal(p->timeout, 0);
    assert_int_equal(bc_props_set(p, "pagesize", " 1 ", &err), 0);
    assert_int_equal(p->page_size, 1);
    assert_int_equal(bc_props_set(p, "Verbosity", "5", &err), 0);
    assert_int_equal(p->verbosity, 5);
    assert_false(bc_error_is_set(&err));
}

static void props_urls_must_be_http_or_https(void **state)
{
    bc_props *p = *state;
    bc_error err;
    expect_bad(p, "ApiBaseURL", "ftp://example.com",
               "Invalid value 'ftp://example.com' for ApiBaseURL: give a URL that starts with "
               "http:// or https://.");
    expect_bad(p, "CallbackURL", "localhost:33333",
               "Invalid value 'localhost:33333' for CallbackURL: give a URL that starts with "
               "http:// or https://.");
    bc_error_clear(&err);
    assert_int_equal(bc_props_set(p, "OAuthServerURL", "http://127.0.0.1:8080", &err), 0);
    assert_string_equal(p->oauth_server_url, "http://127.0.0.1:8080");
}

static void props_enum_accepts_any_case(void **state)
{
    bc_props *p = *state;
    bc_error err;
    bc_error_clear(&err);
    assert_int_equal(bc_props_set(p, "InitiateOAuth", "refresh", &err), 0);
    assert_int_equal(p->initiate_oauth, BC_OAUTH_REFRESH);
    char *text = bc_props_value_text(p, bc_prop_index(bc_prop_find("InitiateOAuth")), true);
    assert_string_equal(text, "REFRESH");
    free(text);
}

static void props_empty_value_restores_default(void **state)
{
    bc_props *p = *state;
    bc_error err;
    bc_error_clear(&err);
    assert_int_equal(bc_props_set(p, "Pagesize", "10", &err), 0);
    assert_int_equal(bc_props_set(p, "Pagesize", "", &err), 0);
    assert_int_equal(p->page_size, 250);
    assert_int_equal(bc_props_set(p, "Scope", "x", &err), 0);
    assert_int_equal(bc_props_set(p, "Scope", "  ", &err), 0);
    assert_null(p->scope);
}

static void props_unknown_key_is_ignored(void **state)
{
    bc_error err;
    bc_error_clear(&err);
    assert_int_equal(bc_props_set(*state, "Color", "blue", &err), 0);
    assert_false(bc_error_is_set(&err));
}

static void props_value_text_masks_secrets_only_when_asked(void **state)
{
    bc_props *p = *state;
    bc_error err;
    bc_error_clear(&err);
    int tok = bc_prop_index(bc_prop_find("OAuthAccessToken"));
    int store = bc_prop_index(bc_prop_find("StoreId"));
    assert_null(bc_props_value_text(p, tok, true));
    assert_int_equal(bc_props_set(p, "OAuthAccessToken", "tok-123", &err), 0);
    assert_int_equal(bc_props_set(p, "StoreId", "abc", &err), 0);
    char *masked = bc_props_value_text(p, tok, true);
    char *clear = bc_props_value_text(p, tok, false);
    char *plain = bc_props_value_text(p, store, true);
    char *num = bc_props_value_text(p, bc_prop_index(bc_prop_find("Timeout")), true);
    assert_string_equal(masked, "********");
    assert_string_equal(clear, "tok-123");
    assert_string_equal(plain, "abc");
    assert_string_equal(num, "60");
    free(masked);
    free(clear);
    free(plain);
    free(num);
}

static void props_to_connstr_round_trips_through_parse(void **state)
{
    bc_props *p = *state;
    bc_props back;
    bc_error err;
    bc_error_clear(&err);
    const char *in = "DRIVER={BigCommerce ODBC};StoreId=s1;OAuthAccessToken={a;b}}c};"
                     "Scope={ store_v2_orders };InitiateOAuth=getandrefresh;Pagesize=77;"
                     "ProxyPassword={{x};ApiBaseURL=http://127.0.0.1:9";
    assert_int_equal(bc_connstr_parse(in, p, NULL, &err), 0);
    char *out = bc_props_to_connstr(p);
    assert_non_null(out);
    assert_non_null(strstr(out, "OAuthAccessToken={a;b}}c}"));
    assert_null(strstr(out, "Timeout=")); /* defaults are left out */
    bc_props_init(&back);
    assert_int_equal(bc_connstr_parse(out, &back, NULL, &err), 0);
    for (int i = 0; i < bc_prop_def_count; i++) {
        char *a = bc_props_value_text(p, i, false);
        char *b = bc_props_value_text(&back, i, false);
        if (a == NULL)
            assert_null(b);
        else
            assert_string_equal(a, b);
        free(a);
        free(b);
    }
    assert_string_equal(back.oauth_access_token, "a;b}c");
    assert_string_equal(back.scope, " store_v2_orders ");
    assert_string_equal(back.proxy_password, "{x");
    free(out);
    bc_props_free(&back);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(props_table_has_every_design_property),
        cmocka_unit_test(props_secrets_are_exactly_the_credentials),
        cmocka_unit_test_setup_teardown(props_init_applies_defaults, setup, teardown),
        cmocka_unit_test_setup_teardown(props_integers_are_range_checked, setup, teardown),
        cmocka_unit_test_setup_teardown(props_integer_bounds_are_accepted, setup, teardown),
        cmocka_unit_test_setup_teardown(props_urls_must_be_http_or_https, setup, teardown),
        cmocka_unit_test_setup_teardown(props_enum_accepts_any_case, setup, teardown),
        cmocka_unit_test_setup_teardown(props_empty_value_restores_default, setup, teardown),
        cmocka_unit_test_setup_teardown(props_unknown_key_is_ignored, setup, teardown),
        cmocka_unit_test_setup_teardown(props_value_text_masks_secrets_only_when_asked, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(props_to_connstr_round_trips_through_parse, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
