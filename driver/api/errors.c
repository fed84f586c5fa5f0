/*
 * HTTP error responses to SQLSTATE + message (docs/ARCHITECTURE.md). The message says what
 * happened, quotes BigCommerce's own words from the body, and says what to do; the HTTP
 * status is the native error. Bodies come in two shapes (official reference):
 *   v3: {"status":422,"title":"...","type":"...","errors":{"field":"message",...}}
 *   v2: [{"status":400,"message":"..."}, ...]
 * Anything else (an HTML page from a proxy, plain text) is quoted briefly when it is text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"
#include "api_internal.h"

#define DETAIL_MAX 600

typedef struct status_text {
    const char *sqlstate, *what, *todo;
} status_text;

static status_text text_for(long status)
{
    switch (status) {
    case 400:
        return (status_text){"HY000", "BigCommerce rejected the request as malformed",
                             "Check the filter values used in the query."};
    case 401:
        return (status_text){"28000", "BigCommerce rejected the access token",
                             "Check OAuthAccessToken and StoreId: the token must be a valid "
                             "API account token of this store."};
    case 403:
        return (status_text){"28000", "BigCommerce refused access with this token",
                             "Give the store's API account the OAuth scope this table needs "
                             "(for example read-only Orders), or use a token that has it."};
    case 404:
        return (status_text){"HY000", "BigCommerce did not find the requested object",
                             "Check StoreId and that the object exists."};
    case 405:
        return (status_text){"HY000", "BigCommerce does not allow this operation here",
                             "This table does not support that operation."};
    case 409:
        return (status_text){"HY000", "BigCommerce reported a conflict with existing data",
                             "Change the values so they do not clash (for example a duplicate "
                             "name or SKU)."};
    case 413:
        return (status_text){"HY000", "BigCommerce refused a request that is too large",
                             "Send fewer rows at once."};
    case 422:
        return (status_text){"HY000", "BigCommerce rejected the values sent",
                             "Correct the values named in BigCommerce's message."};
    case 429:
        return (status_text){"HY000",
                             "BigCommerce's rate limit for this store was still exceeded "
                             "after retrying",
                             "Wait a little, or run fewer queries against this store at once."};
    default:
        break;
    }
    if (status >= 500)
        return (status_text){"08S01", "BigCommerce had a server error",
                             "Try again later; if it persists, check BigCommerce's status page."};
    return (status_text){"HY000", "BigCommerce answered with an unexpected HTTP status",
                         "Check that ApiBaseURL points at the BigCommerce API."};
}

static void add(bc_buf *b, const char *s)
{
    if (s == NULL || *s == '\0')
        return;
    if (b->len > 0)
        bc_buf_puts(b, "; ");
    bc_buf_puts(b, s);
}

static void add_pair(bc_buf *b, const char *key, const char *val)
{
    if (val == NULL || *val == '\0')
        return;
    if (b->len > 0)
        bc_buf_puts(b, "; ");
    if (key != NULL && *key != '\0')
        bc_buf_printf(b, "%s: ", key);
    bc_buf_puts(b, val);
}

/* An item of "errors" or of a v2 array: a string, or an object with a message. */
static void add_item(bc_buf *b, const cJSON *it)
{
    const char *key = it->string;

    if (cJSON_IsString(it)) {
        add_pair(b, key, it->valuestring);
    } else if (cJSON_IsObject(it)) {
        const cJSON *m = cJSON_GetObjectItemCaseSensitive(it, "message");
        if (!cJSON_IsString(m))
            m = cJSON_GetObjectItemCaseSensitive(it, "title");
        if (cJSON_IsString(m))
            add_pair(b, key, m->valuestring);
    }
}

static void add_v3(bc_buf *b, const cJSON *o)
{
    static const char *const texts[] = {"title", "detail", "message", "details"};
    const cJSON *errs = cJSON_GetObjectItemCaseSensitive(o, "errors");
    const cJSON *one = cJSON_GetObjectItemCaseSensitive(o, "error");
    const cJSON *it;

    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, texts[i]);
        if (cJSON_IsString(t))
            add(b, t->valuestring);
    }
    /* The price-list endpoints' 503: {"error": {"code", "message", "details", ...}}. */
    if (cJSON_IsObject(one))
        add_v3(b, one);
    cJSON_ArrayForEach(it, errs) add_item(b, it);
}

/* A non-JSON body is quoted only when it looks like short text, not markup. */
static void add_text(bc_buf *b, const char *body)
{
    char tmp[161];
    size_t i, o = 0;

    while (*body == ' ' || *body == '\n' || *body == '\r' || *body == '\t')
        body++;
    if (*body == '<' || *body == '\0')
        return;
    for (i = 0; body[i] != '\0' && o < sizeof tmp - 1; i++)
        tmp[o++] = ((unsigned char)body[i] < 0x20) ? ' ' : body[i];
    tmp[o] = '\0';
    add(b, tmp);
}

/* BigCommerce's own explanation from the body, "" when there is none. Caller frees. */
static char *body_detail(const char *body)
{
    bc_buf b;
    cJSON *j;
    const cJSON *it;

    bc_buf_init(&b);
    if (body == NULL)
        return bc_buf_steal(&b);
    j = cJSON_Parse(body);
    if (cJSON_IsObject(j)) {
        add_v3(&b, j);
    } else if (cJSON_IsArray(j)) {
        cJSON_ArrayForEach(it, j) add_item(&b, it);
    } else if (j == NULL) {
        add_text(&b, body);
    }
    cJSON_Delete(j);
    return bc_buf_steal(&b);
}

void bc_api_error_from_response(long status, const char *body, bc_error *err)
{
    status_text t = text_for(status);
    char *detail = body_detail(body);
    char cut[DETAIL_MAX + 4];

    if (detail != NULL && strlen(detail) > DETAIL_MAX) {
        size_t n = DETAIL_MAX;
        /* Cut on a UTF-8 character boundary. */
        while (n > 0 && ((unsigned char)detail[n] & 0xC0) == 0x80)
            n--;
        snprintf(cut, sizeof cut, "%.*s...", (int)n, detail);
    } else {
        snprintf(cut, sizeof cut, "%s", detail ? detail : "");
    }
    bc_error_set(err, t.sqlstate, status, "%s (HTTP %ld)%s%s. %s", t.what, status,
                 cut[0] ? ": " : "", cut, t.todo);
    free(detail);
}

long bc_api_body_retry_after_ms(const char *body)
{
    cJSON *j = body != NULL ? cJSON_Parse(body) : NULL;
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(j, "error");
    const cJSON *n = cJSON_GetObjectItemCaseSensitive(e, "retry_after_seconds");
    long ms = -1;

    /* Compared as a double first: a huge or negative number never reaches the cast. */
    if (cJSON_IsNumber(n) && n->valuedouble >= 0)
        ms = n->valuedouble > 86400.0 ? 86400000L : (long)(n->valuedouble * 1000.0);
    cJSON_Delete(j);
    return ms;
}
