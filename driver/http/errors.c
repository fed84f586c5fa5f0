/*
 * Transport failures (no HTTP response) to SQLSTATEs: 08001 when no connection could be
 * made, HYT00 on time-out, HY008 when the application cancelled, 08S01 when an established
 * connection broke. The message names the host, never the full URL's query or any header.
 */
#include <stdio.h>
#include <string.h>
#include "bc_defaults.h"
#include "http_internal.h"

/* Copy the host[:port] part of url into out, without any user:password@ before it: the
 * message must not show credentials written into ApiBaseURL. */
static void url_host(const char *url, char *out, size_t cap)
{
    const char *start = url ? strstr(url, "://") : NULL;
    const char *at;
    size_t n;

    start = start ? start + 3 : (url ? url : "");
    n = strcspn(start, "/?#");
    while ((at = memchr(start, '@', n)) != NULL) {
        n -= (size_t)(at + 1 - start);
        start = at + 1;
    }
    if (n >= cap)
        n = cap - 1;
    memcpy(out, start, n);
    out[n] = '\0';
}

static bool is_connect_failure(CURLcode c)
{
    switch (c) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
        return true;
    default:
        return false;
    }
}

static bool is_tls_failure(CURLcode c)
{
    switch (c) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
        return true;
    default:
        return false;
    }
}

void bc_http_error_from_curl(CURLcode code, const char *url, const char *curl_msg, bool too_big,
                             bc_error *err)
{
    char host[256];
    const char *detail = (curl_msg && *curl_msg) ? curl_msg : curl_easy_strerror(code);

    url_host(url, host, sizeof host);
    if (too_big || code == CURLE_FILESIZE_EXCEEDED) {
        bc_error_set(err, "HY000", 0,
                     "The response from %s is larger than %ld bytes and was refused. Ask for "
                     "fewer rows per page (Pagesize).",
                     host, (long)BC_HTTP_MAX_BODY);
    } else if (code == CURLE_ABORTED_BY_CALLBACK) {
        bc_error_set(err, "HY008", 0, "The request to %s was cancelled.", host);
    } else if (code == CURLE_OPERATION_TIMEDOUT) {
        bc_error_set(err, "HYT00", 0,
                     "The request to %s timed out (%s). Raise Timeout, or check the network.", host,
                     detail);
    } else if (is_connect_failure(code)) {
        bc_error_set(err, "08001", 0,
                     "Could not connect to %s (%s). Check ApiBaseURL, ProxyServer and the "
                     "network connection.",
                     host, detail);
    } else if (is_tls_failure(code)) {
        bc_error_set(err, "08001", 0,
                     "The secure connection to %s failed (%s). Check SSLServerCert and the "
                     "system's trusted certificates.",
                     host, detail);
    } else {
        bc_error_set(err, "08S01", 0,
                     "The connection to %s failed during the request (%s). Try again.", host,
                     detail);
    }
}
