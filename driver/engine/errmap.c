/*
 * SQLite's failures as ODBC SQLSTATEs. SQLite reports most prepare errors as SQLITE_ERROR
 * with a message, so the message's start decides the state.
 */
#include <string.h>
#include "engine_internal.h"

typedef struct msg_state {
    const char *prefix;
    const char *sqlstate;
    const char *advice;
} msg_state;

static const msg_state k_by_message[] = {
    {"no such table", "42S02", "SELECT TABLE_NAME FROM sys_tables lists the tables"},
    {"no such view", "42S02", "SELECT TABLE_NAME FROM sys_tables lists the tables"},
    {"no such column", "42S22", "SELECT ColumnName FROM sys_tablecolumns lists the columns"},
    {"table ", "42S01", NULL}, /* "table X already exists" */
    {"no such function", "42000", NULL},
    {"wrong number of arguments", "42000", NULL},
    {"ambiguous column name", "42000", "qualify the column with its table"},
    {"near ", "42000", NULL},
    {"incomplete input", "42000", NULL},
    {"unrecognized token", "42000", NULL},
    /* A refused statement is an access violation (42000), like a GRANT the user lacks. */
    {"not authorized", "42000",
     "application SQL may read every table and create TEMP tables and views, but not write "
     "the metadata or system tables, ATTACH files, change PRAGMAs or create permanent objects"},
};

static const char *state_for_message(const char *msg, const char **advice)
{
    *advice = NULL;
    for (size_t i = 0; i < sizeof k_by_message / sizeof k_by_message[0]; i++) {
        const msg_state *m = &k_by_message[i];
        if (strncmp(msg, m->prefix, strlen(m->prefix)) != 0)
            continue;
        if (strcmp(m->prefix, "table ") == 0 && strstr(msg, "already exists") == NULL)
            continue;
        *advice = m->advice;
        return m->sqlstate;
    }
    return NULL;
}

static const char *state_for_code(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_INTERRUPT:
        return "HY008";
    case SQLITE_NOMEM:
        return "HY001";
    case SQLITE_CONSTRAINT:
        return "23000";
    case SQLITE_TOOBIG:
        return "22001";
    case SQLITE_MISMATCH:
        return "22018";
    case SQLITE_RANGE:
        return "07009";
    case SQLITE_READONLY:
    case SQLITE_AUTH:
    default:
        return "HY000";
    }
}

void bc_engine_error_from_sqlite(sqlite3 *db, int rc, bc_error *out)
{
    const char *msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const char *advice = NULL;
    const char *state = NULL;

    if ((rc & 0xff) == SQLITE_ERROR || (rc & 0xff) == SQLITE_AUTH)
        state = state_for_message(msg, &advice);
    if (state == NULL)
        state = state_for_code(rc);
    if ((rc & 0xff) == SQLITE_INTERRUPT)
        msg = "the statement was cancelled";
    bc_error_clear(out);
    if (advice != NULL)
        bc_error_set(out, state, 0, "%s; %s", msg, advice);
    else
        bc_error_set(out, state, 0, "%s", msg);
}
