/*
 * The rest of the metadata: procedures (from bc_procedures[]), the type list of
 * SQLGetTypeInfo, and the system tables that are not views over the catalog metadata
 * (sys_keycolumns, sys_connection_props, sys_sqlinfo).
 */
#include <stdio.h>
#include <stdlib.h>
#include <sql.h>
#include <sqlext.h>
#include "bc_defaults.h"
#include "bc_procs.h"
#include "meta_util.h"
#include "engine_internal.h"

#define SCHEMA BC_SCHEMA_NAME

static int add_proc_column(sqlite3_stmt *vm, const bc_proc_def *p, const bc_proc_param_def *a,
                           int column_type, int ordinal, int seq, bc_error *err)
{
    bc_column_def c = {.name = a->name, .type = a->type};
    bc_sql_type t;
    int ty;
    bool nullable = !a->required;

    bc_type_of_column(&c, &t);
    ty = t.sql_type;
    return bc_meta_row(vm, err, "nsssiisiiiiisniiiisiiii", SCHEMA, p->name, a->name, column_type,
                       ty, t.type_name, (int)t.column_size, (int)t.octet_length, t.decimal_digits,
                       t.num_prec_radix, nullable ? SQL_NULLABLE : SQL_NO_NULLS, a->description,
                       bc_meta_verbose_type(ty), bc_meta_datetime_sub(ty),
                       bc_meta_is_char(ty) ? (int)t.octet_length : 0, ordinal,
                       nullable ? "YES" : "NO", bc_meta_odbc2_type(ty),
                       bc_meta_is_numeric(ty) ? (int)t.column_size : 0, a->required, seq);
}

static int add_proc(sqlite3_stmt *procs, sqlite3_stmt *cols, const bc_proc_def *p, bc_error *err)
{
    int seq = 0;

    if (bc_meta_row(procs, err, "nssiiisi", SCHEMA, p->name, p->ninputs, 0, 1, p->description,
                    SQL_PT_PROCEDURE))
        return -1;
    for (int i = 0; i < p->ninputs; i++)
        if (add_proc_column(cols, p, &p->inputs[i], SQL_PARAM_INPUT, i + 1, ++seq, err))
            return -1;
    for (int i = 0; i < p->noutputs; i++)
        if (add_proc_column(cols, p, &p->outputs[i], SQL_RESULT_COL, i + 1, ++seq, err))
            return -1;
    return 0;
}

int bc_meta_fill_procs(bc_engine *e, bc_error *err)
{
    sqlite3_stmt *procs = bc_meta_insert(e->db, "bc_meta_procs", 8, err);
    sqlite3_stmt *cols = bc_meta_insert(e->db, "bc_meta_proccols", 23, err);
    int rc = bc_error_is_set(err) ? -1 : 0;

    for (int i = 0; rc == 0 && i < bc_procedure_count; i++)
        rc = add_proc(procs, cols, bc_procedures[i], err);
    sqlite3_finalize(procs);
    sqlite3_finalize(cols);
    if (rc == 0)
        rc = bc_engine_exec(e->db,
                            "UPDATE bc_meta_proccols SET "
                            "DECIMAL_DIGITS = CASE WHEN DATA_TYPE IN (-10,-9,-8,-1,1,12,8,6,7) "
                            "THEN NULL ELSE DECIMAL_DIGITS END, "
                            "NUM_PREC_RADIX = NULLIF(NUM_PREC_RADIX, 0), "
                            "SQL_DATETIME_SUB = NULLIF(SQL_DATETIME_SUB, 0), "
                            "CHAR_OCTET_LENGTH = NULLIF(CHAR_OCTET_LENGTH, 0), "
                            "NUMERIC_PRECISION = NULLIF(NUMERIC_PRECISION, 0)",
                            err);
    return rc;
}

/* Every type the driver reports, by the declared type that produces it. */
typedef struct type_row {
    const char *decl;
    const char *prefix, *suffix, *create_params;
} type_row;

static const type_row k_types[] = {
    {"NTEXT", "'", "'", NULL},
    {"NVARCHAR(4000)", "'", "'", "max length"},
    {"BIT", NULL, NULL, NULL},
    {"BIGINT", NULL, NULL, NULL},
    {"DECIMAL(20,4)", NULL, NULL, "precision,scale"},
    {"INTEGER", NULL, NULL, NULL},
    {"SMALLINT", NULL, NULL, NULL},
    {"DOUBLE", NULL, NULL, NULL},
    {"DATE", "'", "'", NULL},
    {"TIMESTAMP", "'", "'", NULL},
};

static int add_type(sqlite3_stmt *vm, const type_row *r, bc_error *err)
{
    bc_sql_type t;
    int ty;
    bool chr, num;

    bc_type_from_decl(r->decl, &t);
    ty = t.sql_type;
    chr = bc_meta_is_char(ty);
    num = bc_meta_is_numeric(ty);
    return bc_meta_row(vm, err,
                       "sii"
                       "sss"
                       "iiii"
                       "iinii"
                       "iiiiii",
                       t.type_name, ty, (int)t.column_size, r->prefix, r->suffix, r->create_params,
                       SQL_NULLABLE, chr ? SQL_TRUE : SQL_FALSE,
                       chr ? SQL_SEARCHABLE : SQL_ALL_EXCEPT_LIKE, num ? SQL_FALSE : -1, SQL_FALSE,
                       num ? SQL_FALSE : -1, num || ty == SQL_TYPE_TIMESTAMP ? 0 : -1,
                       ty == SQL_DECIMAL ? (int)t.column_size
                                         : (num || ty == SQL_TYPE_TIMESTAMP ? 0 : -1),
                       bc_meta_verbose_type(ty), bc_meta_datetime_sub(ty), num ? 10 : -1, -1,
                       bc_meta_odbc2_type(ty), 1);
}

int bc_meta_fill_types(bc_engine *e, bc_error *err)
{
    sqlite3_stmt *vm = bc_meta_insert(e->db, "bc_meta_types", 21, err);
    int rc = vm ? 0 : -1;

    for (size_t i = 0; rc == 0 && i < sizeof k_types / sizeof k_types[0]; i++)
        rc = add_type(vm, &k_types[i], err);
    sqlite3_finalize(vm);
    /* -1 above stands for "not applicable", which ODBC reports as NULL. */
    if (rc == 0)
        rc = bc_engine_exec(e->db,
                            "UPDATE bc_meta_types SET "
                            "UNSIGNED_ATTRIBUTE = NULLIF(UNSIGNED_ATTRIBUTE, -1), "
                            "AUTO_UNIQUE_VALUE = NULLIF(AUTO_UNIQUE_VALUE, -1), "
                            "MINIMUM_SCALE = NULLIF(MINIMUM_SCALE, -1), "
                            "MAXIMUM_SCALE = NULLIF(MAXIMUM_SCALE, -1), "
                            "SQL_DATETIME_SUB = NULLIF(SQL_DATETIME_SUB, 0), "
                            "NUM_PREC_RADIX = NULLIF(NUM_PREC_RADIX, -1), "
                            "INTERVAL_PRECISION = NULL",
                            err);
    return rc;
}
