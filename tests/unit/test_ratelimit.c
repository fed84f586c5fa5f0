/* Unit tests of the per-store rate limiter: the decision with a fake clock, header folding,
 * the process-wide registry, and the give-up rule. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "api/ratelimit.h"

static bc_ratelimit_state fresh(void)
{
    bc_ratelimit_state s = {-1, -1, -1, 0, 0};
    return s;
}

static bc_http_response headers(long status, long left, long reset_ms)
{
    bc_http_response r;
    bc_http_response_init(&r);
    r.status = status;
    r.rl_requests_left = left;
    r.rl_requests_quota = 150;
    r.rl_time_reset_ms = reset_ms;
    r.rl_time_window_ms = 30000;
    return r;
}

static void unknown_quota_never_waits(void **state)
{
    bc_ratelimit_state s = fresh();
    (void)state;
    assert_int_equal(bc_ratelimit_wait_ms(&s, 1000), 0);
}

static void requests_left_means_no_wait(void **state)
{
    bc_ratelimit_state s = fresh();
    bc_http_response r = headers(200, 10, 5000);
    (void)state;
    bc_ratelimit_state_update(&s, &r, 1000);
    assert_int_equal(s.requests_left, 10);
    assert_int_equal(s.quota, 150);
    assert_int_equal(s.window_ms, 30000);
    assert_int_equal(s.reset_at_ms, 6000);
    assert_int_equal(bc_ratelimit_wait_ms(&s, 1000), 0);
}

static void stale_higher_count_of_same_window_is_ignored(void **state)
{
    bc_ratelimit_state s = fresh();
    bc_http_response served_last = headers(200, 0, 2000);
    bc_http_response served_first = headers(200, 3, 2300);
    bc_http_response next_window = headers(200, 149, 30000);
    (void)state;
    /* Pages collected in page order, but the store answered page 3 before page 2. */
    bc_ratelimit_state_update(&s, &served_last, 1000);
    bc_ratelimit_state_update(&s, &served_first, 1010);
    assert_int_equal(s.requests_left, 0);
    assert_true(bc_ratelimit_wait_ms(&s, 1010) > 0);
    /* Once the window has reset, a new count is taken as it comes. */
    bc_ratelimit_state_update(&s, &next_window, 4000);
    assert_int_equal(s.requests_left, 149);
}

static void spent_quota_waits_until_window_resets(void **state)
{
    bc_ratelimit_state s = fresh();
    bc_http_response r = headers(200, 0, 2500);
    (void)state;
    bc_ratelimit_state_update(&s, &r, 10000);
    assert_int_equal(bc_ratelimit_wait_ms(&s, 10000), 2500);
    assert_int_equal(bc_ratelimit_wait_ms(&s, 11000), 1500);
    assert_int_equal(bc_ratelimit_wait_ms(&s, 12500), 0);
}

static void in_flight_requests_count_against_what_is_left(void **state)
{
    bc_ratelimit_state s = fresh();
    bc_http_response r = headers(200, 3, 1000);
    (void)state;
    bc_ratelimit_state_update(&s, &r, 0);
    s.in_flight = 2;
    assert_int_equal(bc_ratelimit_wait_ms(&s, 0), 0);
    s.in_flight = 3;
    assert_int_equal(bc_ratelimit_wait_ms(&s, 0), 1000);
}

/* Once the window has reset, the whole quota may go, but not more than it at once. */
static void new_window_admits_the_quota_in_flight_not_more(void **state)
{
    bc_ratelimit_state s = fresh();
    bc_http_response r = headers(200, 0, 1000);
    (void)state;
    bc_ratelimit_state_update(&s, &r, 0); /* quota 150, none left until 1000 */
    s.in_flight = 149;
    assert_int_equal(bc_ratelimit_wait_ms(&s, 1000), 0);
    s.in_flight = 150;
    assert_true(bc_ratelimit_wait_ms(&s, 1000) > 0);
}

static void status_429_marks_quota_spent_for_reset_ms(void **state)
{
    bc_ratelimit_state s = fresh();
    bc_http_response r = headers(429, 7, 300);
    (void)state;
    bc_ratelimit_state_update(&s, &r, 100);
    assert_int_equal(s.requests_left, 0);
    assert_int_equal(bc_ratelimit_wait_ms(&s, 100), 300);
    assert_int_equal(bc_ratelimit_429_wait_ms(&r), 300);
}

static void status_429_without_reset_uses_retry_after_then_backoff(void **state)
{
    bc_http_response r;
    (void)state;
    bc_http_response_init(&r);
    r.status = 429;
    assert_int_equal(bc_ratelimit_429_wait_ms(&r), BC_HTTP_BACKOFF_MS);
    r.retry_after_s = 2;
    assert_int_equal(bc_ratelimit_429_wait_ms(&r), 2000);
}

static void response_without_headers_changes_nothing(void **state)
{
    bc_ratelimit_state s = fresh();
    bc_http_response r;
    (void)state;
    bc_http_response_init(&r);
    r.status = 200;
    bc_ratelimit_state_update(&s, &r, 5);
    assert_int_equal(s.requests_left, -1);
    assert_int_equal(s.reset_at_ms, 0);
}

static void one_limiter_per_base_url_and_store(void **state)
{
    bc_ratelimit *a = bc_ratelimit_get("http://x", "store1");
    bc_ratelimit *b = bc_ratelimit_get("http://x", "store1");
    bc_ratelimit *c = bc_ratelimit_get("http://x", "store2");
    bc_ratelimit *d = bc_ratelimit_get("http://y", "store1");
    (void)state;
    assert_non_null(a);
    assert_ptr_equal(a, b);
    assert_ptr_not_equal(a, c);
    assert_ptr_not_equal(a, d);
}

static void acquire_and_release_track_in_flight(void **state)
{
    bc_ratelimit *rl = bc_ratelimit_get("http://inflight", "s");
    bc_http_response r = headers(200, 1, 60000);
    bc_error e;
    (void)state;
    bc_error_clear(&e);
    assert_int_equal(bc_ratelimit_acquire(rl, NULL, &e), 0);
    assert_int_equal(bc_ratelimit_snapshot(rl).in_flight, 1);
    bc_ratelimit_release(rl, &r);
    assert_int_equal(bc_ratelimit_snapshot(rl).in_flight, 0);
    assert_int_equal(bc_ratelimit_snapshot(rl).requests_left, 1);
    assert_true(bc_ratelimit_try_acquire(rl));  /* the one request left */
    assert_false(bc_ratelimit_try_acquire(rl)); /* would exceed the quota */
    bc_ratelimit_release(rl, NULL);
}

static void wait_longer_than_the_cap_is_hyt00(void **state)
{
    bc_ratelimit *rl = bc_ratelimit_get("http://capped", "s");
    bc_http_response r = headers(200, 0, BC_RATE_LIMIT_MAX_WAIT_MS + 5000);
    bc_error e;
    long long t0;
    (void)state;
    assert_int_equal(bc_ratelimit_acquire(rl, NULL, &e), 0);
    bc_ratelimit_release(rl, &r);
    bc_error_clear(&e);
    t0 = bc_now_ms();
    assert_int_equal(bc_ratelimit_acquire(rl, NULL, &e), -1);
    assert_string_equal(e.sqlstate, "HYT00");
    assert_true(bc_now_ms() - t0 < 1000); /* gives up at once instead of sleeping */
}

static void short_wait_is_slept_then_admitted(void **state)
{
    bc_ratelimit *rl = bc_ratelimit_get("http://short", "s");
    bc_http_response r = headers(200, 0, 150);
    bc_error e;
    long long t0;
    (void)state;
    bc_error_clear(&e);
    assert_int_equal(bc_ratelimit_acquire(rl, NULL, &e), 0);
    bc_ratelimit_release(rl, &r);
    t0 = bc_now_ms();
    assert_int_equal(bc_ratelimit_acquire(rl, NULL, &e), 0);
    assert_true(bc_now_ms() - t0 >= 100);
    bc_ratelimit_release(rl, NULL);
}

static void cancel_during_wait_is_hy008(void **state)
{
    bc_ratelimit *rl = bc_ratelimit_get("http://cancel", "s");
    bc_http_response r = headers(200, 0, 5000);
    volatile int cancel = 1;
    bc_error e;
    (void)state;
    bc_error_clear(&e);
    assert_int_equal(bc_ratelimit_acquire(rl, NULL, &e), 0);
    bc_ratelimit_release(rl, &r);
    assert_int_equal(bc_ratelimit_acquire(rl, &cancel, &e), -1);
    assert_string_equal(e.sqlstate, "HY008");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unknown_quota_never_waits),
        cmocka_unit_test(requests_left_means_no_wait),
        cmocka_unit_test(spent_quota_waits_until_window_resets),
        cmocka_unit_test(new_window_admits_the_quota_in_flight_not_more),
        cmocka_unit_test(in_flight_requests_count_against_what_is_left),
        cmocka_unit_test(status_429_marks_quota_spent_for_reset_ms),
        cmocka_unit_test(status_429_without_reset_uses_retry_after_then_backoff),
        cmocka_unit_test(response_without_headers_changes_nothing),
        cmocka_unit_test(one_limiter_per_base_url_and_store),
        cmocka_unit_test(acquire_and_release_track_in_flight),
        cmocka_unit_test(wait_longer_than_the_cap_is_hyt00),
        cmocka_unit_test(short_wait_is_slept_then_admitted),
        cmocka_unit_test(cancel_during_wait_is_hy008),
        cmocka_unit_test(stale_higher_count_of_same_window_is_ignored),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
