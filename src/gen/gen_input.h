/*
 * gen_input.h - how the C generators of src/gen/ read their inputs: a file
 * that cannot be opened or read, or that gives fewer items than a floor, ends
 * the generator with one line naming the file and its Debian package (exit 1),
 * so a broken table never reaches the build. Header-only: each generator is
 * one program; it defines GEN_NAME before including this file.
 */
#ifndef DADEUM_GEN_GEN_INPUT_H
#define DADEUM_GEN_GEN_INPUT_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef GEN_NAME
#error "define GEN_NAME (the generator's name, for its messages) before gen_input.h"
#endif

/* Prints the one-line error for an unreadable input and exits 1. */
static void die_input(const char *path, const char *pkg, int err)
{
    fprintf(stderr,
            GEN_NAME ": error: cannot read '%s' (Debian package %s): %s; "
                     "run 'make deps' (as root)\n",
            path, pkg, strerror(err));
    exit(1);
}

/* Opens an input or dies naming pkg, the Debian package that ships it. */
static FILE *open_input(const char *path, const char *pkg)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        die_input(path, pkg, errno);
    return fp;
}

/* Closes an input read to its end; a read error (a directory: EISDIR) dies. */
static void close_input(FILE *fp, const char *path, const char *pkg)
{
    int err = ferror(fp) ? errno : 0;
    fclose(fp);
    if (err)
        die_input(path, pkg, err);
}

/* Dies when an input gave fewer than min items. */
static void check_floor(const char *path, const char *pkg, const char *what, size_t n, size_t min)
{
    if (n >= min)
        return;
    fprintf(stderr,
            GEN_NAME ": error: '%s' gives %zu %s, want >= %zu (Debian package %s truncated?)\n",
            path, n, what, min, pkg);
    exit(1);
}

#endif
