/*
 * handoff.h - records handed from one thread to a consumer thread, in batches.
 *
 * The producer (the calling thread) writes records into a batch, a buffer
 * that stays where it is while it fills; a full batch goes to the consumer
 * thread, which gets it whole (fn) and gives the buffer back to be filled
 * again. The two threads meet once a batch, not once a record, and there are
 * never more than `nbatches` buffers: memory is flat whatever the number of
 * records. The records' format is the caller's: a record may hold pointers
 * into its own batch, since a batch never moves while it is filled.
 *
 *   convert:  reader --record--> [batch][batch][batch] --> writer thread
 *
 * One producer, one consumer; no busy-waiting (a mutex and two condition
 * variables).
 */
#ifndef DADEUM_UTIL_HANDOFF_H
#define DADEUM_UTIL_HANDOFF_H

#include <stddef.h>

/*
 * Called on the consumer thread with each record, in the order they were
 * reserved. Returns 0, or non-zero to stop: the records after it are
 * dropped, and handoff_reserve soon returns NULL.
 */
typedef int (*handoff_fn)(void *ctx, void *record);

struct handoff;

/*
 * Starts the consumer thread, which calls fn(ctx, record) for each record.
 * Batches hold size bytes (more for a record larger than that); at most
 * nbatches (two or more) exist. Returns NULL, with errno set, when the
 * thread cannot be started.
 */
struct handoff *handoff_start(handoff_fn fn, void *ctx, size_t size, unsigned nbatches);

/*
 * Room for a record of len bytes in the batch being filled, aligned for any
 * object; the batch is handed over first when it has not that room, and
 * this waits while every buffer is with the consumer. The record is given
 * once the next record is reserved or handoff_finish is called. Returns
 * NULL once the producer has seen that fn stopped (at a hand-over), and
 * from then on. A len no buffer can hold (near SIZE_MAX) aborts, as
 * xmalloc does.
 */
void *handoff_reserve(struct handoff *h, size_t len);

/*
 * Hands over the last batch, waits for the consumer to take all of them and
 * ends its thread, and frees h. Returns what fn last returned (non-zero: it
 * stopped). errno is then the consumer thread's, as fn left it: a failed
 * write's reason reaches the caller as if the write had been its own.
 */
int handoff_finish(struct handoff *h);

#endif
