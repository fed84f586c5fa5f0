/*
 * The ODBC connection-string grammar (SQLDriverConnect):
 *   pairs separated by ';', KEY=value, keys case-insensitive and trimmed, values trimmed
 *   unless quoted in braces; inside braces ';' is ordinary and "}}" is a literal '}'.
 *   Empty pairs are skipped, unknown keys ignored, and for a repeated key the first one wins.
 * A malformed string is 08001 with the 1-based character position, so the user can find the
 * spot; the text itself is not echoed because a misplaced token would end up in a message.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "bc_props.h"

#define BC_STATE_BAD_CONNSTR "08001"

typedef struct cs_reader {
    const char *s;
    size_t pos;
    bc_error *err;
} cs_reader;

static void skip_blanks(cs_reader *r)
{
    while (r->s[r->pos] != '\0' && isspace((unsigned char)r->s[r->pos]))
        r->pos++;
}

/* Reads a key up to '='. Returns a malloc'd trimmed key, or NULL with err set. */
static char *read_key(cs_reader *r)
{
    size_t start = r->pos;
    while (r->s[r->pos] != '\0' && r->s[r->pos] != '=' && r->s[r->pos] != ';')
        r->pos++;
    if (r->s[r->pos] != '=') {
        bc_error_set(r->err, BC_STATE_BAD_CONNSTR, 0,
                     "Malformed connection string: the keyword at character %zu has no '='. "
                     "Write KEY=value pairs separated by ';'.",
                     start + 1);
        return NULL;
    }
    size_t end = r->pos;
    while (end > start && isspace((unsigned char)r->s[end - 1]))
        end--;
    if (end == start) {
        bc_error_set(r->err, BC_STATE_BAD_CONNSTR, 0,
                     "Malformed connection string: '=' without a keyword at character %zu. "
                     "Write KEY=value pairs separated by ';'.",
                     r->pos + 1);
        return NULL;
    }
    r->pos++; /* the '=' */
    char *key = strndup(r->s + start, end - start);
    if (key == NULL)
        bc_error_set(r->err, "HY001", 0, "Out of memory while parsing the connection string.");
    return key;
}

/* Reads "{...}" with "}}" as '}'; r->pos is at the '{'. */
static char *read_braced(cs_reader *r)
{
    size_t open = r->pos++;
    size_t n = strlen(r->s + r->pos);
    char *out = malloc(n + 1);
    size_t o = 0;
    if (out == NULL) {
        bc_error_set(r->err, "HY001", 0, "Out of memory while parsing the connection string.");
        return NULL;
    }
    for (;;) {
        char c = r->s[r->pos];
        if (c == '\0') {
            free(out);
            bc_error_set(r->err, BC_STATE_BAD_CONNSTR, 0,
                         "Malformed connection string: the '{' at character %zu is never "
                         "closed. End the value with '}' (write '}}' for a '}' inside it).",
                         open + 1);
            return NULL;
        }
        r->pos++;
        if (c == '}' && r->s[r->pos] == '}') {
            r->pos++;
        } else if (c == '}') {
            break;
        }
        out[o++] = c;
    }
    out[o] = '\0';
    skip_blanks(r);
    if (r->s[r->pos] != '\0' && r->s[r->pos] != ';') {
        bc_error_set(r->err, BC_STATE_BAD_CONNSTR, 0,
                     "Malformed connection string: unexpected text at character %zu after the "
                     "'}' that closes the value opened at character %zu. Put a ';' after '}'.",
                     r->pos + 1, open + 1);
        free(out);
        return NULL;
    }
    return out;
}

static char *read_value(cs_reader *r)
{
    skip_blanks(r);
    if (r->s[r->pos] == '{')
        return read_braced(r);
    size_t start = r->pos;
    while (r->s[r->pos] != '\0' && r->s[r->pos] != ';')
        r->pos++;
    size_t end = r->pos;
    while (end > start && isspace((unsigned char)r->s[end - 1]))
        end--;
    char *v = strndup(r->s + start, end - start);
    if (v == NULL)
        bc_error_set(r->err, "HY001", 0, "Out of memory while parsing the connection string.");
    return v;
}

/* Applies one pair unless the key is unknown or was already given earlier in this string. */
static int apply_pair(bc_props *p, const char *key, const char *value, unsigned char *seen,
                      bc_error *err)
{
    int i = bc_prop_index(bc_prop_find(key));
    if (i < 0 || bc_props_given(seen, i))
        return 0;
    seen[i / 8] |= (unsigned char)(1u << (i % 8));
    return bc_props_set_at(p, i, value, err);
}

static void wipe_free(char *s)
{
    if (s != NULL)
        explicit_bzero(s, strlen(s));
    free(s);
}

int bc_connstr_parse(const char *connstr, bc_props *p, unsigned char *given, bc_error *err)
{
    unsigned char seen[BC_PROPS_GIVEN_BYTES] = {0};
    cs_reader r = {.s = connstr ? connstr : "", .pos = 0, .err = err};
    int rc = 0;

    while (rc == 0) {
        skip_blanks(&r);
        if (r.s[r.pos] == '\0')
            break;
        if (r.s[r.pos] == ';') {
            r.pos++;
            continue;
        }
        char *key = read_key(&r);
        char *value = key ? read_value(&r) : NULL;
        if (value == NULL)
            rc = -1;
        else
            rc = apply_pair(p, key, value, seen, err);
        free(key);
        wipe_free(value); /* may be a token */
    }
    /* Only the bytes the header promises: callers size given by bc_prop_def_count. */
    if (given != NULL) {
        for (int b = 0; b < (bc_prop_def_count + 7) / 8; b++)
            given[b] |= seen[b];
    }
    return rc;
}
