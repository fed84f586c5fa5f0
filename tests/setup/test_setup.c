/* The setup library: ODBCINSTGetProperties from the property table, and ConfigDSN, both
 * called directly and through unixODBC's installer (private odbcinst.ini/odbc.ini). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <odbcinstext.h>
#include "bc_props.h"

static char dir[] = "/tmp/bc_test_setup_XXXXXX";
static char ini_path[256];
static char inst_path[256];

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f == NULL)
        return -1;
    fputs(text, f);
    return fclose(f);
}

static int group_setup(void **state)
{
    char inst[512];
    (void)state;
    if (mkdtemp(dir) == NULL)
        return -1;
    snprintf(ini_path, sizeof ini_path, "%s/odbc.ini", dir);
    snprintf(inst_path, sizeof inst_path, "%s/odbcinst.ini", dir);
    snprintf(inst, sizeof inst,
             "[BigCommerce]\nDriver = /nonexistent/libbigcommerceodbc.so\n"
             "Setup = %s\n",
             BC_SETUP_LIB_PATH);
    if (write_file(inst_path, inst) != 0 || write_file(ini_path, "") != 0)
        return -1;
    setenv("ODBCINI", ini_path, 1);
    setenv("ODBCSYSINI", dir, 1);
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    unlink(ini_path);
    unlink(inst_path);
    rmdir(dir);
    return 0;
}

/* Frees a list the way odbcinst's ODBCINSTDestructProperties does. */
static void free_props(HODBCINSTPROPERTY p)
{
    while (p != NULL) {
        HODBCINSTPROPERTY next = p->pNext;
        free(p->aPromptData);
        free(p->pszHelp);
        free(p);
        p = next;
    }
}

static HODBCINSTPROPERTY find(HODBCINSTPROPERTY p, const char *name)
{
    for (; p != NULL; p = p->pNext) {
        if (strcmp(p->szName, name) == 0)
            return p;
    }
    return NULL;
}

static void get_properties_lists_every_dsn_key_from_the_table(void **state)
{
    (void)state;
    HODBCINSTPROPERTY first = calloc(1, sizeof *first);
    assert_non_null(first);
    strcpy(first->szName, "Name");
    assert_int_equal(ODBCINSTGetProperties(first), 1);
    int n = 0;
    for (HODBCINSTPROPERTY p = first->pNext; p != NULL; p = p->pNext) {
        const bc_prop_def *def = bc_prop_find(p->szName);
        assert_non_null(def);
        assert_string_equal(def->name, p->szName);
        assert_false(def->flags & BC_PROP_F_DM);
        assert_non_null(p->pszHelp);
        assert_string_equal(p->pszHelp, def->description);
        n++;
    }
    assert_int_equal(n, bc_prop_def_count - 2); /* all but DSN and Driver */

    HODBCINSTPROPERTY io = find(first, "InitiateOAuth");
    assert_int_equal(io->nPromptType, ODBCINST_PROMPTTYPE_LISTBOX);
    assert_string_equal(io->szValue, "OFF");
    assert_string_equal(io->aPromptData[0], "OFF");
    assert_string_equal(io->aPromptData[1], "GETANDREFRESH");
    assert_string_equal(io->aPromptData[2], "REFRESH");
    assert_null(io->aPromptData[3]);
    assert_int_equal(find(first, "OAuthAccessToken")->nPromptType,
                     ODBCINST_PROMPTTYPE_TEXTEDIT_PASSWORD);
    assert_int_equal(find(first, "Logfile")->nPromptType, ODBCINST_PROMPTTYPE_FILENAME);
    assert_int_equal(find(first, "StoreId")->nPromptType, ODBCINST_PROMPTTYPE_TEXTEDIT);
    assert_string_equal(find(first, "Pagesize")->szValue, "250");
    assert_string_equal(find(first, "ApiBaseURL")->szValue, "https://api.bigcommerce.com");
    free_props(first);
}

static void odbcinst_loads_setup_library_from_odbcinst_ini(void **state)
{
    HODBCINSTPROPERTY props = NULL;
    (void)state;
    assert_int_equal(ODBCINSTConstructProperties("BigCommerce", &props), ODBCINST_SUCCESS);
    assert_non_null(find(props, "StoreId"));
    assert_non_null(find(props, "OAuthServerURL"));
    ODBCINSTDestructProperties(&props);
}

static char *ini_value(const char *dsn, const char *key)
{
    static char buf[1024];
    buf[0] = '\0';
    SQLGetPrivateProfileString(dsn, key, "", buf, sizeof buf, "odbc.ini");
    return buf;
}

static void configdsn_add_writes_canonical_keys(void **state)
{
    (void)state;
    const char attrs[] = "DSN=shop\0storeid = abc \0PAGESIZE=100\0Description=My shop\0"
                         "Bogus=1\0OAuthAccessToken={t;k}\0";
    assert_true(ConfigDSN(NULL, ODBC_ADD_DSN, "BigCommerce", attrs));
    assert_string_equal(ini_value("shop", "Driver"), "BigCommerce");
    assert_string_equal(ini_value("shop", "Description"), "My shop");
    assert_string_equal(ini_value("shop", "Bogus"), "");

    bc_props p;
    bc_error err;
    bc_props_init(&p);
    bc_error_clear(&err);
    assert_int_equal(bc_props_load_dsn("shop", &p, NULL, &err), 0);
    assert_string_equal(p.store_id, "abc");
    assert_int_equal(p.page_size, 100);
    assert_string_equal(p.oauth_access_token, "{t;k}"); /* odbc.ini values are literal */
    bc_props_free(&p);
}

static void configdsn_rejects_bad_value_naming_property(void **state)
{
    (void)state;
    DWORD code = 0;
    char msg[512] = "";
    const char attrs[] = "DSN=bad\0InitiateOAuth=SOMETIMES\0";
    assert_false(ConfigDSN(NULL, ODBC_ADD_DSN, "BigCommerce", attrs));
    assert_int_equal(SQLInstallerError(1, &code, msg, sizeof msg, NULL), SQL_SUCCESS);
    assert_int_equal(code, ODBC_ERROR_INVALID_KEYWORD_VALUE);
    assert_non_null(strstr(msg, "InitiateOAuth"));
    assert_non_null(strstr(msg, "OFF, GETANDREFRESH, REFRESH"));
    bool exists = true;
    bc_error err;
    bc_error_clear(&err);
    assert_int_equal(bc_dsn_exists("bad", &exists, &err), 0);
    assert_false(exists);
}

static void configdsn_config_changes_and_clears_keys(void **state)
{
    (void)state;
    assert_true(ConfigDSN(NULL, ODBC_ADD_DSN, "BigCommerce", "DSN=cfg\0StoreId=one\0Scope=s\0"));
    assert_true(ConfigDSN(NULL, ODBC_CONFIG_DSN, "BigCommerce", "DSN=cfg\0StoreId=two\0Scope=\0"));
    assert_string_equal(ini_value("cfg", "StoreId"), "two");
    assert_string_equal(ini_value("cfg", "Scope"), "");
    assert_false(ConfigDSN(NULL, ODBC_CONFIG_DSN, "BigCommerce", "DSN=nosuch\0StoreId=x\0"));
}

static void configdsn_remove_deletes_the_section(void **state)
{
    (void)state;
    bool exists = false;
    bc_error err;
    bc_error_clear(&err);
    assert_true(ConfigDSN(NULL, ODBC_ADD_DSN, "BigCommerce", "DSN=gone\0StoreId=x\0"));
    assert_int_equal(bc_dsn_exists("gone", &exists, &err), 0);
    assert_true(exists);
    assert_true(ConfigDSN(NULL, ODBC_REMOVE_DSN, "BigCommerce", "DSN=gone\0"));
    assert_int_equal(bc_dsn_exists("gone", &exists, &err), 0);
    assert_false(exists);
}

static void sqlconfigdatasource_reaches_configdsn_through_odbcinst(void **state)
{
    (void)state;
    assert_true(SQLConfigDataSource(NULL, ODBC_ADD_DSN, "BigCommerce",
                                    "DSN=viainst\0StoreId=via\0Timeout=5\0"));
    assert_string_equal(ini_value("viainst", "StoreId"), "via");
    assert_string_equal(ini_value("viainst", "Timeout"), "5");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(get_properties_lists_every_dsn_key_from_the_table),
        cmocka_unit_test(odbcinst_loads_setup_library_from_odbcinst_ini),
        cmocka_unit_test(configdsn_add_writes_canonical_keys),
        cmocka_unit_test(configdsn_rejects_bad_value_naming_property),
        cmocka_unit_test(configdsn_config_changes_and_clears_keys),
        cmocka_unit_test(configdsn_remove_deletes_the_section),
        cmocka_unit_test(sqlconfigdatasource_reaches_configdsn_through_odbcinst),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
