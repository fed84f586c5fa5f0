/*
 * The type list of SQLGetTypeInfo: one row per type the driver reports, described from the
 * same declared types the catalog's columns use.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sql.h>
#include <sqlext.h>
#include "meta_util.h"
#include "engine_internal.h"

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
    {"TIME", "'", "'", NULL},
    {"VARBINARY(4000)", "X'", "'", "max length"},
    {"BLOB", "X'", "'", NULL},
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
