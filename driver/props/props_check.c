/*
 * Rules over several properties, checked when connecting (one property alone cannot tell):
 * a plain http:// URL sends the X-Auth-Token, client secret and codes in clear text, so it
 * is refused unless it points at this machine (the sandbox, a local proxy) or the user said
 * AllowInsecureHTTP=true.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "bc_props.h"

/* Whether the authority of an http:// URL (after "http://", up to '/', '?' or '#') names a
 * loopback host: localhost, 127.0.0.0/8 or [::1]; user info before '@' is skipped. */
static bool is_loopback_authority(const char *auth)
{
    size_t n = strcspn(auth, "/?#");
    const char *at = NULL;
    char host[256];
    size_t hn;

    for (size_t i = 0; i < n; i++)
        if (auth[i] == '@')
            at = auth + i;
    if (at != NULL) {
        n -= (size_t)(at + 1 - auth);
        auth = at + 1;
    }
    if (n == 0 || n >= sizeof host)
        return false;
    memcpy(host, auth, n);
    host[n] = '\0';
    if (host[0] == '[')
        return strncmp(host, "[::1]", 5) == 0 && (host[5] == '\0' || host[5] == ':');
    hn = strcspn(host, ":");
    host[hn] = '\0';
    if (strcasecmp(host, "localhost") == 0)
        return true;
    if (strncmp(host, "127.", 4) != 0)
        return false;
    for (const char *c = host + 4; *c != '\0'; c++)
        if ((*c < '0' || *c > '9') && *c != '.')
            return false;
    return true;
}

static int check_url(const char *name, const char *url, bc_error *err)
{
    if (url == NULL || strncasecmp(url, "http://", 7) != 0 || is_loopback_authority(url + 7))
        return 0;
    return bc_error_set(err, "HY024", 0,
                        "%s uses http:// for a host other than this machine, which would send "
                        "the access token in clear text. Use https://, or set "
                        "AllowInsecureHTTP=true if the network is trusted.",
                        name);
}

int bc_props_check_transport(const bc_props *p, bc_error *err)
{
    if (p->allow_insecure_http)
        return 0;
    if (check_url("ApiBaseURL", p->api_base_url, err) != 0)
        return -1;
    return check_url("OAuthServerURL", p->oauth_server_url, err);
}
