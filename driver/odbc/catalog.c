/*
 * The catalog functions (A and W): convert the name arguments to UTF-8 and let the engine
 * build the result set (bc_engine_catalog via bc_stmt_catalog).
 */
#include "skin.h"

static char *conv(const void *s, SQLSMALLINT len, bool wide, bool *oom)
{
    bool o = false;
    char *r = wide ? skin_w(s, len, &o) : skin_a(s, len, &o);

    if (o)
        *oom = true;
    return r;
}

/* Runs the catalog function and frees the converted arguments (owned, n of them). */
static SQLRETURN run(SQLHSTMT h, bc_catalog_fn fn, bc_catalog_args *a, char **owned, int n,
                     bool oom)
{
    SQLRETURN rc = oom ? skin_oom(h) : bc_stmt_catalog(h, fn, a);

    for (int i = 0; i < n; i++)
        free(owned[i]);
    return bc_handle_leave(h, rc);
}

static SQLRETURN tables(SQLHSTMT h, const void *catalog, SQLSMALLINT catalog_len,
                        const void *schema, SQLSMALLINT schema_len, const void *table,
                        SQLSMALLINT table_len, const void *table_types, SQLSMALLINT table_types_len,
                        bool wide)
{
    bool oom = false;
    bc_catalog_args a = {0};

    SKIN_ENTER(h, SQL_HANDLE_STMT);
    char *c0 = conv(catalog, catalog_len, wide, &oom);
    char *c1 = conv(schema, schema_len, wide, &oom);
    char *c2 = conv(table, table_len, wide, &oom);
    char *c3 = conv(table_types, table_types_len, wide, &oom);
    a.catalog = c0;
    a.schema = c1;
    a.table = c2;
    a.table_types = c3;
    char *owned[] = {c0, c1, c2, c3};
    return run(h, BC_CAT_TABLES, &a, owned, 4, oom);
}

BC_EXPORT SQLRETURN SQL_API SQLTables(SQLHSTMT h, SQLCHAR *catalog, SQLSMALLINT catalog_len,
                                      SQLCHAR *schema, SQLSMALLINT schema_len, SQLCHAR *table,
                                      SQLSMALLINT table_len, SQLCHAR *table_types,
                                      SQLSMALLINT table_types_len)
{
    return tables(h, catalog, catalog_len, schema, schema_len, table, table_len, table_types,
                  table_types_len, false);
}

BC_EXPORT SQLRETURN SQL_API SQLTablesW(SQLHSTMT h, SQLWCHAR *catalog, SQLSMALLINT catalog_len,
                                       SQLWCHAR *schema, SQLSMALLINT schema_len, SQLWCHAR *table,
                                       SQLSMALLINT table_len, SQLWCHAR *table_types,
                                       SQLSMALLINT table_types_len)
{
    return tables(h, catalog, catalog_len, schema, schema_len, table, table_len, table_types,
                  table_types_len, true);
}

static SQLRETURN columns(SQLHSTMT h, const void *catalog, SQLSMALLINT catalog_len,
                         const void *schema, SQLSMALLINT schema_len, const void *table,
                         SQLSMALLINT table_len, const void *column, SQLSMALLINT column_len,
                         bool wide)
{
    bool oom = false;
    bc_catalog_args a = {0};

    SKIN_ENTER(h, SQL_HANDLE_STMT);
    char *c0 = conv(catalog, catalog_len, wide, &oom);
    char *c1 = conv(schema, schema_len, wide, &oom);
    char *c2 = conv(table, table_len, wide, &oom);
    char *c3 = conv(column, column_len, wide, &oom);
    a.catalog = c0;
    a.schema = c1;
    a.table = c2;
    a.column = c3;
    char *owned[] = {c0, c1, c2, c3};
    return run(h, BC_CAT_COLUMNS, &a, owned, 4, oom);
}

BC_EXPORT SQLRETURN SQL_API SQLColumns(SQLHSTMT h, SQLCHAR *catalog, SQLSMALLINT catalog_len,
                                       SQLCHAR *schema, SQLSMALLINT schema_len, SQLCHAR *table,
                                       SQLSMALLINT table_len, SQLCHAR *column,
                                       SQLSMALLINT column_len)
{
    return columns(h, catalog, catalog_len, schema, schema_len, table, table_len, column,
                   column_len, false);
}

BC_EXPORT SQLRETURN SQL_API SQLColumnsW(SQLHSTMT h, SQLWCHAR *catalog, SQLSMALLINT catalog_len,
                                        SQLWCHAR *schema, SQLSMALLINT schema_len, SQLWCHAR *table,
                                        SQLSMALLINT table_len, SQLWCHAR *column,
                                        SQLSMALLINT column_len)
{
    return columns(h, catalog, catalog_len, schema, schema_len, table, table_len, column,
                   column_len, true);
}

static SQLRETURN primary_keys(SQLHSTMT h, const void *catalog, SQLSMALLINT catalog_len,
                              const void *schema, SQLSMALLINT schema_len, const void *table,
                              SQLSMALLINT table_len, bool wide)
{
    bool oom = false;
    bc_catalog_args a = {0};

    SKIN_ENTER(h, SQL_HANDLE_STMT);
    char *c0 = conv(catalog, catalog_len, wide, &oom);
    char *c1 = conv(schema, schema_len, wide, &oom);
    char *c2 = conv(table, table_len, wide, &oom);
    a.catalog = c0;
    a.schema = c1;
    a.table = c2;
    char *owned[] = {c0, c1, c2};
    return run(h, BC_CAT_PRIMARY_KEYS, &a, owned, 3, oom);
}

BC_EXPORT SQLRETURN SQL_API SQLPrimaryKeys(SQLHSTMT h, SQLCHAR *catalog, SQLSMALLINT catalog_len,
                                           SQLCHAR *schema, SQLSMALLINT schema_len, SQLCHAR *table,
                                           SQLSMALLINT table_len)
{
    return primary_keys(h, catalog, catalog_len, schema, schema_len, table, table_len, false);
}

BC_EXPORT SQLRETURN SQL_API SQLPrimaryKeysW(SQLHSTMT h, SQLWCHAR *catalog, SQLSMALLINT catalog_len,
                                            SQLWCHAR *schema, SQLSMALLINT schema_len,
                                            SQLWCHAR *table, SQLSMALLINT table_len)
{
    return primary_keys(h, catalog, catalog_len, schema, schema_len, table, table_len, true);
}

static SQLRETURN foreign_keys(SQLHSTMT h, const void *catalog, SQLSMALLINT catalog_len,
                              const void *schema, SQLSMALLINT schema_len, const void *table,
                              SQLSMALLINT table_len, const void *fk_catalog,
                              SQLSMALLINT fk_catalog_len, const void *fk_schema,
                              SQLSMALLINT fk_schema_len, const void *fk_table,
                              SQLSMALLINT fk_table_len, bool wide)
{
    bool oom = false;
    bc_catalog_args a = {0};

    SKIN_ENTER(h, SQL_HANDLE_STMT);
    char *c0 = conv(catalog, catalog_len, wide, &oom);
    char *c1 = conv(schema, schema_len, wide, &oom);
    char *c2 = conv(table, table_len, wide, &oom);
    char *c3 = conv(fk_catalog, fk_catalog_len, wide, &oom);
    char *c4 = conv(fk_schema, fk_schema_len, wide, &oom);
    char *c5 = conv(fk_table, fk_table_len, wide, &oom);
    a.catalog = c0;
    a.schema = c1;
    a.table = c2;
    a.fk_catalog = c3;
    a.fk_schema = c4;
    a.fk_table = c5;
    char *owned[] = {c0, c1, c2, c3, c4, c5};
    return run(h, BC_CAT_FOREIGN_KEYS, &a, owned, 6, oom);
}

BC_EXPORT SQLRETURN SQL_API SQLForeignKeys(SQLHSTMT h, SQLCHAR *catalog, SQLSMALLINT catalog_len,
                                           SQLCHAR *schema, SQLSMALLINT schema_len, SQLCHAR *table,
                                           SQLSMALLINT table_len, SQLCHAR *fk_catalog,
                                           SQLSMALLINT fk_catalog_len, SQLCHAR *fk_schema,
                                           SQLSMALLINT fk_schema_len, SQLCHAR *fk_table,
                                           SQLSMALLINT fk_table_len)
{
    return foreign_keys(h, catalog, catalog_len, schema, schema_len, table, table_len, fk_catalog,
                        fk_catalog_len, fk_schema, fk_schema_len, fk_table, fk_table_len, false);
}

BC_EXPORT SQLRETURN SQL_API SQLForeignKeysW(SQLHSTMT h, SQLWCHAR *catalog, SQLSMALLINT catalog_len,
                                            SQLWCHAR *schema, SQLSMALLINT schema_len,
                                            SQLWCHAR *table, SQLSMALLINT table_len,
                                            SQLWCHAR *fk_catalog, SQLSMALLINT fk_catalog_len,
                                            SQLWCHAR *fk_schema, SQLSMALLINT fk_schema_len,
                                            SQLWCHAR *fk_table, SQLSMALLINT fk_table_len)
{
    return foreign_keys(h, catalog, catalog_len, schema, schema_len, table, table_len, fk_catalog,
                        fk_catalog_len, fk_schema, fk_schema_len, fk_table, fk_table_len, true);
}

static SQLRETURN statistics(SQLHSTMT h, const void *catalog, SQLSMALLINT catalog_len,
                            const void *schema, SQLSMALLINT schema_len, const void *table,
                            SQLSMALLINT table_len, SQLUSMALLINT unique, SQLUSMALLINT reserved,
                            bool wide)
{
    bool oom = false;
    bc_catalog_args a = {0};

    SKIN_ENTER(h, SQL_HANDLE_STMT);
    char *c0 = conv(catalog, catalog_len, wide, &oom);
    char *c1 = conv(schema, schema_len, wide, &oom);
    char *c2 = conv(table, table_len, wide, &oom);
    a.catalog = c0;
    a.schema = c1;
    a.table = c2;
    a.unique = unique;
    (void)reserved;
    char *owned[] = {c0, c1, c2};
    return run(h, BC_CAT_STATISTICS, &a, owned, 3, oom);
}

BC_EXPORT SQLRETURN SQL_API SQLStatistics(SQLHSTMT h, SQLCHAR *catalog, SQLSMALLINT catalog_len,
                                          SQLCHAR *schema, SQLSMALLINT schema_len, SQLCHAR *table,
                                          SQLSMALLINT table_len, SQLUSMALLINT unique,
                                          SQLUSMALLINT reserved)
{
    return statistics(h, catalog, catalog_len, schema, schema_len, table, table_len, unique,
                      reserved, false);
}

BC_EXPORT SQLRETURN SQL_API SQLStatisticsW(SQLHSTMT h, SQLWCHAR *catalog, SQLSMALLINT catalog_len,
                                           SQLWCHAR *schema, SQLSMALLINT schema_len,
                                           SQLWCHAR *table, SQLSMALLINT table_len,
                                           SQLUSMALLINT unique, SQLUSMALLINT reserved)
{
    return statistics(h, catalog, catalog_len, schema, schema_len, table, table_len, unique,
                      reserved, true);
}

static SQLRETURN special_columns(SQLHSTMT h, SQLUSMALLINT id_type, const void *catalog,
                                 SQLSMALLINT catalog_len, const void *schema,
                                 SQLSMALLINT schema_len, const void *table, SQLSMALLINT table_len,
                                 SQLUSMALLINT scope, SQLUSMALLINT nullable, bool wide)
{
    bool oom = false;
    bc_catalog_args a = {0};

    SKIN_ENTER(h, SQL_HANDLE_STMT);
    char *c0 = conv(catalog, catalog_len, wide, &oom);
    char *c1 = conv(schema, schema_len, wide, &oom);
    char *c2 = conv(table, table_len, wide, &oom);
    a.catalog = c0;
    a.schema = c1;
    a.table = c2;
    a.identifier_type = id_type;
    (void)scope;
    (void)nullable;
    char *owned[] = {c0, c1, c2};
    return run(h, BC_CAT_SPECIAL_COLUMNS, &a, owned, 3, oom);
}

BC_EXPORT SQLRETURN SQL_API SQLSpecialColumns(SQLHSTMT h, SQLUSMALLINT id_type, SQLCHAR *catalog,
                                              SQLSMALLINT catalog_len, SQLCHAR *schema,
                                              SQLSMALLINT schema_len, SQLCHAR *table,
                                              SQLSMALLINT table_len, SQLUSMALLINT scope,
                                              SQLUSMALLINT nullable)
{
    return special_columns(h, id_type, catalog, catalog_len, schema, schema_len, table, table_len,
                           scope, nullable, false);
}

BC_EXPORT SQLRETURN SQL_API SQLSpecialColumnsW(SQLHSTMT h, SQLUSMALLINT id_type, SQLWCHAR *catalog,
                                               SQLSMALLINT catalog_len, SQLWCHAR *schema,
                                               SQLSMALLINT schema_len, SQLWCHAR *table,
                                               SQLSMALLINT table_len, SQLUSMALLINT scope,
                                               SQLUSMALLINT nullable)
{
    return special_columns(h, id_type, catalog, catalog_len, schema, schema_len, table, table_len,
                           scope, nullable, true);
}

/* The procedure name travels in args.table, its column pattern in args.column. */
static SQLRETURN procedures(SQLHSTMT h, const void *catalog, SQLSMALLINT catalog_len,
                            const void *schema, SQLSMALLINT schema_len, const void *table,
                            SQLSMALLINT table_len, bool wide)
{
    bool oom = false;
    bc_catalog_args a = {0};

    SKIN_ENTER(h, SQL_HANDLE_STMT);
    char *c0 = conv(catalog, catalog_len, wide, &oom);
    char *c1 = conv(schema, schema_len, wide, &oom);
    char *c2 = conv(table, table_len, wide, &oom);
    a.catalog = c0;
    a.schema = c1;
    a.table = c2;
    char *owned[] = {c0, c1, c2};
    return run(h, BC_CAT_PROCEDURES, &a, owned, 3, oom);
}

BC_EXPORT SQLRETURN SQL_API SQLProcedures(SQLHSTMT h, SQLCHAR *catalog, SQLSMALLINT catalog_len,
                                          SQLCHAR *schema, SQLSMALLINT schema_len, SQLCHAR *table,
                                          SQLSMALLINT table_len)
{
    return procedures(h, catalog, catalog_len, schema, schema_len, table, table_len, false);
}

BC_EXPORT SQLRETURN SQL_API SQLProceduresW(SQLHSTMT h, SQLWCHAR *catalog, SQLSMALLINT catalog_len,
                                           SQLWCHAR *schema, SQLSMALLINT schema_len,
                                           SQLWCHAR *table, SQLSMALLINT table_len)
{
    return procedures(h, catalog, catalog_len, schema, schema_len, table, table_len, true);
}

static SQLRETURN procedure_columns(SQLHSTMT h, const void *catalog, SQLSMALLINT catalog_len,
                                   const void *schema, SQLSMALLINT schema_len, const void *table,
                                   SQLSMALLINT table_len, const void *column,
                                   SQLSMALLINT column_len, bool wide)
{
    bool oom = false;
    bc_catalog_args a = {0};

    SKIN_ENTER(h, SQL_HANDLE_STMT);
    char *c0 = conv(catalog, catalog_len, wide, &oom);
    char *c1 = conv(schema, schema_len, wide, &oom);
    char *c2 = conv(table, table_len, wide, &oom);
    char *c3 = conv(column, column_len, wide, &oom);
    a.catalog = c0;
    a.schema = c1;
    a.table = c2;
    a.column = c3;
    char *owned[] = {c0, c1, c2, c3};
    return run(h, BC_CAT_PROCEDURE_COLUMNS, &a, owned, 4, oom);
}

BC_EXPORT SQLRETURN SQL_API SQLProcedureColumns(SQLHSTMT h, SQLCHAR *catalog,
                                                SQLSMALLINT catalog_len, SQLCHAR *schema,
                                                SQLSMALLINT schema_len, SQLCHAR *table,
                                                SQLSMALLINT table_len, SQLCHAR *column,
                                                SQLSMALLINT column_len)
{
    return procedure_columns(h, catalog, catalog_len, schema, schema_len, table, table_len, column,
                             column_len, false);
}

BC_EXPORT SQLRETURN SQL_API SQLProcedureColumnsW(SQLHSTMT h, SQLWCHAR *catalog,
                                                 SQLSMALLINT catalog_len, SQLWCHAR *schema,
                                                 SQLSMALLINT schema_len, SQLWCHAR *table,
                                                 SQLSMALLINT table_len, SQLWCHAR *column,
                                                 SQLSMALLINT column_len)
{
    return procedure_columns(h, catalog, catalog_len, schema, schema_len, table, table_len, column,
                             column_len, true);
}

static SQLRETURN table_privileges(SQLHSTMT h, const void *catalog, SQLSMALLINT catalog_len,
                                  const void *schema, SQLSMALLINT schema_len, const void *table,
                                  SQLSMALLINT table_len, bool wide)
{
    bool oom = false;
    bc_catalog_args a = {0};

    SKIN_ENTER(h, SQL_HANDLE_STMT);
    char *c0 = conv(catalog, catalog_len, wide, &oom);
    char *c1 = conv(schema, schema_len, wide, &oom);
    char *c2 = conv(table, table_len, wide, &oom);
    a.catalog = c0;
    a.schema = c1;
    a.table = c2;
    char *owned[] = {c0, c1, c2};
    return run(h, BC_CAT_TABLE_PRIVILEGES, &a, owned, 3, oom);
}

BC_EXPORT SQLRETURN SQL_API SQLTablePrivileges(SQLHSTMT h, SQLCHAR *catalog,
                                               SQLSMALLINT catalog_len, SQLCHAR *schema,
                                               SQLSMALLINT schema_len, SQLCHAR *table,
                                               SQLSMALLINT table_len)
{
    return table_privileges(h, catalog, catalog_len, schema, schema_len, table, table_len, false);
}

BC_EXPORT SQLRETURN SQL_API SQLTablePrivilegesW(SQLHSTMT h, SQLWCHAR *catalog,
                                                SQLSMALLINT catalog_len, SQLWCHAR *schema,
                                                SQLSMALLINT schema_len, SQLWCHAR *table,
                                                SQLSMALLINT table_len)
{
    return table_privileges(h, catalog, catalog_len, schema, schema_len, table, table_len, true);
}

static SQLRETURN column_privileges(SQLHSTMT h, const void *catalog, SQLSMALLINT catalog_len,
                                   const void *schema, SQLSMALLINT schema_len, const void *table,
                                   SQLSMALLINT table_len, const void *column,
                                   SQLSMALLINT column_len, bool wide)
{
    bool oom = false;
    bc_catalog_args a = {0};

    SKIN_ENTER(h, SQL_HANDLE_STMT);
    char *c0 = conv(catalog, catalog_len, wide, &oom);
    char *c1 = conv(schema, schema_len, wide, &oom);
    char *c2 = conv(table, table_len, wide, &oom);
    char *c3 = conv(column, column_len, wide, &oom);
    a.catalog = c0;
    a.schema = c1;
    a.table = c2;
    a.column = c3;
    char *owned[] = {c0, c1, c2, c3};
    return run(h, BC_CAT_COLUMN_PRIVILEGES, &a, owned, 4, oom);
}

BC_EXPORT SQLRETURN SQL_API SQLColumnPrivileges(SQLHSTMT h, SQLCHAR *catalog,
                                                SQLSMALLINT catalog_len, SQLCHAR *schema,
                                                SQLSMALLINT schema_len, SQLCHAR *table,
                                                SQLSMALLINT table_len, SQLCHAR *column,
                                                SQLSMALLINT column_len)
{
    return column_privileges(h, catalog, catalog_len, schema, schema_len, table, table_len, column,
                             column_len, false);
}

BC_EXPORT SQLRETURN SQL_API SQLColumnPrivilegesW(SQLHSTMT h, SQLWCHAR *catalog,
                                                 SQLSMALLINT catalog_len, SQLWCHAR *schema,
                                                 SQLSMALLINT schema_len, SQLWCHAR *table,
                                                 SQLSMALLINT table_len, SQLWCHAR *column,
                                                 SQLSMALLINT column_len)
{
    return column_privileges(h, catalog, catalog_len, schema, schema_len, table, table_len, column,
                             column_len, true);
}

static SQLRETURN get_type_info(SQLHSTMT h, SQLSMALLINT type)
{
    bc_catalog_args a = {0};

    SKIN_ENTER(h, SQL_HANDLE_STMT);
    a.data_type = type;
    return bc_handle_leave(h, bc_stmt_catalog(h, BC_CAT_TYPE_INFO, &a));
}

BC_EXPORT SQLRETURN SQL_API SQLGetTypeInfo(SQLHSTMT h, SQLSMALLINT type)
{
    return get_type_info(h, type);
}

BC_EXPORT SQLRETURN SQL_API SQLGetTypeInfoW(SQLHSTMT h, SQLSMALLINT type)
{
    return get_type_info(h, type);
}
