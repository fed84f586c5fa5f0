/*
 * Helpers shared by the exported entry points: each SQLxxx validates and locks its handle
 * (SKIN_ENTER), converts strings (skin_a / skin_w in, skin_out out), calls one internal
 * function and leaves with bc_handle_leave.
 */
#ifndef BC_ODBC_SKIN_H
#define BC_ODBC_SKIN_H

#include <stdbool.h>
#include <stdlib.h>
#include "bc_handles.h"
#include "bc_odbc_text.h"
#include "bc_util.h"

/* The shared library is built with hidden visibility; these are its only exports. */
#define BC_EXPORT __attribute__((visibility("default")))

/* Validate, lock and clear the handle, and trace the call at Verbosity 4 under the name of
 * the exported SQLxxx; bc_handle_leave traces its return code. */
#define SKIN_ENTER(h, type) SKIN_ENTER_AS(__func__, h, type)
/* The same in a body that the A and W forms share: call is the exported function's name,
 * passed down by it. */
#define SKIN_ENTER_AS(call, h, type)                                                               \
    do {                                                                                           \
        SQLRETURN enter_rc_ = skin_enter((h), (type), (call));                                     \
        if (enter_rc_ != SQL_SUCCESS)                                                              \
            return enter_rc_;                                                                      \
    } while (0)

SQLRETURN skin_enter(SQLHANDLE h, SQLSMALLINT type, const char *call);

/* An application string as a malloc'd UTF-8 copy; NULL for a NULL argument. *oom tells an
 * allocation failure apart from a NULL argument. len: bytes (A) or characters (W), or
 * SQL_NTS. Caller frees. */
char *skin_a(const SQLCHAR *s, SQLINTEGER len, bool *oom);
char *skin_w(const SQLWCHAR *s, SQLINTEGER len, bool *oom);

/* Push HY001 on h. */
SQLRETURN skin_oom(bc_handle *h);

/* Combine two return codes: an error wins over a warning, a warning over success. */
SQLRETURN skin_merge(SQLRETURN a, SQLRETURN b);

/* Write s as an output string; *len16 / *len32 (either may be NULL) get its full length. */
SQLRETURN skin_out(bc_handle *h, const char *s, SQLPOINTER buf, SQLLEN cap, bool wide,
                   bool cap_in_chars, SQLSMALLINT *len16, SQLINTEGER *len32);

#endif
