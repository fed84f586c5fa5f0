/* The OAuth token store: file (0600, atomic, safe with concurrent writers) and memory://. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "auth/auth_internal.h"

static char dir[256];

static int make_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/bc-tokenstore-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    char cmd[300];
    (void)state;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static bc_token sample(const char *access, const char *refresh, long long exp)
{
    bc_token t = {(char *)access, (char *)refresh, (char *)"store_v2_products",
                  (char *)"stores/abc", exp};
    return t;
}

static void save_ok(const char *loc, const char *client, const char *store, const bc_token *t)
{
    bc_error err;
    bc_error_clear(&err);
    if (bc_tokenstore_save(loc, client, store, t, &err) != 0)
        fail_msg("save failed: %s %s", err.sqlstate, err.message);
}

static int load(const char *loc, const char *client, const char *store, bc_token *t)
{
    bc_error err;
    bc_error_clear(&err);
    int rc = bc_tokenstore_load(loc, client, store, t, &err);
    if (rc < 0)
        fail_msg("load failed: %s %s", err.sqlstate, err.message);
    return rc;
}

static void file_save_creates_0600_file_in_new_dirs_and_loads_back(void **state)
{
    char path[400];
    struct stat st;
    bc_token t = sample("tok-1", "ref-1", 1234567890LL), got;
    (void)state;

    snprintf(path, sizeof path, "%s/a/b/oauth.json", dir);
    save_ok(path, "app", "abc", &t);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(load(path, "app", "abc", &got), 1);
    assert_string_equal(got.access_token, "tok-1");
    assert_string_equal(got.refresh_token, "ref-1");
    assert_string_equal(got.scope, "store_v2_products");
    assert_string_equal(got.context, "stores/abc");
    assert_true(got.expires_at == 1234567890LL);
    bc_token_free(&got);
}

static void entries_are_keyed_by_client_and_store(void **state)
{
    char path[400];
    bc_token a = sample("A", NULL, 0), b = sample("B", NULL, 0), got;
    (void)state;

    snprintf(path, sizeof path, "%s/oauth.json", dir);
    save_ok(path, "app", "s1", &a);
    save_ok(path, "app", "s2", &b);
    assert_int_equal(load(path, "app", "s1", &got), 1);
    assert_string_equal(got.access_token, "A");
    assert_null(got.refresh_token);
    bc_token_free(&got);
    assert_int_equal(load(path, "app", "s2", &got), 1);
    assert_string_equal(got.access_token, "B");
    bc_token_free(&got);
    assert_int_equal(load(path, "other", "s1", &got), 0);
    assert_null(got.access_token);
}

static void remove_deletes_only_that_entry(void **state)
{
    char path[400];
    bc_token a = sample("A", NULL, 0), got;
    bc_error err;
    (void)state;

    snprintf(path, sizeof path, "%s/oauth.json", dir);
    save_ok(path, "app", "s1", &a);
    save_ok(path, "app", "s2", &a);
    bc_error_clear(&err);
    assert_int_equal(bc_tokenstore_remove(path, "app", "s1", &err), 0);
    assert_int_equal(load(path, "app", "s1", &got), 0);
    assert_int_equal(load(path, "app", "s2", &got), 1);
    bc_token_free(&got);
}

static void missing_file_loads_nothing(void **state)
{
    char path[400];
    bc_token got;
    (void)state;
    snprintf(path, sizeof path, "%s/none.json", dir);
    assert_int_equal(load(path, "app", "s", &got), 0);
}

static void broken_file_is_replaced_on_save(void **state)
{
    char path[400];
    bc_token a = sample("A", NULL, 0), got;
    FILE *f;
    (void)state;

    snprintf(path, sizeof path, "%s/oauth.json", dir);
    f = fopen(path, "w");
    fputs("{not json", f);
    fclose(f);
    assert_int_equal(load(path, "app", "s", &got), 0);
    save_ok(path, "app", "s", &a);
    assert_int_equal(load(path, "app", "s", &got), 1);
    bc_token_free(&got);
}

static void save_leaves_no_temp_files(void **state)
{
    char path[400];
    bc_token a = sample("A", NULL, 0);
    DIR *d;
    struct dirent *e;
    int files = 0;
    (void)state;

    snprintf(path, sizeof path, "%s/oauth.json", dir);
    for (int i = 0; i < 5; i++)
        save_ok(path, "app", "s", &a);
    d = opendir(dir);
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        files++;
        assert_null(strstr(e->d_name, ".tmp."));
    }
    closedir(d);
    assert_int_equal(files, 2); /* oauth.json and oauth.json.lock */
}

static void concurrent_writers_keep_every_entry(void **state)
{
    char path[400];
    enum { PROCS = 4, EACH = 15 };
    (void)state;

    snprintf(path, sizeof path, "%s/oauth.json", dir);
    for (int p = 0; p < PROCS; p++) {
        if (fork() == 0) {
            for (int i = 0; i < EACH; i++) {
                char store[32];
                bc_token t = sample("T", NULL, 0);
                bc_error err;
                bc_error_clear(&err);
                snprintf(store, sizeof store, "p%d-%d", p, i);
                if (bc_tokenstore_save(path, "app", store, &t, &err) != 0)
                    _exit(1);
            }
            _exit(0);
        }
    }
    for (int p = 0; p < PROCS; p++) {
        int status;
        wait(&status);
        assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    for (int p = 0; p < PROCS; p++) {
        for (int i = 0; i < EACH; i++) {
            char store[32];
            bc_token got;
            snprintf(store, sizeof store, "p%d-%d", p, i);
            assert_int_equal(load(path, "app", store, &got), 1);
            bc_token_free(&got);
        }
    }
}

static void memory_store_is_per_name_and_in_process(void **state)
{
    bc_token a = sample("MEM", "R", 5), got;
    bc_error err;
    (void)state;

    save_ok("memory://one", "app", "s", &a);
    assert_int_equal(load("memory://one", "app", "s", &got), 1);
    assert_string_equal(got.access_token, "MEM");
    assert_string_equal(got.refresh_token, "R");
    assert_true(got.expires_at == 5);
    bc_token_free(&got);
    assert_int_equal(load("memory://two", "app", "s", &got), 0);
    bc_error_clear(&err);
    assert_int_equal(bc_tokenstore_remove("memory://one", "app", "s", &err), 0);
    assert_int_equal(load("memory://one", "app", "s", &got), 0);
}

static void default_path_follows_xdg_then_home(void **state)
{
    char *p;
    (void)state;

    setenv("XDG_CONFIG_HOME", "/x/cfg", 1);
    p = bc_tokenstore_default_path();
    assert_string_equal(p, "/x/cfg/bigcommerce-odbc/oauth.json");
    free(p);
    unsetenv("XDG_CONFIG_HOME");
    setenv("HOME", "/home/u", 1);
    p = bc_tokenstore_default_path();
    assert_string_equal(p, "/home/u/.config/bigcommerce-odbc/oauth.json");
    free(p);
}

static void null_location_uses_default_path(void **state)
{
    char path[400];
    bc_token a = sample("D", NULL, 0), got;
    struct stat st;
    (void)state;

    setenv("XDG_CONFIG_HOME", dir, 1);
    save_ok(NULL, "app", "s", &a);
    snprintf(path, sizeof path, "%s/bigcommerce-odbc/oauth.json", dir);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(load(NULL, "app", "s", &got), 1);
    assert_string_equal(got.access_token, "D");
    bc_token_free(&got);
    unsetenv("XDG_CONFIG_HOME");
}

static void token_expiry_is_checked_against_now(void **state)
{
    bc_token never = sample("A", NULL, 0), soon = sample("A", NULL, 100);
    (void)state;
    assert_false(bc_token_expired(&never, 1000000));
    assert_false(bc_token_expired(&soon, 99));
    assert_true(bc_token_expired(&soon, 100));
}

#define T(f) cmocka_unit_test_setup_teardown(f, make_dir, remove_dir)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(file_save_creates_0600_file_in_new_dirs_and_loads_back),
        T(entries_are_keyed_by_client_and_store),
        T(remove_deletes_only_that_entry),
        T(missing_file_loads_nothing),
        T(broken_file_is_replaced_on_save),
        T(save_leaves_no_temp_files),
        T(concurrent_writers_keep_every_entry),
        T(memory_store_is_per_name_and_in_process),
        T(default_path_follows_xdg_then_home),
        T(null_location_uses_default_path),
        T(token_expiry_is_checked_against_now),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
