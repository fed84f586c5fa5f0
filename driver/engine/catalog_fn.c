/*
 * The catalog functions (SQLTables, SQLColumns ...) as statements over the metadata
 * tables. Each selects plain columns, so result names and declared types are exactly the
 * ODBC ones, and orders rows as the ODBC reference asks for that function.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sql.h>
#include <sqlext.h>
#include "bc_defaults.h"
#include "bc_util.h"
#include "engine_internal.h"

#define MAX_BINDS 16

typedef struct query {
    bc_buf sql;
    char *binds[MAX_BINDS];
    int nbinds;
    bool odbc2;
    bool metadata_id;
    bool overflow;
} query;

/* The result columns ODBC 3 renamed; an ODBC 2 application gets the names it knows
 * (TABLE_QUALIFIER, PRECISION, ...), ODBC 3 added columns keep their names. */
static const struct {
    const char *v3, *v2;
} k_odbc2_names[] = {
    {"TABLE_CAT", "TABLE_QUALIFIER"},
    {"TABLE_SCHEM", "TABLE_OWNER"},
    {"PKTABLE_CAT", "PKTABLE_QUALIFIER"},
    {"PKTABLE_SCHEM", "PKTABLE_OWNER"},
    {"FKTABLE_CAT", "FKTABLE_QUALIFIER"},
    {"FKTABLE_SCHEM", "FKTABLE_OWNER"},
    {"PROCEDURE_CAT", "PROCEDURE_QUALIFIER"},
    {"PROCEDURE_SCHEM", "PROCEDURE_OWNER"},
    {"COLUMN_SIZE", "PRECISION"},
    {"BUFFER_LENGTH", "LENGTH"},
    {"DECIMAL_DIGITS", "SCALE"},
    {"NUM_PREC_RADIX", "RADIX"},
    {"FIXED_PREC_SCALE", "MONEY"},
    {"AUTO_UNIQUE_VALUE", "AUTO_INCREMENT"},
};

/* SQLStatistics alone renamed these two (SQLColumns' ORDINAL_POSITION is new in 3). */
static const char *odbc2_name(const char *col, const char *from)
{
    bool stats = strcmp(from, "bc_meta_stats") == 0;

    if (stats && strcmp(col, "ORDINAL_POSITION") == 0)
        return "SEQ_IN_INDEX";
    if (stats && strcmp(col, "ASC_OR_DESC") == 0)
        return "COLLATION";
    for (size_t i = 0; i < sizeof k_odbc2_names / sizeof k_odbc2_names[0]; i++)
        if (strcmp(col, k_odbc2_names[i].v3) == 0)
            return k_odbc2_names[i].v2;
    return NULL;
}

static void q_select(query *q, const char *const *cols, const char *from)
{
    bc_buf_puts(&q->sql, "SELECT ");
    for (int i = 0; cols[i]; i++) {
        const char *sep = i ? ", " : "";
        const char *v2 = q->odbc2 ? odbc2_name(cols[i], from) : NULL;
        if (q->odbc2 && strcmp(cols[i], "DATA_TYPE") == 0)
            bc_buf_printf(&q->sql, "%sDATA_TYPE_2 AS DATA_TYPE", sep);
        else if (v2 != NULL)
            bc_buf_printf(&q->sql, "%s%s AS %s", sep, cols[i], v2);
        else
            bc_buf_printf(&q->sql, "%s%s", sep, cols[i]);
    }
    bc_buf_printf(&q->sql, " FROM %s WHERE 1", from);
}

static void q_bind(query *q, char *owned)
{
    if (owned == NULL || q->nbinds == MAX_BINDS) {
        free(owned);
        q->overflow = true;
        return;
    }
    q->binds[q->nbinds++] = owned;
}

static bool empty(const char *s)
{
    return s == NULL || *s == '\0';
}

/* An identifier argument (SQL_ATTR_METADATA_ID true, or a non-pattern argument): quoted
 * means exact case, unquoted means case-insensitive. */
static void q_ident(query *q, const char *col, const char *value)
{
    size_t n = strlen(value);

    if (n >= 2 && value[0] == '"' && value[n - 1] == '"') {
        bc_buf_printf(&q->sql, " AND %s = ?", col);
        q_bind(q, bc_strndup(value + 1, n - 2));
    } else {
        bc_buf_printf(&q->sql, " AND %s = ? COLLATE NOCASE", col);
        q_bind(q, bc_strdup(value));
    }
}

/* A search-pattern argument; NULL means "any". */
static void q_pattern(query *q, const char *col, const char *value)
{
    if (value == NULL)
        return;
    if (q->metadata_id) {
        q_ident(q, col, value);
        return;
    }
    bc_buf_printf(&q->sql, " AND bc_like(?, %s)", col);
    q_bind(q, bc_strdup(value));
}

/* The catalog is always NULL: any catalog named is one we do not have. */
static void q_catalog(query *q, const char *catalog)
{
    if (!empty(catalog))
        bc_buf_puts(&q->sql, " AND 0");
}

/* Schemas: an empty string is taken as "any" (applications that do not know schemas send
 * it), otherwise a pattern or identifier. */
static void q_schema(query *q, const char *col, const char *schema, bool pattern)
{
    if (empty(schema))
        return;
    if (pattern)
        q_pattern(q, col, schema);
    else
        q_ident(q, col, schema);
}

static void q_order(query *q, const char *order)
{
    bc_buf_printf(&q->sql, " ORDER BY %s", order);
}

/* "'TABLE','VIEW'" or "TABLE, VIEW" into IN (?, ?); "%" or empty means every type. */
static void q_table_types(query *q, const char *types)
{
    const char *p = types;
    int n = 0;

    if (empty(types) || strcmp(types, "%") == 0)
        return;
    bc_buf_puts(&q->sql, " AND TABLE_TYPE IN (");
    while (*p) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        while (len > 0 && (isspace((unsigned char)*p) || *p == '\'')) {
            p++;
            len--;
        }
        while (len > 0 && (isspace((unsigned char)p[len - 1]) || p[len - 1] == '\''))
            len--;
        char *t = bc_strndup(p, len);
        for (char *c = t; c && *c; c++)
            *c = (char)toupper((unsigned char)*c);
        bc_buf_puts(&q->sql, n++ ? ", ?" : "?");
        q_bind(q, t);
        p += len;
        while (*p && *p != ',')
            p++;
        if (*p == ',')
            p++;
    }
    bc_buf_puts(&q->sql, n ? ")" : "NULL)");
}

static const char *const k_tables_cols[] = {"TABLE_CAT",  "TABLE_SCHEM", "TABLE_NAME",
                                            "TABLE_TYPE", "REMARKS",     NULL};

/* SQLTables' special enumerations: all catalogs, all schemas, all table types. */
static bool q_tables_special(query *q, const bc_catalog_args *a)
{
    bool only_cat =
        a->catalog && strcmp(a->catalog, "%") == 0 && empty(a->schema) && empty(a->table);
    bool only_schem =
        a->schema && strcmp(a->schema, "%") == 0 && empty(a->catalog) && empty(a->table);
    bool only_type = a->table_types && strcmp(a->table_types, "%") == 0 && empty(a->catalog) &&
                     empty(a->schema) && empty(a->table);

    if (!only_cat && !only_schem && !only_type)
        return false;
    q_select(q, k_tables_cols, "bc_meta_tables_enum");
    if (only_cat)
        bc_buf_puts(&q->sql, " AND 0"); /* no catalogs */
    else if (only_schem)
        bc_buf_puts(&q->sql, " AND KIND = 'S' ORDER BY TABLE_SCHEM");
    else
        bc_buf_puts(&q->sql, " AND KIND = 'T' ORDER BY TABLE_TYPE");
    return true;
}

static void q_tables(query *q, const bc_catalog_args *a)
{
    if (q_tables_special(q, a))
        return;
    q_select(q, k_tables_cols, "bc_meta_tables");
    q_catalog(q, a->catalog);
    q_schema(q, "TABLE_SCHEM", a->schema, true);
    q_pattern(q, "TABLE_NAME", a->table);
    q_table_types(q, a->table_types);
    q_order(q, "TABLE_TYPE, TABLE_CAT, TABLE_SCHEM, TABLE_NAME");
}

static void q_columns(query *q, const bc_catalog_args *a)
{
    static const char *const cols[] = {"TABLE_CAT",
                                       "TABLE_SCHEM",
                                       "TABLE_NAME",
                                       "COLUMN_NAME",
                                       "DATA_TYPE",
                                       "TYPE_NAME",
                                       "COLUMN_SIZE",
                                       "BUFFER_LENGTH",
                                       "DECIMAL_DIGITS",
                                       "NUM_PREC_RADIX",
                                       "NULLABLE",
                                       "REMARKS",
                                       "COLUMN_DEF",
                                       "SQL_DATA_TYPE",
                                       "SQL_DATETIME_SUB",
                                       "CHAR_OCTET_LENGTH",
                                       "ORDINAL_POSITION",
                                       "IS_NULLABLE",
                                       NULL};
    q_select(q, cols, "bc_meta_columns");
    q_catalog(q, a->catalog);
    q_schema(q, "TABLE_SCHEM", a->schema, true);
    q_pattern(q, "TABLE_NAME", a->table);
    q_pattern(q, "COLUMN_NAME", a->column);
    q_order(q, "TABLE_CAT, TABLE_SCHEM, TABLE_NAME, ORDINAL_POSITION");
}

/* A table argument that is an identifier, not a pattern. NULL matches nothing here: the
 * functions that take one require it (the caller reports HY009 before calling). */
static void q_table_ident(query *q, const char *col, const char *table)
{
    if (table == NULL)
        bc_buf_puts(&q->sql, " AND 0");
    else
        q_ident(q, col, table);
}

static void q_primary_keys(query *q, const bc_catalog_args *a)
{
    static const char *const cols[] = {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
                                       "KEY_SEQ",   "PK_NAME",     NULL};
    q_select(q, cols, "bc_meta_pkeys");
    q_catalog(q, a->catalog);
    q_schema(q, "TABLE_SCHEM", a->schema, false);
    q_table_ident(q, "TABLE_NAME", a->table);
    q_order(q, "TABLE_CAT, TABLE_SCHEM, TABLE_NAME, KEY_SEQ");
}

static void q_foreign_keys(query *q, const bc_catalog_args *a)
{
    static const char *const cols[] = {
        "PKTABLE_CAT",   "PKTABLE_SCHEM", "PKTABLE_NAME",  "PKCOLUMN_NAME", "FKTABLE_CAT",
        "FKTABLE_SCHEM", "FKTABLE_NAME",  "FKCOLUMN_NAME", "KEY_SEQ",       "UPDATE_RULE",
        "DELETE_RULE",   "FK_NAME",       "PK_NAME",       "DEFERRABILITY", NULL};
    q_select(q, cols, "bc_meta_fkeys");
    q_catalog(q, a->catalog);
    q_catalog(q, a->fk_catalog);
    if (a->table == NULL && a->fk_table == NULL)
        bc_buf_puts(&q->sql, " AND 0");
    if (a->table != NULL) {
        q_schema(q, "PKTABLE_SCHEM", a->schema, false);
        q_ident(q, "PKTABLE_NAME", a->table);
    }
    if (a->fk_table != NULL) {
        q_schema(q, "FKTABLE_SCHEM", a->fk_schema, false);
        q_ident(q, "FKTABLE_NAME", a->fk_table);
    }
    if (a->table != NULL)
        q_order(q, "FKTABLE_CAT, FKTABLE_SCHEM, FKTABLE_NAME, KEY_SEQ");
    else
        q_order(q, "PKTABLE_CAT, PKTABLE_SCHEM, PKTABLE_NAME, KEY_SEQ");
}

static void q_statistics(query *q, const bc_catalog_args *a)
{
    static const char *const cols[] = {
        "TABLE_CAT",   "TABLE_SCHEM", "TABLE_NAME",       "NON_UNIQUE",  "INDEX_QUALIFIER",
        "INDEX_NAME",  "TYPE",        "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC",
        "CARDINALITY", "PAGES",       "FILTER_CONDITION", NULL};
    q_select(q, cols, "bc_meta_stats");
    q_catalog(q, a->catalog);
    q_schema(q, "TABLE_SCHEM", a->schema, false);
    q_table_ident(q, "TABLE_NAME", a->table);
    /* Every index is the primary key, so SQL_INDEX_UNIQUE and SQL_INDEX_ALL agree. */
    q_order(q, "NON_UNIQUE, TYPE, INDEX_QUALIFIER, INDEX_NAME, ORDINAL_POSITION");
}

static void q_special_columns(query *q, const bc_catalog_args *a)
{
    static const char *const cols[] = {"SCOPE",          "COLUMN_NAME",   "DATA_TYPE",
                                       "TYPE_NAME",      "COLUMN_SIZE",   "BUFFER_LENGTH",
                                       "DECIMAL_DIGITS", "PSEUDO_COLUMN", NULL};
    q_select(q, cols, "bc_meta_special");
    q_catalog(q, a->catalog);
    /* No version columns: rows change only through the API, which keeps no row version. */
    if (a->identifier_type == SQL_ROWVER)
        bc_buf_puts(&q->sql, " AND 0");
    if (!empty(a->schema) && bc_strcasecmp(a->schema, BC_SCHEMA_NAME) != 0)
        bc_buf_puts(&q->sql, " AND 0");
    q_table_ident(q, "TABLE_NAME", a->table);
    q_order(q, "SCOPE");
}

static void q_procedures(query *q, const bc_catalog_args *a)
{
    static const char *const cols[] = {"PROCEDURE_CAT",    "PROCEDURE_SCHEM",   "PROCEDURE_NAME",
                                       "NUM_INPUT_PARAMS", "NUM_OUTPUT_PARAMS", "NUM_RESULT_SETS",
                                       "REMARKS",          "PROCEDURE_TYPE",    NULL};
    q_select(q, cols, "bc_meta_procs");
    q_catalog(q, a->catalog);
    q_schema(q, "PROCEDURE_SCHEM", a->schema, true);
    q_pattern(q, "PROCEDURE_NAME", a->table);
    q_order(q, "PROCEDURE_CAT, PROCEDURE_SCHEM, PROCEDURE_NAME");
}

static void q_procedure_columns(query *q, const bc_catalog_args *a)
{
    static const char *const cols[] = {
        "PROCEDURE_CAT",     "PROCEDURE_SCHEM",  "PROCEDURE_NAME", "COLUMN_NAME",
        "COLUMN_TYPE",       "DATA_TYPE",        "TYPE_NAME",      "COLUMN_SIZE",
        "BUFFER_LENGTH",     "DECIMAL_DIGITS",   "NUM_PREC_RADIX", "NULLABLE",
        "REMARKS",           "COLUMN_DEF",       "SQL_DATA_TYPE",  "SQL_DATETIME_SUB",
        "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE",    NULL};
    q_select(q, cols, "bc_meta_proccols");
    q_catalog(q, a->catalog);
    q_schema(q, "PROCEDURE_SCHEM", a->schema, true);
    q_pattern(q, "PROCEDURE_NAME", a->table);
    q_pattern(q, "COLUMN_NAME", a->column);
    q_order(q, "PROCEDURE_CAT, PROCEDURE_SCHEM, PROCEDURE_NAME, SEQ");
}

static void q_type_info(query *q, const bc_catalog_args *a)
{
    static const char *const cols[] = {
        "TYPE_NAME",        "DATA_TYPE",          "COLUMN_SIZE",        "LITERAL_PREFIX",
        "LITERAL_SUFFIX",   "CREATE_PARAMS",      "NULLABLE",           "CASE_SENSITIVE",
        "SEARCHABLE",       "UNSIGNED_ATTRIBUTE", "FIXED_PREC_SCALE",   "AUTO_UNIQUE_VALUE",
        "LOCAL_TYPE_NAME",  "MINIMUM_SCALE",      "MAXIMUM_SCALE",      "SQL_DATA_TYPE",
        "SQL_DATETIME_SUB", "NUM_PREC_RADIX",     "INTERVAL_PRECISION", NULL};
    q_select(q, cols, "bc_meta_types");
    if (a->data_type != SQL_ALL_TYPES)
        bc_buf_printf(&q->sql, " AND (DATA_TYPE = %d OR DATA_TYPE_2 = %d)", a->data_type,
                      a->data_type);
    q_order(q, q->odbc2 ? "DATA_TYPE_2, CLOSENESS" : "DATA_TYPE, CLOSENESS");
}

static void q_table_privileges(query *q, const bc_catalog_args *a)
{
    static const char *const cols[] = {"TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME",   "GRANTOR",
                                       "GRANTEE",   "PRIVILEGE",   "IS_GRANTABLE", NULL};
    q_select(q, cols, "bc_meta_tabprivs");
    q_catalog(q, a->catalog);
    q_schema(q, "TABLE_SCHEM", a->schema, true);
    q_pattern(q, "TABLE_NAME", a->table);
    q_order(q, "TABLE_CAT, TABLE_SCHEM, TABLE_NAME, PRIVILEGE, GRANTEE");
}

static void q_column_privileges(query *q, const bc_catalog_args *a)
{
    static const char *const cols[] = {"TABLE_CAT",   "TABLE_SCHEM",  "TABLE_NAME",
                                       "COLUMN_NAME", "GRANTOR",      "GRANTEE",
                                       "PRIVILEGE",   "IS_GRANTABLE", NULL};
    q_select(q, cols, "bc_meta_colprivs");
    q_catalog(q, a->catalog);
    q_schema(q, "TABLE_SCHEM", a->schema, true);
    q_pattern(q, "TABLE_NAME", a->table);
    q_pattern(q, "COLUMN_NAME", a->column);
    q_order(q, "TABLE_CAT, TABLE_SCHEM, TABLE_NAME, COLUMN_NAME, PRIVILEGE");
}

static void build(query *q, bc_catalog_fn fn, const bc_catalog_args *a)
{
    switch (fn) {
    case BC_CAT_TABLES:
        q_tables(q, a);
        break;
    case BC_CAT_COLUMNS:
        q_columns(q, a);
        break;
    case BC_CAT_PRIMARY_KEYS:
        q_primary_keys(q, a);
        break;
    case BC_CAT_FOREIGN_KEYS:
        q_foreign_keys(q, a);
        break;
    case BC_CAT_STATISTICS:
        q_statistics(q, a);
        break;
    case BC_CAT_SPECIAL_COLUMNS:
        q_special_columns(q, a);
        break;
    case BC_CAT_PROCEDURES:
        q_procedures(q, a);
        break;
    case BC_CAT_PROCEDURE_COLUMNS:
        q_procedure_columns(q, a);
        break;
    case BC_CAT_TYPE_INFO:
        q_type_info(q, a);
        break;
    case BC_CAT_TABLE_PRIVILEGES:
        q_table_privileges(q, a);
        break;
    case BC_CAT_COLUMN_PRIVILEGES:
        q_column_privileges(q, a);
        break;
    }
}

static int prepare(bc_engine *e, query *q, sqlite3_stmt **vm, bc_error *err)
{
    char *sql = bc_buf_steal(&q->sql);
    int rc;

    if (sql == NULL || q->overflow) {
        free(sql);
        return bc_error_set(err, "HY001", 0, "out of memory while reading the catalog");
    }
    rc = sqlite3_prepare_v2(e->db, sql, -1, vm, NULL);
    free(sql);
    if (rc != SQLITE_OK) {
        bc_engine_error_from_sqlite(e->db, rc, err);
        return -1;
    }
    for (int i = 0; i < q->nbinds; i++)
        sqlite3_bind_text(*vm, i + 1, q->binds[i], -1, SQLITE_TRANSIENT);
    return 0;
}

int bc_engine_catalog(bc_engine *e, bc_catalog_fn fn, const bc_catalog_args *a, sqlite3_stmt **vm,
                      bc_error *err)
{
    static const bc_catalog_args none = {.odbc_version = 3};
    query q = {.nbinds = 0};
    int rc;

    *vm = NULL;
    if (e == NULL)
        return bc_error_set(err, "HY010", 0, "the connection has no SQL engine");
    if (a == NULL)
        a = &none;
    if ((fn == BC_CAT_TABLES || fn == BC_CAT_COLUMNS || fn == BC_CAT_PRIMARY_KEYS ||
         fn == BC_CAT_STATISTICS) &&
        bc_meta_sync_temp(e, err) != 0)
        return -1;
    bc_buf_init(&q.sql);
    q.odbc2 = a->odbc_version == 2;
    q.metadata_id = a->metadata_id;
    build(&q, fn, a);
    rc = prepare(e, &q, vm, err);
    bc_buf_free(&q.sql);
    for (int i = 0; i < q.nbinds; i++)
        free(q.binds[i]);
    return rc;
}
