/* SQLGetInfo (A and W) and SQLGetFunctions. */
#include <string.h>
#include "skin.h"

static SQLRETURN get_info(const char *call, SQLHDBC h, SQLUSMALLINT type, SQLPOINTER value,
                          SQLSMALLINT cap, SQLSMALLINT *len, bool wide)
{
    SQLULEN num = 0;
    int size = 0;
    const char *str = NULL;
    SQLRETURN rc;

    SKIN_ENTER_AS(call, h, SQL_HANDLE_DBC);
    rc = bc_info_get(h, type, &num, &size, &str);
    if (rc != SQL_SUCCESS)
        return bc_handle_leave(h, rc);
    if (str != NULL) {
        /* SQLGetInfoW counts its buffer in bytes. */
        rc = skin_out(h, str, value, cap, wide, false, len, NULL);
    } else {
        if (value != NULL && size == 2)
            *(SQLUSMALLINT *)value = (SQLUSMALLINT)num;
        else if (value != NULL)
            *(SQLUINTEGER *)value = (SQLUINTEGER)num;
        if (len != NULL)
            *len = (SQLSMALLINT)size;
    }
    return bc_handle_leave(h, rc);
}

BC_EXPORT SQLRETURN SQL_API SQLGetInfo(SQLHDBC h, SQLUSMALLINT type, SQLPOINTER value,
                                       SQLSMALLINT cap, SQLSMALLINT *len)
{
    return get_info(__func__, h, type, value, cap, len, false);
}

BC_EXPORT SQLRETURN SQL_API SQLGetInfoW(SQLHDBC h, SQLUSMALLINT type, SQLPOINTER value,
                                        SQLSMALLINT cap, SQLSMALLINT *len)
{
    return get_info(__func__, h, type, value, cap, len, true);
}

BC_EXPORT SQLRETURN SQL_API SQLGetFunctions(SQLHDBC h, SQLUSMALLINT id, SQLUSMALLINT *supported)
{
    SKIN_ENTER(h, SQL_HANDLE_DBC);
    return bc_handle_leave(h, bc_functions_get(h, id, supported));
}
