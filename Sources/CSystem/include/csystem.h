#ifndef CERTGUIDE_CSYSTEM_H
#define CERTGUIDE_CSYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS/EINVAL where unsupported).
int certguide_exchange_paths(const char *a, const char *b);

/// Flushes every file of the file system that holds `path` to disk (Linux syncfs; sync()
/// elsewhere). Returns 0 on success, -1 with errno set otherwise.
int certguide_sync_filesystem(const char *path);

/// Asks the C allocator to keep `bytes` of headroom when it grows or trims its heap (glibc
/// M_TOP_PAD); does nothing elsewhere.
void certguide_heap_headroom(unsigned long bytes);

#endif
