/*
 * outfile.c - temp file + fsync + rename, keeping the old file's mode,
 * owner and place behind symlinks (the contract is in outfile.h).
 *
 * Life of a temporary file TARGET.tmp.XXXXXX:
 *
 *   outfile_open    remove_stale (dead writers' leftovers), mkstemp (mode
 *                   0600), flock(LOCK_EX) held until the end
 *   outfile_commit  fflush, fchown + fchmod to the old target's owner and
 *                   mode (or 0666 & ~umask for a new file), fsync, rename
 *   outfile_abort   unlink
 *
 * The file stays 0600 while it is written: a private draft must not be
 * readable under its temporary name either.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/outfile.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/* Symlinks followed before giving up with ELOOP, as the kernel's own limit. */
#define MAX_SYMLINKS 40
/* A writer whose fresh temporary file was removed under it tries again this often. */
#define MAX_TRIES 10

/* Before the first write; o->buf is freed once fp is closed. */
static void set_buffer(struct outfile *o)
{
    o->buf = xmalloc(OUTFILE_BUFFER);
    if (setvbuf(o->fp, o->buf, _IOFBF, OUTFILE_BUFFER)) {
        free(o->buf); /* keeps stdio's own buffer */
        o->buf = NULL;
    }
}

static void free_buffer(struct outfile *o)
{
    free(o->buf);
    o->buf = NULL;
}

/*
 * The path of the file that path names once symlinks in its last component
 * are followed (a dangling link gives the path it points to, to be
 * created), into out. The links themselves are never replaced: rename()
 * over a symlink would turn it into a regular file and leave its target
 * unchanged. Returns 0, or -1 with errno set.
 */
static int resolve_target(const char *path, struct strbuf *out /* OUT */)
{
    char link[4096];

    strbuf_reset(out);
    strbuf_addstr(out, path);
    for (int hops = 0;; hops++) {
        struct stat st;
        ssize_t n;
        if (lstat(out->buf, &st) || !S_ISLNK(st.st_mode))
            return 0; /* a file, or nothing yet: mkstemp or rename will tell */
        if (hops == MAX_SYMLINKS) {
            errno = ELOOP;
            return -1;
        }
        n = readlink(out->buf, link, sizeof(link));
        if (n < 0)
            return -1;
        if ((size_t)n >= sizeof(link)) {
            errno = ENAMETOOLONG;
            return -1;
        }
        if (link[0] == '/') {
            strbuf_reset(out);
        } else { /* relative to the link's directory */
            char *slash = strrchr(out->buf, '/');
            strbuf_setlen(out, slash ? (size_t)(slash - out->buf) + 1 : 0);
        }
        strbuf_add(out, link, (size_t)n);
    }
}

/* name is base + ".tmp." + six characters of mkstemp's alphabet [A-Za-z0-9] */
static int is_temp_name(const char *name, const char *base, size_t blen)
{
    const char *x;

    if (strncmp(name, base, blen) || strncmp(name + blen, ".tmp.", 5))
        return 0;
    x = name + blen + 5;
    if (strlen(x) != 6)
        return 0;
    for (int i = 0; i < 6; i++) {
        char c = x[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            return 0;
    }
    return 1;
}

/*
 * Removes the temporary files that writers of target killed by SIGKILL left
 * behind. Only a regular file of our exact pattern, owned by us, with one
 * link, that no live writer holds locked: flock locks die with their
 * process, so a lock we can take is a dead writer's. Failures are ignored
 * (this is housekeeping; the write itself does not depend on it).
 */
static void remove_stale(const char *target)
{
    const char *slash = strrchr(target, '/');
    const char *base = slash ? slash + 1 : target;
    struct strbuf dir = STRBUF_INIT, p = STRBUF_INIT;
    struct dirent *e;
    DIR *d;

    if (slash)
        strbuf_add(&dir, target, (size_t)(slash - target) + 1);
    else
        strbuf_addstr(&dir, "./");
    if (!*base || !(d = opendir(dir.buf))) {
        strbuf_release(&dir);
        return;
    }
    while ((e = readdir(d))) {
        struct stat st, now;
        int fd;
        if (!is_temp_name(e->d_name, base, strlen(base)))
            continue;
        strbuf_reset(&p);
        strbuf_addf(&p, "%s%s", dir.buf, e->d_name);
        fd = open(p.buf, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0)
            continue;
        if (!fstat(fd, &st) && S_ISREG(st.st_mode) && st.st_uid == geteuid() && st.st_nlink == 1 &&
            !flock(fd, LOCK_EX | LOCK_NB) && !lstat(p.buf, &now) && now.st_dev == st.st_dev &&
            now.st_ino == st.st_ino)
            unlink(p.buf);
        close(fd);
    }
    closedir(d);
    strbuf_release(&p);
    strbuf_release(&dir);
}

/*
 * mkstemp beside the target, locked. A cleaner may take a fresh file
 * between mkstemp and flock (before we lock it); then it is unlinked by
 * the time our lock is granted, and we start again. Returns the
 * descriptor, or -1 with errno set.
 */
static int create_temp(const char *target, struct strbuf *tmp /* OUT */)
{
    for (int tries = 0;; tries++) {
        struct stat st;
        int fd;
        strbuf_reset(tmp);
        strbuf_addf(tmp, "%s.tmp.XXXXXX", target);
        if ((fd = mkstemp(tmp->buf)) < 0)
            return -1;
        /* no flock (ENOLCK on some network file systems): no cleaner can lock it either */
        if (flock(fd, LOCK_EX) || fstat(fd, &st) || st.st_nlink > 0 || tries == MAX_TRIES)
            return fd;
        close(fd);
    }
}

int outfile_open(struct outfile *o, const char *path)
{
    struct strbuf target = STRBUF_INIT, tmp = STRBUF_INIT;
    struct stat st;
    int fd, e;

    o->fp = NULL;
    o->path = o->tmp = o->buf = NULL;
    o->lockfd = -1;
    o->replace = 0;
    o->mode = 0;
    o->uid = 0;
    o->gid = 0;
    o->nlink = 0;
    if (!path || !strcmp(path, "-")) {
        o->fp = stdout;
        return 0;
    }
    if (resolve_target(path, &target))
        goto fail;
    /*
     * A device or FIFO (-o /dev/null, -o /dev/stdout) is written in place:
     * renaming a temporary file over it would replace the device node.
     */
    if (!stat(target.buf, &st) && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        if (!(o->fp = fopen(target.buf, "w")))
            goto fail;
        o->path = strbuf_detach(&target, NULL);
        set_buffer(o);
        return 0;
    }
    if (!stat(target.buf, &st) && S_ISREG(st.st_mode)) {
        /* only root may give the new file another user's ownership */
        if (st.st_uid != geteuid() && geteuid() != 0) {
            errno = EPERM;
            goto fail;
        }
        o->replace = 1;
        o->mode = st.st_mode & 07777;
        o->uid = st.st_uid;
        o->gid = st.st_gid;
        o->nlink = (unsigned long)st.st_nlink;
    }
    remove_stale(target.buf);
    if ((fd = create_temp(target.buf, &tmp)) < 0)
        goto fail;
    o->lockfd = dup(fd);
    o->fp = fdopen(fd, "w");
    if (!o->fp || o->lockfd < 0) {
        e = errno;
        if (o->fp)
            fclose(o->fp);
        else
            close(fd);
        if (o->lockfd >= 0)
            close(o->lockfd);
        unlink(tmp.buf);
        o->fp = NULL;
        o->lockfd = -1;
        errno = e;
        goto fail;
    }
    o->tmp = strbuf_detach(&tmp, NULL);
    o->path = strbuf_detach(&target, NULL);
    set_buffer(o);
    return 0;
fail:
    e = errno;
    strbuf_release(&target);
    strbuf_release(&tmp);
    errno = e;
    return -1;
}

/* The old target's owner and mode, or the usual mode of a new file. Returns 0 or errno. */
static int set_attributes(const struct outfile *o, int fd)
{
    struct stat st;

    if (!o->replace) {
        mode_t mask = umask(0);
        umask(mask);
        return fchmod(fd, 0666 & ~mask) ? errno : 0;
    }
    if (fstat(fd, &st))
        return errno;
    /* chown first: it clears set-user-ID and set-group-ID bits that fchmod then restores */
    if ((st.st_uid != o->uid || st.st_gid != o->gid) && fchown(fd, o->uid, o->gid))
        return errno;
    return fchmod(fd, o->mode) ? errno : 0;
}

int outfile_commit(struct outfile *o)
{
    int e = 0;
    if (!o->fp)
        return 0;
    if (!o->tmp) { /* standard output, or a device (path set: ours to close) */
        if (fflush(o->fp) || ferror(o->fp))
            e = errno ? errno : EIO;
        if (o->path && fclose(o->fp) && !e)
            e = errno;
        o->fp = NULL;
        free_buffer(o);
        free(o->path);
        o->path = NULL;
        errno = e;
        return e ? -1 : 0;
    }
    if (fflush(o->fp) || ferror(o->fp))
        e = errno ? errno : EIO;
    if (!e)
        e = set_attributes(o, fileno(o->fp));
    if (!e && fsync(fileno(o->fp)))
        e = errno;
    if (fclose(o->fp) && !e)
        e = errno;
    o->fp = NULL;
    free_buffer(o);
    /* o->lockfd still holds the lock: no cleaner removes the file before the rename */
    if (!e && rename(o->tmp, o->path))
        e = errno;
    if (e)
        unlink(o->tmp);
    close(o->lockfd);
    o->lockfd = -1;
    free(o->tmp);
    free(o->path);
    o->tmp = o->path = NULL;
    errno = e;
    return e ? -1 : 0;
}

void outfile_abort(struct outfile *o)
{
    if (o->fp && (o->tmp || o->path))
        fclose(o->fp);
    free_buffer(o);
    if (o->tmp)
        unlink(o->tmp);
    if (o->lockfd >= 0)
        close(o->lockfd);
    free(o->tmp);
    free(o->path);
    o->fp = NULL;
    o->lockfd = -1;
    o->tmp = o->path = NULL;
}

const char *outfile_get_tmp(const struct outfile *o)
{
    return o->tmp;
}

int outfile_same_file(const char *a, const char *b)
{
    struct stat sa, sb;

    if (!a || !b || !strcmp(a, "-") || !strcmp(b, "-"))
        return 0;
    if (stat(a, &sa) || stat(b, &sb) || !S_ISREG(sa.st_mode))
        return 0;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
