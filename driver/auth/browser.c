/*
 * Opening the user's browser for the desktop flow: $BROWSER when set, else xdg-open, started
 * with fork/exec and the URL as its only argument (no shell, so the URL is never
 * interpreted). A double fork leaves no zombie behind and never touches the application's
 * SIGCHLD handling beyond one short waitpid.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "auth_internal.h"

/* In the grandchild: exec the browser; on failure, report errno through the pipe. */
static void exec_browser(const char *prog, const char *url, int errfd)
{
    int devnull = open("/dev/null", O_RDWR);
    int e;

    if (devnull >= 0) {
        /* The browser must not read the application's stdin or write into its output. */
        dup2(devnull, STDIN_FILENO);
        dup2(devnull, STDOUT_FILENO);
        dup2(devnull, STDERR_FILENO);
        if (devnull > STDERR_FILENO)
            close(devnull);
    }
    setsid();
    execlp(prog, prog, url, (char *)NULL);
    e = errno;
    if (write(errfd, &e, sizeof e) < 0)
        _exit(127);
    _exit(127);
}

/* Fork twice; returns the exec errno (0 when the program started), or -1 when fork failed. */
static int spawn(const char *prog, const char *url)
{
    int pipefd[2];
    pid_t pid;
    int status, e = 0;
    ssize_t r;

    if (pipe2(pipefd, O_CLOEXEC) != 0)
        return errno;
    pid = fork();
    if (pid < 0) {
        e = errno;
        close(pipefd[0]);
        close(pipefd[1]);
        return e;
    }
    if (pid == 0) {
        close(pipefd[0]);
        if (fork() == 0)
            exec_browser(prog, url, pipefd[1]);
        _exit(0);
    }
    close(pipefd[1]);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    /* EOF (the pipe closed on a successful exec) or the errno the grandchild sent. */
    do {
        r = read(pipefd[0], &e, sizeof e);
    } while (r < 0 && errno == EINTR);
    close(pipefd[0]);
    return r == (ssize_t)sizeof e ? e : 0;
}

int bc_oauth_open_browser(const char *url, bc_error *err)
{
    const char *env = getenv("BROWSER");
    const char *prog = (env != NULL && *env != '\0') ? env : "xdg-open";
    int e = spawn(prog, url);

    if (e == 0)
        return 0;
    return bc_error_set(err, "08001", 0,
                        "No browser could be opened for the sign-in (%s: %s). Open this URL "
                        "on any machine with a browser and approve the app: %s -- then copy "
                        "the 'code' parameter of the page it redirects to and connect with "
                        "OAuthVerifier=<code> (headless flow), or set BROWSER to a browser "
                        "program.",
                        prog, strerror(e), url);
}
