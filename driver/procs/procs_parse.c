/*
 * Recognizing procedure calls (docs/ARCHITECTURE.md): EXEC/EXECUTE name [@]p = v, ...,
 * {call name(v, ...)}, CALL name(v, ...). Values are quoted strings ('' escapes a quote),
 * '?' markers, or bare words/numbers. Anything else is left to SQLite (return 0).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "bc_procs.h"

typedef struct lexer {
    const char *s;
    size_t i;
    bc_error *err;
} lexer;

static void skip_ws(lexer *lx)
{
    for (;;) {
        const char *p = lx->s + lx->i;
        if (isspace((unsigned char)*p)) {
            lx->i++;
        } else if (p[0] == '-' && p[1] == '-') {
            lx->i += strcspn(p, "\n");
        } else if (p[0] == '/' && p[1] == '*') {
            const char *end = strstr(p + 2, "*/");
            lx->i = end ? (size_t)(end + 2 - lx->s) : strlen(lx->s);
        } else {
            return;
        }
    }
}

static bool is_ident_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80;
}

/* Consume kw (case-insensitive) when it is a whole word here. */
static bool match_kw(lexer *lx, const char *kw)
{
    size_t n = strlen(kw);

    if (strncasecmp(lx->s + lx->i, kw, n) != 0 || is_ident_char(lx->s[lx->i + n]))
        return false;
    lx->i += n;
    skip_ws(lx);
    return true;
}

static int syntax(lexer *lx, const char *what)
{
    return bc_error_set(lx->err, "42000", 0,
                        "Syntax error in the procedure call at offset %zu: %s. Write EXEC "
                        "name Param = 'value', ... or {call name(?, ...)}.",
                        lx->i, what);
}

/* An identifier: plain, "double quoted" or [bracketed]. Returns malloc'd text or NULL (err
 * set on OOM only when the caller checks). */
static char *read_ident(lexer *lx)
{
    const char *p = lx->s + lx->i;
    size_t n;
    char *out;

    if (*p == '"' || *p == '[') {
        const char *end = strchr(p + 1, *p == '"' ? '"' : ']');
        if (end == NULL)
            return NULL;
        out = strndup(p + 1, (size_t)(end - p - 1));
        lx->i += (size_t)(end - p) + 1;
    } else {
        for (n = 0; is_ident_char(p[n]); n++)
            ;
        if (n == 0)
            return NULL;
        out = strndup(p, n);
        lx->i += n;
    }
    skip_ws(lx);
    return out;
}

/* name or schema.name (the schema, e.g. "BigCommerce", is ignored). */
static char *read_proc_name(lexer *lx)
{
    char *name = read_ident(lx);

    while (name != NULL && lx->s[lx->i] == '.') {
        lx->i++;
        skip_ws(lx);
        free(name);
        name = read_ident(lx);
    }
    return name;
}

/* 'text' with '' escapes (an N prefix is allowed). NULL at a broken literal. */
static char *read_string(lexer *lx)
{
    const char *p = lx->s + lx->i + 1;
    char *out = malloc(strlen(p) + 1);
    size_t o = 0;

    if (out == NULL)
        return NULL;
    for (; *p; p++) {
        if (*p == '\'' && p[1] == '\'') {
            out[o++] = '\'';
            p++;
        } else if (*p == '\'') {
            out[o] = '\0';
            lx->i = (size_t)(p + 1 - lx->s);
            skip_ws(lx);
            return out;
        } else {
            out[o++] = *p;
        }
    }
    free(out);
    return NULL;
}

static int add_arg(bc_proc_call *c, char *name, char *value, int param_index)
{
    bc_proc_arg *grown = realloc(c->args, sizeof *grown * (size_t)(c->nargs + 1));

    if (grown == NULL) {
        free(name);
        free(value);
        return -1;
    }
    c->args = grown;
    c->args[c->nargs++] = (bc_proc_arg){name, value, param_index};
    return 0;
}

/* One argument's value: '?', a string, or a bare word/number. */
static int read_value(lexer *lx, bc_proc_call *c, char *name)
{
    const char *p = lx->s + lx->i;
    char *value = NULL;

    if (*p == '?') {
        lx->i++;
        skip_ws(lx);
        if (add_arg(c, name, NULL, ++c->nparams) != 0)
            return bc_error_set(lx->err, "HY001", 0, "Out of memory parsing the call.");
        return 0;
    }
    if ((*p == 'N' || *p == 'n') && p[1] == '\'')
        lx->i++, p++;
    if (*p == '\'') {
        value = read_string(lx);
        if (value == NULL) {
            free(name);
            return syntax(lx, "unterminated string literal");
        }
    } else {
        size_t n = strcspn(p, ",)}; \t\r\n");
        if (n == 0) {
            free(name);
            return syntax(lx, "a value is missing");
        }
        lx->i += n;
        skip_ws(lx);
        /* The keyword NULL is no value, exactly like a '?' bound to SQL_NULL_DATA; it must
         * not reach the procedure as the text "NULL". */
        if (n == 4 && strncasecmp(p, "NULL", 4) == 0) {
            if (add_arg(c, name, NULL, 0) != 0)
                return bc_error_set(lx->err, "HY001", 0, "Out of memory parsing the call.");
            return 0;
        }
        value = strndup(p, n);
    }
    if (value == NULL || add_arg(c, name, value, 0) != 0)
        return bc_error_set(lx->err, "HY001", 0, "Out of memory parsing the call.");
    return 0;
}

/* [@]name = value, or a positional value. */
static int read_arg(lexer *lx, bc_proc_call *c)
{
    size_t start = lx->i;
    bool at = lx->s[lx->i] == '@';
    char *name;

    if (at)
        lx->i++;
    name = read_ident(lx);
    if (name != NULL && lx->s[lx->i] == '=') {
        lx->i++;
        skip_ws(lx);
        return read_value(lx, c, name);
    }
    free(name);
    if (at)
        return syntax(lx, "expected '=' after the parameter name");
    lx->i = start;
    return read_value(lx, c, NULL);
}

/* Arguments separated by commas, up to (not including) stop ('\0' for EXEC, ')'). */
static int read_args(lexer *lx, bc_proc_call *c, char stop)
{
    if (lx->s[lx->i] == stop || (stop == '\0' && lx->s[lx->i] == ';'))
        return 0;
    for (;;) {
        if (read_arg(lx, c) != 0)
            return -1;
        if (lx->s[lx->i] != ',')
            return 0;
        lx->i++;
        skip_ws(lx);
    }
}

/* "AuthMode, CallbackURL, ..." for messages; a static buffer is enough (the list is short
 * and the message is copied at once). */
static const char *param_list(const bc_proc_def *d)
{
    static __thread char buf[512];
    size_t n = 0;

    buf[0] = '\0';
    for (int i = 0; i < d->ninputs && n < sizeof buf; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? ", " : "", d->inputs[i].name);
    return buf;
}

/* Map each argument to an input of the procedure: named ones by name (case-insensitive;
 * the name is rewritten to its canonical spelling), positional ones in the order the inputs
 * are listed. */
static int check_args(bc_proc_call *c, bc_error *err)
{
    const bc_proc_def *d = c->proc;
    unsigned seen = 0;
    int pos = 0;

    for (int i = 0; i < c->nargs; i++) {
        bc_proc_arg *a = &c->args[i];
        int k = -1;
        if (a->name == NULL) {
            k = pos++;
            if (k >= d->ninputs)
                return bc_error_set(err, "42000", 0,
                                    "Too many arguments for procedure %s: it takes %d.", d->name,
                                    d->ninputs);
        } else {
            for (int j = 0; j < d->ninputs && k < 0; j++)
                if (strcasecmp(d->inputs[j].name, a->name) == 0)
                    k = j;
            if (k < 0)
                return bc_error_set(err, "42000", 0,
                                    "Procedure %s has no parameter '%s'. Its parameters are "
                                    "%s.",
                                    d->name, a->name, param_list(d));
            free(a->name);
            if ((a->name = strdup(d->inputs[k].name)) == NULL)
                return bc_error_set(err, "HY001", 0, "Out of memory parsing the call.");
        }
        if (seen & (1u << k))
            return bc_error_set(err, "42000", 0, "Parameter %s of procedure %s is given twice.",
                                d->inputs[k].name, d->name);
        seen |= 1u << k;
    }
    return 0;
}

static int parse_call(lexer *lx, bc_proc_call *c, bool brace, bool exec_form)
{
    char *name = read_proc_name(lx);

    if (name == NULL)
        return syntax(lx, "the procedure name is missing");
    c->proc = bc_proc_find(name);
    if (c->proc == NULL) {
        bc_error_set(lx->err, "42000", 0,
                     "Unknown procedure '%s'. The procedures are GetOAuthAuthorizationURL and "
                     "GetOAuthAccessToken.",
                     name);
        free(name);
        return -1;
    }
    free(name);
    if (!exec_form && lx->s[lx->i] == '(') {
        lx->i++;
        skip_ws(lx);
        if (read_args(lx, c, ')') != 0)
            return -1;
        if (lx->s[lx->i] != ')')
            return syntax(lx, "expected ')'");
        lx->i++;
        skip_ws(lx);
    } else if (exec_form && read_args(lx, c, '\0') != 0) {
        return -1;
    }
    if (brace) {
        if (lx->s[lx->i] != '}')
            return syntax(lx, "expected '}'");
        lx->i++;
        skip_ws(lx);
    }
    if (lx->s[lx->i] == ';') {
        lx->i++;
        skip_ws(lx);
    }
    if (lx->s[lx->i] != '\0')
        return syntax(lx, "unexpected text after the call");
    return check_args(c, lx->err);
}

/* Which form starts the statement: 0 none, 1 EXEC, 2 CALL, 3 {call}, -1 error. */
static int call_form(lexer *lx)
{
    skip_ws(lx);
    if (lx->s[lx->i] == '{') {
        lx->i++;
        skip_ws(lx);
        if (lx->s[lx->i] == '?')
            return bc_error_set(lx->err, "42000", 0,
                                "{?= call ...} is not supported: the procedures return a "
                                "result set, not a return value. Write {call name(...)}.");
        return match_kw(lx, "call") ? 3 : 0;
    }
    if (match_kw(lx, "EXECUTE") || match_kw(lx, "EXEC"))
        return 1;
    if (match_kw(lx, "CALL"))
        return 2;
    return 0;
}

int bc_proc_parse(const char *sql, bc_proc_call **out, bc_error *err)
{
    lexer lx = {sql, 0, err};
    bc_proc_call *c;
    int form;

    *out = NULL;
    if (sql == NULL)
        return 0;
    form = call_form(&lx);
    if (form <= 0)
        return form;
    c = calloc(1, sizeof *c);
    if (c == NULL)
        return bc_error_set(err, "HY001", 0, "Out of memory parsing the call.");
    if (parse_call(&lx, c, form == 3, form == 1) != 0) {
        bc_proc_call_free(c);
        return -1;
    }
    *out = c;
    return 1;
}

void bc_proc_call_free(bc_proc_call *c)
{
    if (c == NULL)
        return;
    for (int i = 0; i < c->nargs; i++) {
        free(c->args[i].name);
        free(c->args[i].value);
    }
    free(c->args);
    free(c);
}
