/*
 * System tables that are filled rather than derived: sys_keycolumns (primary and parent
 * keys), sys_connection_props (bc_prop_defs[] with this connection's values, secrets
 * masked) and sys_sqlinfo (what the SQL dialect supports).
 */
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include "bc_defaults.h"
#include "meta_util.h"
#include "engine_internal.h"

#define SCHEMA BC_SCHEMA_NAME

static int add_key_columns(sqlite3_stmt *vm, const bc_table_def *t, bc_error *err)
{
    char pk[160], fk[320];
    const char *ref_col = t->parent_id_column ? t->parent_id_column : "id";

    snprintf(pk, sizeof pk, "PK_%s", t->name);
    snprintf(fk, sizeof fk, "FK_%s_%s", t->name, t->parent_table ? t->parent_table : "");
    for (int i = 0; i < t->ncolumns; i++) {
        const bc_column_def *c = &t->columns[i];
        bool is_pk = (c->flags & BC_COLF_PK) != 0;
        bool is_fk = t->parent_table != NULL && t->parent_column != NULL &&
                     strcasecmp(c->name, t->parent_column) == 0;
        if (!is_pk && !is_fk)
            continue;
        if (bc_meta_row(vm, err, "nsssiissnsss", SCHEMA, t->name, c->name, is_pk, is_fk,
                        is_pk ? pk : NULL, is_fk ? fk : NULL, is_fk ? SCHEMA : NULL,
                        is_fk ? t->parent_table : NULL, is_fk ? ref_col : NULL))
            return -1;
    }
    return 0;
}

static const char *prop_type_name(bc_prop_type t)
{
    switch (t) {
    case BC_PROP_INT:
        return "int";
    case BC_PROP_BOOL:
        return "bool";
    case BC_PROP_ENUM:
        return "enum";
    case BC_PROP_STRING:
    default:
        return "string";
    }
}

static int add_props(sqlite3_stmt *vm, const bc_props *props, bc_error *err)
{
    for (int i = 0; i < bc_prop_def_count; i++) {
        const bc_prop_def *d = &bc_prop_defs[i];
        /* Owned here, freed after the row is bound (bc_meta_row copies the text). */
        char *value = props ? bc_props_value_text(props, i, true) : NULL;
        int rc = bc_meta_row(vm, err, "ssssssis", d->name, d->description, prop_type_name(d->type),
                             d->default_value, d->values, value, d->required, d->category);
        free(value);
        if (rc != 0)
            return -1;
    }
    return 0;
}

/* Capabilities of the SQL dialect (SQLite's SELECT language over the virtual tables). */
static const char *const k_sqlinfo[][2] = {
    {"AGGREGATE_FUNCTIONS", "AVG,COUNT,MAX,MIN,SUM,GROUP_CONCAT,TOTAL"},
    {"COUNT_FUNCTIONS", "COUNT(*),COUNT(expr),COUNT(DISTINCT expr)"},
    {"DIALECT", "SQLite"},
    {"IDENTIFIER_QUOTE_CLOSE_CHAR", "\""},
    {"IDENTIFIER_QUOTE_OPEN_CHAR", "\""},
    {"SUPPORTED_OPERATORS", "=,<>,!=,<,<=,>,>=,LIKE,GLOB,IN,NOT IN,BETWEEN,IS NULL,IS NOT NULL"},
    {"SUPPORTS_DISTINCT", "YES"},
    {"SUPPORTS_GROUP_BY", "YES"},
    {"SUPPORTS_INNER_JOINS", "YES"},
    {"SUPPORTS_OUTER_JOINS", "YES"},
    {"SUPPORTS_SUBQUERIES", "YES"},
    {"SUPPORTS_UNION", "YES"},
    {"SUPPORTS_WINDOW_FUNCTIONS", "YES"},
    {"SUPPORTS_CTE", "YES"},
    {"SUPPORTS_INSERT", "NO"},
    {"SUPPORTS_UPDATE", "NO"},
    {"SUPPORTS_DELETE", "NO"},
    {"SUPPORTS_TEMP_TABLES", "YES"},
    {"PUSHDOWN_FILTERS", "col = ? and col IN (...) for every column with an API filter, id and "
                         "parent keys in paths, >= / <= bounds where the API has them, LIMIT"},
    {"STRING_FUNCTIONS", "UPPER,LOWER,LENGTH,SUBSTR,TRIM,LTRIM,RTRIM,REPLACE,INSTR"},
    {"DATE_FUNCTIONS", "DATE,TIME,DATETIME,JULIANDAY,STRFTIME"},
};

int bc_meta_fill_system(bc_engine *e, bc_error *err)
{
    sqlite3_stmt *keys = bc_meta_insert(e->db, "sys_keycolumns", 12, err);
    sqlite3_stmt *props = bc_meta_insert(e->db, "sys_connection_props", 8, err);
    sqlite3_stmt *info = bc_meta_insert(e->db, "sys_sqlinfo", 2, err);
    int rc = bc_error_is_set(err) ? -1 : 0;

    for (int i = 0; rc == 0 && i < bc_table_count; i++)
        if (bc_engine_table_usable(bc_tables[i]))
            rc = add_key_columns(keys, bc_tables[i], err);
    if (rc == 0)
        rc = add_props(props, e->props, err);
    for (size_t i = 0; rc == 0 && i < sizeof k_sqlinfo / sizeof k_sqlinfo[0]; i++)
        rc = bc_meta_row(info, err, "ss", k_sqlinfo[i][0], k_sqlinfo[i][1]);
    sqlite3_finalize(keys);
    sqlite3_finalize(props);
    sqlite3_finalize(info);
    return rc;
}
