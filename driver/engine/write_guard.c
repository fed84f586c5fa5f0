/*
 * Whether the write statement now running says WHERE. SQLite does not tell a virtual table
 * which statement drives it, so the text of the one busy statement that writes is read: a
 * WHERE keyword outside brackets, strings, quoted names and comments.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include "write_internal.h"

/* Skip a quoted string or name, or a comment, starting at p; returns where scanning goes on. */
static const char *skip_quoted(const char *p)
{
    char close = *p == '[' ? ']' : *p;

    if (p[0] == '-' && p[1] == '-') {
        const char *nl = strchr(p, '\n');
        return nl ? nl : p + strlen(p);
    }
    if (p[0] == '/' && p[1] == '*') {
        const char *end = strstr(p + 2, "*/");
        return end ? end + 2 : p + strlen(p);
    }
    for (p++; *p; p++) {
        if (*p == close) {
            if (close != ']' && p[1] == close) { /* a doubled quote stays inside */
                p++;
                continue;
            }
            return p + 1;
        }
    }
    return p;
}

static bool top_level_where(const char *sql)
{
    int depth = 0;

    for (const char *p = sql; *p;) {
        if (*p == '\'' || *p == '"' || *p == '`' || *p == '[' || (p[0] == '-' && p[1] == '-') ||
            (p[0] == '/' && p[1] == '*')) {
            p = skip_quoted(p);
        } else if (*p == '(') {
            depth++, p++;
        } else if (*p == ')') {
            depth--, p++;
        } else if (isalpha((unsigned char)*p) || *p == '_') {
            const char *start = p;
            while (isalnum((unsigned char)*p) || *p == '_')
                p++;
            if (depth == 0 && p - start == 5 && strncasecmp(start, "WHERE", 5) == 0)
                return true;
        } else {
            p++;
        }
    }
    return false;
}

bool bc_write_statement_has_where(sqlite3 *db)
{
    for (sqlite3_stmt *s = sqlite3_next_stmt(db, NULL); s != NULL; s = sqlite3_next_stmt(db, s)) {
        const char *sql;
        if (!sqlite3_stmt_busy(s) || sqlite3_stmt_readonly(s) || (sql = sqlite3_sql(s)) == NULL)
            continue;
        return top_level_where(sql);
    }
    return true;
}
