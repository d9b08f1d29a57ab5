/*
 * outfile.h - writing a file so that readers never see half of it.
 *
 * Output goes to a temporary file in the target's directory (created with
 * mkstemp, so never over an existing file); outfile_commit flushes, fsyncs
 * and renames it over the target in one step (git's lockfile.c). An
 * interrupted or failed write leaves the old target untouched. A NULL or
 * "-" path writes to standard output directly.
 */
#ifndef DADEUM_UTIL_OUTFILE_H
#define DADEUM_UTIL_OUTFILE_H

#include <stdio.h>

struct outfile {
    FILE *fp;   /* write here */
    char *path; /* target path, NULL for stdout */
    char *tmp;  /* temporary path while open, NULL for stdout */
    char *buf;  /* fp's buffer (OUTFILE_BUFFER bytes), NULL for stdout */
};

#define OUTFILE_INIT {NULL, NULL, NULL, NULL}

/*
 * Files get a 256 KiB stdio buffer: with the default (st_blksize, 4 KiB)
 * writing a million TBX entries took 160,000 write calls.
 */
#define OUTFILE_BUFFER (256 * 1024)

/*
 * Opens path for writing: a temporary file beside it, renamed over it on
 * commit; "-" or NULL is standard output, and an existing device or FIFO
 * is written in place (never replaced). Returns 0, or -1 with errno set.
 */
int outfile_open(struct outfile *o, const char *path);
/* Makes the output visible. Returns 0, or -1 with errno set (target untouched). */
int outfile_commit(struct outfile *o);
/* Discards the output; safe after a failed open or commit. */
void outfile_abort(struct outfile *o);
/* The temporary path of the file being written, or NULL (for signal cleanup). */
const char *outfile_get_tmp(const struct outfile *o);

#endif
