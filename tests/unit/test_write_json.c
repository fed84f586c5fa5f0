/* SQL values into request bodies (engine/write_json.c): money stays exact, dates take the
 * API version's format with the right weekday, and a value that does not fit names its
 * column. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "engine/write_internal.h"

static sqlite3 *g_db;

/* A protected copy of the value SQL gives for expr ("'12.50'", "12.5", "NULL" ...). */
static sqlite3_value *value_of(const char *expr)
{
    char sql[256];
    sqlite3_stmt *vm = NULL;
    sqlite3_value *v;

    snprintf(sql, sizeof sql, "SELECT %s", expr);
    assert_int_equal(sqlite3_prepare_v2(g_db, sql, -1, &vm, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(vm), SQLITE_ROW);
    v = sqlite3_value_dup(sqlite3_column_value(vm, 0));
    sqlite3_finalize(vm);
    assert_non_null(v);
    return v;
}

/* The JSON text column `column` of `table` sends for expr; NULL (with *err) on refusal. */
static char *body_text(const char *table, const char *column, const char *expr, bc_error *err)
{
    const bc_table_def *t = bc_catalog_find(table);
    int c = bc_catalog_column_index(t, column);
    sqlite3_value *v = value_of(expr);
    cJSON *j;
    char *text = NULL;

    assert_true(c >= 0);
    bc_error_clear(err);
    j = bc_write_json_value(t, &t->columns[c], v, err);
    if (j != NULL)
        text = cJSON_PrintUnformatted(j);
    cJSON_Delete(j);
    sqlite3_value_free(v);
    return text;
}

static void expect(const char *table, const char *column, const char *expr, const char *want)
{
    bc_error err;
    char *got = body_text(table, column, expr, &err);

    if (got == NULL)
        fail_msg("%s.%s = %s refused: %s", table, column, expr, err.message);
    assert_string_equal(got, want);
    free(got);
}

static void expect_refusal(const char *table, const char *column, const char *expr,
                           const char *sqlstate)
{
    bc_error err;
    char *got = body_text(table, column, expr, &err);

    assert_null(got);
    assert_string_equal(err.sqlstate, sqlstate);
    assert_non_null(strstr(err.message, column));
    assert_non_null(strstr(err.message, table));
}

static void money_is_sent_exactly(void **state)
{
    (void)state;
    expect("Products", "price", "'12.50'", "12.50");
    expect("Products", "price", "'0.1'", "0.1");
    expect("Products", "price", "12.5", "12.5000");
    expect("Products", "price", "'007'", "7");           /* not a JSON number as written */
    expect("Coupons", "amount", "'12.50'", "\"12.50\""); /* v2 money travels as text */
    expect_refusal("Products", "price", "'ten'", "22018");
}

static void dates_take_the_version_format(void **state)
{
    (void)state;
    expect("Products", "preorder_release_date", "'2026-03-01 10:00:00'",
           "\"2026-03-01T10:00:00Z\"");
    expect("Coupons", "expires", "'2026-03-01 10:00:00'", "\"Sun, 01 Mar 2026 10:00:00 +0000\"");
    expect("Coupons", "expires", "'2024-02-29 23:59:59'", "\"Thu, 29 Feb 2024 23:59:59 +0000\"");
    expect("Coupons", "expires", "'1999-12-31 00:00:00'", "\"Fri, 31 Dec 1999 00:00:00 +0000\"");
    expect_refusal("Coupons", "expires", "'next week'", "22007");
}

static void bits_integers_and_json(void **state)
{
    (void)state;
    expect("Products", "is_visible", "1", "true");
    expect("Products", "is_visible", "'false'", "false");
    expect_refusal("Products", "is_visible", "'maybe'", "22018");
    expect("Products", "inventory_level", "'12'", "12");
    expect("Products", "inventory_level", "12.0", "12");
    expect_refusal("Products", "inventory_level", "12.5", "22018");
    expect("Products", "categories", "'[1, 2]'", "[1,2]");
    expect_refusal("Products", "categories", "'1, 2'", "22018");
    expect("Products", "name", "NULL", "null");
}

static void dotted_paths_build_nested_objects(void **state)
{
    bc_column_def email = {
        .name = "email", .type = BC_COL_VARCHAR, .json_path = "billing_address.email"};
    bc_column_def city = {
        .name = "city", .type = BC_COL_VARCHAR, .json_path = "billing_address.city"};
    cJSON *body = cJSON_CreateObject();
    char *text;

    (void)state;
    assert_int_equal(bc_write_json_put(body, &email, cJSON_CreateString("a@x.com")), 0);
    assert_int_equal(bc_write_json_put(body, &city, cJSON_CreateString("Porto")), 0);
    text = cJSON_PrintUnformatted(body);
    assert_string_equal(text, "{\"billing_address\":{\"email\":\"a@x.com\",\"city\":\"Porto\"}}");
    free(text);
    cJSON_Delete(body);
}

/* Every table of the catalog has a write spec whose column lists name its columns, and no
 * view has one. */
static void specs_list_only_catalog_columns(void **state)
{
    (void)state;
    for (int i = 0; i < bc_table_count; i++) {
        const bc_table_def *t = bc_tables[i];
        const bc_write_spec *ws = bc_write_spec_find(t->name);
        if (t->is_view) {
            if (ws != NULL)
                fail_msg("view %s has a write spec", t->name);
            continue;
        }
        if (ws == NULL)
            fail_msg("table %s has no write spec", t->name);
        const char *lists[] = {ws->insert_columns, ws->update_columns, ws->update_required};
        for (size_t l = 0; l < 3; l++) {
            char word[128];
            for (const char *p = lists[l]; p && *p;) {
                size_t n = strcspn(p, " ");
                snprintf(word, sizeof word, "%.*s", (int)n, p);
                if (bc_catalog_column_index(t, word) < 0)
                    fail_msg("%s lists %s, which is not a column", t->name, word);
                p += n + (p[n] == ' ');
            }
        }
    }
    assert_null(bc_write_spec_find("Subscribers"));
    assert_non_null(bc_write_spec_find("InventoryLocations"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(money_is_sent_exactly),
        cmocka_unit_test(dates_take_the_version_format),
        cmocka_unit_test(bits_integers_and_json),
        cmocka_unit_test(dotted_paths_build_nested_objects),
        cmocka_unit_test(specs_list_only_catalog_columns),
    };
    int rc;

    sqlite3_open(":memory:", &g_db);
    rc = cmocka_run_group_tests(tests, NULL, NULL);
    sqlite3_close(g_db);
    return rc;
}
