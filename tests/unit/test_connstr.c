/* Connection-string grammar: braces, "}}", case, whitespace, first-wins, malformed input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "bc_props.h"

typedef struct fixture {
    bc_props p;
    bc_error err;
    unsigned char given[BC_PROPS_GIVEN_BYTES];
} fixture;

static int setup(void **state)
{
    static fixture f;
    memset(&f, 0, sizeof f);
    bc_props_init(&f.p);
    bc_error_clear(&f.err);
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    bc_props_free(&((fixture *)*state)->p);
    return 0;
}

static int parse(fixture *f, const char *s)
{
    return bc_connstr_parse(s, &f->p, f->given, &f->err);
}

static void connstr_braces_quote_semicolons(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "StoreId=abc;OAuthAccessToken={to;ken;};Scope=x"), 0);
    assert_string_equal(f->p.store_id, "abc");
    assert_string_equal(f->p.oauth_access_token, "to;ken;");
    assert_string_equal(f->p.scope, "x");
}

static void connstr_double_close_brace_is_literal(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "Scope={a}}b}}};StoreId={}}}"), 0);
    assert_string_equal(f->p.scope, "a}b}");
    assert_string_equal(f->p.store_id, "}");
}

static void connstr_keys_are_case_insensitive(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "storeid=s1;PAGESIZE=100;initiateOAUTH=getandrefresh"), 0);
    assert_string_equal(f->p.store_id, "s1");
    assert_int_equal(f->p.page_size, 100);
    assert_int_equal(f->p.initiate_oauth, BC_OAUTH_GETANDREFRESH);
}

static void connstr_whitespace_trimmed_outside_braces_only(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "  StoreId  =  abc def  ;  Scope = { x y } ; Timeout = 7 "), 0);
    assert_string_equal(f->p.store_id, "abc def");
    assert_string_equal(f->p.scope, " x y ");
    assert_int_equal(f->p.timeout, 7);
}

static void connstr_first_of_repeated_keys_wins(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "StoreId=first;STOREID=second;Pagesize=10;pagesize=999"), 0);
    assert_string_equal(f->p.store_id, "first");
    assert_int_equal(f->p.page_size, 10);
}

static void connstr_empty_pairs_and_unknown_keys_are_ignored(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, ";;NoSuchKey=1;;StoreId=s;;UID=u;"), 0);
    assert_string_equal(f->p.store_id, "s");
    assert_int_equal(parse(f, ""), 0);
    assert_int_equal(bc_connstr_parse(NULL, &f->p, NULL, &f->err), 0);
}

static void connstr_driver_and_dsn_are_keys(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "DRIVER={BigCommerce ODBC Driver};dsn=shop"), 0);
    assert_string_equal(f->p.driver, "BigCommerce ODBC Driver");
    assert_string_equal(f->p.dsn, "shop");
}

static void connstr_given_bitmap_marks_keys_of_the_string(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "StoreId=s;Timeout=5;Bogus=1"), 0);
    assert_true(bc_props_given(f->given, bc_prop_index(bc_prop_find("StoreId"))));
    assert_true(bc_props_given(f->given, bc_prop_index(bc_prop_find("timeout"))));
    assert_false(bc_props_given(f->given, bc_prop_index(bc_prop_find("Scope"))));
}

static void connstr_writes_no_byte_past_a_bitmap_sized_by_property_count(void **state)
{
    fixture *f = *state;
    size_t n = (size_t)(bc_prop_def_count + 7) / 8;
    unsigned char *given = calloc(n + 1, 1);
    assert_non_null(given);
    given[n] = 0xAA;
    assert_int_equal(bc_connstr_parse("StoreId=s;ProxyPassword=x;DSN=d", &f->p, given, &f->err), 0);
    assert_int_equal(given[n], 0xAA);
    assert_true(bc_props_given(given, bc_prop_index(bc_prop_find("ProxyPassword"))));
    free(given);
}

static void connstr_unterminated_brace_is_08001_with_position(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "StoreId=s;Scope={abc;def"), -1);
    assert_string_equal(f->err.sqlstate, "08001");
    assert_non_null(strstr(f->err.message, "'{' at character 17"));
}

static void connstr_key_without_equals_is_08001_with_position(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "StoreId=s; garbage ;Scope=x"), -1);
    assert_string_equal(f->err.sqlstate, "08001");
    assert_non_null(strstr(f->err.message, "character 12"));
    assert_non_null(strstr(f->err.message, "no '='"));
    assert_null(strstr(f->err.message, "garbage")); /* the text may be a misplaced token */
}

static void connstr_value_without_key_is_08001(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, " =x"), -1);
    assert_string_equal(f->err.sqlstate, "08001");
    assert_non_null(strstr(f->err.message, "character 2"));
}

static void connstr_text_after_closing_brace_is_08001(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "Scope={a} b;StoreId=s"), -1);
    assert_string_equal(f->err.sqlstate, "08001");
    assert_non_null(strstr(f->err.message, "character 11"));
}

static void connstr_bad_enum_names_property_and_allowed_values(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "StoreId=s;InitiateOAuth=SOMETIMES"), -1);
    assert_string_equal(f->err.sqlstate, "HY024");
    assert_string_equal(f->err.message, "Invalid value 'SOMETIMES' for InitiateOAuth: allowed "
                                        "values are OFF, GETANDREFRESH, REFRESH.");
}

static void connstr_bad_integer_names_property_and_range(void **state)
{
    fixture *f = *state;
    assert_int_equal(parse(f, "Pagesize=500"), -1);
    assert_string_equal(f->err.sqlstate, "HY024");
    assert_string_equal(f->err.message,
                        "Invalid value '500' for Pagesize: give a whole number from 1 to 250.");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(connstr_braces_quote_semicolons, setup, teardown),
        cmocka_unit_test_setup_teardown(connstr_double_close_brace_is_literal, setup, teardown),
        cmocka_unit_test_setup_teardown(connstr_keys_are_case_insensitive, setup, teardown),
        cmocka_unit_test_setup_teardown(connstr_whitespace_trimmed_outside_braces_only, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(connstr_first_of_repeated_keys_wins, setup, teardown),
        cmocka_unit_test_setup_teardown(connstr_empty_pairs_and_unknown_keys_are_ignored, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(connstr_driver_and_dsn_are_keys, setup, teardown),
        cmocka_unit_test_setup_teardown(connstr_given_bitmap_marks_keys_of_the_string, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            connstr_writes_no_byte_past_a_bitmap_sized_by_property_count, setup, teardown),
        cmocka_unit_test_setup_teardown(connstr_unterminated_brace_is_08001_with_position, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(connstr_key_without_equals_is_08001_with_position, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(connstr_value_without_key_is_08001, setup, teardown),
        cmocka_unit_test_setup_teardown(connstr_text_after_closing_brace_is_08001, setup, teardown),
        cmocka_unit_test_setup_teardown(connstr_bad_enum_names_property_and_allowed_values, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(connstr_bad_integer_names_property_and_range, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
