/*
 * spell.c - the hunspell wrapper (see spell.h).
 *
 * Hunspell_create does not report a missing file: it returns a handle that
 * rejects every word. So the files are checked with access() first, and a
 * handle that rejects a word every English dictionary has ("the") is treated
 * as a failed load.
 */
#include <hunspell/hunspell.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "align/spell.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"
#include "util/banned.h"

struct spell {
    Hunhandle *h; /* the hunspell handle, never NULL */
};

struct spell *spell_open(const char *dir, const char *lang, enum spell_status *status)
{
    struct strbuf aff = STRBUF_INIT, dic = STRBUF_INIT;
    struct spell *sp = NULL;
    Hunhandle *h = NULL;

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
    h = Hunspell_create(aff.buf, dic.buf);
    if (!h || !Hunspell_spell(h, "the")) {
        *status = SPELL_EFAIL;
        goto cleanup;
    }
    sp = xmalloc(sizeof(*sp));
    sp->h = h;
    h = NULL;
    *status = SPELL_OK;
cleanup:
    if (h)
        Hunspell_destroy(h);
    strbuf_release(&aff);
    strbuf_release(&dic);
    return sp;
}

void spell_free(struct spell *sp)
{
    if (!sp)
        return;
    Hunspell_destroy(sp->h);
    free(sp);
}

int spell_check(struct spell *sp, const char *word, size_t len)
{
    char buf[256];

    if (!sp || !len || len >= sizeof(buf) || memchr(word, '\0', len))
        return 0;
    memcpy(buf, word, len);
    buf[len] = '\0';
    return Hunspell_spell(sp->h, buf) != 0;
}

const char *spell_strerror(enum spell_status status)
{
    switch (status) {
    case SPELL_OK: return "no error";
    case SPELL_ENOENT: return "dictionary files not found";
    case SPELL_EFAIL: return "hunspell could not load the dictionary";
    }
    return "unknown error";
}
