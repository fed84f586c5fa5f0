/*
 * ODBC text at the application's boundary: string argument lengths (SQL_NTS) and UTF-8 <->
 * UTF-16 as unixODBC defines SQLWCHAR. Only the layers that meet the application (convert,
 * core, odbc) include this; the HTTP and API code below them never sees an ODBC type.
 */
#ifndef BC_ODBC_TEXT_H
#define BC_ODBC_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sql.h>
#include <sqlext.h>

/* Length of an ODBC string argument: len itself, or strlen when len == SQL_NTS. */
size_t bc_odbc_len(const SQLCHAR *s, SQLINTEGER len);

/* ---- UTF-8 <-> UTF-16 ---- */
/* Convert len code units of UTF-16 (SQL_NTS: up to the NUL) to a malloc'd UTF-8 string.
 * Invalid surrogates become U+FFFD. *out_len (optional) gets the byte length. NULL when
 * s is NULL or on allocation failure. */
char *bc_utf16_to_utf8(const SQLWCHAR *s, SQLLEN len, size_t *out_len);
/* Convert UTF-8 to a malloc'd NUL-terminated UTF-16 string; *out_units (optional) gets the
 * length in code units without the NUL. Invalid UTF-8 becomes U+FFFD. */
SQLWCHAR *bc_utf8_to_utf16(const char *s, size_t len, size_t *out_units);
/* Number of UTF-16 code units of a UTF-8 string. */
size_t bc_utf8_utf16_units(const char *s, size_t len);
/* Copy UTF-8 into an application's SQLWCHAR buffer of cap_bytes, NUL-terminated,
 * truncated on a character boundary. Returns the full length in code units (for the
 * length out-argument); *truncated tells whether it was cut. */
size_t bc_utf8_to_wbuf(const char *s, size_t len, SQLWCHAR *buf, size_t cap_bytes, bool *truncated);
/* Copy UTF-8 into an application's SQLCHAR buffer of cap bytes, NUL-terminated, cut on a
 * UTF-8 character boundary. Returns the full length in bytes. */
size_t bc_utf8_to_cbuf(const char *s, size_t len, SQLCHAR *buf, size_t cap, bool *truncated);

/* ---- the pieces the conversions build on ---- */
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
