/* Unit tests of the pager's pure parts: response shapes, page arithmetic, cursors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "api/pager_internal.h"

static int first_id(const cJSON *items)
{
    return cJSON_GetObjectItem(cJSON_GetArrayItem(items, 0), "id")->valueint;
}

static void bare_array_items_are_the_array(void **state)
{
    cJSON *items, *own = bc_pager_items(cJSON_Parse("[{\"id\":1},{\"id\":2}]"), &items);
    (void)state;
    assert_ptr_equal(own, items);
    assert_int_equal(cJSON_GetArraySize(items), 2);
    cJSON_Delete(own);
}

static void data_array_items_are_inside_the_envelope(void **state)
{
    cJSON *items,
        *own = bc_pager_items(
            cJSON_Parse("{\"data\":[{\"id\":7}],\"meta\":{\"pagination\":{\"total_pages\":3}}}"),
            &items);
    (void)state;
    assert_int_equal(cJSON_GetArraySize(items), 1);
    assert_int_equal(first_id(items), 7);
    cJSON_Delete(own);
}

static void single_objects_are_wrapped_as_one_item(void **state)
{
    cJSON *items, *own = bc_pager_items(cJSON_Parse("{\"id\":5,\"name\":\"store\"}"), &items);
    (void)state;
    assert_int_equal(cJSON_GetArraySize(items), 1);
    assert_int_equal(first_id(items), 5);
    cJSON_Delete(own);
    own = bc_pager_items(cJSON_Parse("{\"data\":{\"id\":9},\"meta\":{}}"), &items);
    assert_int_equal(cJSON_GetArraySize(items), 1);
    assert_int_equal(first_id(items), 9);
    cJSON_Delete(own);
}

static void null_document_and_null_data_have_no_items(void **state)
{
    cJSON *items = (cJSON *)1;
    (void)state;
    assert_null(bc_pager_items(NULL, &items));
    assert_null(items);
    cJSON_Delete(bc_pager_items(cJSON_Parse("{\"data\":null}"), &items));
    assert_null(items);
}

static void total_pages_read_from_meta_or_one(void **state)
{
    cJSON *d = cJSON_Parse("{\"data\":[],\"meta\":{\"pagination\":{\"total\":600,\"count\":250,"
                           "\"per_page\":250,\"current_page\":1,\"total_pages\":3}}}");
    (void)state;
    assert_int_equal(bc_pager_total_pages(d), 3);
    cJSON_Delete(d);
    d = cJSON_Parse("{\"data\":[]}");
    assert_int_equal(bc_pager_total_pages(d), 1);
    cJSON_Delete(d);
}

static void limit_is_page_size_or_smaller_max_rows(void **state)
{
    (void)state;
    assert_int_equal(bc_pager_limit(250, 0), 250);
    assert_int_equal(bc_pager_limit(250, 10), 10);
    assert_int_equal(bc_pager_limit(100, 1000), 100);
}

static void last_page_stops_early_for_max_rows(void **state)
{
    (void)state;
    assert_int_equal(bc_pager_last_page(10, 0, 250), 10);
    assert_int_equal(bc_pager_last_page(10, 300, 250), 2);
    assert_int_equal(bc_pager_last_page(10, 250, 250), 1);
    assert_int_equal(bc_pager_last_page(2, 5000, 250), 2);
}

static void truncate_cuts_to_remaining_rows(void **state)
{
    cJSON *a = cJSON_Parse("[1,2,3,4,5]");
    (void)state;
    bc_pager_truncate(a, 0, 0);
    assert_int_equal(cJSON_GetArraySize(a), 5);
    bc_pager_truncate(a, 7, 4);
    assert_int_equal(cJSON_GetArraySize(a), 3);
    assert_int_equal(cJSON_GetArrayItem(a, 2)->valueint, 3);
    bc_pager_truncate(a, 7, 9);
    assert_int_equal(cJSON_GetArraySize(a), 0);
    cJSON_Delete(a);
}

static void next_cursor_comes_from_links_next(void **state)
{
    cJSON *d = cJSON_Parse("{\"meta\":{\"cursor_pagination\":{\"count\":5,\"per_page\":5,"
                           "\"end_cursor\":\"END\",\"links\":{\"next\":"
                           "\"?limit=5&after=eyJpZCI6IjIzNzU1NyJ9\"}}}}");
    char *c = bc_pager_next_cursor(d);
    (void)state;
    assert_string_equal(c, "eyJpZCI6IjIzNzU1NyJ9");
    free(c);
    cJSON_Delete(d);
}

static void next_cursor_falls_back_to_end_cursor(void **state)
{
    cJSON *d = cJSON_Parse("{\"meta\":{\"cursor_pagination\":{\"end_cursor\":\"a=b\","
                           "\"links\":{\"next\":\"?limit=5\"}}}}");
    char *c = bc_pager_next_cursor(d);
    (void)state;
    assert_string_equal(c, "a%3Db");
    free(c);
    cJSON_Delete(d);
}

static void no_next_link_means_last_cursor_page(void **state)
{
    cJSON *d = cJSON_Parse("{\"meta\":{\"cursor_pagination\":{\"end_cursor\":\"E\","
                           "\"links\":{\"previous\":\"?before=x\"}}}}");
    (void)state;
    assert_null(bc_pager_next_cursor(d));
    cJSON_Delete(d);
    assert_null(bc_pager_next_cursor(NULL));
}

static void next_cursor_falls_back_to_pagination_links_next(void **state)
{
    /* The channel-listings endpoint: no cursor_pagination, the after= rides in the ordinary
     * pagination block's next link. */
    cJSON *d = cJSON_Parse("{\"meta\":{\"pagination\":{\"count\":2,\"per_page\":2,"
                           "\"links\":{\"next\":\"?limit=2&after=MTIz\",\"current\":"
                           "\"?limit=2\"}}}}");
    cJSON *last = cJSON_Parse("{\"meta\":{\"pagination\":{\"count\":1,\"per_page\":2,"
                              "\"links\":{\"current\":\"?limit=2&after=MTIz\"}}}}");
    char *c = bc_pager_next_cursor(d);
    (void)state;
    assert_string_equal(c, "MTIz");
    free(c);
    assert_null(bc_pager_next_cursor(last));
    cJSON_Delete(d);
    cJSON_Delete(last);
}

static int pages_of(const char *json, long limit)
{
    cJSON *doc = cJSON_Parse(json);
    int n = bc_pager_pages_of_count(doc, limit);
    cJSON_Delete(doc);
    return n;
}

static void count_of_orders_gives_whole_pages(void **state)
{
    (void)state;
    assert_int_equal(pages_of("{\"count\":1000,\"statuses\":[]}", 250), 4);
    assert_int_equal(pages_of("{\"count\":1001}", 250), 5);
    assert_int_equal(pages_of("{\"count\":250}", 250), 1);
    assert_int_equal(pages_of("{\"count\":7}", 2), 4);
}

static void count_below_a_full_page_or_missing_is_unusable(void **state)
{
    (void)state;
    assert_int_equal(pages_of("{\"count\":249}", 250), -1);
    assert_int_equal(pages_of("{\"count\":\"1000\"}", 250), -1);
    assert_int_equal(pages_of("{\"total\":1000}", 250), -1);
    assert_int_equal(pages_of("[]", 250), -1);
    assert_int_equal(bc_pager_pages_of_count(NULL, 250), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bare_array_items_are_the_array),
        cmocka_unit_test(data_array_items_are_inside_the_envelope),
        cmocka_unit_test(single_objects_are_wrapped_as_one_item),
        cmocka_unit_test(null_document_and_null_data_have_no_items),
        cmocka_unit_test(total_pages_read_from_meta_or_one),
        cmocka_unit_test(limit_is_page_size_or_smaller_max_rows),
        cmocka_unit_test(last_page_stops_early_for_max_rows),
        cmocka_unit_test(truncate_cuts_to_remaining_rows),
        cmocka_unit_test(next_cursor_comes_from_links_next),
        cmocka_unit_test(next_cursor_falls_back_to_end_cursor),
        cmocka_unit_test(no_next_link_means_last_cursor_page),
        cmocka_unit_test(next_cursor_falls_back_to_pagination_links_next),
        cmocka_unit_test(count_of_orders_gives_whole_pages),
        cmocka_unit_test(count_below_a_full_page_or_missing_is_unusable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
