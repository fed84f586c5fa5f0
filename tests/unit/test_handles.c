/*
 * The handle layer (driver/core): environment and connection attributes, SQLGetInfo and
 * SQLGetFunctions answers, string outputs, descriptors, and — against a bc-sandbox child —
 * statements: chunked SQLGetData, rowset fetches, cursor states, MaxRows, time-outs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>
#include "bc_handles.h"
#include "test_api_sandbox_child.h"

static const char *last_state(bc_handle *h)
{
    /* the latest record: internal calls do not clear diagnostics as the exported ones do */
    return h->diag.count > 0 ? h->diag.recs[h->diag.count - 1].sqlstate : "";
}

static void env_version_defaults_to_3_and_accepts_2(void **state)
{
    bc_env *env;
    SQLINTEGER v = 0;

    (void)state;
    assert_int_equal(bc_env_alloc(&env), SQL_SUCCESS);
    assert_int_equal(bc_env_get_attr(env, SQL_ATTR_ODBC_VERSION, &v), SQL_SUCCESS);
    assert_int_equal(v, SQL_OV_ODBC3);
    assert_int_equal(bc_env_set_attr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC2),
                     SQL_SUCCESS);
    assert_int_equal(bc_handle_odbc_version(&env->h), SQL_OV_ODBC2);
    assert_int_equal(bc_env_set_attr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)7), SQL_ERROR);
    assert_string_equal(last_state(&env->h), "HY024");
    pthread_mutex_lock(&env->h.lock);
    assert_int_equal(bc_env_free(env), SQL_SUCCESS);
}

static void handle_enter_rejects_wrong_type_and_freed_handles(void **state)
{
    bc_env *env;

    (void)state;
    assert_int_equal(bc_handle_enter(NULL, SQL_HANDLE_ENV), SQL_INVALID_HANDLE);
    assert_int_equal(bc_env_alloc(&env), SQL_SUCCESS);
    assert_int_equal(bc_handle_enter(env, SQL_HANDLE_DBC), SQL_INVALID_HANDLE);
    assert_int_equal(bc_handle_enter(env, SQL_HANDLE_ENV), SQL_SUCCESS);
    assert_int_equal(bc_handle_leave(env, SQL_SUCCESS_WITH_INFO), SQL_SUCCESS_WITH_INFO);
    assert_int_equal(env->h.diag.retcode, SQL_SUCCESS_WITH_INFO);
    pthread_mutex_lock(&env->h.lock);
    bc_env_free(env);
}

static void out_str_truncates_char_with_01004_and_full_length(void **state)
{
    bc_diag d = {0};
    char buf[5];
    SQLLEN len = 0;

    (void)state;
    assert_int_equal(bc_out_str(&d, "BigCommerce", buf, sizeof buf, false, false, &len),
                     SQL_SUCCESS_WITH_INFO);
    assert_string_equal(buf, "BigC");
    assert_int_equal(len, 11);
    assert_int_equal(d.count, 1);
    assert_string_equal(d.recs[0].sqlstate, "01004");
    bc_diag_free(&d);
}

static void out_str_wide_counts_characters_or_bytes(void **state)
{
    bc_diag d = {0};
    SQLWCHAR buf[8];
    SQLLEN len = 0;

    (void)state;
    assert_int_equal(bc_out_str(&d, "日本", buf, 8, true, true, &len), SQL_SUCCESS);
    assert_int_equal(len, 2);
    assert_int_equal(buf[0], 0x65e5);
    assert_int_equal(buf[2], 0);
    assert_int_equal(bc_out_str(&d, "日本", buf, sizeof buf, true, false, &len), SQL_SUCCESS);
    assert_int_equal(len, 4);
    assert_int_equal(bc_out_str(&d, "abcdef", buf, 3, true, true, &len), SQL_SUCCESS_WITH_INFO);
    assert_int_equal(len, 6);
    assert_int_equal(buf[2], 0);
    bc_diag_free(&d);
}

typedef struct fixture {
    bc_env *env;
    bc_dbc *dbc;
} fixture;

static int fixture_setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);

    if (f == NULL || bc_env_alloc(&f->env) != SQL_SUCCESS ||
        bc_dbc_alloc(f->env, &f->dbc) != SQL_SUCCESS)
        return -1;
    *state = f;
    return 0;
}

static int fixture_teardown(void **state)
{
    fixture *f = *state;

    if (f->dbc->connected)
        bc_conn_disconnect(f->dbc);
    pthread_mutex_lock(&f->dbc->h.lock);
    bc_dbc_free(f->dbc);
    pthread_mutex_lock(&f->env->h.lock);
    bc_env_free(f->env);
    free(f);
    return 0;
}

static void info_answers_come_from_the_table(void **state)
{
    fixture *f = *state;
    SQLULEN num = 99;
    int size = 0;
    const char *str = NULL;

    assert_int_equal(bc_info_get(f->dbc, SQL_TXN_CAPABLE, &num, &size, &str), SQL_SUCCESS);
    assert_int_equal(num, SQL_TC_NONE);
    assert_int_equal(size, 2);
    assert_int_equal(bc_info_get(f->dbc, SQL_IDENTIFIER_QUOTE_CHAR, &num, &size, &str),
                     SQL_SUCCESS);
    assert_string_equal(str, "\"");
    assert_int_equal(bc_info_get(f->dbc, SQL_SCROLL_OPTIONS, &num, &size, &str), SQL_SUCCESS);
    assert_int_equal(num, SQL_SO_FORWARD_ONLY | SQL_SO_STATIC);
    assert_int_equal(size, 4);
    assert_int_equal(bc_info_get(f->dbc, SQL_CATALOG_NAME, &num, &size, &str), SQL_SUCCESS);
    assert_string_equal(str, "N");
    assert_int_equal(bc_info_get(f->dbc, 31999, &num, &size, &str), SQL_ERROR);
    assert_string_equal(last_state(&f->dbc->h), "HY096");
}

static void functions_report_exactly_what_is_implemented(void **state)
{
    fixture *f = *state;
    SQLUSMALLINT bits[SQL_API_ODBC3_ALL_FUNCTIONS_SIZE], one = 9, old[100];

    assert_int_equal(bc_functions_get(f->dbc, SQL_API_ODBC3_ALL_FUNCTIONS, bits), SQL_SUCCESS);
    assert_true(SQL_FUNC_EXISTS(bits, SQL_API_SQLFETCHSCROLL));
    assert_true(SQL_FUNC_EXISTS(bits, SQL_API_SQLGETDATA));
    assert_true(SQL_FUNC_EXISTS(bits, SQL_API_SQLBULKOPERATIONS));
    assert_true(SQL_FUNC_EXISTS(bits, SQL_API_SQLSETPOS));
    bc_functions_get(f->dbc, SQL_API_SQLTABLES, &one);
    assert_int_equal(one, SQL_TRUE);
    bc_functions_get(f->dbc, SQL_API_SQLPUTDATA, &one);
    assert_int_equal(one, SQL_TRUE);
    bc_functions_get(f->dbc, SQL_API_SQLBULKOPERATIONS, &one);
    assert_int_equal(one, SQL_TRUE);
    bc_functions_get(f->dbc, SQL_API_SQLSETSCROLLOPTIONS, &one);
    assert_int_equal(one, SQL_FALSE);
    bc_functions_get(f->dbc, SQL_API_ALL_FUNCTIONS, old);
    assert_int_equal(old[SQL_API_SQLCOLUMNS], SQL_TRUE);
    assert_int_equal(old[SQL_API_SQLSETPOS], SQL_TRUE);
    assert_int_equal(old[SQL_API_SQLBROWSECONNECT], SQL_TRUE);
}

static void connattr_unsupported_isolation_changes_with_01S02(void **state)
{
    fixture *f = *state;
    SQLULEN num = 0;
    const char *str = NULL;

    assert_int_equal(bc_conn_set_attr(f->dbc, SQL_ATTR_TXN_ISOLATION,
                                      (SQLPOINTER)SQL_TXN_READ_UNCOMMITTED, NULL),
                     SQL_SUCCESS_WITH_INFO);
    assert_string_equal(last_state(&f->dbc->h), "01S02");
    assert_int_equal(bc_conn_get_attr(f->dbc, SQL_ATTR_CONNECTION_DEAD, &num, &str), SQL_SUCCESS);
    assert_int_equal(num, SQL_CD_TRUE);
    assert_int_equal(bc_conn_set_attr(f->dbc, SQL_ATTR_CURRENT_CATALOG, NULL, "x"), SQL_SUCCESS);
    bc_conn_get_attr(f->dbc, SQL_ATTR_CURRENT_CATALOG, &num, &str);
    assert_string_equal(str, "x");
}

static void driver_connect_without_store_fails_with_08001_and_never_prompts(void **state)
{
    fixture *f = *state;
    char *out = NULL;

    assert_int_equal(
        bc_conn_driver_connect(f->dbc, "OAuthAccessToken=abc", SQL_DRIVER_PROMPT, &out), SQL_ERROR);
    assert_null(out);
    assert_string_equal(last_state(&f->dbc->h), "08001");
    assert_non_null(strstr(f->dbc->h.diag.recs[0].message, "StoreId"));
    assert_null(strstr(f->dbc->h.diag.recs[0].message, "abc"));
}

static void desc_fields_round_trip_and_count_grows(void **state)
{
    fixture *f = *state;
    bc_desc *d;
    SQLSMALLINT small = 0;
    const char *str = NULL;

    assert_int_equal(bc_desc_alloc(f->dbc, &d), SQL_SUCCESS);
    assert_int_equal(
        bc_desc_set_field(d, 3, SQL_DESC_CONCISE_TYPE, (SQLPOINTER)SQL_C_TYPE_TIMESTAMP, NULL),
        SQL_SUCCESS);
    assert_int_equal(bc_desc_get_field(d, 0, SQL_DESC_COUNT, &small, &str), SQL_SUCCESS);
    assert_int_equal(small, 3);
    assert_int_equal(bc_desc_get_field(d, 3, SQL_DESC_TYPE, &small, &str), SQL_SUCCESS);
    assert_int_equal(small, SQL_DATETIME);
    assert_int_equal(bc_desc_get_field(d, 3, SQL_DESC_DATETIME_INTERVAL_CODE, &small, &str),
                     SQL_SUCCESS);
    assert_int_equal(small, SQL_CODE_TIMESTAMP);
    assert_int_equal(bc_desc_set_field(d, 1, SQL_DESC_NAME, NULL, "p1"), SQL_SUCCESS);
    assert_int_equal(bc_desc_get_field(d, 1, SQL_DESC_NAME, NULL, &str), SQL_SUCCESS);
    assert_string_equal(str, "p1");
    assert_int_equal(bc_desc_get_field(d, 9, SQL_DESC_NAME, NULL, &str), SQL_NO_DATA);
    assert_int_equal(bc_desc_free(d), SQL_SUCCESS);
}

#ifdef BC_SANDBOX_PATH
static sb_child sandbox;

static int sandbox_setup(void **state)
{
    fixture *f;
    char cs[512], *out = NULL;

    if (sb_child_start(&sandbox, BC_SANDBOX_PATH, "sandbox", "sandbox-token", NULL) != 0)
        return -1;
    if (fixture_setup(state) != 0)
        return -1;
    f = *state;
    snprintf(cs, sizeof cs, "StoreId=sandbox;OAuthAccessToken=sandbox-token;ApiBaseURL=%s",
             sandbox.base_url);
    if (bc_conn_driver_connect(f->dbc, cs, SQL_DRIVER_NOPROMPT, &out) != SQL_SUCCESS)
        return -1;
    free(out);
    return 0;
}

static int sandbox_teardown(void **state)
{
    fixture_teardown(state);
    sb_child_stop(&sandbox);
    return 0;
}

static bc_stmt *new_stmt(void **state)
{
    fixture *f = *state;
    bc_stmt *s = NULL;

    assert_int_equal(bc_stmt_alloc(f->dbc, &s), SQL_SUCCESS);
    return s;
}

static void getdata_char_returns_chunks_with_01004_then_no_data(void **state)
{
    bc_stmt *s = new_stmt(state);
    char buf[6];
    SQLLEN ind = 0;
    char whole[64] = "";

    assert_int_equal(bc_stmt_exec_direct(s, "SELECT 'Maison Élégance'"), SQL_SUCCESS);
    assert_int_equal(bc_stmt_fetch(s), SQL_SUCCESS);
    assert_int_equal(bc_stmt_get_data(s, 1, SQL_C_CHAR, buf, sizeof buf, &ind),
                     SQL_SUCCESS_WITH_INFO);
    assert_string_equal(last_state(&s->h), "01004");
    assert_int_equal(ind, 17); /* bytes of UTF-8 */
    strcat(whole, buf);
    SQLRETURN rc;
    while ((rc = bc_stmt_get_data(s, 1, SQL_C_CHAR, buf, sizeof buf, &ind)) != SQL_NO_DATA) {
        assert_true(rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO);
        strcat(whole, buf);
    }
    assert_string_equal(whole, "Maison Élégance");
    bc_stmt_free(s);
}

static void getdata_wchar_reports_remaining_bytes(void **state)
{
    bc_stmt *s = new_stmt(state);
    SQLWCHAR buf[4];
    SQLLEN ind = 0;

    assert_int_equal(bc_stmt_exec_direct(s, "SELECT '日本ブランド'"), SQL_SUCCESS);
    assert_int_equal(bc_stmt_fetch(s), SQL_SUCCESS);
    assert_int_equal(bc_stmt_get_data(s, 1, SQL_C_WCHAR, buf, sizeof buf, &ind),
                     SQL_SUCCESS_WITH_INFO);
    assert_int_equal(ind, 12);
    assert_int_equal(buf[0], 0x65e5);
    assert_int_equal(buf[3], 0);
    /* the last three characters and the terminator fit the 8-byte buffer */
    assert_int_equal(bc_stmt_get_data(s, 1, SQL_C_WCHAR, buf, sizeof buf, &ind), SQL_SUCCESS);
    assert_int_equal(ind, 6);
    assert_int_equal(buf[0], 0x30e9); /* ラ */
    assert_int_equal(bc_stmt_get_data(s, 1, SQL_C_WCHAR, buf, sizeof buf, &ind), SQL_NO_DATA);
    bc_stmt_free(s);
}

static void getdata_bad_column_is_07009(void **state)
{
    bc_stmt *s = new_stmt(state);
    char buf[8];
    SQLLEN ind;

    assert_int_equal(bc_stmt_exec_direct(s, "SELECT 1"), SQL_SUCCESS);
    assert_int_equal(bc_stmt_get_data(s, 1, SQL_C_CHAR, buf, sizeof buf, &ind), SQL_ERROR);
    assert_string_equal(last_state(&s->h), "HY010");
    assert_int_equal(bc_stmt_fetch(s), SQL_SUCCESS);
    assert_int_equal(bc_stmt_get_data(s, 2, SQL_C_CHAR, buf, sizeof buf, &ind), SQL_ERROR);
    assert_string_equal(last_state(&s->h), "07009");
    bc_stmt_free(s);
}

static void fetch_column_wise_rowset_fills_status_and_count(void **state)
{
    bc_stmt *s = new_stmt(state);
    SQLINTEGER ids[4];
    SQLLEN ind[4];
    SQLUSMALLINT status[4];
    SQLULEN fetched = 0;

    bc_stmt_set_attr(s, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)4);
    bc_stmt_set_attr(s, SQL_ATTR_ROW_STATUS_PTR, status);
    bc_stmt_set_attr(s, SQL_ATTR_ROWS_FETCHED_PTR, &fetched);
    assert_int_equal(bc_stmt_exec_direct(s, "SELECT id FROM Brands ORDER BY id LIMIT 6"),
                     SQL_SUCCESS);
    assert_int_equal(bc_stmt_bind_col(s, 1, SQL_C_SLONG, ids, 0, ind), SQL_SUCCESS);
    assert_int_equal(bc_stmt_fetch(s), SQL_SUCCESS);
    assert_int_equal(fetched, 4);
    assert_int_equal(ids[0], 1);
    assert_int_equal(ids[3], 4);
    assert_int_equal(ind[3], sizeof(SQLINTEGER));
    assert_int_equal(bc_stmt_fetch(s), SQL_SUCCESS);
    assert_int_equal(fetched, 2);
    assert_int_equal(ids[1], 6);
    assert_int_equal(status[1], SQL_ROW_SUCCESS);
    assert_int_equal(status[2], SQL_ROW_NOROW);
    assert_int_equal(bc_stmt_fetch(s), SQL_NO_DATA);
    bc_stmt_free(s);
}

static void fetch_row_wise_uses_bind_type_as_stride(void **state)
{
    bc_stmt *s = new_stmt(state);
    struct row {
        SQLINTEGER id;
        SQLLEN id_ind;
        char name[8];
        SQLLEN name_ind;
    } rows[2];

    bc_stmt_set_attr(s, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)2);
    bc_stmt_set_attr(s, SQL_ATTR_ROW_BIND_TYPE, (SQLPOINTER)sizeof(struct row));
    assert_int_equal(bc_stmt_exec_direct(s, "SELECT 7, 'ab' UNION ALL SELECT 8, 'toolongvalue'"),
                     SQL_SUCCESS);
    bc_stmt_bind_col(s, 1, SQL_C_SLONG, &rows[0].id, 0, &rows[0].id_ind);
    bc_stmt_bind_col(s, 2, SQL_C_CHAR, rows[0].name, sizeof rows[0].name, &rows[0].name_ind);
    assert_int_equal(bc_stmt_fetch(s), SQL_SUCCESS_WITH_INFO);
    assert_int_equal(rows[0].id, 7);
    assert_int_equal(rows[1].id, 8);
    assert_string_equal(rows[0].name, "ab");
    assert_string_equal(rows[1].name, "toolong");
    assert_int_equal(rows[1].name_ind, 12);
    assert_int_equal(s->h.diag.recs[0].row, 2);
    assert_int_equal(s->h.diag.recs[0].column, 2);
    bc_stmt_free(s);
}

static void cursor_states_follow_the_spec(void **state)
{
    bc_stmt *s = new_stmt(state);

    assert_int_equal(bc_stmt_close_cursor(s, true), SQL_ERROR);
    assert_string_equal(last_state(&s->h), "24000");
    assert_int_equal(bc_stmt_exec_direct(s, "SELECT 1"), SQL_SUCCESS);
    assert_int_equal(bc_stmt_exec_direct(s, "SELECT 2"), SQL_ERROR);
    assert_string_equal(last_state(&s->h), "24000");
    assert_int_equal(bc_stmt_fetch_scroll(s, SQL_FETCH_PRIOR, 0), SQL_ERROR);
    assert_string_equal(last_state(&s->h), "HY106");
    assert_int_equal(bc_stmt_more_results(s), SQL_NO_DATA);
    assert_int_equal(bc_stmt_close_cursor(s, true), SQL_ERROR);
    bc_stmt_free(s);
}

static void max_rows_caps_the_result(void **state)
{
    bc_stmt *s = new_stmt(state);
    int n = 0;

    bc_stmt_set_attr(s, SQL_ATTR_MAX_ROWS, (SQLPOINTER)3);
    assert_int_equal(bc_stmt_exec_direct(s, "SELECT id FROM Brands"), SQL_SUCCESS);
    while (bc_stmt_fetch(s) == SQL_SUCCESS)
        n++;
    assert_int_equal(n, 3);
    bc_stmt_free(s);
}

static void query_timeout_stops_a_long_query_with_HYT00(void **state)
{
    bc_stmt *s = new_stmt(state);

    bc_stmt_set_attr(s, SQL_ATTR_QUERY_TIMEOUT, (SQLPOINTER)1);
    assert_int_equal(bc_stmt_exec_direct(s, "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL "
                                            "SELECT x + 1 FROM r) SELECT count(*) FROM r"),
                     SQL_ERROR);
    assert_string_equal(last_state(&s->h), "HYT00");
    bc_stmt_free(s);
}

static void two_statements_in_one_call_are_42000(void **state)
{
    bc_stmt *s = new_stmt(state);

    assert_int_equal(bc_stmt_prepare(s, "SELECT 1; SELECT 2"), SQL_ERROR);
    assert_string_equal(last_state(&s->h), "42000");
    assert_int_equal(bc_stmt_prepare(s, "SELECT 1 ;  "), SQL_SUCCESS);
    bc_stmt_free(s);
}

static void describe_types_count_as_bigint_before_execute(void **state)
{
    bc_stmt *s = new_stmt(state);
    const char *name;
    SQLSMALLINT type, digits, nullable;
    SQLULEN size;

    assert_int_equal(bc_stmt_prepare(s, "SELECT COUNT(*), name FROM Brands"), SQL_SUCCESS);
    assert_int_equal(bc_stmt_describe_col(s, 1, &name, &type, &size, &digits, &nullable),
                     SQL_SUCCESS);
    assert_int_equal(type, SQL_BIGINT);
    assert_int_equal(bc_stmt_describe_col(s, 2, &name, &type, &size, &digits, &nullable),
                     SQL_SUCCESS);
    assert_string_equal(name, "name");
    assert_int_equal(type, SQL_WVARCHAR);
    assert_int_equal(bc_stmt_describe_col(s, 3, &name, &type, &size, &digits, &nullable),
                     SQL_ERROR);
    assert_string_equal(last_state(&s->h), "07009");
    bc_stmt_free(s);
}

static void parameters_bind_and_filter(void **state)
{
    bc_stmt *s = new_stmt(state);
    SQLINTEGER id = 3, out = 0;
    SQLLEN ind = 0, out_ind = 0;

    assert_int_equal(bc_stmt_prepare(s, "SELECT id FROM Brands WHERE id = ?"), SQL_SUCCESS);
    assert_int_equal(
        bc_stmt_bind_param(s, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0, &ind),
        SQL_SUCCESS);
    assert_int_equal(bc_stmt_execute(s), SQL_SUCCESS);
    bc_stmt_bind_col(s, 1, SQL_C_SLONG, &out, 0, &out_ind);
    assert_int_equal(bc_stmt_fetch(s), SQL_SUCCESS);
    assert_int_equal(out, 3);
    assert_int_equal(bc_stmt_fetch(s), SQL_NO_DATA);
    bc_stmt_free(s);
}

static void unbound_parameter_is_07002(void **state)
{
    bc_stmt *s = new_stmt(state);

    assert_int_equal(bc_stmt_prepare(s, "SELECT ?"), SQL_SUCCESS);
    assert_int_equal(bc_stmt_execute(s), SQL_ERROR);
    assert_string_equal(last_state(&s->h), "07002");
    bc_stmt_free(s);
}
static void max_length_truncates_silently(void **state)
{
    bc_stmt *s = new_stmt(state);
    char buf[32];
    SQLLEN ind = 0;

    bc_stmt_set_attr(s, SQL_ATTR_MAX_LENGTH, (SQLPOINTER)4);
    assert_int_equal(bc_stmt_exec_direct(s, "SELECT 'abcdefgh'"), SQL_SUCCESS);
    assert_int_equal(bc_stmt_fetch(s), SQL_SUCCESS);
    assert_int_equal(bc_stmt_get_data(s, 1, SQL_C_CHAR, buf, sizeof buf, &ind), SQL_SUCCESS);
    assert_string_equal(buf, "abcd");
    assert_int_equal(ind, 4);
    assert_int_equal(bc_stmt_get_data(s, 1, SQL_C_CHAR, buf, sizeof buf, &ind), SQL_NO_DATA);
    bc_stmt_free(s);
}
#endif

int main(void)
{
    const struct CMUnitTest plain[] = {
        cmocka_unit_test(env_version_defaults_to_3_and_accepts_2),
        cmocka_unit_test(handle_enter_rejects_wrong_type_and_freed_handles),
        cmocka_unit_test(out_str_truncates_char_with_01004_and_full_length),
        cmocka_unit_test(out_str_wide_counts_characters_or_bytes),
        cmocka_unit_test_setup_teardown(info_answers_come_from_the_table, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(functions_report_exactly_what_is_implemented, fixture_setup,
                                        fixture_teardown),
        cmocka_unit_test_setup_teardown(connattr_unsupported_isolation_changes_with_01S02,
                                        fixture_setup, fixture_teardown),
        cmocka_unit_test_setup_teardown(
            driver_connect_without_store_fails_with_08001_and_never_prompts, fixture_setup,
            fixture_teardown),
        cmocka_unit_test_setup_teardown(desc_fields_round_trip_and_count_grows, fixture_setup,
                                        fixture_teardown),
    };
    int failed = cmocka_run_group_tests_name("handles", plain, NULL, NULL);
#ifdef BC_SANDBOX_PATH
    const struct CMUnitTest live[] = {
        cmocka_unit_test(getdata_char_returns_chunks_with_01004_then_no_data),
        cmocka_unit_test(getdata_wchar_reports_remaining_bytes),
        cmocka_unit_test(getdata_bad_column_is_07009),
        cmocka_unit_test(fetch_column_wise_rowset_fills_status_and_count),
        cmocka_unit_test(fetch_row_wise_uses_bind_type_as_stride),
        cmocka_unit_test(cursor_states_follow_the_spec),
        cmocka_unit_test(max_rows_caps_the_result),
        cmocka_unit_test(query_timeout_stops_a_long_query_with_HYT00),
        cmocka_unit_test(two_statements_in_one_call_are_42000),
        cmocka_unit_test(describe_types_count_as_bigint_before_execute),
        cmocka_unit_test(parameters_bind_and_filter),
        cmocka_unit_test(unbound_parameter_is_07002),
        cmocka_unit_test(max_length_truncates_silently),
    };
    failed += cmocka_run_group_tests_name("statements", live, sandbox_setup, sandbox_teardown);
#endif
    return failed;
}
