/*
 * Fills the metadata tables from the table catalog (and from the system tables' own
 * declarations), once per connection when the engine is built. Everything here is generic
 * over bc_tables[]: a new table definition shows up in every catalog function by itself.
 */
#include <stdio.h>
#include <sql.h>
#include <sqlext.h>
#include "bc_defaults.h"
#include "meta_util.h"
#include "engine_internal.h"

#define SCHEMA BC_SCHEMA_NAME

typedef struct fillers {
    sqlite3_stmt *tables, *columns, *pkeys, *fkeys, *stats, *special, *tabprivs, *colprivs;
} fillers;

/* One column's SQLColumns row in schema; t describes its type. */
int bc_meta_column_row(sqlite3_stmt *ins, const char *schema, const char *table, const char *name,
                       const bc_sql_type *t, bool nullable, const char *remarks, int ordinal,
                       bc_error *err)
{
    int ty = t->sql_type;
    bool chr = bc_meta_is_char(ty), num = bc_meta_is_numeric(ty);
    bool digits = !chr && ty != SQL_DOUBLE;
    int sub = bc_meta_datetime_sub(ty);

    if (bc_meta_row(ins, err,
                    "ssss"
                    "isii"
                    "iii"
                    "ss"
                    "iiii"
                    "s"
                    "iiiii",
                    NULL, schema, table, name, ty, t->type_name, (int)t->column_size,
                    (int)t->octet_length, digits ? t->decimal_digits : 0, t->num_prec_radix,
                    nullable ? SQL_NULLABLE : SQL_NO_NULLS, remarks, NULL, bc_meta_verbose_type(ty),
                    sub, chr ? (int)t->octet_length : 0, ordinal, nullable ? "YES" : "NO",
                    bc_meta_odbc2_type(ty), num ? (int)t->column_size : 0, nullable, 0, 0) != 0)
        return -1;
    return 0;
}

static int add_column(fillers *f, const char *table, const char *name, const bc_sql_type *t,
                      bool nullable, const char *remarks, int ordinal, bc_error *err)
{
    return bc_meta_column_row(f->columns, SCHEMA, table, name, t, nullable, remarks, ordinal, err);
}

static int add_privileges(fillers *f, const char *table, bc_error *err)
{
    return bc_meta_row(f->tabprivs, err, "nssnsss", SCHEMA, table, "PUBLIC", "SELECT", "NO");
}

static int add_keys(fillers *f, const bc_table_def *t, bc_error *err)
{
    char pk_name[160], fk_name[320];
    int seq = 0;

    snprintf(pk_name, sizeof pk_name, "PK_%s", t->name);
    for (int i = 0; i < t->ncolumns; i++) {
        const bc_column_def *c = &t->columns[i];
        bc_sql_type ty;
        if (!(c->flags & BC_COLF_PK))
            continue;
        seq++;
        bc_type_of_column(c, &ty);
        if (bc_meta_row(f->pkeys, err, "nsssis", SCHEMA, t->name, c->name, seq, pk_name) ||
            bc_meta_row(f->stats, err, "nssinsiisnnnn", SCHEMA, t->name, SQL_FALSE, pk_name,
                        SQL_INDEX_OTHER, seq, c->name) ||
            bc_meta_row(f->special, err, "sisisiiiii", t->name, SQL_SCOPE_SESSION, c->name,
                        ty.sql_type, ty.type_name, (int)ty.column_size, (int)ty.octet_length,
                        ty.decimal_digits, SQL_PC_NOT_PSEUDO, bc_meta_odbc2_type(ty.sql_type)))
            return -1;
    }
    /* The SQL_TABLE_STAT row: cardinality unknown without a request. */
    if (bc_meta_row(f->stats, err, "nssnnninnnnnn", SCHEMA, t->name, SQL_TABLE_STAT))
        return -1;
    if (t->parent_table == NULL || t->parent_column == NULL)
        return 0;
    snprintf(fk_name, sizeof fk_name, "FK_%s_%s", t->name, t->parent_table);
    snprintf(pk_name, sizeof pk_name, "PK_%s", t->parent_table);
    return bc_meta_row(f->fkeys, err, "nsssnsssiiissi", SCHEMA, t->parent_table,
                       t->parent_id_column ? t->parent_id_column : "id", SCHEMA, t->name,
                       t->parent_column, 1, SQL_NO_ACTION, SQL_NO_ACTION, fk_name, pk_name,
                       SQL_NOT_DEFERRABLE);
}

static int add_table(fillers *f, const bc_table_def *t, bc_error *err)
{
    if (bc_meta_row(f->tables, err, "nssssi", SCHEMA, t->name, t->is_view ? "VIEW" : "TABLE",
                    t->description, 0) ||
        add_privileges(f, t->name, err))
        return -1;
    for (int i = 0; i < t->ncolumns; i++) {
        const bc_column_def *c = &t->columns[i];
        bc_sql_type ty;
        bc_type_of_column(c, &ty);
        if (add_column(f, t->name, c->name, &ty, !(c->flags & BC_COLF_NOT_NULL), c->description,
                       i + 1, err) ||
            bc_meta_row(f->colprivs, err, "nsssnsss", SCHEMA, t->name, c->name, "PUBLIC", "SELECT",
                        "NO"))
            return -1;
    }
    return add_keys(f, t, err);
}

/* System tables describe themselves: their columns come from their declarations. */
static int add_system_table(sqlite3 *db, fillers *f, const char *name, bc_error *err)
{
    sqlite3_stmt *vm = NULL;
    int ord = 0, rc;

    if (bc_meta_row(f->tables, err, "nssssi", SCHEMA, name, "SYSTEM TABLE",
                    "Driver metadata, read-only.", 0) ||
        add_privileges(f, name, err))
        return -1;
    if (sqlite3_prepare_v2(db, "SELECT name, type FROM pragma_table_info(?)", -1, &vm, NULL))
        return bc_error_set(err, "HY000", 0, "metadata: %s", sqlite3_errmsg(db));
    sqlite3_bind_text(vm, 1, name, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(vm)) == SQLITE_ROW) {
        const char *col = (const char *)sqlite3_column_text(vm, 0);
        bc_sql_type ty;
        bc_type_from_decl((const char *)sqlite3_column_text(vm, 1), &ty);
        if (add_column(f, name, col, &ty, true, NULL, ++ord, err) ||
            bc_meta_row(f->colprivs, err, "nsssnsss", SCHEMA, name, col, "PUBLIC", "SELECT", "NO"))
            break;
    }
    sqlite3_finalize(vm);
    return bc_error_is_set(err) ? -1 : 0;
}

static void finalize_all(fillers *f)
{
    sqlite3_stmt **all[] = {&f->tables, &f->columns, &f->pkeys,    &f->fkeys,
                            &f->stats,  &f->special, &f->tabprivs, &f->colprivs};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        sqlite3_finalize(*all[i]);
        *all[i] = NULL;
    }
}

static int prepare_all(sqlite3 *db, fillers *f, bc_error *err)
{
    f->tables = bc_meta_insert(db, "bc_meta_tables", 6, err);
    f->columns = bc_meta_insert(db, "bc_meta_columns", 23, err);
    f->pkeys = bc_meta_insert(db, "bc_meta_pkeys", 6, err);
    f->fkeys = bc_meta_insert(db, "bc_meta_fkeys", 14, err);
    f->stats = bc_meta_insert(db, "bc_meta_stats", 13, err);
    f->special = bc_meta_insert(db, "bc_meta_special", 10, err);
    f->tabprivs = bc_meta_insert(db, "bc_meta_tabprivs", 7, err);
    f->colprivs = bc_meta_insert(db, "bc_meta_colprivs", 8, err);
    return bc_error_is_set(err) ? -1 : 0;
}

static int fill_enums(sqlite3 *db, bc_error *err)
{
    return bc_engine_exec(db,
                          "INSERT INTO bc_meta_tables_enum(KIND, TABLE_SCHEM) VALUES"
                          "('S', '" SCHEMA "');"
                          "INSERT INTO bc_meta_tables_enum(KIND, TABLE_TYPE) VALUES"
                          "('T', 'SYSTEM TABLE'), ('T', 'TABLE'), ('T', 'VIEW');",
                          err);
}

int bc_meta_fill_tables(bc_engine *e, bc_error *err)
{
    fillers f = {0};
    int rc = -1;

    if (prepare_all(e->db, &f, err) != 0)
        goto done;
    for (int i = 0; i < bc_table_count; i++)
        if (bc_engine_table_usable(bc_tables[i]) && add_table(&f, bc_tables[i], err) != 0)
            goto done;
    for (int i = 0; i < bc_sys_table_count; i++)
        if (add_system_table(e->db, &f, bc_sys_table_names[i], err) != 0)
            goto done;
    rc = 0;
done:
    finalize_all(&f);
    if (rc == 0)
        rc = bc_meta_null_inapplicable(e->db, "bc_meta_columns", err) || fill_enums(e->db, err) ? -1
                                                                                                : 0;
    return rc;
}
