/*
 * Shared by the fuzz targets. Each target defines LLVMFuzzerTestOneInput; under BC_FUZZ it is
 * linked with libFuzzer, otherwise with replay.c, which feeds it the files of its corpus so
 * that the ordinary build (gcc, no libFuzzer) replays every seed and past crash.
 */
#ifndef BC_FUZZ_H
#define BC_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input as a NUL-terminated string (the APIs under test take C strings); an embedded NUL
 * simply ends it early. Caller frees; NULL on allocation failure (the run is then skipped). */
static inline char *bc_fuzz_cstr(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);

    if (s != NULL) {
        if (size > 0)
            memcpy(s, data, size);
        s[size] = '\0';
    }
    return s;
}

/* An error message must always be NUL-terminated inside its buffer and never empty when a
 * state is set; a violation aborts so that the fuzzer records the input. */
#define BC_FUZZ_ASSERT(cond)                                                                       \
    do {                                                                                           \
        if (!(cond))                                                                               \
            abort();                                                                               \
    } while (0)

#endif
