/* Numbers from JSON that do not fit a C integer: converted without undefined behaviour
 * (found by the fuzzers; UBSan's float-cast-overflow check catches a regression). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <math.h>
#include <string.h>
#include "bc_auth.h"
#include "bc_util.h"
#include "auth/auth_internal.h"

static void double_to_ll_saturates_and_maps_nan_to_zero(void **state)
{
    (void)state;
    assert_int_equal(bc_double_to_ll(42.9), 42);
    assert_int_equal(bc_double_to_ll(-42.9), -42);
    assert_true(bc_double_to_ll(1e300) == LLONG_MAX);
    assert_true(bc_double_to_ll(-1e300) == LLONG_MIN);
    assert_true(bc_double_to_ll(9223372036854775808.0) == LLONG_MAX);
    assert_int_equal(bc_double_to_ll(NAN), 0);
}

static void token_with_huge_expires_in_never_expires(void **state)
{
    bc_token t;
    bc_error err;

    (void)state;
    memset(&t, 0, sizeof t);
    bc_error_clear(&err);
    assert_int_equal(bc_oauth_parse_token_response(
                         200, "{\"access_token\":\"a\",\"expires_in\":1e300}", 1000, &t, &err),
                     0);
    assert_true(t.expires_at == 0);
    bc_token_free(&t);
}

static void token_with_normal_expires_in_expires_then(void **state)
{
    bc_token t;
    bc_error err;

    (void)state;
    memset(&t, 0, sizeof t);
    bc_error_clear(&err);
    assert_int_equal(bc_oauth_parse_token_response(
                         200, "{\"access_token\":\"a\",\"expires_in\":3600}", 1000, &t, &err),
                     0);
    assert_true(t.expires_at == 4600);
    bc_token_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(double_to_ll_saturates_and_maps_nan_to_zero),
        cmocka_unit_test(token_with_huge_expires_in_never_expires),
        cmocka_unit_test(token_with_normal_expires_in_expires_then),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
