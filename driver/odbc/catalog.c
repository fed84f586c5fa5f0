/*
 * The catalog functions (A and W): convert the name arguments to UTF-8 and let the engine
 * build the result set (bc_engine_catalog via bc_stmt_catalog). Every function differs only
 * in which names it takes and where they go in bc_catalog_args, so one helper does the work.
 */
#include "skin.h"

/* One name argument as the application passed it, and where its UTF-8 copy goes. */
typedef struct name_arg {
    const void *s;
    SQLSMALLINT len;
    const char **dest;
} name_arg;

/* Converts the n names, runs fn with a, frees the copies. */
static SQLRETURN catalog_call(const char *call, SQLHSTMT h, bc_catalog_fn fn, bc_catalog_args *a,
                              const name_arg *names, int n, bool wide)
{
    char *owned[6] = {0};
    bool oom = false;
    SQLRETURN rc;

    SKIN_ENTER_AS(call, h, SQL_HANDLE_STMT);
    for (int i = 0; i < n; i++) {
        owned[i] =
            wide ? skin_w(names[i].s, names[i].len, &oom) : skin_a(names[i].s, names[i].len, &oom);
        *names[i].dest = owned[i];
    }
    rc = oom ? skin_oom(h) : bc_stmt_catalog(h, fn, a);
    for (int i = 0; i < n; i++)
        free(owned[i]);
    return bc_handle_leave(h, rc);
}

/* The common shape: catalog, schema, table (or procedure) and an optional fourth name
 * (a column pattern, or SQLTables' table types) that goes to *fourth_dest. */
static SQLRETURN by_table(const char *call, SQLHSTMT h, bc_catalog_fn fn, bc_catalog_args *a,
                          const void *catalog, SQLSMALLINT catalog_len, const void *schema,
                          SQLSMALLINT schema_len, const void *table, SQLSMALLINT table_len,
                          const void *fourth, SQLSMALLINT fourth_len, const char **fourth_dest,
                          bool wide)
{
    const name_arg names[] = {{catalog, catalog_len, &a->catalog},
                              {schema, schema_len, &a->schema},
                              {table, table_len, &a->table},
                              {fourth, fourth_len, fourth_dest}};

    return catalog_call(call, h, fn, a, names, fourth_dest != NULL ? 4 : 3, wide);
}

BC_EXPORT SQLRETURN SQL_API SQLTables(SQLHSTMT h, SQLCHAR *catalog, SQLSMALLINT catalog_len,
                                      SQLCHAR *schema, SQLSMALLINT schema_len, SQLCHAR *table,
                                      SQLSMALLINT table_len, SQLCHAR *table_types,
                                      SQLSMALLINT table_types_len)
{
    bc_catalog_args a = {0};
    return by_table(__func__, h, BC_CAT_TABLES, &a, catalog, catalog_len, schema, schema_len, table,
                    table_len, table_types, table_types_len, &a.table_types, false);
}

BC_EXPORT SQLRETURN SQL_API SQLTablesW(SQLHSTMT h, SQLWCHAR *catalog, SQLSMALLINT catalog_len,
                                       SQLWCHAR *schema, SQLSMALLINT schema_len, SQLWCHAR *table,
                                       SQLSMALLINT table_len, SQLWCHAR *table_types,
                                       SQLSMALLINT table_types_len)
{
    bc_catalog_args a = {0};
    return by_table(__func__, h, BC_CAT_TABLES, &a, catalog, catalog_len, schema, schema_len, table,
                    table_len, table_types, table_types_len, &a.table_types, true);
}

BC_EXPORT SQLRETURN SQL_API SQLColumns(SQLHSTMT h, SQLCHAR *catalog, SQLSMALLINT catalog_len,
                                       SQLCHAR *schema, SQLSMALLINT schema_len, SQLCHAR *table,
                                       SQLSMALLINT table_len, SQLCHAR *column,
                                       SQLSMALLINT column_len)
{
    bc_catalog_args a = {0};
    return by_table(__func__, h, BC_CAT_COLUMNS, &a, catalog, catalog_len, schema, schema_len,
                    table, table_len, column, column_len, &a.column, false);
}

BC_EXPORT SQLRETURN SQL_API SQLColumnsW(SQLHSTMT h, SQLWCHAR *catalog, SQLSMALLINT catalog_len,
                                        SQLWCHAR *schema, SQLSMALLINT schema_len, SQLWCHAR *table,
                                        SQLSMALLINT table_len, SQLWCHAR *column,
                                        SQLSMALLINT column_len)
{
    bc_catalog_args a = {0};
    return by_table(__func__, h, BC_CAT_COLUMNS, &a, catalog, catalog_len, schema, schema_len,
                    table, table_len, column, column_len, &a.column, true);
}

BC_EXPORT SQLRETURN SQL_API SQLPrimaryKeys(SQLHSTMT h, SQLCHAR *catalog, SQLSMALLINT catalog_len,
                                           SQLCHAR *schema, SQLSMALLINT schema_len, SQLCHAR *table,
                                           SQLSMALLINT table_len)
{
    bc_catalog_args a = {0};
    return by_table(__func__, h, BC_CAT_PRIMARY_KEYS, &a, catalog, catalog_len, schema, schema_len,
                    table, table_len, NULL, 0, NULL, false);
}

BC_EXPORT SQLRETURN SQL_API SQLPrimaryKeysW(SQLHSTMT h, SQLWCHAR *catalog, SQLSMALLINT catalog_len,
                                            SQLWCHAR *schema, SQLSMALLINT schema_len,
                                            SQLWCHAR *table, SQLSMALLINT table_len)
{
    bc_catalog_args a = {0};
    return by_table(__func__, h, BC_CAT_PRIMARY_KEYS, &a, catalog, catalog_len, schema, schema_len,
                    table, table_len, NULL, 0, NULL, true);
}

static SQLRETURN foreign_keys(const char *call, SQLHSTMT h, const void *catalog,
                              SQLSMALLINT catalog_len, const void *schema, SQLSMALLINT schema_len,
                              const void *table, SQLSMALLINT table_len, const void *fk_catalog,
                              SQLSMALLINT fk_catalog_len, const void *fk_schema,
                              SQLSMALLINT fk_schema_len, const void *fk_table,
                              SQLSMALLINT fk_table_len, bool wide)
{
    bc_catalog_args a = {0};
    const name_arg names[] = {{catalog, catalog_len, &a.catalog},
                              {schema, schema_len, &a.schema},
                              {table, table_len, &a.table},
                              {fk_catalog, fk_catalog_len, &a.fk_catalog},
                              {fk_schema, fk_schema_len, &a.fk_schema},
                              {fk_table, fk_table_len, &a.fk_table}};

    return catalog_call(call, h, BC_CAT_FOREIGN_KEYS, &a, names, 6, wide);
}

BC_EXPORT SQLRETURN SQL_API SQLForeignKeys(SQLHSTMT h, SQLCHAR *catalog, SQLSMALLINT catalog_len,
                                           SQLCHAR *schema, SQLSMALLINT schema_len, SQLCHAR *table,
                                           SQLSMALLINT table_len, SQLCHAR *fk_catalog,
                                           SQLSMALLINT fk_catalog_len, SQLCHAR *fk_schema,
                                           SQLSMALLINT fk_schema_len, SQLCHAR *fk_table,
                                           SQLSMALLINT fk_table_len)
{
    return foreign_keys(__func__, h, catalog, catalog_len, schema, schema_len, table, table_len,
                        fk_catalog, fk_catalog_len, fk_schema, fk_schema_len, fk_table,
                        fk_table_len, false);
}

BC_EXPORT SQLRETURN SQL_API SQLForeignKeysW(SQLHSTMT h, SQLWCHAR *catalog, SQLSMALLINT catalog_len,
                                            SQLWCHAR *schema, SQLSMALLINT schema_len,
                                            SQLWCHAR *table, SQLSMALLINT table_len,
                                            SQLWCHAR *fk_catalog, SQLSMALLINT fk_catalog_len,
                                            SQLWCHAR *fk_schema, SQLSMALLINT fk_schema_len,
                                            SQLWCHAR *fk_table, SQLSMALLINT fk_table_len)
{
    return foreign_keys(__func__, h, catalog, catalog_len, schema, schema_len, table, table_len,
                        fk_catalog, fk_catalog_len, fk_schema, fk_schema_len, fk_table,
                        fk_table_len, true);
}

/* `reserved` (SQL_QUICK / SQL_ENSURE) asks about statistics we never have: no effect. */
BC_EXPORT SQLRETURN SQL_API SQLStatistics(SQLHSTMT h, SQLCHAR *catalog, SQLSMALLINT catalog_len,
                                          SQLCHAR *schema, SQLSMALLINT schema_len, SQLCHAR *table,
                                          SQLSMALLINT table_len, SQLUSMALLINT unique,
                                          SQLUSMALLINT reserved)
{
    bc_catalog_args a = {.unique = unique};
    (void)reserved;
    return by_table(__func__, h, BC_CAT_STATISTICS, &a, catalog, catalog_len, schema, schema_len,
                    table, table_len, NULL, 0, NULL, false);
}

BC_EXPORT SQLRETURN SQL_API SQLStatisticsW(SQLHSTMT h, SQLWCHAR *catalog, SQLSMALLINT catalog_len,
                                           SQLWCHAR *schema, SQLSMALLINT schema_len,
                                           SQLWCHAR *table, SQLSMALLINT table_len,
                                           SQLUSMALLINT unique, SQLUSMALLINT reserved)
{
    bc_catalog_args a = {.unique = unique};
    (void)reserved;
    return by_table(__func__, h, BC_CAT_STATISTICS, &a, catalog, catalog_len, schema, schema_len,
                    table, table_len, NULL, 0, NULL, true);
}

/* The best row id is the primary key whatever the scope, and it is never NULL, so scope and
 * nullable do not change the answer. */
BC_EXPORT SQLRETURN SQL_API SQLSpecialColumns(SQLHSTMT h, SQLUSMALLINT id_type, SQLCHAR *catalog,
                                              SQLSMALLINT catalog_len, SQLCHAR *schema,
                                              SQLSMALLINT schema_len, SQLCHAR *table,
                                              SQLSMALLINT table_len, SQLUSMALLINT scope,
                                              SQLUSMALLINT nullable)
{
    bc_catalog_args a = {.identifier_type = id_type};
    (void)scope;
    (void)nullable;
    return by_table(__func__, h, BC_CAT_SPECIAL_COLUMNS, &a, catalog, catalog_len, schema,
                    schema_len, table, table_len, NULL, 0, NULL, false);
}

BC_EXPORT SQLRETURN SQL_API SQLSpecialColumnsW(SQLHSTMT h, SQLUSMALLINT id_type, SQLWCHAR *catalog,
                                               SQLSMALLINT catalog_len, SQLWCHAR *schema,
                                               SQLSMALLINT schema_len, SQLWCHAR *table,
                                               SQLSMALLINT table_len, SQLUSMALLINT scope,
                                               SQLUSMALLINT nullable)
{
    bc_catalog_args a = {.identifier_type = id_type};
    (void)scope;
    (void)nullable;
    return by_table(__func__, h, BC_CAT_SPECIAL_COLUMNS, &a, catalog, catalog_len, schema,
                    schema_len, table, table_len, NULL, 0, NULL, true);
}

/* The procedure name travels in args.table, its column pattern in args.column. */
BC_EXPORT SQLRETURN SQL_API SQLProcedures(SQLHSTMT h, SQLCHAR *catalog, SQLSMALLINT catalog_len,
                                          SQLCHAR *schema, SQLSMALLINT schema_len, SQLCHAR *proc,
                                          SQLSMALLINT proc_len)
{
    bc_catalog_args a = {0};
    return by_table(__func__, h, BC_CAT_PROCEDURES, &a, catalog, catalog_len, schema, schema_len,
                    proc, proc_len, NULL, 0, NULL, false);
}

BC_EXPORT SQLRETURN SQL_API SQLProceduresW(SQLHSTMT h, SQLWCHAR *catalog, SQLSMALLINT catalog_len,
                                           SQLWCHAR *schema, SQLSMALLINT schema_len, SQLWCHAR *proc,
                                           SQLSMALLINT proc_len)
{
    bc_catalog_args a = {0};
    return by_table(__func__, h, BC_CAT_PROCEDURES, &a, catalog, catalog_len, schema, schema_len,
                    proc, proc_len, NULL, 0, NULL, true);
}

BC_EXPORT SQLRETURN SQL_API SQLProcedureColumns(SQLHSTMT h, SQLCHAR *catalog,
                                                SQLSMALLINT catalog_len, SQLCHAR *schema,
                                                SQLSMALLINT schema_len, SQLCHAR *proc,
                                                SQLSMALLINT proc_len, SQLCHAR *column,
                                                SQLSMALLINT column_len)
{
    bc_catalog_args a = {0};
    return by_table(__func__, h, BC_CAT_PROCEDURE_COLUMNS, &a, catalog, catalog_len, schema,
                    schema_len, proc, proc_len, column, column_len, &a.column, false);
}

BC_EXPORT SQLRETURN SQL_API SQLProcedureColumnsW(SQLHSTMT h, SQLWCHAR *catalog,
                                                 SQLSMALLINT catalog_len, SQLWCHAR *schema,
                                                 SQLSMALLINT schema_len, SQLWCHAR *proc,
                                                 SQLSMALLINT proc_len, SQLWCHAR *column,
                                                 SQLSMALLINT column_len)
{
    bc_catalog_args a = {0};
    return by_table(__func__, h, BC_CAT_PROCEDURE_COLUMNS, &a, catalog, catalog_len, schema,
                    schema_len, proc, proc_len, column, column_len, &a.column, true);
}

BC_EXPORT SQLRETURN SQL_API SQLTablePrivileges(SQLHSTMT h, SQLCHAR *catalog,
                                               SQLSMALLINT catalog_len, SQLCHAR *schema,
                                               SQLSMALLINT schema_len, SQLCHAR *table,
                                               SQLSMALLINT table_len)
{
    bc_catalog_args a = {0};
    return by_table(__func__, h, BC_CAT_TABLE_PRIVILEGES, &a, catalog, catalog_len, schema,
                    schema_len, table, table_len, NULL, 0, NULL, false);
}

BC_EXPORT SQLRETURN SQL_API SQLTablePrivilegesW(SQLHSTMT h, SQLWCHAR *catalog,
                                                SQLSMALLINT catalog_len, SQLWCHAR *schema,
                                                SQLSMALLINT schema_len, SQLWCHAR *table,
                                                SQLSMALLINT table_len)
{
    bc_catalog_args a = {0};
    return by_table(__func__, h, BC_CAT_TABLE_PRIVILEGES, &a, catalog, catalog_len, schema,
                    schema_len, table, table_len, NULL, 0, NULL, true);
}

BC_EXPORT SQLRETURN SQL_API SQLColumnPrivileges(SQLHSTMT h, SQLCHAR *catalog,
                                                SQLSMALLINT catalog_len, SQLCHAR *schema,
                                                SQLSMALLINT schema_len, SQLCHAR *table,
                                                SQLSMALLINT table_len, SQLCHAR *column,
                                                SQLSMALLINT column_len)
{
    bc_catalog_args a = {0};
    return by_table(__func__, h, BC_CAT_COLUMN_PRIVILEGES, &a, catalog, catalog_len, schema,
                    schema_len, table, table_len, column, column_len, &a.column, false);
}

BC_EXPORT SQLRETURN SQL_API SQLColumnPrivilegesW(SQLHSTMT h, SQLWCHAR *catalog,
                                                 SQLSMALLINT catalog_len, SQLWCHAR *schema,
                                                 SQLSMALLINT schema_len, SQLWCHAR *table,
                                                 SQLSMALLINT table_len, SQLWCHAR *column,
                                                 SQLSMALLINT column_len)
{
    bc_catalog_args a = {0};
    return by_table(__func__, h, BC_CAT_COLUMN_PRIVILEGES, &a, catalog, catalog_len, schema,
                    schema_len, table, table_len, column, column_len, &a.column, true);
}

static SQLRETURN get_type_info(const char *call, SQLHSTMT h, SQLSMALLINT type)
{
    bc_catalog_args a = {.data_type = type};

    SKIN_ENTER_AS(call, h, SQL_HANDLE_STMT);
    return bc_handle_leave(h, bc_stmt_catalog(h, BC_CAT_TYPE_INFO, &a));
}

BC_EXPORT SQLRETURN SQL_API SQLGetTypeInfo(SQLHSTMT h, SQLSMALLINT type)
{
    return get_type_info(__func__, h, type);
}

BC_EXPORT SQLRETURN SQL_API SQLGetTypeInfoW(SQLHSTMT h, SQLSMALLINT type)
{
    return get_type_info(__func__, h, type);
}
