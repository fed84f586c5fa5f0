/*
 * ODBC escape sequences rewritten into SQLite SQL: {fn NAME(args)} scalar functions,
 * {d '...'}, {t '...'}, {ts '...'} literals, {oj ...} outer joins and {escape '\'} in LIKE.
 * Quoted strings, quoted identifiers and comments are copied untouched; escapes nest.
 * {call ...} and {?= call ...} are left alone: the router sends them to the procedures.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "bc_sql.h"
#include "bc_util.h"

#define MAX_ARGS 8

typedef struct fn_map {
    const char *name;
    int nargs;        /* -1: any number, passed through as a list */
    const char *tmpl; /* $1..$9 are the arguments */
} fn_map;

static const fn_map k_fns[] = {
    {"UCASE", 1, "upper($1)"},
    {"LCASE", 1, "lower($1)"},
    {"CONCAT", 2, "(($1) || ($2))"},
    {"LENGTH", 1, "length(rtrim($1))"},
    {"CHAR_LENGTH", 1, "length($1)"},
    {"CHARACTER_LENGTH", 1, "length($1)"},
    {"OCTET_LENGTH", 1, "length(CAST(($1) AS BLOB))"},
    {"SUBSTRING", 3, "substr($1, $2, $3)"},
    {"SUBSTRING", 2, "substr($1, $2)"},
    {"LEFT", 2, "substr($1, 1, $2)"},
    {"RIGHT", 2, "(CASE WHEN ($2) > 0 THEN substr($1, -($2)) ELSE '' END)"},
    {"LTRIM", 1, "ltrim($1)"},
    {"RTRIM", 1, "rtrim($1)"},
    {"LOCATE", 2, "instr($2, $1)"},
    {"LOCATE", 3,
     "(CASE WHEN instr(substr($2, $3), $1) > 0 "
     "THEN instr(substr($2, $3), $1) + ($3) - 1 ELSE 0 END)"},
    {"REPLACE", 3, "replace($1, $2, $3)"},
    {"ASCII", 1, "unicode($1)"},
    {"CHAR", 1, "char($1)"},
    {"SPACE", 1, "printf('%*s', $1, '')"},
    {"ABS", 1, "abs($1)"},
    {"ROUND", 2, "round($1, $2)"},
    {"ROUND", 1, "round($1)"},
    {"FLOOR", 1,
     "(CASE WHEN ($1) < CAST(($1) AS INTEGER) THEN CAST(($1) AS INTEGER) - 1 "
     "ELSE CAST(($1) AS INTEGER) END)"},
    {"CEILING", 1,
     "(CASE WHEN ($1) > CAST(($1) AS INTEGER) THEN CAST(($1) AS INTEGER) + 1 "
     "ELSE CAST(($1) AS INTEGER) END)"},
    {"MOD", 2, "(($1) % ($2))"},
    {"SIGN", 1, "sign($1)"},
    {"NOW", 0, "datetime('now')"},
    {"CURDATE", 0, "date('now')"},
    {"CURTIME", 0, "time('now')"},
    {"CURRENT_DATE", 0, "date('now')"},
    {"CURRENT_TIME", 0, "time('now')"},
    {"CURRENT_TIMESTAMP", 0, "datetime('now')"},
    {"YEAR", 1, "CAST(strftime('%Y', $1) AS INTEGER)"},
    {"MONTH", 1, "CAST(strftime('%m', $1) AS INTEGER)"},
    {"DAYOFMONTH", 1, "CAST(strftime('%d', $1) AS INTEGER)"},
    {"DAYOFYEAR", 1, "CAST(strftime('%j', $1) AS INTEGER)"},
    {"DAYOFWEEK", 1, "(CAST(strftime('%w', $1) AS INTEGER) + 1)"},
    {"WEEK", 1, "CAST(strftime('%W', $1) AS INTEGER)"},
    {"QUARTER", 1, "((CAST(strftime('%m', $1) AS INTEGER) + 2) / 3)"},
    {"HOUR", 1, "CAST(strftime('%H', $1) AS INTEGER)"},
    {"MINUTE", 1, "CAST(strftime('%M', $1) AS INTEGER)"},
    {"SECOND", 1, "CAST(strftime('%S', $1) AS INTEGER)"},
    {"IFNULL", 2, "ifnull($1, $2)"},
    {"DATABASE", 0, "'BigCommerce'"},
    {"USER", 0, "''"},
};

/* CONVERT(value, SQL_xxx) target types. */
static const char *const k_convert[][2] = {
    {"SQL_INTEGER", "CAST($1 AS INTEGER)"},
    {"SQL_BIGINT", "CAST($1 AS INTEGER)"},
    {"SQL_SMALLINT", "CAST($1 AS INTEGER)"},
    {"SQL_TINYINT", "CAST($1 AS INTEGER)"},
    {"SQL_BIT", "CAST($1 AS INTEGER)"},
    {"SQL_DOUBLE", "CAST($1 AS REAL)"},
    {"SQL_FLOAT", "CAST($1 AS REAL)"},
    {"SQL_REAL", "CAST($1 AS REAL)"},
    {"SQL_DECIMAL", "CAST($1 AS REAL)"},
    {"SQL_NUMERIC", "CAST($1 AS REAL)"},
    {"SQL_CHAR", "CAST($1 AS TEXT)"},
    {"SQL_VARCHAR", "CAST($1 AS TEXT)"},
    {"SQL_LONGVARCHAR", "CAST($1 AS TEXT)"},
    {"SQL_WCHAR", "CAST($1 AS TEXT)"},
    {"SQL_WVARCHAR", "CAST($1 AS TEXT)"},
    {"SQL_WLONGVARCHAR", "CAST($1 AS TEXT)"},
    {"SQL_DATE", "date($1)"},
    {"SQL_TYPE_DATE", "date($1)"},
    {"SQL_TIME", "time($1)"},
    {"SQL_TYPE_TIME", "time($1)"},
    {"SQL_TIMESTAMP", "datetime($1)"},
    {"SQL_TYPE_TIMESTAMP", "datetime($1)"},
};

static int rewrite(const char *s, size_t n, bc_buf *out, bc_error *err);

/* Length of a quoted run starting at s[0] (', ", ` or [), or of a comment; 0 otherwise. */
static size_t quoted_len(const char *s, size_t n)
{
    char close;
    size_t i;

    if (n >= 2 && s[0] == '-' && s[1] == '-') {
        for (i = 2; i < n && s[i] != '\n'; i++)
            ;
        return i;
    }
    if (n >= 2 && s[0] == '/' && s[1] == '*') {
        for (i = 2; i + 1 < n && !(s[i] == '*' && s[i + 1] == '/'); i++)
            ;
        return i + 1 < n ? i + 2 : n;
    }
    if (s[0] != '\'' && s[0] != '"' && s[0] != '`' && s[0] != '[')
        return 0;
    close = s[0] == '[' ? ']' : s[0];
    for (i = 1; i < n; i++) {
        if (s[i] == close) {
            if (close != ']' && i + 1 < n && s[i + 1] == close) {
                i++; /* doubled quote inside */
                continue;
            }
            return i + 1;
        }
    }
    return n; /* unterminated: SQLite reports it */
}

/* Offset of the '}' that closes the '{' at s[0], or 0 when there is none. */
static size_t match_brace(const char *s, size_t n)
{
    int depth = 0;

    for (size_t i = 0; i < n;) {
        size_t q = quoted_len(s + i, n - i);
        if (q > 0) {
            i += q;
            continue;
        }
        if (s[i] == '{')
            depth++;
        else if (s[i] == '}' && --depth == 0)
            return i;
        i++;
    }
    return 0;
}

static size_t skip_space(const char *s, size_t i, size_t n)
{
    while (i < n && isspace((unsigned char)s[i]))
        i++;
    return i;
}

typedef struct span {
    const char *p;
    size_t n;
} span;

/* Split "a, f(b, c), 'x,y'" at top-level commas. Returns the count or -1 when too many. */
static int split_args(const char *s, size_t n, span *args)
{
    int count = 0, depth = 0;
    size_t start = 0;

    if (skip_space(s, 0, n) == n)
        return 0;
    for (size_t i = 0; i <= n;) {
        size_t q = i < n ? quoted_len(s + i, n - i) : 0;
        if (q > 0) {
            i += q;
            continue;
        }
        if (i == n || (s[i] == ',' && depth == 0)) {
            if (count == MAX_ARGS)
                return -1;
            args[count].p = s + start;
            args[count++].n = i - start;
            start = i + 1;
        } else if (s[i] == '(' || s[i] == '{') {
            depth++;
        } else if (s[i] == ')' || s[i] == '}') {
            depth--;
        }
        i++;
    }
    return count;
}

static int expand(const char *tmpl, char **args, bc_buf *out)
{
    for (const char *t = tmpl; *t; t++) {
        if (t[0] == '$' && t[1] >= '1' && t[1] <= '9') {
            bc_buf_puts(out, args[t[1] - '1']);
            t++;
        } else {
            bc_buf_append(out, t, 1);
        }
    }
    return 0;
}

static const char *find_fn(const char *name, size_t len, int nargs, bool *known)
{
    *known = false;
    for (size_t i = 0; i < sizeof k_fns / sizeof k_fns[0]; i++) {
        if (strlen(k_fns[i].name) != len || strncasecmp(k_fns[i].name, name, len) != 0)
            continue;
        *known = true;
        if (k_fns[i].nargs == nargs)
            return k_fns[i].tmpl;
    }
    return NULL;
}

static const char *find_convert(const char *type)
{
    for (size_t i = 0; i < sizeof k_convert / sizeof k_convert[0]; i++)
        if (strcasecmp(k_convert[i][0], type) == 0)
            return k_convert[i][1];
    return NULL;
}

static void free_args(char **a, int n)
{
    for (int i = 0; i < n; i++)
        free(a[i]);
}

/* Rewrite each argument on its own (they may hold escapes too). */
static int rewrite_args(const span *sp, int n, char **out, bc_error *err)
{
    for (int i = 0; i < n; i++) {
        bc_buf b;
        bc_buf_init(&b);
        size_t st = skip_space(sp[i].p, 0, sp[i].n), en = sp[i].n;
        while (en > st && isspace((unsigned char)sp[i].p[en - 1]))
            en--;
        if (rewrite(sp[i].p + st, en - st, &b, err) != 0 || (out[i] = bc_buf_steal(&b)) == NULL) {
            bc_buf_free(&b);
            free_args(out, i);
            return bc_error_set(err, "HY001", 0, "out of memory while rewriting escapes");
        }
    }
    return 0;
}

static int emit_fn(const char *name, size_t len, char **args, int nargs, bc_buf *out, bc_error *err)
{
    bool known;
    const char *tmpl;

    if (len == 7 && strncasecmp(name, "CONVERT", 7) == 0) {
        tmpl = nargs == 2 ? find_convert(args[1]) : NULL;
        if (tmpl == NULL)
            return bc_error_set(err, "42000", 0,
                                "{fn CONVERT(value, type)} needs an SQL_xxx type such as "
                                "SQL_INTEGER, SQL_DOUBLE, SQL_VARCHAR or SQL_TIMESTAMP");
        return expand(tmpl, args, out);
    }
    tmpl = find_fn(name, len, nargs, &known);
    if (tmpl != NULL)
        return expand(tmpl, args, out);
    if (known)
        return bc_error_set(err, "42000", 0, "wrong number of arguments (%d) to {fn %.*s}", nargs,
                            (int)len, name);
    /* Not an ODBC name we map: SQLite may know it under the same name. */
    bc_buf_append(out, name, len);
    bc_buf_puts(out, "(");
    for (int i = 0; i < nargs; i++)
        bc_buf_printf(out, "%s%s", i ? ", " : "", args[i]);
    bc_buf_puts(out, ")");
    return 0;
}

static int rewrite_fn(const char *s, size_t n, bc_buf *out, bc_error *err)
{
    size_t i = skip_space(s, 0, n), name_start = i, close;
    span sp[MAX_ARGS];
    char *args[MAX_ARGS];
    int nargs, rc;

    while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '_'))
        i++;
    size_t name_len = i - name_start;
    i = skip_space(s, i, n);
    if (name_len == 0)
        return bc_error_set(err, "42000", 0, "{fn} needs a function name");
    if (i == n) { /* {fn CURRENT_DATE} without parentheses */
        bool known;
        const char *tmpl = find_fn(s + name_start, name_len, 0, &known);
        if (tmpl == NULL)
            return bc_error_set(err, "42000", 0, "{fn %.*s} needs an argument list", (int)name_len,
                                s + name_start);
        bc_buf_puts(out, tmpl);
        return 0;
    }
    close = n;
    while (close > i && isspace((unsigned char)s[close - 1]))
        close--;
    if (s[i] != '(' || s[close - 1] != ')')
        return bc_error_set(err, "42000", 0, "{fn %.*s ...} is not a function call", (int)name_len,
                            s + name_start);
    nargs = split_args(s + i + 1, close - 1 - (i + 1), sp);
    if (nargs < 0)
        return bc_error_set(err, "42000", 0, "too many arguments to {fn %.*s}", (int)name_len,
                            s + name_start);
    if (rewrite_args(sp, nargs, args, err) != 0)
        return -1;
    rc = emit_fn(s + name_start, name_len, args, nargs, out, err);
    free_args(args, nargs);
    return rc;
}

/* n digits at s as a number, or -1 when they are not all digits. */
static int digits(const char *s, int n)
{
    int v = 0;

    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static bool valid_date(const char *s, size_t n)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, m, d;

    if (n != 10 || s[4] != '-' || s[7] != '-')
        return false;
    y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return false;
    return !(m == 2 && d == 29 && (y % 4 != 0 || (y % 100 == 0 && y % 400 != 0)));
}

/* hh:mm:ss, then (timestamps only) an optional fraction of up to 9 digits. */
static bool valid_time(const char *s, size_t n, bool fraction)
{
    int h, mi, se;

    if (n < 8 || s[2] != ':' || s[5] != ':')
        return false;
    h = digits(s, 2), mi = digits(s + 3, 2), se = digits(s + 6, 2);
    if (h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59)
        return false;
    if (n == 8)
        return true;
    return fraction && s[8] == '.' && n > 9 && n <= 18 && digits(s + 9, (int)(n - 9)) >= 0;
}

/* Whether the text between the quotes is a real date, time or timestamp of the escape's
 * form: SQLite would take '2026-13-45' as text and compare it silently. */
static bool valid_literal(const char *kw, const char *v, size_t n)
{
    if (strcmp(kw, "d") == 0)
        return valid_date(v, n);
    if (strcmp(kw, "t") == 0)
        return valid_time(v, n, false);
    return n >= 19 && v[10] == ' ' && valid_date(v, 10) && valid_time(v + 11, n - 11, true);
}

/* {d '2024-01-31'}, {t '...'}, {ts '...'}: SQLite compares dates as text. */
static int rewrite_literal(const char *kw, const char *s, size_t n, bc_buf *out, bc_error *err)
{
    size_t i = skip_space(s, 0, n), q;

    q = i < n ? quoted_len(s + i, n - i) : 0;
    if (q < 2 || s[i] != '\'' || skip_space(s, i + q, n) != n)
        return bc_error_set(err, "42000", 0, "{%s} needs a quoted literal, e.g. {%s '%s'}", kw, kw,
                            strcmp(kw, "d") == 0   ? "2024-01-31"
                            : strcmp(kw, "t") == 0 ? "13:45:00"
                                                   : "2024-01-31 13:45:00");
    if (!valid_literal(kw, s + i + 1, q - 2))
        return bc_error_set(err, "22007", 0,
                            "{%s %.*s} is not a valid %s; write it as {%s '%s'} with a real "
                            "calendar date and time.",
                            kw, (int)(q > 64 ? 64 : q), s + i,
                            strcmp(kw, "d") == 0   ? "date"
                            : strcmp(kw, "t") == 0 ? "time"
                                                   : "timestamp",
                            kw,
                            strcmp(kw, "d") == 0   ? "2024-01-31"
                            : strcmp(kw, "t") == 0 ? "13:45:00"
                                                   : "2024-01-31 13:45:00");
    bc_buf_append(out, s + i, q);
    return 0;
}

static bool keyword_is(const char *s, size_t len, const char *kw)
{
    return strlen(kw) == len && strncasecmp(s, kw, len) == 0;
}

/* body: the text between '{' and '}'. whole: the escape with its braces. */
static int rewrite_escape(const char *body, size_t n, const char *whole, size_t wn, bc_buf *out,
                          bc_error *err)
{
    size_t i = skip_space(body, 0, n), k = i;

    if (i < n && body[i] == '?') { /* {?= call ...}: the procedure router's */
        bc_buf_append(out, whole, wn);
        return 0;
    }
    while (k < n && isalpha((unsigned char)body[k]))
        k++;
    const char *kw = body + i;
    size_t kl = k - i;
    if (keyword_is(kw, kl, "call")) {
        bc_buf_append(out, whole, wn);
        return 0;
    }
    if (keyword_is(kw, kl, "fn"))
        return rewrite_fn(body + k, n - k, out, err);
    if (keyword_is(kw, kl, "d") || keyword_is(kw, kl, "t") || keyword_is(kw, kl, "ts"))
        return rewrite_literal(kl == 1 ? (*kw == 'd' || *kw == 'D' ? "d" : "t") : "ts", body + k,
                               n - k, out, err);
    if (keyword_is(kw, kl, "oj"))
        return rewrite(body + k, n - k, out, err);
    if (keyword_is(kw, kl, "escape")) {
        bc_buf_puts(out, "ESCAPE");
        return rewrite(body + k, n - k, out, err);
    }
    if (keyword_is(kw, kl, "interval"))
        return bc_error_set(err, "42000", 0,
                            "interval literals ({INTERVAL ...}) are not "
                            "supported; use date('now', '-1 day') style "
                            "modifiers");
    return bc_error_set(err, "42000", 0, "unknown ODBC escape {%.*s ...}", (int)(kl ? kl : 1),
                        kl ? kw : body + i);
}

static int rewrite(const char *s, size_t n, bc_buf *out, bc_error *err)
{
    size_t i = 0;

    while (i < n) {
        size_t q = quoted_len(s + i, n - i);
        if (q > 0) {
            bc_buf_append(out, s + i, q);
            i += q;
        } else if (s[i] == '{') {
            size_t close = match_brace(s + i, n - i);
            if (close == 0)
                return bc_error_set(err, "42000", 0, "an ODBC escape '{' is not closed by '}'");
            if (rewrite_escape(s + i + 1, close - 1, s + i, close + 1, out, err) != 0)
                return -1;
            i += close + 1;
        } else {
            bc_buf_append(out, s + i, 1);
            i++;
        }
    }
    return 0;
}

char *bc_sql_rewrite_escapes(const char *sql, bc_error *err)
{
    bc_buf out;
    char *res;

    if (sql == NULL) {
        bc_error_set(err, "HY009", 0, "no SQL text was given");
        return NULL;
    }
    bc_buf_init(&out);
    if (rewrite(sql, strlen(sql), &out, err) != 0) {
        bc_buf_free(&out);
        return NULL;
    }
    res = bc_buf_steal(&out);
    if (res == NULL)
        bc_error_set(err, "HY001", 0, "out of memory while rewriting escapes");
    return res;
}
