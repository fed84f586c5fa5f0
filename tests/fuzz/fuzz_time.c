/* bc_time_parse on any text: a valid timestamp that formats to 19 characters, or -1. */
#include "fuzz.h"

#include "bc_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = bc_fuzz_cstr(data, size);
    if (s == NULL)
        return 0;
    bc_timestamp ts;

    if (bc_time_parse(s, &ts) == 0) {
        char out[20];
        BC_FUZZ_ASSERT(bc_time_valid(&ts));
        bc_time_format(&ts, out);
        BC_FUZZ_ASSERT(strlen(out) == 19);
    }
    free(s);
    return 0;
}
