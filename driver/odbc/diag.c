/*
 * SQLGetDiagRec and SQLGetDiagField (A and W). They read the diagnostics of the last call on
 * the handle, so they neither clear them nor record their own return code.
 */
#include "skin.h"

static SQLRETURN leave_keep(SQLHANDLE h, SQLRETURN rc)
{
    pthread_mutex_unlock(bc_handle_mutex(h));
    return rc;
}

static SQLRETURN get_diag_rec(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, SQLPOINTER state,
                              SQLINTEGER *native, SQLPOINTER msg, SQLSMALLINT cap, SQLSMALLINT *len,
                              bool wide)
{
    bc_handle *hd = h;
    SQLRETURN rc = bc_handle_enter_keep(h, type);

    if (rc != SQL_SUCCESS)
        return rc;
    if (rec < 1 || cap < 0)
        return leave_keep(h, SQL_ERROR);
    if (rec > hd->diag.count)
        return leave_keep(h, SQL_NO_DATA);
    const bc_diag_rec *r = &hd->diag.recs[rec - 1];
    if (state != NULL)
        bc_out_str(NULL, bc_diag_state_for_app(hd, r), state, 6, wide, true, NULL);
    if (native != NULL)
        *native = r->native;
    /* Truncation here is reported by the return code only: a diagnostic call adds no
     * diagnostics of its own. */
    rc = bc_out_str(NULL, r->message, msg, cap, wide, true, NULL);
    if (len != NULL) {
        SQLLEN full = 0;
        bc_out_str(NULL, r->message, NULL, 0, wide, true, &full);
        *len = (SQLSMALLINT)full;
    }
    return leave_keep(h, rc);
}

BC_EXPORT SQLRETURN SQL_API SQLGetDiagRec(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec,
                                          SQLCHAR *state, SQLINTEGER *native, SQLCHAR *msg,
                                          SQLSMALLINT cap, SQLSMALLINT *len)
{
    return get_diag_rec(type, h, rec, state, native, msg, cap, len, false);
}

BC_EXPORT SQLRETURN SQL_API SQLGetDiagRecW(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec,
                                           SQLWCHAR *state, SQLINTEGER *native, SQLWCHAR *msg,
                                           SQLSMALLINT cap, SQLSMALLINT *len)
{
    return get_diag_rec(type, h, rec, state, native, msg, cap, len, true);
}

/* Store a numeric diagnostic field in the width ODBC defines for it. */
static void put_num(SQLSMALLINT field, SQLLEN num, SQLPOINTER buf)
{
    switch (field) {
    case SQL_DIAG_RETURNCODE:
        *(SQLRETURN *)buf = (SQLRETURN)num;
        break;
    case SQL_DIAG_CURSOR_ROW_COUNT:
    case SQL_DIAG_ROW_COUNT:
    case SQL_DIAG_ROW_NUMBER:
        *(SQLLEN *)buf = num;
        break;
    default:
        *(SQLINTEGER *)buf = (SQLINTEGER)num;
        break;
    }
}

static SQLRETURN get_diag_field(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, SQLSMALLINT field,
                                SQLPOINTER buf, SQLSMALLINT cap, SQLSMALLINT *len, bool wide)
{
    const char *str = NULL;
    SQLLEN num = 0, full = 0;
    SQLRETURN rc = bc_handle_enter_keep(h, type);

    if (rc != SQL_SUCCESS)
        return rc;
    rc = bc_diag_get_field(h, rec, field, &num, &str);
    if (rc != SQL_SUCCESS)
        return leave_keep(h, rc);
    if (str != NULL) {
        rc = bc_out_str(NULL, str, buf, cap, wide, false, &full);
        if (len != NULL)
            *len = (SQLSMALLINT)full;
    } else if (buf != NULL) {
        put_num(field, num, buf);
    }
    return leave_keep(h, rc);
}

BC_EXPORT SQLRETURN SQL_API SQLGetDiagField(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec,
                                            SQLSMALLINT field, SQLPOINTER buf, SQLSMALLINT cap,
                                            SQLSMALLINT *len)
{
    return get_diag_field(type, h, rec, field, buf, cap, len, false);
}

BC_EXPORT SQLRETURN SQL_API SQLGetDiagFieldW(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec,
                                             SQLSMALLINT field, SQLPOINTER buf, SQLSMALLINT cap,
                                             SQLSMALLINT *len)
{
    return get_diag_field(type, h, rec, field, buf, cap, len, true);
}
