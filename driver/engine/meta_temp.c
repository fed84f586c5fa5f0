/*
 * TEMP tables and views in the catalog functions. The metadata tables are filled once per
 * connection, but an application (a BI tool, a test suite) may create TEMP objects at any
 * time and then look for them with SQLTables, SQLColumns, SQLPrimaryKeys or SQLStatistics.
 * Before such a call their rows, schema "temp", are rebuilt from SQLite's own temp schema
 * whenever its schema version moved since the last rebuild, so a connection without TEMP
 * objects pays one PRAGMA per catalog call.
 */
#include <stdio.h>
#include <sql.h>
#include <sqlext.h>
#include <string.h>
#include "meta_util.h"
#include "engine_internal.h"

#define TEMP_SCHEMA "temp"

static int temp_schema_version(sqlite3 *db)
{
    sqlite3_stmt *vm = NULL;
    int v = -1;

    if (sqlite3_prepare_v2(db, "PRAGMA temp.schema_version", -1, &vm, NULL) == SQLITE_OK &&
        sqlite3_step(vm) == SQLITE_ROW)
        v = sqlite3_column_int(vm, 0);
    sqlite3_finalize(vm);
    return v;
}

static int forget_temp_rows(sqlite3 *db, bc_error *err)
{
    return bc_engine_exec(db,
                          "DELETE FROM bc_meta_tables WHERE TABLE_SCHEM = '" TEMP_SCHEMA "';"
                          "DELETE FROM bc_meta_columns WHERE TABLE_SCHEM = '" TEMP_SCHEMA "';"
                          "DELETE FROM bc_meta_pkeys WHERE TABLE_SCHEM = '" TEMP_SCHEMA "';"
                          "DELETE FROM bc_meta_stats WHERE TABLE_SCHEM = '" TEMP_SCHEMA "';"
                          "DELETE FROM bc_meta_tables_enum WHERE TABLE_SCHEM = '" TEMP_SCHEMA "';",
                          err);
}

typedef struct temp_fillers {
    sqlite3_stmt *tables, *cols, *pkeys, *stats;
} temp_fillers;

/* The columns and primary key (SQLPrimaryKeys, SQLStatistics) of one TEMP table or view. */
static int add_temp_columns(sqlite3 *db, const temp_fillers *f, const char *table, bc_error *err)
{
    sqlite3_stmt *vm = NULL;
    char pk_name[160];
    int ord = 0, rc;

    snprintf(pk_name, sizeof pk_name, "PK_%s", table);
    if (sqlite3_prepare_v2(db,
                           "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?, 'temp')",
                           -1, &vm, NULL) != SQLITE_OK)
        return bc_error_set(err, "HY000", 0, "metadata: %s", sqlite3_errmsg(db));
    sqlite3_bind_text(vm, 1, table, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(vm)) == SQLITE_ROW) {
        const char *col = (const char *)sqlite3_column_text(vm, 0);
        bc_sql_type ty;
        int pk = sqlite3_column_int(vm, 3);
        bc_type_from_decl((const char *)sqlite3_column_text(vm, 1), &ty);
        if (bc_meta_column_row(f->cols, TEMP_SCHEMA, table, col, &ty, !sqlite3_column_int(vm, 2),
                               NULL, ++ord, err) != 0 ||
            (pk > 0 &&
             (bc_meta_row(f->pkeys, err, "nsssis", TEMP_SCHEMA, table, col, pk, pk_name) != 0 ||
              bc_meta_row(f->stats, err, "nssinsiisnnnn", TEMP_SCHEMA, table, SQL_FALSE, pk_name,
                          SQL_INDEX_OTHER, pk, col) != 0)))
            break;
    }
    sqlite3_finalize(vm);
    /* The SQL_TABLE_STAT row, as BigCommerce tables have. */
    if (!bc_error_is_set(err))
        bc_meta_row(f->stats, err, "nssnnninnnnnn", TEMP_SCHEMA, table, SQL_TABLE_STAT);
    return bc_error_is_set(err) ? -1 : 0;
}

static void finalize_fillers(temp_fillers *f)
{
    sqlite3_finalize(f->tables);
    sqlite3_finalize(f->cols);
    sqlite3_finalize(f->pkeys);
    sqlite3_finalize(f->stats);
}

static int add_temp_objects(sqlite3 *db, bc_error *err)
{
    temp_fillers f = {0};
    sqlite3_stmt *list = NULL;
    int n = 0;

    f.tables = bc_meta_insert(db, "bc_meta_tables", 6, err);
    f.cols = f.tables ? bc_meta_insert(db, "bc_meta_columns", 23, err) : NULL;
    f.pkeys = f.cols ? bc_meta_insert(db, "bc_meta_pkeys", 6, err) : NULL;
    f.stats = f.pkeys ? bc_meta_insert(db, "bc_meta_stats", 13, err) : NULL;
    if (f.stats != NULL &&
        sqlite3_prepare_v2(db,
                           "SELECT name, type FROM sqlite_temp_master WHERE type IN "
                           "('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                           "ORDER BY name",
                           -1, &list, NULL) != SQLITE_OK)
        bc_error_set(err, "HY000", 0, "metadata: %s", sqlite3_errmsg(db));
    while (list != NULL && !bc_error_is_set(err) && sqlite3_step(list) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(list, 0);
        bool view = strcmp((const char *)sqlite3_column_text(list, 1), "view") == 0;
        n++;
        if (bc_meta_row(f.tables, err, "nssssi", TEMP_SCHEMA, name, view ? "VIEW" : "TABLE",
                        view ? "A TEMP view of this connection."
                             : "A TEMP table of this connection.",
                        0) == 0)
            add_temp_columns(db, &f, name, err);
    }
    sqlite3_finalize(list);
    finalize_fillers(&f);
    if (!bc_error_is_set(err) && n > 0)
        bc_engine_exec(
            db,
            "INSERT INTO bc_meta_tables_enum(KIND, TABLE_SCHEM) VALUES ('S', '" TEMP_SCHEMA "')",
            err);
    return bc_error_is_set(err) ? -1 : 0;
}

int bc_meta_sync_temp(bc_engine *e, bc_error *err)
{
    int version = temp_schema_version(e->db);
    int rc;

    if (version == e->temp_meta_version)
        return 0;
    /* The metadata tables are closed to application SQL; the engine itself rewrites them. */
    sqlite3_set_authorizer(e->db, NULL, NULL);
    rc = forget_temp_rows(e->db, err) != 0 || add_temp_objects(e->db, err) != 0 ||
                 bc_meta_null_inapplicable(e->db, "bc_meta_columns", err) != 0
             ? -1
             : 0;
    sqlite3_set_authorizer(e->db, bc_engine_authorize, e);
    if (rc == 0)
        e->temp_meta_version = version;
    return rc;
}
