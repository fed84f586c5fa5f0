/*
 * bc-odbc-tables: prints the README's table reference from the catalog (bc_tables[]), so the
 * manual cannot drift from what the driver serves: one row per table with its kind, endpoint,
 * key, parent and the WHERE terms the driver sends to the API. With --names, one table name
 * per line for scripts and tests.
 */
#include <stdio.h>
#include <string.h>
#include "bc_catalog.h"

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

/* A column's pushed-down predicates, e.g. "`id =`, `id IN` (id:in)". */
static int print_filters_of(const bc_column_def *c, int n)
{
    const char *what[5][2] = {{"=", c->filter_eq},
                              {"IN", c->filter_in},
                              {">=", c->filter_min},
                              {"<=", c->filter_max},
                              {"LIKE 'x%'", c->filter_like}};

    for (int k = 0; k < 5; k++) {
        if (what[k][1] != NULL)
            printf("%s`%s %s` (`%s`)", n++ ? ", " : "", c->name, what[k][0], what[k][1]);
    }
    if ((c->flags & BC_COLF_SORTABLE) && c->sort_param != NULL)
        printf("%s`ORDER BY %s` (`sort=%s`)", n++ ? ", " : "", c->name, c->sort_param);
    return n;
}

static void print_filters(const bc_table_def *t)
{
    int n = 0;

    for (int i = 0; i < t->ncolumns; i++) {
        const bc_column_def *c = &t->columns[i];
        if ((c->flags & BC_COLF_PARENT_KEY) && t->parent_table != NULL &&
            strchr(t->endpoint, '{') != NULL && t->rows_path == NULL)
            printf("%s`%s =`/`IN` (path)", n++ ? ", " : "", c->name);
        else
            n = print_filters_of(c, n);
    }
    if (t->id_path_endpoint != NULL)
        printf("%s`id =`/`IN` (`%s`)", n++ ? ", " : "", t->id_path_endpoint);
    if (n == 0)
        fputs("—", stdout);
}

static void markdown(void)
{
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
        print_filters(t);
        puts(" |");
    }
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--names") == 0) {
        for (int i = 0; i < bc_table_count; i++)
            puts(bc_tables[i]->name);
        return 0;
    }
    markdown();
    return 0;
}
