/*
 * The authorizer keeps application SQL from changing the engine's own structure: the
 * metadata and system tables are written only while the engine is built, before the
 * authorizer is installed. TEMP objects stay allowed because BI tools create them.
 */
#include <string.h>
#include <strings.h>
#include "bc_write_spec.h"
#include "engine_internal.h"

static bool is_temp(const char *db)
{
    return db != NULL && strcasecmp(db, "temp") == 0;
}

/* Pragmas that only read, with or without a table argument. */
static const char *const k_read_pragmas[] = {"table_info",       "table_xinfo",
                                             "table_list",       "index_list",
                                             "index_info",       "index_xinfo",
                                             "foreign_key_list", "database_list",
                                             "collation_list",   "function_list",
                                             "module_list",      "pragma_list",
                                             "compile_options",  NULL};
/* Settings that may be read (no value given) but not changed. */
static const char *const k_read_settings[] = {
    "encoding",     "schema_version",   "user_version",        "application_id",
    "data_version", "page_size",        "page_count",          "freelist_count",
    "foreign_keys", "query_only",       "case_sensitive_like", "recursive_triggers",
    "journal_mode", "read_uncommitted", "busy_timeout",        NULL};
/* Settings client libraries assign on connect (SQLAlchemy's SQLite dialect sets
 * read_uncommitted for its isolation level) that mean nothing for a private, read-only engine:
 * the assignment is skipped without an error rather than refused. */
static const char *const k_noop_settings[] = {"read_uncommitted", "busy_timeout", NULL};

static bool in_list(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcasecmp(name, *list) == 0)
            return true;
    return false;
}

static int pragma_allowed(const char *name, const char *value)
{
    if (name == NULL)
        return SQLITE_DENY;
    if (in_list(name, k_read_pragmas))
        return SQLITE_OK;
    if (value == NULL && in_list(name, k_read_settings))
        return SQLITE_OK;
    if (value != NULL && in_list(name, k_noop_settings))
        return SQLITE_IGNORE;
    return SQLITE_DENY;
}

/* Why a BigCommerce table refuses this write, NULL when it takes it. column is the one an
 * UPDATE assigns (NULL for INSERT and DELETE). */
static const char *write_refusal(const bc_engine *e, const bc_table_def *t, int action,
                                 const char *column)
{
    const bc_write_spec *ws = bc_write_spec_find(t->name);

    if (e->props != NULL && e->props->readonly)
        return "the connection has Readonly=true, which refuses every INSERT, UPDATE and DELETE";
    if (t->is_view)
        return "it is read-only (a view): BigCommerce offers no way to change it here";
    if (ws == NULL)
        return "this version of the driver does not write to it (see Writing in the README)";
    if (action == SQLITE_INSERT && ws->insert_path == NULL)
        return ws->why_not ? ws->why_not : "BigCommerce cannot create its rows";
    if (action == SQLITE_UPDATE && column != NULL && ws->update_path != NULL &&
        !bc_write_spec_lists(ws->update_columns, column))
        return "";
    if (action == SQLITE_UPDATE && ws->update_path == NULL)
        return ws->why_not ? ws->why_not : "BigCommerce cannot change its rows";
    if (action == SQLITE_DELETE && ws->delete_path == NULL)
        return ws->why_not ? ws->why_not : "BigCommerce cannot delete its rows";
    return NULL;
}

/* Writes to permanent tables other than BigCommerce's are refused. For a BigCommerce table a
 * refusal says why, recorded now so that an UPDATE or DELETE fails before its WHERE scan
 * makes a single request. */
static int write_allowed(bc_engine *e, int action, const char *table, const char *column,
                         const char *db)
{
    const bc_table_def *t;
    const char *why;
    bc_error err;

    if (is_temp(db))
        return SQLITE_OK;
    t = bc_catalog_find(table);
    if (t == NULL || !bc_engine_table_usable(t))
        return SQLITE_DENY;
    if ((why = write_refusal(e, t, action, column)) == NULL)
        return SQLITE_OK;
    bc_error_clear(&err);
    if (*why == '\0')
        bc_error_set(&err, "HY000", 0,
                     "Column %s of %s is read-only: BigCommerce does not let an UPDATE change it. "
                     "Leave it out of the SET list.",
                     column, t->name);
    else
        bc_error_set(&err, "HY000", 0, "%s cannot be written: %s.", t->name, why);
    bc_engine_record_error(e, &err);
    return SQLITE_DENY;
}

int bc_engine_authorize(void *aux, int action, const char *a1, const char *a2, const char *db,
                        const char *trigger)
{
    (void)trigger;
    switch (action) {
    case SQLITE_INSERT:
    case SQLITE_DELETE:
        return write_allowed(aux, action, a1, NULL, db);
    case SQLITE_UPDATE:
        return write_allowed(aux, action, a1, a2, db);
    case SQLITE_PRAGMA:
        return pragma_allowed(a1, a2);
    case SQLITE_ATTACH:
    case SQLITE_DETACH:
    case SQLITE_CREATE_TABLE:
    case SQLITE_CREATE_VIEW:
    case SQLITE_CREATE_INDEX:
    case SQLITE_CREATE_TRIGGER:
    case SQLITE_CREATE_VTABLE:
    case SQLITE_DROP_TABLE:
    case SQLITE_DROP_VIEW:
    case SQLITE_DROP_INDEX:
    case SQLITE_DROP_TRIGGER:
    case SQLITE_DROP_VTABLE:
        return SQLITE_DENY;
    case SQLITE_ALTER_TABLE:
        return is_temp(a1) ? SQLITE_OK : SQLITE_DENY;
    case SQLITE_ANALYZE:
        return SQLITE_DENY;
    default:
        /* SELECT, READ, FUNCTION, TRANSACTION, SAVEPOINT, RECURSIVE, temp CREATE/DROP. */
        return SQLITE_OK;
    }
}
