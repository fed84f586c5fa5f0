/*
 * include= from the columns a query reads (engine/vtab_include.c), on made-up tables: none
 * for columns that always come, one include= joining the names of the columns read (once
 * each, with their extra parameters once), the array column's include for a child view of
 * a nested array, every include of the columns from 63 on when SQLite says "63 and above",
 * and the cursor's query built from the plan's text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "engine/vtab_internal.h"

static bc_column_def parent_cols[70] = {
    {.name = "id", .type = BC_COL_INTEGER},
    {.name = "images", .type = BC_COL_JSON, .include = "images"},
    {.name = "videos", .type = BC_COL_JSON, .include = "videos"},
    {.name = "thumbs", .type = BC_COL_JSON, .json_path = "images", .include = "images"},
    {.name = "fees", .type = BC_COL_JSON, .include = "fees&structure=object"},
    {.name = "lines", .type = BC_COL_JSON, .include = "lines&structure=object"},
};

static const bc_table_def parent = {
    .name = "Parents",
    .endpoint = "/v3/parents",
    .columns = parent_cols,
    .ncolumns = 70,
};

static const bc_column_def child_cols[] = {{.name = "parent_id", .type = BC_COL_INTEGER}};

static const bc_table_def child = {
    .name = "ParentImages",
    .endpoint = "/v3/parents",
    .parent_table = "Parents",
    .rows_path = "images",
    .columns = child_cols,
    .ncolumns = 1,
};

static char *plan(const bc_table_def *t, sqlite3_uint64 used)
{
    bc_vtab vt = {.t = t, .src = t->rows_path ? &parent : t};
    bc_buf b;

    bc_buf_init(&b);
    bc_buf_puts(&b, "F0,");
    bc_vinclude_plan(&vt, used, &b);
    return bc_buf_steal(&b);
}

static void columns_that_always_come_send_no_include(void **state)
{
    char *s = plan(&parent, 1); /* id only */
    (void)state;
    assert_string_equal(s, "F0,");
    free(s);
}

static void names_are_joined_once_with_their_extras_once(void **state)
{
    char *s = plan(&parent, (1u << 1) | (1u << 2) | (1u << 3) | (1u << 4) | (1u << 5));
    (void)state;
    assert_string_equal(s, "F0,|include=images,videos,fees,lines&structure=object");
    free(s);
}

static void a_nested_view_takes_its_array_columns_include(void **state)
{
    char *s = plan(&child, 1);
    (void)state;
    assert_string_equal(s, "F0,|include=images");
    free(s);
}

static void columns_from_63_on_are_all_counted_as_read(void **state)
{
    char *s;
    (void)state;
    parent_cols[66] = (bc_column_def){.name = "late", .type = BC_COL_JSON, .include = "late"};
    for (int i = 6; i < 70; i++)
        if (i != 66)
            parent_cols[i] = (bc_column_def){.name = "plain", .type = BC_COL_INTEGER};
    s = plan(&parent, 1ULL << 63);
    assert_string_equal(s, "F0,|include=late");
    free(s);
}

static void the_cursor_adds_the_include_to_its_filters(void **state)
{
    bc_vcursor c = {0};
    (void)state;
    assert_int_equal(bc_vinclude_take(&c, "F0,L-1,"), 0);
    assert_null(c.query);
    assert_false(c.has_include);
    c.query = strdup("id:in=5");
    assert_int_equal(bc_vinclude_take(&c, "F0,|include=images,videos"), 0);
    assert_string_equal(c.query, "id:in=5&include=images,videos");
    assert_true(c.has_include);
    free(c.query);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(columns_that_always_come_send_no_include),
        cmocka_unit_test(names_are_joined_once_with_their_extras_once),
        cmocka_unit_test(a_nested_view_takes_its_array_columns_include),
        cmocka_unit_test(columns_from_63_on_are_all_counted_as_read),
        cmocka_unit_test(the_cursor_adds_the_include_to_its_filters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
