/* UTF-8 <-> UTF-16 conversions and truncation into application buffers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "bc_odbc_text.h"
#include "bc_util.h"

/* "Zürich 東京 😀": 2-, 3- and 4-byte UTF-8 sequences. */
static const char mixed[] = "Z\xC3\xBCrich \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80";

static void utf8_to_utf16_round_trips_cjk_and_emoji(void **state)
{
    size_t units = 0, back_len = 0;
    SQLWCHAR *w;
    char *back;

    (void)state;
    w = bc_utf8_to_utf16(mixed, strlen(mixed), &units);
    assert_non_null(w);
    /* Z ü r i c h ' ' 東 京 ' ' + surrogate pair = 12 units */
    assert_int_equal(units, 12);
    assert_int_equal(w[1], 0x00FC);
    assert_int_equal(w[7], 0x6771);
    assert_int_equal(w[10], 0xD83D);
    assert_int_equal(w[11], 0xDE00);
    assert_int_equal(w[12], 0);
    back = bc_utf16_to_utf8(w, SQL_NTS, &back_len);
    assert_non_null(back);
    assert_int_equal(back_len, strlen(mixed));
    assert_string_equal(back, mixed);
    free(w);
    free(back);
}

static void utf16_units_counts_surrogate_pairs(void **state)
{
    (void)state;
    assert_int_equal(bc_utf8_utf16_units(mixed, strlen(mixed)), 12);
    assert_int_equal(bc_utf8_utf16_units("", 0), 0);
    assert_int_equal(bc_utf8_utf16_units("\xF0\x9F\x98\x80", 4), 2);
}

static void utf16_with_explicit_length_stops_there(void **state)
{
    SQLWCHAR w[] = {'a', 'b', 'c', 'd', 0};
    size_t n = 0;
    char *s = bc_utf16_to_utf8(w, 2, &n);

    (void)state;
    assert_string_equal(s, "ab");
    assert_int_equal(n, 2);
    free(s);
    assert_null(bc_utf16_to_utf8(NULL, SQL_NTS, NULL));
}

static void invalid_utf8_becomes_replacement_character(void **state)
{
    /* lone continuation, overlong '/', truncated 3-byte sequence, encoded surrogate */
    const char bad[] = "a\x80"
                       "b\xC0\xAF"
                       "c\xE6\x9D"
                       "d\xED\xA0\x80";
    size_t units = 0;
    SQLWCHAR *w = bc_utf8_to_utf16(bad, strlen(bad), &units);

    (void)state;
    /* each byte that starts no valid sequence is one U+FFFD; decoding resumes after it */
    const SQLWCHAR want[] = {'a',    0xFFFD, 'b', 0xFFFD, 0xFFFD, 'c',
                             0xFFFD, 0xFFFD, 'd', 0xFFFD, 0xFFFD, 0xFFFD};
    assert_non_null(w);
    assert_int_equal(units, sizeof want / sizeof want[0]);
    assert_memory_equal(w, want, sizeof want);
    free(w);
}

static void lone_surrogates_become_replacement_character(void **state)
{
    SQLWCHAR w[] = {0xD83D, 'x', 0xDE00, 0};
    char *s = bc_utf16_to_utf8(w, SQL_NTS, NULL);

    (void)state;
    assert_string_equal(s, "\xEF\xBF\xBDx\xEF\xBF\xBD");
    free(s);
}

static void wbuf_truncates_before_a_surrogate_pair(void **state)
{
    SQLWCHAR buf[16];
    bool trunc = false;
    /* "ab😀": 4 units; a 4-unit buffer holds 3 units + NUL, so the pair must not be split */
    size_t total = bc_utf8_to_wbuf("ab\xF0\x9F\x98\x80", 6, buf, 4 * sizeof(SQLWCHAR), &trunc);

    (void)state;
    assert_int_equal(total, 4);
    assert_true(trunc);
    assert_int_equal(buf[0], 'a');
    assert_int_equal(buf[1], 'b');
    assert_int_equal(buf[2], 0);
    total = bc_utf8_to_wbuf("ab\xF0\x9F\x98\x80", 6, buf, 5 * sizeof(SQLWCHAR), &trunc);
    assert_int_equal(total, 4);
    assert_false(trunc);
    assert_int_equal(buf[3], 0xDE00);
    assert_int_equal(buf[4], 0);
}

static void wbuf_odd_byte_capacity_uses_whole_units(void **state)
{
    SQLWCHAR buf[4] = {0x1111, 0x1111, 0x1111, 0x1111};
    bool trunc = false;
    size_t total = bc_utf8_to_wbuf("abc", 3, buf, 5, &trunc);

    (void)state;
    assert_int_equal(total, 3);
    assert_true(trunc);
    assert_int_equal(buf[0], 'a');
    assert_int_equal(buf[1], 0);
    assert_int_equal(buf[2], 0x1111);
}

static void cbuf_truncates_on_a_utf8_boundary(void **state)
{
    SQLCHAR buf[8];
    bool trunc = false;
    /* "東京" is 6 bytes; 5 bytes of room (cap 6) fit only the first character */
    size_t total = bc_utf8_to_cbuf("\xE6\x9D\xB1\xE4\xBA\xAC", 6, buf, 6, &trunc);

    (void)state;
    assert_int_equal(total, 6);
    assert_true(trunc);
    assert_string_equal((char *)buf, "\xE6\x9D\xB1");
    total = bc_utf8_to_cbuf("\xE6\x9D\xB1\xE4\xBA\xAC", 6, buf, 7, &trunc);
    assert_false(trunc);
    assert_string_equal((char *)buf, "\xE6\x9D\xB1\xE4\xBA\xAC");
    /* zero capacity: nothing written, length still reported */
    total = bc_utf8_to_cbuf("abc", 3, NULL, 0, &trunc);
    assert_int_equal(total, 3);
    assert_true(trunc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_to_utf16_round_trips_cjk_and_emoji),
        cmocka_unit_test(utf16_units_counts_surrogate_pairs),
        cmocka_unit_test(utf16_with_explicit_length_stops_there),
        cmocka_unit_test(invalid_utf8_becomes_replacement_character),
        cmocka_unit_test(lone_surrogates_become_replacement_character),
        cmocka_unit_test(wbuf_truncates_before_a_surrogate_pair),
        cmocka_unit_test(wbuf_odd_byte_capacity_uses_whole_units),
        cmocka_unit_test(cbuf_truncates_on_a_utf8_boundary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
