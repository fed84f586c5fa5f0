/* bc_sql_rewrite_escapes on any SQL text: a rewritten string or 42000, never a crash. */
#include "fuzz.h"

#include "bc_sql.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = bc_fuzz_cstr(data, size);
    if (s == NULL)
        return 0;
    bc_error err;

    bc_error_clear(&err);
    char *out = bc_sql_rewrite_escapes(s, &err);
    if (out == NULL)
        BC_FUZZ_ASSERT(bc_error_is_set(&err));
    free(out);
    free(s);
    return 0;
}
