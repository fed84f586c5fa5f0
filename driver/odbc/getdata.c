/* SQLGetData. */
#include "skin.h"

BC_EXPORT SQLRETURN SQL_API SQLGetData(SQLHSTMT h, SQLUSMALLINT col, SQLSMALLINT c_type,
                                       SQLPOINTER buf, SQLLEN buflen, SQLLEN *ind)
{
    SKIN_ENTER(h, SQL_HANDLE_STMT);
    return bc_handle_leave(h, bc_stmt_get_data(h, col, c_type, buf, buflen, ind));
}
