/* A response body as the API layer meets it: the body check (bc_api_parse_expected), the
 * pager's reading of a page (items, total_pages, the next cursor, the v2 count), its
 * consistency check and key set, and the response cache, which must give back exactly the
 * bytes it was given, NUL bytes included. The first byte picks the expected envelope and
 * the paging style; the rest is the body, used with its length (not as a C string). */
#include "fuzz.h"

#include "bc_api.h"
#include "api/api_internal.h"
#include "api/pager_internal.h"
#include "api/pager_state.h"

static bc_api *api_once(void)
{
    static bc_api *a;
    if (a == NULL) {
        bc_api_config cfg = {.base_url = "http://127.0.0.1:9",
                             .store_hash = "fuzz",
                             .access_token = "fuzz-token",
                             .page_size = 5};
        bc_error err;
        bc_error_clear(&err);
        a = bc_api_new(&cfg, &err);
    }
    return a;
}

/* The cache returns the very bytes it kept: same length, same content, a NUL after them. */
static void cache_round_trip(bc_api *a, const uint8_t *body, size_t len)
{
    bc_http_response in, out;

    bc_http_response_init(&in);
    in.status = 200;
    in.body = (char *)body;
    in.body_len = len;
    bc_api_cache_begin(a);
    bc_api_cache_store(a, "/v3/fuzz", &in);
    if (bc_api_cache_lookup(a, "/v3/fuzz", &out)) {
        BC_FUZZ_ASSERT(out.body_len == len);
        BC_FUZZ_ASSERT(len == 0 || (out.body != NULL && memcmp(out.body, body, len) == 0));
        BC_FUZZ_ASSERT(out.body == NULL || out.body[len] == '\0');
        bc_http_response_free(&out);
    }
    bc_api_cache_forget(a, "/v3/fuzz");
    BC_FUZZ_ASSERT(!bc_api_cache_lookup(a, "/v3/fuzz", &out));
    bc_api_cache_end(a);
}

static void read_page(bc_api *a, bc_paging paging, cJSON *doc)
{
    bc_error err;
    char why[256];
    cJSON *items = NULL, *owner;
    char *cursor;
    bc_pager *p;

    bc_error_clear(&err);
    p = bc_pager_open(a, "/v3/fuzz", NULL, paging, 0, &err);
    if (p != NULL) {
        bc_pager_set_key(p, "id");
        bc_pager_set_resume_param(p, paging == BC_PAGING_V2 ? "min_id" : "id:greater",
                                  paging == BC_PAGING_V2);
        bc_pager_declare(p, doc);
        for (int page = 0; page < 3; page++)
            if (bc_pager_contradiction(p, page, doc, why, sizeof why))
                BC_FUZZ_ASSERT(memchr(why, '\0', sizeof why) != NULL);
    }
    (void)bc_pager_total_pages(doc);
    (void)bc_pager_pages_of_count(doc, 5);
    cursor = bc_pager_next_cursor(doc);
    free(cursor);
    owner = bc_pager_items(doc, &items); /* consumes doc */
    if (p != NULL && items != NULL) {
        bc_pager_remember(p, items);
        (void)bc_pager_can_resume(p);
        bc_pager_truncate(items, 3, 1);
        BC_FUZZ_ASSERT(cJSON_GetArraySize(items) <= 2);
    }
    cJSON_Delete(owner);
    bc_pager_close(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bc_api_expect expects[] = {BC_API_EXPECT_JSON, BC_API_EXPECT_V3,
                                            BC_API_EXPECT_V2_LIST};
    static const bc_paging pagings[] = {BC_PAGING_V3, BC_PAGING_V2, BC_PAGING_CURSOR,
                                        BC_PAGING_NONE};
    bc_api *a = api_once();
    cJSON *doc = NULL;
    bc_error err;

    if (size == 0 || a == NULL)
        return 0;
    bc_error_clear(&err);
    if (bc_api_parse_expected(200, (const char *)data + 1, size - 1, expects[data[0] % 3], &doc,
                              &err) != 0) {
        BC_FUZZ_ASSERT(doc == NULL && bc_error_is_set(&err));
        BC_FUZZ_ASSERT(memchr(err.message, '\0', sizeof err.message) != NULL);
    } else if (doc != NULL) {
        read_page(a, pagings[(data[0] >> 2) % 4], doc);
    }
    cache_round_trip(a, data + 1, size - 1);
    return 0;
}
