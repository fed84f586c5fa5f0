/*
 * The virtual tables against bc-sandbox: counts, id pushdown (one request for id = ? and
 * for an IN list), v2 single-object lookups, a parent-driven join, LIMIT caps (not MaxRows),
 * and JSON-to-value conversions. Skipped when the sandbox was not built.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <curl/curl.h>
#include "bc_catalog.h"
#include "bc_util.h"
#include "sandbox_launch.h"
#include "test_engine_common.h"

#ifdef BC_SANDBOX_PATH

static sandbox_child g_sandbox;
static char g_url[128];

static int start_sandbox(void **state)
{
    const char *argv[] = {BC_SANDBOX_PATH, "--products", "20",     "--orders", "10",
                          "--customers",   "5",          "--seed", "7",        NULL};

    (void)state;
    if (!sandbox_launch(&g_sandbox, argv, 10000))
        return -1;
    snprintf(g_url, sizeof g_url, "%s", g_sandbox.url);
    return 0;
}

static int stop_sandbox(void **state)
{
    (void)state;
    sandbox_halt(&g_sandbox);
    return 0;
}

static int setup(void **state)
{
    *state = fixture_open(g_url, "sandbox-token");
    return 0;
}

static int teardown(void **state)
{
    fixture_close(*state);
    return 0;
}

static long requests(void **state)
{
    return bc_api_request_count(((fixture *)*state)->api);
}

static size_t collect(char *p, size_t sz, size_t n, void *ud)
{
    bc_buf_append(ud, p, sz * n);
    return sz * n;
}

/* The sandbox's request log (method, path, query of every request) as text; clear it with
 * clear = true. Caller frees. */
static char *request_log(bool clear)
{
    CURL *c = curl_easy_init();
    char url[200];
    bc_buf b;

    bc_buf_init(&b);
    snprintf(url, sizeof url, "%s/__sandbox/requests", g_url);
    curl_easy_setopt(c, CURLOPT_URL, url);
    if (clear)
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "DELETE");
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
    assert_int_equal(curl_easy_perform(c), CURLE_OK);
    curl_easy_cleanup(c);
    return bc_buf_steal(&b);
}

static bc_engine *E(void **state)
{
    return ((fixture *)*state)->e;
}

static void count_products_pages_the_whole_table(void **state)
{
    assert_int_equal(query_int(E(state), "SELECT COUNT(*) FROM Products"), 20);
    assert_int_equal(query_int(E(state), "SELECT COUNT(*) FROM \"BigCommerce\".\"Orders\""), 10);
}

static void id_equals_makes_exactly_one_request(void **state)
{
    long before = requests(state);
    free(request_log(true));
    assert_int_equal(query_int(E(state), "SELECT id FROM Products WHERE id = 5"), 5);
    assert_int_equal(requests(state) - before, 1);
    char *log = request_log(false);
    assert_non_null(strstr(log, "/v3/catalog/products/5")); /* one id: the object path */
    free(log);
}

static void id_in_list_makes_one_request(void **state)
{
    long before = requests(state);
    free(request_log(true));
    assert_int_equal(query_int(E(state), "SELECT COUNT(*) FROM Products WHERE id IN (1, 2, 3)"), 3);
    assert_int_equal(requests(state) - before, 1);
    char *log = request_log(false);
    assert_non_null(strstr(log, "id:in=1,2,3"));
    free(log);
    assert_int_equal(query_int(E(state), "SELECT SUM(id) FROM Customers WHERE id IN (2, 4)"), 6);
}

static void v2_id_lookup_uses_the_object_path(void **state)
{
    long before = requests(state);
    assert_int_equal(query_int(E(state), "SELECT id FROM Orders WHERE id = 101"), 101);
    assert_int_equal(requests(state) - before, 1);
    before = requests(state);
    assert_int_equal(query_int(E(state), "SELECT COUNT(*) FROM Orders WHERE id IN (100, 102)"), 2);
    assert_int_equal(requests(state) - before, 2);
    assert_int_equal(query_int(E(state), "SELECT COUNT(*) FROM Orders WHERE id = 99999"), 0);
}

static void join_fetches_items_per_order(void **state)
{
    long before = requests(state), join_requests;
    long long n = query_int(E(state), "SELECT COUNT(*) FROM Orders o JOIN OrderItems i ON "
                                      "i.order_id = o.id");
    join_requests = requests(state) - before;
    /* The orders' pages (one, maybe an empty second) plus one request per order. */
    assert_true(join_requests >= 11 && join_requests <= 12);
    assert_true(n > 0);
    /* Written the other way round, SQLite still drives the items from the orders. */
    before = requests(state);
    assert_int_equal(query_int(E(state), "SELECT COUNT(*) FROM OrderItems i JOIN Orders o ON "
                                         "o.id = i.order_id"),
                     n);
    assert_true(requests(state) - before <= 12);
    /* Walking the parent without a join gives the same items. */
    assert_int_equal(query_int(E(state), "SELECT COUNT(*) FROM OrderItems"), n);
    before = requests(state);
    assert_true(query_int(E(state), "SELECT COUNT(*) FROM OrderItems WHERE order_id = 100") > 0);
    assert_int_equal(requests(state) - before, 1);
    assert_int_equal(query_int(E(state), "SELECT COUNT(*) FROM OrderItems WHERE order_id = 100 "
                                         "AND order_id <> 100"),
                     0);
}

/* A child view of a nested array (rows_path): rows come from the parent's response, one
 * request per order when the order id is given. Skipped when no such view is defined. */
static void nested_array_view_reads_the_parent_rows(void **state)
{
    if (bc_catalog_find("OrderItemOptionValues") == NULL)
        skip();
    long before = requests(state);
    long long n = query_int(E(state), "SELECT COUNT(*) FROM OrderItemOptionValues WHERE order_id "
                                      "IN (100, 101)");
    assert_int_equal(requests(state) - before, 2);
    assert_true(n >= 0);
    assert_int_equal(query_int(E(state), "SELECT COUNT(*) FROM OrderItemOptionValues v WHERE "
                                         "v.order_id = 100 AND v.order_product_id NOT IN (SELECT "
                                         "id FROM OrderItems WHERE order_id = 100)"),
                     0);
}

static void limit_caps_the_scan(void **state)
{
    long before = requests(state);
    char *log;

    free(request_log(true));
    assert_int_equal(query_int(E(state), "SELECT id FROM Products LIMIT 3"), 1);
    assert_int_equal(requests(state) - before, 1);
    log = request_log(false);
    free(request_log(true));
    assert_non_null(strstr(log, "limit=3"));
    free(log);
    /* LIMIT with OFFSET asks for both. */
    assert_int_equal(query_int(E(state), "SELECT id FROM Products LIMIT 2 OFFSET 5"), 6);
    log = request_log(false);
    free(request_log(true));
    assert_non_null(strstr(log, "limit=7"));
    free(log);
    /* A predicate SQLite must re-check makes the LIMIT useless as a cap. */
    assert_int_equal(query_int(E(state), "SELECT id FROM Products WHERE name LIKE '%' LIMIT 3"), 1);
    log = request_log(false);
    assert_null(strstr(log, "limit=3"));
    free(log);
}

/* MaxRows limits what a statement returns (core/), never what a scan reads: an aggregate or
 * a filter over a capped scan would give a wrong answer. */
static void max_rows_does_not_cap_a_scan(void **state)
{
    fixture *f = fixture_open(g_url, "sandbox-token");
    const char *count_all = "SELECT COUNT(*) FROM Products WHERE name LIKE '%'";
    int all = query_int(f->e, count_all);
    bc_error err;

    bc_engine_close(f->e);
    f->props.max_rows = 4;
    bc_error_clear(&err);
    f->e = bc_engine_open(f->api, &f->props, &f->cancel, &err);
    assert_non_null(f->e);
    assert_true(all > 4);
    assert_int_equal(query_int(f->e, count_all), all);
    fixture_close(f);
    (void)state;
}

static void values_are_converted_per_column_type(void **state)
{
    sqlite3_stmt *vm = NULL;
    sqlite3 *db = bc_engine_db(E(state));
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT date_created, total_inc_tax, is_deleted, "
                                        "is_email_opt_in, date_shipped, billing_address, "
                                        "customer_id, currency_code FROM Orders WHERE id = 100",
                                        -1, &vm, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(vm), SQLITE_ROW);
    const char *d = (const char *)sqlite3_column_text(vm, 0);
    assert_int_equal(strlen(d), 19);
    assert_int_equal(d[4], '-');
    assert_int_equal(d[10], ' ');
    assert_int_equal(sqlite3_column_type(vm, 1), SQLITE_FLOAT);
    assert_true(sqlite3_column_double(vm, 1) > 0);
    assert_int_equal(sqlite3_column_type(vm, 2), SQLITE_INTEGER);
    assert_int_equal(sqlite3_column_int(vm, 2), 0);
    assert_true(sqlite3_column_int(vm, 3) == 0 || sqlite3_column_int(vm, 3) == 1);
    if (sqlite3_column_type(vm, 4) != SQLITE_NULL)
        assert_int_equal(strlen((const char *)sqlite3_column_text(vm, 4)), 19);
    assert_int_equal(((const char *)sqlite3_column_text(vm, 5))[0], '{');
    assert_int_equal(sqlite3_column_type(vm, 6), SQLITE_INTEGER);
    assert_int_equal(strlen((const char *)sqlite3_column_text(vm, 7)), 3);
    sqlite3_finalize(vm);
    /* Dates compare as text, so range predicates work on the converted form. */
    assert_int_equal(query_int(E(state), "SELECT COUNT(*) FROM Orders WHERE date_created >= "
                                         "'2000-01-01' AND date_created < '2100-01-01'"),
                     10);
}

static void non_ascii_names_and_json_columns(void **state)
{
    sqlite3_stmt *vm = NULL;
    sqlite3 *db = bc_engine_db(E(state));
    int non_ascii = 0;
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT name, custom_url, price, is_visible, "
                                        "date_created FROM Products",
                                        -1, &vm, NULL),
                     SQLITE_OK);
    while (sqlite3_step(vm) == SQLITE_ROW) {
        const unsigned char *name = sqlite3_column_text(vm, 0);
        for (const unsigned char *p = name; *p; p++)
            if (*p >= 0x80)
                non_ascii = 1;
        assert_int_equal(sqlite3_column_text(vm, 1)[0], '{');
        assert_int_equal(sqlite3_column_type(vm, 2), SQLITE_FLOAT);
        assert_int_equal(sqlite3_column_type(vm, 3), SQLITE_INTEGER);
        assert_int_equal(strlen((const char *)sqlite3_column_text(vm, 4)), 19);
    }
    assert_true(non_ascii);
    sqlite3_finalize(vm);
}

static void repeated_lookup_in_one_statement_is_served_once(void **state)
{
    long before = requests(state);
    /* Two subqueries ask for the same product: one request, the second from the
     * statement's response cache. */
    assert_int_equal(query_int(E(state), "SELECT (SELECT COUNT(*) FROM Products WHERE id = 5) + "
                                         "(SELECT SUM(id) FROM Products WHERE id = 5)"),
                     6);
    assert_int_equal(requests(state) - before, 1);
    /* A new statement starts with an empty cache. */
    before = requests(state);
    assert_int_equal(query_int(E(state), "SELECT id FROM Products WHERE id = 5"), 5);
    assert_int_equal(requests(state) - before, 1);
}

static void several_filters_and_bounds_share_one_request(void **state)
{
    long before = requests(state);
    free(request_log(true));
    assert_int_equal(query_int(E(state), "SELECT COUNT(*) FROM Coupons WHERE id >= 2 AND id < 4"),
                     2);
    assert_int_equal(requests(state) - before, 1);
    char *log = request_log(false);
    assert_non_null(strstr(log, "min_id=2&max_id=4"));
    free(log);
}

static void wrong_token_fails_with_28000(void **state)
{
    fixture *f = fixture_open(g_url, "wrong-token");
    sqlite3_stmt *vm = NULL;
    bc_error err;
    bc_error_clear(&err);
    assert_int_equal(
        sqlite3_prepare_v2(bc_engine_db(f->e), "SELECT * FROM Customers", -1, &vm, NULL),
        SQLITE_OK);
    assert_int_equal(sqlite3_step(vm), SQLITE_ERROR);
    assert_true(bc_engine_take_error(f->e, &err));
    assert_string_equal(err.sqlstate, "28000");
    assert_null(strstr(err.message, "wrong-token"));
    sqlite3_finalize(vm);
    fixture_close(f);
    (void)state;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(count_products_pages_the_whole_table, setup, teardown),
        cmocka_unit_test_setup_teardown(id_equals_makes_exactly_one_request, setup, teardown),
        cmocka_unit_test_setup_teardown(id_in_list_makes_one_request, setup, teardown),
        cmocka_unit_test_setup_teardown(v2_id_lookup_uses_the_object_path, setup, teardown),
        cmocka_unit_test_setup_teardown(join_fetches_items_per_order, setup, teardown),
        cmocka_unit_test_setup_teardown(nested_array_view_reads_the_parent_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(limit_caps_the_scan, setup, teardown),
        cmocka_unit_test_setup_teardown(max_rows_does_not_cap_a_scan, setup, teardown),
        cmocka_unit_test_setup_teardown(values_are_converted_per_column_type, setup, teardown),
        cmocka_unit_test_setup_teardown(non_ascii_names_and_json_columns, setup, teardown),
        cmocka_unit_test_setup_teardown(wrong_token_fails_with_28000, setup, teardown),
        cmocka_unit_test_setup_teardown(repeated_lookup_in_one_statement_is_served_once, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(several_filters_and_bounds_share_one_request, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, start_sandbox, stop_sandbox);
}

#else

int main(void)
{
    return 0; /* no sandbox in this build: nothing to run against */
}

#endif
