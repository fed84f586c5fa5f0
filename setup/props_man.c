/*
 * The bigcommerce-odbc(7) manual page. The fixed sections say how to register the driver and
 * connect; the CONNECTION PROPERTIES section is written from bc_prop_defs, so `man
 * bigcommerce-odbc` and sys_connection_props describe the same properties. The output is
 * committed as docs/bigcommerce-odbc.7 and installed; docs.readme_in_sync compares them.
 */
#include "props_man.h"
#include <stdio.h>

/* roff reads a backslash as an escape and a leading '.' or '\'' as a request. */
static void roff_text(const char *s)
{
    if (s != NULL && (*s == '.' || *s == '\''))
        fputs("\\&", stdout);
    for (; s != NULL && *s != '\0'; s++) {
        if (*s == '\\')
            fputs("\\e", stdout);
        else if (*s == '-')
            fputs("\\-", stdout);
        else
            putchar(*s == '\n' ? ' ' : *s);
    }
}

static void head(const char *version)
{
    printf(".TH BIGCOMMERCE-ODBC 7 \"\" \"bigcommerce-odbc %s\" \"BigCommerce ODBC driver\"\n",
           version);
    puts(".SH NAME\n"
         "bigcommerce-odbc \\- ODBC driver that reads a BigCommerce store with SQL\n"
         ".SH SYNOPSIS\n"
         ".nf\n"
         "Driver=BigCommerce;StoreId=\\fIhash\\fR;OAuthAccessToken=\\fItoken\\fR\n"
         "DSN=\\fIname\\fR[;\\fIProperty\\fR=\\fIvalue\\fR...]\n"
         ".fi\n"
         ".SH DESCRIPTION\n"
         "The driver lets any ODBC application (isql, pyodbc, Perl DBI, PHP, R, LibreOffice)\n"
         "query a BigCommerce store. Every object of the store is a read-only table of the\n"
         "schema \\fBBigCommerce\\fR; each connection runs its queries in a private SQLite\n"
         "engine whose tables are the store's REST endpoints, and filters the API can apply\n"
         "are sent with the requests.\n"
         ".PP\n"
         "The package registers the driver under the name \\fBBigCommerce\\fR in\n"
         "\\fI/etc/odbcinst.ini\\fR with \\fBodbcinst \\-i \\-d\\fR and removes it with\n"
         "\\fBodbcinst \\-u \\-d\\fR; \\fBodbcinst \\-q \\-d\\fR lists it.\n"
         ".SH DATA SOURCES\n"
         "A data source is a section of \\fI~/.odbc.ini\\fR (user) or \\fI/etc/odbc.ini\\fR\n"
         "(system) that names the driver and sets properties:\n"
         ".PP\n"
         ".RS\n"
         ".nf\n"
         "[MyStore]\n"
         "Driver           = BigCommerce\n"
         "StoreId          = abc123xyz\n"
         "OAuthAccessToken = your\\-api\\-account\\-token\n"
         ".fi\n"
         ".RE\n"
         ".PP\n"
         "Keys are case\\-insensitive. A value in the connection string beats the data\n"
         "source's; when a key repeats, the first wins; braces quote a value that contains\n"
         "\\fB;\\fR. Unknown keys are ignored. A bad value fails the connection with SQLSTATE\n"
         "HY024 and a message naming the property and its allowed values.");
}

static void property(const bc_prop_def *def, bc_props_allowed_fn allowed)
{
    printf(".TP\n\\fB%s\\fR (%s", def->name, def->category);
    if (def->default_value != NULL) {
        fputs("; default ", stdout);
        roff_text(def->default_value);
    }
    puts(")");
    roff_text(def->description);
    if (def->required)
        fputs(" Required.", stdout);
    if (def->secret)
        fputs(" Secret: masked in sys_connection_props and never logged.", stdout);
    putchar('\n');
    if (def->type != BC_PROP_STRING || def->values != NULL || (def->flags & BC_PROP_F_URL)) {
        fputs(".br\nAllowed values: ", stdout);
        allowed(def, "...");
        putchar('\n');
    }
}

static void tail(void)
{
    puts(".SH EXAMPLES\n"
         ".nf\n"
         "isql \\-v MyStore\n"
         "SQL> SELECT id, name, price FROM Products WHERE id IN (77, 80, 81)\n"
         ".PP\n"
         "python3 \\-c 'import pyodbc; print(pyodbc.connect(\"DSN=MyStore\")\n"
         "    .execute(\"SELECT COUNT(*) FROM Orders\").fetchone())'\n"
         ".fi\n"
         ".PP\n"
         "The table sys_connection_props lists every property with its value (secrets\n"
         "masked), default and allowed values.\n"
         ".SH FILES\n"
         ".TP\n"
         ".I /etc/odbcinst.ini\n"
         "where the driver is registered.\n"
         ".TP\n"
         ".I ~/.odbc.ini\\fR, \\fI/etc/odbc.ini\n"
         "data sources.\n"
         ".TP\n"
         ".I $XDG_CONFIG_HOME/bigcommerce\\-odbc/oauth.json\n"
         "OAuth tokens kept between connections (OAuthSettingsLocation).\n"
         ".SH SEE ALSO\n"
         ".BR isql (1),\n"
         ".BR odbcinst (1),\n"
         "the README in /usr/share/doc/bigcommerce\\-odbc.");
}

void bc_props_man_page(const char *version, bc_props_allowed_fn allowed)
{
    head(version);
    puts(".SH CONNECTION PROPERTIES");
    for (int i = 0; i < bc_prop_def_count; i++)
        property(&bc_prop_defs[i], allowed);
    tail();
}
