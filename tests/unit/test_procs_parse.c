/* bc_proc_parse: every call syntax of the web-flow procedures, and its errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "bc_procs.h"

static bc_proc_call *parse_ok(const char *sql)
{
    bc_proc_call *c = NULL;
    bc_error err;

    bc_error_clear(&err);
    assert_int_equal(bc_proc_parse(sql, &c, &err), 1);
    assert_non_null(c);
    return c;
}

static void parse_fails(const char *sql, const char *state, const char *needle)
{
    bc_proc_call *c = NULL;
    bc_error err;

    bc_error_clear(&err);
    assert_int_equal(bc_proc_parse(sql, &c, &err), -1);
    assert_null(c);
    assert_string_equal(err.sqlstate, state);
    if (needle != NULL && strstr(err.message, needle) == NULL)
        fail_msg("message '%s' lacks '%s'", err.message, needle);
}

static void exec_named_literals_are_parsed(void **state)
{
    (void)state;
    bc_proc_call *c =
        parse_ok("EXEC GetOAuthAuthorizationURL CallbackURL='http://localhost:1', Scope='a b'");
    assert_string_equal(c->proc->name, "GetOAuthAuthorizationURL");
    assert_int_equal(c->nargs, 2);
    assert_int_equal(c->nparams, 0);
    assert_string_equal(c->args[0].name, "CallbackURL");
    assert_string_equal(c->args[0].value, "http://localhost:1");
    assert_int_equal(c->args[0].param_index, 0);
    assert_string_equal(c->args[1].name, "Scope");
    assert_string_equal(c->args[1].value, "a b");
    bc_proc_call_free(c);
}

static void execute_at_names_are_case_insensitive_and_canonical(void **state)
{
    (void)state;
    bc_proc_call *c = parse_ok("  execute getoauthaccesstoken @verifier = ?, @AUTHMODE = 'WEB';");
    assert_string_equal(c->proc->name, "GetOAuthAccessToken");
    assert_int_equal(c->nargs, 2);
    assert_int_equal(c->nparams, 1);
    assert_string_equal(c->args[0].name, "Verifier");
    assert_null(c->args[0].value);
    assert_int_equal(c->args[0].param_index, 1);
    assert_string_equal(c->args[1].name, "AuthMode");
    assert_string_equal(c->args[1].value, "WEB");
    bc_proc_call_free(c);
}

static void odbc_call_escape_is_positional(void **state)
{
    (void)state;
    bc_proc_call *c = parse_ok("{call GetOAuthAccessToken(?, ?)}");
    assert_int_equal(c->nargs, 2);
    assert_int_equal(c->nparams, 2);
    assert_null(c->args[0].name);
    assert_null(c->args[1].name);
    assert_int_equal(c->args[0].param_index, 1);
    assert_int_equal(c->args[1].param_index, 2);
    bc_proc_call_free(c);
}

static void call_mixes_literals_and_markers(void **state)
{
    (void)state;
    bc_proc_call *c = parse_ok("CALL GetOAuthAuthorizationURL('WEB', ?, 'x''y', ?)");
    assert_int_equal(c->nargs, 4);
    assert_int_equal(c->nparams, 2);
    assert_string_equal(c->args[0].value, "WEB");
    assert_int_equal(c->args[1].param_index, 1);
    assert_string_equal(c->args[2].value, "x'y");
    assert_int_equal(c->args[3].param_index, 2);
    bc_proc_call_free(c);
}

static void quoted_string_keeps_doubled_quotes_and_commas(void **state)
{
    (void)state;
    bc_proc_call *c = parse_ok("EXEC GetOAuthAuthorizationURL State = 'it''s, ok'");
    assert_string_equal(c->args[0].value, "it's, ok");
    bc_proc_call_free(c);
}

static void schema_qualified_and_bare_words_are_accepted(void **state)
{
    (void)state;
    bc_proc_call *c = parse_ok("EXEC \"BigCommerce\".GetOAuthAuthorizationURL AuthMode = APP");
    assert_string_equal(c->proc->name, "GetOAuthAuthorizationURL");
    assert_string_equal(c->args[0].value, "APP");
    bc_proc_call_free(c);
    c = parse_ok("{ call GetOAuthAuthorizationURL }");
    assert_int_equal(c->nargs, 0);
    bc_proc_call_free(c);
    c = parse_ok("{call GetOAuthAuthorizationURL()}");
    assert_int_equal(c->nargs, 0);
    bc_proc_call_free(c);
}

static void return_value_escape_is_42000(void **state)
{
    (void)state;
    parse_fails("{?= call GetOAuthAuthorizationURL(?)}", "42000", "{?= call");
}

static void unknown_procedure_is_42000_naming_it(void **state)
{
    (void)state;
    parse_fails("EXEC NoSuchProc a='1'", "42000", "NoSuchProc");
    parse_fails("{call Nope(?)}", "42000", "Nope");
}

static void unknown_parameter_is_42000_naming_it(void **state)
{
    (void)state;
    parse_fails("EXEC GetOAuthAccessToken Bogus='1'", "42000", "Bogus");
}

static void too_many_positional_arguments_is_42000(void **state)
{
    (void)state;
    parse_fails("CALL GetOAuthAuthorizationURL(1, 2, 3, 4, 5)", "42000", "Too many");
}

static void duplicate_parameter_is_42000(void **state)
{
    (void)state;
    parse_fails("EXEC GetOAuthAuthorizationURL Scope='a', scope='b'", "42000", "twice");
}

static void broken_syntax_is_42000(void **state)
{
    (void)state;
    parse_fails("EXEC GetOAuthAuthorizationURL Scope='open", "42000", "unterminated");
    parse_fails("{call GetOAuthAuthorizationURL(?", "42000", "')'");
    parse_fails("CALL GetOAuthAuthorizationURL(?) garbage", "42000", "unexpected");
}

static void other_statements_are_not_calls(void **state)
{
    (void)state;
    const char *sqls[] = {"SELECT * FROM Products",
                          "  -- c\n select 1",
                          "{fn NOW()}",
                          "EXECUTIVES",
                          "CALLS",
                          "",
                          "UPDATE Products SET name='EXEC'"};
    for (size_t i = 0; i < sizeof sqls / sizeof sqls[0]; i++) {
        bc_proc_call *c = NULL;
        bc_error err;
        bc_error_clear(&err);
        assert_int_equal(bc_proc_parse(sqls[i], &c, &err), 0);
        assert_null(c);
        assert_false(bc_error_is_set(&err));
    }
}

static void procedures_are_listed_and_found_case_insensitively(void **state)
{
    (void)state;
    assert_int_equal(bc_procedure_count, 2);
    assert_ptr_equal(bc_proc_find("getoauthauthorizationurl"), bc_procedures[0]);
    assert_ptr_equal(bc_proc_find("GETOAUTHACCESSTOKEN"), bc_procedures[1]);
    assert_null(bc_proc_find("GetOAuth"));
    assert_string_equal(bc_procedures[1]->inputs[1].name, "Verifier");
    assert_int_equal(bc_procedures[1]->noutputs, 5);
    assert_string_equal(bc_procedures[1]->outputs[2].name, "ExpiresIn");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(exec_named_literals_are_parsed),
        cmocka_unit_test(execute_at_names_are_case_insensitive_and_canonical),
        cmocka_unit_test(odbc_call_escape_is_positional),
        cmocka_unit_test(call_mixes_literals_and_markers),
        cmocka_unit_test(quoted_string_keeps_doubled_quotes_and_commas),
        cmocka_unit_test(schema_qualified_and_bare_words_are_accepted),
        cmocka_unit_test(return_value_escape_is_42000),
        cmocka_unit_test(unknown_procedure_is_42000_naming_it),
        cmocka_unit_test(unknown_parameter_is_42000_naming_it),
        cmocka_unit_test(too_many_positional_arguments_is_42000),
        cmocka_unit_test(duplicate_parameter_is_42000),
        cmocka_unit_test(broken_syntax_is_42000),
        cmocka_unit_test(other_statements_are_not_calls),
        cmocka_unit_test(procedures_are_listed_and_found_case_insensitively),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
