#define _GNU_SOURCE
#include "csystem.h"
#include <errno.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
#endif

int certguide_exchange_paths(const char *a, const char *b) {
#if defined(__linux__) && defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */);
#else
    errno = ENOSYS;
    return -1;
#endif
}

int certguide_sync_filesystem(const char *path) {
#if defined(__linux__)
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return -1;
    int result = syncfs(fd);
    int saved = errno;
    close(fd);
    errno = saved;
    return result;
#else
    (void)path;
    sync();
    return 0;
#endif
}

void certguide_heap_headroom(unsigned long bytes) {
#if defined(__GLIBC__)
    mallopt(M_TOP_PAD, (int)(bytes > 0x7fffffffUL ? 0x7fffffffUL : bytes));
#else
    (void)bytes;
#endif
}
