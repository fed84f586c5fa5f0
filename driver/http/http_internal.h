/*
 * Private to driver/http/: pieces of the libcurl wrapper that are pure functions, split out
 * so the unit tests can check them without a server.
 */
#ifndef BC_HTTP_INTERNAL_H
#define BC_HTTP_INTERNAL_H

#include <stddef.h>
#include <curl/curl.h>
#include "bc_http.h"

/* Feed one raw header line ("Name: value\r\n", or a status line "HTTP/1.1 200 OK") into r.
 * A status line starts a new header block (after a redirect or 100-continue), so it resets
 * the rate-limit fields; only the last block counts. Unknown headers are ignored. */
void bc_http_parse_header_line(bc_http_response *r, const char *line, size_t len);

/* The SQLSTATE and message for a failed transfer. url is used for the host name only.
 * too_big tells that the write callback refused a body over BC_HTTP_MAX_BODY. */
void bc_http_error_from_curl(CURLcode code, const char *url, const char *curl_msg, bool too_big,
                             bc_error *err);

#endif
