/*
 * SQLDescribeParam's type for a '?' marker: SQLite does not type parameters, so the type is
 * the declared type of the column the marker is compared with (id = ?, ? < price,
 * name LIKE ?, status_id IN (?, ?), date_created BETWEEN ? AND ?, SET c = ?), or that it
 * fills (INSERT INTO t (a, b) VALUES (?, ?)). The statement text is scanned for those shapes
 * and the column is looked up in the tables the FROM, JOIN, UPDATE and INTO clauses name
 * (BigCommerce tables and TEMP tables alike, through SQLite's own schema).
 * Anything else (an expression, a function argument, a marker in the select list) is left
 * untyped and the caller reports its default.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "bc_handles.h"
#include "bc_util.h"

#define MAX_TOKENS 4096
#define MAX_TABLES 32

typedef enum { TK_IDENT, TK_MARKER, TK_OP, TK_PUNCT, TK_OTHER } tk_kind;

typedef struct token {
    tk_kind kind;
    const char *s; /* into the SQL text; quoted identifiers without their quotes */
    int len;
} token;

typedef struct table_ref {
    token name, alias;
} table_ref;

typedef struct scan {
    token t[MAX_TOKENS];
    int n;
    table_ref tables[MAX_TABLES];
    int ntables;
} scan;

static bool tok_is(const token *t, const char *word)
{
    return t->kind == TK_IDENT && (int)strlen(word) == t->len &&
           strncasecmp(t->s, word, (size_t)t->len) == 0;
}

static void push(scan *sc, tk_kind kind, const char *s, int len)
{
    if (sc->n < MAX_TOKENS)
        sc->t[sc->n++] = (token){kind, s, len};
}

/* Length of a quoted run starting at p (the quote included), doubled quotes kept inside. */
static int quoted_len(const char *p, char close)
{
    int i = 1;
    while (p[i] != '\0') {
        if (p[i] == close && p[i + 1] == close && close != ']') {
            i += 2;
            continue;
        }
        if (p[i] == close)
            return i + 1;
        i++;
    }
    return i;
}

static const char *skip_comment(const char *p)
{
    if (p[0] == '-' && p[1] == '-') {
        while (*p && *p != '\n')
            p++;
        return p;
    }
    if (p[0] == '/' && p[1] == '*') {
        const char *end = strstr(p + 2, "*/");
        return end ? end + 2 : p + strlen(p);
    }
    return NULL;
}

static void tokenize(scan *sc, const char *p)
{
    while (*p) {
        const char *c = skip_comment(p);
        if (c != NULL) {
            p = c;
        } else if (isspace((unsigned char)*p)) {
            p++;
        } else if (*p == '\'') {
            int n = quoted_len(p, '\'');
            push(sc, TK_OTHER, p, n);
            p += n;
        } else if (*p == '"' || *p == '`' || *p == '[') {
            char close = *p == '[' ? ']' : *p;
            int n = quoted_len(p, close);
            push(sc, TK_IDENT, p + 1, n >= 2 ? n - 2 : 0);
            p += n;
        } else if (isalpha((unsigned char)*p) || *p == '_') {
            const char *s = p;
            while (isalnum((unsigned char)*p) || *p == '_' || *p == '$')
                p++;
            push(sc, TK_IDENT, s, (int)(p - s));
        } else if (*p == '?') {
            const char *s = p++;
            while (isdigit((unsigned char)*p))
                p++;
            /* ?NNN names a parameter out of order: leave such statements untyped. */
            push(sc, p - s == 1 ? TK_MARKER : TK_OTHER, s, (int)(p - s));
        } else if (strchr("=<>!", *p) != NULL) {
            const char *s = p;
            while (*p && strchr("=<>!", *p) != NULL)
                p++;
            push(sc, TK_OP, s, (int)(p - s));
        } else {
            push(sc, strchr("().,", *p) ? TK_PUNCT : TK_OTHER, p, 1);
            p++;
        }
    }
}

static bool is_punct(const token *t, char c)
{
    return t->kind == TK_PUNCT && t->s[0] == c;
}

/* Words that end a table reference, so they are never taken for an alias. */
static bool is_clause_word(const token *t)
{
    static const char *const words[] = {
        "WHERE",  "JOIN",   "ON",        "LEFT",   "RIGHT",  "INNER",  "OUTER",     "CROSS",
        "FULL",   "GROUP",  "ORDER",     "LIMIT",  "HAVING", "UNION",  "NATURAL",   "USING",
        "WINDOW", "EXCEPT", "INTERSECT", "OFFSET", "SET",    "VALUES", "RETURNING", NULL};
    for (int i = 0; words[i]; i++)
        if (tok_is(t, words[i]))
            return true;
    return false;
}

/* A table reference at t[i]: [schema .] name [[AS] alias]; returns the index after it. */
static int read_table_ref(scan *sc, int i)
{
    table_ref r = {0};

    if (i >= sc->n || sc->t[i].kind != TK_IDENT)
        return i;
    r.name = sc->t[i++];
    if (i + 1 < sc->n && is_punct(&sc->t[i], '.') && sc->t[i + 1].kind == TK_IDENT) {
        r.name = sc->t[i + 1];
        i += 2;
    }
    if (i < sc->n && tok_is(&sc->t[i], "AS"))
        i++;
    if (i < sc->n && sc->t[i].kind == TK_IDENT && !is_clause_word(&sc->t[i]))
        r.alias = sc->t[i++];
    if (sc->ntables < MAX_TABLES)
        sc->tables[sc->ntables++] = r;
    return i;
}

static void collect_tables(scan *sc)
{
    for (int i = 0; i < sc->n; i++) {
        /* UPDATE t SET c = ? and INSERT INTO t name tables too. */
        if (!tok_is(&sc->t[i], "FROM") && !tok_is(&sc->t[i], "JOIN") &&
            !tok_is(&sc->t[i], "UPDATE") && !tok_is(&sc->t[i], "INTO"))
            continue;
        int j = read_table_ref(sc, i + 1);
        /* FROM a, b, c */
        while (tok_is(&sc->t[i], "FROM") && j + 1 < sc->n && is_punct(&sc->t[j], ','))
            j = read_table_ref(sc, j + 1);
    }
}

static bool is_comparison(const token *t)
{
    return t->kind == TK_OP || tok_is(t, "LIKE") || tok_is(t, "GLOB") || tok_is(t, "IS");
}

/* The column token ending at t[k] (and its qualifier, if "q . col"); false when t[k] is not
 * an identifier. */
static bool column_ending_at(const scan *sc, int k, token *col, token *qual)
{
    if (k < 0 || sc->t[k].kind != TK_IDENT || is_clause_word(&sc->t[k]))
        return false;
    *col = sc->t[k];
    qual->len = 0;
    if (k >= 2 && is_punct(&sc->t[k - 1], '.') && sc->t[k - 2].kind == TK_IDENT)
        *qual = sc->t[k - 2];
    return true;
}

/* Index of the token before the marker's operator, skipping NOT ("col NOT LIKE ?"). */
static int before_op(const scan *sc, int op)
{
    int k = op - 1;
    if (k >= 0 && tok_is(&sc->t[k], "NOT"))
        k--;
    return k;
}

/* The column compared with the marker at t[m]. */
static bool compared_column(const scan *sc, int m, token *col, token *qual)
{
    qual->len = 0;
    /* col OP ? */
    if (m >= 1 && is_comparison(&sc->t[m - 1]) &&
        column_ending_at(sc, before_op(sc, m - 1), col, qual))
        return true;
    /* ? OP [q .] col */
    if (m + 2 < sc->n && sc->t[m + 1].kind == TK_OP) {
        int k = m + 2;
        if (k + 2 < sc->n && is_punct(&sc->t[k + 1], '.'))
            k += 2;
        if (column_ending_at(sc, k, col, qual))
            return true;
    }
    /* col [NOT] IN (?, ?, ...) */
    int k = m - 1;
    while (k >= 0 &&
           (is_punct(&sc->t[k], ',') || sc->t[k].kind == TK_MARKER || sc->t[k].kind == TK_OTHER))
        k--;
    if (k >= 1 && is_punct(&sc->t[k], '(') && tok_is(&sc->t[k - 1], "IN"))
        return column_ending_at(sc, before_op(sc, k - 1), col, qual);
    /* col BETWEEN ? AND ? */
    if (m >= 1 && tok_is(&sc->t[m - 1], "BETWEEN"))
        return column_ending_at(sc, before_op(sc, m - 1), col, qual);
    if (m >= 3 && tok_is(&sc->t[m - 1], "AND") && tok_is(&sc->t[m - 3], "BETWEEN"))
        return column_ending_at(sc, before_op(sc, m - 3), col, qual);
    return false;
}

static char *tok_dup(const token *t)
{
    return bc_strndup(t->s, (size_t)t->len);
}

static bool tok_eq(const token *a, const token *b)
{
    return a->len == b->len && a->len > 0 && strncasecmp(a->s, b->s, (size_t)a->len) == 0;
}

/* The declared type of table.column (main or temp schema), false when there is none. */
static bool column_decl(sqlite3 *db, const token *table, const token *col, bc_sql_type *out)
{
    char *t = tok_dup(table), *c = tok_dup(col);
    const char *decl = NULL;
    bool ok =
        t != NULL && c != NULL &&
        sqlite3_table_column_metadata(db, NULL, t, c, &decl, NULL, NULL, NULL, NULL) == SQLITE_OK &&
        decl != NULL;

    if (ok)
        bc_type_from_decl(decl, out);
    free(t);
    free(c);
    return ok;
}

static bool resolve(sqlite3 *db, const scan *sc, const token *col, const token *qual,
                    bc_sql_type *out)
{
    for (int i = 0; i < sc->ntables; i++) {
        const table_ref *r = &sc->tables[i];
        if (qual->len > 0 && !tok_eq(qual, &r->alias) && !tok_eq(qual, &r->name))
            continue;
        if (column_decl(db, &r->name, col, out))
            return true;
    }
    return false;
}

/* The place (0-based) of the marker t[m] in its VALUES tuple, -1 when it is not directly in
 * one. */
static int values_position(const scan *sc, int m)
{
    int v = -1, depth = 0, pos = 0;

    for (int i = 0; i < m; i++)
        if (tok_is(&sc->t[i], "VALUES"))
            v = i;
    if (v < 0)
        return -1;
    for (int i = v + 1; i < m; i++) {
        if (is_punct(&sc->t[i], '(')) {
            if (depth++ == 0)
                pos = 0;
        } else if (is_punct(&sc->t[i], ')')) {
            depth--;
        } else if (depth == 1 && is_punct(&sc->t[i], ',')) {
            pos++;
        }
    }
    return depth == 1 ? pos : -1;
}

/* The name of column `pos` of the INSERT: from its column list, else the table's order. */
static char *inserted_column_name(sqlite3 *db, const scan *sc, const table_ref *t, int pos)
{
    int i = 0;

    while (i < sc->n && !tok_eq(&sc->t[i], &t->name))
        i++;
    if (i + 1 < sc->n && is_punct(&sc->t[i + 1], '(')) {
        int k = 0;
        for (int j = i + 2; j < sc->n && !is_punct(&sc->t[j], ')'); j++) {
            if (sc->t[j].kind == TK_IDENT && k++ == pos)
                return tok_dup(&sc->t[j]);
        }
        return NULL;
    }
    sqlite3_stmt *vm = NULL;
    char *table = tok_dup(&t->name), *name = NULL;
    if (table != NULL &&
        sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info(?) LIMIT 1 OFFSET ?", -1, &vm,
                           NULL) == SQLITE_OK) {
        sqlite3_bind_text(vm, 1, table, -1, SQLITE_STATIC);
        sqlite3_bind_int(vm, 2, pos);
        if (sqlite3_step(vm) == SQLITE_ROW)
            name = bc_strdup((const char *)sqlite3_column_text(vm, 0));
    }
    sqlite3_finalize(vm);
    free(table);
    return name;
}

/* INSERT INTO t [(a, b)] VALUES (?, ?): the column at the marker's place. */
static bool inserted_column(sqlite3 *db, const scan *sc, int m, bc_sql_type *out)
{
    int pos;

    if (sc->n == 0 || sc->ntables == 0 ||
        !(tok_is(&sc->t[0], "INSERT") || tok_is(&sc->t[0], "REPLACE")) ||
        (pos = values_position(sc, m)) < 0)
        return false;
    char *col = inserted_column_name(db, sc, &sc->tables[0], pos);
    bool ok = false;
    if (col != NULL) {
        token c = {TK_IDENT, col, (int)strlen(col)};
        ok = column_decl(db, &sc->tables[0].name, &c, out);
    }
    free(col);
    return ok;
}

bool bc_param_type_from_sql(sqlite3 *db, const char *sql, int n, bc_sql_type *out)
{
    scan *sc = calloc(1, sizeof *sc);
    bool found = false;
    int seen = 0;

    if (sc == NULL || sql == NULL) {
        free(sc);
        return false;
    }
    tokenize(sc, sql);
    collect_tables(sc);
    for (int i = 0; i < sc->n && !found; i++) {
        if (sc->t[i].kind != TK_MARKER || ++seen != n)
            continue;
        token col, qual;
        found = (compared_column(sc, i, &col, &qual) && resolve(db, sc, &col, &qual, out)) ||
                inserted_column(db, sc, i, out);
        break;
    }
    free(sc);
    return found;
}
