/*
 * Parameters: SQLBindParameter fills the APD (the application's buffer) and the IPD (the SQL
 * type); at execute each '?' is bound to the SQLite statement through bc_convert_bind_param.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_convert.h"
#include "bc_defaults.h"
#include "bc_handles.h"
#include "bc_procs.h"
#include "bc_util.h"

/* "HY004 Invalid SQL data type: The value specified for the argument ParameterType was
 * neither a valid ODBC SQL data type identifier nor a driver-specific SQL data type." */
static bool is_sql_type(SQLSMALLINT t)
{
    switch (t) {
    case SQL_CHAR:
    case SQL_VARCHAR:
    case SQL_LONGVARCHAR:
    case SQL_WCHAR:
    case SQL_WVARCHAR:
    case SQL_WLONGVARCHAR:
    case SQL_DECIMAL:
    case SQL_NUMERIC:
    case SQL_SMALLINT:
    case SQL_INTEGER:
    case SQL_REAL:
    case SQL_FLOAT:
    case SQL_DOUBLE:
    case SQL_BIT:
    case SQL_TINYINT:
    case SQL_BIGINT:
    case SQL_BINARY:
    case SQL_VARBINARY:
    case SQL_LONGVARBINARY:
    case SQL_TYPE_DATE:
    case SQL_TYPE_TIME:
    case SQL_TYPE_TIMESTAMP:
    case SQL_DATE:
    case SQL_TIME:
    case SQL_TIMESTAMP:
    case SQL_GUID:
        return true;
    default: /* the thirteen interval types are numbered consecutively */
        return t >= SQL_INTERVAL_YEAR && t <= SQL_INTERVAL_MINUTE_TO_SECOND;
    }
}

SQLRETURN bc_stmt_bind_param(bc_stmt *s, SQLUSMALLINT n, SQLSMALLINT io, SQLSMALLINT c_type,
                             SQLSMALLINT sql_type, SQLULEN size, SQLSMALLINT digits, SQLPOINTER buf,
                             SQLLEN buflen, SQLLEN *ind)
{
    bc_desc_rec *a, *i;

    if (n < 1)
        return bc_diag_push(&s->h.diag, "07009", 0, "Parameter numbers start at 1.");
    if (io != SQL_PARAM_INPUT)
        return bc_diag_push(&s->h.diag, "HY105", 0,
                            "Only input parameters (SQL_PARAM_INPUT) are supported.");
    if (buf == NULL && ind == NULL)
        return bc_diag_push(&s->h.diag, "HY009", 0,
                            "Both the value and the indicator pointer are null.");
    if (!is_sql_type(sql_type))
        return bc_diag_push(&s->h.diag, "HY004", 0,
                            "%d is not an ODBC SQL data type; give one such as SQL_VARCHAR, "
                            "SQL_INTEGER or SQL_TYPE_TIMESTAMP for parameter %u.",
                            (int)sql_type, (unsigned)n);
    a = bc_desc_rec_get(s->apd_cur, (SQLSMALLINT)n);
    i = a != NULL ? bc_desc_rec_get(&s->ipd, (SQLSMALLINT)n) : NULL;
    if (a == NULL || i == NULL)
        return bc_diag_push(&s->h.diag, "HY001", 0, "Out of memory binding a parameter.");
    if (c_type == SQL_C_DEFAULT)
        c_type = bc_default_c_type(sql_type);
    bc_desc_rec_set_type(a, c_type);
    a->data_ptr = buf;
    a->octet_length = buflen;
    a->indicator_ptr = ind;
    a->octet_length_ptr = ind;
    bc_desc_rec_set_type(i, sql_type);
    i->length = size;
    i->precision = (SQLSMALLINT)(size > 32767 ? 32767 : size);
    i->scale = digits;
    i->parameter_type = io;
    return SQL_SUCCESS;
}

static int param_count(bc_stmt *s)
{
    if (s->proc != NULL)
        return s->proc->nparams;
    return s->vm != NULL ? sqlite3_bind_parameter_count(s->vm) : 0;
}

SQLRETURN bc_stmt_num_params(bc_stmt *s, SQLSMALLINT *n)
{
    if (s->state == BC_STMT_ALLOCATED)
        return bc_diag_push(&s->h.diag, "HY010", 0, "The statement is not prepared.");
    if (n != NULL)
        *n = (SQLSMALLINT)param_count(s);
    return SQL_SUCCESS;
}

/* The input a procedure call's n-th marker fills: its declared type. */
static bool proc_param_type(const bc_proc_call *c, int n, bc_sql_type *out)
{
    int pos = 0;

    for (int i = 0; i < c->nargs; i++) {
        const bc_proc_arg *a = &c->args[i];
        int k = -1;
        if (a->name == NULL) {
            k = pos++;
        } else {
            for (int j = 0; j < c->proc->ninputs; j++)
                if (bc_strcasecmp(c->proc->inputs[j].name, a->name) == 0)
                    k = j;
        }
        if (a->param_index != n || k < 0 || k >= c->proc->ninputs)
            continue;
        bc_column_def col = {.name = c->proc->inputs[k].name, .type = c->proc->inputs[k].type};
        bc_type_of_column(&col, out);
        return true;
    }
    return false;
}

/* "SQLDescribeParam returns the description of a parameter marker": SQLite does not type
 * parameters, so the type is that of the column the marker is compared with, or of the
 * procedure input it fills; failing both, the type the application bound, else NVARCHAR,
 * which SQLite compares and converts as the column's affinity requires. */
SQLRETURN bc_stmt_describe_param(bc_stmt *s, SQLUSMALLINT n, SQLSMALLINT *type, SQLULEN *size,
                                 SQLSMALLINT *digits, SQLSMALLINT *nullable)
{
    bc_sql_type t;
    bool typed;

    if (s->state == BC_STMT_ALLOCATED)
        return bc_diag_push(&s->h.diag, "HY010", 0, "The statement is not prepared.");
    if (n < 1 || (int)n > param_count(s))
        return bc_diag_push(&s->h.diag, "07009", 0, "Parameter %u does not exist.", (unsigned)n);
    typed = s->proc != NULL ? proc_param_type(s->proc, n, &t)
                            : bc_param_type_from_sql(bc_engine_db(s->dbc->engine), s->sql, n, &t);
    const bc_desc_rec *r = n <= (SQLUSMALLINT)s->ipd.count ? &s->ipd.recs[n] : NULL;
    bool bound = r != NULL && r->concise_type != SQL_C_DEFAULT;
    if (!typed && bound) {
        t.sql_type = r->concise_type;
        t.column_size = (long)r->length;
        t.decimal_digits = r->scale;
    } else if (!typed) {
        bc_type_from_decl(NULL, &t);
    }
    if (type != NULL)
        *type = t.sql_type;
    if (size != NULL)
        *size = (SQLULEN)t.column_size;
    if (digits != NULL)
        *digits = t.decimal_digits;
    if (nullable != NULL)
        *nullable = SQL_NULLABLE;
    return SQL_SUCCESS;
}

/* Bind application parameter n (1-based) of parameter set row to vm's parameter idx. */
static SQLRETURN bind_one(bc_stmt *s, sqlite3_stmt *vm, int idx, int n, SQLULEN row)
{
    bc_desc *apd = s->apd_cur;
    bc_error e;
    SQLPOINTER data;
    SQLLEN *ind, *len, buflen;

    if (n > apd->count || n > s->ipd.count ||
        (apd->recs[n].data_ptr == NULL && apd->recs[n].indicator_ptr == NULL))
        return bc_diag_push(&s->h.diag, "07002", 0,
                            "Parameter %d has no value; bind it with SQLBindParameter.", n);
    const bc_desc_rec *a = &apd->recs[n], *i = &s->ipd.recs[n];
    SQLLEN dae_len, ind_copy;
    if (bc_dae_missing(s, n))
        return bc_diag_push(&s->h.diag, "07002", 0,
                            "Parameter %d is data-at-execution but SQLPutData sent no value.", n);
    if (bc_dae_value(s, n, &data, &dae_len)) {
        ind = &dae_len;
        len = NULL;
        buflen = dae_len;
    } else {
        bc_desc_bound_ptrs(apd, a, row, &data, &ind, &len);
        buflen = a->octet_length;
        /* Row-wise parameter arrays may be packed (pyodbc's fast_executemany): read the
         * length or indicator through an aligned copy. */
        if (ind != NULL || len != NULL) {
            memcpy(&ind_copy, ind != NULL ? ind : len, sizeof ind_copy);
            ind = &ind_copy;
            len = NULL;
        }
    }
    bc_error_clear(&e);
    if (bc_convert_bind_param(vm, idx, a->concise_type, i->concise_type, i->scale, data, buflen,
                              ind != NULL ? ind : len, &e) != SQL_SUCCESS)
        return bc_diag_push_at(&s->h.diag, e.sqlstate[0] ? e.sqlstate : "HY000",
                               (SQLINTEGER)e.native, (SQLLEN)row + 1, n, "%s", e.message);
    return SQL_SUCCESS;
}

SQLRETURN bc_stmt_apply_params(bc_stmt *s, sqlite3_stmt *vm, SQLULEN row)
{
    int n = sqlite3_bind_parameter_count(vm);

    sqlite3_clear_bindings(vm);
    for (int i = 1; i <= n; i++) {
        SQLRETURN rc = bind_one(s, vm, i, i, row);
        if (rc != SQL_SUCCESS)
            return rc;
    }
    return SQL_SUCCESS;
}

/* Procedures take their '?' values as text: each is converted by binding it to a one-column
 * SELECT and reading the column back as UTF-8, so the conversions are the same as for SQL. */
static SQLRETURN param_text(bc_stmt *s, sqlite3_stmt *probe, int n, SQLULEN row, char **out)
{
    SQLRETURN rc;

    *out = NULL;
    sqlite3_reset(probe);
    rc = bind_one(s, probe, 1, n, row);
    if (rc != SQL_SUCCESS)
        return rc;
    if (sqlite3_step(probe) == SQLITE_ROW && sqlite3_column_type(probe, 0) != SQLITE_NULL) {
        *out = bc_strdup((const char *)sqlite3_column_text(probe, 0));
        if (*out == NULL)
            return bc_diag_push(&s->h.diag, "HY001", 0, "Out of memory.");
    }
    return SQL_SUCCESS;
}

SQLRETURN bc_stmt_param_texts(bc_stmt *s, int n, SQLULEN row, char ***out)
{
    sqlite3_stmt *probe = NULL;
    SQLRETURN rc = SQL_SUCCESS;
    char **v;

    *out = NULL;
    if (n <= 0)
        return SQL_SUCCESS;
    v = calloc((size_t)n, sizeof *v);
    if (v == NULL)
        return bc_diag_push(&s->h.diag, "HY001", 0, "Out of memory.");
    if (sqlite3_prepare_v2(bc_engine_db(s->dbc->engine), "SELECT ?1", -1, &probe, NULL) !=
        SQLITE_OK) {
        free(v);
        return bc_diag_push(&s->h.diag, "HY000", 0, "Could not prepare parameter conversion.");
    }
    for (int i = 0; i < n && rc == SQL_SUCCESS; i++)
        rc = param_text(s, probe, i + 1, row, &v[i]);
    sqlite3_finalize(probe);
    if (rc != SQL_SUCCESS) {
        bc_stmt_free_param_texts(v, n);
        return rc;
    }
    *out = v;
    return SQL_SUCCESS;
}

void bc_stmt_free_param_texts(char **v, int n)
{
    if (v == NULL)
        return;
    for (int i = 0; i < n; i++)
        free(v[i]);
    free(v);
}
