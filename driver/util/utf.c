/*
 * UTF-8 <-> UTF-16. SQLWCHAR is unixODBC's 16-bit unsigned short, so characters beyond the
 * BMP travel as surrogate pairs. Invalid input never fails a conversion: it becomes U+FFFD,
 * because an application reading a column must get a value, not an error, when the store
 * holds a stray byte.
 */
#include <stdlib.h>
#include <string.h>
#include "bc_util.h"
#include "bc_odbc_text.h"

#define BC_REPLACEMENT 0xFFFDu

/* Decode one code point at s (n > 0 bytes available). *adv gets the bytes used (>= 1).
 * Overlong forms, encoded surrogates, values above U+10FFFF and cut sequences give U+FFFD
 * and consume one byte, so decoding always resynchronises on the next lead byte. */
uint32_t bc_utf8_decode(const unsigned char *s, size_t n, size_t *adv)
{
    uint32_t c = s[0], min;
    size_t need, i;

    *adv = 1;
    if (c < 0x80)
        return c;
    if ((c & 0xE0) == 0xC0) {
        need = 1, min = 0x80, c &= 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        need = 2, min = 0x800, c &= 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        need = 3, min = 0x10000, c &= 0x07;
    } else {
        return BC_REPLACEMENT;
    }
    if (n < need + 1)
        return BC_REPLACEMENT;
    for (i = 1; i <= need; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return BC_REPLACEMENT;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return BC_REPLACEMENT;
    *adv = need + 1;
    return c;
}

size_t bc_utf8_encode(uint32_t c, char out[4])
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Code point at s[i] of a UTF-16 string of n units; *adv gets 1 or 2. Lone surrogates
 * become U+FFFD. */
static uint32_t bc_utf16_decode(const SQLWCHAR *s, size_t n, size_t i, size_t *adv)
{
    uint32_t c = s[i];

    *adv = 1;
    if (c >= 0xD800 && c <= 0xDBFF) {
        if (i + 1 < n && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
            *adv = 2;
            return 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00u);
        }
        return BC_REPLACEMENT;
    }
    if (c >= 0xDC00 && c <= 0xDFFF)
        return BC_REPLACEMENT;
    return c;
}

char *bc_utf16_to_utf8(const SQLWCHAR *s, SQLLEN len, size_t *out_len)
{
    size_t n = 0, i, adv, bytes = 0, o = 0;
    char tmp[4], *out;

    if (s == NULL)
        return NULL;
    if (len == SQL_NTS)
        while (s[n] != 0)
            n++;
    else
        n = len < 0 ? 0 : (size_t)len;
    /* Two passes: size first, so the result is allocated once and exactly. */
    for (i = 0; i < n; i += adv)
        bytes += bc_utf8_encode(bc_utf16_decode(s, n, i, &adv), tmp);
    out = malloc(bytes + 1);
    if (out == NULL)
        return NULL;
    for (i = 0; i < n; i += adv)
        o += bc_utf8_encode(bc_utf16_decode(s, n, i, &adv), out + o);
    out[o] = '\0';
    if (out_len != NULL)
        *out_len = o;
    return out;
}

size_t bc_utf8_utf16_units(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, adv, units = 0;

    if (s == NULL)
        return 0;
    while (i < len) {
        units += bc_utf8_decode(p + i, len - i, &adv) >= 0x10000 ? 2 : 1;
        i += adv;
    }
    return units;
}

/* Write code point c as UTF-16 at out; returns the units written (1 or 2). */
static size_t bc_utf16_encode(uint32_t c, SQLWCHAR *out)
{
    if (c < 0x10000) {
        out[0] = (SQLWCHAR)c;
        return 1;
    }
    c -= 0x10000;
    out[0] = (SQLWCHAR)(0xD800 + (c >> 10));
    out[1] = (SQLWCHAR)(0xDC00 + (c & 0x3FF));
    return 2;
}

SQLWCHAR *bc_utf8_to_utf16(const char *s, size_t len, size_t *out_units)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t units, i = 0, o = 0, adv;
    SQLWCHAR *out;

    if (s == NULL)
        return NULL;
    units = bc_utf8_utf16_units(s, len);
    out = malloc((units + 1) * sizeof(SQLWCHAR));
    if (out == NULL)
        return NULL;
    while (i < len) {
        o += bc_utf16_encode(bc_utf8_decode(p + i, len - i, &adv), out + o);
        i += adv;
    }
    out[o] = 0;
    if (out_units != NULL)
        *out_units = o;
    return out;
}

size_t bc_utf8_to_wbuf_at(const char *s, size_t len, size_t skip_units, SQLWCHAR *buf,
                          size_t cap_bytes, size_t *written_units)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t room = cap_bytes / sizeof(SQLWCHAR), i = 0, adv, pos = 0, w = 0, k, nu;
    SQLWCHAR u[2];

    room = room > 0 ? room - 1 : 0; /* keep one unit for the NUL */
    while (i < len) {
        nu = bc_utf16_encode(bc_utf8_decode(p + i, len - i, &adv), u);
        i += adv;
        for (k = 0; k < nu; k++, pos++) {
            if (pos < skip_units || buf == NULL)
                continue;
            /* Stop before a pair that does not fit whole; split it only when nothing at
             * all was written, so a caller looping on a 1-unit buffer still advances. */
            if (w >= room || (k == 0 && nu == 2 && w + 2 > room && w > 0))
                room = w; /* freeze: everything after this is counted, not written */
            else
                buf[w++] = u[k];
        }
    }
    if (buf != NULL && cap_bytes >= sizeof(SQLWCHAR))
        buf[w] = 0;
    if (written_units != NULL)
        *written_units = w;
    return pos;
}

size_t bc_utf8_to_wbuf(const char *s, size_t len, SQLWCHAR *buf, size_t cap_bytes, bool *truncated)
{
    size_t w = 0, total;

    if (s == NULL)
        len = 0, s = "";
    total = bc_utf8_to_wbuf_at(s, len, 0, buf, cap_bytes, &w);
    if (truncated != NULL)
        *truncated = w < total;
    return total;
}

size_t bc_utf8_cut(const char *s, size_t len, size_t room)
{
    size_t n;

    if (len <= room)
        return len;
    n = room;
    /* Back up over continuation bytes to the start of the character that does not fit. */
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n > 0 ? n : room;
}

size_t bc_utf8_to_cbuf(const char *s, size_t len, SQLCHAR *buf, size_t cap, bool *truncated)
{
    size_t n = 0;

    if (s == NULL)
        len = 0, s = "";
    if (buf != NULL && cap > 0) {
        n = bc_utf8_cut(s, len, cap - 1);
        memcpy(buf, s, n);
        buf[n] = '\0';
    }
    if (truncated != NULL)
        *truncated = n < len;
    return len;
}
