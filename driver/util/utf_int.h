/*
 * Internal UTF helpers shared by util/ and the conversions in core/ (not part of the
 * public module interface in bc_util.h).
 */
#ifndef BC_UTF_INT_H
#define BC_UTF_INT_H

#include <stddef.h>
#include <stdint.h>
#include <sql.h>

/* Decode one UTF-8 code point from n > 0 bytes; invalid input gives U+FFFD, *adv >= 1. */
uint32_t bc_utf8_decode(const unsigned char *s, size_t n, size_t *adv);
/* Encode a code point (<= U+10FFFF) as UTF-8; returns 1..4. */
size_t bc_utf8_encode(uint32_t c, char out[4]);
/* The UTF-16 form of s, starting skip_units code units in, copied into buf (cap_bytes,
 * NUL-terminated when cap_bytes >= 2; buf may be NULL to only count). A surrogate pair is
 * not split unless not even one whole character fits. *written_units gets the units
 * copied; returns the total units of the whole string. */
size_t bc_utf8_to_wbuf_at(const char *s, size_t len, size_t skip_units, SQLWCHAR *buf,
                          size_t cap_bytes, size_t *written_units);
/* How many of len bytes to copy into room bytes without cutting a UTF-8 character: len
 * when it fits, else the last character boundary <= room (or room itself when no whole
 * character fits, so a reader with a tiny buffer still makes progress). */
size_t bc_utf8_cut(const char *s, size_t len, size_t room);

#endif
