/* RFC 2822 and ISO 8601 parsing to UTC, formatting and validity. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"

static void expect_utc(const char *text, const char *want)
{
    bc_timestamp t;
    char out[20];

    if (bc_time_parse(text, &t) != 0)
        fail_msg("did not parse: %s", text);
    bc_time_format(&t, out);
    assert_string_equal(out, want);
}

static void rfc2822_utc_parses_unchanged(void **state)
{
    (void)state;
    expect_utc("Tue, 20 Nov 2012 00:00:00 +0000", "2012-11-20 00:00:00");
    expect_utc("Mon, 5 Jan 2026 13:45:10 +0000", "2026-01-05 13:45:10");
    expect_utc("20 Nov 2012 00:00:00 GMT", "2012-11-20 00:00:00");
}

static void rfc2822_negative_offset_moves_forward_to_utc(void **state)
{
    (void)state;
    /* 21:30 at -0500 is 02:30 UTC the next day, across a month end */
    expect_utc("Sat, 31 Jan 2026 21:30:00 -0500", "2026-02-01 02:30:00");
    expect_utc("Wed, 31 Dec 2025 23:00:00 EST", "2026-01-01 04:00:00");
}

static void rfc2822_positive_offset_moves_back_to_utc(void **state)
{
    (void)state;
    expect_utc("Sun, 1 Mar 2024 01:00:00 +0200", "2024-02-29 23:00:00");
}

static void iso8601_z_and_offsets_convert_to_utc(void **state)
{
    (void)state;
    expect_utc("2012-11-20T00:00:00+00:00", "2012-11-20 00:00:00");
    expect_utc("2026-03-15T10:20:30Z", "2026-03-15 10:20:30");
    expect_utc("2026-03-15T10:20:30-05:00", "2026-03-15 15:20:30");
    expect_utc("2026-03-15T01:20:30+0530", "2026-03-14 19:50:30");
    expect_utc("2026-03-15 10:20:30", "2026-03-15 10:20:30");
    expect_utc("2026-03-15", "2026-03-15 00:00:00");
}

static void unix_seconds_text_converts_to_utc(void **state)
{
    (void)state;
    expect_utc("1672670738", "2023-01-02 14:45:38");
    expect_utc("0", "1970-01-01 00:00:00");
    expect_utc("951782400", "2000-02-29 00:00:00");
}

static void iso8601_fraction_is_kept_in_nanoseconds(void **state)
{
    bc_timestamp t;

    (void)state;
    assert_int_equal(bc_time_parse("2026-03-15T10:20:30.123Z", &t), 0);
    assert_int_equal(t.second, 30);
    assert_int_equal(t.fraction, 123000000u);
    assert_int_equal(bc_time_parse("2026-03-15T10:20:30.123456789123+01:00", &t), 0);
    assert_int_equal(t.hour, 9);
    assert_int_equal(t.fraction, 123456789u);
}

static void malformed_dates_are_rejected(void **state)
{
    bc_timestamp t;
    const char *bad[] = {"",
                         "yesterday",
                         "2026-13-01",
                         "2026-02-30",
                         "2025-02-29T00:00:00Z",
                         "2026-01-01T25:00:00Z",
                         "2026-01-01T10:00:00+99:00",
                         "2026-01-01T10:00:00 junk",
                         "Tue, 20 Foo 2012 00:00:00 +0000",
                         "Tue, 20 Nov 2012 00:00:00 +00x0",
                         "167267073x",
                         "-1672670738",
                         "123456789012",
                         NULL};

    (void)state;
    for (int i = 0; bad[i] != NULL; i++)
        if (bc_time_parse(bad[i], &t) == 0)
            fail_msg("accepted: '%s'", bad[i]);
    assert_int_equal(bc_time_parse(NULL, &t), -1);
}

static void leap_day_is_valid_only_in_leap_years(void **state)
{
    bc_timestamp t = {2024, 2, 29, 0, 0, 0, 0};

    (void)state;
    assert_true(bc_time_valid(&t));
    t.year = 2100;
    assert_false(bc_time_valid(&t));
    t.year = 2000;
    assert_true(bc_time_valid(&t));
}

static void monotonic_clock_advances_across_sleep(void **state)
{
    long long a = bc_now_ms();

    (void)state;
    bc_sleep_ms(20);
    assert_true(bc_now_ms() - a >= 20);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rfc2822_utc_parses_unchanged),
        cmocka_unit_test(rfc2822_negative_offset_moves_forward_to_utc),
        cmocka_unit_test(rfc2822_positive_offset_moves_back_to_utc),
        cmocka_unit_test(iso8601_z_and_offsets_convert_to_utc),
        cmocka_unit_test(unix_seconds_text_converts_to_utc),
        cmocka_unit_test(iso8601_fraction_is_kept_in_nanoseconds),
        cmocka_unit_test(malformed_dates_are_rejected),
        cmocka_unit_test(leap_day_is_valid_only_in_leap_years),
        cmocka_unit_test(monotonic_clock_advances_across_sleep),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
