/*
 * The declared type of a result column that is an expression over DECIMAL columns:
 * SUM(total_inc_tax), AVG(o.price) AS avg_price, price * quantity. SQLite declares a type
 * only for a column read as is; for an expression the driver would otherwise report what
 * the first row holds (a double), so money totals would reach BI tools as floating point.
 *
 * The select list of the statement's text is split at its top-level commas (a statement
 * whose list does not match its result columns, such as one with *, is left alone), and
 * each expression is typed by a small recursive parser: a column name is looked up in the
 * catalog tables the statement names; sums, minima, maxima and + - * of DECIMAL and integer
 * operands are DECIMAL (the scale of a product is the sum of the scales), averages and
 * quotients get BC_AVG_EXTRA_SCALE more decimals, ROUND(x, n) has scale n. Anything else
 * (another function, a string, a column of another type) leaves the column undeclared.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "bc_catalog.h"
#include "bc_engine.h"

#define MAX_TOKENS 4096
#define MAX_TABLES 16
#define BC_AVG_EXTRA_SCALE 4
#define DEC_PRECISION 38
#define DEC_MAX_SCALE 18

typedef struct token {
    const char *p;
    int n;
    char kind; /* 'i' identifier, 'q' quoted identifier, 'n' number, 's' string, else the char */
} token;

typedef struct lexed {
    token t[MAX_TOKENS];
    int n;
    const bc_table_def *tables[MAX_TABLES];
    int ntables;
} lexed;

/* The kind of a (sub)expression. */
typedef enum { K_OTHER, K_INT, K_NUMLIT, K_DEC } kind;

typedef struct typed {
    kind k;
    int scale; /* K_DEC, K_NUMLIT */
} typed;

typedef struct parser {
    const lexed *lx;
    int pos, end;
} parser;

static int skip_quoted(const char *s, char close)
{
    int i = 1;
    while (s[i] && !(s[i] == close && s[i + 1] != close))
        i += s[i] == close ? 2 : 1;
    return s[i] ? i + 1 : i;
}

static void lex(const char *s, lexed *lx)
{
    lx->n = 0;
    while (*s && lx->n < MAX_TOKENS) {
        token *t = &lx->t[lx->n];
        if (isspace((unsigned char)*s)) {
            s++;
            continue;
        }
        if (s[0] == '-' && s[1] == '-') {
            s += strcspn(s, "\n");
            continue;
        }
        t->p = s;
        if (isalpha((unsigned char)*s) || *s == '_') {
            while (isalnum((unsigned char)*s) || *s == '_' || *s == '$')
                s++;
            t->kind = 'i';
        } else if (isdigit((unsigned char)*s) || (*s == '.' && isdigit((unsigned char)s[1]))) {
            while (isalnum((unsigned char)*s) || *s == '.' ||
                   ((*s == '+' || *s == '-') && (s[-1] == 'e' || s[-1] == 'E')))
                s++;
            t->kind = 'n';
        } else if (*s == '"' || *s == '`' || *s == '[') {
            s += skip_quoted(s, *s == '[' ? ']' : *s);
            t->kind = 'q';
        } else if (*s == '\'') {
            s += skip_quoted(s, '\'');
            t->kind = 's';
        } else {
            t->kind = *s++;
        }
        t->n = (int)(s - t->p);
        lx->n++;
    }
}

static bool is_word(const token *t, const char *w)
{
    return t->kind == 'i' && (size_t)t->n == strlen(w) && strncasecmp(t->p, w, (size_t)t->n) == 0;
}

/* The identifier's text without quotes, in buf. */
static const char *ident_text(const token *t, char *buf, size_t cap)
{
    int off = t->kind == 'q' ? 1 : 0, n = t->n - 2 * off;
    snprintf(buf, cap, "%.*s", n < 0 ? 0 : n, t->p + off);
    return buf;
}

static void find_tables(lexed *lx)
{
    char name[128];

    lx->ntables = 0;
    for (int i = 0; i < lx->n && lx->ntables < MAX_TABLES; i++) {
        if (lx->t[i].kind != 'i' && lx->t[i].kind != 'q')
            continue;
        const bc_table_def *t = bc_catalog_find(ident_text(&lx->t[i], name, sizeof name));
        if (t != NULL)
            lx->tables[lx->ntables++] = t;
    }
}

/* The type of a column name in the tables the statement names: all that have it agree. */
static typed column_kind(const lexed *lx, const token *t)
{
    char name[128];
    typed r = {K_OTHER, 0};
    bool found = false;

    ident_text(t, name, sizeof name);
    for (int i = 0; i < lx->ntables; i++) {
        int c = bc_catalog_column_index(lx->tables[i], name);
        if (c < 0)
            continue;
        bc_col_type ct = lx->tables[i]->columns[c].type;
        typed k = {K_OTHER, 0};
        if (ct == BC_COL_DECIMAL) {
            bc_sql_type st;
            bc_type_of_column(&lx->tables[i]->columns[c], &st);
            k = (typed){K_DEC, st.decimal_digits};
        } else if (ct == BC_COL_INTEGER || ct == BC_COL_BIGINT) {
            k.k = K_INT;
        }
        if (found && (k.k != r.k || k.scale != r.scale))
            return (typed){K_OTHER, 0};
        r = k;
        found = true;
    }
    return r;
}

static const token *peek(const parser *ps)
{
    return ps->pos < ps->end ? &ps->lx->t[ps->pos] : NULL;
}

static bool accept(parser *ps, char kind)
{
    const token *t = peek(ps);
    if (t == NULL || t->kind != kind)
        return false;
    ps->pos++;
    return true;
}

static typed parse_expr(parser *ps);

static int literal_scale(const token *t)
{
    const char *dot = memchr(t->p, '.', (size_t)t->n);
    if (memchr(t->p, 'e', (size_t)t->n) || memchr(t->p, 'E', (size_t)t->n))
        return -1;
    return dot ? (int)(t->p + t->n - dot - 1) : 0;
}

static typed combine(typed a, typed b, char op)
{
    bool dec = a.k == K_DEC || b.k == K_DEC;
    bool numeric = a.k != K_OTHER && b.k != K_OTHER;

    if (!numeric)
        return (typed){K_OTHER, 0};
    if (!dec)
        return (typed){a.k == K_INT && b.k == K_INT ? K_INT : K_NUMLIT, 0};
    int s = op == '*'   ? a.scale + b.scale
            : op == '/' ? a.scale + BC_AVG_EXTRA_SCALE
            : op == '%' ? -1
                        : (a.scale > b.scale ? a.scale : b.scale);
    if (s < 0 || s > DEC_MAX_SCALE)
        return (typed){K_OTHER, 0};
    return (typed){K_DEC, s};
}

/* name(args): the aggregates and ROUND/ABS keep DECIMAL; other functions are not typed. */
static typed parse_call(parser *ps, const token *fn)
{
    typed a = {K_OTHER, 0}, b = {K_OTHER, 0};
    const token *second = NULL;

    if (accept(ps, ')'))
        return (typed){K_OTHER, 0};
    if (is_word(peek(ps), "DISTINCT"))
        ps->pos++;
    a = parse_expr(ps);
    if (accept(ps, ',')) {
        second = peek(ps);
        b = parse_expr(ps);
    }
    if (!accept(ps, ')'))
        return (typed){K_OTHER, -1};
    if (is_word(fn, "SUM") || is_word(fn, "TOTAL") || is_word(fn, "MIN") || is_word(fn, "MAX") ||
        is_word(fn, "ABS"))
        return second == NULL && a.k == K_DEC ? a : (typed){K_OTHER, 0};
    if (is_word(fn, "AVG"))
        return second == NULL && a.k == K_DEC && a.scale + BC_AVG_EXTRA_SCALE <= DEC_MAX_SCALE
                   ? (typed){K_DEC, a.scale + BC_AVG_EXTRA_SCALE}
                   : (typed){K_OTHER, 0};
    if (is_word(fn, "ROUND") && a.k == K_DEC) {
        int n = second == NULL ? 0 : (b.k == K_INT || b.k == K_NUMLIT) ? atoi(second->p) : -1;
        return n >= 0 && n <= a.scale ? (typed){K_DEC, n} : (typed){K_OTHER, 0};
    }
    return (typed){K_OTHER, 0};
}

static typed parse_term(parser *ps)
{
    const token *t = peek(ps);

    if (t == NULL)
        return (typed){K_OTHER, 0};
    ps->pos++;
    if (t->kind == '-' || t->kind == '+')
        return parse_term(ps);
    if (t->kind == '(') {
        typed r = parse_expr(ps);
        return accept(ps, ')') ? r : (typed){K_OTHER, 0};
    }
    if (t->kind == 'n') {
        int s = literal_scale(t);
        return s < 0 ? (typed){K_OTHER, 0} : (typed){s == 0 ? K_INT : K_NUMLIT, s};
    }
    if (t->kind == 'i' && accept(ps, '('))
        return parse_call(ps, t);
    if (t->kind == 'i' || t->kind == 'q') {
        while (accept(ps, '.')) { /* table.column: the last name is the column */
            const token *next = peek(ps);
            if (next == NULL || (next->kind != 'i' && next->kind != 'q'))
                return (typed){K_OTHER, 0};
            t = next;
            ps->pos++;
        }
        return column_kind(ps->lx, t);
    }
    return (typed){K_OTHER, 0};
}

static typed parse_expr(parser *ps)
{
    typed r = parse_term(ps);

    for (const token *t = peek(ps);
         t != NULL && (t->kind == '+' || t->kind == '-' || t->kind == '*' || t->kind == '/');
         t = peek(ps)) {
        ps->pos++;
        r = combine(r, parse_term(ps), t->kind);
    }
    return r;
}

/* [from, to) of the select list's item col, without its alias; false when the statement's
 * select list cannot be matched to its result columns. */
static bool select_item(const lexed *lx, int col, int ncols, int *from, int *to)
{
    int i = 0, depth = 0, item = 0, start;

    if (lx->n == 0 || !is_word(&lx->t[0], "SELECT"))
        return false;
    i = 1;
    if (i < lx->n && (is_word(&lx->t[i], "DISTINCT") || is_word(&lx->t[i], "ALL")))
        i++;
    start = i;
    for (; i <= lx->n; i++) {
        const token *t = i < lx->n ? &lx->t[i] : NULL;
        bool end = t == NULL || (depth == 0 && (is_word(t, "FROM") || t->kind == ';'));
        if (t != NULL && !end) {
            depth += t->kind == '(' ? 1 : t->kind == ')' ? -1 : 0;
            if (t->kind == '*' && depth == 0 &&
                (i == start || lx->t[i - 1].kind == '.' || lx->t[i - 1].kind == ','))
                return false; /* "*" or "t.*": the columns are not the items */
        }
        if (end || (depth == 0 && t->kind == ',')) {
            if (item == col) {
                *from = start;
                *to = i;
            }
            item++;
            start = i + 1;
            if (end)
                break;
        }
    }
    if (item != ncols || *to <= *from)
        return false;
    /* "expr AS alias" or "expr alias" */
    if (*to - *from >= 3 && is_word(&lx->t[*to - 2], "AS"))
        *to -= 2;
    else if (*to - *from >= 2 && (lx->t[*to - 1].kind == 'i' || lx->t[*to - 1].kind == 'q') &&
             (lx->t[*to - 2].kind == ')' || lx->t[*to - 2].kind == 'i' ||
              lx->t[*to - 2].kind == 'q' || lx->t[*to - 2].kind == 'n'))
        *to -= 1;
    return true;
}

const char *bc_engine_expr_decltype(sqlite3_stmt *vm, int col, char *buf, size_t cap)
{
    const char *sql = sqlite3_sql(vm);
    lexed *lx;
    int from = 0, to = 0;
    const char *result = NULL;

    if (sql == NULL || (lx = malloc(sizeof *lx)) == NULL)
        return NULL;
    lex(sql, lx);
    if (lx->n < MAX_TOKENS && select_item(lx, col, sqlite3_column_count(vm), &from, &to)) {
        find_tables(lx);
        parser ps = {lx, from, to};
        typed r = parse_expr(&ps);
        if (ps.pos == to && r.k == K_DEC) {
            snprintf(buf, cap, "DECIMAL(%d,%d)", DEC_PRECISION, r.scale);
            result = buf;
        }
    }
    free(lx);
    return result;
}
