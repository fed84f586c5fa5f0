/* Strings, the growable buffer and the redacting log. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "bc_odbc_text.h"
#include "bc_util.h"

static void strdup_family_is_null_safe(void **state)
{
    char *a = bc_strdup("abc"), *b = bc_strndup("abcdef", 3), *c = bc_strndup("ab", 10);
    char *d = bc_sprintf("%s-%d", "x", 42);

    (void)state;
    assert_string_equal(a, "abc");
    assert_string_equal(b, "abc");
    assert_string_equal(c, "ab");
    assert_string_equal(d, "x-42");
    assert_null(bc_strdup(NULL));
    assert_null(bc_strndup(NULL, 3));
    free(a), free(b), free(c), free(d);
}

static void strcasecmp_is_ascii_and_null_safe(void **state)
{
    (void)state;
    assert_int_equal(bc_strcasecmp("StoreId", "STOREID"), 0);
    assert_true(bc_strcasecmp("a", "b") < 0);
    assert_true(bc_strcasecmp("b", "A") > 0);
    assert_int_equal(bc_strcasecmp(NULL, NULL), 0);
    assert_true(bc_strcasecmp(NULL, "a") < 0);
    assert_true(bc_strcasecmp("abc", "ab") > 0);
}

static void odbc_len_handles_nts_and_explicit_lengths(void **state)
{
    (void)state;
    assert_int_equal(bc_odbc_len((const SQLCHAR *)"hello", SQL_NTS), 5);
    assert_int_equal(bc_odbc_len((const SQLCHAR *)"hello", 3), 3);
    assert_int_equal(bc_odbc_len(NULL, SQL_NTS), 0);
}

static void buf_grows_and_steals_a_terminated_string(void **state)
{
    bc_buf b;
    char *s;

    (void)state;
    bc_buf_init(&b);
    for (int i = 0; i < 1000; i++)
        bc_buf_printf(&b, "%d,", i % 10);
    bc_buf_puts(&b, "end");
    bc_buf_append(&b, "XYZ", 1);
    assert_false(b.oom);
    assert_int_equal(b.len, 2000 + 4);
    s = bc_buf_steal(&b);
    assert_non_null(s);
    assert_int_equal(strlen(s), 2004);
    assert_memory_equal(s, "0,1,2,", 6);
    assert_string_equal(s + 2000, "endX");
    assert_null(b.data);
    free(s);
}

static void buf_steal_of_empty_buffer_is_empty_string(void **state)
{
    bc_buf b;
    char *s;

    (void)state;
    bc_buf_init(&b);
    s = bc_buf_steal(&b);
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "r");
    static char data[8192];
    size_t n;

    assert_non_null(f);
    n = fread(data, 1, sizeof data - 1, f);
    data[n] = '\0';
    fclose(f);
    return data;
}

/* Open the log on a new temporary file at verbosity; path gets the file's name. */
static void open_temp_log(char path[static 32], int verbosity)
{
    int fd;

    strcpy(path, "/tmp/bc_test_log_XXXXXX");
    fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    bc_log_open(path, verbosity);
}

static void log_redacts_registered_secrets_and_secret_fields(void **state)
{
    char path[32];
    char *text;

    (void)state;
    open_temp_log(path, 5);
    bc_log_secret("tok-SECRET-123");
    bc_log(1, "GET /v2/store with token tok-SECRET-123 failed");
    bc_log(3, "header X-Auth-Token: abcdef0123 sent");
    bc_log(3, "POST body client_secret=s3cr3t&code=xyz&grant_type=authorization_code");
    bc_log(4, "json {\"access_token\": \"jsonsecret\", \"scope\": \"store_v2_orders\"}");
    bc_log(3, "Authorization: Bearer bearersecret");
    bc_log(6, "level 6 is above the verbosity and is dropped");
    bc_log_open(NULL, 0); /* a connection without Logfile leaves the log open */
    bc_log(1, "still open: written");
    bc_log_close();
    bc_log(1, "after close: not written");

    text = read_all(path);
    unlink(path);
    assert_null(strstr(text, "tok-SECRET-123"));
    assert_null(strstr(text, "abcdef0123"));
    assert_null(strstr(text, "s3cr3t"));
    assert_null(strstr(text, "xyz"));
    assert_null(strstr(text, "jsonsecret"));
    assert_null(strstr(text, "bearersecret"));
    assert_null(strstr(text, "dropped"));
    assert_null(strstr(text, "after close"));
    assert_non_null(strstr(text, "still open: written"));
    assert_non_null(strstr(text, "with token **** failed"));
    assert_non_null(strstr(text, "X-Auth-Token: **** sent"));
    assert_non_null(strstr(text, "grant_type=authorization_code"));
    assert_non_null(strstr(text, "\"access_token\": \"****\""));
    assert_non_null(strstr(text, "\"scope\": \"store_v2_orders\""));
    assert_non_null(strstr(text, "Bearer ****"));
    assert_non_null(strstr(text, " CONN "));
}

static void log_masks_a_secret_only_where_it_stands_alone(void **state)
{
    char path[32];
    char *text;

    (void)state;
    open_temp_log(path, 1);
    bc_log_secret("pass");
    bc_log(1, "passage, bypass and compass are words; pass=1, 'pass' and pass are not");
    bc_log_close();
    text = read_all(path);
    unlink(path);
    assert_non_null(
        strstr(text, "passage, bypass and compass are words; ****=1, '****' and **** are not"));
}

static void log_file_is_created_for_its_owner_only(void **state)
{
    char dir[] = "/tmp/bc_test_logdir_XXXXXX";
    char path[64];
    struct stat st;
    mode_t old = umask(0);

    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/driver.log", dir);
    bc_log_open(path, 1);
    bc_log(1, "a line");
    bc_log_close();
    umask(old);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(strdup_family_is_null_safe),
        cmocka_unit_test(strcasecmp_is_ascii_and_null_safe),
        cmocka_unit_test(odbc_len_handles_nts_and_explicit_lengths),
        cmocka_unit_test(buf_grows_and_steals_a_terminated_string),
        cmocka_unit_test(buf_steal_of_empty_buffer_is_empty_string),
        cmocka_unit_test(log_redacts_registered_secrets_and_secret_fields),
        cmocka_unit_test(log_masks_a_secret_only_where_it_stands_alone),
        cmocka_unit_test(log_file_is_created_for_its_owner_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
