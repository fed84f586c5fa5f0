/*
 * OAuth URLs: percent-encoding, the random state and the authorization URL
 * (README, Signing in).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/rand.h>
#include "auth_internal.h"

static bool is_unreserved(unsigned char c)
{
    return isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~';
}

char *bc_oauth_pct_encode(const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = s ? strlen(s) : 0;
    char *out = malloc(n * 3 + 1);
    char *o = out;

    if (out == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_unreserved(c)) {
            *o++ = (char)c;
        } else {
            *o++ = '%';
            *o++ = hex[c >> 4];
            *o++ = hex[c & 15];
        }
    }
    *o = '\0';
    return out;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void bc_oauth_pct_decode(char *s)
{
    char *o = s;

    for (; *s; s++) {
        if (*s == '+') {
            *o++ = ' ';
        } else if (*s == '%' && hexval(s[1]) >= 0 && hexval(s[2]) >= 0) {
            *o++ = (char)(hexval(s[1]) * 16 + hexval(s[2]));
            s += 2;
        } else {
            *o++ = *s;
        }
    }
    *o = '\0';
}

int bc_oauth_random_state(char out[33], bc_error *err)
{
    unsigned char raw[16];

    if (RAND_bytes(raw, sizeof raw) != 1)
        return bc_error_set(err, "HY000", 0,
                            "Could not generate a random OAuth state: OpenSSL's random "
                            "generator failed. Check the system's entropy source.");
    for (size_t i = 0; i < sizeof raw; i++)
        snprintf(out + 2 * i, 3, "%02x", raw[i]);
    return 0;
}

/* Appends "&key=encoded(value)" (no '&' for the first); false on OOM. */
static bool append_param(char **url, size_t *len, const char *key, const char *value, bool first)
{
    char *enc = bc_oauth_pct_encode(value);
    size_t need;
    char *grown;

    if (enc == NULL)
        return false;
    need = *len + strlen(key) + strlen(enc) + 3;
    grown = realloc(*url, need);
    if (grown == NULL) {
        free(enc);
        return false;
    }
    *url = grown;
    *len += (size_t)sprintf(grown + *len, "%s%s=%s", first ? "" : "&", key, enc);
    free(enc);
    return true;
}

char *bc_oauth_authorize_url(const char *server_url, const char *client_id,
                             const char *redirect_uri, const char *scope, const char *store_id,
                             const char *state)
{
    size_t slen = strlen(server_url);
    char *context = NULL;
    char *url;
    size_t len;
    bool ok;

    /* A trailing '/' in OAuthServerURL would give "//oauth2", which some servers refuse. */
    while (slen > 0 && server_url[slen - 1] == '/')
        slen--;
    url = malloc(slen + sizeof "/oauth2/authorize?");
    if (url == NULL)
        return NULL;
    len = (size_t)sprintf(url, "%.*s/oauth2/authorize?", (int)slen, server_url);
    if (store_id != NULL && (context = malloc(strlen(store_id) + 8)) == NULL) {
        free(url);
        return NULL;
    }
    if (context)
        sprintf(context, "stores/%s", store_id);
    ok = append_param(&url, &len, "client_id", client_id ? client_id : "", true) &&
         append_param(&url, &len, "redirect_uri", redirect_uri ? redirect_uri : "", false) &&
         append_param(&url, &len, "response_type", "code", false) &&
         (scope == NULL || append_param(&url, &len, "scope", scope, false)) &&
         (context == NULL || append_param(&url, &len, "context", context, false)) &&
         (state == NULL || append_param(&url, &len, "state", state, false));
    free(context);
    if (!ok) {
        free(url);
        return NULL;
    }
    return url;
}
