/* Unit tests of a scan's consistency checks (pager_check.c), on pagers that never send a
 * request: what contradicts the declared totals, duplicate keys, and when a scan may go on
 * by key. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "bc_api.h"
#include "api/pager_state.h"

static bc_api *api;

static int setup(void **state)
{
    bc_api_config cfg = {.base_url = "http://127.0.0.1:9", .store_hash = "s", .access_token = "t"};
    bc_error err;
    (void)state;
    bc_error_clear(&err);
    api = bc_api_new(&cfg, &err);
    return api == NULL;
}

static int teardown(void **state)
{
    (void)state;
    bc_api_free(api);
    return 0;
}

/* A v3 page of ids from..to with the given meta. */
static cJSON *v3_page(int from, int to, long total, long count, long per_page)
{
    cJSON *doc = cJSON_CreateObject(), *data = cJSON_AddArrayToObject(doc, "data");
    cJSON *pg = cJSON_AddObjectToObject(cJSON_AddObjectToObject(doc, "meta"), "pagination");
    for (int id = from; id <= to; id++) {
        cJSON *it = cJSON_CreateObject();
        cJSON_AddNumberToObject(it, "id", id);
        cJSON_AddItemToArray(data, it);
    }
    cJSON_AddNumberToObject(pg, "total", (double)total);
    cJSON_AddNumberToObject(pg, "count", (double)count);
    cJSON_AddNumberToObject(pg, "per_page", (double)per_page);
    return doc;
}

static bc_pager *v3_pager(void)
{
    bc_error err;
    bc_error_clear(&err);
    bc_pager *p = bc_pager_open(api, "/v3/catalog/products", NULL, BC_PAGING_V3, 0, &err);
    assert_non_null(p);
    assert_int_equal(bc_pager_set_key(p, "id"), 0);
    return p;
}

static void v3_pages_must_match_page_1s_totals(void **state)
{
    char why[256];
    bc_pager *p = v3_pager();
    cJSON *p1 = v3_page(1, 3, 7, 3, 3), *p2 = v3_page(4, 6, 7, 3, 3),
          *last = v3_page(7, 7, 7, 1, 3);
    cJSON *short2 = v3_page(4, 5, 7, 3, 3), *moved = v3_page(5, 7, 6, 3, 3),
          *early_end = v3_page(7, 6, 7, 0, 3);
    (void)state;
    bc_pager_declare(p, p1);
    assert_false(bc_pager_contradiction(p, 1, p1, why, sizeof why));
    assert_false(bc_pager_contradiction(p, 2, p2, why, sizeof why));
    assert_false(bc_pager_contradiction(p, 3, last, why, sizeof why));
    assert_true(bc_pager_contradiction(p, 2, short2, why, sizeof why)); /* count says 3 */
    assert_non_null(strstr(why, "page 2 holds 2 items"));
    assert_true(bc_pager_contradiction(p, 2, moved, why, sizeof why)); /* total changed */
    assert_non_null(strstr(why, "counts 6 items in all where page 1 counted 7"));
    assert_true(bc_pager_contradiction(p, 3, early_end, why, sizeof why)); /* 1 was due */
    cJSON_Delete(p1), cJSON_Delete(p2), cJSON_Delete(last), cJSON_Delete(short2);
    cJSON_Delete(moved), cJSON_Delete(early_end);
    bc_pager_close(p);
}

static void a_key_handed_out_twice_contradicts(void **state)
{
    char why[256];
    bc_pager *p = v3_pager();
    cJSON *p1 = v3_page(1, 3, 6, 3, 3), *again = v3_page(3, 5, 6, 3, 3);
    cJSON *inside = cJSON_Parse("[{\"id\":8},{\"id\":9},{\"id\":8}]");
    (void)state;
    bc_pager_declare(p, p1);
    assert_int_equal(bc_pager_remember(p, cJSON_GetObjectItem(p1, "data")), 0);
    assert_true(bc_pager_contradiction(p, 2, again, why, sizeof why));
    assert_non_null(strstr(why, "id 3 appears twice"));
    assert_true(bc_pager_contradiction(p, 0, inside, why, sizeof why));
    cJSON_Delete(p1), cJSON_Delete(again), cJSON_Delete(inside);
    bc_pager_close(p);
}

static void resuming_needs_ascending_keys_a_parameter_and_a_free_bound(void **state)
{
    bc_pager *p = v3_pager();
    cJSON *up = cJSON_Parse("[{\"id\":1},{\"id\":5}]"), *down = cJSON_Parse("[{\"id\":4}]");
    bc_error err;
    (void)state;
    assert_false(bc_pager_can_resume(p)); /* nothing handed out, no parameter */
    assert_int_equal(bc_pager_set_resume_param(p, "id:greater", false), 0);
    assert_int_equal(bc_pager_remember(p, up), 0);
    assert_true(bc_pager_can_resume(p));
    assert_int_equal(bc_pager_remember(p, down), 0); /* 4 after 5: not in key order */
    assert_false(bc_pager_can_resume(p));
    bc_pager_close(p);
    /* a query that bounds the key itself cannot take a second bound */
    bc_error_clear(&err);
    p = bc_pager_open(api, "/v2/orders", "min_id=3", BC_PAGING_V2, 0, &err);
    bc_pager_set_key(p, "id");
    bc_pager_set_resume_param(p, "min_id", true);
    assert_int_equal(bc_pager_remember(p, up), 0);
    assert_false(bc_pager_can_resume(p));
    bc_pager_close(p);
    cJSON_Delete(up), cJSON_Delete(down);
}

static void inconsistency_is_40001_naming_the_list(void **state)
{
    bc_pager *p = v3_pager();
    bc_error err;
    (void)state;
    bc_error_clear(&err);
    assert_int_equal(bc_pager_inconsistent(p, "page 2 holds 2 items", &err), -1);
    assert_string_equal(err.sqlstate, "40001");
    assert_non_null(strstr(err.message, "/v3/catalog/products"));
    assert_non_null(strstr(err.message, "run the query again"));
    bc_pager_close(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(v3_pages_must_match_page_1s_totals),
        cmocka_unit_test(a_key_handed_out_twice_contradicts),
        cmocka_unit_test(resuming_needs_ascending_keys_a_parameter_and_a_free_bound),
        cmocka_unit_test(inconsistency_is_40001_naming_the_list),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
