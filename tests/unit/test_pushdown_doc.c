/* bc_engine_pushdown_terms: the README's "WHERE terms sent to the API" come from the planner,
 * so a nested view lists what its parent's path takes, a v2 id lookup its id path, and a
 * column without an API filter nothing. No server: planning sends no request. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "bc_catalog.h"
#include "bc_engine.h"

static bc_props props;
static volatile int cancel_flag;
static bc_engine *engine;

static int open_engine(void **state)
{
    bc_error err;

    (void)state;
    bc_props_init(&props);
    bc_error_clear(&err);
    engine = bc_engine_open(NULL, &props, &cancel_flag, &err);
    return engine != NULL ? 0 : -1;
}

static int close_engine(void **state)
{
    (void)state;
    bc_engine_close(engine);
    bc_props_free(&props);
    return 0;
}

static char *terms_of(const char *table)
{
    const bc_table_def *t = bc_catalog_find(table);
    char *s;

    assert_non_null(t);
    s = bc_engine_pushdown_terms(engine, t);
    assert_non_null(s);
    return s;
}

static void nested_view_lists_its_parents_path(void **state)
{
    char *s = terms_of("ProductOptionValues");
    (void)state;
    assert_string_equal(s, "`product_id =`/`IN` (path)");
    free(s);
}

/* entry stands in s as a whole entry of the list (not inside a longer one). */
static bool lists(const char *s, const char *entry)
{
    size_t n = strlen(entry);

    for (const char *p = strstr(s, entry); p != NULL; p = strstr(p + 1, entry))
        if ((p == s || strncmp(p - 2, ", ", 2) == 0) && (p[n] == '\0' || p[n] == ','))
            return true;
    return false;
}

static void v2_list_lists_id_path_and_integer_bounds(void **state)
{
    char *s = terms_of("Orders");
    (void)state;
    assert_true(lists(s, "`id =`/`IN` (`/v2/orders/{id}`)"));
    assert_true(lists(s, "`id >=` (`min_id`)"));
    assert_true(lists(s, "`id <=` (`max_id`)"));
    assert_true(lists(s, "`customer_id IN` (`customer_id`, a request per value)"));
    assert_true(lists(s, "`ORDER BY date_created` (`sort=date_created`)"));
    /* status has no API filter: an equality on it is answered by the driver. */
    assert_null(strstr(s, "`status "));
    assert_null(strstr(s, "(path)"));
    free(s);
}

static void v3_list_lists_its_filters(void **state)
{
    char *s = terms_of("Products");
    (void)state;
    assert_true(lists(s, "`id =`/`IN` (`id:in`)"));
    assert_true(lists(s, "`sku IN` (`sku:in`)"));
    assert_true(lists(s, "`ORDER BY id` (`sort=id`)"));
    assert_null(strstr(s, "`name "));
    assert_null(strstr(s, "(path)"));
    free(s);
}

static void like_prefix_lists_the_like_filter(void **state)
{
    char *s = terms_of("Brands");
    (void)state;
    assert_true(lists(s, "`name LIKE` (`name:like`)"));
    /* No LIKE filter on an integer column, whatever range SQLite derives from the prefix. */
    assert_null(strstr(s, "`id LIKE"));
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nested_view_lists_its_parents_path),
        cmocka_unit_test(v2_list_lists_id_path_and_integer_bounds),
        cmocka_unit_test(v3_list_lists_its_filters),
        cmocka_unit_test(like_prefix_lists_the_like_filter),
    };
    return cmocka_run_group_tests(tests, open_engine, close_engine);
}
