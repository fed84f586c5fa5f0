/*
 * The table catalog: lookups, keys, and the declared-type round trip that lets
 * SQLDescribeCol report a column's type from sqlite3_column_decltype alone.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <cmocka.h>
#include <sql.h>
#include <sqlext.h>
#include "bc_catalog.h"
#include "bc_defaults.h"

static void every_column_type_survives_decl_round_trip(void **state)
{
    (void)state;
    int checked = 0;
    for (int i = 0; i < bc_table_count; i++) {
        const bc_table_def *t = bc_tables[i];
        for (int j = 0; j < t->ncolumns; j++) {
            bc_sql_type a, b;
            char decl[64];
            bc_type_of_column(&t->columns[j], &a);
            bc_type_from_decl(bc_decl_of_column(&t->columns[j], decl, sizeof decl), &b);
            assert_int_equal(a.sql_type, b.sql_type);
            assert_string_equal(a.type_name, b.type_name);
            assert_int_equal(a.column_size, b.column_size);
            assert_int_equal(a.decimal_digits, b.decimal_digits);
            assert_int_equal(a.octet_length, b.octet_length);
            assert_int_equal(a.num_prec_radix, b.num_prec_radix);
            checked++;
        }
    }
    assert_true(checked > 200);
}

static void decl_spellings_map_to_odbc_types(void **state)
{
    (void)state;
    bc_sql_type t;
    bc_type_from_decl("DECIMAL(20,4)", &t);
    assert_int_equal(t.sql_type, SQL_DECIMAL);
    assert_int_equal(t.column_size, 20);
    assert_int_equal(t.decimal_digits, 4);
    bc_type_from_decl("NVARCHAR(255)", &t);
    assert_int_equal(t.sql_type, SQL_WVARCHAR);
    assert_int_equal(t.column_size, 255);
    bc_type_from_decl("NTEXT", &t);
    assert_int_equal(t.sql_type, SQL_WLONGVARCHAR);
    bc_type_from_decl("SMALLINT", &t);
    assert_int_equal(t.sql_type, SQL_SMALLINT);
    bc_type_from_decl("TIMESTAMP", &t);
    assert_int_equal(t.sql_type, SQL_TYPE_TIMESTAMP);
    assert_int_equal(t.column_size, 19);
    bc_type_from_decl(NULL, &t);
    assert_int_equal(t.sql_type, SQL_WVARCHAR);
    assert_int_equal(t.column_size, BC_DEFAULT_VARCHAR_LEN);
    bc_type_from_decl("BIT", &t);
    assert_int_equal(t.sql_type, SQL_BIT);
}

static void find_is_case_insensitive_and_tables_are_sorted(void **state)
{
    (void)state;
    const char *required[] = {"Products",  "Brands", "Categories",
                              "Customers", "Orders", "OrderItems"};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
        assert_string_equal(bc_catalog_find(required[i])->name, required[i]);
    assert_ptr_equal(bc_catalog_find("products"), bc_catalog_find("Products"));
    assert_string_equal(bc_catalog_find("ORDERITEMS")->name, "OrderItems");
    assert_null(bc_catalog_find("Nope"));
    assert_null(bc_catalog_find(NULL));
    for (int i = 1; i < bc_table_count; i++)
        assert_true(strcasecmp(bc_tables[i - 1]->name, bc_tables[i]->name) < 0);
}

static void first_tables_have_id_primary_key(void **state)
{
    (void)state;
    const char *names[] = {"Products", "Brands", "Categories", "Customers", "Orders", "OrderItems"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const bc_table_def *t = bc_catalog_find(names[i]);
        int pk = bc_catalog_pk_index(t);
        assert_true(pk >= 0);
        assert_string_equal(t->columns[pk].name, "id");
        assert_true(t->columns[pk].flags & BC_COLF_NOT_NULL);
    }
}

static void every_table_has_unique_column_names_and_a_description(void **state)
{
    (void)state;
    for (int i = 0; i < bc_table_count; i++) {
        const bc_table_def *t = bc_tables[i];
        for (int j = 0; j < t->ncolumns; j++)
            assert_int_equal(bc_catalog_column_index(t, t->columns[j].name), j);
        assert_non_null(t->description);
    }
}

static void order_items_is_a_child_of_orders(void **state)
{
    (void)state;
    const bc_table_def *t = bc_catalog_find("OrderItems");
    assert_string_equal(t->parent_table, "Orders");
    assert_string_equal(t->parent_column, "order_id");
    assert_string_equal(t->endpoint, "/v2/orders/{order_id}/products");
    int oc = bc_catalog_column_index(t, "order_id");
    assert_true(t->columns[oc].flags & BC_COLF_PARENT_KEY);
    assert_string_equal(bc_catalog_find("Orders")->id_path_endpoint, "/v2/orders/{id}");
}

static void column_types_follow_the_reference(void **state)
{
    (void)state;
    const bc_table_def *o = bc_catalog_find("Orders");
    const bc_table_def *p = bc_catalog_find("Products");
    assert_int_equal(o->columns[bc_catalog_column_index(o, "total_inc_tax")].type, BC_COL_DECIMAL);
    assert_int_equal(o->columns[bc_catalog_column_index(o, "date_created")].type, BC_COL_TIMESTAMP);
    assert_int_equal(o->columns[bc_catalog_column_index(o, "billing_address")].type, BC_COL_JSON);
    assert_int_equal(p->columns[bc_catalog_column_index(p, "is_visible")].type, BC_COL_BIT);
    assert_int_equal(p->columns[bc_catalog_column_index(p, "price")].type, BC_COL_DECIMAL);
    assert_int_equal(p->columns[bc_catalog_column_index(p, "name")].length, 250);
    assert_string_equal(p->columns[bc_catalog_column_index(p, "id")].filter_in, "id:in");
}

/* A child read through its parent's list (parent_include) needs: a parent list without
 * placeholders whose column of that name comes under that include=, the parent's key with
 * an :in filter (50 parents a request), its own endpoint with the one parent-key
 * placeholder, and no filter of its own (it would mean something else on the parent's
 * list). */
static void parent_includes_fit_their_parent(void **state)
{
    (void)state;
    const char *expected[] = {"ProductImages", "ProductVideos", "ProductCustomFields",
                              "ProductBulkPricingRules"};
    int declared = 0;
    for (int i = 0; i < bc_table_count; i++) {
        const bc_table_def *t = bc_tables[i];
        if (t->parent_include == NULL)
            continue;
        declared++;
        const bc_table_def *pt = bc_catalog_find(t->parent_table);
        assert_non_null(pt);
        assert_null(t->rows_path);
        assert_null(strchr(pt->endpoint, '{'));
        int arr = bc_catalog_column_index(pt, t->parent_include);
        assert_true(arr >= 0);
        assert_string_equal(pt->columns[arr].include, t->parent_include);
        int key = bc_catalog_column_index(pt, t->parent_id_column);
        assert_true(key >= 0);
        assert_non_null(pt->columns[key].filter_in);
        char ph[64];
        snprintf(ph, sizeof ph, "{%s}", t->parent_column);
        assert_non_null(strstr(t->endpoint, ph));
        assert_ptr_equal(strchr(t->endpoint, '{'), strrchr(t->endpoint, '{'));
        for (int j = 0; j < t->ncolumns; j++) {
            const bc_column_def *c = &t->columns[j];
            assert_true(c->filter_eq == NULL && c->filter_in == NULL && c->filter_min == NULL &&
                        c->filter_max == NULL && c->filter_like == NULL && c->include == NULL &&
                        !(c->flags & BC_COLF_SORTABLE));
        }
    }
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
        assert_non_null(bc_catalog_find(expected[i])->parent_include);
    assert_int_equal(declared, (int)(sizeof expected / sizeof expected[0]));
    /* the product's options lack the option's name the options endpoint gives */
    assert_null(bc_catalog_find("ProductOptions")->parent_include);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_column_type_survives_decl_round_trip),
        cmocka_unit_test(decl_spellings_map_to_odbc_types),
        cmocka_unit_test(find_is_case_insensitive_and_tables_are_sorted),
        cmocka_unit_test(first_tables_have_id_primary_key),
        cmocka_unit_test(every_table_has_unique_column_names_and_a_description),
        cmocka_unit_test(order_items_is_a_child_of_orders),
        cmocka_unit_test(column_types_follow_the_reference),
        cmocka_unit_test(parent_includes_fit_their_parent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
