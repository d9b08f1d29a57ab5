/*
 * outfile.h - writing a file so that readers never see half of it.
 *
 * Output goes to a temporary file in the target's directory (created with
 * mkstemp, so never over an existing file); outfile_commit flushes, fsyncs
 * and renames it over the target in one step (git's lockfile.c). An
 * interrupted or failed write leaves the old target untouched. A NULL or
 * "-" path writes to standard output directly.
 *
 * What the replacement keeps of the old file (docs/hostile-input.md):
 *  - its mode and owner: the temporary file gets them (fchown, fchmod)
 *    just before the rename; a file owned by another user can be replaced
 *    only by root (else outfile_open fails with EPERM);
 *  - its place behind symlinks: a symlink (or a chain of them) is followed,
 *    and the file it names is replaced, the link itself is left as it is;
 *  - not its hard links: the name written gets a new inode and the other
 *    names keep the old contents (o->nlink tells the caller, to warn).
 * ACLs and extended attributes are not copied.
 *
 * Temporary files are named TARGET.tmp.XXXXXX (X from mkstemp's alphabet)
 * and held under flock(LOCK_EX) while they are written. A process killed
 * with SIGKILL leaves its temporary file behind; the next outfile_open of
 * the same target removes every such file of our exact pattern that is a
 * regular file owned by the caller and not locked by a live writer.
 */
#ifndef DADEUM_UTIL_OUTFILE_H
#define DADEUM_UTIL_OUTFILE_H

#include <stdio.h>
#include <sys/types.h>

struct outfile {
    FILE *fp;            /* write here */
    char *path;          /* target path (symlinks resolved), NULL for stdout */
    char *tmp;           /* temporary path while open, NULL for stdout */
    char *buf;           /* fp's buffer (OUTFILE_BUFFER bytes), NULL for stdout */
    int lockfd;          /* a dup of the temporary file's descriptor, holding its flock; -1 */
    int replace;         /* 1 when the target exists: the fields below are its own */
    mode_t mode;         /* permission bits (07777) of the old target */
    uid_t uid;           /* its owner */
    gid_t gid;           /* its group */
    unsigned long nlink; /* its number of hard links (0 for a new file) */
};

#define OUTFILE_INIT                                                                               \
    {                                                                                              \
        NULL, NULL, NULL, NULL, -1, 0, 0, 0, 0, 0                                                  \
    }

/*
 * Files get a 256 KiB stdio buffer: with the default (st_blksize, 4 KiB)
 * writing a million TBX entries took 160,000 write calls.
 */
#define OUTFILE_BUFFER (256 * 1024)

/*
 * Opens path for writing: a temporary file beside the file path names
 * (after symlinks), renamed over it on commit; "-" or NULL is standard
 * output, and an existing device or FIFO is written in place (never
 * replaced). Removes stale temporary files of the target first (see
 * above). Returns 0, or -1 with errno set (EPERM: the target belongs to
 * another user; ELOOP: too many symlinks).
 */
int outfile_open(struct outfile *o, const char *path);
/*
 * Makes the output visible, with the old target's mode and owner.
 * Returns 0, or -1 with errno set (target untouched).
 */
int outfile_commit(struct outfile *o);
/* Discards the output; safe after a failed open or commit. */
void outfile_abort(struct outfile *o);
/* The temporary path of the file being written, or NULL (for signal cleanup). */
const char *outfile_get_tmp(const struct outfile *o);

/*
 * 1 when a and b both exist and are the same file (device and inode, after
 * symlinks: hard links and symlinks count as the same), else 0. "-" is
 * never the same as anything. For refusing an output that is an input.
 */
int outfile_same_file(const char *a, const char *b);

#endif
