/*
 * The body of a 2xx response, checked before anything is built on it (issue: a damaged 200
 * body must be retried like a 5xx, never cached, never half-read). A body is bytes with a
 * length: it is scanned once for what cJSON would accept but read wrongly, then parsed with
 * that length (where it lies when it is a response's body, which is NUL-terminated; from a
 * copy otherwise), then its envelope is compared with what the caller expects.
 *   - a raw byte below 0x20 inside a string (JSON forbids it; cJSON would keep it, and a raw
 *     NUL would silently cut the value short) and a NUL byte anywhere: damaged;
 *   - an escaped \u0000 is legal JSON, but cJSON stores strings NUL-terminated and would cut
 *     the value there: it is read as U+FFFD (the Unicode replacement character), so the
 *     rest of the value is kept;
 *   - trailing bytes after the JSON value (an HTML error page glued to a body): damaged.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"
#include "api_internal.h"

/* The escape that replaces \u0000: as long as it, so the copy keeps the body's length. */
static const char nul_escape[] = "\\u0000";
static const char replacement_escape[] = "\\uFFFD";

/* The bytes that end a run of ordinary string content: the closing quote, an escape, and
 * what JSON forbids raw inside a string (below 0x20). */
static bool stops_string(unsigned char c)
{
    return c == '"' || c == '\\' || c < 0x20;
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* The high bit of each byte of w (the first byte lowest) that stops a string run, by the
 * classic tests for a zero byte ((x - 0x01..) & ~x & 0x80..) and a byte below n. A test may
 * also flag a byte above one it rightly flags, never below: the lowest flag is exact. */
static uint64_t word_stops(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');

    return (((q - ones) & ~q) | ((b - ones) & ~b) | ((w - ones * 0x20) & ~w)) & highs;
}

/* The first byte at or after p that stops a string run, or end. Eight bytes at a time:
 * every byte of every page passes here. */
static const char *string_run_end(const char *p, const char *end)
{
    uint64_t w, m;

    for (; end - p >= 8; p += 8) {
        memcpy(&w, p, sizeof w); /* any alignment */
        if ((m = word_stops(w)) != 0)
            return p + (__builtin_ctzll(m) >> 3);
    }
    while (p < end && !stops_string((unsigned char)*p))
        p++;
    return p;
}
#else
static const char *string_run_end(const char *p, const char *end)
{
    while (p < end && !stops_string((unsigned char)*p))
        p++;
    return p;
}
#endif

/* Scan body[0..len) as JSON text: *why names the first damage (NULL when none), *nul_escapes
 * counts escaped \u0000 inside strings. Only strings are looked at; cJSON judges the rest.
 * memchr finds the NUL bytes and the strings' opening quotes. */
static void scan(const char *body, size_t len, const char **why, size_t *nul_escapes)
{
    const char *p = body, *end = body + len;

    *why = NULL;
    *nul_escapes = 0;
    if (memchr(body, '\0', len) != NULL) {
        *why = "a NUL byte in the body";
        return;
    }
    while ((p = memchr(p, '"', (size_t)(end - p))) != NULL) {
        for (p++; p < end; p++) {
            p = string_run_end(p, end);
            if (p == end || *p == '"')
                break;
            if ((unsigned char)*p < 0x20) {
                *why = "a raw control character inside a string";
                return;
            }
            /* an escape: the escaped character is never a quote that ends the string */
            if (end - p >= 6 && memcmp(p, nul_escape, 6) == 0)
                (*nul_escapes)++;
            if (p + 1 < end)
                p++;
        }
        if (p == end)
            return; /* a string left open: cJSON reports the text cut short */
        p++;
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

/* body[0..len) is parsed where it lies when it is NUL-terminated (terminated) and holds no
 * escaped \u0000 to replace; else from a copy. */
static int parse_checked(long status, const char *body, size_t len, bool terminated,
                         bc_api_expect expect, cJSON **out, bc_error *err)
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
    if ((!terminated || nuls > 0) && (copy = copy_for_parse(body, len, nuls)) == NULL)
        return bc_error_set(err, "HY001", 0, "Out of memory while reading a response.");
    *out = parse_exact(copy ? copy : body, len, &cut);
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

int bc_api_parse_expected(long status, const char *body, size_t len, bc_api_expect expect,
                          cJSON **out, bc_error *err)
{
    return parse_checked(status, body, len, false, expect, out, err);
}

int bc_api_parse_response(const bc_http_response *resp, bc_api_expect expect, cJSON **out,
                          bc_error *err)
{
    return parse_checked(resp->status, resp->body, resp->body_len, true, expect, out, err);
}

int bc_api_parse_body(long status, const char *body, size_t len, cJSON **out, bc_error *err)
{
    return bc_api_parse_expected(status, body, len, BC_API_EXPECT_JSON, out, err);
}
