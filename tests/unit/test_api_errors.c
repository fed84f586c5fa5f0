/* Unit tests of the REST client's error mapping, URL building and readiness checks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bc_api.h"
#include "api/api_internal.h"

static bc_error map(long status, const char *body)
{
    bc_error e;
    bc_error_clear(&e);
    bc_api_error_from_response(status, body, &e);
    return e;
}

static void unauthorized_v3_body_is_28000_with_title(void **state)
{
    bc_error e = map(401, "{\"status\":401,\"title\":\"Unauthorized token\",\"type\":\"x\","
                          "\"errors\":{}}");
    (void)state;
    assert_string_equal(e.sqlstate, "28000");
    assert_int_equal(e.native, 401);
    assert_non_null(strstr(e.message, "Unauthorized token"));
    assert_non_null(strstr(e.message, "HTTP 401"));
    assert_non_null(strstr(e.message, "OAuthAccessToken"));
}

static void forbidden_is_28000_and_mentions_scope(void **state)
{
    bc_error e = map(403, "[{\"status\":403,\"message\":\"You don't have a required scope\"}]");
    (void)state;
    assert_string_equal(e.sqlstate, "28000");
    assert_int_equal(e.native, 403);
    assert_non_null(strstr(e.message, "You don't have a required scope"));
    assert_non_null(strstr(e.message, "scope"));
}

static void unprocessable_v3_lists_field_errors(void **state)
{
    bc_error e = map(422, "{\"status\":422,\"title\":\"JSON data is missing or invalid\","
                          "\"type\":\"t\",\"errors\":{\"name\":\"name is required\","
                          "\"price\":\"price must be >= 0\"}}");
    (void)state;
    assert_string_equal(e.sqlstate, "HY000");
    assert_int_equal(e.native, 422);
    assert_non_null(strstr(e.message, "JSON data is missing or invalid"));
    assert_non_null(strstr(e.message, "name: name is required"));
    assert_non_null(strstr(e.message, "price: price must be >= 0"));
}

static void v2_error_array_messages_are_joined(void **state)
{
    bc_error e = map(400, "[{\"status\":400,\"message\":\"The field 'x' is invalid.\"},"
                          "{\"status\":400,\"message\":\"Second problem.\"}]");
    (void)state;
    assert_string_equal(e.sqlstate, "HY000");
    assert_int_equal(e.native, 400);
    assert_non_null(strstr(e.message, "The field 'x' is invalid.; Second problem."));
}

static void not_found_and_conflict_are_hy000(void **state)
{
    bc_error e = map(404, "{\"status\":404,\"title\":\"The requested resource was not found\"}");
    (void)state;
    assert_string_equal(e.sqlstate, "HY000");
    assert_int_equal(e.native, 404);
    assert_non_null(strstr(e.message, "The requested resource was not found"));
    e = map(409, "{\"status\":409,\"title\":\"Duplicate SKU\"}");
    assert_string_equal(e.sqlstate, "HY000");
    assert_non_null(strstr(e.message, "Duplicate SKU"));
}

static void server_errors_are_08s01(void **state)
{
    bc_error e = map(503, "{\"status\":503,\"title\":\"Service Unavailable\"}");
    (void)state;
    assert_string_equal(e.sqlstate, "08S01");
    assert_int_equal(e.native, 503);
    assert_non_null(strstr(e.message, "Service Unavailable"));
    e = map(500, NULL);
    assert_string_equal(e.sqlstate, "08S01");
    assert_int_equal(e.native, 500);
}

static void rate_limited_after_retries_is_hy000(void **state)
{
    bc_error e = map(429, "{\"status\":429,\"title\":\"Too many requests\",\"errors\":{}}");
    (void)state;
    assert_string_equal(e.sqlstate, "HY000");
    assert_int_equal(e.native, 429);
    assert_non_null(strstr(e.message, "Too many requests"));
}

static void html_body_is_not_quoted_plain_text_is(void **state)
{
    bc_error e = map(502, "<html><body>Bad gateway</body></html>");
    (void)state;
    assert_string_equal(e.sqlstate, "08S01");
    assert_null(strstr(e.message, "<html>"));
    e = map(418, "short teapot text");
    assert_string_equal(e.sqlstate, "HY000");
    assert_non_null(strstr(e.message, "short teapot text"));
}

static void huge_detail_is_cut_and_fits(void **state)
{
    char *body = malloc(5000);
    bc_error e;
    (void)state;
    strcpy(body, "{\"title\":\"");
    memset(body + 10, 'x', 4000);
    strcpy(body + 4010, "\"}");
    e = map(422, body);
    assert_non_null(strstr(e.message, "..."));
    assert_true(strlen(e.message) < sizeof e.message);
    free(body);
}

/* A quoted detail that ends a sentence of its own meets the advice with one period. */
static void joined_sentences_keep_one_period(void **state)
{
    bc_error e = map(401, "{\"status\":401,\"title\":\"The access token has expired.\"}");
    bc_error f;
    (void)state;
    assert_non_null(strstr(e.message, "has expired. Check"));
    assert_null(strstr(e.message, ".."));
    bc_error_clear(&f);
    bc_error_set(&f, "HY000", 0, "%s. %s", "cut short...", "Then this; ../dir stays..");
    assert_string_equal(f.message, "cut short... Then this; ../dir stays.");
}

static void malformed_json_body_is_an_error_not_a_crash(void **state)
{
    const char *bad = "{\"data\":[{\"id\":1},";
    cJSON *out = (cJSON *)1;
    bc_error e;
    (void)state;
    bc_error_clear(&e);
    assert_int_equal(bc_api_parse_body(200, bad, strlen(bad), &out, &e), -1);
    assert_null(out);
    assert_string_equal(e.sqlstate, "08S01");
    assert_non_null(strstr(e.message, "BigCommerce sent a damaged response"));
}

/* Parse body as expect says; the SQLSTATE ("" when it parsed) and the document. The same
 * bytes as a response (NUL-terminated, parsed where they lie) must give the same answer. */
static const char *parse_as(const char *body, size_t len, bc_api_expect expect, cJSON **out)
{
    static bc_error e;
    bc_error e2;
    bc_http_response resp;
    cJSON *doc2 = NULL;
    bc_error_clear(&e);
    bc_error_clear(&e2);
    bc_http_response_init(&resp);
    resp.status = 200;
    resp.body_len = len;
    if (len > 0) {
        resp.body = malloc(len + 1);
        assert_non_null(resp.body);
        memcpy(resp.body, body, len);
        resp.body[len] = '\0';
    }
    bc_api_parse_expected(200, body, len, expect, out, &e);
    bc_api_parse_response(&resp, expect, &doc2, &e2);
    assert_string_equal(e.sqlstate, e2.sqlstate);
    assert_true(*out == NULL ? doc2 == NULL : cJSON_Compare(*out, doc2, true));
    cJSON_Delete(doc2);
    bc_http_response_free(&resp);
    return e.sqlstate;
}

static void damaged_bodies_are_08s01(void **state)
{
    static const struct {
        const char *body;
        size_t len;
        bc_api_expect expect;
    } cases[] = {
        {"{\"data\":[{\"status\":\"Co\x01mpleted\"}]}", 32, BC_API_EXPECT_V3}, /* raw control */
        {"{\"data\":[{\"status\":\"Co\0mpleted\"}]}", 32, BC_API_EXPECT_V3},   /* raw NUL */
        {"{\"data\":[]}\0", 13, BC_API_EXPECT_V3},                             /* NUL after */
        {"{\"data\":[]}<html>", 17, BC_API_EXPECT_V3},                         /* trailing */
        {"<html><body>Bad gateway</body></html>", 37, BC_API_EXPECT_JSON},
        {"{\"meta\":{}}", 11, BC_API_EXPECT_V3},     /* no data */
        {"{\"id\":1}", 8, BC_API_EXPECT_V2_LIST},    /* not a list */
        {"", 0, BC_API_EXPECT_V2_LIST},              /* 200, no body */
        {"{\"data\":[\"ab", 12, BC_API_EXPECT_V3},   /* a string left open */
        {"{\"data\":[\"ab\\", 13, BC_API_EXPECT_V3}, /* ... on an escape */
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cJSON *out = (cJSON *)1;
        assert_string_equal(parse_as(cases[i].body, cases[i].len, cases[i].expect, &out), "08S01");
        assert_null(out);
    }
}

/* The body check reads strings eight bytes at a time: a control byte, a quote or an escape
 * at any offset of a long string is found where it is. */
static void long_strings_are_checked_at_every_offset(void **state)
{
    (void)state;
    for (int len = 0; len < 40; len++) {
        char body[160], text[64];
        cJSON *out = NULL;
        memset(text, 'x', (size_t)len);
        text[len] = '\0';
        snprintf(body, sizeof body, "[\"%s\",\"%s\\\"y\"]", text, text);
        assert_string_equal(parse_as(body, strlen(body), BC_API_EXPECT_V2_LIST, &out), "");
        assert_string_equal(cJSON_GetArrayItem(out, 0)->valuestring, text);
        assert_int_equal(strlen(cJSON_GetArrayItem(out, 1)->valuestring), (size_t)len + 2);
        cJSON_Delete(out);
        for (int at = 0; at < len; at++) {
            char bad[64];
            memcpy(bad, text, (size_t)len + 1);
            bad[at] = '\x1f';
            snprintf(body, sizeof body, "[\"%s\"]", bad);
            assert_string_equal(parse_as(body, strlen(body), BC_API_EXPECT_V2_LIST, &out), "08S01");
            assert_null(out);
        }
    }
}

/* An escaped NUL is legal JSON: the value is kept whole, the NUL read as U+FFFD. */
static void escaped_nul_keeps_the_whole_value(void **state)
{
    const char *body = "[{\"status\":\"Co\\u0000mpleted\",\"n\":\"\\\\u0000\"}]";
    cJSON *out = NULL;
    (void)state;
    assert_string_equal(parse_as(body, strlen(body), BC_API_EXPECT_V2_LIST, &out), "");
    assert_string_equal(
        cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(out, 0), "status")->valuestring,
        "Co\xEF\xBF\xBDmpleted");
    /* An escaped backslash followed by u0000 is text, not an escape. */
    assert_string_equal(
        cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(out, 0), "n")->valuestring, "\\u0000");
    cJSON_Delete(out);
}

static void empty_and_204_bodies_give_null_document(void **state)
{
    cJSON *out = (cJSON *)1;
    bc_error e;
    (void)state;
    bc_error_clear(&e);
    assert_int_equal(bc_api_parse_body(204, NULL, 0, &out, &e), 0);
    assert_null(out);
    assert_int_equal(bc_api_parse_body(200, "", 0, &out, &e), 0);
    assert_null(out);
    assert_int_equal(bc_api_parse_body(200, "[1]", 3, &out, &e), 0);
    assert_true(cJSON_IsArray(out));
    cJSON_Delete(out);
}

static bc_api *api_with(const char *store, const char *token)
{
    bc_api_config cfg = {.base_url = "http://127.0.0.1:1/",
                         .store_hash = store,
                         .access_token = token,
                         .page_size = 50};
    bc_error e;
    bc_api *a;
    bc_error_clear(&e);
    a = bc_api_new(&cfg, &e);
    assert_non_null(a);
    assert_false(bc_error_is_set(&e));
    return a;
}

static void token_never_appears_in_a_message(void **state)
{
    const char *token = "tok_5ecr3t_abcdef";
    bc_api *a = api_with("abc123", token);
    bc_error e;
    (void)state;
    bc_error_clear(&e);
    bc_api_error_from_response(401, "{\"title\":\"Invalid token tok_5ecr3t_abcdef given\"}", &e);
    bc_api_redact(a, &e);
    assert_null(strstr(e.message, token));
    assert_non_null(strstr(e.message, "Invalid token **** given"));
    bc_api_free(a);
}

static void missing_token_fails_data_requests_with_28000(void **state)
{
    bc_api *a = api_with("abc123", NULL);
    cJSON *out = NULL;
    bc_error e;
    (void)state;
    assert_false(bc_api_has_token(a));
    bc_error_clear(&e);
    assert_int_equal(bc_api_get(a, "/v3/catalog/products", &out, NULL, &e), -1);
    assert_string_equal(e.sqlstate, "28000");
    assert_non_null(strstr(e.message, "set OAuthAccessToken"));
    assert_non_null(strstr(e.message, "InitiateOAuth=GETANDREFRESH"));
    assert_int_equal(bc_api_request_count(a), 0);
    assert_int_equal(bc_api_set_token(a, "t"), 0);
    assert_true(bc_api_has_token(a));
    bc_api_free(a);
}

static void missing_store_fails_with_08001(void **state)
{
    bc_api *a = api_with(NULL, "t");
    bc_error e;
    (void)state;
    bc_error_clear(&e);
    assert_int_equal(bc_api_ping(a, &e), -1);
    assert_string_equal(e.sqlstate, "08001");
    assert_non_null(strstr(e.message, "set StoreId"));
    bc_api_free(a);
}

static void url_is_base_stores_hash_path(void **state)
{
    char *u =
        bc_api_build_url("https://api.bigcommerce.com", "abc123", "/v3/catalog/products?id:in=1,2");
    (void)state;
    assert_string_equal(u,
                        "https://api.bigcommerce.com/stores/abc123/v3/catalog/products?id:in=1,2");
    free(u);
    u = bc_api_build_url("http://h", "ab/c", "v2/store");
    assert_string_equal(u, "http://h/stores/ab%2Fc/v2/store");
    free(u);
}

static void trailing_slash_of_base_url_is_dropped(void **state)
{
    bc_api *a = api_with("s", "t");
    (void)state;
    assert_string_equal(a->base_url, "http://127.0.0.1:1");
    bc_api_free(a);
}

static void query_join_uses_question_mark_then_ampersand(void **state)
{
    char *s = bc_api_join_query("/v3/x", "page=2");
    (void)state;
    assert_string_equal(s, "/v3/x?page=2");
    free(s);
    s = bc_api_join_query("/v3/x?a=1", "page=2");
    assert_string_equal(s, "/v3/x?a=1&page=2");
    free(s);
    s = bc_api_join_query("/v3/x", NULL);
    assert_string_equal(s, "/v3/x");
    free(s);
}

static void child_paths_are_those_below_a_numeric_id(void **state)
{
    (void)state;
    assert_true(bc_api_is_child_path("/v2/orders/12/products"));
    assert_true(bc_api_is_child_path("/v3/catalog/products/7/images?limit=5"));
    assert_false(bc_api_is_child_path("/v2/orders"));
    assert_false(bc_api_is_child_path("/v2/orders/12"));
    assert_false(bc_api_is_child_path("/v3/catalog/products?id=12/x"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unauthorized_v3_body_is_28000_with_title),
        cmocka_unit_test(forbidden_is_28000_and_mentions_scope),
        cmocka_unit_test(unprocessable_v3_lists_field_errors),
        cmocka_unit_test(v2_error_array_messages_are_joined),
        cmocka_unit_test(not_found_and_conflict_are_hy000),
        cmocka_unit_test(server_errors_are_08s01),
        cmocka_unit_test(rate_limited_after_retries_is_hy000),
        cmocka_unit_test(html_body_is_not_quoted_plain_text_is),
        cmocka_unit_test(huge_detail_is_cut_and_fits),
        cmocka_unit_test(joined_sentences_keep_one_period),
        cmocka_unit_test(malformed_json_body_is_an_error_not_a_crash),
        cmocka_unit_test(damaged_bodies_are_08s01),
        cmocka_unit_test(long_strings_are_checked_at_every_offset),
        cmocka_unit_test(escaped_nul_keeps_the_whole_value),
        cmocka_unit_test(empty_and_204_bodies_give_null_document),
        cmocka_unit_test(token_never_appears_in_a_message),
        cmocka_unit_test(missing_token_fails_data_requests_with_28000),
        cmocka_unit_test(missing_store_fails_with_08001),
        cmocka_unit_test(url_is_base_stores_hash_path),
        cmocka_unit_test(trailing_slash_of_base_url_is_dropped),
        cmocka_unit_test(query_join_uses_question_mark_then_ampersand),
        cmocka_unit_test(child_paths_are_those_below_a_numeric_id),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
