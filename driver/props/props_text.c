/*
 * Connection properties back to text: one value (sys_connection_props, setup tools) and the
 * whole set as a connection string (SQLDriverConnect's output string), written so that
 * bc_connstr_parse reads back exactly the same values.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "bc_props.h"
#include "bc_util.h"

#define BC_PROP_MASK "********"

static const char *enum_token(const char *values, int idx, size_t *len)
{
    const char *tok = values;
    for (int i = 0; tok != NULL; i++) {
        const char *comma = strchr(tok, ',');
        if (i == idx) {
            *len = comma ? (size_t)(comma - tok) : strlen(tok);
            return tok;
        }
        tok = comma ? comma + 1 : NULL;
    }
    return NULL;
}

char *bc_props_value_text(const bc_props *p, int i, bool mask)
{
    if (p == NULL || i < 0 || i >= bc_prop_def_count)
        return NULL;
    const bc_prop_def *def = &bc_prop_defs[i];
    const void *field = (const char *)p + def->offset;
    int n = def->type == BC_PROP_STRING ? 0 : *(const int *)field;
    size_t len = 0;
    const char *tok;

    switch (def->type) {
    case BC_PROP_INT:
        return bc_sprintf("%d", n);
    case BC_PROP_BOOL:
        return strdup(n ? "true" : "false");
    case BC_PROP_ENUM:
        tok = enum_token(def->values, n, &len);
        return tok ? strndup(tok, len) : NULL;
    case BC_PROP_STRING:
        break;
    }
    const char *s = *(char *const *)field;
    if (s == NULL)
        return NULL;
    return strdup(mask && def->secret ? BC_PROP_MASK : s);
}

/* Braces are needed when the value would otherwise be cut or trimmed by the parser. */
static bool needs_braces(const char *v)
{
    size_t n = strlen(v);
    if (n == 0)
        return false;
    if (isspace((unsigned char)v[0]) || isspace((unsigned char)v[n - 1]) || v[0] == '{')
        return true;
    return strpbrk(v, ";{}") != NULL;
}

static void append_value(bc_buf *b, const char *v)
{
    if (!needs_braces(v)) {
        bc_buf_puts(b, v);
        return;
    }
    bc_buf_puts(b, "{");
    for (const char *s = v; *s != '\0'; s++) {
        /* Inside braces "}}" is a literal '}'. */
        bc_buf_append(b, s, 1);
        if (*s == '}')
            bc_buf_append(b, s, 1);
    }
    bc_buf_puts(b, "}");
}

/* Defaults are left out: the string stays short and reads like what the user wrote. */
static bool is_default(const bc_prop_def *def, const char *text)
{
    return def->default_value != NULL && strcasecmp(def->default_value, text) == 0;
}

char *bc_props_to_connstr(const bc_props *p)
{
    bc_buf b;
    bc_buf_init(&b);
    for (int i = 0; i < bc_prop_def_count; i++) {
        /* With a DSN, the Driver read from it is for display: the completed string names the
         * DSN only, so the driver manager resolves it the same way next time. */
        if (p->dsn != NULL && strcasecmp(bc_prop_defs[i].name, "Driver") == 0)
            continue;
        char *text = bc_props_value_text(p, i, false);
        if (text == NULL)
            continue;
        if (!is_default(&bc_prop_defs[i], text)) {
            bc_buf_printf(&b, "%s%s=", b.len > 0 ? ";" : "", bc_prop_defs[i].name);
            append_value(&b, text);
        }
        if (bc_prop_defs[i].secret)
            explicit_bzero(text, strlen(text));
        free(text);
    }
    if (b.len == 0)
        bc_buf_append(&b, "", 0);
    /* b.data may hold secrets; bc_buf_steal hands the one copy to the caller. */
    char *out = bc_buf_steal(&b);
    bc_buf_free(&b);
    return out;
}
