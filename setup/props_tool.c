/*
 * bc-odbc-props: prints the connection-property reference from bc_prop_defs, as the Markdown
 * table the README carries, with --man as the bigcommerce-odbc(7) manual page
 * (docs/bigcommerce-odbc.7), or with --names one property name per line for scripts.
 * scripts/update-readme.sh writes both documents from it and checks they are in step.
 */
#include <stdio.h>
#include <string.h>
#include "bc_props.h"
#include "props_man.h"

static const char *type_name(const bc_prop_def *def)
{
    switch (def->type) {
    case BC_PROP_INT:
        return "integer";
    case BC_PROP_BOOL:
        return "boolean";
    case BC_PROP_ENUM:
        return "enum";
    case BC_PROP_STRING:
        break;
    }
    return (def->flags & BC_PROP_F_URL) ? "URL" : "string";
}

/* Table cells cannot hold '|' or line breaks. */
static void cell(const char *s)
{
    for (; s != NULL && *s != '\0'; s++) {
        if (*s == '|')
            fputs("\\|", stdout);
        else
            putchar(*s == '\n' ? ' ' : *s);
    }
}

/* ellipsis: "…" in Markdown, "..." in roff, where a non-ASCII character needs preconv. */
static void allowed(const bc_prop_def *def, const char *ellipsis)
{
    if (def->type == BC_PROP_INT) {
        printf("%d to %d", def->min, def->max);
    } else if (def->type == BC_PROP_BOOL) {
        fputs("true, false (also yes/no, on/off, 1/0)", stdout);
    } else if (def->values != NULL) {
        for (const char *s = def->values; *s != '\0'; s++) {
            if (*s == ',')
                fputs(", ", stdout);
            else
                putchar(*s);
        }
    } else if (def->flags & BC_PROP_F_URL) {
        printf("http://%s or https://%s", ellipsis, ellipsis);
    }
}

static void markdown(void)
{
    puts("| Property | Category | Type | Default | Allowed values | Description |");
    puts("|---|---|---|---|---|---|");
    for (int i = 0; i < bc_prop_def_count; i++) {
        const bc_prop_def *def = &bc_prop_defs[i];
        printf("| `%s` | %s | %s | ", def->name, def->category, type_name(def));
        if (def->default_value != NULL)
            printf("`%s`", def->default_value);
        fputs(" | ", stdout);
        allowed(def, "…");
        fputs(" | ", stdout);
        cell(def->description);
        if (def->required)
            fputs(" Required.", stdout);
        if (def->secret)
            fputs(" Secret: masked in sys_connection_props, never logged.", stdout);
        puts(" |");
    }
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--man") == 0) {
        bc_props_man_page(BC_PACKAGE_VERSION, allowed);
        return fflush(stdout) == 0 ? 0 : 1;
    }
    if (argc == 2 && strcmp(argv[1], "--names") == 0) {
        for (int i = 0; i < bc_prop_def_count; i++)
            puts(bc_prop_defs[i].name);
        return 0;
    }
    if (argc > 1) {
        fprintf(stderr,
                "usage: %s [--man | --names]\n"
                "Prints the connection properties of the BigCommerce ODBC driver as a "
                "Markdown table, as the bigcommerce-odbc(7) manual page (--man), or their "
                "names, one per line (--names).\n",
                argv[0]);
        return strcmp(argv[1], "--help") == 0 ? 0 : 2;
    }
    markdown();
    return fflush(stdout) == 0 ? 0 : 1;
}
