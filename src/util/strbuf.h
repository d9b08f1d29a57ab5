/*
 * strbuf.h - growable byte strings (after git's strbuf.h).
 *
 * Invariants: buf is never NULL; buf[len] == '\0'; alloc == 0 means buf points
 * at a shared static empty string and must not be written or freed. Bytes may
 * include NULs: len, not strlen(), is the length.
 *
 *   struct strbuf sb = STRBUF_INIT;
 *   strbuf_addf(&sb, "%s:%u", file, line);
 *   use(sb.buf);
 *   strbuf_release(&sb);
 */
#ifndef DADEUM_UTIL_STRBUF_H
#define DADEUM_UTIL_STRBUF_H

#include <assert.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct strbuf {
    size_t alloc; /* bytes allocated, 0 while buf is the static empty string */
    size_t len;   /* bytes used, excluding the terminating NUL */
    char *buf;    /* NUL-terminated contents */
};

extern char strbuf_slopbuf[];
#define STRBUF_INIT                                                                                \
    {                                                                                              \
        0, 0, strbuf_slopbuf                                                                       \
    }

void strbuf_init(struct strbuf *sb, size_t hint);
/* Frees the buffer and leaves sb empty and reusable. Accepts an empty sb. */
void strbuf_release(struct strbuf *sb);
/* Returns the buffer (caller frees) and leaves sb empty. */
char *strbuf_detach(struct strbuf *sb, size_t *len /* OUT: may be NULL */);
/* Ensures room for extra more bytes plus the NUL. */
void strbuf_grow(struct strbuf *sb, size_t extra);
/*
 * Truncates or extends (with garbage) to len bytes; len < alloc, or sb has
 * no buffer yet. Inline: writers end each row they build with it.
 */
static inline void strbuf_setlen(struct strbuf *sb, size_t len)
{
    if (!sb->alloc) {
        if (!len)
            return;
        strbuf_grow(sb, len);
    }
    sb->len = len;
    sb->buf[len] = '\0';
}
/* Empties sb, keeping its buffer (inline: readers reset a buffer per element). */
static inline void strbuf_reset(struct strbuf *sb)
{
    if (sb->alloc) { /* else sb is the static empty string, already empty */
        sb->len = 0;
        sb->buf[0] = '\0';
    }
}

/* strbuf_add when it needs to grow the buffer (or sb has none yet). */
void strbuf_add_grow(struct strbuf *sb, const void *data, size_t len);

/*
 * Appends len bytes of data; data may be a part of sb's own contents.
 * Inline: writers append a few bytes at a time, millions of times. With
 * room left, a part of sb ends at or before buf + len, where the new bytes
 * go, so the two never overlap.
 */
static inline void strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
    if (len < sb->alloc - sb->len) { /* alloc == 0 (no buffer) never passes */
        assert(sb->buf);             /* the invariant: alloc > 0 only with a buffer */
        if (len)
            memcpy(sb->buf + sb->len, data, len); /* data may be NULL when len is 0 */
        sb->len += len;
        sb->buf[sb->len] = '\0';
        return;
    }
    strbuf_add_grow(sb, data, len);
}

static inline void strbuf_addstr(struct strbuf *sb, const char *s)
{
    strbuf_add(sb, s, strlen(s));
}

static inline void strbuf_addch(struct strbuf *sb, int c)
{
    char ch = (char)c;
    strbuf_add(sb, &ch, 1);
}
void strbuf_addbuf(struct strbuf *sb, const struct strbuf *other);
/* printf-style append. */
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Removes ASCII white space at both ends. */
void strbuf_trim(struct strbuf *sb);
/* Removes len bytes starting at pos. */
void strbuf_remove(struct strbuf *sb, size_t pos, size_t len);

#endif
