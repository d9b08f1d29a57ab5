/*
 * outfile.c - temp file + fsync + rename.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/outfile.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"
#include "util/banned.h"

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

int outfile_open(struct outfile *o, const char *path)
{
    struct strbuf tmp = STRBUF_INIT;
    int fd;

    o->fp = NULL;
    o->path = o->tmp = o->buf = NULL;
    if (!path || !strcmp(path, "-")) {
        o->fp = stdout;
        return 0;
    }
    /*
     * A device or FIFO (-o /dev/null, -o /dev/stdout) is written in place:
     * renaming a temporary file over it would replace the device node.
     */
    struct stat st;
    if (!stat(path, &st) && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        if (!(o->fp = fopen(path, "w")))
            return -1;
        o->path = xstrdup(path);
        set_buffer(o);
        return 0;
    }
    strbuf_addf(&tmp, "%s.tmp.XXXXXX", path);
    fd = mkstemp(tmp.buf);
    if (fd < 0) {
        int e = errno;
        strbuf_release(&tmp);
        errno = e;
        return -1;
    }
    /* mkstemp makes 0600; give the file the usual mode */
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask);
    o->fp = fdopen(fd, "w");
    if (!o->fp) {
        int e = errno;
        close(fd);
        unlink(tmp.buf);
        strbuf_release(&tmp);
        errno = e;
        return -1;
    }
    o->tmp = strbuf_detach(&tmp, NULL);
    o->path = xstrdup(path);
    set_buffer(o);
    return 0;
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
    if (fflush(o->fp) || ferror(o->fp) || fsync(fileno(o->fp)))
        e = errno ? errno : EIO;
    if (fclose(o->fp) && !e)
        e = errno;
    o->fp = NULL;
    free_buffer(o);
    if (!e && rename(o->tmp, o->path))
        e = errno;
    if (e) {
        unlink(o->tmp);
        errno = e;
    }
    free(o->tmp);
    free(o->path);
    o->tmp = o->path = NULL;
    return e ? -1 : 0;
}

void outfile_abort(struct outfile *o)
{
    if (o->fp && (o->tmp || o->path))
        fclose(o->fp);
    free_buffer(o);
    if (o->tmp)
        unlink(o->tmp);
    free(o->tmp);
    free(o->path);
    o->fp = NULL;
    o->tmp = o->path = NULL;
}

const char *outfile_get_tmp(const struct outfile *o)
{
    return o->tmp;
}
