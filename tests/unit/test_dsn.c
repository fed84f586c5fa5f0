/* DSN values from a private odbc.ini: the DSN fills what the connection string leaves out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "bc_props.h"

static char dir[] = "/tmp/bc_test_dsn_XXXXXX";
static char ini_path[256];
static char inst_path[256];

static const char odbc_ini[] = "[shop]\n"
                               "Driver = BigCommerce\n"
                               "StoreId = dsnstore\n"
                               "OAuthAccessToken = dsn-token\n"
                               "Pagesize = 50\n"
                               "scope = store_v2_products\n"
                               "InitiateOAuth = refresh\n"
                               "\n"
                               "[broken]\n"
                               "Driver = BigCommerce\n"
                               "InitiateOAuth = SOMETIMES\n"
                               "\n"
                               "[empty]\n";

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
    (void)state;
    if (mkdtemp(dir) == NULL)
        return -1;
    snprintf(ini_path, sizeof ini_path, "%s/odbc.ini", dir);
    snprintf(inst_path, sizeof inst_path, "%s/odbcinst.ini", dir);
    if (write_file(ini_path, odbc_ini) != 0 ||
        write_file(inst_path, "[BigCommerce]\nDriver = /nonexistent.so\n") != 0)
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

static int setup(void **state)
{
    static bc_props p;
    bc_props_init(&p);
    *state = &p;
    return 0;
}

static int teardown(void **state)
{
    bc_props_free(*state);
    return 0;
}

static void dsn_fills_properties_the_string_leaves_out(void **state)
{
    bc_props *p = *state;
    bc_error err;
    bc_error_clear(&err);
    assert_int_equal(bc_props_load_dsn("shop", p, NULL, &err), 0);
    assert_string_equal(p->store_id, "dsnstore");
    assert_string_equal(p->oauth_access_token, "dsn-token");
    assert_string_equal(p->scope, "store_v2_products");
    assert_int_equal(p->page_size, 50);
    assert_int_equal(p->initiate_oauth, BC_OAUTH_REFRESH);
    assert_int_equal(p->timeout, 60); /* neither gives it: default */
    assert_string_equal(p->dsn, "shop");
    /* The DSN's Driver key, for sys_connection_props (the completed string leaves it out). */
    assert_string_equal(p->driver, "BigCommerce");
}

static void connection_string_beats_dsn(void **state)
{
    bc_props *p = *state;
    bc_error err;
    unsigned char given[BC_PROPS_GIVEN_BYTES] = {0};
    bc_error_clear(&err);
    assert_int_equal(bc_connstr_parse("DSN=shop;StoreId=cs-store;PAGESIZE=100;OAuthAccessToken=", p,
                                      given, &err),
                     0);
    assert_int_equal(bc_props_load_dsn(p->dsn, p, given, &err), 0);
    assert_string_equal(p->store_id, "cs-store");
    assert_int_equal(p->page_size, 100);
    /* Given empty in the string: the DSN's token must not come back. */
    assert_null(p->oauth_access_token);
    assert_string_equal(p->scope, "store_v2_products");
    assert_int_equal(p->initiate_oauth, BC_OAUTH_REFRESH);
}

static void dsn_names_are_case_insensitive(void **state)
{
    bc_error err;
    bc_error_clear(&err);
    assert_int_equal(bc_props_load_dsn("SHOP", *state, NULL, &err), 0);
    assert_string_equal(((bc_props *)*state)->store_id, "dsnstore");
}

static void unknown_dsn_is_im002(void **state)
{
    bc_error err;
    bc_error_clear(&err);
    assert_int_equal(bc_props_load_dsn("nosuchdsn", *state, NULL, &err), -1);
    assert_string_equal(err.sqlstate, "IM002");
    assert_non_null(strstr(err.message, "'nosuchdsn'"));
}

static void empty_dsn_section_exists(void **state)
{
    bc_error err;
    bc_error_clear(&err);
    assert_int_equal(bc_props_load_dsn("empty", *state, NULL, &err), 0);
    assert_null(((bc_props *)*state)->store_id);
}

static void bad_dsn_value_names_property_and_dsn(void **state)
{
    bc_error err;
    bc_error_clear(&err);
    assert_int_equal(bc_props_load_dsn("broken", *state, NULL, &err), -1);
    assert_string_equal(err.sqlstate, "HY024");
    assert_string_equal(err.message, "Invalid value 'SOMETIMES' for InitiateOAuth: allowed "
                                     "values are OFF, GETANDREFRESH, REFRESH. (in DSN 'broken')");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(dsn_fills_properties_the_string_leaves_out, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(connection_string_beats_dsn, setup, teardown),
        cmocka_unit_test_setup_teardown(dsn_names_are_case_insensitive, setup, teardown),
        cmocka_unit_test_setup_teardown(unknown_dsn_is_im002, setup, teardown),
        cmocka_unit_test_setup_teardown(empty_dsn_section_exists, setup, teardown),
        cmocka_unit_test_setup_teardown(bad_dsn_value_names_property_and_dsn, setup, teardown),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
