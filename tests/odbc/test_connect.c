/*
 * Connecting through the driver manager: SQLDriverConnect completion modes, SQLConnect with a
 * DSN, connection-string errors, rejected tokens, an unreachable server, environment and
 * connection attributes, ODBC 2 applications.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bct_sandbox sb;
static SQLHENV env;

static SQLHDBC alloc_dbc(void)
{
    SQLHDBC dbc = SQL_NULL_HDBC;
    CHECK_OK(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc), SQL_HANDLE_ENV, env);
    return dbc;
}

static SQLRETURN driver_connect(SQLHDBC dbc, const char *cs, SQLUSMALLINT mode, char *out,
                                SQLSMALLINT outmax, SQLSMALLINT *outlen)
{
    return SQLDriverConnect(dbc, NULL, (SQLCHAR *)cs, SQL_NTS, (SQLCHAR *)out, outmax, outlen,
                            mode);
}

static void driverconnect_noprompt_connects_and_completes_out_string(void)
{
    SQLHDBC dbc = alloc_dbc();
    char out[2048] = "";
    SQLSMALLINT outlen = 0;
    SQLRETURN rc =
        driver_connect(dbc, bct_connstr(&sb, NULL), SQL_DRIVER_NOPROMPT, out, sizeof out, &outlen);
    CHECK_OK(rc, SQL_HANDLE_DBC, dbc);
    CHECK_INT(outlen, strlen(out));
    CHECK_MSG(strcasestr(out, "StoreId=sandbox") != NULL, "out string: %s", out);
    CHECK_MSG(strcasestr(out, "ApiBaseURL=") != NULL, "out string: %s", out);
    SQLUINTEGER dead = 99;
    CHECK_OK(SQLGetConnectAttr(dbc, SQL_ATTR_CONNECTION_DEAD, &dead, 0, NULL), SQL_HANDLE_DBC, dbc);
    CHECK_INT(dead, SQL_CD_FALSE);
    CHECK_OK(SQLDisconnect(dbc), SQL_HANDLE_DBC, dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

static void driverconnect_short_out_buffer_truncates_with_01004(void)
{
    SQLHDBC dbc = alloc_dbc();
    char out[10];
    SQLSMALLINT outlen = 0;
    SQLRETURN rc =
        driver_connect(dbc, bct_connstr(&sb, NULL), SQL_DRIVER_NOPROMPT, out, sizeof out, &outlen);
    CHECK_INT(rc, SQL_SUCCESS_WITH_INFO);
    CHECK(bct_has_state(SQL_HANDLE_DBC, dbc, "01004"));
    CHECK_MSG(outlen > (SQLSMALLINT)sizeof out, "full length %d", outlen);
    CHECK_INT(strlen(out), sizeof out - 1);
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

static void driverconnect_noprompt_missing_store_id_fails_without_blocking(void)
{
    SQLHDBC dbc = alloc_dbc();
    char cs[1024];
    snprintf(cs, sizeof cs, "Driver=BigCommerce;OAuthAccessToken=%s;ApiBaseURL=%s", sb.token,
             sb.url);
    long long t0 = sandbox_now_ms();
    SQLRETURN rc = driver_connect(dbc, cs, SQL_DRIVER_NOPROMPT, NULL, 0, NULL);
    CHECK_MSG(sandbox_now_ms() - t0 < 5000, "took %lld ms", sandbox_now_ms() - t0);
    CHECK_INT(rc, SQL_ERROR);
    char state[6], msg[1024];
    bct_diag(SQL_HANDLE_DBC, dbc, state, msg, sizeof msg);
    CHECK_MSG(strstr(msg, "StoreId") != NULL, "message should name StoreId: %s %s", state, msg);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

/* Without a window handle the driver cannot prompt: COMPLETE and PROMPT with full information
 * connect, COMPLETE_REQUIRED with a missing required key fails, and none of them blocks. */
static void driverconnect_other_modes_without_window_never_block(void)
{
    const SQLUSMALLINT modes[] = {SQL_DRIVER_COMPLETE, SQL_DRIVER_COMPLETE_REQUIRED,
                                  SQL_DRIVER_PROMPT};
    for (int i = 0; i < 3; i++) {
        SQLHDBC dbc = alloc_dbc();
        long long t0 = sandbox_now_ms();
        SQLRETURN rc = driver_connect(dbc, bct_connstr(&sb, NULL), modes[i], NULL, 0, NULL);
        CHECK_MSG(sandbox_now_ms() - t0 < 5000, "mode %d took %lld ms", modes[i],
                  sandbox_now_ms() - t0);
        if (modes[i] == SQL_DRIVER_PROMPT && rc == SQL_ERROR) {
            char state[6];
            CHECK_MSG(SQL_SUCCEEDED(bct_diag(SQL_HANDLE_DBC, dbc, state, NULL, 0)),
                      "PROMPT failed without a diagnostic");
        } else {
            CHECK_OK(rc, SQL_HANDLE_DBC, dbc);
        }
        if (SQL_SUCCEEDED(rc)) {
            SQLDisconnect(dbc);
        }
        SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    }
    SQLHDBC dbc = alloc_dbc();
    char cs[1024];
    snprintf(cs, sizeof cs, "Driver=BigCommerce;OAuthAccessToken=%s;ApiBaseURL=%s", sb.token,
             sb.url);
    long long t0 = sandbox_now_ms();
    SQLRETURN rc = driver_connect(dbc, cs, SQL_DRIVER_COMPLETE_REQUIRED, NULL, 0, NULL);
    CHECK_MSG(sandbox_now_ms() - t0 < 5000, "took %lld ms", sandbox_now_ms() - t0);
    CHECK_INT(rc, SQL_ERROR);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

static void connect_with_dsn_uses_odbc_ini_values(void)
{
    char store[128], token[160], base[200];
    snprintf(store, sizeof store, "StoreId=%s", sb.store_hash);
    snprintf(token, sizeof token, "OAuthAccessToken=%s", sb.token);
    snprintf(base, sizeof base, "ApiBaseURL=%s", sb.url);
    const char *props[] = {store, token, base, NULL};
    bct_add_dsn("bcdsn", props);
    SQLHDBC dbc = alloc_dbc();
    CHECK_OK(SQLConnect(dbc, (SQLCHAR *)"bcdsn", SQL_NTS, NULL, 0, NULL, 0), SQL_HANDLE_DBC, dbc);
    char name[64] = "";
    SQLSMALLINT len = 0;
    CHECK_OK(SQLGetInfo(dbc, SQL_DATA_SOURCE_NAME, name, sizeof name, &len), SQL_HANDLE_DBC, dbc);
    CHECK_STR(name, "bcdsn");
    SQLHSTMT st = bct_exec(dbc, "SELECT COUNT(*) FROM Brands");
    if (st) {
        cJSON *brands = bct_sb_get_all(&sb, "/v3/catalog/brands");
        char n[32];
        CHECK_OK(SQLFetch(st), SQL_HANDLE_STMT, st);
        bct_get_text(st, 1, n, sizeof n);
        CHECK_INT(atoi(n), cJSON_GetArraySize(brands));
        cJSON_Delete(brands);
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
    bct_disconnect(dbc);
}

static void connection_string_beats_dsn(void)
{
    char store[128], base[200];
    snprintf(store, sizeof store, "StoreId=%s", sb.store_hash);
    snprintf(base, sizeof base, "ApiBaseURL=%s", sb.url);
    const char *props[] = {store, "OAuthAccessToken=wrong-token", base, NULL};
    bct_add_dsn("bcdsn_badtoken", props);
    SQLHDBC dbc = alloc_dbc();
    CHECK_STATE(SQLConnect(dbc, (SQLCHAR *)"bcdsn_badtoken", SQL_NTS, NULL, 0, NULL, 0),
                SQL_HANDLE_DBC, dbc, "28000");
    char cs[512];
    snprintf(cs, sizeof cs, "DSN=bcdsn_badtoken;oauthaccesstoken=%s", sb.token);
    CHECK_OK(driver_connect(dbc, cs, SQL_DRIVER_NOPROMPT, NULL, 0, NULL), SQL_HANDLE_DBC, dbc);
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

static void connect_checks_token_with_one_store_request(void)
{
    bct_sb_clear_requests(&sb);
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    cJSON *log = bct_sb_requests(&sb);
    int n = cJSON_GetArraySize(log);
    CHECK_INT(n, 1);
    const char *path =
        cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(log, 0), "path"));
    char want[128];
    snprintf(want, sizeof want, "/stores/%s/v2/store", sb.store_hash);
    CHECK_STR(path, want);
    cJSON_Delete(log);
    bct_disconnect(dbc);
}

static void bad_token_fails_at_connect_with_28000(void)
{
    SQLHDBC dbc = alloc_dbc();
    char cs[1024];
    snprintf(cs, sizeof cs, "Driver=BigCommerce;StoreId=%s;OAuthAccessToken=nope;ApiBaseURL=%s",
             sb.store_hash, sb.url);
    CHECK_STATE(driver_connect(dbc, cs, SQL_DRIVER_NOPROMPT, NULL, 0, NULL), SQL_HANDLE_DBC, dbc,
                "28000");
    char state[6], msg[1024];
    bct_diag(SQL_HANDLE_DBC, dbc, state, msg, sizeof msg);
    CHECK_MSG(strstr(msg, "nope") == NULL, "the token appears in the message: %s", msg);
    CHECK_MSG(strstr(msg, "[BigCommerce][ODBC]") != NULL, "message prefix: %s", msg);
    SQLINTEGER native = 0;
    SQLGetDiagField(SQL_HANDLE_DBC, dbc, 1, SQL_DIAG_NATIVE, &native, 0, NULL);
    CHECK_INT(native, 401);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

static void sandbox_down_gives_08001_or_08s01(void)
{
    bct_sandbox dead;
    if (!bct_sandbox_start(&dead, NULL)) {
        return;
    }
    SQLHDBC live = bct_connect(env, &dead, NULL);
    bct_sandbox_stop(&dead);
    SQLHDBC dbc = alloc_dbc();
    CHECK_STATE(
        driver_connect(dbc, bct_connstr(&dead, "Timeout=5"), SQL_DRIVER_NOPROMPT, NULL, 0, NULL),
        SQL_HANDLE_DBC, dbc, "08001|08S01");
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    if (live) { /* connected before the server went away: the query fails instead */
        SQLHSTMT st = bct_stmt(live);
        CHECK_STATE(SQLExecDirect(st, (SQLCHAR *)"SELECT * FROM Products", SQL_NTS),
                    SQL_HANDLE_STMT, st, "08S01|08001");
        SQLFreeHandle(SQL_HANDLE_STMT, st);
        bct_disconnect(live);
    }
}

static void bad_initiate_oauth_names_property_and_allowed_values(void)
{
    SQLHDBC dbc = alloc_dbc();
    SQLRETURN rc = driver_connect(dbc, bct_connstr(&sb, "InitiateOAuth=SOMETIMES"),
                                  SQL_DRIVER_NOPROMPT, NULL, 0, NULL);
    CHECK_INT(rc, SQL_ERROR);
    char state[6], msg[1024];
    bct_diag(SQL_HANDLE_DBC, dbc, state, msg, sizeof msg);
    CHECK_MSG(strstr(msg, "InitiateOAuth") && strstr(msg, "GETANDREFRESH") &&
                  strstr(msg, "REFRESH") && strstr(msg, "OFF"),
              "message: %s %s", state, msg);
    CHECK_MSG(strcmp(state, "HY024") == 0 || strcmp(state, "08001") == 0, "state %s", state);
    /* the same for a number that is not one */
    rc = driver_connect(dbc, bct_connstr(&sb, "Timeout=soon"), SQL_DRIVER_NOPROMPT, NULL, 0, NULL);
    CHECK_INT(rc, SQL_ERROR);
    bct_diag(SQL_HANDLE_DBC, dbc, state, msg, sizeof msg);
    CHECK_MSG(strstr(msg, "Timeout") != NULL, "message: %s %s", state, msg);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

static void no_token_connects_and_data_query_fails_with_28000(void)
{
    SQLHDBC dbc = alloc_dbc();
    char cs[1024];
    snprintf(cs, sizeof cs, "Driver=BigCommerce;StoreId=%s;ApiBaseURL=%s", sb.store_hash, sb.url);
    if (!CHECK_OK(driver_connect(dbc, cs, SQL_DRIVER_NOPROMPT, NULL, 0, NULL), SQL_HANDLE_DBC,
                  dbc)) {
        SQLFreeHandle(SQL_HANDLE_DBC, dbc);
        return;
    }
    SQLHSTMT st = bct_stmt(dbc);
    CHECK_STATE(SQLExecDirect(st, (SQLCHAR *)"SELECT id FROM Products", SQL_NTS), SQL_HANDLE_STMT,
                st, "28000");
    char state[6], msg[1024];
    bct_diag(SQL_HANDLE_STMT, st, state, msg, sizeof msg);
    CHECK_MSG(strstr(msg, "OAuthAccessToken") != NULL, "message should say what to set: %s", msg);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    bct_disconnect(dbc);
}

static void env_attributes_round_trip(void)
{
    SQLINTEGER v = 0;
    CHECK_OK(SQLGetEnvAttr(env, SQL_ATTR_ODBC_VERSION, &v, 0, NULL), SQL_HANDLE_ENV, env);
    CHECK_INT(v, SQL_OV_ODBC3_80);
    CHECK_OK(SQLGetEnvAttr(env, SQL_ATTR_OUTPUT_NTS, &v, 0, NULL), SQL_HANDLE_ENV, env);
    CHECK_INT(v, SQL_TRUE);
}

/* An ODBC 2 application: the DM maps its calls; dates are reported as SQL_TIMESTAMP (11). */
static void odbc2_application_connects_and_queries(void)
{
    SQLHENV e2 = SQL_NULL_HENV;
    SQLHDBC dbc = SQL_NULL_HDBC;
    SQLHSTMT st = SQL_NULL_HSTMT;
    CHECK_OK(SQLAllocEnv(&e2), SQL_HANDLE_ENV, e2);
    CHECK_OK(SQLAllocConnect(e2, &dbc), SQL_HANDLE_ENV, e2);
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)bct_connstr(&sb, NULL), SQL_NTS, NULL, 0,
                                    NULL, SQL_DRIVER_NOPROMPT);
    if (!CHECK_OK(rc, SQL_HANDLE_DBC, dbc)) {
        SQLFreeConnect(dbc);
        SQLFreeEnv(e2);
        return;
    }
    CHECK_OK(SQLAllocStmt(dbc, &st), SQL_HANDLE_DBC, dbc);
    CHECK_OK(SQLExecDirect(st, (SQLCHAR *)"SELECT id, date_created FROM Orders", SQL_NTS),
             SQL_HANDLE_STMT, st);
    SQLSMALLINT type = 0;
    CHECK_OK(SQLDescribeCol(st, 2, NULL, 0, NULL, &type, NULL, NULL, NULL), SQL_HANDLE_STMT, st);
    CHECK_INT(type, SQL_TIMESTAMP);
    cJSON *orders = bct_sb_get_all(&sb, "/v2/orders");
    CHECK_INT(bct_count_rows(st), cJSON_GetArraySize(orders));
    cJSON_Delete(orders);
    SQLFreeStmt(st, SQL_DROP);
    SQLDisconnect(dbc);
    SQLFreeConnect(dbc);
    SQLFreeEnv(e2);
}

static void connection_attributes_round_trip(void)
{
    SQLHDBC dbc = bct_connect(env, &sb, NULL);
    if (!dbc) {
        return;
    }
    SQLUINTEGER v = 0;
    CHECK_OK(SQLGetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, &v, 0, NULL), SQL_HANDLE_DBC, dbc);
    CHECK_INT(v, SQL_AUTOCOMMIT_ON);
    CHECK_OK(SQLSetConnectAttr(dbc, SQL_ATTR_ACCESS_MODE, (SQLPOINTER)SQL_MODE_READ_ONLY, 0),
             SQL_HANDLE_DBC, dbc);
    CHECK_OK(SQLGetConnectAttr(dbc, SQL_ATTR_ACCESS_MODE, &v, 0, NULL), SQL_HANDLE_DBC, dbc);
    CHECK_INT(v, SQL_MODE_READ_ONLY);
    CHECK_OK(SQLSetConnectAttr(dbc, SQL_ATTR_CONNECTION_TIMEOUT, (SQLPOINTER)7, 0), SQL_HANDLE_DBC,
             dbc);
    CHECK_OK(SQLGetConnectAttr(dbc, SQL_ATTR_CONNECTION_TIMEOUT, &v, 0, NULL), SQL_HANDLE_DBC, dbc);
    CHECK_INT(v, 7);
    CHECK_OK(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT), SQL_HANDLE_DBC, dbc);
    CHECK_OK(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_ROLLBACK), SQL_HANDLE_DBC, dbc);
    bct_disconnect(dbc);
}

int main(int argc, char **argv)
{
    bct_init(argc, argv);
    const char *opts[] = {"--products", "30", "--orders", "12", "--customers", "8", NULL};
    if (!bct_sandbox_start(&sb, opts)) {
        return 1;
    }
    env = bct_env();
    static const bct_test tests[] = {
        BCT_TEST(driverconnect_noprompt_connects_and_completes_out_string),
        BCT_TEST(driverconnect_short_out_buffer_truncates_with_01004),
        BCT_TEST(driverconnect_noprompt_missing_store_id_fails_without_blocking),
        BCT_TEST(driverconnect_other_modes_without_window_never_block),
        BCT_TEST(connect_with_dsn_uses_odbc_ini_values),
        BCT_TEST(connection_string_beats_dsn),
        BCT_TEST(connect_checks_token_with_one_store_request),
        BCT_TEST(bad_token_fails_at_connect_with_28000),
        BCT_TEST(sandbox_down_gives_08001_or_08s01),
        BCT_TEST(bad_initiate_oauth_names_property_and_allowed_values),
        BCT_TEST(no_token_connects_and_data_query_fails_with_28000),
        BCT_TEST(env_attributes_round_trip),
        BCT_TEST(odbc2_application_connects_and_queries),
        BCT_TEST(connection_attributes_round_trip),
    };
    int rc = bct_run(tests, (int)(sizeof tests / sizeof tests[0]));
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    bct_sandbox_stop(&sb);
    return rc;
}
