/*
 * glossary.c - dadeum_glossary_open: the termbase, or a TSV or TBX glossary
 * file loaded into a private in-memory termbase, for lookup and check.
 */
#include <assert.h>
#include <string.h>

#include "dadeum.h"
#include "util/banned.h"

static int merge_concept(void *m, const struct termbase_concept *c)
{
    struct termbase_error err;
    return termbase_merge_add(m, c, &err) ? -1 : 0;
}

/* Reads an exchange file into tb as dadeum import does; 0, or -1 with err filled in. */
static int load_exchange(struct termbase *tb, const struct exchange_format *f, const char *path,
                         struct dadeum_glossary_error *err)
{
    struct exchange_reader rd;
    struct termbase_merge *m = termbase_merge_begin(tb, &err->tb);

    if (!m)
        return -1;
    memset(&rd, 0, sizeof(rd));
    rd.concept = merge_concept;
    rd.ctx = m;
    rd.opt = (struct exchange_options)EXCHANGE_OPTIONS_INIT;
    if (f->read(path, &rd, &err->x)) {
        termbase_merge_abort(m);
        err->format = f->name;
        return -1;
    }
    return termbase_merge_commit(m, &err->tb) ? -1 : 0;
}

struct termbase *dadeum_glossary_open(const char *db, const char *glossary,
                                      struct dadeum_glossary_error *err)
{
    struct termbase *tb;

    assert(err && (db || glossary));
    memset(err, 0, sizeof(*err));
    if (!glossary)
        return termbase_open(db, TERMBASE_READONLY, &err->tb);
    tb = termbase_open(NULL, TERMBASE_MEMORY, &err->tb);
    if (!tb)
        return NULL;
    const struct exchange_format *f = exchange_format_for_path(glossary);
    int failed = f && f->read && !strcmp(f->name, "tbx")
                     ? load_exchange(tb, f, glossary, err)
                     : termbase_load_tsv(tb, glossary, &err->tb) != TERMBASE_OK;
    if (failed) {
        termbase_free(tb);
        return NULL;
    }
    return tb;
}
