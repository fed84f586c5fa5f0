/*
 * The procedures' metadata (SQLProcedures, SQLProcedureColumns, sys_procedures), from
 * bc_procedures[].
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
        rc = bc_meta_null_inapplicable(e->db, "bc_meta_proccols", err);
    return rc;
}
