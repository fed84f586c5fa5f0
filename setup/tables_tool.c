/*
 * bc-odbc-tables: prints the README's table reference from the catalog (bc_tables[]), so the
 * manual cannot drift from what the driver serves: one row per table with its kind, endpoint,
 * key, parent and the WHERE terms the driver sends to the API, as the engine's planner decides
 * them (bc_engine_pushdown_terms). With --names, one table name per line for scripts and
 * tests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bc_catalog.h"
#include "bc_engine.h"

static void print_keys(const bc_table_def *t)
{
    int n = 0;

    for (int i = 0; i < t->ncolumns; i++) {
        if (t->columns[i].flags & BC_COLF_PK)
            printf("%s`%s`", n++ ? ", " : "", t->columns[i].name);
    }
    if (n == 0)
        fputs("—", stdout);
}

static void print_endpoint(const bc_table_def *t)
{
    if (t->rows_path != NULL)
        printf("`%s` array of each `%s` row (`%s`)", t->rows_path, t->parent_table, t->endpoint);
    else
        printf("`%s`", t->endpoint);
}

static int markdown(void)
{
    volatile int cancel = 0;
    bc_props props;
    bc_error err;
    bc_engine *e;

    bc_props_init(&props);
    bc_error_clear(&err);
    /* The planner itself says what is pushed: an engine without an API client plans queries
     * but never sends one. */
    e = bc_engine_open(NULL, &props, &cancel, &err);
    if (e == NULL) {
        fprintf(stderr, "bc-odbc-tables: %s\n", err.message);
        return 1;
    }
    puts("| Table | Kind | Endpoint | Key | Parent | WHERE terms sent to the API |");
    puts("|---|---|---|---|---|---|");
    for (int i = 0; i < bc_table_count; i++) {
        const bc_table_def *t = bc_tables[i];
        printf("| `%s` | %s | ", t->name, t->is_view ? "view" : "table");
        print_endpoint(t);
        fputs(" | ", stdout);
        print_keys(t);
        if (t->parent_table != NULL)
            printf(" | `%s.%s` → `%s.%s` | ", t->name, t->parent_column, t->parent_table,
                   t->parent_id_column ? t->parent_id_column : "id");
        else
            fputs(" | — | ", stdout);
        char *terms = bc_engine_pushdown_terms(e, t);
        if (terms == NULL) {
            bc_engine_close(e);
            return 1;
        }
        printf("%s |\n", terms);
        free(terms);
    }
    bc_engine_close(e);
    bc_props_free(&props);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--names") == 0) {
        for (int i = 0; i < bc_table_count; i++)
            puts(bc_tables[i]->name);
        return 0;
    }
    return markdown();
}
