/*
 * handoff.c - records handed from one thread to a consumer thread, in batches.
 *
 * The buffers form a ring: the producer fills buffer `handed % n` and the
 * consumer empties buffer `done % n`, so a buffer the producer fills is
 * never queued or being read (handed - done < n), and the order of batches
 * is the order of the ring. The threads share the two counters and two
 * flags, under the mutex, and the consumer's last result and errno, which
 * the producer reads only after the join; a buffer passes from one to the
 * other with its counter.
 */
#include <errno.h>
#include <pthread.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>

#include "util/handoff.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/*
 * Records start at multiples of this, as malloc's blocks do. Each follows a
 * header of as many bytes that holds its size, header included: 48 bytes
 * of record take 64 of the batch.
 */
#define ALIGN alignof(max_align_t)

struct batch {
    char *buf;  /* records */
    size_t len; /* bytes used */
    size_t cap; /* bytes allocated */
};

struct handoff {
    pthread_mutex_t mu;     /* guards handed, done, ending, stopped */
    pthread_cond_t filled;  /* a batch was handed over, or the end came */
    pthread_cond_t emptied; /* the consumer gave a buffer back */
    pthread_t thread;       /* the consumer */
    handoff_fn fn;          /* what the consumer calls */
    void *ctx;              /* its first argument */
    struct batch *batches;  /* the ring */
    unsigned n;             /* buffers in the ring */
    size_t size;            /* bytes a buffer gets */
    unsigned long handed;   /* batches handed over */
    unsigned long done;     /* batches the consumer is through with */
    int ending;             /* handoff_finish was called: no batch will follow */
    int stopped;            /* fn returned non-zero (what it returned is ret) */
    int ret;                /* fn's last result, for the producer after the join */
    int err;                /* errno after fn's last call, likewise */
    int quit;               /* the producer saw stopped (its own field) */
};

static void *consumer(void *arg)
{
    struct handoff *h = arg;

    pthread_mutex_lock(&h->mu);
    for (;;) {
        while (h->done == h->handed && !h->ending)
            pthread_cond_wait(&h->filled, &h->mu);
        if (h->done == h->handed)
            break;
        struct batch *b = &h->batches[h->done % h->n];
        int stopped = h->stopped;
        pthread_mutex_unlock(&h->mu);
        /* after a stop the batches are given back unread */
        for (size_t off = 0; !stopped && off < b->len; off += *(size_t *)(b->buf + off)) {
            h->ret = h->fn(h->ctx, b->buf + off + ALIGN);
            h->err = errno;
            stopped = h->ret != 0;
        }
        pthread_mutex_lock(&h->mu);
        h->stopped = h->ret != 0;
        h->done++;
        pthread_cond_signal(&h->emptied);
    }
    pthread_mutex_unlock(&h->mu);
    return NULL;
}

struct handoff *handoff_start(handoff_fn fn, void *ctx, size_t size, unsigned nbatches)
{
    struct handoff *h = xcalloc(1, sizeof(*h));
    int e;

    h->fn = fn;
    h->ctx = ctx;
    h->n = nbatches < 2 ? 2 : nbatches;
    h->size = size;
    h->batches = xcalloc(h->n, sizeof(*h->batches));
    pthread_mutex_init(&h->mu, NULL);
    pthread_cond_init(&h->filled, NULL);
    pthread_cond_init(&h->emptied, NULL);
    if ((e = pthread_create(&h->thread, NULL, consumer, h))) {
        pthread_cond_destroy(&h->emptied);
        pthread_cond_destroy(&h->filled);
        pthread_mutex_destroy(&h->mu);
        free(h->batches);
        free(h);
        errno = e;
        return NULL;
    }
    return h;
}

/* Hands over the batch being filled and waits until the next buffer is free. Returns stopped. */
static int hand_over(struct handoff *h)
{
    int stopped;

    pthread_mutex_lock(&h->mu);
    h->handed++;
    pthread_cond_signal(&h->filled);
    while (!h->stopped && h->handed - h->done >= h->n)
        pthread_cond_wait(&h->emptied, &h->mu);
    stopped = h->stopped;
    pthread_mutex_unlock(&h->mu);
    if (!stopped) /* else it may still be queued: the producer leaves it alone */
        h->batches[h->handed % h->n].len = 0;
    return stopped;
}

void *handoff_reserve(struct handoff *h, size_t len)
{
    struct batch *b = &h->batches[h->handed % h->n];
    char *p;

    if (h->quit)
        return NULL;
    if (len > SIZE_MAX - 2 * ALIGN) /* the rounding and the header would wrap to a few bytes */
        die_oom(len);
    len = ALIGN + (len + ALIGN - 1) / ALIGN * ALIGN;
    if (b->len && len > b->cap - b->len) {
        if ((h->quit = hand_over(h)))
            return NULL;
        b = &h->batches[h->handed % h->n];
    }
    if (len > b->cap) { /* empty: nothing to keep (a large record, or the first) */
        free(b->buf);
        b->cap = len > h->size ? len : h->size;
        b->buf = xmalloc(b->cap);
    }
    p = b->buf + b->len;
    *(size_t *)p = len;
    b->len += len;
    return (char *)p + ALIGN;
}

int handoff_finish(struct handoff *h)
{
    int ret;

    pthread_mutex_lock(&h->mu);
    if (!h->quit && h->batches[h->handed % h->n].len)
        h->handed++;
    h->ending = 1;
    pthread_cond_signal(&h->filled);
    pthread_mutex_unlock(&h->mu);
    pthread_join(h->thread, NULL);
    ret = h->ret;
    for (unsigned i = 0; i < h->n; i++)
        free(h->batches[i].buf);
    free(h->batches);
    pthread_cond_destroy(&h->emptied);
    pthread_cond_destroy(&h->filled);
    pthread_mutex_destroy(&h->mu);
    errno = h->err;
    free(h);
    return ret;
}
