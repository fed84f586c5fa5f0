/*
 * The body of a 2xx response, checked before anything is built on it (issue: a damaged 200
 * body must be retried like a 5xx, never cached, never half-read). A body is bytes with a
 * length: it is scanned once for what cJSON would accept but read wrongly, then parsed with
 * that length, then its envelope is compared with what the caller expects.
 *   - a raw byte below 0x20 inside a string (JSON forbids it; cJSON would keep it, and a raw
 *     NUL would silently cut the value short) and a NUL byte anywhere: damaged;
 *   - an escaped \u0000 is legal JSON, but cJSON stores strings NUL-terminated and would cut
 *     the value there: it is read as U+FFFD (the Unicode replacement character), so the
 *     rest of the value is kept;
 *   - trailing bytes after the JSON value (an HTML error page glued to a body): damaged.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"
#include "api_internal.h"

/* The escape that replaces \u0000: as long as it, so the copy keeps the body's length. */
static const char nul_escape[] = "\\u0000";
static const char replacement_escape[] = "\\uFFFD";

/* Scan body[0..len) as JSON text: *why names the first damage (NULL when none), *nul_escapes
 * counts escaped \u0000 inside strings. Only strings are looked at; cJSON judges the rest. */
static void scan(const char *body, size_t len, const char **why, size_t *nul_escapes)
{
    bool in_string = false;

    *why = NULL;
    *nul_escapes = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)body[i];
        if (c == '\0') {
            *why = "a NUL byte in the body";
            return;
        }
        if (!in_string) {
            in_string = c == '"';
            continue;
        }
        if (c < 0x20) {
            *why = "a raw control character inside a string";
            return;
        }
        if (c == '"') {
            in_string = false;
        } else if (c == '\\' && i + 1 < len) {
            if (len - i >= 6 && memcmp(body + i, nul_escape, 6) == 0)
                (*nul_escapes)++;
            i++; /* the escaped character is never a quote that ends the string */
        }
    }
}

/* A NUL-terminated copy of body (cJSON's end test reads the byte after the text) in which
 * every escaped \u0000 inside a string, if any, is replaced. */
static char *copy_for_parse(const char *body, size_t len, size_t nul_escapes)
{
    char *copy = malloc(len + 1);
    bool in_string = false;

    if (copy == NULL)
        return NULL;
    memcpy(copy, body, len);
    copy[len] = '\0';
    for (size_t i = 0; nul_escapes > 0 && i < len; i++) {
        if (!in_string) {
            in_string = copy[i] == '"';
        } else if (copy[i] == '"') {
            in_string = false;
        } else if (copy[i] == '\\' && i + 1 < len) {
            if (len - i >= 6 && memcmp(copy + i, nul_escape, 6) == 0)
                memcpy(copy + i, replacement_escape, 6);
            i++;
        }
    }
    return copy;
}

/* Parse exactly text[0..len) (NUL-terminated): trailing bytes fail. NULL when not one
 * complete JSON value; *cut tells that the text ended before the value did (truncated). */
static cJSON *parse_exact(const char *text, size_t len, bool *cut)
{
    const char *end = NULL;
    cJSON *doc = cJSON_ParseWithLengthOpts(text, len + 1, &end, true);

    *cut = doc == NULL && end != NULL && (size_t)(end - text) >= len;
    return doc;
}

static bool envelope_ok(const cJSON *doc, bc_api_expect expect)
{
    switch (expect) {
    case BC_API_EXPECT_V3: {
        /* {"data": [...]}, {"data": {...}} or an explicit {"data": null} (nothing); a
         * missing or scalar data is no envelope. */
        const cJSON *data = cJSON_GetObjectItemCaseSensitive(doc, "data");
        return cJSON_IsObject(doc) &&
               (cJSON_IsArray(data) || cJSON_IsObject(data) || cJSON_IsNull(data));
    }
    case BC_API_EXPECT_V2_LIST:
        return cJSON_IsArray(doc);
    default:
        return true;
    }
}

static int damaged(long status, const char *what, bc_error *err)
{
    return bc_error_set(err, "08S01", status,
                        "BigCommerce sent a damaged response (HTTP %ld, %s). Try again; if it "
                        "keeps happening, check that ApiBaseURL points at the BigCommerce API "
                        "and that no proxy alters the responses.",
                        status, what);
}

int bc_api_parse_expected(long status, const char *body, size_t len, bc_api_expect expect,
                          cJSON **out, bc_error *err)
{
    const char *why;
    size_t nuls;
    char *copy = NULL;
    bool cut;

    *out = NULL;
    if (status == 204 || body == NULL || len == 0) /* a list's 200 always has a body */
        return expect != BC_API_EXPECT_JSON && status != 204 ? damaged(status, "an empty body", err)
                                                             : 0;
    scan(body, len, &why, &nuls);
    if (why != NULL)
        return damaged(status, why, err);
    if ((copy = copy_for_parse(body, len, nuls)) == NULL)
        return bc_error_set(err, "HY001", 0, "Out of memory while reading a response.");
    *out = parse_exact(copy, len, &cut);
    free(copy);
    if (*out == NULL)
        return damaged(status, cut ? "the JSON text is cut short" : "not valid JSON", err);
    if (!envelope_ok(*out, expect)) {
        cJSON_Delete(*out);
        *out = NULL;
        return damaged(status,
                       expect == BC_API_EXPECT_V3 ? "no \"data\" member where a v3 list has one"
                                                  : "not the array a v2 list is",
                       err);
    }
    return 0;
}

int bc_api_parse_body(long status, const char *body, size_t len, cJSON **out, bc_error *err)
{
    return bc_api_parse_expected(status, body, len, BC_API_EXPECT_JSON, out, err);
}
