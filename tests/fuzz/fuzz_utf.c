/*
 * The UTF-8 <-> UTF-16 converters on any bytes, both read as UTF-8 and as UTF-16 code units:
 * lengths agree between the counting and converting functions, buffers are never overrun
 * (the application buffers below are exactly cap bytes, so ASan sees any overrun), and output
 * is always terminated.
 */
#include "fuzz.h"

#include "bc_odbc_text.h"
#include "bc_util.h"

static void from_utf8(const char *s, size_t len, size_t cap)
{
    size_t units = 0;
    SQLWCHAR *w = bc_utf8_to_utf16(s, len, &units);
    if (w != NULL) {
        BC_FUZZ_ASSERT(units == bc_utf8_utf16_units(s, len));
        BC_FUZZ_ASSERT(w[units] == 0);
        size_t back_len = 0;
        char *back = bc_utf16_to_utf8(w, (SQLLEN)units, &back_len);
        if (back != NULL)
            BC_FUZZ_ASSERT(back[back_len] == '\0');
        free(back);
    }
    free(w);

    bool trunc = false;
    SQLWCHAR *wb = malloc(cap ? cap : 1);
    if (wb != NULL) {
        size_t full = bc_utf8_to_wbuf(s, len, wb, cap, &trunc);
        BC_FUZZ_ASSERT(full == units || w == NULL);
        free(wb);
    }
    SQLCHAR *cb = malloc(cap ? cap : 1);
    if (cb != NULL) {
        bc_utf8_to_cbuf(s, len, cb, cap, &trunc);
        if (cap > 0)
            BC_FUZZ_ASSERT(memchr(cb, '\0', cap) != NULL);
        free(cb);
    }
}

static void from_utf16(const uint8_t *data, size_t size)
{
    size_t n = size / sizeof(SQLWCHAR);
    SQLWCHAR *w = malloc((n + 1) * sizeof(SQLWCHAR));
    if (w == NULL)
        return;
    if (n > 0)
        memcpy(w, data, n * sizeof(SQLWCHAR));
    w[n] = 0;
    size_t len = 0;
    char *u = bc_utf16_to_utf8(w, (SQLLEN)n, &len); /* counted */
    if (u != NULL)
        BC_FUZZ_ASSERT(u[len] == '\0' && strlen(u) <= len);
    free(u);
    u = bc_utf16_to_utf8(w, SQL_NTS, &len); /* up to the first NUL unit */
    if (u != NULL)
        BC_FUZZ_ASSERT(u[len] == '\0');
    free(u);
    free(w);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    /* The first byte chooses the application buffer size; the rest is the text. */
    size_t cap = data[0];
    from_utf8((const char *)data + 1, size - 1, cap);
    from_utf16(data + 1, size - 1);
    return 0;
}
