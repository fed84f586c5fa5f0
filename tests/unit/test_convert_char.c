/* SQL -> SQL_C_CHAR / SQL_C_WCHAR: formatting, truncation, chunked SQLGetData reads. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include "convert_fixture.h"
#include "bc_odbc_text.h"
#include "bc_util.h"

static void char_of_text_copies_and_terminates(void **state)
{
    bc_sql_type t = fx_type(SQL_WVARCHAR, 255, 0);
    char buf[32];
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("'hello'", &t, SQL_C_CHAR, buf, sizeof buf, 0, &ind, &err),
                     SQL_SUCCESS);
    assert_string_equal(buf, "hello");
    assert_int_equal(ind, 5);
    assert_false(bc_error_is_set(&err));
}

static void char_truncates_with_01004_and_full_length(void **state)
{
    bc_sql_type t = fx_type(SQL_WVARCHAR, 255, 0);
    char buf[4];
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("'abcdefgh'", &t, SQL_C_CHAR, buf, sizeof buf, 0, &ind, &err),
                     SQL_SUCCESS_WITH_INFO);
    assert_string_equal(buf, "abc");
    assert_int_equal(ind, 8);
    assert_string_equal(err.sqlstate, "01004");
}

static void char_truncation_keeps_utf8_characters_whole(void **state)
{
    bc_sql_type t = fx_type(SQL_WVARCHAR, 255, 0);
    char buf[6];
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    /* '東京都' = 9 bytes; 5 bytes of room hold one 3-byte character */
    assert_int_equal(fx_conv("'\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD'", &t, SQL_C_CHAR, buf,
                             sizeof buf, 0, &ind, &err),
                     SQL_SUCCESS_WITH_INFO);
    assert_string_equal(buf, "\xE6\x9D\xB1");
    assert_int_equal(ind, 9);
}

static void wchar_of_text_returns_utf16_byte_length(void **state)
{
    bc_sql_type t = fx_type(SQL_WVARCHAR, 255, 0);
    SQLWCHAR buf[16];
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(
        fx_conv("'a\xF0\x9F\x98\x80'", &t, SQL_C_WCHAR, buf, sizeof buf, 0, &ind, &err),
        SQL_SUCCESS);
    assert_int_equal(ind, 3 * (SQLLEN)sizeof(SQLWCHAR));
    assert_int_equal(buf[0], 'a');
    assert_int_equal(buf[1], 0xD83D);
    assert_int_equal(buf[2], 0xDE00);
    assert_int_equal(buf[3], 0);
}

/* The SQLGetData loop of an application: read value in chunks of chunk_units - 1 characters
 * until SQL_NO_DATA, checking every length; returns the UTF-16 text read (caller frees). */
static SQLWCHAR *read_wchar_in_chunks(sqlite3_value *value, const bc_sql_type *t,
                                      size_t chunk_units, size_t want_n, size_t *got_n)
{
    bc_cell cell = {value, t};
    SQLWCHAR *chunk = malloc(chunk_units * sizeof(SQLWCHAR));
    SQLWCHAR *got = calloc(want_n + 1, sizeof(SQLWCHAR));
    SQLLEN offset = 0, ind, consumed;
    bc_error err;
    SQLRETURN rc;

    *got_n = 0;
    for (;;) {
        bc_error_clear(&err);
        rc = bc_convert_to_c(&cell, SQL_C_WCHAR, chunk, (SQLLEN)(chunk_units * sizeof(SQLWCHAR)),
                             offset, &ind, &consumed, &err);
        if (rc == SQL_NO_DATA)
            break;
        assert_true(rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO);
        assert_int_equal(ind, (SQLLEN)((want_n - *got_n) * sizeof(SQLWCHAR)));
        if (rc == SQL_SUCCESS_WITH_INFO)
            assert_string_equal(err.sqlstate, "01004");
        assert_true(*got_n + (size_t)consumed / sizeof(SQLWCHAR) <= want_n);
        memcpy(got + *got_n, chunk, (size_t)consumed);
        *got_n += (size_t)consumed / sizeof(SQLWCHAR);
        offset += consumed;
        assert_true(consumed > 0);
    }
    free(chunk);
    return got;
}

/* 100,000 characters mixing ASCII, CJK and emoji (125,000 UTF-16 units), read with
 * buffers whose sizes fall inside surrogate pairs, must come back exactly. */
static void wchar_chunked_reads_reproduce_a_long_value(void **state)
{
    bc_sql_type t = fx_type(SQL_WLONGVARCHAR, 2147483647, 0);
    static const size_t chunk_units[] = {4097, 1001, 256};
    sqlite3_value *v;
    SQLWCHAR *want, *got;
    size_t want_n = 0, got_n = 0;

    (void)state;
    v = fx_value("(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                 "WHERE i < 25000) SELECT group_concat('a\xE6\x9D\xB1"
                 "\xF0\x9F\x98\x80z', '') FROM n)");
    want = bc_utf8_to_utf16((const char *)sqlite3_value_text(v), (size_t)sqlite3_value_bytes(v),
                            &want_n);
    assert_int_equal(want_n, 125000);
    for (size_t i = 0; i < sizeof chunk_units / sizeof chunk_units[0]; i++) {
        got = read_wchar_in_chunks(v, &t, chunk_units[i], want_n, &got_n);
        assert_int_equal(got_n, want_n);
        assert_memory_equal(got, want, want_n * sizeof(SQLWCHAR));
        free(got);
    }
    sqlite3_value_free(v);
    free(want);
}

/* Tiny buffers: every size from 2 units, so a pair is sometimes split only when nothing
 * else fits, and the reader still advances. */
static void wchar_tiny_chunks_still_make_progress(void **state)
{
    bc_sql_type t = fx_type(SQL_WVARCHAR, 255, 0);
    sqlite3_value *v = fx_value("'x\xF0\x9F\x98\x80\xE6\x9D\xB1\xF0\x9F\x98\x80y'");
    SQLWCHAR *want, *got;
    size_t want_n = 0, got_n = 0;

    (void)state;
    want = bc_utf8_to_utf16((const char *)sqlite3_value_text(v), (size_t)sqlite3_value_bytes(v),
                            &want_n);
    for (size_t units = 2; units < 9; units++) {
        got = read_wchar_in_chunks(v, &t, units, want_n, &got_n);
        assert_int_equal(got_n, want_n);
        assert_memory_equal(got, want, want_n * sizeof(SQLWCHAR));
        free(got);
    }
    sqlite3_value_free(v);
    free(want);
}

static void char_chunked_reads_reproduce_the_bytes(void **state)
{
    bc_sql_type t = fx_type(SQL_WLONGVARCHAR, 2147483647, 0);
    bc_cell cell;
    char chunk[5], got[512] = "";
    SQLLEN offset = 0, ind, consumed;
    bc_error err;
    SQLRETURN rc;
    const char *text;

    (void)state;
    cell.value = fx_value("'Gr\xC3\xBC\xC3\x9F"
                          "e aus \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80!'");
    cell.type = &t;
    text = (const char *)sqlite3_value_text(cell.value);
    while ((rc = bc_convert_to_c(&cell, SQL_C_CHAR, chunk, sizeof chunk, offset, &ind, &consumed,
                                 &err)) != SQL_NO_DATA) {
        assert_int_equal(ind, (SQLLEN)strlen(text) - offset);
        strncat(got, chunk, (size_t)consumed);
        offset += consumed;
    }
    assert_string_equal(got, text);
    sqlite3_value_free(cell.value);
}

static void decimal_renders_with_column_scale(void **state)
{
    bc_sql_type t = fx_type(SQL_DECIMAL, 20, 4);
    char buf[32];
    SQLWCHAR wbuf[32];
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    fx_conv("12.34", &t, SQL_C_CHAR, buf, sizeof buf, 0, &ind, &err);
    assert_string_equal(buf, "12.3400");
    assert_int_equal(ind, 7);
    fx_conv("5", &t, SQL_C_CHAR, buf, sizeof buf, 0, &ind, &err);
    assert_string_equal(buf, "5.0000");
    fx_conv("-0.5", &t, SQL_C_WCHAR, wbuf, sizeof wbuf, 0, &ind, &err);
    assert_int_equal(ind, 7 * (SQLLEN)sizeof(SQLWCHAR));
    assert_int_equal(wbuf[0], '-');
    assert_int_equal(wbuf[6], '0');
}

static void numbers_render_in_shortest_form(void **state)
{
    bc_sql_type dbl = fx_type(SQL_DOUBLE, 15, 0);
    char buf[32];
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    fx_conv("0.1", &dbl, SQL_C_CHAR, buf, sizeof buf, 0, &ind, &err);
    assert_string_equal(buf, "0.1");
    fx_conv("1.0/3", &dbl, SQL_C_CHAR, buf, sizeof buf, 0, &ind, &err);
    assert_string_equal(buf, "0.3333333333333333");
    /* expression column: no type, integer storage */
    fx_conv("count(*) FROM (SELECT 1 UNION ALL SELECT 2)", NULL, SQL_C_CHAR, buf, sizeof buf, 0,
            &ind, &err);
    assert_string_equal(buf, "2");
}

static void number_into_small_buffer_truncates_fraction_or_fails_22003(void **state)
{
    bc_sql_type t = fx_type(SQL_DECIMAL, 20, 4);
    char buf[5];
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    /* "123.4500": whole digits fit in 5 bytes, fraction is cut: 01004 */
    assert_int_equal(fx_conv("123.45", &t, SQL_C_CHAR, buf, sizeof buf, 0, &ind, &err),
                     SQL_SUCCESS_WITH_INFO);
    assert_string_equal(err.sqlstate, "01004");
    assert_string_equal(buf, "123.");
    /* "12345.0000": the whole digits do not fit: 22003 */
    assert_int_equal(fx_conv("12345", &t, SQL_C_CHAR, buf, sizeof buf, 0, &ind, &err), SQL_ERROR);
    assert_string_equal(err.sqlstate, "22003");
}

static void timestamp_into_short_buffer_fails_22003(void **state)
{
    bc_sql_type ts = fx_type(SQL_TYPE_TIMESTAMP, 19, 0);
    char buf[19];
    char ok[20];
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(
        fx_conv("'2026-01-02 03:04:05'", &ts, SQL_C_CHAR, buf, sizeof buf, 0, &ind, &err),
        SQL_ERROR);
    assert_string_equal(err.sqlstate, "22003");
    assert_int_equal(
        fx_conv("'2026-01-02 03:04:05'", &ts, SQL_C_CHAR, ok, sizeof ok, 0, &ind, &err),
        SQL_SUCCESS);
    assert_string_equal(ok, "2026-01-02 03:04:05");
}

static void blob_renders_as_hex(void **state)
{
    char buf[16];
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    fx_conv("x'00A1ff'", NULL, SQL_C_CHAR, buf, sizeof buf, 0, &ind, &err);
    assert_string_equal(buf, "00A1FF");
    assert_int_equal(ind, 6);
}

static void null_sets_indicator_or_fails_22002(void **state)
{
    char buf[8];
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("NULL", NULL, SQL_C_CHAR, buf, sizeof buf, 0, &ind, &err),
                     SQL_SUCCESS);
    assert_int_equal(ind, SQL_NULL_DATA);
    assert_int_equal(fx_conv("NULL", NULL, SQL_C_SLONG, buf, sizeof buf, 0, NULL, &err), SQL_ERROR);
    assert_string_equal(err.sqlstate, "22002");
}

static void zero_length_buffer_reports_length_only(void **state)
{
    bc_sql_type t = fx_type(SQL_WVARCHAR, 255, 0);
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("'abc'", &t, SQL_C_WCHAR, NULL, 0, 0, &ind, &err),
                     SQL_SUCCESS_WITH_INFO);
    assert_int_equal(ind, 6);
}

static void empty_string_then_no_data(void **state)
{
    bc_sql_type t = fx_type(SQL_WVARCHAR, 255, 0);
    char buf[4] = "xyz";
    SQLLEN ind = 99;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("''", &t, SQL_C_CHAR, buf, sizeof buf, 0, &ind, &err), SQL_SUCCESS);
    assert_string_equal(buf, "");
    assert_int_equal(ind, 0);
    assert_int_equal(fx_conv("'ab'", &t, SQL_C_CHAR, buf, sizeof buf, 2, &ind, &err), SQL_NO_DATA);
}

static void default_c_type_follows_sql_type(void **state)
{
    (void)state;
    assert_int_equal(bc_default_c_type(SQL_WVARCHAR), SQL_C_WCHAR);
    assert_int_equal(bc_default_c_type(SQL_DECIMAL), SQL_C_CHAR);
    assert_int_equal(bc_default_c_type(SQL_INTEGER), SQL_C_SLONG);
    assert_int_equal(bc_default_c_type(SQL_BIGINT), SQL_C_SBIGINT);
    assert_int_equal(bc_default_c_type(SQL_BIT), SQL_C_BIT);
    assert_int_equal(bc_default_c_type(SQL_DOUBLE), SQL_C_DOUBLE);
    assert_int_equal(bc_default_c_type(SQL_TYPE_TIMESTAMP), SQL_C_TYPE_TIMESTAMP);
    assert_int_equal(bc_c_type_size(SQL_C_SLONG), 4);
    assert_int_equal(bc_c_type_size(SQL_C_TYPE_TIMESTAMP), sizeof(SQL_TIMESTAMP_STRUCT));
    assert_int_equal(bc_c_type_size(SQL_C_CHAR), 0);
}

static void default_target_of_wvarchar_is_wchar(void **state)
{
    bc_sql_type t = fx_type(SQL_WVARCHAR, 255, 0);
    SQLWCHAR buf[8];
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    fx_conv("'hi'", &t, SQL_C_DEFAULT, buf, sizeof buf, 0, &ind, &err);
    assert_int_equal(ind, 4);
    assert_int_equal(buf[0], 'h');
    assert_int_equal(buf[2], 0);
}

static void unknown_c_type_fails_hy003(void **state)
{
    char buf[8];
    SQLLEN ind = 0;
    bc_error err;

    (void)state;
    assert_int_equal(fx_conv("1", NULL, 12345, buf, sizeof buf, 0, &ind, &err), SQL_ERROR);
    assert_string_equal(err.sqlstate, "HY003");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(char_of_text_copies_and_terminates),
        cmocka_unit_test(char_truncates_with_01004_and_full_length),
        cmocka_unit_test(char_truncation_keeps_utf8_characters_whole),
        cmocka_unit_test(wchar_of_text_returns_utf16_byte_length),
        cmocka_unit_test(wchar_chunked_reads_reproduce_a_long_value),
        cmocka_unit_test(wchar_tiny_chunks_still_make_progress),
        cmocka_unit_test(char_chunked_reads_reproduce_the_bytes),
        cmocka_unit_test(decimal_renders_with_column_scale),
        cmocka_unit_test(numbers_render_in_shortest_form),
        cmocka_unit_test(number_into_small_buffer_truncates_fraction_or_fails_22003),
        cmocka_unit_test(timestamp_into_short_buffer_fails_22003),
        cmocka_unit_test(blob_renders_as_hex),
        cmocka_unit_test(null_sets_indicator_or_fails_22002),
        cmocka_unit_test(zero_length_buffer_reports_length_only),
        cmocka_unit_test(empty_string_then_no_data),
        cmocka_unit_test(default_c_type_follows_sql_type),
        cmocka_unit_test(default_target_of_wvarchar_is_wchar),
        cmocka_unit_test(unknown_c_type_fails_hy003),
    };
    return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
