/* bc_api_error_from_response with any body (JSON or not) and the statuses the API sends:
 * always an error with a state and a terminated message. The first byte picks the status. */
#include "fuzz.h"

#include "bc_api.h"

static const long statuses[] = {400, 401, 403, 404, 405, 409, 413, 422, 429, 500, 502, 503, 507};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    long status = statuses[data[0] % (sizeof statuses / sizeof statuses[0])];
    char *body = bc_fuzz_cstr(data + 1, size - 1);
    if (body == NULL)
        return 0;
    bc_error err;

    bc_error_clear(&err);
    bc_api_error_from_response(status, body, &err);
    BC_FUZZ_ASSERT(bc_error_is_set(&err));
    BC_FUZZ_ASSERT(memchr(err.message, '\0', sizeof err.message) != NULL);
    bc_error_clear(&err);
    bc_api_error_from_response(status, NULL, &err); /* no body at all */
    BC_FUZZ_ASSERT(bc_error_is_set(&err));
    free(body);
    return 0;
}
