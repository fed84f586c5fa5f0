/*
 * Setting one connection property from text: the validation rules of its definition. Every
 * rejection is HY024 with a message that names the property and says what it accepts, since
 * a user reading it has only their connection string or odbc.ini to fix.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "bc_props.h"
#include "bc_util.h"

#define BC_STATE_BAD_VALUE "HY024"
/* How much of a rejected value the message repeats; enough to recognise it. */
#define BC_PROP_ECHO_MAX 64

static const char *const bool_true[] = {"true", "yes", "on", "1"};
static const char *const bool_false[] = {"false", "no", "off", "0"};

/* A view of value without leading and trailing ASCII blanks. */
static const char *trimmed(const char *value, size_t *len)
{
    size_t n = strlen(value);
    while (n > 0 && isspace((unsigned char)*value)) {
        value++;
        n--;
    }
    while (n > 0 && isspace((unsigned char)value[n - 1]))
        n--;
    *len = n;
    return value;
}

/* The part of a URL after any user:password@ in its authority (never echoed). */
static const char *without_userinfo(const char *url, size_t *len)
{
    const char *auth = strstr(url, "://");
    const char *at;
    size_t n;

    if (auth == NULL)
        return url;
    auth += 3;
    n = strcspn(auth, "/?#");
    while ((at = memchr(auth, '@', n)) != NULL) {
        *len -= (size_t)(at + 1 - url);
        n -= (size_t)(at + 1 - auth);
        url = auth = at + 1;
    }
    return url;
}

static int bad_value(const bc_prop_def *def, const char *value, size_t len, const char *rule,
                     bc_error *err)
{
    /* A secret's value is never repeated, even when it is wrong. */
    if (def->secret)
        return bc_error_set(err, BC_STATE_BAD_VALUE, 0, "Invalid value for %s: %s", def->name,
                            rule);
    if (def->flags & BC_PROP_F_URL)
        value = without_userinfo(value, &len);
    int shown = len > BC_PROP_ECHO_MAX ? BC_PROP_ECHO_MAX : (int)len;
    return bc_error_set(err, BC_STATE_BAD_VALUE, 0, "Invalid value '%.*s%s' for %s: %s", shown,
                        value, len > BC_PROP_ECHO_MAX ? "..." : "", def->name, rule);
}

static int set_int(const bc_prop_def *def, int *field, const char *value, bc_error *err)
{
    size_t len;
    const char *v = trimmed(value, &len);
    char buf[32];
    char rule[96];
    char *end = NULL;
    long n = 0;
    bool ok = len > 0 && len < sizeof buf;

    snprintf(rule, sizeof rule, "give a whole number from %d to %d.", def->min, def->max);
    if (ok) {
        memcpy(buf, v, len);
        buf[len] = '\0';
        errno = 0;
        n = strtol(buf, &end, 10);
        ok = errno == 0 && *end == '\0' && n >= def->min && n <= def->max;
    }
    if (!ok)
        return bad_value(def, v, len, rule, err);
    *field = (int)n;
    return 0;
}

/* Index of the comma-separated token equal (ignoring case) to v, or -1. */
static int enum_index(const char *values, const char *v, size_t len)
{
    int idx = 0;
    const char *tok = values;
    while (tok != NULL && *tok != '\0') {
        const char *comma = strchr(tok, ',');
        size_t tlen = comma ? (size_t)(comma - tok) : strlen(tok);
        if (tlen == len && strncasecmp(tok, v, len) == 0)
            return idx;
        idx++;
        tok = comma ? comma + 1 : NULL;
    }
    return -1;
}

static int set_enum(const bc_prop_def *def, int *field, const char *value, bc_error *err)
{
    size_t len;
    const char *v = trimmed(value, &len);
    int idx = enum_index(def->values, v, len);
    if (idx < 0) {
        char rule[256];
        snprintf(rule, sizeof rule, "allowed values are %s.", def->values);
        /* "OFF,GETANDREFRESH" reads better as "OFF, GETANDREFRESH". */
        char pretty[256];
        size_t o = 0;
        for (const char *s = rule; *s != '\0' && o + 2 < sizeof pretty; s++) {
            pretty[o++] = *s;
            if (*s == ',')
                pretty[o++] = ' ';
        }
        pretty[o] = '\0';
        return bad_value(def, v, len, pretty, err);
    }
    *field = idx;
    return 0;
}

static bool word_in(const char *const *words, size_t n, const char *v, size_t len)
{
    for (size_t i = 0; i < n; i++) {
        if (strlen(words[i]) == len && strncasecmp(words[i], v, len) == 0)
            return true;
    }
    return false;
}

static int set_bool(const bc_prop_def *def, int *field, const char *value, bc_error *err)
{
    size_t len;
    const char *v = trimmed(value, &len);
    size_t nt = sizeof bool_true / sizeof bool_true[0];
    size_t nf = sizeof bool_false / sizeof bool_false[0];
    if (word_in(bool_true, nt, v, len))
        *field = 1;
    else if (word_in(bool_false, nf, v, len))
        *field = 0;
    else
        return bad_value(def, v, len, "allowed values are true, false, yes, no, on, off, 1, 0.",
                         err);
    return 0;
}

static bool is_http_url(const char *v)
{
    return (strncasecmp(v, "http://", 7) == 0 && v[7] != '\0') ||
           (strncasecmp(v, "https://", 8) == 0 && v[8] != '\0');
}

static int set_string(const bc_prop_def *def, char **field, const char *value, bc_error *err)
{
    /* Values become HTTP header lines, URL parts, form fields or paths: a line break would
     * start a header or request line of the sender's choosing. */
    if (strpbrk(value, "\r\n") != NULL)
        return bad_value(def, "", 0, "the value contains a line break (CR or LF); remove it.", err);
    if ((def->flags & BC_PROP_F_URL) && !is_http_url(value))
        return bad_value(def, value, strlen(value),
                         "give a URL that starts with http:// or https://.", err);
    char *copy = strdup(value);
    if (copy == NULL)
        return bc_error_set(err, "HY001", 0, "Out of memory while setting %s.", def->name);
    if (*field != NULL && def->secret)
        explicit_bzero(*field, strlen(*field));
    free(*field);
    *field = copy;
    /* Registered before anything can log it: the log redacts every registered secret. */
    if (def->secret)
        bc_log_secret(copy);
    return 0;
}

/* An empty value means "not given": back to the default, or NULL for strings without one. */
static int reset_to_default(bc_props *p, int i, bc_error *err)
{
    const bc_prop_def *def = &bc_prop_defs[i];
    if (def->default_value != NULL && def->default_value[0] != '\0')
        return bc_props_set_at(p, i, def->default_value, err);
    if (def->type == BC_PROP_STRING) {
        char **field = (char **)((char *)p + def->offset);
        free(*field);
        *field = NULL;
    } else {
        *(int *)((char *)p + def->offset) = 0;
    }
    return 0;
}

int bc_props_set_at(bc_props *p, int i, const char *value, bc_error *err)
{
    if (p == NULL || i < 0 || i >= bc_prop_def_count)
        return bc_error_set(err, "HY000", 0, "Internal error: no connection property #%d.", i);
    const bc_prop_def *def = &bc_prop_defs[i];
    size_t len;
    if (value == NULL || (trimmed(value, &len), len == 0))
        return reset_to_default(p, i, err);

    void *field = (char *)p + def->offset;
    switch (def->type) {
    case BC_PROP_INT:
        return set_int(def, field, value, err);
    case BC_PROP_ENUM:
        return set_enum(def, field, value, err);
    case BC_PROP_BOOL:
        return set_bool(def, field, value, err);
    case BC_PROP_STRING:
        break;
    }
    return set_string(def, field, value, err);
}

int bc_props_set(bc_props *p, const char *key, const char *value, bc_error *err)
{
    const bc_prop_def *def = bc_prop_find(key);
    if (def == NULL)
        return 0; /* ODBC: a driver ignores keywords it does not know. */
    return bc_props_set_at(p, bc_prop_index(def), value, err);
}
