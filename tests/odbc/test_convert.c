/*
 * SQLGetData conversions of every column type (INTEGER, DECIMAL, DOUBLE, BIT, TIMESTAMP,
 * WVARCHAR, WLONGVARCHAR/JSON) to the C types, the expected values computed from the
 * sandbox's JSON, and the ODBC SQLSTATEs for conversions that cannot be done.
 */
#include "harness.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bct_sandbox sb;
static SQLHENV env;
static SQLHDBC dbc;
static cJSON *product; /* product id 1 as the sandbox serves it */
static cJSON *order;   /* the first order */

/* Executes sql, fetches the first row and reads column 1 as ctype into buf. Returns the
 * SQLGetData return code; the statement is left in *out for diagnostics (caller frees). */
static SQLRETURN get1(const char *sql, SQLSMALLINT ctype, void *buf, SQLLEN len, SQLLEN *ind,
                      SQLHSTMT *out)
{
    *out = bct_exec(dbc, sql);
    if (!*out || !CHECK_OK(SQLFetch(*out), SQL_HANDLE_STMT, *out)) {
        return SQL_ERROR - 100;
    }
    return SQLGetData(*out, 1, ctype, buf, len, ind);
}

static void done(SQLHSTMT st)
{
    if (st) {
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
}

static double num_of(const cJSON *item, const char *key)
{
    const cJSON *v = cJSON_GetObjectItem(item, key);
    return cJSON_IsString(v) ? strtod(v->valuestring, NULL) : cJSON_GetNumberValue(v);
}

static double numeric_to_double(const SQL_NUMERIC_STRUCT *n)
{
    double v = 0, mult = 1;
    for (int i = 0; i < SQL_MAX_NUMERIC_LEN; i++) {
        v += n->val[i] * mult;
        mult *= 256;
    }
    v /= pow(10, n->scale);
    return n->sign ? v : -v;
}

static void integer_column_converts_to_numeric_and_text_types(void)
{
    SQLRETURN rc;
    SQLHSTMT st;
    SQLLEN ind;
    SQLINTEGER l = 0;
    rc = get1("SELECT id FROM Products WHERE id = 1", SQL_C_SLONG, &l, 0, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_INT(l, 1);
    CHECK_INT(ind, sizeof(SQLINTEGER));
    done(st);
    SQLBIGINT b = 0;
    rc = get1("SELECT id FROM Products WHERE id = 1", SQL_C_SBIGINT, &b, 0, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_INT(b, 1);
    done(st);
    SQLSMALLINT s = 0;
    rc = get1("SELECT id FROM Products WHERE id = 1", SQL_C_SSHORT, &s, 0, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_INT(s, 1);
    done(st);
    SQLSCHAR t = 0;
    rc = get1("SELECT id FROM Products WHERE id = 1", SQL_C_STINYINT, &t, 0, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_INT(t, 1);
    done(st);
    SQLDOUBLE d = 0;
    rc = get1("SELECT id FROM Products WHERE id = 1", SQL_C_DOUBLE, &d, 0, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK(d == 1.0);
    done(st);
    SQLREAL f = 0;
    rc = get1("SELECT id FROM Products WHERE id = 1", SQL_C_FLOAT, &f, 0, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK(f == 1.0f);
    done(st);
    SQLCHAR bit = 9;
    rc = get1("SELECT id FROM Products WHERE id = 1", SQL_C_BIT, &bit, 0, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_INT(bit, 1);
    done(st);
    char txt[32];
    rc = get1("SELECT id FROM Products WHERE id = 1", SQL_C_CHAR, txt, sizeof txt, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_STR(txt, "1");
    CHECK_INT(ind, 1);
    done(st);
    SQLINTEGER def = 0;
    rc = get1("SELECT id FROM Products WHERE id = 1", SQL_C_DEFAULT, &def, sizeof def, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_INT(def, 1);
    CHECK_INT(ind, sizeof(SQLINTEGER));
    done(st);
    unsigned char bin[16];
    rc = get1("SELECT id FROM Products WHERE id = 1", SQL_C_BINARY, bin, sizeof bin, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_MSG(ind > 0 && ind <= (SQLLEN)sizeof bin, "binary length %ld", (long)ind);
    done(st);
    SQL_DATE_STRUCT date;
    rc = get1("SELECT id FROM Products WHERE id = 1", SQL_C_TYPE_DATE, &date, 0, &ind, &st);
    CHECK_STATE(rc, SQL_HANDLE_STMT, st, "07006");
    done(st);
}

static void integer_out_of_range_gives_22003(void)
{
    SQLRETURN rc;
    SQLHSTMT st;
    SQLLEN ind;
    SQLSCHAR t = 0;
    rc = get1("SELECT id * 1000 FROM Products WHERE id = 1", SQL_C_STINYINT, &t, 0, &ind, &st);
    CHECK_STATE(rc, SQL_HANDLE_STMT, st, "22003");
    done(st);
}

static void decimal_money_converts_with_its_value(void)
{
    SQLRETURN rc;
    double want = num_of(product, "price");
    SQLHSTMT st;
    SQLLEN ind;
    SQLDOUBLE d = 0;
    rc = get1("SELECT price FROM Products WHERE id = 1", SQL_C_DOUBLE, &d, 0, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_MSG(fabs(d - want) < 0.00005, "price %f, sandbox %f", d, want);
    done(st);
    char txt[64];
    rc = get1("SELECT price FROM Products WHERE id = 1", SQL_C_CHAR, txt, sizeof txt, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_MSG(fabs(strtod(txt, NULL) - want) < 0.00005, "price text %s, sandbox %f", txt, want);
    done(st);
    SQL_NUMERIC_STRUCT n;
    memset(&n, 0, sizeof n);
    rc = get1("SELECT price FROM Products WHERE id = 1", SQL_C_NUMERIC, &n, sizeof n, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_MSG(fabs(numeric_to_double(&n) - want) < 0.00005, "numeric %f, sandbox %f",
              numeric_to_double(&n), want);
    done(st);
    /* ODBC: "fractional truncation" converting to an integer type is 01S07 */
    SQLINTEGER l = 0;
    rc = get1("SELECT price FROM Products WHERE id = 1", SQL_C_SLONG, &l, 0, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_INT(l, (long)want);
    if (want != floor(want)) {
        CHECK_INT(rc, SQL_SUCCESS_WITH_INFO);
        CHECK(bct_has_state(SQL_HANDLE_STMT, st, "01S07"));
    }
    done(st);
    /* v2 money arrives as a 4-decimal string */
    double total = num_of(order, "total_inc_tax");
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT total_inc_tax FROM Orders WHERE id = %d",
             (int)num_of(order, "id"));
    rc = get1(sql, SQL_C_DOUBLE, &d, 0, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_MSG(fabs(d - total) < 0.00005, "total %f, sandbox %f", d, total);
    done(st);
    SQLSCHAR t;
    if (total > 127) {
        rc = get1(sql, SQL_C_STINYINT, &t, 0, &ind, &st);
        CHECK_STATE(rc, SQL_HANDLE_STMT, st, "22003");
        done(st);
    }
}

static void double_and_bit_columns_convert(void)
{
    SQLRETURN rc;
    SQLHSTMT st;
    SQLLEN ind;
    SQLDOUBLE d = 0;
    rc = get1("SELECT weight FROM Products WHERE id = 1", SQL_C_DOUBLE, &d, 0, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_MSG(fabs(d - num_of(product, "weight")) < 1e-9, "weight %f", d);
    done(st);
    int want = cJSON_IsTrue(cJSON_GetObjectItem(product, "is_visible"));
    SQLCHAR bit = 9;
    rc = get1("SELECT is_visible FROM Products WHERE id = 1", SQL_C_BIT, &bit, 0, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_INT(bit, want);
    done(st);
    SQLINTEGER l = 9;
    rc = get1("SELECT is_visible FROM Products WHERE id = 1", SQL_C_SLONG, &l, 0, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_INT(l, want);
    done(st);
    char txt[8];
    rc = get1("SELECT is_visible FROM Products WHERE id = 1", SQL_C_CHAR, txt, sizeof txt, &ind,
              &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_STR(txt, want ? "1" : "0");
    done(st);
    rc = get1("SELECT is_visible FROM Products WHERE id = 1", SQL_C_DEFAULT, &bit, 1, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_INT(bit, want);
    done(st);
}

static void timestamp_columns_convert_to_utc_fields(void)
{
    SQLRETURN rc;
    SQL_TIMESTAMP_STRUCT want, ts;
    CHECK(bct_parse_date(bct_json_text(product, "date_created"), &want));
    SQLHSTMT st;
    SQLLEN ind;
    memset(&ts, 0, sizeof ts);
    rc = get1("SELECT date_created FROM Products WHERE id = 1", SQL_C_TYPE_TIMESTAMP, &ts, 0, &ind,
              &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK(ts.year == want.year && ts.month == want.month && ts.day == want.day &&
          ts.hour == want.hour && ts.minute == want.minute && ts.second == want.second);
    CHECK_INT(ind, sizeof ts);
    done(st);
    char txt[64], exp[64];
    snprintf(exp, sizeof exp, "%04d-%02u-%02u %02u:%02u:%02u", want.year, want.month, want.day,
             want.hour, want.minute, want.second);
    rc = get1("SELECT date_created FROM Products WHERE id = 1", SQL_C_CHAR, txt, sizeof txt, &ind,
              &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_MSG(strncmp(txt, exp, 19) == 0, "text %s, expected %s", txt, exp);
    done(st);
    SQL_DATE_STRUCT d;
    rc = get1("SELECT date_created FROM Products WHERE id = 1", SQL_C_TYPE_DATE, &d, 0, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK(d.year == want.year && d.month == want.month && d.day == want.day);
    if (want.hour || want.minute || want.second) {
        CHECK(bct_has_state(SQL_HANDLE_STMT, st, "01S07"));
    }
    done(st);
    SQL_TIME_STRUCT t;
    rc = get1("SELECT date_created FROM Products WHERE id = 1", SQL_C_TYPE_TIME, &t, 0, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK(t.hour == want.hour && t.minute == want.minute && t.second == want.second);
    done(st);
    SQLINTEGER l;
    rc = get1("SELECT date_created FROM Products WHERE id = 1", SQL_C_SLONG, &l, 0, &ind, &st);
    CHECK_STATE(rc, SQL_HANDLE_STMT, st, "07006");
    done(st);
    /* v2 dates are RFC 2822 with an offset */
    CHECK(bct_parse_date(bct_json_text(order, "date_created"), &want));
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT date_created FROM Orders WHERE id = %d",
             (int)num_of(order, "id"));
    rc = get1(sql, SQL_C_TYPE_TIMESTAMP, &ts, 0, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_MSG(ts.year == want.year && ts.month == want.month && ts.day == want.day &&
                  ts.hour == want.hour && ts.minute == want.minute && ts.second == want.second,
              "order date %04d-%02u-%02u %02u:%02u:%02u for \"%s\"", ts.year, ts.month, ts.day,
              ts.hour, ts.minute, ts.second, bct_json_text(order, "date_created"));
    done(st);
}

static void text_columns_convert_and_refuse_bad_casts(void)
{
    SQLRETURN rc;
    const char *name = bct_json_text(product, "name");
    SQLHSTMT st;
    SQLLEN ind;
    char txt[1024];
    rc = get1("SELECT name FROM Products WHERE id = 1", SQL_C_CHAR, txt, sizeof txt, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_STR(txt, name);
    CHECK_INT(ind, strlen(name));
    done(st);
    SQLWCHAR w[512];
    rc = get1("SELECT name FROM Products WHERE id = 1", SQL_C_DEFAULT, w, sizeof w, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    char *u = bct_u8(w, bct_wlen(w));
    CHECK_STR(u, name); /* SQL_C_DEFAULT of an NVARCHAR is SQL_C_WCHAR */
    free(u);
    done(st);
    unsigned char bin[1024];
    rc = get1("SELECT name FROM Products WHERE id = 1", SQL_C_BINARY, bin, sizeof bin, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_MSG(ind > 0, "binary length %ld", (long)ind);
    done(st);
    SQL_DATE_STRUCT d;
    rc = get1("SELECT name FROM Products WHERE id = 1", SQL_C_TYPE_DATE, &d, 0, &ind, &st);
    CHECK_STATE(rc, SQL_HANDLE_STMT, st, "22018|22007");
    done(st);
    SQLINTEGER l;
    rc = get1("SELECT name FROM Products WHERE id = 1", SQL_C_SLONG, &l, 0, &ind, &st);
    CHECK_STATE(rc, SQL_HANDLE_STMT, st, "22018");
    done(st);
    /* numeric text converts */
    rc = get1("SELECT '42'", SQL_C_SLONG, &l, 0, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_INT(l, 42);
    done(st);
    /* a JSON column comes back as JSON text */
    rc = get1("SELECT categories FROM Products WHERE id = 1", SQL_C_CHAR, txt, sizeof txt, &ind,
              &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    cJSON *parsed = cJSON_Parse(txt);
    CHECK_MSG(cJSON_Compare(parsed, cJSON_GetObjectItem(product, "categories"), 1), "categories %s",
              txt);
    cJSON_Delete(parsed);
    done(st);
}

static void null_gives_sql_null_data_indicator(void)
{
    SQLRETURN rc;
    SQLHSTMT st;
    SQLLEN ind = 0;
    SQLINTEGER l;
    rc = get1("SELECT NULL", SQL_C_SLONG, &l, 0, &ind, &st);
    CHECK_OK(rc, SQL_HANDLE_STMT, st);
    CHECK_INT(ind, SQL_NULL_DATA);
    done(st);
    rc = get1("SELECT NULL", SQL_C_SLONG, &l, 0, NULL, &st);
    CHECK_STATE(rc, SQL_HANDLE_STMT, st, "22002");
    done(st);
}

int main(int argc, char **argv)
{
    bct_init(argc, argv);
    const char *opts[] = {"--products", "10", "--orders", "5", "--customers", "5", NULL};
    if (!bct_sandbox_start(&sb, opts)) {
        return 1;
    }
    env = bct_env();
    dbc = bct_connect(env, &sb, NULL);
    cJSON *products = bct_sb_get_all(&sb, "/v3/catalog/products");
    cJSON *orders = bct_sb_get_all(&sb, "/v2/orders");
    product = cJSON_GetArrayItem(products, 0);
    order = cJSON_GetArrayItem(orders, 0);
    if (!dbc || !product || !order) {
        bct_sandbox_stop(&sb);
        return 1;
    }
    static const bct_test tests[] = {
        BCT_TEST(integer_column_converts_to_numeric_and_text_types),
        BCT_TEST(integer_out_of_range_gives_22003),
        BCT_TEST(decimal_money_converts_with_its_value),
        BCT_TEST(double_and_bit_columns_convert),
        BCT_TEST(timestamp_columns_convert_to_utc_fields),
        BCT_TEST(text_columns_convert_and_refuse_bad_casts),
        BCT_TEST(null_gives_sql_null_data_indicator),
    };
    int rc = bct_run(tests, (int)(sizeof tests / sizeof tests[0]));
    cJSON_Delete(products);
    cJSON_Delete(orders);
    bct_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    bct_sandbox_stop(&sb);
    return rc;
}
