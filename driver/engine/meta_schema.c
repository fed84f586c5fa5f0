/*
 * The metadata tables behind the catalog functions (bc_meta_*) and the system tables
 * (sys_*). Catalog-function result columns are plain columns of these tables, so their
 * declared types (SMALLINT, INTEGER, NVARCHAR) reach SQLDescribeCol through
 * sqlite3_column_decltype exactly as ODBC specifies them. Extra columns after the ODBC
 * ones serve the system views and ODBC 2 applications; the catalog functions never select
 * them.
 */
#include "engine_internal.h"

#define N "NVARCHAR(128)"
#define T "NVARCHAR(254)"
#define CAT3(p) p "_CAT " N ", " p "_SCHEM " N ", " p "_NAME " N

static const char *const k_ddl[] = {
    "CREATE TABLE bc_meta_tables(" CAT3("TABLE") ", TABLE_TYPE " N ", REMARKS " T
                                                 ", IS_UPDATEABLE BIT)",
    /* SQLTables' special enumerations: KIND 'S' rows list schemas, 'T' rows table types. */
    "CREATE TABLE bc_meta_tables_enum(KIND " N ", " CAT3("TABLE") ", TABLE_TYPE " N ", REMARKS " T
                                                                  ")",
    "CREATE TABLE bc_meta_columns(" CAT3(
        "TABLE") ", COLUMN_NAME " N ", DATA_TYPE SMALLINT, TYPE_NAME " N
                 ", COLUMN_SIZE INTEGER, BUFFER_LENGTH INTEGER, "
                 "DECIMAL_DIGITS SMALLINT, NUM_PREC_RADIX SMALLINT, NULLABLE SMALLINT, REMARKS " T
                 ", COLUMN_DEF " T ", SQL_DATA_TYPE SMALLINT, SQL_DATETIME_SUB SMALLINT, "
                 "CHAR_OCTET_LENGTH INTEGER, ORDINAL_POSITION INTEGER, IS_NULLABLE " T
                 ", DATA_TYPE_2 SMALLINT, NUMERIC_PRECISION INTEGER, IS_NULLABLE_BIT BIT, "
                 "IS_AUTO_INCREMENT BIT, IS_GENERATED BIT)",
    "CREATE TABLE bc_meta_pkeys(" CAT3("TABLE") ", COLUMN_NAME " N ", KEY_SEQ SMALLINT, PK_NAME " N
                                                ")",
    "CREATE TABLE bc_meta_fkeys(" CAT3("PKTABLE") ", PKCOLUMN_NAME " N ", " CAT3(
        "FKTABLE") ", FKCOLUMN_NAME " N
                   ", KEY_SEQ SMALLINT, UPDATE_RULE SMALLINT, DELETE_RULE SMALLINT, "
                   "FK_NAME " N ", PK_NAME " N ", DEFERRABILITY SMALLINT)",
    "CREATE TABLE bc_meta_stats(" CAT3(
        "TABLE") ", NON_UNIQUE SMALLINT, INDEX_QUALIFIER " N ", INDEX_NAME " N
                 ", TYPE SMALLINT, ORDINAL_POSITION SMALLINT, COLUMN_NAME " N
                 ", ASC_OR_DESC NVARCHAR(1), CARDINALITY INTEGER, PAGES INTEGER, "
                 "FILTER_CONDITION " T ")",
    "CREATE TABLE bc_meta_special(TABLE_NAME " N ", SCOPE SMALLINT, COLUMN_NAME " N
    ", DATA_TYPE SMALLINT, TYPE_NAME " N ", COLUMN_SIZE INTEGER, BUFFER_LENGTH INTEGER, "
    "DECIMAL_DIGITS SMALLINT, PSEUDO_COLUMN SMALLINT, DATA_TYPE_2 SMALLINT)",
    "CREATE TABLE bc_meta_procs(" CAT3(
        "PROCEDURE") ", NUM_INPUT_PARAMS INTEGER, "
                     "NUM_OUTPUT_PARAMS INTEGER, NUM_RESULT_SETS INTEGER, REMARKS " T
                     ", PROCEDURE_TYPE SMALLINT)",
    "CREATE TABLE bc_meta_proccols(" CAT3(
        "PROCEDURE") ", COLUMN_NAME " N ", COLUMN_TYPE SMALLINT, DATA_TYPE SMALLINT, TYPE_NAME " N
                     ", COLUMN_SIZE INTEGER, "
                     "BUFFER_LENGTH INTEGER, DECIMAL_DIGITS SMALLINT, NUM_PREC_RADIX SMALLINT, "
                     "NULLABLE SMALLINT, REMARKS " T ", COLUMN_DEF " T ", SQL_DATA_TYPE SMALLINT, "
                     "SQL_DATETIME_SUB SMALLINT, CHAR_OCTET_LENGTH INTEGER, ORDINAL_POSITION "
                     "INTEGER, "
                     "IS_NULLABLE " T
                     ", DATA_TYPE_2 SMALLINT, NUMERIC_PRECISION INTEGER, IS_REQUIRED BIT, "
                     "SEQ INTEGER)",
    "CREATE TABLE bc_meta_types(TYPE_NAME " N ", DATA_TYPE SMALLINT, COLUMN_SIZE INTEGER, "
    "LITERAL_PREFIX " N ", LITERAL_SUFFIX " N ", CREATE_PARAMS " N ", NULLABLE SMALLINT, "
    "CASE_SENSITIVE SMALLINT, SEARCHABLE SMALLINT, UNSIGNED_ATTRIBUTE SMALLINT, "
    "FIXED_PREC_SCALE SMALLINT, AUTO_UNIQUE_VALUE SMALLINT, LOCAL_TYPE_NAME " N
    ", MINIMUM_SCALE SMALLINT, MAXIMUM_SCALE SMALLINT, SQL_DATA_TYPE SMALLINT, "
    "SQL_DATETIME_SUB SMALLINT, NUM_PREC_RADIX INTEGER, INTERVAL_PRECISION SMALLINT, "
    "DATA_TYPE_2 SMALLINT, CLOSENESS INTEGER)",
    "CREATE TABLE bc_meta_tabprivs(" CAT3("TABLE") ", GRANTOR " N ", GRANTEE " N ", PRIVILEGE " N
                                                   ", IS_GRANTABLE " N ")",
    "CREATE TABLE bc_meta_colprivs(" CAT3("TABLE") ", COLUMN_NAME " N ", GRANTOR " N ", GRANTEE " N
                                                   ", PRIVILEGE " N ", IS_GRANTABLE " N ")",

    /* System tables, with the column names BigCommerce SQL tools use. */
    "CREATE VIEW sys_tables AS SELECT TABLE_CAT AS CatalogName, TABLE_SCHEM AS SchemaName, "
    "TABLE_NAME AS TableName, TABLE_TYPE AS TableType, REMARKS AS Description, "
    "IS_UPDATEABLE AS IsUpdateable FROM bc_meta_tables",
    "CREATE VIEW sys_tablecolumns AS SELECT TABLE_CAT AS CatalogName, TABLE_SCHEM AS "
    "SchemaName, TABLE_NAME AS TableName, COLUMN_NAME AS ColumnName, TYPE_NAME AS "
    "DataTypeName, DATA_TYPE AS DataType, COLUMN_SIZE AS Length, NUMERIC_PRECISION AS "
    "NumericPrecision, DECIMAL_DIGITS AS NumericScale, IS_NULLABLE_BIT AS IsNullable, "
    "REMARKS AS Description, ORDINAL_POSITION AS Ordinal, IS_AUTO_INCREMENT AS "
    "IsAutoIncrement, IS_GENERATED AS IsGeneratedColumn FROM bc_meta_columns",
    "CREATE VIEW sys_procedures AS SELECT PROCEDURE_CAT AS CatalogName, PROCEDURE_SCHEM AS "
    "SchemaName, PROCEDURE_NAME AS ProcedureName, REMARKS AS Description, PROCEDURE_TYPE AS "
    "ProcedureType FROM bc_meta_procs",
    "CREATE VIEW sys_procedureparameters AS SELECT PROCEDURE_CAT AS CatalogName, "
    "PROCEDURE_SCHEM AS SchemaName, PROCEDURE_NAME AS ProcedureName, COLUMN_NAME AS "
    "ColumnName, COLUMN_TYPE AS Direction, TYPE_NAME AS DataTypeName, DATA_TYPE AS DataType, "
    "COLUMN_SIZE AS Length, NUMERIC_PRECISION AS NumericPrecision, DECIMAL_DIGITS AS "
    "NumericScale, IS_REQUIRED AS IsRequired, REMARKS AS Description, ORDINAL_POSITION AS "
    "Ordinal FROM bc_meta_proccols",
    "CREATE VIEW sys_foreignkeys AS SELECT FKTABLE_CAT AS CatalogName, FKTABLE_SCHEM AS "
    "SchemaName, FKTABLE_NAME AS TableName, FKCOLUMN_NAME AS ColumnName, PK_NAME AS "
    "PrimaryKeyName, FK_NAME AS ForeignKeyName, PKTABLE_CAT AS ReferencedCatalogName, "
    "PKTABLE_SCHEM AS ReferencedSchemaName, PKTABLE_NAME AS ReferencedTableName, "
    "PKCOLUMN_NAME AS ReferencedColumnName FROM bc_meta_fkeys",
    "CREATE TABLE sys_keycolumns(CatalogName " N ", SchemaName " N ", TableName " N
    ", ColumnName " N ", IsKey BIT, IsForeignKey BIT, PrimaryKeyName " N ", ForeignKeyName " N
    ", ReferencedCatalogName " N ", ReferencedSchemaName " N ", ReferencedTableName " N
    ", ReferencedColumnName " N ")",
    "CREATE TABLE sys_connection_props(Name " N ", ShortDescription " T ", Type " N
    ", DefaultValue " T ", AllowedValues " T ", Value " T ", Required BIT, Category " N ")",
    "CREATE TABLE sys_sqlinfo(NAME " N ", VALUE " T ")",
};

/* The system tables in the order SQLTables lists them (by name). */
const char *const bc_sys_table_names[] = {
    "sys_connection_props",    "sys_foreignkeys", "sys_keycolumns", "sys_lastresult",
    "sys_procedureparameters", "sys_procedures",  "sys_requests",   "sys_sqlinfo",
    "sys_tablecolumns",        "sys_tables",
};
const int bc_sys_table_count = (int)(sizeof bc_sys_table_names / sizeof bc_sys_table_names[0]);

int bc_meta_create(bc_engine *e, bc_error *err)
{
    for (size_t i = 0; i < sizeof k_ddl / sizeof k_ddl[0]; i++)
        if (bc_engine_exec(e->db, k_ddl[i], err) != 0)
            return -1;
    return 0;
}
