/*
 * context.c - the context of dadeum.h: the tables and the oracle extraction uses.
 */
#include <assert.h>
#include <stdlib.h>

#include "align/oracle.h"
#include "dadeum.h"
#include "extract/lexicon.h"
#include "util/xmalloc.h"
#include "util/banned.h"

struct dadeum_ctx {
    struct align_oracle *oracle; /* the transliterator behind the extractor */
};

struct dadeum_ctx *dadeum_ctx_new(void)
{
    struct dadeum_ctx *ctx = xcalloc(1, sizeof(*ctx));
    ctx->oracle = align_oracle_new();
    /*
     * The lexicons and the transliterator's tables, now rather than on the
     * first document: a context is made only by what extracts, and its
     * threads then start with everything they share built.
     */
    align_oracle_prepare_threads(ctx->oracle);
    return ctx;
}

void dadeum_ctx_free(struct dadeum_ctx *ctx)
{
    if (!ctx)
        return;
    align_oracle_free(ctx->oracle);
    free(ctx);
}

const struct extract_oracle *dadeum_ctx_get_oracle(const struct dadeum_ctx *ctx)
{
    assert(ctx && ctx->oracle);
    return align_oracle_get(ctx->oracle);
}

struct extract_doc *dadeum_doc_new(const struct dadeum_ctx *ctx, const char *name, unsigned flags)
{
    assert(ctx && name);
    return extract_doc_new(name, flags, dadeum_ctx_get_oracle(ctx));
}

struct extract_doc *dadeum_extract_file(const struct dadeum_ctx *ctx, const char *path,
                                        const char *encoding, unsigned text_flags,
                                        unsigned extract_flags, struct extract_run_info *info,
                                        struct dd_error *err)
{
    assert(ctx && path && err);
    return extract_run_file(path, encoding, text_flags, extract_flags, dadeum_ctx_get_oracle(ctx),
                            info, err);
}
