/* Percent-encoding of query values (RFC 3986: everything but the unreserved set). */
#include <stdlib.h>
#include <string.h>
#include "bc_http.h"

static bool is_unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

char *bc_http_escape(const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n, i, o = 0;
    char *out;

    if (s == NULL)
        return NULL;
    n = strlen(s);
    out = malloc(n * 3 + 1);
    if (out == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_unreserved(c)) {
            out[o++] = (char)c;
        } else {
            out[o++] = '%';
            out[o++] = hex[c >> 4];
            out[o++] = hex[c & 15];
        }
    }
    out[o] = '\0';
    return out;
}
