/*
 * Diagnostic records of a handle. Records are kept in the order SQLGetDiagRec must return
 * them ("Sequence of Status Records"): by row number (records not tied to a row first),
 * then errors that end the connection or transaction (classes 08, 40), other errors,
 * warnings last; records of equal rank keep the order they were pushed in.
 *
 * Memory: a record owns its message. If the message cannot be allocated the record still
 * exists with a static text, so an out-of-memory condition is never silently lost.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bc_defaults.h"
#include "bc_diag.h"
#include "bc_util.h"

static char bc_diag_oom_message[] = BC_MSG_PREFIX "Out of memory while recording an error.";

static void bc_diag_rec_free(bc_diag_rec *r)
{
    if (r->message != bc_diag_oom_message)
        free(r->message);
    r->message = NULL;
}

void bc_diag_clear(bc_diag *d)
{
    if (d == NULL)
        return;
    for (int i = 0; i < d->count; i++)
        bc_diag_rec_free(&d->recs[i]);
    d->count = 0;
    d->retcode = SQL_SUCCESS;
    d->cursor_row_count = 0;
    d->row_count = 0;
    d->dynamic_function = "";
    d->dynamic_function_code = SQL_DIAG_UNKNOWN_STATEMENT;
}

void bc_diag_free(bc_diag *d)
{
    if (d == NULL)
        return;
    bc_diag_clear(d);
    free(d->recs);
    d->recs = NULL;
    d->cap = 0;
}

static int bc_diag_rank(const char *state)
{
    if (strncmp(state, "08", 2) == 0 || strncmp(state, "40", 2) == 0)
        return 0;
    if (strncmp(state, "01", 2) == 0)
        return 3;
    if (strncmp(state, "02", 2) == 0)
        return 2;
    return 1;
}

/* Row numbers sort ascending; SQL_NO_ROW_NUMBER / SQL_ROW_NUMBER_UNKNOWN come first. */
static SQLLEN bc_diag_row_key(SQLLEN row)
{
    return row < 0 ? -1 : row;
}

static bool bc_diag_before(const bc_diag_rec *a, const bc_diag_rec *b)
{
    SQLLEN ra = bc_diag_row_key(a->row), rb = bc_diag_row_key(b->row);

    if (ra != rb)
        return ra < rb;
    return bc_diag_rank(a->sqlstate) < bc_diag_rank(b->sqlstate);
}

/* Insert rec (message ownership moves to d) at its sorted place. -1 when out of memory. */
static int bc_diag_insert(bc_diag *d, bc_diag_rec *rec)
{
    int pos;

    if (d->count == d->cap) {
        int cap = d->cap ? d->cap * 2 : 4;
        bc_diag_rec *grown = realloc(d->recs, (size_t)cap * sizeof *grown);
        if (grown == NULL)
            return -1;
        d->recs = grown;
        d->cap = cap;
    }
    pos = d->count;
    while (pos > 0 && bc_diag_before(rec, &d->recs[pos - 1]))
        pos--;
    memmove(&d->recs[pos + 1], &d->recs[pos], (size_t)(d->count - pos) * sizeof *rec);
    d->recs[pos] = *rec;
    d->count++;
    return 0;
}

static SQLRETURN bc_diag_vpush(bc_diag *d, const char *sqlstate, SQLINTEGER native, SQLLEN row,
                               SQLINTEGER column, const char *fmt, va_list ap)
{
    bc_diag_rec rec;
    bc_buf b;
    SQLRETURN rc;

    if (sqlstate == NULL || strlen(sqlstate) != 5)
        sqlstate = "HY000";
    rc = strncmp(sqlstate, "01", 2) == 0 ? SQL_SUCCESS_WITH_INFO : SQL_ERROR;
    if (d == NULL)
        return rc;
    memcpy(rec.sqlstate, sqlstate, 6);
    rec.native = native;
    rec.row = row;
    rec.column = column;

    bc_buf_init(&b);
    bc_buf_puts(&b, BC_MSG_PREFIX);
    if (fmt != NULL) {
        va_list cp;
        va_copy(cp, ap);
        int n = vsnprintf(NULL, 0, fmt, cp);
        va_end(cp);
        char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
        if (text != NULL) {
            vsnprintf(text, (size_t)n + 1, fmt, ap);
            bc_buf_puts(&b, text);
            free(text);
        } else {
            b.oom = true;
        }
    }
    /* An empty text would tell the user nothing: fall back to the state's own text. */
    if (!b.oom && b.len == strlen(BC_MSG_PREFIX))
        bc_buf_puts(&b, bc_sqlstate_text(sqlstate));
    rec.message = bc_buf_steal(&b);
    if (rec.message == NULL)
        rec.message = bc_diag_oom_message;
    /* Verbosity 1 logs every error and warning an application is told about. */
    bc_log(1, "%s %s", rec.sqlstate, rec.message);
    if (bc_diag_insert(d, &rec) != 0)
        bc_diag_rec_free(&rec);
    return rc;
}

SQLRETURN bc_diag_push(bc_diag *d, const char *sqlstate, SQLINTEGER native, const char *fmt, ...)
{
    va_list ap;
    SQLRETURN rc;

    va_start(ap, fmt);
    rc = bc_diag_vpush(d, sqlstate, native, SQL_NO_ROW_NUMBER, SQL_NO_COLUMN_NUMBER, fmt, ap);
    va_end(ap);
    return rc;
}

SQLRETURN bc_diag_push_at(bc_diag *d, const char *sqlstate, SQLINTEGER native, SQLLEN row,
                          SQLINTEGER column, const char *fmt, ...)
{
    va_list ap;
    SQLRETURN rc;

    va_start(ap, fmt);
    rc = bc_diag_vpush(d, sqlstate, native, row, column, fmt, ap);
    va_end(ap);
    return rc;
}

void bc_diag_append(bc_diag *dst, const bc_diag *src)
{
    if (dst == NULL || src == NULL || dst == src)
        return;
    for (int i = 0; i < src->count; i++) {
        bc_diag_rec rec = src->recs[i];
        const char *m = src->recs[i].message;
        rec.message = m == bc_diag_oom_message ? bc_diag_oom_message : bc_strdup(m);
        if (rec.message == NULL)
            rec.message = bc_diag_oom_message;
        if (bc_diag_insert(dst, &rec) != 0)
            bc_diag_rec_free(&rec);
    }
}
