/* bc_connstr_parse on any bytes: parsed or a clear 08001/HY024, never a crash or a leak. */
#include "fuzz.h"

#include "bc_props.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = bc_fuzz_cstr(data, size);
    if (s == NULL)
        return 0;
    bc_props p;
    bc_error err;
    unsigned char given[BC_PROPS_GIVEN_BYTES] = {0};

    bc_props_init(&p);
    bc_error_clear(&err);
    int rc = bc_connstr_parse(s, &p, given, &err);
    if (rc != 0) {
        BC_FUZZ_ASSERT(bc_error_is_set(&err));
        BC_FUZZ_ASSERT(memchr(err.message, '\0', sizeof err.message) != NULL);
    } else {
        /* Every value that was set must render back as text without fault. */
        for (int i = 0; i < bc_prop_def_count; i++)
            free(bc_props_value_text(&p, i, true));
    }
    bc_props_free(&p);
    free(s);
    return 0;
}
