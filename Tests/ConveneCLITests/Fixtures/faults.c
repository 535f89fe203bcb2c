/* Makes chosen write(), fsync() or ftruncate() calls fail, for Convene's fault-injection tests.
 * Loaded with LD_PRELOAD and steered by the environment:
 *   CONVENE_FAULT       write | fsync | ftruncate, or several joined by commas: which calls fail
 *   CONVENE_FAULT_FILE  a file name           only calls on a file of this name count
 *   CONVENE_FAULT_AT    N (default 1)         the first call that fails, counting from 1
 *   CONVENE_FAULT_TIMES N (default 1)         how many calls in a row fail
 *   CONVENE_FAULT_ERRNO N (default EIO)       the error they fail with
 * A failing write() first writes half of what it was given, as a full disk does. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int seen;

/* Whether `call` is one of the comma-separated names in `list`. */
static int listed(const char *list, const char *call) {
    size_t length = strlen(call);
    for (const char *name = list; name; name = strchr(name, ',') ? strchr(name, ',') + 1 : NULL) {
        if (strncmp(name, call, length) == 0 && (name[length] == ',' || name[length] == 0)) return 1;
    }
    return 0;
}

static int targeted(const char *call, int fd) {
    const char *which = getenv("CONVENE_FAULT");
    const char *file = getenv("CONVENE_FAULT_FILE");
    if (!which || !listed(which, call) || !file) return 0;
    char link[64], path[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t length = readlink(link, path, sizeof path - 1);
    if (length <= 0) return 0;
    path[length] = 0;
    const char *name = strrchr(path, '/');
    if (!name || strcmp(name + 1, file) != 0) return 0;
    int at = getenv("CONVENE_FAULT_AT") ? atoi(getenv("CONVENE_FAULT_AT")) : 1;
    int times = getenv("CONVENE_FAULT_TIMES") ? atoi(getenv("CONVENE_FAULT_TIMES")) : 1;
    seen += 1;
    return seen >= at && seen < at + times;
}

static int failure(void) {
    return getenv("CONVENE_FAULT_ERRNO") ? atoi(getenv("CONVENE_FAULT_ERRNO")) : EIO;
}

ssize_t write(int fd, const void *buffer, size_t count) {
    static ssize_t (*real)(int, const void *, size_t);
    if (!real) real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
    if (targeted("write", fd)) {
        if (count > 1) real(fd, buffer, count / 2);
        errno = failure();
        return -1;
    }
    return real(fd, buffer, count);
}

int fsync(int fd) {
    static int (*real)(int);
    if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    if (targeted("fsync", fd)) {
        errno = failure();
        return -1;
    }
    return real(fd);
}

int ftruncate(int fd, off_t length) {
    static int (*real)(int, off_t);
    if (!real) real = (int (*)(int, off_t))dlsym(RTLD_NEXT, "ftruncate");
    if (targeted("ftruncate", fd)) {
        errno = failure();
        return -1;
    }
    return real(fd, length);
}
