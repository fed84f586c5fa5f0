/* bc_proc_prepare_result / bc_proc_execute without a server: result shape, defaults from
 * the connection, and the errors for missing or bad inputs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "bc_procs.h"

static bc_props props;
static sqlite3 *db;

static int setup(void **state)
{
    (void)state;
    memset(&props, 0, sizeof props);
    props.oauth_client_id = "app id";
    props.store_id = "store1";
    props.callback_url = "http://localhost:4444";
    props.scope = "store_v2_products";
    props.oauth_server_url = "http://127.0.0.1:1";
    props.oauth_settings_location = "memory://procs";
    return sqlite3_open(":memory:", &db) == SQLITE_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    return sqlite3_close(db) == SQLITE_OK ? 0 : -1;
}

/* Parse, prepare and execute; returns the rc of execute and leaves err and *vm. */
static int run(const char *sql, char *const *vals, int nvals, sqlite3_stmt **vm, bc_error *err)
{
    bc_proc_call *c = NULL;
    int rc;

    bc_error_clear(err);
    assert_int_equal(bc_proc_parse(sql, &c, err), 1);
    assert_int_equal(bc_proc_prepare_result(db, c, vm, err), 0);
    rc = bc_proc_execute(&props, NULL, c, vals, nvals, *vm, err);
    bc_proc_call_free(c);
    return rc;
}

static void result_columns_are_named_as_outputs_before_execution(void **state)
{
    bc_proc_call *c = NULL;
    sqlite3_stmt *vm;
    bc_error err;
    (void)state;

    bc_error_clear(&err);
    assert_int_equal(bc_proc_parse("{call GetOAuthAccessToken(?, ?)}", &c, &err), 1);
    assert_int_equal(bc_proc_prepare_result(db, c, &vm, &err), 0);
    assert_int_equal(sqlite3_column_count(vm), 5);
    assert_string_equal(sqlite3_column_name(vm, 0), "OAuthAccessToken");
    assert_string_equal(sqlite3_column_name(vm, 2), "ExpiresIn");
    assert_string_equal(sqlite3_column_name(vm, 4), "Scope");
    sqlite3_finalize(vm);
    bc_proc_call_free(c);
}

static void authorization_url_uses_connection_defaults(void **state)
{
    sqlite3_stmt *vm;
    bc_error err;
    (void)state;

    assert_int_equal(run("EXEC GetOAuthAuthorizationURL State='xyz'", NULL, 0, &vm, &err), 0);
    assert_int_equal(sqlite3_step(vm), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(vm, 0),
                        "http://127.0.0.1:1/oauth2/authorize?client_id=app%20id&redirect_uri="
                        "http%3A%2F%2Flocalhost%3A4444&response_type=code&scope=store_v2_"
                        "products&context=stores%2Fstore1&state=xyz");
    sqlite3_finalize(vm);
}

static void authorization_url_takes_bound_values_positionally(void **state)
{
    char *vals[] = {"http://localhost:5555/cb", "users"};
    sqlite3_stmt *vm;
    bc_error err;
    const char *url;
    (void)state;

    assert_int_equal(run("{call GetOAuthAuthorizationURL('WEB', ?, ?)}", vals, 2, &vm, &err), 0);
    assert_int_equal(sqlite3_step(vm), SQLITE_ROW);
    url = (const char *)sqlite3_column_text(vm, 0);
    assert_non_null(strstr(url, "redirect_uri=http%3A%2F%2Flocalhost%3A5555%2Fcb&"));
    assert_non_null(strstr(url, "&scope=users"));
    assert_null(strstr(url, "state="));
    sqlite3_finalize(vm);
}

static void app_mode_adds_a_random_state(void **state)
{
    sqlite3_stmt *vm;
    bc_error err;
    (void)state;

    assert_int_equal(run("EXEC GetOAuthAuthorizationURL AuthMode='app'", NULL, 0, &vm, &err), 0);
    assert_int_equal(sqlite3_step(vm), SQLITE_ROW);
    assert_non_null(strstr((const char *)sqlite3_column_text(vm, 0), "&state="));
    sqlite3_finalize(vm);
}

static void web_mode_without_verifier_names_the_missing_input(void **state)
{
    sqlite3_stmt *vm;
    bc_error err;
    (void)state;

    assert_int_equal(run("EXEC GetOAuthAccessToken AuthMode='WEB'", NULL, 0, &vm, &err), -1);
    assert_string_equal(err.sqlstate, "HY000");
    assert_non_null(strstr(err.message, "Verifier"));
    sqlite3_finalize(vm);
}

static void unbound_marker_for_verifier_is_07002(void **state)
{
    sqlite3_stmt *vm;
    bc_error err;
    (void)state;

    assert_int_equal(run("EXEC GetOAuthAccessToken @Verifier = ?", NULL, 0, &vm, &err), -1);
    assert_string_equal(err.sqlstate, "07002");
    assert_non_null(strstr(err.message, "Verifier"));
    sqlite3_finalize(vm);
}

static void bad_auth_mode_is_rejected(void **state)
{
    sqlite3_stmt *vm;
    bc_error err;
    (void)state;

    assert_int_equal(run("EXEC GetOAuthAuthorizationURL AuthMode='BOTH'", NULL, 0, &vm, &err), -1);
    assert_string_equal(err.sqlstate, "HY024");
    assert_non_null(strstr(err.message, "APP or WEB"));
    sqlite3_finalize(vm);
}

static void missing_callback_url_is_named(void **state)
{
    sqlite3_stmt *vm;
    bc_error err;
    (void)state;

    props.callback_url = NULL;
    assert_int_equal(run("EXEC GetOAuthAuthorizationURL", NULL, 0, &vm, &err), -1);
    assert_string_equal(err.sqlstate, "HY000");
    assert_non_null(strstr(err.message, "CallbackURL"));
    sqlite3_finalize(vm);
}

static void unreachable_token_server_fails_without_leaking_the_secret(void **state)
{
    sqlite3_stmt *vm;
    bc_error err;
    (void)state;

    props.oauth_client_secret = "TOPSECRET";
    assert_int_equal(run("EXEC GetOAuthAccessToken Verifier='c'", NULL, 0, &vm, &err), -1);
    assert_true(strncmp(err.sqlstate, "08", 2) == 0);
    assert_null(strstr(err.message, "TOPSECRET"));
    sqlite3_finalize(vm);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(result_columns_are_named_as_outputs_before_execution),
        T(authorization_url_uses_connection_defaults),
        T(authorization_url_takes_bound_values_positionally),
        T(app_mode_adds_a_random_state),
        T(web_mode_without_verifier_names_the_missing_input),
        T(unbound_marker_for_verifier_is_07002),
        T(bad_auth_mode_is_rejected),
        T(missing_callback_url_is_named),
        T(unreachable_token_server_fails_without_leaking_the_secret),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
