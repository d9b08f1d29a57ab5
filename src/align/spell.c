/*
 * spell.c - the hunspell wrapper (see spell.h).
 *
 * libhunspell is loaded with dlopen on the first spell_open, not linked:
 * it brings in libstdc++, whose start-up costs every dadeum process about
 * half a millisecond, and most commands (lookup above all) never spell a
 * word. Only the three entry points below are used.
 *
 * Hunspell_create does not report a missing file: it returns a handle that
 * rejects every word. So the files are checked with access() first, and a
 * handle that rejects a word every English dictionary has ("the") is treated
 * as a failed load.
 *
 * Nor does it tell why it could not open a file: it prints "error: FILE:
 * cannot open" on stderr itself, which a library must not (STYLE.md §4),
 * and goes on with half a dictionary. Before it is called, both files are
 * opened here, together, and must be regular files: a socket or FIFO in
 * their place, or a process out of descriptors, fails here with
 * SPELL_EOPEN and nothing printed. Loads are serialised, so that two
 * threads do not compete for the last descriptors between this check and
 * hunspell's own open (one file at a time).
 */
#include <dlfcn.h>
#include <fcntl.h>
#include <hunspell/hunspell.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "align/spell.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"
#include "util/banned.h"

struct spell {
    Hunhandle *h; /* the hunspell handle, never NULL */
};

/* Held while libhunspell is loaded and while a dictionary is (see the top). */
static pthread_mutex_t load_lock = PTHREAD_MUTEX_INITIALIZER;

/* The entry points of libhunspell, resolved once (see hunspell.h). */
static struct {
    int tried;                                        /* dlopen was attempted */
    Hunhandle *(*create)(const char *, const char *); /* Hunspell_create */
    void (*destroy)(Hunhandle *);                     /* Hunspell_destroy */
    int (*spell)(Hunhandle *, const char *);          /* Hunspell_spell */
} hs;

/*
 * Opens path and checks that it is a regular file; fd receives the
 * descriptor. Returns 0, or -1 (fd -1).
 */
static int probe(const char *path, int *fd)
{
    struct stat sb;
    *fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (*fd >= 0 && !fstat(*fd, &sb) && S_ISREG(sb.st_mode))
        return 0;
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
    return -1;
}

/* Loads libhunspell; returns 0, or -1 when it is not installed. */
static int load_hunspell(void)
{
    static const char *const names[] = {"libhunspell-1.7.so.0", "libhunspell-1.7.so",
                                        "libhunspell.so", NULL};
    void *lib = NULL;

    if (hs.tried)
        return hs.create ? 0 : -1;
    hs.tried = 1;
    for (const char *const *n = names; *n && !lib; n++)
        lib = dlopen(*n, RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        return -1;
    /* POSIX: a void * from dlsym converts to a function pointer via memcpy */
    void *c = dlsym(lib, "Hunspell_create"), *d = dlsym(lib, "Hunspell_destroy"),
         *sp = dlsym(lib, "Hunspell_spell");
    if (!c || !d || !sp)
        return -1;
    memcpy(&hs.create, &c, sizeof(c));
    memcpy(&hs.destroy, &d, sizeof(d));
    memcpy(&hs.spell, &sp, sizeof(sp));
    return 0;
}

struct spell *spell_open(const char *dir, const char *lang, enum spell_status *status)
{
    struct strbuf aff = STRBUF_INIT, dic = STRBUF_INIT;
    struct spell *sp = NULL;
    Hunhandle *h = NULL;
    int fa = -1, fd = -1;

    if (!dir)
        dir = getenv("DADEUM_HUNSPELL_DIR");
    if (!dir || !*dir)
        dir = SPELL_DEFAULT_DIR;
    strbuf_addf(&aff, "%s/%s.aff", dir, lang);
    strbuf_addf(&dic, "%s/%s.dic", dir, lang);
    if (access(aff.buf, R_OK) || access(dic.buf, R_OK)) {
        *status = SPELL_ENOENT;
        goto cleanup;
    }
    pthread_mutex_lock(&load_lock);
    if (load_hunspell()) {
        pthread_mutex_unlock(&load_lock);
        *status = SPELL_EFAIL;
        goto cleanup;
    }
    if (probe(aff.buf, &fa) || probe(dic.buf, &fd)) {
        if (fa >= 0)
            close(fa);
        pthread_mutex_unlock(&load_lock);
        *status = SPELL_EOPEN;
        goto cleanup;
    }
    /* two descriptors were free: hunspell, which opens one file at a time, gets one */
    close(fa);
    close(fd);
    h = hs.create(aff.buf, dic.buf);
    pthread_mutex_unlock(&load_lock);
    if (!h || !hs.spell(h, "the")) {
        *status = SPELL_EFAIL;
        goto cleanup;
    }
    sp = xmalloc(sizeof(*sp));
    sp->h = h;
    h = NULL;
    *status = SPELL_OK;
cleanup:
    if (h)
        hs.destroy(h);
    strbuf_release(&aff);
    strbuf_release(&dic);
    return sp;
}

void spell_free(struct spell *sp)
{
    if (!sp)
        return;
    hs.destroy(sp->h);
    free(sp);
}

int spell_check(struct spell *sp, const char *word, size_t len)
{
    char buf[256];

    if (!sp || !len || len >= sizeof(buf) || memchr(word, '\0', len))
        return 0;
    memcpy(buf, word, len);
    buf[len] = '\0';
    return hs.spell(sp->h, buf) != 0;
}

const char *spell_strerror(enum spell_status status)
{
    switch (status) {
    case SPELL_OK:
        return "no error";
    case SPELL_ENOENT:
        return "dictionary files not found";
    case SPELL_EOPEN:
        return "cannot open the dictionary files (not regular files, or too many open files)";
    case SPELL_EFAIL:
        return "hunspell (libhunspell-1.7) could not load the dictionary";
    }
    return "unknown error";
}
