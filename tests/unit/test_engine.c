/*
 * The engine without a server: schema names, declared types, the catalog functions over
 * the metadata tables, system tables, the authorizer, error mapping and the 28000 of a
 * connection without a token.
 */
#include <stdio.h>
#include <sql.h>
#include <sqlext.h>
#include <strings.h>
#include "bc_catalog.h"
#include "bc_procs.h"
#include "engine_internal.h"
#include "test_engine_common.h"

/* The system tables SQLTables lists: the engine's own list, so a new one needs no edit here. */
#define SYSTEM_TABLES bc_sys_table_count

/* Nothing listens on port 9 (discard) of loopback: no request may succeed. */
#define NO_SERVER "http://127.0.0.1:9"

static int setup(void **state)
{
    *state = fixture_open(NO_SERVER, NULL);
    return 0;
}

static int teardown(void **state)
{
    fixture_close(*state);
    return 0;
}

static bc_engine *E(void **state)
{
    return ((fixture *)*state)->e;
}

/* Definitions without columns (work in progress) are left out of the engine. */
static int count_tables(bool views)
{
    int n = 0;
    for (int i = 0; i < bc_table_count; i++)
        n += bc_tables[i]->is_view == views && bc_tables[i]->ncolumns > 0;
    return n;
}

static int usable_count(void)
{
    return count_tables(false) + count_tables(true);
}

static int count_prefix(const char *prefix)
{
    int n = 0;
    for (int i = 0; i < bc_table_count; i++)
        n += strncasecmp(bc_tables[i]->name, prefix, strlen(prefix)) == 0 &&
             bc_tables[i]->ncolumns > 0;
    return n;
}

static sqlite3_stmt *cat(void **state, bc_catalog_fn fn, bc_catalog_args a)
{
    sqlite3_stmt *vm = NULL;
    bc_error err;
    bc_error_clear(&err);
    if (a.odbc_version == 0)
        a.odbc_version = 3;
    if (bc_engine_catalog(E(state), fn, &a, &vm, &err) != 0)
        fail_msg("catalog %d: %s %s", fn, err.sqlstate, err.message);
    return vm;
}

static void schema_qualified_names_resolve(void **state)
{
    sqlite3 *db = bc_engine_db(E(state));
    const char *sqls[] = {"SELECT id, name FROM \"BigCommerce\".\"Products\"",
                          "SELECT id FROM BigCommerce.Products",
                          "SELECT id FROM bigcommerce.products", "SELECT * FROM OrderItems"};
    for (size_t i = 0; i < sizeof sqls / sizeof sqls[0]; i++) {
        sqlite3_stmt *vm = NULL;
        assert_int_equal(sqlite3_prepare_v2(db, sqls[i], -1, &vm, NULL), SQLITE_OK);
        sqlite3_finalize(vm);
    }
}

static void result_decltypes_come_from_the_catalog(void **state)
{
    sqlite3_stmt *vm = NULL;
    sqlite3 *db = bc_engine_db(E(state));
    assert_int_equal(sqlite3_prepare_v2(db,
                                        "SELECT id, total_inc_tax, date_created, billing_address, "
                                        "is_deleted, status FROM Orders",
                                        -1, &vm, NULL),
                     SQLITE_OK);
    assert_string_equal(sqlite3_column_decltype(vm, 0), "INTEGER");
    assert_string_equal(sqlite3_column_decltype(vm, 1), "DECIMAL(20,4)");
    assert_string_equal(sqlite3_column_decltype(vm, 2), "TIMESTAMP");
    assert_string_equal(sqlite3_column_decltype(vm, 3), "NTEXT");
    assert_string_equal(sqlite3_column_decltype(vm, 4), "BIT");
    assert_string_equal(sqlite3_column_decltype(vm, 5), "NVARCHAR(4000)");
    sqlite3_finalize(vm);
}

/* Money computed from money is declared DECIMAL after prepare, before any request. */
static void money_expressions_are_declared_decimal(void **state)
{
    static const struct {
        const char *expr, *decl;
    } cases[] = {
        {"SUM(total_inc_tax)", "DECIMAL(38,4)"},
        {"SUM(o.total_inc_tax) AS t", "DECIMAL(38,4)"},
        {"AVG(\"subtotal_ex_tax\") avg_sub", "DECIMAL(38,8)"},
        {"total_inc_tax - subtotal_ex_tax * 2", "DECIMAL(38,4)"},
        {"total_inc_tax * subtotal_ex_tax", "DECIMAL(38,8)"},
        {"ROUND(TOTAL(total_inc_tax), 2)", "DECIMAL(38,2)"},
        {"SUM(id)", NULL},
        {"COUNT(*)", NULL},
        {"UPPER(status)", NULL},
        {"total_inc_tax || 'x'", NULL},
        {"SUM(total_inc_tax) / 1e3", NULL},
    };
    sqlite3 *db = bc_engine_db(E(state));
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char sql[200], buf[32];
        sqlite3_stmt *vm = NULL;
        snprintf(sql, sizeof sql, "SELECT id, %s FROM Orders o GROUP BY id", cases[i].expr);
        assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &vm, NULL), SQLITE_OK);
        const char *decl = bc_engine_expr_decltype(vm, 1, buf, sizeof buf);
        if (cases[i].decl == NULL)
            assert_null(decl);
        else
            assert_string_equal(decl, cases[i].decl);
        sqlite3_finalize(vm);
    }
}

static double query_double(sqlite3 *db, const char *sql, int *type)
{
    sqlite3_stmt *vm = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &vm, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(vm), SQLITE_ROW);
    *type = sqlite3_column_type(vm, 0);
    double d = sqlite3_column_double(vm, 0);
    sqlite3_finalize(vm);
    return d;
}

/* SUM, TOTAL and AVG add decimals exactly, and keep SQLite's results otherwise. */
static void sums_of_decimals_are_exact(void **state)
{
    sqlite3 *db = bc_engine_db(E(state));
    int type;
    assert_true(query_double(db, "SELECT SUM(column1) FROM (VALUES (0.1), (0.2), (0.3))", &type) ==
                0.6);
    assert_int_equal(type, SQLITE_FLOAT);
    assert_true(query_double(db, "SELECT TOTAL(column1) FROM (VALUES (239059.99), (0.02))",
                             &type) == 239060.01);
    assert_true(query_double(db, "SELECT AVG(column1) FROM (VALUES (0.1), (0.2))", &type) == 0.15);
    assert_true(query_double(db, "SELECT SUM(column1) FROM (VALUES (1), (2))", &type) == 3);
    assert_int_equal(type, SQLITE_INTEGER);
    query_double(db, "SELECT SUM(column1) FROM (VALUES (NULL))", &type);
    assert_int_equal(type, SQLITE_NULL);
    assert_true(query_double(db, "SELECT TOTAL(column1) FROM (VALUES (NULL))", &type) == 0.0);
    assert_true(
        query_double(db,
                     "SELECT s FROM (SELECT SUM(column1) OVER (ORDER BY column1 ROWS 1 PRECEDING) "
                     "AS s FROM (VALUES (0.1), (0.2), (0.7))) LIMIT 1 OFFSET 2",
                     &type) == 0.9);
    assert_true(query_double(db, "SELECT SUM(column1) FROM (VALUES (1e300), (1.5))", &type) ==
                1e300);
}

/* SQLDescribeCol after SQLPrepare reads decltypes; SQLColumns reads the metadata. Both must
 * agree for every column of every table. */
static void select_star_decltypes_agree_with_sqlcolumns(void **state)
{
    sqlite3 *db = bc_engine_db(E(state));
    int tables = 0;
    for (int i = 0; i < bc_table_count; i++) {
        const bc_table_def *t = bc_tables[i];
        if (t->ncolumns == 0)
            continue;
        char sql[200];
        sqlite3_stmt *vm = NULL, *cols;
        snprintf(sql, sizeof sql, "SELECT * FROM \"BigCommerce\".\"%s\"", t->name);
        assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &vm, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_column_count(vm), t->ncolumns);
        cols = cat(state, BC_CAT_COLUMNS, (bc_catalog_args){.table = t->name, .metadata_id = true});
        for (int j = 0; j < t->ncolumns; j++) {
            bc_sql_type ty;
            assert_int_equal(sqlite3_step(cols), SQLITE_ROW);
            assert_string_equal(sqlite3_column_name(vm, j), sqlite3_column_text(cols, 3));
            bc_type_from_decl(sqlite3_column_decltype(vm, j), &ty);
            assert_int_equal(ty.sql_type, sqlite3_column_int(cols, 4));
            assert_int_equal(ty.column_size, sqlite3_column_int(cols, 6));
        }
        assert_int_equal(sqlite3_step(cols), SQLITE_DONE);
        sqlite3_finalize(cols);
        sqlite3_finalize(vm);
        tables++;
    }
    assert_true(tables >= 6);
}

static void sqltables_lists_tables_and_system_tables(void **state)
{
    sqlite3_stmt *vm = cat(state, BC_CAT_TABLES, (bc_catalog_args){0});
    int tables = 0, systems = 0, views = 0;
    assert_int_equal(sqlite3_column_count(vm), 5);
    assert_string_equal(sqlite3_column_name(vm, 0), "TABLE_CAT");
    assert_string_equal(sqlite3_column_name(vm, 4), "REMARKS");
    while (sqlite3_step(vm) == SQLITE_ROW) {
        const char *type = (const char *)sqlite3_column_text(vm, 3);
        const char *name = (const char *)sqlite3_column_text(vm, 2);
        assert_int_equal(sqlite3_column_type(vm, 0), SQLITE_NULL);
        assert_string_equal(sqlite3_column_text(vm, 1), "BigCommerce");
        assert_null(strstr(name, "bc_meta"));
        if (strcmp(type, "TABLE") == 0)
            tables++;
        else if (strcmp(type, "SYSTEM TABLE") == 0)
            systems++;
        else if (strcmp(type, "VIEW") == 0)
            views++;
        else
            fail_msg("unexpected type %s", type);
        /* ODBC order: TABLE_TYPE first: SYSTEM TABLE, then TABLE, then VIEW. */
        if (strcmp(type, "SYSTEM TABLE") == 0)
            assert_int_equal(tables + views, 0);
        if (strcmp(type, "TABLE") == 0)
            assert_int_equal(views, 0);
    }
    assert_int_equal(tables, count_tables(false));
    assert_int_equal(views, count_tables(true));
    assert_int_equal(systems, SYSTEM_TABLES);
    sqlite3_finalize(vm);
}

static void sqltables_patterns_and_escapes(void **state)
{
    sqlite3_stmt *vm;
    vm = cat(state, BC_CAT_TABLES, (bc_catalog_args){.table = "Order%"});
    assert_int_equal(count_rows(vm), count_prefix("Order"));
    assert_true(count_prefix("Order") >= 2);
    sqlite3_finalize(vm);
    vm = cat(state, BC_CAT_TABLES, (bc_catalog_args){.table = "order_tems"});
    assert_int_equal(sqlite3_step(vm), SQLITE_ROW);
    assert_string_equal(sqlite3_column_text(vm, 2), "OrderItems");
    assert_int_equal(sqlite3_step(vm), SQLITE_DONE);
    sqlite3_finalize(vm);
    /* '\_' is a literal underscore: "sys\_tables" matches only sys_tables. */
    vm = cat(state, BC_CAT_TABLES, (bc_catalog_args){.table = "sys\\_table%"});
    assert_int_equal(count_rows(vm), 2);
    sqlite3_finalize(vm);
    vm = cat(state, BC_CAT_TABLES, (bc_catalog_args){.table = "sys\\_%\\_%"});
    assert_int_equal(count_rows(vm), 1); /* sys_connection_props */
    sqlite3_finalize(vm);
    vm = cat(state, BC_CAT_TABLES, (bc_catalog_args){.schema = "Big%", .table = "%"});
    assert_int_equal(count_rows(vm), usable_count() + SYSTEM_TABLES);
    sqlite3_finalize(vm);
    vm = cat(state, BC_CAT_TABLES, (bc_catalog_args){.schema = "Other"});
    assert_int_equal(count_rows(vm), 0);
    sqlite3_finalize(vm);
    vm = cat(state, BC_CAT_TABLES, (bc_catalog_args){.catalog = "somecat"});
    assert_int_equal(count_rows(vm), 0);
    sqlite3_finalize(vm);
}

static void sqltables_filters_table_types(void **state)
{
    sqlite3_stmt *vm;
    vm = cat(state, BC_CAT_TABLES, (bc_catalog_args){.table_types = "'TABLE','VIEW'"});
    assert_int_equal(count_rows(vm), usable_count());
    sqlite3_finalize(vm);
    vm = cat(state, BC_CAT_TABLES, (bc_catalog_args){.table_types = "SYSTEM TABLE"});
    assert_int_equal(count_rows(vm), SYSTEM_TABLES);
    sqlite3_finalize(vm);
    vm = cat(state, BC_CAT_TABLES, (bc_catalog_args){.table_types = "VIEW"});
    assert_int_equal(count_rows(vm), count_tables(true));
    sqlite3_finalize(vm);
    vm = cat(state, BC_CAT_TABLES, (bc_catalog_args){.table_types = "TABLE"});
    assert_int_equal(count_rows(vm), count_tables(false));
    sqlite3_finalize(vm);
}

static void sqltables_special_enumerations(void **state)
{
    sqlite3_stmt *vm;
    vm = cat(state, BC_CAT_TABLES, (bc_catalog_args){.catalog = "%", .schema = "", .table = ""});
    assert_int_equal(count_rows(vm), 0);
    sqlite3_finalize(vm);
    vm = cat(state, BC_CAT_TABLES, (bc_catalog_args){.catalog = "", .schema = "%", .table = ""});
    assert_int_equal(sqlite3_step(vm), SQLITE_ROW);
    assert_string_equal(sqlite3_column_text(vm, 1), "BigCommerce");
    assert_int_equal(sqlite3_column_type(vm, 2), SQLITE_NULL);
    assert_int_equal(sqlite3_step(vm), SQLITE_DONE);
    sqlite3_finalize(vm);
    vm = cat(state, BC_CAT_TABLES,
             (bc_catalog_args){.catalog = "", .schema = "", .table = "", .table_types = "%"});
    const char *want[] = {"SYSTEM TABLE", "TABLE", "VIEW"};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(sqlite3_step(vm), SQLITE_ROW);
        assert_string_equal(sqlite3_column_text(vm, 3), want[i]);
    }
    assert_int_equal(sqlite3_step(vm), SQLITE_DONE);
    sqlite3_finalize(vm);
}

static void sqlcolumns_has_18_typed_columns_in_ordinal_order(void **state)
{
    sqlite3_stmt *vm = cat(state, BC_CAT_COLUMNS, (bc_catalog_args){.table = "Products"});
    const bc_table_def *t = bc_catalog_find("Products");
    int n = 0;
    assert_int_equal(sqlite3_column_count(vm), 18);
    assert_string_equal(sqlite3_column_name(vm, 4), "DATA_TYPE");
    assert_string_equal(sqlite3_column_decltype(vm, 4), "SMALLINT");
    assert_string_equal(sqlite3_column_decltype(vm, 6), "INTEGER");
    assert_string_equal(sqlite3_column_name(vm, 16), "ORDINAL_POSITION");
    assert_string_equal(sqlite3_column_name(vm, 17), "IS_NULLABLE");
    while (sqlite3_step(vm) == SQLITE_ROW) {
        assert_string_equal(sqlite3_column_text(vm, 3), t->columns[n].name);
        assert_int_equal(sqlite3_column_int(vm, 16), n + 1);
        if (strcmp(t->columns[n].name, "price") == 0) {
            assert_int_equal(sqlite3_column_int(vm, 4), SQL_DECIMAL);
            assert_int_equal(sqlite3_column_int(vm, 6), 20);
            assert_int_equal(sqlite3_column_int(vm, 8), 4);
        }
        if (strcmp(t->columns[n].name, "date_created") == 0) {
            assert_int_equal(sqlite3_column_int(vm, 4), SQL_TYPE_TIMESTAMP);
            assert_int_equal(sqlite3_column_int(vm, 13), SQL_DATETIME);
            assert_int_equal(sqlite3_column_int(vm, 14), SQL_CODE_TIMESTAMP);
        }
        if (strcmp(t->columns[n].name, "name") == 0) {
            assert_int_equal(sqlite3_column_int(vm, 4), SQL_WVARCHAR);
            assert_int_equal(sqlite3_column_int(vm, 6), 250);
            assert_int_equal(sqlite3_column_type(vm, 8), SQLITE_NULL); /* DECIMAL_DIGITS */
            assert_string_equal(sqlite3_column_text(vm, 17), "NO");
        }
        n++;
    }
    assert_int_equal(n, t->ncolumns);
    sqlite3_finalize(vm);
}

static void sqlcolumns_column_pattern_and_odbc2_types(void **state)
{
    sqlite3_stmt *vm =
        cat(state, BC_CAT_COLUMNS, (bc_catalog_args){.table = "Orders", .column = "date\\_%"});
    assert_int_equal(count_rows(vm), 3); /* date_modified, date_shipped, date_created */
    sqlite3_finalize(vm);
    vm = cat(state, BC_CAT_COLUMNS,
             (bc_catalog_args){.table = "Orders", .column = "date_created", .odbc_version = 2});
    assert_int_equal(sqlite3_step(vm), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(vm, 4), SQL_TIMESTAMP);
    assert_string_equal(sqlite3_column_decltype(vm, 4), "SMALLINT");
    sqlite3_finalize(vm);
}

static void metadata_id_treats_arguments_as_identifiers(void **state)
{
    sqlite3_stmt *vm =
        cat(state, BC_CAT_TABLES, (bc_catalog_args){.table = "Order%", .metadata_id = true});
    assert_int_equal(count_rows(vm), 0);
    sqlite3_finalize(vm);
    vm = cat(state, BC_CAT_TABLES, (bc_catalog_args){.table = "orders", .metadata_id = true});
    assert_int_equal(count_rows(vm), 1);
    sqlite3_finalize(vm);
}

static void keys_statistics_and_special_columns(void **state)
{
    sqlite3_stmt *vm = cat(state, BC_CAT_PRIMARY_KEYS, (bc_catalog_args){.table = "Orders"});
    assert_int_equal(sqlite3_column_count(vm), 6);
    assert_int_equal(sqlite3_step(vm), SQLITE_ROW);
    assert_string_equal(sqlite3_column_text(vm, 3), "id");
    assert_int_equal(sqlite3_column_int(vm, 4), 1);
    sqlite3_finalize(vm);

    vm = cat(state, BC_CAT_FOREIGN_KEYS, (bc_catalog_args){.table = "Orders"});
    assert_int_equal(sqlite3_column_count(vm), 14);
    int found = 0;
    char last[128] = "";
    while (sqlite3_step(vm) == SQLITE_ROW) {
        assert_string_equal(sqlite3_column_text(vm, 2), "Orders");
        assert_string_equal(sqlite3_column_text(vm, 3), "id");
        const char *fk = (const char *)sqlite3_column_text(vm, 6);
        assert_true(strcmp(last, fk) <= 0); /* ordered by FKTABLE_NAME */
        snprintf(last, sizeof last, "%s", fk);
        if (strcmp(fk, "OrderItems") == 0) {
            assert_string_equal(sqlite3_column_text(vm, 7), "order_id");
            found++;
        }
    }
    assert_int_equal(found, 1);
    sqlite3_finalize(vm);
    vm = cat(state, BC_CAT_FOREIGN_KEYS, (bc_catalog_args){.fk_table = "OrderItems"});
    assert_int_equal(sqlite3_step(vm), SQLITE_ROW);
    assert_string_equal(sqlite3_column_text(vm, 2), "Orders");
    assert_int_equal(sqlite3_step(vm), SQLITE_DONE);
    sqlite3_finalize(vm);
    vm = cat(state, BC_CAT_FOREIGN_KEYS, (bc_catalog_args){.fk_table = "Products"});
    assert_int_equal(count_rows(vm), 0);
    sqlite3_finalize(vm);

    vm = cat(state, BC_CAT_STATISTICS, (bc_catalog_args){.table = "Products"});
    assert_int_equal(sqlite3_column_count(vm), 13);
    assert_int_equal(sqlite3_step(vm), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(vm, 6), SQL_TABLE_STAT);
    assert_int_equal(sqlite3_step(vm), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(vm, 3), SQL_FALSE);
    assert_string_equal(sqlite3_column_text(vm, 8), "id");
    sqlite3_finalize(vm);

    vm = cat(state, BC_CAT_SPECIAL_COLUMNS,
             (bc_catalog_args){.table = "Customers", .identifier_type = SQL_BEST_ROWID});
    assert_int_equal(sqlite3_column_count(vm), 8);
    assert_int_equal(sqlite3_step(vm), SQLITE_ROW);
    assert_string_equal(sqlite3_column_text(vm, 1), "id");
    assert_int_equal(sqlite3_column_int(vm, 2), SQL_INTEGER);
    sqlite3_finalize(vm);
}

static void type_info_is_ordered_by_data_type(void **state)
{
    sqlite3_stmt *vm = cat(state, BC_CAT_TYPE_INFO, (bc_catalog_args){.data_type = SQL_ALL_TYPES});
    int prev = -1000, n = 0;
    assert_int_equal(sqlite3_column_count(vm), 19);
    while (sqlite3_step(vm) == SQLITE_ROW) {
        assert_true(sqlite3_column_int(vm, 1) >= prev);
        prev = sqlite3_column_int(vm, 1);
        n++;
    }
    assert_int_equal(n, 13); /* ten BigCommerce types, TIME and two binary ones */
    sqlite3_finalize(vm);
    vm = cat(state, BC_CAT_TYPE_INFO, (bc_catalog_args){.data_type = SQL_DECIMAL});
    assert_int_equal(sqlite3_step(vm), SQLITE_ROW);
    assert_string_equal(sqlite3_column_text(vm, 0), "DECIMAL");
    assert_int_equal(sqlite3_step(vm), SQLITE_DONE);
    sqlite3_finalize(vm);
}

static void procedures_and_privileges_are_shaped(void **state)
{
    sqlite3_stmt *vm = cat(state, BC_CAT_PROCEDURES, (bc_catalog_args){0});
    assert_int_equal(sqlite3_column_count(vm), 8);
    assert_int_equal(count_rows(vm), bc_procedure_count);
    sqlite3_finalize(vm);
    vm = cat(state, BC_CAT_PROCEDURE_COLUMNS, (bc_catalog_args){0});
    assert_int_equal(sqlite3_column_count(vm), 19);
    int want = 0;
    for (int i = 0; i < bc_procedure_count; i++)
        want += bc_procedures[i]->ninputs + bc_procedures[i]->noutputs;
    assert_int_equal(count_rows(vm), want);
    sqlite3_finalize(vm);
    vm = cat(state, BC_CAT_TABLE_PRIVILEGES, (bc_catalog_args){.table = "Products"});
    assert_int_equal(sqlite3_column_count(vm), 7);
    assert_int_equal(sqlite3_step(vm), SQLITE_ROW);
    assert_string_equal(sqlite3_column_text(vm, 5), "SELECT");
    sqlite3_finalize(vm);
    vm = cat(state, BC_CAT_COLUMN_PRIVILEGES, (bc_catalog_args){.table = "Brands", .column = "%"});
    assert_int_equal(sqlite3_column_count(vm), 8);
    assert_int_equal(count_rows(vm), bc_catalog_find("Brands")->ncolumns);
    sqlite3_finalize(vm);
}

static void system_tables_are_queryable(void **state)
{
    bc_engine *e = E(state);
    assert_int_equal(query_int(e, "SELECT COUNT(*) FROM sys_tables WHERE TableType = 'TABLE'"),
                     count_tables(false));
    assert_int_equal(query_int(e, "SELECT COUNT(*) FROM sys_tablecolumns WHERE TableName = "
                                  "'Brands'"),
                     bc_catalog_find("Brands")->ncolumns);
    assert_int_equal(query_int(e, "SELECT DataType FROM sys_tablecolumns WHERE TableName = "
                                  "'Orders' AND ColumnName = 'total_inc_tax'"),
                     SQL_DECIMAL);
    assert_int_equal(query_int(e, "SELECT IsNullable FROM sys_tablecolumns WHERE TableName = "
                                  "'Orders' AND ColumnName = 'id'"),
                     0);
    assert_int_equal(query_int(e, "SELECT COUNT(*) FROM sys_connection_props"), bc_prop_def_count);
    assert_int_equal(query_int(e, "SELECT COUNT(*) FROM sys_keycolumns WHERE TableName = "
                                  "'OrderItems'"),
                     2);
    int children = 0;
    for (int i = 0; i < bc_table_count; i++)
        children += bc_tables[i]->parent_table != NULL && bc_tables[i]->ncolumns > 0;
    assert_int_equal(query_int(e, "SELECT COUNT(*) FROM sys_foreignkeys"), children);
    assert_int_equal(query_int(e, "SELECT COUNT(*) FROM sys_procedures"), bc_procedure_count);
    assert_true(query_int(e, "SELECT COUNT(*) FROM sys_sqlinfo") > 5);
    assert_int_equal(query_int(e, "SELECT COUNT(*) FROM sys_tablecolumns WHERE TableName = "
                                  "'sys_tablecolumns'"),
                     14);
}

static void connection_props_mask_secrets(void **state)
{
    fixture *f = fixture_open(NO_SERVER, "very-secret-token");
    sqlite3_stmt *vm = NULL;
    assert_int_equal(sqlite3_prepare_v2(bc_engine_db(f->e),
                                        "SELECT Value FROM sys_connection_props WHERE Value "
                                        "LIKE '%very-secret%'",
                                        -1, &vm, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(vm), SQLITE_DONE);
    sqlite3_finalize(vm);
    fixture_close(f);
    (void)state;
}

static int exec_rc(bc_engine *e, const char *sql)
{
    return sqlite3_exec(bc_engine_db(e), sql, NULL, NULL, NULL);
}

static void authorizer_keeps_metadata_and_schema_intact(void **state)
{
    bc_engine *e = E(state);
    bc_error err;
    assert_int_not_equal(exec_rc(e, "DELETE FROM bc_meta_tables"), SQLITE_OK);
    bc_engine_error_from_sqlite(bc_engine_db(e), SQLITE_AUTH, &err);
    assert_string_equal(err.sqlstate, "42000");
    assert_int_not_equal(exec_rc(e, "INSERT INTO sys_sqlinfo VALUES('a','b')"), SQLITE_OK);
    assert_int_not_equal(exec_rc(e, "CREATE TABLE x(a)"), SQLITE_OK);
    assert_int_not_equal(exec_rc(e, "DROP TABLE sys_keycolumns"), SQLITE_OK);
    assert_int_not_equal(exec_rc(e, "ATTACH ':memory:' AS other"), SQLITE_OK);
    assert_int_not_equal(exec_rc(e, "PRAGMA writable_schema = 1"), SQLITE_OK);
    assert_int_equal(exec_rc(e, "PRAGMA table_info(Products)"), SQLITE_OK);
    /* What client libraries send on connect: read, or assigned as a no-op. */
    assert_int_equal(query_int(e, "PRAGMA read_uncommitted"), 0);
    assert_int_equal(exec_rc(e, "PRAGMA read_uncommitted = 1"), SQLITE_OK);
    assert_int_equal(query_int(e, "PRAGMA read_uncommitted"), 0);
    assert_int_equal(exec_rc(e, "PRAGMA busy_timeout = 5000"), SQLITE_OK);
    assert_int_not_equal(exec_rc(e, "PRAGMA foreign_keys = ON"), SQLITE_OK);
    assert_int_equal(exec_rc(e, "CREATE TEMP TABLE t1(a); INSERT INTO t1 VALUES(1); "
                                "CREATE TEMP VIEW v1 AS SELECT a FROM t1; DROP VIEW v1; "
                                "DROP TABLE t1"),
                     SQLITE_OK);
    assert_int_equal(query_int(e, "SELECT COUNT(*) FROM bc_meta_tables"),
                     usable_count() + SYSTEM_TABLES);
}

static void sqlite_errors_map_to_sqlstates(void **state)
{
    sqlite3 *db = bc_engine_db(E(state));
    sqlite3_stmt *vm = NULL;
    bc_error err;
    struct {
        const char *sql, *state;
    } cases[] = {{"SELECT * FROM NoSuchTable", "42S02"},
                 {"SELECT nope FROM Products", "42S22"},
                 {"SELEKT 1", "42000"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int rc = sqlite3_prepare_v2(db, cases[i].sql, -1, &vm, NULL);
        assert_int_not_equal(rc, SQLITE_OK);
        bc_engine_error_from_sqlite(db, rc, &err);
        assert_string_equal(err.sqlstate, cases[i].state);
    }
}

static void data_request_without_token_fails_with_28000(void **state)
{
    bc_engine *e = E(state);
    sqlite3_stmt *vm = NULL;
    bc_error err;
    bc_error_clear(&err);
    assert_int_equal(sqlite3_prepare_v2(bc_engine_db(e), "SELECT * FROM Brands", -1, &vm, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(vm), SQLITE_ERROR);
    assert_true(bc_engine_take_error(e, &err));
    assert_string_equal(err.sqlstate, "28000");
    assert_false(bc_engine_take_error(e, &err));
    sqlite3_finalize(vm);
}

/* A view refuses writes at prepare time, naming itself; a table's write goes to the API (which
 * this engine, without a token, cannot reach). */
static void views_are_read_only_tables_are_not(void **state)
{
    bc_engine *e = E(state);
    bc_error err;
    bc_error_clear(&err);
    assert_int_not_equal(exec_rc(e, "DELETE FROM Subscribers WHERE id = 1"), SQLITE_OK);
    assert_true(bc_engine_take_error(e, &err));
    assert_string_equal(err.sqlstate, "HY000");
    assert_non_null(strstr(err.message, "Subscribers cannot be written"));
    assert_int_not_equal(exec_rc(e, "DELETE FROM Products WHERE id = 1"), SQLITE_OK);
    assert_true(bc_engine_take_error(e, &err));
    assert_string_equal(err.sqlstate, "28000");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(schema_qualified_names_resolve),
        cmocka_unit_test(result_decltypes_come_from_the_catalog),
        cmocka_unit_test(select_star_decltypes_agree_with_sqlcolumns),
        cmocka_unit_test(money_expressions_are_declared_decimal),
        cmocka_unit_test(sums_of_decimals_are_exact),
        cmocka_unit_test(sqltables_lists_tables_and_system_tables),
        cmocka_unit_test(sqltables_patterns_and_escapes),
        cmocka_unit_test(sqltables_filters_table_types),
        cmocka_unit_test(sqltables_special_enumerations),
        cmocka_unit_test(sqlcolumns_has_18_typed_columns_in_ordinal_order),
        cmocka_unit_test(sqlcolumns_column_pattern_and_odbc2_types),
        cmocka_unit_test(metadata_id_treats_arguments_as_identifiers),
        cmocka_unit_test(keys_statistics_and_special_columns),
        cmocka_unit_test(type_info_is_ordered_by_data_type),
        cmocka_unit_test(procedures_and_privileges_are_shaped),
        cmocka_unit_test(system_tables_are_queryable),
        cmocka_unit_test(connection_props_mask_secrets),
        cmocka_unit_test(authorizer_keeps_metadata_and_schema_intact),
        cmocka_unit_test(sqlite_errors_map_to_sqlstates),
        cmocka_unit_test(data_request_without_token_fails_with_28000),
        cmocka_unit_test(views_are_read_only_tables_are_not),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
