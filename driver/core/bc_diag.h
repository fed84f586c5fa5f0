/*
 * Diagnostic records. Every handle owns one bc_diag; a function that fails pushes a record
 * on the handle it works for and returns SQL_ERROR. Messages get the "[BigCommerce][ODBC] "
 * prefix here, so callers pass only the text, which must say what happened and what to do
 * and must never contain a secret.
 */
#ifndef BC_DIAG_H
#define BC_DIAG_H

#include <sql.h>
#include <sqlext.h>

typedef struct bc_diag_rec {
    char sqlstate[6];
    SQLINTEGER native; /* the HTTP status for API errors, else 0 */
    char *message;     /* UTF-8, owned by the record, prefix included */
    SQLLEN row;        /* SQL_DIAG_ROW_NUMBER */
    SQLINTEGER column; /* SQL_DIAG_COLUMN_NUMBER */
} bc_diag_rec;

typedef struct bc_diag {
    bc_diag_rec *recs;
    int count;
    int cap;
    SQLRETURN retcode;            /* SQL_DIAG_RETURNCODE of the last function */
    SQLLEN cursor_row_count;      /* SQL_DIAG_CURSOR_ROW_COUNT */
    SQLLEN row_count;             /* SQL_DIAG_ROW_COUNT */
    const char *dynamic_function; /* SQL_DIAG_DYNAMIC_FUNCTION, static string */
    SQLINTEGER dynamic_function_code;
} bc_diag;

void bc_diag_clear(bc_diag *d);
/* Push a record; fmt is printf-style UTF-8. Returns SQL_ERROR, or SQL_SUCCESS_WITH_INFO for
 * warning states (class 01), so callers can write `return bc_diag_push(...)`. */
SQLRETURN bc_diag_push(bc_diag *d, const char *sqlstate, SQLINTEGER native, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Same, with row/column numbers. */
SQLRETURN bc_diag_push_at(bc_diag *d, const char *sqlstate, SQLINTEGER native, SQLLEN row,
                          SQLINTEGER column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Copy all records of src to the end of dst (e.g. an engine error onto a statement). */
void bc_diag_append(bc_diag *dst, const bc_diag *src);
void bc_diag_free(bc_diag *d);

/* The one SQLSTATE table: default message text and SQL_DIAG_CLASS_ORIGIN /
 * SQL_DIAG_SUBCLASS_ORIGIN ("ISO 9075" or "ODBC 3.0"). Unknown states give generic text. */
const char *bc_sqlstate_text(const char *sqlstate);
const char *bc_sqlstate_class_origin(const char *sqlstate);
const char *bc_sqlstate_subclass_origin(const char *sqlstate);
/* The ODBC 2.x state for an ODBC 3.x state when the application asked for ODBC 2
 * (e.g. HY000 -> S1000, 42S02 -> S0002); NULL when it is the same. */
const char *bc_sqlstate_odbc2(const char *sqlstate);
/* The table itself, for enumeration (tests, documentation): its size and the i-th state
 * (NULL when i is out of range). */
int bc_sqlstate_count(void);
const char *bc_sqlstate_at(int i);

#endif
