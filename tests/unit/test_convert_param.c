/* C -> SQLite parameter binding (bc_convert_bind_param). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include "convert_fixture.h"

typedef struct bound {
    SQLRETURN rc;
    int type;       /* SQLite storage class of the bound value */
    char text[128]; /* its text form */
    bc_error err;
} bound;

static bound bind_one(SQLSMALLINT c_type, SQLSMALLINT sql_type, void *buf, SQLLEN buflen,
                      SQLLEN *ind)
{
    bound b;
    sqlite3_stmt *vm = NULL;

    memset(&b, 0, sizeof b);
    bc_error_clear(&b.err);
    assert_int_equal(sqlite3_prepare_v2(fx_db, "SELECT ?1", -1, &vm, NULL), SQLITE_OK);
    b.rc = bc_convert_bind_param(vm, 1, c_type, sql_type, 0, buf, buflen, ind, &b.err);
    if (b.rc == SQL_SUCCESS && sqlite3_step(vm) == SQLITE_ROW) {
        b.type = sqlite3_column_type(vm, 0);
        if (b.type != SQLITE_NULL)
            snprintf(b.text, sizeof b.text, "%s", (const char *)sqlite3_column_text(vm, 0));
    }
    sqlite3_finalize(vm);
    return b;
}

static void char_to_varchar_binds_text_with_nts_or_length(void **state)
{
    char s[] = "Gr\xC3\xBC\xC3\x9F"
               "e";
    SQLLEN nts = SQL_NTS, len = 2;
    bound b;

    (void)state;
    b = bind_one(SQL_C_CHAR, SQL_VARCHAR, s, sizeof s, &nts);
    assert_int_equal(b.rc, SQL_SUCCESS);
    assert_int_equal(b.type, SQLITE_TEXT);
    assert_string_equal(b.text, s);
    b = bind_one(SQL_C_CHAR, SQL_VARCHAR, s, sizeof s, &len);
    assert_string_equal(b.text, "Gr");
    b = bind_one(SQL_C_CHAR, SQL_VARCHAR, s, sizeof s, NULL);
    assert_string_equal(b.text, s);
}

static void wchar_binds_as_utf8_text(void **state)
{
    SQLWCHAR w[] = {'a', 0x6771, 0xD83D, 0xDE00, 0};
    SQLLEN nts = SQL_NTS, bytes = 2 * sizeof(SQLWCHAR);
    bound b;

    (void)state;
    b = bind_one(SQL_C_WCHAR, SQL_WVARCHAR, w, sizeof w, &nts);
    assert_int_equal(b.type, SQLITE_TEXT);
    assert_string_equal(b.text, "a\xE6\x9D\xB1\xF0\x9F\x98\x80");
    b = bind_one(SQL_C_WCHAR, SQL_WVARCHAR, w, sizeof w, &bytes);
    assert_string_equal(b.text, "a\xE6\x9D\xB1");
}

static void char_to_integer_binds_integer_or_fails_22018(void **state)
{
    char five[] = " 5 ", bad[] = "five";
    SQLLEN nts = SQL_NTS;
    bound b;

    (void)state;
    b = bind_one(SQL_C_CHAR, SQL_INTEGER, five, 0, &nts);
    assert_int_equal(b.type, SQLITE_INTEGER);
    assert_string_equal(b.text, "5");
    b = bind_one(SQL_C_CHAR, SQL_INTEGER, bad, 0, &nts);
    assert_int_equal(b.rc, SQL_ERROR);
    assert_string_equal(b.err.sqlstate, "22018");
}

static void integers_and_doubles_bind_natively(void **state)
{
    SQLINTEGER l = -7;
    SQLBIGINT big = 9007199254740993LL;
    SQLDOUBLE d = 2.5;
    SQLLEN ind = 0;
    bound b;

    (void)state;
    b = bind_one(SQL_C_SLONG, SQL_INTEGER, &l, 0, &ind);
    assert_int_equal(b.type, SQLITE_INTEGER);
    assert_string_equal(b.text, "-7");
    b = bind_one(SQL_C_SBIGINT, SQL_BIGINT, &big, 0, NULL);
    assert_string_equal(b.text, "9007199254740993");
    b = bind_one(SQL_C_DOUBLE, SQL_DOUBLE, &d, 0, NULL);
    assert_int_equal(b.type, SQLITE_FLOAT);
    assert_string_equal(b.text, "2.5");
}

static void default_c_type_resolves_from_sql_type(void **state)
{
    SQLINTEGER l = 42;
    bound b;

    (void)state;
    b = bind_one(SQL_C_DEFAULT, SQL_INTEGER, &l, 0, NULL);
    assert_int_equal(b.rc, SQL_SUCCESS);
    assert_int_equal(b.type, SQLITE_INTEGER);
    assert_string_equal(b.text, "42");
}

static void numeric_struct_honours_its_scale(void **state)
{
    SQL_NUMERIC_STRUCT n;
    bound b;

    (void)state;
    memset(&n, 0, sizeof n);
    n.precision = 20;
    n.scale = 4;
    n.sign = 1;
    n.val[0] = 0x22; /* 123426 = 0x01E222 -> 12.3426 */
    n.val[1] = 0xE2;
    n.val[2] = 0x01;
    b = bind_one(SQL_C_NUMERIC, SQL_DECIMAL, &n, 0, NULL);
    assert_int_equal(b.type, SQLITE_FLOAT);
    assert_string_equal(b.text, "12.3426");
    /* 120000 at scale 4 is exactly 12: bound as an integer */
    memset(n.val, 0, sizeof n.val);
    n.val[0] = 0xC0, n.val[1] = 0xD4, n.val[2] = 0x01; /* 120000 */
    n.sign = 0;
    b = bind_one(SQL_C_NUMERIC, SQL_DECIMAL, &n, 0, NULL);
    assert_int_equal(b.type, SQLITE_INTEGER);
    assert_string_equal(b.text, "-12");
}

static void timestamp_struct_binds_as_sqlite_text(void **state)
{
    SQL_TIMESTAMP_STRUCT ts = {2026, 1, 2, 3, 4, 5, 0};
    SQL_DATE_STRUCT d = {2026, 7, 8};
    bound b;

    (void)state;
    b = bind_one(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, &ts, 0, NULL);
    assert_int_equal(b.type, SQLITE_TEXT);
    assert_string_equal(b.text, "2026-01-02 03:04:05");
    b = bind_one(SQL_C_TYPE_DATE, SQL_TYPE_TIMESTAMP, &d, 0, NULL);
    assert_string_equal(b.text, "2026-07-08 00:00:00");
    b = bind_one(SQL_C_TYPE_DATE, SQL_TYPE_DATE, &d, 0, NULL);
    assert_string_equal(b.text, "2026-07-08");
    ts.hour = 0, ts.minute = 0, ts.second = 0, ts.fraction = 0;
    b = bind_one(SQL_C_TIMESTAMP, SQL_TYPE_DATE, &ts, 0, NULL);
    assert_string_equal(b.text, "2026-01-02");
}

static void invalid_timestamp_struct_fails_22008(void **state)
{
    SQL_TIMESTAMP_STRUCT ts = {2026, 2, 30, 0, 0, 0, 0};
    SQL_TIMESTAMP_STRUCT with_time = {2026, 2, 3, 10, 0, 0, 0};
    bound b;

    (void)state;
    b = bind_one(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, &ts, 0, NULL);
    assert_int_equal(b.rc, SQL_ERROR);
    assert_string_equal(b.err.sqlstate, "22008");
    b = bind_one(SQL_C_TYPE_TIMESTAMP, SQL_TYPE_DATE, &with_time, 0, NULL);
    assert_int_equal(b.rc, SQL_ERROR);
    assert_string_equal(b.err.sqlstate, "22008");
}

static void char_date_literal_is_normalised_to_utc_text(void **state)
{
    char iso[] = "2026-03-15T10:20:30-05:00", bad[] = "soon";
    SQLLEN nts = SQL_NTS;
    bound b;

    (void)state;
    b = bind_one(SQL_C_CHAR, SQL_TYPE_TIMESTAMP, iso, 0, &nts);
    assert_string_equal(b.text, "2026-03-15 15:20:30");
    b = bind_one(SQL_C_CHAR, SQL_TYPE_TIMESTAMP, bad, 0, &nts);
    assert_int_equal(b.rc, SQL_ERROR);
    assert_string_equal(b.err.sqlstate, "22018");
}

static void number_as_date_parameter_is_restricted_07006(void **state)
{
    SQLINTEGER l = 20260101;
    bound b;

    (void)state;
    b = bind_one(SQL_C_SLONG, SQL_TYPE_DATE, &l, 0, NULL);
    assert_int_equal(b.rc, SQL_ERROR);
    assert_string_equal(b.err.sqlstate, "07006");
}

static void null_data_binds_null_and_data_at_exec_is_hyc00(void **state)
{
    SQLINTEGER l = 1;
    SQLLEN null_ind = SQL_NULL_DATA, dae = SQL_DATA_AT_EXEC, dae_len = SQL_LEN_DATA_AT_EXEC(10);
    bound b;

    (void)state;
    b = bind_one(SQL_C_SLONG, SQL_INTEGER, NULL, 0, &null_ind);
    assert_int_equal(b.rc, SQL_SUCCESS);
    assert_int_equal(b.type, SQLITE_NULL);
    b = bind_one(SQL_C_SLONG, SQL_INTEGER, &l, 0, &dae);
    assert_string_equal(b.err.sqlstate, "HYC00");
    b = bind_one(SQL_C_CHAR, SQL_VARCHAR, &l, 0, &dae_len);
    assert_string_equal(b.err.sqlstate, "HYC00");
}

static void bad_c_type_and_parameter_number_fail(void **state)
{
    SQLINTEGER l = 1;
    sqlite3_stmt *vm = NULL;
    bc_error err;
    bound b;

    (void)state;
    b = bind_one(9999, SQL_INTEGER, &l, 0, NULL);
    assert_string_equal(b.err.sqlstate, "HY003");
    b = bind_one(SQL_C_SLONG, SQL_INTEGER, NULL, 0, NULL);
    assert_string_equal(b.err.sqlstate, "HY009");
    assert_int_equal(sqlite3_prepare_v2(fx_db, "SELECT ?1", -1, &vm, NULL), SQLITE_OK);
    bc_error_clear(&err);
    assert_int_equal(bc_convert_bind_param(vm, 2, SQL_C_SLONG, SQL_INTEGER, 0, &l, 0, NULL, &err),
                     SQL_ERROR);
    assert_string_equal(err.sqlstate, "07009");
    sqlite3_finalize(vm);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(char_to_varchar_binds_text_with_nts_or_length),
        cmocka_unit_test(wchar_binds_as_utf8_text),
        cmocka_unit_test(char_to_integer_binds_integer_or_fails_22018),
        cmocka_unit_test(integers_and_doubles_bind_natively),
        cmocka_unit_test(default_c_type_resolves_from_sql_type),
        cmocka_unit_test(numeric_struct_honours_its_scale),
        cmocka_unit_test(timestamp_struct_binds_as_sqlite_text),
        cmocka_unit_test(invalid_timestamp_struct_fails_22008),
        cmocka_unit_test(char_date_literal_is_normalised_to_utc_text),
        cmocka_unit_test(number_as_date_parameter_is_restricted_07006),
        cmocka_unit_test(null_data_binds_null_and_data_at_exec_is_hyc00),
        cmocka_unit_test(bad_c_type_and_parameter_number_fail),
    };
    return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
