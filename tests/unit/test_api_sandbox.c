/*
 * The REST client against bc-sandbox, started as a child process: paging, retries, 429
 * handling, malformed bodies, token and connection errors. Skipped (one passing placeholder)
 * when the build has no sandbox.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bc_api.h"
#include "bc_defaults.h"
#include "bc_util.h"

#ifdef BC_SANDBOX_PATH
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test_api_sandbox_child.h"

#define STORE "teststore"
#define TOKEN "sandbox-token-123"

static sb_child sb;

static int start(void **state)
{
    (void)state;
    return sb_child_start(&sb, BC_SANDBOX_PATH, STORE, TOKEN, "--products 600 --orders 120");
}

static int stop(void **state)
{
    (void)state;
    sb_child_stop(&sb);
    return 0;
}

static bc_api *api_token(const char *base, const char *token, int page_size)
{
    bc_api_config cfg = {.base_url = base,
                         .store_hash = STORE,
                         .access_token = token,
                         .page_size = page_size,
                         .http = {.timeout_s = 20, .connect_timeout_s = 5}};
    bc_error e;
    bc_api *a;
    bc_error_clear(&e);
    a = bc_api_new(&cfg, &e);
    assert_non_null(a);
    return a;
}

/* Read every page; returns the item count and checks ids ascend. */
static long drain(bc_pager *p, bc_error *e, int *rc_out)
{
    cJSON *items;
    long n = 0;
    double last = -1;
    int rc;
    while ((rc = bc_pager_next(p, &items, e)) == 1) {
        const cJSON *it;
        cJSON_ArrayForEach(it, items)
        {
            const cJSON *id = cJSON_GetObjectItem(it, "id");
            assert_true(cJSON_IsNumber(id));
            assert_true(id->valuedouble > last);
            last = id->valuedouble;
            n++;
        }
    }
    *rc_out = rc;
    return n;
}

/* One paged scan: what is asked, and what reading it to the end must give. */
typedef struct scan_case {
    const char *path, *query;
    bc_paging paging;
    int page_size;
    long max_rows;
    long rows;     /* items read, ids ascending */
    long requests; /* counted by the client and by the sandbox's log alike */
} scan_case;

static const scan_case v3_three_full_pages = {
    "/v3/catalog/products", NULL, BC_PAGING_V3, 250, 0, 600, 3};
/* max_rows lowers the limit to 30 and stops after one page */
static const scan_case v3_max_rows_one_small_page = {
    "/v3/catalog/products", NULL, BC_PAGING_V3, 250, 30, 30, 1};
/* pages 2..12 come through the fetch-ahead window, still handed out in order */
static const scan_case v3_small_pages_in_order = {
    "/v3/catalog/products", NULL, BC_PAGING_V3, 50, 0, 600, 12};
/* 120 orders by 50: pages of 50, 50, 20; the short page ends it without a 204 */
static const scan_case v2_short_page_ends = {
    "/v2/orders", "sort=id:asc", BC_PAGING_V2, 50, 0, 120, 3};
/* 120 orders by 60: 60, 60, then the 204 */
static const scan_case v2_exact_multiple_ends_at_204 = {"/v2/orders", NULL, BC_PAGING_V2, 60, 0,
                                                        120,          3};

static void scan_reads_every_row_in_the_expected_requests(void **state)
{
    const scan_case *c = *state;
    bc_api *a = api_token(sb.base_url, TOKEN, c->page_size);
    bc_error e;
    bc_pager *p;
    int rc;

    sb_child_clear_log(&sb);
    bc_error_clear(&e);
    p = bc_pager_open(a, c->path, c->query, c->paging, c->max_rows, &e);
    assert_non_null(p);
    assert_int_equal(drain(p, &e, &rc), c->rows);
    assert_int_equal(rc, 0);
    assert_int_equal(bc_api_request_count(a), c->requests);
    assert_int_equal(sb_child_request_count(&sb, c->path), c->requests);
    bc_pager_close(p);
    bc_api_free(a);
}

/* A named cmocka test running one scan_case. */
#define SCAN_TEST(c)                                                                               \
    {                                                                                              \
#c, scan_reads_every_row_in_the_expected_requests, NULL, NULL, (void *)&(c)                \
    }

static void store_object_is_one_row(void **state)
{
    bc_api *a = api_token(sb.base_url, TOKEN, 250);
    bc_error e;
    cJSON *items;
    bc_pager *p;
    (void)state;
    bc_error_clear(&e);
    p = bc_pager_open(a, "/v2/store", NULL, BC_PAGING_NONE, 0, &e);
    assert_int_equal(bc_pager_next(p, &items, &e), 1);
    assert_int_equal(cJSON_GetArraySize(items), 1);
    assert_int_equal(bc_pager_next(p, &items, &e), 0);
    bc_pager_close(p);
    bc_api_free(a);
}

static void missing_parent_child_path_is_zero_rows(void **state)
{
    bc_api *a = api_token(sb.base_url, TOKEN, 250);
    bc_error e;
    cJSON *items;
    bc_pager *p;
    (void)state;
    bc_error_clear(&e);
    p = bc_pager_open(a, "/v2/orders/99999999/products", NULL, BC_PAGING_V2, 0, &e);
    assert_int_equal(bc_pager_next(p, &items, &e), 0);
    assert_false(bc_error_is_set(&e));
    bc_pager_close(p);
    bc_api_free(a);
}

/* One GET of /v3/catalog/brands after a fault is armed in the sandbox. */
typedef struct get_case {
    const char *fault;    /* JSON for /__sandbox/faults */
    int rc;               /* of bc_api_get */
    const char *sqlstate; /* when rc is -1 */
    const char *message;  /* a part of the message, when rc is -1 */
    long requests;        /* the client sent, retries included */
} get_case;

static const get_case server_error_twice_is_retried = {"{\"status\":500,\"count\":2}", 0, NULL,
                                                       NULL, 3};
static const get_case rate_limited_waits_and_retries = {
    "{\"status\":429,\"count\":1,\"reset_ms\":300}", 0, NULL, NULL, 2};
static void get_after_fault_gives_the_expected_outcome(void **state)
{
    const get_case *c = *state;
    bc_api *a = api_token(sb.base_url, TOKEN, 250);
    cJSON *out = NULL;
    long status = 0;
    bc_error e;

    sb_child_fault(&sb, c->fault);
    bc_error_clear(&e);
    assert_int_equal(bc_api_get(a, "/v3/catalog/brands", &out, &status, &e), c->rc);
    if (c->rc == 0) {
        assert_int_equal(status, 200);
        assert_non_null(cJSON_GetObjectItem(out, "data"));
    } else {
        assert_null(out);
        assert_string_equal(e.sqlstate, c->sqlstate);
        assert_non_null(strstr(e.message, c->message));
    }
    assert_int_equal(bc_api_request_count(a), c->requests);
    cJSON_Delete(out);
    bc_api_free(a);
}

#define GET_TEST(c)                                                                                \
    {                                                                                              \
#c, get_after_fault_gives_the_expected_outcome, NULL, NULL, (void *)&(c)                   \
    }

static void post_is_not_retried_on_server_error(void **state)
{
    bc_api *a = api_token(sb.base_url, TOKEN, 250);
    cJSON *out = NULL, *body = cJSON_Parse("{\"name\":\"x\"}");
    bc_error e;
    (void)state;
    sb_child_fault(&sb, "{\"status\":500,\"count\":1}");
    bc_error_clear(&e);
    assert_int_equal(bc_api_request(a, "POST", "/v3/catalog/brands", body, &out, NULL, &e), -1);
    assert_string_equal(e.sqlstate, "08S01");
    assert_int_equal(e.native, 500);
    assert_int_equal(bc_api_request_count(a), 1);
    cJSON_Delete(body);
    bc_api_free(a);
}

/* A damaged 200 body is retried like a 5xx: once damaged, the retry answers. */
static void malformed_json_once_is_retried(void **state)
{
    bc_api *a = api_token(sb.base_url, TOKEN, 250);
    cJSON *out = NULL;
    bc_error e;
    (void)state;
    sb_child_fault(&sb, "{\"malformed\":true,\"count\":1}");
    bc_error_clear(&e);
    assert_int_equal(bc_api_get(a, "/v3/catalog/brands", &out, NULL, &e), 0);
    assert_true(cJSON_IsObject(out));
    assert_int_equal(bc_api_request_count(a), 2);
    cJSON_Delete(out);
    bc_api_free(a);
}

/* Damaged every time: 08S01 after as many attempts as a GET gets after a 5xx, nothing cached
 * (the next GET of the same path goes to the network). */
static void malformed_json_every_time_is_an_error(void **state)
{
    bc_api *a = api_token(sb.base_url, TOKEN, 250);
    cJSON *out = NULL;
    bc_error e;
    (void)state;
    bc_api_cache_begin(a);
    sb_child_fault(&sb, "{\"malformed\":true,\"count\":9}");
    bc_error_clear(&e);
    assert_int_equal(bc_api_get(a, "/v3/catalog/brands", &out, NULL, &e), -1);
    assert_null(out);
    assert_string_equal(e.sqlstate, "08S01");
    assert_non_null(strstr(e.message, "damaged response"));
    assert_int_equal(bc_api_request_count(a), 1 + BC_HTTP_MAX_READ_RETRIES);
    bc_error_clear(&e);
    assert_int_equal(bc_api_get(a, "/v3/catalog/brands", &out, NULL, &e), 0);
    assert_int_equal(bc_api_request_count(a), 2 + BC_HTTP_MAX_READ_RETRIES);
    cJSON_Delete(out);
    bc_api_free(a);
}

static void wrong_token_is_28000_without_the_token(void **state)
{
    bc_api *a = api_token(sb.base_url, "wrong-token-xyz", 250);
    bc_error e;
    (void)state;
    bc_error_clear(&e);
    assert_int_equal(bc_api_ping(a, &e), -1);
    assert_string_equal(e.sqlstate, "28000");
    assert_int_equal(e.native, 401);
    assert_null(strstr(e.message, "wrong-token-xyz"));
    bc_api_free(a);
}

static void right_token_ping_is_one_request(void **state)
{
    bc_api *a = api_token(sb.base_url, TOKEN, 250);
    bc_error e;
    (void)state;
    sb_child_clear_log(&sb);
    bc_error_clear(&e);
    assert_int_equal(bc_api_ping(a, &e), 0);
    assert_int_equal(sb_child_request_count(&sb, "/v2/store"), 1);
    bc_api_free(a);
}

static void nothing_listening_is_08001(void **state)
{
    char base[64];
    bc_api *a;
    bc_error e;
    (void)state;
    snprintf(base, sizeof base, "http://127.0.0.1:%d", sb_child_free_port());
    a = api_token(base, TOKEN, 250);
    bc_error_clear(&e);
    assert_int_equal(bc_api_ping(a, &e), -1);
    assert_string_equal(e.sqlstate, "08001");
    bc_api_free(a);
}

static void rate_limit_wait_beyond_cap_is_hyt00(void **state)
{
    bc_api *a = api_token(sb.base_url, TOKEN, 250);
    cJSON *out = NULL;
    bc_error e;
    long long t0;
    (void)state;
    sb_child_fault(&sb, "{\"status\":429,\"count\":1,\"reset_ms\":600000}");
    bc_error_clear(&e);
    t0 = bc_now_ms();
    assert_int_equal(bc_api_get(a, "/v3/catalog/brands", &out, NULL, &e), -1);
    assert_string_equal(e.sqlstate, "HYT00");
    assert_true(bc_now_ms() - t0 < 2000);
    bc_api_free(a);
    /* Runs last: this process's limiter for the sandbox store now holds the 10-minute wait,
     * exactly as it would for a real store. */
}

static void *cancel_later(void *flag)
{
    bc_sleep_ms(200);
    *(volatile int *)flag = 1;
    return NULL;
}

static void cancel_flag_aborts_a_slow_request_with_hy008(void **state)
{
    volatile int cancel = 0;
    bc_api_config cfg = {.base_url = sb.base_url,
                         .store_hash = STORE,
                         .access_token = TOKEN,
                         .http = {.timeout_s = 20, .cancel_flag = &cancel}};
    bc_error e;
    bc_api *a;
    cJSON *out = NULL;
    pthread_t th;
    long long t0;
    (void)state;
    bc_error_clear(&e);
    a = bc_api_new(&cfg, &e);
    sb_child_fault(&sb, "{\"delay_ms\":3000,\"count\":1}");
    pthread_create(&th, NULL, cancel_later, (void *)&cancel);
    t0 = bc_now_ms();
    assert_int_equal(bc_api_get(a, "/v3/catalog/brands", &out, NULL, &e), -1);
    pthread_join(th, NULL);
    assert_string_equal(e.sqlstate, "HY008");
    assert_true(bc_now_ms() - t0 < 2500);
    bc_api_free(a);
    bc_sleep_ms(3000); /* let the sandbox finish the delayed reply before the next test */
}

static void slow_response_beyond_timeout_is_hyt00(void **state)
{
    bc_api_config cfg = {.base_url = sb.base_url,
                         .store_hash = STORE,
                         .access_token = TOKEN,
                         .http = {.timeout_s = 1}};
    bc_error e;
    bc_api *a;
    cJSON *out = NULL;
    (void)state;
    bc_error_clear(&e);
    a = bc_api_new(&cfg, &e);
    sb_child_fault(&sb, "{\"delay_ms\":2500,\"count\":1}");
    assert_int_equal(bc_api_get(a, "/v3/catalog/brands", &out, NULL, &e), -1);
    assert_string_equal(e.sqlstate, "HYT00");
    bc_api_free(a);
    bc_sleep_ms(2000);
}

static void small_quota_is_paced_without_429s(void **state)
{
    sb_child tight = {0};
    bc_api *a;
    bc_error e;
    bc_pager *p;
    int rc;
    (void)state;
    assert_int_equal(sb_child_start(&tight, BC_SANDBOX_PATH, STORE, TOKEN,
                                    "--products 600 --rate-limit-quota 4 "
                                    "--rate-limit-window-ms 400"),
                     0);
    a = api_token(tight.base_url, TOKEN, 50);
    bc_error_clear(&e);
    p = bc_pager_open(a, "/v3/catalog/products", NULL, BC_PAGING_V3, 0, &e);
    assert_int_equal(drain(p, &e, &rc), 600);
    assert_int_equal(rc, 0);
    /* 12 pages, no request repeated: the limiter never let one hit the 429. */
    assert_int_equal(bc_api_request_count(a), 12);
    assert_int_equal(sb_child_request_count(&tight, "/v3/catalog/products"), 12);
    bc_pager_close(p);
    bc_api_free(a);
    sb_child_stop(&tight);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        SCAN_TEST(v3_three_full_pages),
        SCAN_TEST(v3_max_rows_one_small_page),
        SCAN_TEST(v3_small_pages_in_order),
        SCAN_TEST(v2_short_page_ends),
        SCAN_TEST(v2_exact_multiple_ends_at_204),
        cmocka_unit_test(store_object_is_one_row),
        cmocka_unit_test(missing_parent_child_path_is_zero_rows),
        GET_TEST(server_error_twice_is_retried),
        GET_TEST(rate_limited_waits_and_retries),
        cmocka_unit_test(post_is_not_retried_on_server_error),
        cmocka_unit_test(malformed_json_once_is_retried),
        cmocka_unit_test(malformed_json_every_time_is_an_error),
        cmocka_unit_test(wrong_token_is_28000_without_the_token),
        cmocka_unit_test(right_token_ping_is_one_request),
        cmocka_unit_test(nothing_listening_is_08001),
        cmocka_unit_test(cancel_flag_aborts_a_slow_request_with_hy008),
        cmocka_unit_test(slow_response_beyond_timeout_is_hyt00),
        cmocka_unit_test(small_quota_is_paced_without_429s),
        cmocka_unit_test(rate_limit_wait_beyond_cap_is_hyt00),
    };
    return cmocka_run_group_tests(tests, start, stop);
}

#else

static void sandbox_not_built_skips(void **state)
{
    (void)state;
    skip();
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(sandbox_not_built_skips)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}

#endif
