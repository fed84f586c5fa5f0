/* The OAuth token endpoint's answer (bc_oauth_parse_token_response) with any body and the
 * statuses a server may send: a token with an access token, or a 28000 error; expiry
 * arithmetic never overflows. The first byte picks the status. */
#include "fuzz.h"

#include "bc_auth.h"
#include "auth/auth_internal.h"

static const long statuses[] = {200, 201, 400, 401, 403, 500, 302};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    long status = statuses[data[0] % (sizeof statuses / sizeof statuses[0])];
    char *body = bc_fuzz_cstr(data + 1, size - 1);
    if (body == NULL)
        return 0;
    bc_token tok;
    bc_error err;

    memset(&tok, 0, sizeof tok);
    bc_error_clear(&err);
    long long now = 1767225600; /* fixed, so that runs replay */
    if (bc_oauth_parse_token_response(status, body, now, &tok, &err) == 0) {
        BC_FUZZ_ASSERT(tok.access_token != NULL && tok.access_token[0] != '\0');
        BC_FUZZ_ASSERT(tok.expires_at == 0 || tok.expires_at >= now);
        bc_token_free(&tok);
    } else {
        BC_FUZZ_ASSERT(bc_error_is_set(&err));
    }
    free(body);
    return 0;
}
