/*
 * Stored procedures (README, Signing in): EXEC/EXECUTE name p = v, ..., {call name(?, ...)} and
 * CALL name(...) are routed here instead of to SQLite. A procedure's result is one row; the
 * statement reads it from an SQLite statement "SELECT ?1 AS "URL", ..." whose parameters
 * hold the values, so every result set of the driver comes from a sqlite3_stmt.
 */
#ifndef BC_PROCS_H
#define BC_PROCS_H

#include <stdbool.h>
#include <sqlite3.h>
#include "bc_api.h"
#include "bc_catalog.h"
#include "bc_error.h"
#include "bc_props.h"

typedef struct bc_proc_param_def {
    const char *name;
    bc_col_type type;
    bool required;
    const char *description;
} bc_proc_param_def;

typedef struct bc_proc_def {
    const char *name; /* "GetOAuthAuthorizationURL" */
    const bc_proc_param_def *inputs;
    int ninputs;
    const bc_proc_param_def *outputs; /* result-set columns */
    int noutputs;
    const char *description;
} bc_proc_def;

extern const bc_proc_def *const bc_procedures[];
extern const int bc_procedure_count;
const bc_proc_def *bc_proc_find(const char *name); /* case-insensitive */

/* One argument of a parsed call: by name (EXEC p = v) or by position ({call p(v, ?)}).
 * value is the literal's text (quotes removed) or NULL when the argument is a '?' marker,
 * whose 1-based number in the statement is param_index. */
typedef struct bc_proc_arg {
    char *name; /* NULL for positional */
    char *value;
    int param_index; /* 0 when a literal */
} bc_proc_arg;

typedef struct bc_proc_call {
    const bc_proc_def *proc;
    bc_proc_arg *args;
    int nargs;
    int nparams; /* number of '?' markers */
} bc_proc_call;

/* Parse a statement. Returns 1 and *out when it is a procedure call, 0 when it is not (route
 * to SQLite), -1 with err set (42000: unknown procedure or parameter, broken syntax). */
int bc_proc_parse(const char *sql, bc_proc_call **out, bc_error *err);
void bc_proc_call_free(bc_proc_call *c);

/* A statement shaped like the result (columns named as the outputs, no row yet), prepared on
 * db. Lets SQLDescribeCol answer after SQLPrepare. Caller finalizes. */
int bc_proc_prepare_result(sqlite3 *db, const bc_proc_call *c, sqlite3_stmt **vm, bc_error *err);

/* Run the procedure with the '?' values (UTF-8 text or NULL, by param_index-1) and bind its
 * result row to vm (from bc_proc_prepare_result, reset first). 07002 or HY000 names a missing
 * required input. GetOAuthAccessToken hands its token to api (when not NULL), so the
 * connection reads data with it at once. */
int bc_proc_execute(const bc_props *p, bc_api *api, const bc_proc_call *c,
                    char *const *param_values, int nvalues, sqlite3_stmt *vm, bc_error *err);

#endif
