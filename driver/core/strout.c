/*
 * String outputs of the ODBC API. "If the data returned is longer than the buffer, it is
 * truncated to BufferLength minus the length of a null-termination character, null-terminated,
 * and SQLSTATE 01004 is returned; the length argument gets the full length."
 */
#include <string.h>
#include "bc_handles.h"
#include "bc_odbc_text.h"
#include "bc_util.h"

SQLRETURN bc_out_str(bc_diag *d, const char *s, SQLPOINTER buf, SQLLEN cap, bool wide,
                     bool cap_in_chars, SQLLEN *len)
{
    size_t slen, full;
    bool truncated = false;

    if (s == NULL)
        s = "";
    slen = strlen(s);
    if (cap < 0)
        cap = 0;
    if (wide) {
        size_t cap_bytes = cap_in_chars ? (size_t)cap * sizeof(SQLWCHAR) : (size_t)cap;
        if (buf != NULL && cap_bytes >= sizeof(SQLWCHAR)) {
            full = bc_utf8_to_wbuf(s, slen, buf, cap_bytes, &truncated);
        } else {
            full = bc_utf8_utf16_units(s, slen);
            truncated = buf != NULL && full > 0; /* no room even for the terminator */
        }
        if (len != NULL)
            *len = cap_in_chars ? (SQLLEN)full : (SQLLEN)(full * sizeof(SQLWCHAR));
    } else {
        if (buf != NULL && cap > 0) {
            full = bc_utf8_to_cbuf(s, slen, buf, (size_t)cap, &truncated);
        } else {
            full = slen;
            truncated = buf != NULL && slen > 0;
        }
        if (len != NULL)
            *len = (SQLLEN)full;
    }
    if (truncated && d != NULL)
        return bc_diag_push(d, "01004", 0, "String data was truncated; use a larger buffer.");
    return truncated ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
}
