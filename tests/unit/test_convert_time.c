/* SQL -> SQL_C_TYPE_DATE / TIME / TIMESTAMP (and the ODBC 2 codes). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include "convert_fixture.h"

static bc_sql_type ts_type(void)
{
    return fx_type(SQL_TYPE_TIMESTAMP, 19, 0);
}

static void timestamp_text_converts_to_timestamp_struct(void **state)
{
    bc_sql_type t = ts_type();
    SQL_TIMESTAMP_STRUCT ts;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(
        fx_conv("'2026-01-02 03:04:05'", &t, SQL_C_TYPE_TIMESTAMP, &ts, 0, 0, &ind, &err),
        SQL_SUCCESS);
    assert_int_equal(ts.year, 2026);
    assert_int_equal(ts.month, 1);
    assert_int_equal(ts.day, 2);
    assert_int_equal(ts.hour, 3);
    assert_int_equal(ts.minute, 4);
    assert_int_equal(ts.second, 5);
    assert_int_equal(ts.fraction, 0);
    assert_int_equal(ind, sizeof ts);
}

static void odbc2_timestamp_code_fills_the_same_struct(void **state)
{
    bc_sql_type t = ts_type();
    SQL_TIMESTAMP_STRUCT ts;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("'1999-12-31 23:59:59.5'", &t, SQL_C_TIMESTAMP, &ts, 0, 0, &ind, &err),
                     SQL_SUCCESS);
    assert_int_equal(ts.year, 1999);
    assert_int_equal(ts.fraction, 500000000u);
}

static void timestamp_with_time_to_date_truncates_01s07(void **state)
{
    bc_sql_type t = ts_type();
    SQL_DATE_STRUCT d;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("'2026-05-06 07:08:09'", &t, SQL_C_TYPE_DATE, &d, 0, 0, &ind, &err),
                     SQL_SUCCESS_WITH_INFO);
    assert_string_equal(err.sqlstate, "01S07");
    assert_int_equal(d.year, 2026);
    assert_int_equal(d.month, 5);
    assert_int_equal(d.day, 6);
    assert_int_equal(fx_conv("'2026-05-06 00:00:00'", &t, SQL_C_DATE, &d, 0, 0, &ind, &err),
                     SQL_SUCCESS);
}

static void timestamp_to_time_keeps_the_time(void **state)
{
    bc_sql_type t = ts_type();
    SQL_TIME_STRUCT tm;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("'2026-05-06 07:08:09'", &t, SQL_C_TYPE_TIME, &tm, 0, 0, &ind, &err),
                     SQL_SUCCESS);
    assert_int_equal(tm.hour, 7);
    assert_int_equal(tm.minute, 8);
    assert_int_equal(tm.second, 9);
    assert_int_equal(
        fx_conv("'2026-05-06 07:08:09.25'", &t, SQL_C_TYPE_TIME, &tm, 0, 0, &ind, &err),
        SQL_SUCCESS_WITH_INFO);
    assert_string_equal(err.sqlstate, "01S07");
}

static void date_converts_to_timestamp_at_midnight(void **state)
{
    bc_sql_type t = fx_type(SQL_TYPE_DATE, 10, 0);
    SQL_TIMESTAMP_STRUCT ts;
    SQL_TIME_STRUCT tm;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("'2024-02-29'", &t, SQL_C_TYPE_TIMESTAMP, &ts, 0, 0, &ind, &err),
                     SQL_SUCCESS);
    assert_int_equal(ts.year, 2024);
    assert_int_equal(ts.day, 29);
    assert_int_equal(ts.hour, 0);
    assert_int_equal(fx_conv("'2024-02-29'", &t, SQL_C_TYPE_TIME, &tm, 0, 0, &ind, &err),
                     SQL_ERROR);
    assert_string_equal(err.sqlstate, "07006");
}

static void char_column_with_iso_or_rfc_date_converts_to_utc(void **state)
{
    bc_sql_type t = fx_type(SQL_WVARCHAR, 255, 0);
    SQL_TIMESTAMP_STRUCT ts;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(
        fx_conv("'2026-03-15T10:20:30-05:00'", &t, SQL_C_TYPE_TIMESTAMP, &ts, 0, 0, &ind, &err),
        SQL_SUCCESS);
    assert_int_equal(ts.hour, 15);
    assert_int_equal(fx_conv("'Tue, 20 Nov 2012 00:00:00 +0000'", &t, SQL_C_TYPE_TIMESTAMP, &ts, 0,
                             0, &ind, &err),
                     SQL_SUCCESS);
    assert_int_equal(ts.year, 2012);
    assert_int_equal(ts.month, 11);
    assert_int_equal(
        fx_conv("'{ts ''2020-01-02 03:04:05''}'", &t, SQL_C_TYPE_TIMESTAMP, &ts, 0, 0, &ind, &err),
        SQL_SUCCESS);
    assert_int_equal(ts.second, 5);
}

static void text_that_is_not_a_date_fails_22018(void **state)
{
    bc_sql_type t = fx_type(SQL_WVARCHAR, 255, 0);
    SQL_DATE_STRUCT d;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("'next tuesday'", &t, SQL_C_TYPE_DATE, &d, 0, 0, &ind, &err),
                     SQL_ERROR);
    assert_string_equal(err.sqlstate, "22018");
}

static void date_with_out_of_range_field_fails_22007(void **state)
{
    bc_sql_type t = fx_type(SQL_WVARCHAR, 255, 0);
    SQL_DATE_STRUCT d;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("'2026-02-30'", &t, SQL_C_TYPE_DATE, &d, 0, 0, &ind, &err), SQL_ERROR);
    assert_string_equal(err.sqlstate, "22007");
}

static void time_text_to_timestamp_gets_todays_date(void **state)
{
    bc_sql_type t = fx_type(SQL_WVARCHAR, 255, 0);
    SQL_TIMESTAMP_STRUCT ts;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("'12:34:56'", &t, SQL_C_TYPE_TIMESTAMP, &ts, 0, 0, &ind, &err),
                     SQL_SUCCESS);
    assert_true(ts.year >= 2024);
    assert_int_equal(ts.hour, 12);
    assert_int_equal(ts.second, 56);
}

static void number_to_date_is_restricted_07006(void **state)
{
    SQL_DATE_STRUCT d;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("20260101", NULL, SQL_C_TYPE_DATE, &d, 0, 0, &ind, &err), SQL_ERROR);
    assert_string_equal(err.sqlstate, "07006");
}

static void timestamp_column_default_is_timestamp_struct(void **state)
{
    bc_sql_type t = ts_type();
    SQL_TIMESTAMP_STRUCT ts;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("'2026-01-02 03:04:05'", &t, SQL_C_DEFAULT, &ts, 0, 0, &ind, &err),
                     SQL_SUCCESS);
    assert_int_equal(ind, sizeof ts);
    assert_int_equal(ts.minute, 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(timestamp_text_converts_to_timestamp_struct),
        cmocka_unit_test(odbc2_timestamp_code_fills_the_same_struct),
        cmocka_unit_test(timestamp_with_time_to_date_truncates_01s07),
        cmocka_unit_test(timestamp_to_time_keeps_the_time),
        cmocka_unit_test(date_converts_to_timestamp_at_midnight),
        cmocka_unit_test(char_column_with_iso_or_rfc_date_converts_to_utc),
        cmocka_unit_test(text_that_is_not_a_date_fails_22018),
        cmocka_unit_test(date_with_out_of_range_field_fails_22007),
        cmocka_unit_test(time_text_to_timestamp_gets_todays_date),
        cmocka_unit_test(number_to_date_is_restricted_07006),
        cmocka_unit_test(timestamp_column_default_is_timestamp_struct),
    };
    return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
