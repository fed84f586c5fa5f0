/*
 * The list of tables and lookups over it. Each table's definition lives in the
 * tables_<area>.c file of its API area; this file only orders them by name.
 */
#include <stddef.h>
#include <strings.h>
#include "bc_catalog.h"

extern const bc_table_def bc_table_brands;
extern const bc_table_def bc_table_categories;
extern const bc_table_def bc_table_customers;
extern const bc_table_def bc_table_order_items;
extern const bc_table_def bc_table_orders;
extern const bc_table_def bc_table_products;

/* Kept in case-insensitive name order: SQLTables output and README tables read in it. */
const bc_table_def *const bc_tables[] = {
    &bc_table_brands,      &bc_table_categories, &bc_table_customers,
    &bc_table_order_items, &bc_table_orders,     &bc_table_products,
};
const int bc_table_count = (int)(sizeof bc_tables / sizeof bc_tables[0]);

const bc_table_def *bc_catalog_find(const char *name)
{
    if (name == NULL)
        return NULL;
    for (int i = 0; i < bc_table_count; i++)
        if (strcasecmp(bc_tables[i]->name, name) == 0)
            return bc_tables[i];
    return NULL;
}

int bc_catalog_column_index(const bc_table_def *t, const char *name)
{
    if (t == NULL || name == NULL)
        return -1;
    for (int i = 0; i < t->ncolumns; i++)
        if (strcasecmp(t->columns[i].name, name) == 0)
            return i;
    return -1;
}

int bc_catalog_pk_index(const bc_table_def *t)
{
    if (t == NULL)
        return -1;
    for (int i = 0; i < t->ncolumns; i++)
        if (t->columns[i].flags & BC_COLF_PK)
            return i;
    return -1;
}
