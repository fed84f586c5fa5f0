/* SQL -> integer, floating, bit, SQL_C_NUMERIC and binary C types, with their SQLSTATEs. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include "convert_fixture.h"

static void integer_storage_converts_to_every_integer_type(void **state)
{
    bc_sql_type t = fx_type(SQL_INTEGER, 10, 0);
    SQLINTEGER l = 0;
    SQLSMALLINT s = 0;
    SQLSCHAR ti = 0;
    SQLBIGINT b = 0;
    SQLUBIGINT ub = 0;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("-42", &t, SQL_C_SLONG, &l, 0, 0, &ind, &err), SQL_SUCCESS);
    assert_int_equal(l, -42);
    assert_int_equal(ind, 4);
    assert_int_equal(fx_conv("-42", &t, SQL_C_SSHORT, &s, 0, 0, &ind, &err), SQL_SUCCESS);
    assert_int_equal(s, -42);
    assert_int_equal(fx_conv("-42", &t, SQL_C_STINYINT, &ti, 0, 0, &ind, &err), SQL_SUCCESS);
    assert_int_equal(ti, -42);
    assert_int_equal(fx_conv("9007199254740993", NULL, SQL_C_SBIGINT, &b, 0, 0, &ind, &err),
                     SQL_SUCCESS);
    assert_true(b == 9007199254740993LL);
    assert_int_equal(fx_conv("'18446744073709551615'", NULL, SQL_C_UBIGINT, &ub, 0, 0, &ind, &err),
                     SQL_SUCCESS);
    assert_true(ub == 18446744073709551615ULL);
}

static void out_of_range_integer_fails_22003(void **state)
{
    SQLSMALLINT s = 0;
    SQLUINTEGER u = 0;
    SQLINTEGER l = 0;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("40000", NULL, SQL_C_SSHORT, &s, 0, 0, &ind, &err), SQL_ERROR);
    assert_string_equal(err.sqlstate, "22003");
    assert_int_equal(fx_conv("-1", NULL, SQL_C_ULONG, &u, 0, 0, &ind, &err), SQL_ERROR);
    assert_string_equal(err.sqlstate, "22003");
    assert_int_equal(fx_conv("3e10", NULL, SQL_C_SLONG, &l, 0, 0, &ind, &err), SQL_ERROR);
    assert_string_equal(err.sqlstate, "22003");
    assert_int_equal(fx_conv("'99999999999999999999'", NULL, SQL_C_SBIGINT, &l, 0, 0, &ind, &err),
                     SQL_ERROR);
    assert_string_equal(err.sqlstate, "22003");
}

static void real_to_integer_truncates_fraction_with_01s07(void **state)
{
    bc_sql_type t = fx_type(SQL_DECIMAL, 20, 4);
    SQLINTEGER l = 0;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("12.75", &t, SQL_C_SLONG, &l, 0, 0, &ind, &err),
                     SQL_SUCCESS_WITH_INFO);
    assert_int_equal(l, 12);
    assert_string_equal(err.sqlstate, "01S07");
    assert_int_equal(fx_conv("-12.75", &t, SQL_C_SLONG, &l, 0, 0, &ind, &err),
                     SQL_SUCCESS_WITH_INFO);
    assert_int_equal(l, -12);
    assert_int_equal(fx_conv("12.0", &t, SQL_C_SLONG, &l, 0, 0, &ind, &err), SQL_SUCCESS);
    assert_int_equal(l, 12);
}

static void text_number_converts_and_garbage_fails_22018(void **state)
{
    bc_sql_type t = fx_type(SQL_WVARCHAR, 255, 0);
    SQLINTEGER l = 0;
    SQLDOUBLE d = 0;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("' 77 '", &t, SQL_C_SLONG, &l, 0, 0, &ind, &err), SQL_SUCCESS);
    assert_int_equal(l, 77);
    assert_int_equal(fx_conv("'12.3400'", &t, SQL_C_DOUBLE, &d, 0, 0, &ind, &err), SQL_SUCCESS);
    assert_true(d == 12.34);
    assert_int_equal(fx_conv("'abc'", &t, SQL_C_SLONG, &l, 0, 0, &ind, &err), SQL_ERROR);
    assert_string_equal(err.sqlstate, "22018");
    assert_int_equal(fx_conv("'nan'", &t, SQL_C_DOUBLE, &d, 0, 0, &ind, &err), SQL_ERROR);
    assert_string_equal(err.sqlstate, "22018");
    assert_int_equal(fx_conv("'0x10'", &t, SQL_C_DOUBLE, &d, 0, 0, &ind, &err), SQL_ERROR);
    assert_string_equal(err.sqlstate, "22018");
}

static void float_and_double_targets(void **state)
{
    SQLREAL f = 0;
    SQLDOUBLE d = 0;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("2.5", NULL, SQL_C_FLOAT, &f, 0, 0, &ind, &err), SQL_SUCCESS);
    assert_true(f == 2.5f);
    assert_int_equal(ind, 4);
    assert_int_equal(fx_conv("1e300", NULL, SQL_C_FLOAT, &f, 0, 0, &ind, &err), SQL_ERROR);
    assert_string_equal(err.sqlstate, "22003");
    assert_int_equal(fx_conv("7", NULL, SQL_C_DOUBLE, &d, 0, 0, &ind, &err), SQL_SUCCESS);
    assert_true(d == 7.0);
}

static void bit_accepts_0_1_truncates_between_and_rejects_others(void **state)
{
    bc_sql_type t = fx_type(SQL_BIT, 1, 0);
    SQLCHAR bit = 9;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("1", &t, SQL_C_BIT, &bit, 0, 0, &ind, &err), SQL_SUCCESS);
    assert_int_equal(bit, 1);
    assert_int_equal(fx_conv("'0'", &t, SQL_C_BIT, &bit, 0, 0, &ind, &err), SQL_SUCCESS);
    assert_int_equal(bit, 0);
    assert_int_equal(fx_conv("1.5", NULL, SQL_C_BIT, &bit, 0, 0, &ind, &err),
                     SQL_SUCCESS_WITH_INFO);
    assert_int_equal(bit, 1);
    assert_string_equal(err.sqlstate, "01S07");
    assert_int_equal(fx_conv("2", NULL, SQL_C_BIT, &bit, 0, 0, &ind, &err), SQL_ERROR);
    assert_string_equal(err.sqlstate, "22003");
    assert_int_equal(fx_conv("-0.5", NULL, SQL_C_BIT, &bit, 0, 0, &ind, &err), SQL_ERROR);
    assert_string_equal(err.sqlstate, "22003");
}

static void bit_column_default_is_sql_c_bit(void **state)
{
    bc_sql_type t = fx_type(SQL_BIT, 1, 0);
    SQLCHAR bit = 9;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("1", &t, SQL_C_DEFAULT, &bit, 0, 0, &ind, &err), SQL_SUCCESS);
    assert_int_equal(bit, 1);
    assert_int_equal(ind, 1);
}

static uint64_t numeric_low64(const SQL_NUMERIC_STRUCT *n)
{
    uint64_t v = 0;

    for (int i = 7; i >= 0; i--)
        v = (v << 8) | n->val[i];
    return v;
}

static void numeric_uses_column_precision_scale_and_sign(void **state)
{
    bc_sql_type t = fx_type(SQL_DECIMAL, 20, 4);
    SQL_NUMERIC_STRUCT n;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("12.34", &t, SQL_C_NUMERIC, &n, 0, 0, &ind, &err), SQL_SUCCESS);
    assert_int_equal(n.precision, 20);
    assert_int_equal(n.scale, 4);
    assert_int_equal(n.sign, 1);
    assert_int_equal(numeric_low64(&n), 123400);
    assert_int_equal(ind, sizeof n);
    assert_int_equal(fx_conv("'-0.0001'", &t, SQL_C_NUMERIC, &n, 0, 0, &ind, &err), SQL_SUCCESS);
    assert_int_equal(n.sign, 0);
    assert_int_equal(numeric_low64(&n), 1);
}

static void numeric_truncates_beyond_scale_with_01s07(void **state)
{
    bc_sql_type t = fx_type(SQL_DECIMAL, 20, 4);
    SQL_NUMERIC_STRUCT n;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("'1.23456'", &t, SQL_C_NUMERIC, &n, 0, 0, &ind, &err),
                     SQL_SUCCESS_WITH_INFO);
    assert_string_equal(err.sqlstate, "01S07");
    assert_int_equal(numeric_low64(&n), 12345);
}

static void numeric_beyond_precision_fails_22003(void **state)
{
    bc_sql_type t = fx_type(SQL_DECIMAL, 6, 2);
    SQL_NUMERIC_STRUCT n;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("12345.6", &t, SQL_C_NUMERIC, &n, 0, 0, &ind, &err), SQL_ERROR);
    assert_string_equal(err.sqlstate, "22003");
    assert_int_equal(fx_conv("9999.99", &t, SQL_C_NUMERIC, &n, 0, 0, &ind, &err), SQL_SUCCESS);
    assert_int_equal(numeric_low64(&n), 999999);
}

static void numeric_of_integer_column_has_scale_zero(void **state)
{
    bc_sql_type t = fx_type(SQL_BIGINT, 19, 0);
    SQL_NUMERIC_STRUCT n;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("9223372036854775807", &t, SQL_C_NUMERIC, &n, 0, 0, &ind, &err),
                     SQL_SUCCESS);
    assert_int_equal(n.precision, 19);
    assert_int_equal(n.scale, 0);
    assert_true(numeric_low64(&n) == 9223372036854775807ULL);
}

static void timestamp_to_number_is_restricted_07006(void **state)
{
    bc_sql_type t = fx_type(SQL_TYPE_TIMESTAMP, 19, 0);
    SQLINTEGER l = 0;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("'2026-01-01 00:00:00'", &t, SQL_C_SLONG, &l, 0, 0, &ind, &err),
                     SQL_ERROR);
    assert_string_equal(err.sqlstate, "07006");
    assert_int_equal(fx_conv("x'01'", NULL, SQL_C_SLONG, &l, 0, 0, &ind, &err), SQL_ERROR);
    assert_string_equal(err.sqlstate, "07006");
}

static void second_getdata_of_fixed_value_is_no_data(void **state)
{
    SQLINTEGER l = 0;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("5", NULL, SQL_C_SLONG, &l, 0, 4, &ind, &err), SQL_NO_DATA);
}

static void binary_of_text_is_chunked_bytes(void **state)
{
    bc_sql_type t = fx_type(SQL_WVARCHAR, 255, 0);
    unsigned char buf[4];
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("'abcdef'", &t, SQL_C_BINARY, buf, sizeof buf, 0, &ind, &err),
                     SQL_SUCCESS_WITH_INFO);
    assert_string_equal(err.sqlstate, "01004");
    assert_int_equal(ind, 6);
    assert_memory_equal(buf, "abcd", 4);
    assert_int_equal(fx_conv("'abcdef'", &t, SQL_C_BINARY, buf, sizeof buf, 4, &ind, &err),
                     SQL_SUCCESS);
    assert_int_equal(ind, 2);
    assert_memory_equal(buf, "ef", 2);
    assert_int_equal(fx_conv("'abcdef'", &t, SQL_C_BINARY, buf, sizeof buf, 6, &ind, &err),
                     SQL_NO_DATA);
}

static void binary_of_integer_is_native_form_or_22003(void **state)
{
    bc_sql_type t = fx_type(SQL_INTEGER, 10, 0);
    unsigned char buf[8];
    SQLINTEGER l;
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("258", &t, SQL_C_BINARY, buf, sizeof buf, 0, &ind, &err), SQL_SUCCESS);
    assert_int_equal(ind, 4);
    memcpy(&l, buf, sizeof l);
    assert_int_equal(l, 258);
    assert_int_equal(fx_conv("258", &t, SQL_C_BINARY, buf, 2, 0, &ind, &err), SQL_ERROR);
    assert_string_equal(err.sqlstate, "22003");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(integer_storage_converts_to_every_integer_type),
        cmocka_unit_test(out_of_range_integer_fails_22003),
        cmocka_unit_test(real_to_integer_truncates_fraction_with_01s07),
        cmocka_unit_test(text_number_converts_and_garbage_fails_22018),
        cmocka_unit_test(float_and_double_targets),
        cmocka_unit_test(bit_accepts_0_1_truncates_between_and_rejects_others),
        cmocka_unit_test(bit_column_default_is_sql_c_bit),
        cmocka_unit_test(numeric_uses_column_precision_scale_and_sign),
        cmocka_unit_test(numeric_truncates_beyond_scale_with_01s07),
        cmocka_unit_test(numeric_beyond_precision_fails_22003),
        cmocka_unit_test(numeric_of_integer_column_has_scale_zero),
        cmocka_unit_test(timestamp_to_number_is_restricted_07006),
        cmocka_unit_test(second_getdata_of_fixed_value_is_no_data),
        cmocka_unit_test(binary_of_text_is_chunked_bytes),
        cmocka_unit_test(binary_of_integer_is_native_form_or_22003),
    };
    return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
