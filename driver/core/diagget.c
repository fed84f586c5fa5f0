/* SQLGetDiagField's header and record fields, read from a handle's bc_diag. */
#include "bc_handles.h"

const char *bc_diag_state_for_app(bc_handle *h, const bc_diag_rec *r)
{
    if (bc_handle_odbc_version(h) == SQL_OV_ODBC2) {
        const char *old = bc_sqlstate_odbc2(r->sqlstate);
        if (old != NULL)
            return old;
    }
    return r->sqlstate;
}

static const char *server_name(bc_handle *h)
{
    bc_dbc *dbc = NULL;

    if (h->type == SQL_HANDLE_DBC)
        dbc = (bc_dbc *)h;
    else if (h->type == SQL_HANDLE_STMT)
        dbc = ((bc_stmt *)h)->dbc;
    else if (h->type == SQL_HANDLE_DESC)
        dbc = ((bc_desc *)h)->dbc;
    if (dbc == NULL)
        return "";
    return dbc->props.dsn != NULL ? dbc->props.dsn : "";
}

static SQLRETURN header_field(bc_handle *h, SQLSMALLINT field, SQLLEN *num, const char **str)
{
    const bc_diag *d = &h->diag;

    switch (field) {
    case SQL_DIAG_NUMBER:
        *num = d->count;
        return SQL_SUCCESS;
    case SQL_DIAG_RETURNCODE:
        *num = d->retcode;
        return SQL_SUCCESS;
    case SQL_DIAG_CURSOR_ROW_COUNT:
    case SQL_DIAG_ROW_COUNT:
    case SQL_DIAG_DYNAMIC_FUNCTION:
    case SQL_DIAG_DYNAMIC_FUNCTION_CODE:
        if (h->type != SQL_HANDLE_STMT)
            return SQL_ERROR;
        if (field == SQL_DIAG_CURSOR_ROW_COUNT)
            *num = -1;
        else if (field == SQL_DIAG_ROW_COUNT)
            *num = ((bc_stmt *)h)->row_count;
        else if (field == SQL_DIAG_DYNAMIC_FUNCTION)
            *str = d->dynamic_function != NULL ? d->dynamic_function : "";
        else
            *num = d->dynamic_function_code;
        return SQL_SUCCESS;
    default:
        return SQL_NO_DATA_FOUND + 1; /* not a header field */
    }
}

SQLRETURN bc_diag_get_field(bc_handle *h, SQLSMALLINT rec, SQLSMALLINT field, SQLLEN *num,
                            const char **str)
{
    SQLRETURN rc;

    *num = 0;
    *str = NULL;
    rc = header_field(h, field, num, str);
    if (rc != SQL_NO_DATA_FOUND + 1)
        return rc;
    if (rec < 1)
        return SQL_ERROR;
    if (rec > h->diag.count)
        return SQL_NO_DATA;
    const bc_diag_rec *r = &h->diag.recs[rec - 1];
    switch (field) {
    case SQL_DIAG_SQLSTATE:
        *str = bc_diag_state_for_app(h, r);
        return SQL_SUCCESS;
    case SQL_DIAG_NATIVE:
        *num = r->native;
        return SQL_SUCCESS;
    case SQL_DIAG_MESSAGE_TEXT:
        *str = r->message != NULL ? r->message : "";
        return SQL_SUCCESS;
    case SQL_DIAG_CLASS_ORIGIN:
        *str = bc_sqlstate_class_origin(r->sqlstate);
        return SQL_SUCCESS;
    case SQL_DIAG_SUBCLASS_ORIGIN:
        *str = bc_sqlstate_subclass_origin(r->sqlstate);
        return SQL_SUCCESS;
    case SQL_DIAG_CONNECTION_NAME:
        *str = "";
        return SQL_SUCCESS;
    case SQL_DIAG_SERVER_NAME:
        *str = server_name(h);
        return SQL_SUCCESS;
    case SQL_DIAG_ROW_NUMBER:
        *num = r->row != 0 ? r->row : SQL_NO_ROW_NUMBER;
        return SQL_SUCCESS;
    case SQL_DIAG_COLUMN_NUMBER:
        *num = r->column != 0 ? r->column : SQL_NO_COLUMN_NUMBER;
        return SQL_SUCCESS;
    default:
        return SQL_ERROR;
    }
}
