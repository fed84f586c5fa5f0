/*
 * The settings file of OAuthSettingsLocation. Tokens are secrets, so the file and its temp
 * and lock files are created 0600 and the directories we create 0700. Writers serialize on
 * an flock of "<path>.lock" and replace the file by rename, so a reader never sees half a
 * file and no writer loses another's entry.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tokenstore_file.h"

#define TS_MAX_FILE (4L * 1024 * 1024)

char *bc_tokenstore_default_path(void)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    char *path;

    if (xdg != NULL && xdg[0] == '/') {
        path = malloc(strlen(xdg) + sizeof "/bigcommerce-odbc/oauth.json");
        if (path != NULL)
            sprintf(path, "%s/bigcommerce-odbc/oauth.json", xdg);
        return path;
    }
    if (home == NULL || home[0] == '\0')
        return NULL;
    path = malloc(strlen(home) + sizeof "/.config/bigcommerce-odbc/oauth.json");
    if (path != NULL)
        sprintf(path, "%s/.config/bigcommerce-odbc/oauth.json", home);
    return path;
}

static int io_error(const char *what, const char *path, int e, bc_error *err)
{
    return bc_error_set(err, "HY000", 0,
                        "Cannot %s the OAuth settings file '%s': %s. Check "
                        "OAuthSettingsLocation and the directory's permissions.",
                        what, path, strerror(e));
}

int bc_tsfile_read(const char *path, char **text, bc_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    char *buf;
    size_t got = 0;

    *text = NULL;
    if (fd < 0)
        return errno == ENOENT ? 0 : io_error("read", path, errno, err);
    if (fstat(fd, &st) != 0 || st.st_size > TS_MAX_FILE) {
        close(fd);
        return io_error("read", path, EFBIG, err);
    }
    buf = malloc((size_t)st.st_size + 1);
    if (buf == NULL) {
        close(fd);
        return bc_error_set(err, "HY001", 0, "Out of memory reading the OAuth settings file.");
    }
    while (got < (size_t)st.st_size) {
        ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    buf[got] = '\0';
    *text = buf;
    return 1;
}

/* mkdir -p of path's directory, new levels 0700. */
static int make_parent_dirs(const char *path)
{
    char *copy = strdup(path);
    char *dir;
    int rc = 0;

    if (copy == NULL)
        return ENOMEM;
    dir = dirname(copy);
    for (char *p = dir + 1; *p != '\0' && rc == 0; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST)
            rc = errno;
        *p = '/';
    }
    if (rc == 0 && mkdir(dir, 0700) != 0 && errno != EEXIST)
        rc = errno;
    free(copy);
    return rc;
}

int bc_tsfile_lock(const char *path, bc_error *err)
{
    char *lockpath = malloc(strlen(path) + sizeof ".lock");
    int fd, e;

    if (lockpath == NULL)
        return bc_error_set(err, "HY001", 0, "Out of memory locking the OAuth settings file.");
    sprintf(lockpath, "%s.lock", path);
    e = make_parent_dirs(path);
    if (e != 0) {
        free(lockpath);
        return io_error("create the directory of", path, e, err);
    }
    fd = open(lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    free(lockpath);
    if (fd < 0)
        return io_error("lock", path, errno, err);
    while (flock(fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            e = errno;
            close(fd);
            return io_error("lock", path, e, err);
        }
    }
    return fd;
}

void bc_tsfile_unlock(int fd)
{
    flock(fd, LOCK_UN);
    close(fd);
}

static int write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return errno;
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

static void sync_dir(const char *path)
{
    char *copy = strdup(path);
    int fd;

    if (copy == NULL)
        return;
    fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(copy);
}

int bc_tsfile_write(const char *path, const char *text, bc_error *err)
{
    char *tmp = malloc(strlen(path) + sizeof ".tmp.XXXXXX");
    int fd, e;

    if (tmp == NULL)
        return bc_error_set(err, "HY001", 0, "Out of memory writing the OAuth settings file.");
    sprintf(tmp, "%s.tmp.XXXXXX", path);
    fd = mkostemp(tmp, O_CLOEXEC); /* mkostemp creates the file 0600 */
    if (fd < 0) {
        e = errno;
        free(tmp);
        return io_error("write", path, e, err);
    }
    e = write_all(fd, text, strlen(text));
    if (e == 0 && fchmod(fd, 0600) != 0)
        e = errno;
    if (e == 0 && fsync(fd) != 0)
        e = errno;
    if (close(fd) != 0 && e == 0)
        e = errno;
    if (e == 0 && rename(tmp, path) != 0)
        e = errno;
    if (e != 0) {
        unlink(tmp);
        free(tmp);
        return io_error("write", path, e, err);
    }
    free(tmp);
    sync_dir(path);
    return 0;
}
