/*
 * pool.c - dadeum_extract_files: documents extracted on worker threads and
 * handed over in input order.
 *
 * N worker threads extract documents while the calling thread hands them
 * to the caller's function in input order, so the output is the same as
 * with one thread. Workers stay at most `window` documents ahead of the
 * consumer, which keeps memory bounded by a few documents whatever the
 * number of files.
 */
#include <assert.h>
#include <pthread.h>
#include <stdlib.h>

#include "align/align.h"
#include "dadeum.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/* One input: the document extracted from it, or why it could not be. */
struct job {
    const char *path;             /* as given */
    struct extract_doc *doc;      /* the result, NULL when reading failed */
    struct extract_run_info info; /* lenient replacements, the encoding, the format */
    struct dd_error *err;         /* what went wrong, NULL when reading worked (a struct
                                     dd_error is 5 KiB: one per input would not be flat) */
    int done;                     /* produced (under the pool's mutex with jobs > 1) */
};

struct pool {
    pthread_mutex_t mu;                       /* guards the fields below and jobs[].done */
    pthread_cond_t cv;                        /* signalled on every change */
    struct job *jobs;                         /* one per input */
    size_t njobs, next, consumed;             /* inputs, next to take, inputs handed over */
    size_t window;                            /* documents a worker may run ahead */
    int stop;                                 /* the consumer asked to stop */
    const struct dadeum_ctx *ctx;             /* shared, read-only */
    const struct dadeum_extract_options *opt; /* shared, read-only */
};

/* Reads and aligns one document (no output: this may run on a worker thread). */
static void produce(struct job *j, const struct dadeum_ctx *ctx,
                    const struct dadeum_extract_options *opt)
{
    struct dd_error err;

    j->doc = dadeum_extract_file(ctx, j->path, opt->encoding, opt->text_flags, opt->extract_flags,
                                 &j->info, &err);
    if (!j->doc) {
        j->err = xmalloc(sizeof(*j->err));
        *j->err = err;
    }
    if (j->doc && opt->cross)
        align_cross(j->doc, 0);
}

/* Hands one document to fn and frees it. */
static int consume(struct job *j, dadeum_extract_fn fn, void *data)
{
    int ret = fn(data, j->path, j->doc, &j->info, j->err);
    extract_doc_free(j->doc);
    j->doc = NULL;
    free(j->err);
    j->err = NULL;
    return ret;
}

static void *worker(void *arg)
{
    struct pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (!p->stop && p->next < p->njobs && p->next >= p->consumed + p->window)
            pthread_cond_wait(&p->cv, &p->mu);
        if (p->stop || p->next >= p->njobs) {
            pthread_mutex_unlock(&p->mu);
            break;
        }
        struct job *j = &p->jobs[p->next++];
        pthread_mutex_unlock(&p->mu);
        produce(j, p->ctx, p->opt);
        pthread_mutex_lock(&p->mu);
        j->done = 1;
        pthread_cond_broadcast(&p->cv);
        pthread_mutex_unlock(&p->mu);
    }
    return NULL; /* this thread's transliterator stays with the context's oracle */
}

static int run_serial(struct job *jobs, size_t n, const struct dadeum_ctx *ctx,
                      const struct dadeum_extract_options *opt, dadeum_extract_fn fn, void *data)
{
    int ret = 0;
    for (size_t i = 0; i < n && !ret; i++) {
        produce(&jobs[i], ctx, opt);
        ret = consume(&jobs[i], fn, data);
    }
    return ret;
}

static int run_threads(struct job *jobs, size_t n, unsigned nthreads, const struct dadeum_ctx *ctx,
                       const struct dadeum_extract_options *opt, dadeum_extract_fn fn, void *data)
{
    struct pool p = {PTHREAD_MUTEX_INITIALIZER,
                     PTHREAD_COND_INITIALIZER,
                     jobs,
                     n,
                     0,
                     0,
                     2 * (size_t)nthreads,
                     0,
                     ctx,
                     opt};
    pthread_t *tids = xcalloc(nthreads, sizeof(*tids));
    unsigned started = 0;
    int ret = 0;

    for (; started < nthreads; started++)
        if (pthread_create(&tids[started], NULL, worker, &p))
            break;
    if (!started) {
        free(tids);
        return run_serial(jobs, n, ctx, opt, fn, data);
    }
    for (size_t i = 0; i < n && !ret; i++) {
        pthread_mutex_lock(&p.mu);
        while (!jobs[i].done)
            pthread_cond_wait(&p.cv, &p.mu);
        pthread_mutex_unlock(&p.mu);
        ret = consume(&jobs[i], fn, data);
        pthread_mutex_lock(&p.mu);
        p.consumed = i + 1;
        if (ret)
            p.stop = 1;
        pthread_cond_broadcast(&p.cv);
        pthread_mutex_unlock(&p.mu);
    }
    for (unsigned t = 0; t < started; t++)
        pthread_join(tids[t], NULL);
    for (size_t i = 0; i < n; i++) {
        extract_doc_free(jobs[i].doc); /* produced after a stop, never handed over */
        free(jobs[i].err);
    }
    free(tids);
    return ret;
}

int dadeum_extract_files(struct dadeum_ctx *ctx, const char *const *paths, size_t n,
                         const struct dadeum_extract_options *opt, dadeum_extract_fn fn, void *data)
{
    assert(ctx && opt && fn);
    assert(paths || !n);
    struct job *jobs = xcalloc(n ? n : 1, sizeof(*jobs));
    int ret;

    for (size_t i = 0; i < n; i++) {
        assert(paths[i]);
        jobs[i].path = paths[i];
    }
    if (opt->jobs <= 1 || n <= 1)
        ret = run_serial(jobs, n, ctx, opt, fn, data);
    else
        ret = run_threads(jobs, n, opt->jobs, ctx, opt, fn, data);
    free(jobs);
    return ret;
}
