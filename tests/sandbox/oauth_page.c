/* HTML of the OAuth consent and error pages. Approve and Deny are separate POST forms
 * (button ids `approve` and `deny`) that carry the authorize request's parameters back. */
#include "sandbox.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const fields[] = {"client_id", "redirect_uri", "scope", "context", "state"};

/* Hidden inputs for every authorize parameter, escaped; caller frees. */
static char *hidden_inputs(const sb_args *a)
{
    size_t cap = 64, len = 0;
    char *out = calloc(1, cap);
    for (size_t i = 0; out && i < sizeof fields / sizeof *fields; i++) {
        const char *v = a->get(a->ctx, fields[i]);
        char *esc = sb_html_escape(v ? v : "");
        size_t need = esc ? strlen(esc) + 80 : 0;
        char *grown = esc ? realloc(out, cap + need) : NULL;
        if (!grown) {
            free(esc);
            free(out);
            return NULL;
        }
        out = grown;
        cap += need;
        len += (size_t)snprintf(out + len, cap - len,
                                "<input type=\"hidden\" name=\"%s\" value=\"%s\">", fields[i], esc);
        free(esc);
    }
    return out;
}

char *sb_oauth_consent_html(const sb_config *cfg, const sb_args *a)
{
    const char *scope = a->get(a->ctx, "scope");
    char *hidden = hidden_inputs(a);
    char *e_scope = sb_html_escape(scope ? scope : "");
    char *e_store = sb_html_escape(cfg->store_hash);
    char *e_app = sb_html_escape(cfg->client_id);
    char *page = NULL;
    if (hidden && e_scope && e_store && e_app &&
        asprintf(&page,
                 "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                 "<title>Authorize app - BigCommerce sandbox</title></head><body>"
                 "<h1>Authorize app</h1>"
                 "<p>The app <strong id=\"app\">%s</strong> asks for access to the store "
                 "<strong id=\"store\">stores/%s</strong>.</p>"
                 "<p>Scopes requested:</p><ul id=\"scopes\"><li>%s</li></ul>"
                 "<form method=\"post\" action=\"/oauth2/authorize/approve\">%s"
                 "<button type=\"submit\" id=\"approve\">Approve</button></form>"
                 "<form method=\"post\" action=\"/oauth2/authorize/deny\">%s"
                 "<button type=\"submit\" id=\"deny\">Deny</button></form>"
                 "</body></html>",
                 e_app, e_store, e_scope, hidden, hidden) < 0)
        page = NULL;
    free(hidden);
    free(e_scope);
    free(e_store);
    free(e_app);
    return page;
}

char *sb_oauth_error_html(const char *message)
{
    char *esc = sb_html_escape(message), *page = NULL;
    if (esc && asprintf(&page,
                        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                        "<title>Authorization error</title></head><body>"
                        "<h1>Authorization error</h1><p id=\"error\">%s</p></body></html>",
                        esc) < 0)
        page = NULL;
    free(esc);
    return page;
}
