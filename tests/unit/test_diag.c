/* Diagnostic records and the SQLSTATE table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "bc_diag.h"

static void push_prefixes_message_and_returns_error(void **state)
{
    bc_diag d = {0};

    (void)state;
    assert_int_equal(bc_diag_push(&d, "42S02", 0, "Table '%s' does not exist.", "Foo"), SQL_ERROR);
    assert_int_equal(d.count, 1);
    assert_string_equal(d.recs[0].sqlstate, "42S02");
    assert_string_equal(d.recs[0].message, "[BigCommerce][ODBC] Table 'Foo' does not exist.");
    assert_int_equal(d.recs[0].row, SQL_NO_ROW_NUMBER);
    assert_int_equal(d.recs[0].column, SQL_NO_COLUMN_NUMBER);
    bc_diag_free(&d);
}

static void push_of_warning_returns_success_with_info(void **state)
{
    bc_diag d = {0};

    (void)state;
    assert_int_equal(bc_diag_push(&d, "01004", 0, "truncated"), SQL_SUCCESS_WITH_INFO);
    assert_int_equal(bc_diag_push(&d, "08S01", 503, "down"), SQL_ERROR);
    assert_string_equal(d.recs[0].sqlstate, "08S01");
    assert_int_equal(d.recs[0].native, 503);
    bc_diag_free(&d);
}

static void empty_message_falls_back_to_state_text(void **state)
{
    bc_diag d = {0};

    (void)state;
    bc_diag_push(&d, "HYT00", 0, "%s", "");
    assert_string_equal(d.recs[0].message, "[BigCommerce][ODBC] Timeout expired");
    bc_diag_free(&d);
}

static void errors_sort_before_warnings_keeping_push_order(void **state)
{
    bc_diag d = {0};

    (void)state;
    bc_diag_push(&d, "01004", 0, "w1");
    bc_diag_push(&d, "HY000", 0, "e1");
    bc_diag_push(&d, "01S07", 0, "w2");
    bc_diag_push(&d, "22003", 0, "e2");
    bc_diag_push(&d, "08S01", 0, "link");
    assert_int_equal(d.count, 5);
    assert_string_equal(d.recs[0].sqlstate, "08S01");
    assert_string_equal(d.recs[1].sqlstate, "HY000");
    assert_string_equal(d.recs[2].sqlstate, "22003");
    assert_string_equal(d.recs[3].sqlstate, "01004");
    assert_string_equal(d.recs[4].sqlstate, "01S07");
    bc_diag_free(&d);
}

static void push_at_orders_by_row_number(void **state)
{
    bc_diag d = {0};

    (void)state;
    bc_diag_push_at(&d, "22003", 0, 3, 2, "row 3");
    bc_diag_push_at(&d, "01004", 0, 1, 1, "row 1");
    bc_diag_push(&d, "01S01", 0, "no row");
    assert_int_equal(d.recs[0].row, SQL_NO_ROW_NUMBER);
    assert_int_equal(d.recs[1].row, 1);
    assert_int_equal(d.recs[2].row, 3);
    assert_int_equal(d.recs[2].column, 2);
    bc_diag_free(&d);
}

static void append_copies_records_and_clear_empties(void **state)
{
    bc_diag src = {0}, dst = {0};

    (void)state;
    bc_diag_push(&src, "28000", 401, "token rejected");
    bc_diag_push(&src, "01000", 0, "note");
    bc_diag_push(&dst, "HY000", 0, "own");
    bc_diag_append(&dst, &src);
    assert_int_equal(dst.count, 3);
    assert_int_equal(src.count, 2);
    assert_string_equal(dst.recs[1].sqlstate, "28000");
    assert_int_equal(dst.recs[1].native, 401);
    assert_string_equal(dst.recs[1].message, "[BigCommerce][ODBC] token rejected");
    assert_ptr_not_equal(dst.recs[1].message, src.recs[0].message);
    bc_diag_free(&src);
    assert_string_equal(dst.recs[1].message, "[BigCommerce][ODBC] token rejected");
    bc_diag_clear(&dst);
    assert_int_equal(dst.count, 0);
    assert_int_equal(dst.retcode, SQL_SUCCESS);
    bc_diag_push(&dst, "HY001", 0, "again");
    assert_int_equal(dst.count, 1);
    bc_diag_free(&dst);
    assert_null(dst.recs);
}

static void table_covers_the_required_states(void **state)
{
    static const char *const required[] = {
        "01000", "01004", "01S00", "01S02", "01S07", "07002", "07006", "07009", "08001", "08002",
        "08003", "08004", "08S01", "22001", "22002", "22003", "22007", "22008", "22012", "22018",
        "24000", "25000", "28000", "34000", "3D000", "3F000", "40001", "42000", "42S01", "42S02",
        "42S22", "HY000", "HY001", "HY003", "HY004", "HY007", "HY008", "HY009", "HY010", "HY011",
        "HY012", "HY013", "HY014", "HY015", "HY016", "HY017", "HY018", "HY019", "HY020", "HY021",
        "HY024", "HY090", "HY091", "HY092", "HY095", "HY096", "HY097", "HY098", "HY099", "HY100",
        "HY101", "HY103", "HY104", "HY105", "HY106", "HY107", "HY109", "HY110", "HY111", "HYC00",
        "HYT00", "HYT01", "IM001", "IM002", NULL};

    (void)state;
    for (int i = 0; required[i] != NULL; i++) {
        bool found = false;
        for (int j = 0; j < bc_sqlstate_count(); j++)
            found |= strcmp(bc_sqlstate_at(j), required[i]) == 0;
        if (!found)
            fail_msg("missing SQLSTATE %s", required[i]);
    }
    assert_null(bc_sqlstate_at(bc_sqlstate_count()));
}

static void table_states_are_unique_and_well_formed(void **state)
{
    (void)state;
    for (int i = 0; i < bc_sqlstate_count(); i++) {
        assert_int_equal(strlen(bc_sqlstate_at(i)), 5);
        for (int j = i + 1; j < bc_sqlstate_count(); j++)
            if (strcmp(bc_sqlstate_at(i), bc_sqlstate_at(j)) == 0)
                fail_msg("duplicate SQLSTATE %s", bc_sqlstate_at(i));
    }
}

static void texts_and_origins_follow_the_spec(void **state)
{
    (void)state;
    assert_string_equal(bc_sqlstate_text("01004"), "String data, right-truncated");
    assert_string_equal(bc_sqlstate_text("HYC00"), "Optional feature not implemented");
    assert_string_equal(bc_sqlstate_text("ZZ999"), "General error");
    assert_string_equal(bc_sqlstate_class_origin("42S02"), "ISO 9075");
    assert_string_equal(bc_sqlstate_subclass_origin("42S02"), "ODBC 3.0");
    assert_string_equal(bc_sqlstate_class_origin("HY000"), "ISO 9075");
    assert_string_equal(bc_sqlstate_subclass_origin("HY000"), "ISO 9075");
    assert_string_equal(bc_sqlstate_subclass_origin("HYT00"), "ODBC 3.0");
    assert_string_equal(bc_sqlstate_class_origin("IM002"), "ODBC 3.0");
    assert_string_equal(bc_sqlstate_subclass_origin("08S01"), "ODBC 3.0");
    assert_string_equal(bc_sqlstate_subclass_origin("22003"), "ISO 9075");
}

static void odbc2_mapping_renames_changed_states(void **state)
{
    (void)state;
    assert_string_equal(bc_sqlstate_odbc2("HY000"), "S1000");
    assert_string_equal(bc_sqlstate_odbc2("42S02"), "S0002");
    assert_string_equal(bc_sqlstate_odbc2("42S22"), "S0022");
    assert_string_equal(bc_sqlstate_odbc2("42000"), "37000");
    assert_string_equal(bc_sqlstate_odbc2("07009"), "S1002");
    assert_string_equal(bc_sqlstate_odbc2("HYT00"), "S1T00");
    assert_string_equal(bc_sqlstate_odbc2("HYC00"), "S1C00");
    assert_string_equal(bc_sqlstate_odbc2("22018"), "22005");
    assert_null(bc_sqlstate_odbc2("08S01"));
    assert_null(bc_sqlstate_odbc2("01004"));
    assert_null(bc_sqlstate_odbc2("nope!"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(push_prefixes_message_and_returns_error),
        cmocka_unit_test(push_of_warning_returns_success_with_info),
        cmocka_unit_test(empty_message_falls_back_to_state_text),
        cmocka_unit_test(errors_sort_before_warnings_keeping_push_order),
        cmocka_unit_test(push_at_orders_by_row_number),
        cmocka_unit_test(append_copies_records_and_clear_empties),
        cmocka_unit_test(table_covers_the_required_states),
        cmocka_unit_test(table_states_are_unique_and_well_formed),
        cmocka_unit_test(texts_and_origins_follow_the_spec),
        cmocka_unit_test(odbc2_mapping_renames_changed_states),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
