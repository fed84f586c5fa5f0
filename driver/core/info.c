/*
 * SQLGetInfo as a table: what the driver and its SQLite engine really support, after the
 * {fn} escape rewriting. A few answers depend on the connection (names) and are computed.
 */
#include <stddef.h>
#include "bc_defaults.h"
#include "bc_handles.h"

typedef enum { INFO_STR, INFO_U16, INFO_U32 } info_kind;

typedef struct info_entry {
    SQLUSMALLINT type;
    info_kind kind;
    SQLUINTEGER num;
    const char *str;
} info_entry;

#define S(t, v)                                                                                    \
    {                                                                                              \
        t, INFO_STR, 0, v                                                                          \
    }
#define U16(t, v)                                                                                  \
    {                                                                                              \
        t, INFO_U16, (SQLUINTEGER)(v), NULL                                                        \
    }
#define U32(t, v)                                                                                  \
    {                                                                                              \
        t, INFO_U32, (SQLUINTEGER)(v), NULL                                                        \
    }

#define CVT_CHARS                                                                                  \
    (SQL_CVT_CHAR | SQL_CVT_VARCHAR | SQL_CVT_LONGVARCHAR | SQL_CVT_WCHAR | SQL_CVT_WVARCHAR |     \
     SQL_CVT_WLONGVARCHAR)
#define CVT_NUMBERS                                                                                \
    (SQL_CVT_NUMERIC | SQL_CVT_DECIMAL | SQL_CVT_INTEGER | SQL_CVT_SMALLINT | SQL_CVT_FLOAT |      \
     SQL_CVT_REAL | SQL_CVT_DOUBLE | SQL_CVT_BIT | SQL_CVT_TINYINT | SQL_CVT_BIGINT)
#define CVT_DATES (SQL_CVT_DATE | SQL_CVT_TIMESTAMP)
/* CAST in SQLite converts freely between text and numbers; dates are text. */
#define CVT_FROM_NUMBER (CVT_CHARS | CVT_NUMBERS)
#define CVT_FROM_CHAR (CVT_CHARS | CVT_NUMBERS | CVT_DATES | SQL_CVT_TIME)
#define CVT_FROM_DATE (CVT_CHARS | CVT_DATES)

static const char keywords[] =
    "ABORT,ACTION,AFTER,ANALYZE,ATTACH,AUTOINCREMENT,BEFORE,CONFLICT,DATABASE,DETACH,EACH,"
    "EXCLUSIVE,EXPLAIN,FAIL,GLOB,IF,IGNORE,INDEXED,INSTEAD,ISNULL,LIMIT,NOTNULL,OFFSET,PLAN,"
    "PRAGMA,QUERY,RAISE,RECURSIVE,REGEXP,REINDEX,RELEASE,RENAME,REPLACE,ROW,SAVEPOINT,TEMP,"
    "TRIGGER,VACUUM,VIRTUAL,WINDOW,WITHOUT,EXEC,CALL";

static const info_entry info_table[] = {
    /* driver and data source */
    S(SQL_DRIVER_NAME, BC_DRIVER_NAME),
    S(SQL_DRIVER_VER, BC_DRIVER_VERSION),
    S(SQL_DRIVER_ODBC_VER, BC_DRIVER_ODBC_VER),
    S(SQL_DBMS_NAME, BC_DBMS_NAME),
    S(SQL_DBMS_VER, BC_DBMS_VERSION),
    S(SQL_DATA_SOURCE_READ_ONLY, "Y"),
    S(SQL_ACCESSIBLE_TABLES, "Y"),
    S(SQL_ACCESSIBLE_PROCEDURES, "Y"),
    S(SQL_DATABASE_NAME, ""),
    S(SQL_USER_NAME, ""),
    S(SQL_XOPEN_CLI_YEAR, "1995"),
    U32(SQL_ODBC_INTERFACE_CONFORMANCE, SQL_OIC_CORE),
    U32(SQL_SQL_CONFORMANCE, SQL_SC_SQL92_ENTRY),
    U16(SQL_ODBC_API_CONFORMANCE, SQL_OAC_LEVEL1),
    U16(SQL_ODBC_SQL_CONFORMANCE, SQL_OSC_CORE),
    U16(SQL_ODBC_SAG_CLI_CONFORMANCE, SQL_OSCC_COMPLIANT),
    U32(SQL_STANDARD_CLI_CONFORMANCE, SQL_SCC_XOPEN_CLI_VERSION1),
    U16(SQL_ACTIVE_ENVIRONMENTS, 0),
    U16(SQL_MAX_DRIVER_CONNECTIONS, 0),
    U16(SQL_MAX_CONCURRENT_ACTIVITIES, 0),
    U16(SQL_FILE_USAGE, SQL_FILE_NOT_SUPPORTED),
    /* names and terms */
    S(SQL_CATALOG_NAME, "N"),
    S(SQL_CATALOG_NAME_SEPARATOR, ""),
    S(SQL_CATALOG_TERM, ""),
    U16(SQL_CATALOG_LOCATION, 0),
    U32(SQL_CATALOG_USAGE, 0),
    S(SQL_SCHEMA_TERM, "schema"),
    U32(SQL_SCHEMA_USAGE, SQL_SU_DML_STATEMENTS),
    S(SQL_TABLE_TERM, "table"),
    S(SQL_PROCEDURE_TERM, "stored procedure"),
    S(SQL_PROCEDURES, "Y"),
    S(SQL_IDENTIFIER_QUOTE_CHAR, "\""),
    U16(SQL_IDENTIFIER_CASE, SQL_IC_MIXED),
    U16(SQL_QUOTED_IDENTIFIER_CASE, SQL_IC_MIXED),
    S(SQL_SEARCH_PATTERN_ESCAPE, "\\"),
    S(SQL_SPECIAL_CHARACTERS, ""),
    S(SQL_KEYWORDS, keywords),
    S(SQL_LIKE_ESCAPE_CLAUSE, "Y"),
    S(SQL_COLUMN_ALIAS, "Y"),
    S(SQL_COLLATION_SEQ, "UTF-8"),
    U16(SQL_MAX_COLUMN_NAME_LEN, 128),
    U16(SQL_MAX_CURSOR_NAME_LEN, 128),
    U16(SQL_MAX_SCHEMA_NAME_LEN, 128),
    U16(SQL_MAX_CATALOG_NAME_LEN, 0),
    U16(SQL_MAX_TABLE_NAME_LEN, 128),
    U16(SQL_MAX_PROCEDURE_NAME_LEN, 128),
    U16(SQL_MAX_IDENTIFIER_LEN, 128),
    U16(SQL_MAX_USER_NAME_LEN, 0),
    U16(SQL_MAX_COLUMNS_IN_GROUP_BY, 0),
    U16(SQL_MAX_COLUMNS_IN_ORDER_BY, 0),
    U16(SQL_MAX_COLUMNS_IN_INDEX, 0),
    U16(SQL_MAX_COLUMNS_IN_SELECT, 0),
    U16(SQL_MAX_COLUMNS_IN_TABLE, 0),
    U16(SQL_MAX_TABLES_IN_SELECT, 64), /* SQLite's join limit */
    U32(SQL_MAX_INDEX_SIZE, 0),
    U32(SQL_MAX_ROW_SIZE, 0),
    S(SQL_MAX_ROW_SIZE_INCLUDES_LONG, "Y"),
    U32(SQL_MAX_STATEMENT_LEN, 0),
    U32(SQL_MAX_CHAR_LITERAL_LEN, 0),
    U32(SQL_MAX_BINARY_LITERAL_LEN, 0),
    /* transactions: none, every statement stands alone */
    U16(SQL_TXN_CAPABLE, SQL_TC_NONE),
    U32(SQL_DEFAULT_TXN_ISOLATION, 0),
    U32(SQL_TXN_ISOLATION_OPTION, 0),
    S(SQL_MULTIPLE_ACTIVE_TXN, "Y"),
    U16(SQL_CURSOR_COMMIT_BEHAVIOR, SQL_CB_PRESERVE),
    U16(SQL_CURSOR_ROLLBACK_BEHAVIOR, SQL_CB_PRESERVE),
    /* cursors and fetching */
    U32(SQL_SCROLL_OPTIONS, SQL_SO_FORWARD_ONLY | SQL_SO_STATIC),
    U32(SQL_SCROLL_CONCURRENCY, SQL_SCCO_READ_ONLY | SQL_SCCO_LOCK),
    U32(SQL_FETCH_DIRECTION, SQL_FD_FETCH_NEXT | SQL_FD_FETCH_FIRST | SQL_FD_FETCH_LAST |
                                 SQL_FD_FETCH_PRIOR | SQL_FD_FETCH_ABSOLUTE |
                                 SQL_FD_FETCH_RELATIVE),
    /* Positioned writes (core/setpos_write.c) go through a forward-only cursor's rowset;
     * bookmarks (core/bookmark.c) are the rows' keys, so SQLBulkOperations can name rows by
     * them; a forward-only cursor cannot scroll to one (SQL_CA1_BOOKMARK). */
    U32(SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1,
        SQL_CA1_NEXT | SQL_CA1_POS_POSITION | SQL_CA1_POS_UPDATE | SQL_CA1_POS_DELETE |
            SQL_CA1_POS_REFRESH | SQL_CA1_BULK_ADD | SQL_CA1_BULK_UPDATE_BY_BOOKMARK |
            SQL_CA1_BULK_DELETE_BY_BOOKMARK | SQL_CA1_BULK_FETCH_BY_BOOKMARK),
    U32(SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES2, SQL_CA2_READ_ONLY_CONCURRENCY |
                                                 SQL_CA2_LOCK_CONCURRENCY |
                                                 SQL_CA2_MAX_ROWS_SELECT | SQL_CA2_CRC_EXACT),
    /* Static cursors keep the whole result in the statement (core/scroll.c) and scroll to a
     * bookmark among the rows they keep; they do not write. */
    U32(SQL_STATIC_CURSOR_ATTRIBUTES1, SQL_CA1_NEXT | SQL_CA1_ABSOLUTE | SQL_CA1_RELATIVE |
                                           SQL_CA1_POS_POSITION | SQL_CA1_BOOKMARK |
                                           SQL_CA1_BULK_FETCH_BY_BOOKMARK),
    U32(SQL_STATIC_CURSOR_ATTRIBUTES2,
        SQL_CA2_READ_ONLY_CONCURRENCY | SQL_CA2_MAX_ROWS_SELECT | SQL_CA2_CRC_EXACT),
    U32(SQL_KEYSET_CURSOR_ATTRIBUTES1, 0),
    U32(SQL_KEYSET_CURSOR_ATTRIBUTES2, 0),
    U32(SQL_DYNAMIC_CURSOR_ATTRIBUTES1, 0),
    U32(SQL_DYNAMIC_CURSOR_ATTRIBUTES2, 0),
    U32(SQL_CURSOR_SENSITIVITY, SQL_INSENSITIVE),
    U32(SQL_STATIC_SENSITIVITY, 0),
    U32(SQL_LOCK_TYPES, SQL_LCK_NO_CHANGE),
    U32(SQL_POS_OPERATIONS,
        SQL_POS_POSITION | SQL_POS_UPDATE | SQL_POS_DELETE | SQL_POS_REFRESH | SQL_POS_ADD),
    U32(SQL_POSITIONED_STATEMENTS, 0),
    /* A bookmark is the row's key: it outlives the cursor, the statement and a transaction,
     * works on another statement over the same table, and an update leaves it as it was (key
     * columns cannot be assigned). */
    U32(SQL_BOOKMARK_PERSISTENCE, SQL_BP_CLOSE | SQL_BP_DROP | SQL_BP_OTHER_HSTMT | SQL_BP_SCROLL |
                                      SQL_BP_TRANSACTION | SQL_BP_UPDATE),
    U32(SQL_GETDATA_EXTENSIONS, SQL_GD_ANY_COLUMN | SQL_GD_ANY_ORDER | SQL_GD_BOUND | SQL_GD_BLOCK),
    S(SQL_ROW_UPDATES, "N"),
    U32(SQL_ASYNC_MODE, SQL_AM_NONE),
    U32(SQL_ASYNC_DBC_FUNCTIONS, SQL_ASYNC_DBC_NOT_CAPABLE),
    U32(SQL_MAX_ASYNC_CONCURRENT_STATEMENTS, 0),
    U32(SQL_ASYNC_NOTIFICATION, SQL_ASYNC_NOTIFICATION_NOT_CAPABLE),
    /* statements and parameters */
    U32(SQL_BATCH_SUPPORT, 0),
    U32(SQL_BATCH_ROW_COUNT, 0),
    U32(SQL_PARAM_ARRAY_ROW_COUNTS, SQL_PARC_NO_BATCH),
    U32(SQL_PARAM_ARRAY_SELECTS, SQL_PAS_NO_SELECT),
    S(SQL_DESCRIBE_PARAMETER, "N"),
    S(SQL_MULT_RESULT_SETS, "N"),
    S(SQL_NEED_LONG_DATA_LEN, "N"),
    U16(SQL_NULL_COLLATION, SQL_NC_LOW),
    U16(SQL_CONCAT_NULL_BEHAVIOR, SQL_CB_NULL),
    U16(SQL_NON_NULLABLE_COLUMNS, SQL_NNC_NON_NULL),
    U16(SQL_CORRELATION_NAME, SQL_CN_ANY),
    U16(SQL_GROUP_BY, SQL_GB_NO_RELATION),
    S(SQL_ORDER_BY_COLUMNS_IN_SELECT, "N"),
    S(SQL_EXPRESSIONS_IN_ORDERBY, "Y"),
    S(SQL_OUTER_JOINS, "Y"),
    U32(SQL_OJ_CAPABILITIES, SQL_OJ_LEFT | SQL_OJ_RIGHT | SQL_OJ_FULL | SQL_OJ_NESTED |
                                 SQL_OJ_NOT_ORDERED | SQL_OJ_INNER | SQL_OJ_ALL_COMPARISON_OPS),
    S(SQL_INTEGRITY, "N"),
    U32(SQL_SUBQUERIES,
        SQL_SQ_CORRELATED_SUBQUERIES | SQL_SQ_COMPARISON | SQL_SQ_EXISTS | SQL_SQ_IN),
    U32(SQL_UNION, SQL_U_UNION | SQL_U_UNION_ALL),
    U32(SQL_AGGREGATE_FUNCTIONS, SQL_AF_ALL | SQL_AF_AVG | SQL_AF_COUNT | SQL_AF_DISTINCT |
                                     SQL_AF_MAX | SQL_AF_MIN | SQL_AF_SUM),
    U32(SQL_DATETIME_LITERALS, SQL_DL_SQL92_DATE | SQL_DL_SQL92_TIME | SQL_DL_SQL92_TIMESTAMP),
    U32(SQL_INDEX_KEYWORDS, SQL_IK_NONE),
    U32(SQL_INFO_SCHEMA_VIEWS, 0),
    U32(SQL_INSERT_STATEMENT, 0),
    U32(SQL_DDL_INDEX, 0),
    U32(SQL_ALTER_DOMAIN, 0),
    U32(SQL_ALTER_TABLE, 0),
    U32(SQL_CREATE_ASSERTION, 0),
    U32(SQL_CREATE_CHARACTER_SET, 0),
    U32(SQL_CREATE_COLLATION, 0),
    U32(SQL_CREATE_DOMAIN, 0),
    U32(SQL_CREATE_SCHEMA, 0),
    /* Only TEMP tables and views of the connection can be created (CREATE TEMP TABLE ...). */
    U32(SQL_CREATE_TABLE, SQL_CT_CREATE_TABLE | SQL_CT_LOCAL_TEMPORARY | SQL_CT_COLUMN_CONSTRAINT |
                              SQL_CT_COLUMN_DEFAULT | SQL_CT_TABLE_CONSTRAINT |
                              SQL_CT_CONSTRAINT_NAME_DEFINITION),
    U32(SQL_CREATE_TRANSLATION, 0),
    U32(SQL_CREATE_VIEW, SQL_CV_CREATE_VIEW),
    U32(SQL_DROP_ASSERTION, 0),
    U32(SQL_DROP_CHARACTER_SET, 0),
    U32(SQL_DROP_COLLATION, 0),
    U32(SQL_DROP_DOMAIN, 0),
    U32(SQL_DROP_SCHEMA, 0),
    U32(SQL_DROP_TABLE, SQL_DT_DROP_TABLE),
    U32(SQL_DROP_TRANSLATION, 0),
    U32(SQL_DROP_VIEW, SQL_DV_DROP_VIEW),
    U32(SQL_DTC_TRANSITION_COST, 0),
    /* scalar functions available through {fn ...} */
    U32(SQL_STRING_FUNCTIONS,
        SQL_FN_STR_CONCAT | SQL_FN_STR_LCASE | SQL_FN_STR_UCASE | SQL_FN_STR_LENGTH |
            SQL_FN_STR_LTRIM | SQL_FN_STR_RTRIM | SQL_FN_STR_REPLACE | SQL_FN_STR_SUBSTRING |
            SQL_FN_STR_LEFT | SQL_FN_STR_RIGHT | SQL_FN_STR_LOCATE | SQL_FN_STR_CHAR |
            SQL_FN_STR_ASCII | SQL_FN_STR_CHAR_LENGTH | SQL_FN_STR_CHARACTER_LENGTH),
    U32(SQL_NUMERIC_FUNCTIONS,
        SQL_FN_NUM_ABS | SQL_FN_NUM_ACOS | SQL_FN_NUM_ASIN | SQL_FN_NUM_ATAN | SQL_FN_NUM_ATAN2 |
            SQL_FN_NUM_CEILING | SQL_FN_NUM_COS | SQL_FN_NUM_EXP | SQL_FN_NUM_FLOOR |
            SQL_FN_NUM_LOG | SQL_FN_NUM_LOG10 | SQL_FN_NUM_MOD | SQL_FN_NUM_PI | SQL_FN_NUM_POWER |
            SQL_FN_NUM_SIGN | SQL_FN_NUM_SIN | SQL_FN_NUM_SQRT | SQL_FN_NUM_TAN |
            SQL_FN_NUM_DEGREES | SQL_FN_NUM_RADIANS | SQL_FN_NUM_ROUND),
    U32(SQL_TIMEDATE_FUNCTIONS,
        SQL_FN_TD_NOW | SQL_FN_TD_CURDATE | SQL_FN_TD_CURTIME | SQL_FN_TD_DAYOFMONTH |
            SQL_FN_TD_DAYOFWEEK | SQL_FN_TD_DAYOFYEAR | SQL_FN_TD_MONTH | SQL_FN_TD_YEAR |
            SQL_FN_TD_HOUR | SQL_FN_TD_MINUTE | SQL_FN_TD_SECOND | SQL_FN_TD_CURRENT_DATE |
            SQL_FN_TD_CURRENT_TIME | SQL_FN_TD_CURRENT_TIMESTAMP),
    U32(SQL_SYSTEM_FUNCTIONS, SQL_FN_SYS_IFNULL),
    U32(SQL_CONVERT_FUNCTIONS, SQL_FN_CVT_CAST),
    U32(SQL_TIMEDATE_ADD_INTERVALS, 0),
    U32(SQL_TIMEDATE_DIFF_INTERVALS, 0),
    /* SQL-92 */
    U32(SQL_SQL92_DATETIME_FUNCTIONS,
        SQL_SDF_CURRENT_DATE | SQL_SDF_CURRENT_TIME | SQL_SDF_CURRENT_TIMESTAMP),
    U32(SQL_SQL92_FOREIGN_KEY_DELETE_RULE, 0),
    U32(SQL_SQL92_FOREIGN_KEY_UPDATE_RULE, 0),
    U32(SQL_SQL92_GRANT, 0),
    U32(SQL_SQL92_REVOKE, 0),
    U32(SQL_SQL92_NUMERIC_VALUE_FUNCTIONS, 0),
    U32(SQL_SQL92_PREDICATES, SQL_SP_BETWEEN | SQL_SP_COMPARISON | SQL_SP_EXISTS | SQL_SP_IN |
                                  SQL_SP_ISNOTNULL | SQL_SP_ISNULL | SQL_SP_LIKE),
    U32(SQL_SQL92_RELATIONAL_JOIN_OPERATORS,
        SQL_SRJO_CROSS_JOIN | SQL_SRJO_INNER_JOIN | SQL_SRJO_LEFT_OUTER_JOIN |
            SQL_SRJO_RIGHT_OUTER_JOIN | SQL_SRJO_FULL_OUTER_JOIN | SQL_SRJO_NATURAL_JOIN),
    U32(SQL_SQL92_ROW_VALUE_CONSTRUCTOR, SQL_SRVC_VALUE_EXPRESSION | SQL_SRVC_NULL),
    U32(SQL_SQL92_STRING_FUNCTIONS, SQL_SSF_LOWER | SQL_SSF_UPPER),
    U32(SQL_SQL92_VALUE_EXPRESSIONS,
        SQL_SVE_CASE | SQL_SVE_CAST | SQL_SVE_COALESCE | SQL_SVE_NULLIF),
    /* conversions (CAST) */
    U32(SQL_CONVERT_BIGINT, CVT_FROM_NUMBER),
    U32(SQL_CONVERT_BIT, CVT_FROM_NUMBER),
    U32(SQL_CONVERT_DECIMAL, CVT_FROM_NUMBER),
    U32(SQL_CONVERT_DOUBLE, CVT_FROM_NUMBER),
    U32(SQL_CONVERT_FLOAT, CVT_FROM_NUMBER),
    U32(SQL_CONVERT_INTEGER, CVT_FROM_NUMBER),
    U32(SQL_CONVERT_NUMERIC, CVT_FROM_NUMBER),
    U32(SQL_CONVERT_REAL, CVT_FROM_NUMBER),
    U32(SQL_CONVERT_SMALLINT, CVT_FROM_NUMBER),
    U32(SQL_CONVERT_TINYINT, CVT_FROM_NUMBER),
    U32(SQL_CONVERT_CHAR, CVT_FROM_CHAR),
    U32(SQL_CONVERT_VARCHAR, CVT_FROM_CHAR),
    U32(SQL_CONVERT_LONGVARCHAR, CVT_FROM_CHAR),
    U32(SQL_CONVERT_WCHAR, CVT_FROM_CHAR),
    U32(SQL_CONVERT_WVARCHAR, CVT_FROM_CHAR),
    U32(SQL_CONVERT_WLONGVARCHAR, CVT_FROM_CHAR),
    U32(SQL_CONVERT_DATE, CVT_FROM_DATE),
    U32(SQL_CONVERT_TIME, CVT_CHARS | SQL_CVT_TIME),
    U32(SQL_CONVERT_TIMESTAMP, CVT_FROM_DATE),
    U32(SQL_CONVERT_BINARY, 0),
    U32(SQL_CONVERT_VARBINARY, 0),
    U32(SQL_CONVERT_LONGVARBINARY, 0),
    U32(SQL_CONVERT_GUID, 0),
    U32(SQL_CONVERT_INTERVAL_DAY_TIME, 0),
    U32(SQL_CONVERT_INTERVAL_YEAR_MONTH, 0),
};

static const char *dynamic_string(bc_dbc *dbc, SQLUSMALLINT type)
{
    switch (type) {
    case SQL_DATA_SOURCE_NAME:
        return dbc->props.dsn != NULL ? dbc->props.dsn : "";
    case SQL_SERVER_NAME:
        return dbc->props.store_id != NULL ? dbc->props.store_id : "";
    default:
        return NULL;
    }
}

/* Strings come back in *str (static or owned by dbc), numbers in *num with *num_size 2 or 4
 * bytes as ODBC defines the info type. */
SQLRETURN bc_info_get(bc_dbc *dbc, SQLUSMALLINT type, SQLULEN *num, int *num_size, const char **str)
{
    *str = dynamic_string(dbc, type);
    *num = 0;
    *num_size = 0;
    if (*str != NULL)
        return SQL_SUCCESS;
    for (size_t i = 0; i < sizeof info_table / sizeof info_table[0]; i++) {
        const info_entry *e = &info_table[i];
        if (e->type != type)
            continue;
        if (e->kind == INFO_STR) {
            *str = e->str;
        } else {
            *num = e->num;
            *num_size = e->kind == INFO_U16 ? 2 : 4;
        }
        return SQL_SUCCESS;
    }
    return bc_diag_push(&dbc->h.diag, "HY096", 0, "Information type %u is not supported.",
                        (unsigned)type);
}
