/*
 * The one SQLSTATE table (ODBC 3.8 Appendix A), with each state's default text, the origin
 * of its class and subclass as SQL_DIAG_CLASS_ORIGIN / SQL_DIAG_SUBCLASS_ORIGIN report
 * them, and the state an ODBC 2.x application expects instead ("SQLSTATE Mappings").
 *
 * Origins: a class is "ISO 9075" unless ODBC defined it (IM); a subclass is "ODBC 3.0" for
 * the states the ODBC spec lists as ODBC-defined (01S00, 08S01, 42S02, HYT00, IM001 ...),
 * and "ISO 9075" otherwise (including the HY CLI states, which ISO/IEC 9075-3 defines).
 */
#include <string.h>
#include "bc_diag.h"

#define ISO 0
#define ODBC 1

typedef struct bc_sqlstate_def {
    const char *state;
    const char *text;
    unsigned char subclass_odbc; /* ODBC or ISO */
    const char *odbc2;           /* NULL: same in ODBC 2.x */
} bc_sqlstate_def;

static const bc_sqlstate_def bc_sqlstates[] = {
    {"01000", "General warning", ISO, NULL},
    {"01001", "Cursor operation conflict", ISO, "01S03"},
    {"01002", "Disconnect error", ISO, NULL},
    {"01003", "NULL value eliminated in set function", ISO, NULL},
    {"01004", "String data, right-truncated", ISO, NULL},
    {"01006", "Privilege not revoked", ISO, NULL},
    {"01007", "Privilege not granted", ISO, NULL},
    {"01S00", "Invalid connection string attribute", ODBC, NULL},
    {"01S01", "Error in row", ODBC, NULL},
    {"01S02", "Option value changed", ODBC, NULL},
    {"01S06", "Attempt to fetch before the result set returned the first rowset", ODBC, NULL},
    {"01S07", "Fractional truncation", ODBC, NULL},
    {"01S08", "Error saving File DSN", ODBC, NULL},
    {"01S09", "Invalid keyword", ODBC, NULL},
    {"02000", "No data", ISO, NULL},
    {"07001", "Wrong number of parameters", ISO, NULL},
    {"07002", "COUNT field incorrect", ISO, NULL},
    {"07005", "Prepared statement not a cursor-specification", ISO, "24000"},
    {"07006", "Restricted data type attribute violation", ISO, NULL},
    {"07007", "Restricted parameter value violation", ISO, NULL},
    {"07009", "Invalid descriptor index", ISO, "S1002"},
    {"07S01", "Invalid use of default parameter", ODBC, NULL},
    {"08001", "Client unable to establish connection", ISO, NULL},
    {"08002", "Connection name in use", ISO, NULL},
    {"08003", "Connection not open", ISO, NULL},
    {"08004", "Server rejected the connection", ISO, NULL},
    {"08007", "Connection failure during transaction", ISO, NULL},
    {"08S01", "Communication link failure", ODBC, NULL},
    {"0A000", "Feature not supported", ISO, NULL},
    {"21S01", "Insert value list does not match column list", ODBC, NULL},
    {"21S02", "Degree of derived table does not match column list", ODBC, NULL},
    {"22001", "String data, right-truncated", ISO, NULL},
    {"22002", "Indicator variable required but not supplied", ISO, NULL},
    {"22003", "Numeric value out of range", ISO, NULL},
    {"22007", "Invalid datetime format", ISO, "22008"},
    {"22008", "Datetime field overflow", ISO, NULL},
    {"22012", "Division by zero", ISO, NULL},
    {"22015", "Interval field overflow", ISO, NULL},
    {"22018", "Invalid character value for cast specification", ISO, "22005"},
    {"22019", "Invalid escape character", ISO, NULL},
    {"22025", "Invalid escape sequence", ISO, NULL},
    {"22026", "String data, length mismatch", ISO, NULL},
    {"23000", "Integrity constraint violation", ISO, NULL},
    {"24000", "Invalid cursor state", ISO, NULL},
    {"25000", "Invalid transaction state", ISO, NULL},
    {"25S01", "Transaction state", ODBC, NULL},
    {"25S02", "Transaction is still active", ODBC, NULL},
    {"25S03", "Transaction is rolled back", ODBC, NULL},
    {"28000", "Invalid authorization specification", ISO, NULL},
    {"34000", "Invalid cursor name", ISO, NULL},
    {"3C000", "Duplicate cursor name", ISO, NULL},
    {"3D000", "Invalid catalog name", ISO, NULL},
    {"3F000", "Invalid schema name", ISO, NULL},
    {"40001", "Serialization failure", ISO, NULL},
    {"40002", "Integrity constraint violation", ISO, NULL},
    {"40003", "Statement completion unknown", ISO, NULL},
    {"42000", "Syntax error or access violation", ISO, "37000"},
    {"42S01", "Base table or view already exists", ODBC, "S0001"},
    {"42S02", "Base table or view not found", ODBC, "S0002"},
    {"42S11", "Index already exists", ODBC, "S0011"},
    {"42S12", "Index not found", ODBC, "S0012"},
    {"42S21", "Column already exists", ODBC, "S0021"},
    {"42S22", "Column not found", ODBC, "S0022"},
    {"44000", "WITH CHECK OPTION violation", ISO, NULL},
    {"HY000", "General error", ISO, "S1000"},
    {"HY001", "Memory allocation error", ISO, "S1001"},
    {"HY003", "Invalid application buffer type", ISO, "S1003"},
    {"HY004", "Invalid SQL data type", ISO, "S1004"},
    {"HY007", "Associated statement is not prepared", ISO, "S1010"},
    {"HY008", "Operation canceled", ISO, "S1008"},
    {"HY009", "Invalid use of null pointer", ISO, "S1009"},
    {"HY010", "Function sequence error", ISO, "S1010"},
    {"HY011", "Attribute cannot be set now", ISO, "S1011"},
    {"HY012", "Invalid transaction operation code", ISO, "S1012"},
    {"HY013", "Memory management error", ISO, "S1000"},
    {"HY014", "Limit on the number of handles exceeded", ISO, "S1000"},
    {"HY015", "No cursor name available", ISO, "S1015"},
    {"HY016", "Cannot modify an implementation row descriptor", ISO, "S1000"},
    {"HY017", "Invalid use of an automatically allocated descriptor handle", ISO, "S1000"},
    {"HY018", "Server declined cancel request", ISO, "70100"},
    {"HY019", "Non-character and non-binary data sent in pieces", ISO, "22003"},
    {"HY020", "Attempt to concatenate a null value", ISO, "S1000"},
    {"HY021", "Inconsistent descriptor information", ISO, "S1000"},
    {"HY024", "Invalid attribute value", ISO, "S1009"},
    {"HY090", "Invalid string or buffer length", ISO, "S1090"},
    {"HY091", "Invalid descriptor field identifier", ISO, "S1091"},
    {"HY092", "Invalid attribute/option identifier", ISO, "S1092"},
    {"HY095", "Function type out of range", ODBC, "S1095"},
    {"HY096", "Invalid information type", ISO, "S1096"},
    {"HY097", "Column type out of range", ODBC, "S1097"},
    {"HY098", "Scope type out of range", ODBC, "S1098"},
    {"HY099", "Nullable type out of range", ODBC, "S1099"},
    {"HY100", "Uniqueness option type out of range", ODBC, "S1100"},
    {"HY101", "Accuracy option type out of range", ODBC, "S1101"},
    {"HY103", "Invalid retrieval code", ISO, "S1103"},
    {"HY104", "Invalid precision or scale value", ISO, "S1104"},
    {"HY105", "Invalid parameter type", ODBC, "S1105"},
    {"HY106", "Fetch type out of range", ISO, "S1106"},
    {"HY107", "Row value out of range", ODBC, "S1107"},
    {"HY109", "Invalid cursor position", ODBC, "S1109"},
    {"HY110", "Invalid driver completion", ODBC, "S1110"},
    {"HY111", "Invalid bookmark value", ODBC, "S1111"},
    {"HY114", "Driver does not support connection-level asynchronous function execution", ODBC,
     "S1000"},
    {"HY115",
     "SQLEndTran is not allowed for an environment that contains a connection with "
     "asynchronous function execution enabled",
     ODBC, "S1000"},
    {"HY117", "Connection is suspended due to unknown transaction state", ODBC, "S1000"},
    {"HY121", "Cursor Library and Driver-Aware Pooling cannot be enabled at the same time", ODBC,
     "S1000"},
    {"HYC00", "Optional feature not implemented", ISO, "S1C00"},
    {"HYT00", "Timeout expired", ODBC, "S1T00"},
    {"HYT01", "Connection timeout expired", ODBC, "S1T00"},
    {"IM001", "Driver does not support this function", ODBC, NULL},
    {"IM002", "Data source name not found and no default driver specified", ODBC, NULL},
    {"IM003", "Specified driver could not be loaded", ODBC, NULL},
    {"IM004", "Driver's SQLAllocHandle on SQL_HANDLE_ENV failed", ODBC, NULL},
    {"IM005", "Driver's SQLAllocHandle on SQL_HANDLE_DBC failed", ODBC, NULL},
    {"IM006", "Driver's SQLSetConnectAttr failed", ODBC, NULL},
    {"IM007", "No data source or driver specified; dialog prohibited", ODBC, NULL},
    {"IM008", "Dialog failed", ODBC, NULL},
    {"IM009", "Unable to load translation DLL", ODBC, NULL},
    {"IM010", "Data source name too long", ODBC, NULL},
    {"IM011", "Driver name too long", ODBC, NULL},
    {"IM012", "DRIVER keyword syntax error", ODBC, NULL},
    {"IM013", "Trace file error", ODBC, NULL},
    {"IM014", "Invalid name of File DSN", ODBC, NULL},
    {"IM015", "Corrupt file data source", ODBC, NULL},
    {"IM017", "Polling is disabled in asynchronous notification mode", ODBC, NULL},
    {"IM018",
     "SQLCompleteAsync has not been called to complete the previous asynchronous "
     "operation on this handle",
     ODBC, NULL},
};

static const bc_sqlstate_def *bc_sqlstate_find(const char *state)
{
    if (state == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof bc_sqlstates / sizeof bc_sqlstates[0]; i++)
        if (strcmp(bc_sqlstates[i].state, state) == 0)
            return &bc_sqlstates[i];
    return NULL;
}

const char *bc_sqlstate_text(const char *sqlstate)
{
    const bc_sqlstate_def *d = bc_sqlstate_find(sqlstate);

    if (d != NULL)
        return d->text;
    if (sqlstate != NULL && strncmp(sqlstate, "01", 2) == 0)
        return "General warning";
    return "General error";
}

const char *bc_sqlstate_class_origin(const char *sqlstate)
{
    /* IM is the only class ODBC defines itself (S1 is the ODBC 2.x spelling of HY). */
    if (sqlstate != NULL && (strncmp(sqlstate, "IM", 2) == 0 || strncmp(sqlstate, "S1", 2) == 0))
        return "ODBC 3.0";
    return "ISO 9075";
}

const char *bc_sqlstate_subclass_origin(const char *sqlstate)
{
    const bc_sqlstate_def *d = bc_sqlstate_find(sqlstate);

    if (d != NULL)
        return d->subclass_odbc == ODBC ? "ODBC 3.0" : "ISO 9075";
    /* An unlisted state with an 'S' subclass follows ODBC's naming for its own subclasses. */
    if (sqlstate != NULL && strlen(sqlstate) == 5 && sqlstate[2] == 'S')
        return "ODBC 3.0";
    return "ISO 9075";
}

const char *bc_sqlstate_odbc2(const char *sqlstate)
{
    const bc_sqlstate_def *d = bc_sqlstate_find(sqlstate);

    return d != NULL ? d->odbc2 : NULL;
}

/* For tests and SQLGetDiagField checks: number of states in the table and the i-th one. */
int bc_sqlstate_count(void)
{
    return (int)(sizeof bc_sqlstates / sizeof bc_sqlstates[0]);
}

const char *bc_sqlstate_at(int i)
{
    return i >= 0 && i < bc_sqlstate_count() ? bc_sqlstates[i].state : NULL;
}
