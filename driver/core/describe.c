/*
 * Result-set description: the IRD records, SQLDescribeCol and SQLColAttribute. Types come
 * from the declared types of the catalog's columns (so they are known after SQLPrepare,
 * before any request). Expressions without a declared type are typed by the storage class
 * of a value: before execution from a budgeted local run when the statement reads no
 * BigCommerce table, otherwise from the first row once executed. Whatever the application
 * saw first stays: the description never changes between SQLPrepare and SQLExecute.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "bc_defaults.h"
#include "bc_handles.h"
#include "bc_util.h"

static const bc_sql_type type_bigint = {SQL_BIGINT, "BIGINT", 19, 0, 20, 8, 10, false};
static const bc_sql_type type_double = {SQL_DOUBLE, "DOUBLE", 15, 0, 24, 8, 2, false};

static bool is_count_expr(const char *name)
{
    return name != NULL && strncasecmp(name, "COUNT(", 6) == 0;
}

/* An undeclared column (an expression) by the storage class of a value it produced; -1 when
 * no value is known. */
static void column_type(bc_stmt *s, int i, int storage, bc_sql_type *t)
{
    char expr_decl[32];
    const char *decl = sqlite3_column_decltype(s->vm, i);

    if (decl == NULL) /* an expression: DECIMAL when it computes money from money */
        decl = bc_engine_expr_decltype(s->vm, i, expr_decl, sizeof expr_decl);
    if (decl != NULL) {
        bc_type_from_decl(decl, t);
        return;
    }
    switch (storage) {
    case SQLITE_INTEGER:
        *t = type_bigint;
        return;
    case SQLITE_FLOAT:
        *t = type_double;
        return;
    case SQLITE_BLOB:
        bc_type_varbinary(t);
        return;
    case SQLITE_TEXT:
        bc_type_from_decl(NULL, t);
        return;
    default:
        break;
    }
    if (is_count_expr(sqlite3_column_name(s->vm, i)))
        *t = type_bigint;
    else
        bc_type_from_decl(NULL, t);
}

/* Whether running the statement would read a BigCommerce table (a virtual table): its
 * program opens one. EXPLAIN only compiles, it never runs the query. */
static bool reads_virtual_table(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *vm = NULL;
    bc_buf b;
    bool found = true; /* when unsure, never run it */

    bc_buf_init(&b);
    bc_buf_printf(&b, "EXPLAIN %s", sql);
    char *text = bc_buf_steal(&b);
    if (text != NULL && sqlite3_prepare_v2(db, text, -1, &vm, NULL) == SQLITE_OK && vm != NULL) {
        int rc;
        found = false;
        while (!found && (rc = sqlite3_step(vm)) == SQLITE_ROW)
            found = strcmp((const char *)sqlite3_column_text(vm, 1), "VOpen") == 0;
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            found = true;
    }
    sqlite3_finalize(vm);
    free(text);
    bc_buf_free(&b);
    return found;
}

#define PROBE_BUDGET 50 /* progress callbacks of 1000 instructions each */

static int probe_progress(void *arg)
{
    int *budget = arg;

    return --*budget < 0;
}

/* Before execution, the expressions of a read-only statement that touches no BigCommerce
 * table (SELECT 1 + 1, x'01', expressions over TEMP tables) are typed by running a copy of it
 * once: no request is made, and the description then equals what execution returns.
 * storage[i] gets each column's storage class, -1 when unknown. Returns false when the
 * statement cannot be probed. */
static bool probe_storage(bc_stmt *s, int n, int *storage)
{
    sqlite3 *db = bc_engine_db(s->dbc->engine);
    sqlite3_stmt *copy = NULL;
    bool ok = false;

    if (s->proc != NULL || s->sql == NULL || !sqlite3_stmt_readonly(s->vm) ||
        sqlite3_bind_parameter_count(s->vm) > 0 || reads_virtual_table(db, s->sql))
        return false;
    if (sqlite3_prepare_v2(db, s->sql, -1, &copy, NULL) != SQLITE_OK || copy == NULL) {
        sqlite3_finalize(copy);
        return false;
    }
    /* The probe gets a small budget of virtual-machine steps: a statement that needs more
     * (an endless recursive CTE, a large TEMP join) stays described as before. */
    int budget = PROBE_BUDGET;
    sqlite3_progress_handler(db, 1000, probe_progress, &budget);
    int rc = sqlite3_step(copy);
    sqlite3_progress_handler(db, 0, NULL, NULL);
    if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
        for (int i = 0; i < n; i++)
            storage[i] = rc == SQLITE_ROW ? sqlite3_column_type(copy, i) : -1;
        ok = true;
    }
    sqlite3_finalize(copy);
    return ok;
}

static bool has_undeclared_column(sqlite3_stmt *vm, int n)
{
    for (int i = 0; i < n; i++)
        if (sqlite3_column_decltype(vm, i) == NULL)
            return true;
    return false;
}

/* A column read straight from a table reports the table's NOT NULL; expressions do not
 * know. */
static SQLSMALLINT column_nullable(sqlite3_stmt *vm, int i)
{
    const char *dbname = sqlite3_column_database_name(vm, i);
    const char *table = sqlite3_column_table_name(vm, i);
    const char *origin = sqlite3_column_origin_name(vm, i);
    int notnull = 0;

    if (dbname == NULL || table == NULL || origin == NULL)
        return SQL_NULLABLE_UNKNOWN;
    /* BigCommerce tables: the catalog definition, as SQLColumns reports it. */
    const bc_table_def *t = bc_catalog_find(table);
    int ci = t != NULL ? bc_catalog_column_index(t, origin) : -1;
    if (ci >= 0)
        return (t->columns[ci].flags & BC_COLF_NOT_NULL) ? SQL_NO_NULLS : SQL_NULLABLE;
    if (sqlite3_table_column_metadata(sqlite3_db_handle(vm), dbname, table, origin, NULL, NULL,
                                      &notnull, NULL, NULL) != SQLITE_OK)
        return SQL_NULLABLE_UNKNOWN;
    return notnull ? SQL_NO_NULLS : SQL_NULLABLE;
}

static int fill_rec(bc_desc_rec *r, sqlite3_stmt *vm, int i, const bc_sql_type *t)
{
    const char *name = sqlite3_column_name(vm, i);
    const char *origin = sqlite3_column_origin_name(vm, i);
    const char *table = sqlite3_column_table_name(vm, i);

    bc_desc_rec_reset(r);
    bc_desc_rec_set_type(r, t->sql_type);
    r->length = (SQLULEN)t->column_size;
    r->precision = (SQLSMALLINT)(t->column_size > 32767 ? 0 : t->column_size);
    r->scale = t->decimal_digits;
    r->display_size = (SQLINTEGER)t->display_size;
    r->octet_length = t->octet_length;
    r->num_prec_radix = t->num_prec_radix;
    r->unsigned_ = t->is_unsigned ? SQL_TRUE : SQL_FALSE;
    r->fixed_prec_scale = t->sql_type == SQL_DECIMAL ? SQL_TRUE : SQL_FALSE;
    r->nullable = column_nullable(vm, i);
    r->searchable = SQL_PRED_SEARCHABLE;
    r->updatable = SQL_ATTR_READONLY;
    r->case_sensitive = (t->sql_type == SQL_WVARCHAR || t->sql_type == SQL_WLONGVARCHAR ||
                         t->sql_type == SQL_VARCHAR || t->sql_type == SQL_WCHAR)
                            ? SQL_TRUE
                            : SQL_FALSE;
    r->name = bc_strdup(name != NULL ? name : "");
    /* "If a base column name does not exist (as in the case of columns that are
     * expressions), this variable contains an empty string." */
    r->base_column_name = bc_strdup(origin != NULL ? origin : "");
    r->table_name = bc_strdup(table != NULL ? table : "");
    r->base_table_name = bc_strdup(table != NULL ? table : "");
    r->schema_name = bc_strdup(table != NULL ? BC_SCHEMA_NAME : "");
    r->type_name = bc_strdup(t->type_name);
    r->local_type_name = bc_strdup(t->type_name);
    bool chars = t->sql_type == SQL_WVARCHAR || t->sql_type == SQL_WLONGVARCHAR ||
                 t->sql_type == SQL_VARCHAR || t->sql_type == SQL_WCHAR ||
                 t->sql_type == SQL_CHAR || t->sql_type == SQL_LONGVARCHAR;
    bool dates = t->sql_type == SQL_TYPE_TIMESTAMP || t->sql_type == SQL_TYPE_DATE ||
                 t->sql_type == SQL_TYPE_TIME;
    r->literal_prefix = bc_strdup(chars || dates ? "'" : "");
    r->literal_suffix = bc_strdup(chars || dates ? "'" : "");
    if (r->name == NULL || r->base_column_name == NULL || r->table_name == NULL ||
        r->base_table_name == NULL || r->schema_name == NULL || r->type_name == NULL ||
        r->local_type_name == NULL || r->literal_prefix == NULL || r->literal_suffix == NULL)
        return -1;
    return 0;
}

/* (Re)build the column types and IRD records from the prepared statement. After execute, the
 * types of undeclared columns are taken from the first row and do not change afterwards. */
SQLRETURN bc_stmt_describe_columns(bc_stmt *s)
{
    int n = sqlite3_column_count(s->vm);
    bc_sql_type *types;

    if (s->col_types_final)
        return SQL_SUCCESS;
    types = calloc((size_t)(n > 0 ? n : 1), sizeof *types);
    if (types == NULL)
        return bc_diag_push(&s->h.diag, "HY001", 0, "Out of memory describing the result.");
    bc_desc_clear(&s->ird);
    if (n > 0 && bc_desc_rec_get(&s->ird, (SQLSMALLINT)n) == NULL) {
        free(types);
        return bc_diag_push(&s->h.diag, "HY001", 0, "Out of memory describing the result.");
    }
    int *storage = calloc((size_t)(n > 0 ? n : 1), sizeof *storage);
    bool executed = s->has_row || s->done, probed = false;
    if (storage == NULL) {
        free(types);
        return bc_diag_push(&s->h.diag, "HY001", 0, "Out of memory describing the result.");
    }
    for (int i = 0; i < n; i++)
        storage[i] = executed && s->has_row ? sqlite3_column_type(s->vm, i) : -1;
    if (!executed && has_undeclared_column(s->vm, n))
        probed = probe_storage(s, n, storage);
    for (int i = 0; i < n; i++) {
        column_type(s, i, storage[i], &types[i]);
        if (fill_rec(&s->ird.recs[i + 1], s->vm, i, &types[i]) != 0) {
            free(types);
            free(storage);
            return bc_diag_push(&s->h.diag, "HY001", 0, "Out of memory describing the result.");
        }
    }
    free(storage);
    free(s->col_types);
    s->col_types = types;
    s->ncols = (SQLSMALLINT)n;
    /* Once an application has seen the description (or a probe fixed it), execution keeps
     * it: the types before and after SQLExecute must agree. */
    s->col_types_final = s->state == BC_STMT_CURSOR || executed || probed || s->described;
    return SQL_SUCCESS;
}

SQLRETURN bc_stmt_num_result_cols(bc_stmt *s, SQLSMALLINT *n)
{
    if (s->state == BC_STMT_ALLOCATED)
        return bc_diag_push(&s->h.diag, "HY010", 0, "The statement is not prepared.");
    if (n != NULL)
        *n = s->ncols;
    return SQL_SUCCESS;
}

/* Column 0 with bookmarks on: the row's key as binary (bookmark.c), never NULL, read-only. */
static const bc_desc_rec *bookmark_rec(void)
{
    static const bc_desc_rec rec = {.type = SQL_BINARY,
                                    .concise_type = SQL_BINARY,
                                    .octet_length = BC_BOOKMARK_MAX,
                                    .length = BC_BOOKMARK_MAX,
                                    .nullable = SQL_NO_NULLS,
                                    .searchable = SQL_PRED_NONE,
                                    .updatable = SQL_ATTR_READONLY,
                                    .display_size = 2 * BC_BOOKMARK_MAX,
                                    .name = "",
                                    .type_name = "BINARY"};
    return &rec;
}

/* The IRD record of column col: column 0 is the bookmark. */
static const bc_desc_rec *col_rec(const bc_stmt *s, SQLUSMALLINT col)
{
    return col == 0 ? bookmark_rec() : &s->ird.recs[col];
}

static SQLRETURN check_col(bc_stmt *s, SQLUSMALLINT col)
{
    if (s->state == BC_STMT_ALLOCATED)
        return bc_diag_push(&s->h.diag, "HY010", 0, "The statement is not prepared.");
    if (s->ncols == 0)
        return bc_diag_push(&s->h.diag, "07005", 0, "The statement has no result set.");
    if ((col < 1 && s->use_bookmarks == SQL_UB_OFF) || col > (SQLUSMALLINT)s->ncols)
        return bc_diag_push(&s->h.diag, "07009", 0,
                            "Column %u does not exist; the result has %d columns.", (unsigned)col,
                            s->ncols);
    return SQL_SUCCESS;
}

/* ODBC 2 applications know the date types as SQL_DATE, SQL_TIME, SQL_TIMESTAMP. */
static SQLSMALLINT app_type(bc_stmt *s, SQLSMALLINT t)
{
    if (bc_handle_odbc_version(&s->h) != SQL_OV_ODBC2)
        return t;
    switch (t) {
    case SQL_TYPE_DATE:
        return SQL_DATE;
    case SQL_TYPE_TIME:
        return SQL_TIME;
    case SQL_TYPE_TIMESTAMP:
        return SQL_TIMESTAMP;
    default:
        return t;
    }
}

SQLRETURN bc_stmt_describe_col(bc_stmt *s, SQLUSMALLINT col, const char **name, SQLSMALLINT *type,
                               SQLULEN *size, SQLSMALLINT *digits, SQLSMALLINT *nullable)
{
    SQLRETURN rc = check_col(s, col);
    const bc_desc_rec *r;

    if (rc != SQL_SUCCESS)
        return rc;
    s->described = true;
    s->col_types_final = true;
    r = col_rec(s, col);
    *name = r->name;
    if (type != NULL)
        *type = app_type(s, r->concise_type);
    if (size != NULL)
        *size = r->length;
    if (digits != NULL)
        *digits = r->scale;
    if (nullable != NULL)
        *nullable = r->nullable;
    return SQL_SUCCESS;
}

static bool col_attr_str(const bc_desc_rec *r, SQLUSMALLINT field, const char **str)
{
    switch (field) {
    case SQL_DESC_BASE_COLUMN_NAME:
        *str = r->base_column_name;
        return true;
    case SQL_DESC_BASE_TABLE_NAME:
        *str = r->base_table_name;
        return true;
    case SQL_DESC_TABLE_NAME:
        *str = r->table_name;
        return true;
    case SQL_DESC_CATALOG_NAME: /* = SQL_COLUMN_QUALIFIER_NAME: there are no catalogs */
        *str = "";
        return true;
    case SQL_DESC_SCHEMA_NAME:
        *str = r->schema_name;
        return true;
    case SQL_DESC_LABEL:
    case SQL_DESC_NAME:
    case SQL_COLUMN_NAME:
        *str = r->name;
        return true;
    case SQL_DESC_TYPE_NAME:
        *str = r->type_name;
        return true;
    case SQL_DESC_LOCAL_TYPE_NAME:
        *str = r->local_type_name;
        return true;
    case SQL_DESC_LITERAL_PREFIX:
        *str = r->literal_prefix;
        return true;
    case SQL_DESC_LITERAL_SUFFIX:
        *str = r->literal_suffix;
        return true;
    default:
        return false;
    }
}

static bool col_attr_num(bc_stmt *s, const bc_desc_rec *r, SQLUSMALLINT field, SQLLEN *num)
{
    switch (field) {
    case SQL_DESC_AUTO_UNIQUE_VALUE:
        *num = SQL_FALSE;
        return true;
    case SQL_DESC_CASE_SENSITIVE:
        *num = r->case_sensitive;
        return true;
    case SQL_DESC_CONCISE_TYPE:
        *num = app_type(s, r->concise_type);
        return true;
    case SQL_DESC_TYPE:
        *num =
            bc_handle_odbc_version(&s->h) == SQL_OV_ODBC2 ? app_type(s, r->concise_type) : r->type;
        return true;
    case SQL_DESC_COUNT:
    case SQL_COLUMN_COUNT:
        *num = s->ncols;
        return true;
    case SQL_DESC_DISPLAY_SIZE:
        *num = r->display_size;
        return true;
    case SQL_DESC_FIXED_PREC_SCALE:
        *num = r->fixed_prec_scale;
        return true;
    case SQL_DESC_LENGTH:
        *num = (SQLLEN)r->length;
        return true;
    case SQL_COLUMN_LENGTH:
    case SQL_DESC_OCTET_LENGTH:
        *num = r->octet_length;
        return true;
    case SQL_DESC_NULLABLE:
    case SQL_COLUMN_NULLABLE:
        *num = r->nullable;
        return true;
    case SQL_DESC_NUM_PREC_RADIX:
        *num = r->num_prec_radix;
        return true;
    case SQL_DESC_PRECISION:
        *num = r->precision;
        return true;
    case SQL_COLUMN_PRECISION:
        *num = (SQLLEN)(r->length > 0x7fffffff ? 0x7fffffff : r->length);
        return true;
    case SQL_DESC_SCALE:
    case SQL_COLUMN_SCALE:
        *num = r->scale;
        return true;
    case SQL_DESC_SEARCHABLE:
        *num = r->searchable;
        return true;
    case SQL_DESC_UNNAMED:
        *num = (r->name != NULL && r->name[0]) ? SQL_NAMED : SQL_UNNAMED;
        return true;
    case SQL_DESC_UNSIGNED:
        *num = r->unsigned_;
        return true;
    case SQL_DESC_UPDATABLE:
        *num = r->updatable;
        return true;
    default:
        return false;
    }
}

/* "SQLColAttribute ... character data is returned in CharacterAttributePtr, numeric data in
 * NumericAttributePtr"; the 2.x SQL_COLUMN_* identifiers map onto the same records. */
SQLRETURN bc_stmt_col_attr(bc_stmt *s, SQLUSMALLINT col, SQLUSMALLINT field, const char **str,
                           SQLLEN *num)
{
    SQLRETURN rc;

    *str = NULL;
    *num = 0;
    if (field == SQL_DESC_COUNT || field == SQL_COLUMN_COUNT) {
        if (s->state == BC_STMT_ALLOCATED)
            return bc_diag_push(&s->h.diag, "HY010", 0, "The statement is not prepared.");
        *num = s->ncols;
        return SQL_SUCCESS;
    }
    rc = check_col(s, col);
    if (rc != SQL_SUCCESS)
        return rc;
    s->described = true;
    s->col_types_final = true;
    const bc_desc_rec *r = col_rec(s, col);
    if (col_attr_str(r, field, str)) {
        if (*str == NULL)
            *str = "";
        return SQL_SUCCESS;
    }
    if (col_attr_num(s, r, field, num))
        return SQL_SUCCESS;
    return bc_diag_push(&s->h.diag, "HY091", 0, "Column attribute %u is not known.",
                        (unsigned)field);
}
