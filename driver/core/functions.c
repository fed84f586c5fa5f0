/* SQLGetFunctions: true for exactly the entry points driver/odbc/ implements. */
#include <string.h>
#include "bc_handles.h"

static const SQLUSMALLINT implemented[] = {
    SQL_API_SQLALLOCHANDLE,      SQL_API_SQLFREEHANDLE,       SQL_API_SQLSETENVATTR,
    SQL_API_SQLGETENVATTR,       SQL_API_SQLCONNECT,          SQL_API_SQLDRIVERCONNECT,
    SQL_API_SQLDISCONNECT,       SQL_API_SQLGETINFO,          SQL_API_SQLGETFUNCTIONS,
    SQL_API_SQLSETCONNECTATTR,   SQL_API_SQLGETCONNECTATTR,   SQL_API_SQLSETSTMTATTR,
    SQL_API_SQLGETSTMTATTR,      SQL_API_SQLEXECDIRECT,       SQL_API_SQLPREPARE,
    SQL_API_SQLEXECUTE,          SQL_API_SQLBINDPARAMETER,    SQL_API_SQLNUMPARAMS,
    SQL_API_SQLDESCRIBEPARAM,    SQL_API_SQLNUMRESULTCOLS,    SQL_API_SQLDESCRIBECOL,
    SQL_API_SQLCOLATTRIBUTE,     SQL_API_SQLBINDCOL,          SQL_API_SQLFETCH,
    SQL_API_SQLFETCHSCROLL,      SQL_API_SQLGETDATA,          SQL_API_SQLROWCOUNT,
    SQL_API_SQLMORERESULTS,      SQL_API_SQLCLOSECURSOR,      SQL_API_SQLFREESTMT,
    SQL_API_SQLCANCEL,           SQL_API_SQLGETDIAGREC,       SQL_API_SQLGETDIAGFIELD,
    SQL_API_SQLNATIVESQL,        SQL_API_SQLENDTRAN,          SQL_API_SQLGETTYPEINFO,
    SQL_API_SQLTABLES,           SQL_API_SQLCOLUMNS,          SQL_API_SQLPRIMARYKEYS,
    SQL_API_SQLFOREIGNKEYS,      SQL_API_SQLSTATISTICS,       SQL_API_SQLSPECIALCOLUMNS,
    SQL_API_SQLPROCEDURES,       SQL_API_SQLPROCEDURECOLUMNS, SQL_API_SQLTABLEPRIVILEGES,
    SQL_API_SQLCOLUMNPRIVILEGES, SQL_API_SQLGETDESCFIELD,     SQL_API_SQLSETDESCFIELD,
    SQL_API_SQLGETDESCREC,       SQL_API_SQLSETDESCREC,       SQL_API_SQLCOPYDESC,
    SQL_API_SQLGETCURSORNAME,    SQL_API_SQLSETCURSORNAME,    SQL_API_SQLPARAMDATA,
    SQL_API_SQLPUTDATA,          SQL_API_SQLSETPOS,           SQL_API_SQLBROWSECONNECT,
    SQL_API_SQLEXTENDEDFETCH,    SQL_API_SQLBULKOPERATIONS,
};

static bool is_implemented(SQLUSMALLINT id)
{
    for (size_t i = 0; i < sizeof implemented / sizeof implemented[0]; i++) {
        if (implemented[i] == id)
            return true;
    }
    return false;
}

SQLRETURN bc_functions_get(bc_dbc *dbc, SQLUSMALLINT id, SQLUSMALLINT *supported)
{
    (void)dbc;
    if (supported == NULL)
        return SQL_SUCCESS;
    if (id == SQL_API_ODBC3_ALL_FUNCTIONS) {
        memset(supported, 0, SQL_API_ODBC3_ALL_FUNCTIONS_SIZE * sizeof(SQLUSMALLINT));
        for (size_t i = 0; i < sizeof implemented / sizeof implemented[0]; i++)
            supported[implemented[i] >> 4] |= (SQLUSMALLINT)(1u << (implemented[i] & 0xF));
        return SQL_SUCCESS;
    }
    if (id == SQL_API_ALL_FUNCTIONS) {
        /* The ODBC 2 form: an array of 100 booleans indexed by function id. */
        memset(supported, 0, 100 * sizeof(SQLUSMALLINT));
        for (size_t i = 0; i < sizeof implemented / sizeof implemented[0]; i++) {
            if (implemented[i] < 100)
                supported[implemented[i]] = SQL_TRUE;
        }
        return SQL_SUCCESS;
    }
    *supported = is_implemented(id) ? SQL_TRUE : SQL_FALSE;
    return SQL_SUCCESS;
}
