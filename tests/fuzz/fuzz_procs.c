/* bc_proc_parse on any statement: 0 (not a call), 1 with a call whose arguments are sane, or
 * -1 with an error set. */
#include "fuzz.h"

#include "bc_procs.h"

static void check_call(const bc_proc_call *c)
{
    BC_FUZZ_ASSERT(c != NULL && c->proc != NULL);
    BC_FUZZ_ASSERT(c->nargs >= 0 && c->nparams >= 0);
    for (int i = 0; i < c->nargs; i++) {
        const bc_proc_arg *a = &c->args[i];
        /* a marker has no text and a number within the statement's markers */
        if (a->value == NULL)
            BC_FUZZ_ASSERT(a->param_index >= 1 && a->param_index <= c->nparams);
        else
            BC_FUZZ_ASSERT(strlen(a->value) < SIZE_MAX);
        if (a->name != NULL)
            BC_FUZZ_ASSERT(strlen(a->name) > 0);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = bc_fuzz_cstr(data, size);
    if (s == NULL)
        return 0;
    bc_proc_call *call = NULL;
    bc_error err;

    bc_error_clear(&err);
    int rc = bc_proc_parse(s, &call, &err);
    if (rc == 1)
        check_call(call);
    else if (rc < 0)
        BC_FUZZ_ASSERT(bc_error_is_set(&err));
    if (call != NULL)
        bc_proc_call_free(call);
    free(s);
    return 0;
}
