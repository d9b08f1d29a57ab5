/*
 * glossary.c - dadeum_glossary_open: the termbase, or a TSV or TBX glossary
 * file loaded into a private in-memory termbase, for lookup and check.
 */
#include <assert.h>
#include <string.h>

#include "dadeum.h"
#include "io/pairfile.h"
#include "util/banned.h"

static int merge_concept(void *m, const struct model_concept *c)
{
    struct dd_error err;
    return termbase_merge_add(m, c, &err) ? -1 : 0;
}

static int load_exchange(struct termbase *tb, const struct exchange_format *f, const char *path,
                         struct dd_error *err)
{
    struct exchange_reader rd;
    struct termbase_merge *m = termbase_merge_begin(tb, err);

    if (!m)
        return -1;
    memset(&rd, 0, sizeof(rd));
    rd.concept = merge_concept;
    rd.ctx = m;
    rd.opt = (struct exchange_options)EXCHANGE_OPTIONS_INIT;
    if (f->read(path, &rd, err)) {
        termbase_merge_abort(m);
        dd_error_locate(err, "cannot read glossary '%s' (%s)", path, f->name);
        return -1;
    }
    return termbase_merge_commit(m, err) ? -1 : 0;
}

/* Stores the TSV glossary at path in tb (io/pairfile.h); 0, or -1 with err filled in. */
static int load_tsv(struct termbase *tb, const char *path, struct dd_error *err)
{
    struct model_pair_sink sink;

    termbase_pair_sink(tb, &sink);
    return pairfile_read(path, PAIRFILE_TSV, &sink, NULL, NULL, err);
}

struct termbase *dadeum_glossary_open(const char *db, const char *glossary, struct dd_error *err)
{
    struct termbase *tb;

    assert(err && (db || glossary));
    dd_error_clear(err);
    if (!glossary)
        return termbase_open(db, TERMBASE_READONLY, err);
    tb = termbase_open(NULL, TERMBASE_MEMORY, err);
    if (!tb)
        return NULL;
    const struct exchange_format *f = exchange_format_for_path(glossary);
    int failed = f && f->read && !strcmp(f->name, "tbx") ? load_exchange(tb, f, glossary, err)
                                                         : load_tsv(tb, glossary, err);
    if (failed) {
        termbase_free(tb);
        return NULL;
    }
    return tb;
}
