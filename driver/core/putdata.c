/*
 * Data at execution: a parameter whose length/indicator is SQL_DATA_AT_EXEC or
 * SQL_LEN_DATA_AT_EXEC(n) gets its value after SQLExecute, through SQLParamData (which names
 * the parameter by the token the application bound as its value pointer) and any number of
 * SQLPutData calls. PHP's PDO_ODBC binds every parameter this way.
 *
 * The pieces are collected in buffers owned by the statement (s->dae); when the last
 * parameter is complete the statement runs as if the values had been bound directly, so
 * every conversion is the one bc_convert_bind_param makes for a bound buffer.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_convert.h"
#include "bc_handles.h"

typedef struct bc_dae_param {
    bool at_exec;  /* the value comes through SQLPutData */
    bool received; /* at least one SQLPutData call (or NULL) arrived */
    bool is_null;
    char *buf; /* the pieces so far, owned */
    size_t len, cap;
} bc_dae_param;

struct bc_dae {
    int nparams;
    int current; /* 1-based parameter taking SQLPutData, 0 before the first SQLParamData */
    bc_dae_param p[];
};

void bc_dae_free(bc_stmt *s)
{
    if (s->dae == NULL)
        return;
    /* A value sent this way may be a secret (an OAuth code for a procedure). */
    for (int i = 0; i < s->dae->nparams; i++) {
        if (s->dae->p[i].buf != NULL)
            explicit_bzero(s->dae->p[i].buf, s->dae->p[i].cap);
        free(s->dae->p[i].buf);
    }
    free(s->dae);
    s->dae = NULL;
}

static bool is_at_exec(const bc_desc *apd, int n)
{
    SQLPOINTER data;
    SQLLEN *ind, *len;

    if (n > apd->count)
        return false;
    bc_desc_bound_ptrs(apd, &apd->recs[n], 0, &data, &ind, &len);
    if (len == NULL)
        len = ind;
    if (len == NULL)
        return false;
    /* Packed parameter rows (pyodbc's fast_executemany) leave it unaligned. */
    SQLLEN v;
    memcpy(&v, len, sizeof v);
    return v == SQL_DATA_AT_EXEC || v <= SQL_LEN_DATA_AT_EXEC_OFFSET;
}

/* "SQLExecute returns SQL_NEED_DATA if there are data-at-execution parameters." */
SQLRETURN bc_dae_start(bc_stmt *s, int nparams)
{
    int found = 0;

    bc_dae_free(s);
    for (int n = 1; n <= nparams; n++)
        found += is_at_exec(s->apd_cur, n);
    if (found == 0)
        return SQL_SUCCESS;
    if (s->apd_cur->array_size > 1)
        return bc_diag_push(&s->h.diag, "HYC00", 0,
                            "Data-at-execution parameters cannot be combined with an array of "
                            "parameter sets; set SQL_ATTR_PARAMSET_SIZE to 1.");
    s->dae = calloc(1, sizeof *s->dae + (size_t)nparams * sizeof(bc_dae_param));
    if (s->dae == NULL)
        return bc_diag_push(&s->h.diag, "HY001", 0, "Out of memory.");
    s->dae->nparams = nparams;
    for (int n = 1; n <= nparams; n++)
        s->dae->p[n - 1].at_exec = is_at_exec(s->apd_cur, n);
    s->state = BC_STMT_NEED_DATA;
    return SQL_NEED_DATA;
}

/* Leave the data-at-execution sequence: state back to prepared, collected pieces dropped. */
void bc_dae_abandon(bc_stmt *s)
{
    if (s->state == BC_STMT_NEED_DATA)
        s->state = BC_STMT_PREPARED;
    bc_dae_free(s);
}

/* "SQLParamData returns SQL_NEED_DATA and the value of ValuePtrPtr is the token of the next
 * parameter; after the last one it executes the statement and returns what SQLExecute
 * would have." */
SQLRETURN bc_stmt_param_data(bc_stmt *s, SQLPOINTER *token)
{
    bc_dae *d = s->dae;
    SQLRETURN rc;

    if (s->state != BC_STMT_NEED_DATA || d == NULL)
        return bc_diag_push(&s->h.diag, "HY010", 0,
                            "SQLParamData is only valid after SQLExecute or SQLExecDirect "
                            "returned SQL_NEED_DATA.");
    for (int n = d->current + 1; n <= d->nparams; n++) {
        if (!d->p[n - 1].at_exec)
            continue;
        d->current = n;
        if (token != NULL)
            *token = s->apd_cur->recs[n].data_ptr;
        return SQL_NEED_DATA;
    }
    d->current = d->nparams + 1;
    s->state = BC_STMT_PREPARED;
    rc = bc_stmt_run(s);
    bc_dae_free(s);
    return rc;
}

static SQLRETURN append(bc_stmt *s, bc_dae_param *p, const void *data, size_t n)
{
    if (p->len + n + 2 > p->cap) {
        size_t cap = p->cap ? p->cap : 256;
        while (cap < p->len + n + 2)
            cap *= 2;
        char *b = realloc(p->buf, cap);
        if (b == NULL)
            return bc_diag_push(&s->h.diag, "HY001", 0, "Out of memory collecting SQLPutData.");
        p->buf = b;
        p->cap = cap;
    }
    if (n > 0)
        memcpy(p->buf + p->len, data, n);
    p->len += n;
    /* Keep the value terminated for either character width. */
    p->buf[p->len] = p->buf[p->len + 1] = '\0';
    return SQL_SUCCESS;
}

static size_t piece_length(SQLSMALLINT c_type, const void *data, SQLLEN len)
{
    if (len != SQL_NTS)
        return (size_t)len;
    if (c_type == SQL_C_WCHAR) {
        size_t n = 0;
        while (((const SQLWCHAR *)data)[n] != 0)
            n++;
        return n * sizeof(SQLWCHAR);
    }
    return strlen(data);
}

/* "SQLPutData can be called repeatedly to send character or binary data in parts; other
 * types must be sent in one call (HY019 otherwise)." */
SQLRETURN bc_stmt_put_data(bc_stmt *s, SQLPOINTER data, SQLLEN len)
{
    bc_dae *d = s->dae;

    if (s->state != BC_STMT_NEED_DATA || d == NULL || d->current < 1 || d->current > d->nparams)
        return bc_diag_push(&s->h.diag, "HY010", 0,
                            "Call SQLParamData first: it names the parameter that SQLPutData "
                            "sends data for.");
    bc_dae_param *p = &d->p[d->current - 1];
    SQLSMALLINT c_type = s->apd_cur->recs[d->current].concise_type;
    SQLLEN fixed = bc_c_type_size(c_type);
    bool pieces = c_type == SQL_C_CHAR || c_type == SQL_C_WCHAR || c_type == SQL_C_BINARY;

    if (len == SQL_NULL_DATA) {
        if (p->received)
            return bc_diag_push(&s->h.diag, "HY011", 0,
                                "SQL_NULL_DATA must be the only SQLPutData call of a parameter.");
        p->received = p->is_null = true;
        return SQL_SUCCESS;
    }
    if (p->is_null)
        return bc_diag_push(&s->h.diag, "HY011", 0,
                            "This parameter was already sent as NULL (SQL_NULL_DATA).");
    if (len < 0 && len != SQL_NTS)
        return bc_diag_push(&s->h.diag, "HY090", 0,
                            "StrLen_or_Ind must be a length, SQL_NTS or SQL_NULL_DATA.");
    if (data == NULL && len != 0)
        return bc_diag_push(&s->h.diag, "HY009", 0, "The data pointer is null.");
    if (!pieces && p->received)
        return bc_diag_push(&s->h.diag, "HY019", 0,
                            "Only character and binary data can be sent in pieces; send this "
                            "parameter in one SQLPutData call.");
    p->received = true;
    if (!pieces && fixed > 0)
        return append(s, p, data, (size_t)fixed);
    if (data == NULL)
        return SQL_SUCCESS;
    return append(s, p, data, piece_length(c_type, data, len));
}

bool bc_dae_value(const bc_stmt *s, int n, SQLPOINTER *data, SQLLEN *len)
{
    static const char empty[4] = {0, 0, 0, 0};

    if (s->dae == NULL || n < 1 || n > s->dae->nparams || !s->dae->p[n - 1].at_exec)
        return false;
    const bc_dae_param *p = &s->dae->p[n - 1];
    *data = p->buf != NULL ? (SQLPOINTER)p->buf : (SQLPOINTER)empty;
    *len = p->is_null ? SQL_NULL_DATA : (SQLLEN)p->len;
    return true;
}

bool bc_dae_missing(const bc_stmt *s, int n)
{
    if (s->dae == NULL || n < 1 || n > s->dae->nparams || !s->dae->p[n - 1].at_exec)
        return false;
    return !s->dae->p[n - 1].received && bc_c_type_size(s->apd_cur->recs[n].concise_type) > 0;
}
