/*
 * ODBC escape rewriting: scalar functions, date literals, outer joins, LIKE escapes,
 * strings and identifiers left alone, {call} untouched, broken escapes rejected with 42000.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <cmocka.h>
#include "bc_sql.h"

static void check(const char *in, const char *want)
{
    bc_error err;
    bc_error_clear(&err);
    char *out = bc_sql_rewrite_escapes(in, &err);
    assert_non_null(out);
    assert_string_equal(out, want);
    assert_false(bc_error_is_set(&err));
    free(out);
}

static void check_fails(const char *in)
{
    bc_error err;
    bc_error_clear(&err);
    assert_null(bc_sql_rewrite_escapes(in, &err));
    assert_string_equal(err.sqlstate, "42000");
}

static void plain_sql_is_unchanged(void **s)
{
    (void)s;
    check("SELECT * FROM Products WHERE id = 5", "SELECT * FROM Products WHERE id = 5");
}

static void fn_string_functions_map_to_sqlite(void **s)
{
    (void)s;
    check("SELECT {fn UCASE(name)} FROM t", "SELECT upper(name) FROM t");
    check("SELECT {fn lcase(name)}", "SELECT lower(name)");
    check("SELECT {fn CONCAT(a, 'b')}", "SELECT ((a) || ('b'))");
    check("SELECT {fn SUBSTRING(name, 1, 3)}", "SELECT substr(name, 1, 3)");
    check("SELECT {fn LOCATE('x', name)}", "SELECT instr(name, 'x')");
    check("SELECT {fn LTRIM(a)}, {fn RTRIM(b)}", "SELECT ltrim(a), rtrim(b)");
    check("SELECT {fn IFNULL(a, 0)}", "SELECT ifnull(a, 0)");
}

static void fn_date_functions_map_to_strftime(void **s)
{
    (void)s;
    check("SELECT {fn NOW()}", "SELECT datetime('now')");
    check("SELECT {fn CURDATE()}", "SELECT date('now')");
    check("SELECT {fn YEAR(date_created)}", "SELECT CAST(strftime('%Y', date_created) AS INTEGER)");
    check("SELECT {fn MONTH(d)}", "SELECT CAST(strftime('%m', d) AS INTEGER)");
    check("SELECT {fn DAYOFMONTH(d)}", "SELECT CAST(strftime('%d', d) AS INTEGER)");
}

static void fn_convert_becomes_cast(void **s)
{
    (void)s;
    check("SELECT {fn CONVERT(price, SQL_INTEGER)}", "SELECT CAST(price AS INTEGER)");
    check("SELECT {fn CONVERT(x, SQL_VARCHAR)}", "SELECT CAST(x AS TEXT)");
    check_fails("SELECT {fn CONVERT(x, SQL_NOPE)}");
}

static void date_literals_become_strings(void **s)
{
    (void)s;
    check("WHERE d >= {d '2024-01-31'}", "WHERE d >= '2024-01-31'");
    check("WHERE d >= {ts '2024-01-31 10:00:00'}", "WHERE d >= '2024-01-31 10:00:00'");
    check("WHERE d = {t '10:00:00'}", "WHERE d = '10:00:00'");
    check_fails("WHERE d = {d 2024}");
}

static void outer_join_and_like_escape(void **s)
{
    (void)s;
    check("SELECT * FROM {oj a LEFT OUTER JOIN b ON a.id = b.id}",
          "SELECT * FROM  a LEFT OUTER JOIN b ON a.id = b.id");
    check("WHERE n LIKE 'a\\_%' {escape '\\'}", "WHERE n LIKE 'a\\_%' ESCAPE '\\'");
}

static void escapes_nest(void **s)
{
    (void)s;
    check("SELECT {fn UCASE({fn LTRIM(name)})}", "SELECT upper(ltrim(name))");
    check("SELECT {fn CONCAT({fn UCASE(a)}, 'x,y')}", "SELECT ((upper(a)) || ('x,y'))");
}

static void quoted_text_is_not_rewritten(void **s)
{
    (void)s;
    check("SELECT '{fn UCASE(x)}', \"{d}\" FROM t", "SELECT '{fn UCASE(x)}', \"{d}\" FROM t");
    check("SELECT 'it''s {x}'", "SELECT 'it''s {x}'");
    check("SELECT 1 -- {fn nope(}\n", "SELECT 1 -- {fn nope(}\n");
}

static void call_escapes_are_left_for_the_router(void **s)
{
    (void)s;
    check("{call GetOAuthAuthorizationURL(?, ?)}", "{call GetOAuthAuthorizationURL(?, ?)}");
    check("{?= call f(1)}", "{?= call f(1)}");
}

static void broken_escapes_fail_with_42000(void **s)
{
    (void)s;
    check_fails("SELECT {fn UCASE(x)");
    check_fails("SELECT {INTERVAL '1' DAY}");
    check_fails("SELECT {nonsense 1}");
    check_fails("SELECT {fn UCASE(a, b)}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_sql_is_unchanged),
        cmocka_unit_test(fn_string_functions_map_to_sqlite),
        cmocka_unit_test(fn_date_functions_map_to_strftime),
        cmocka_unit_test(fn_convert_becomes_cast),
        cmocka_unit_test(date_literals_become_strings),
        cmocka_unit_test(outer_join_and_like_escape),
        cmocka_unit_test(escapes_nest),
        cmocka_unit_test(quoted_text_is_not_rewritten),
        cmocka_unit_test(call_escapes_are_left_for_the_router),
        cmocka_unit_test(broken_escapes_fail_with_42000),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
