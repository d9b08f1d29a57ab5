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

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
    size_t alloc; /* bytes allocated, 0 while buf is the static empty string */
    size_t len;   /* bytes used, excluding the terminating NUL */
    char *buf;    /* NUL-terminated contents */
};

extern char strbuf_slopbuf[];
#define STRBUF_INIT {0, 0, strbuf_slopbuf}

void strbuf_init(struct strbuf *sb, size_t hint);
/* Frees the buffer and leaves sb empty and reusable. Accepts an empty sb. */
void strbuf_release(struct strbuf *sb);
/* Returns the buffer (caller frees) and leaves sb empty. */
char *strbuf_detach(struct strbuf *sb, size_t *len /* OUT: may be NULL */);
/* Ensures room for extra more bytes plus the NUL. */
void strbuf_grow(struct strbuf *sb, size_t extra);
/* Truncates or extends (with garbage) to len bytes; len <= alloc. */
void strbuf_setlen(struct strbuf *sb, size_t len);
#define strbuf_reset(sb) strbuf_setlen((sb), 0)

void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, int c);
void strbuf_addbuf(struct strbuf *sb, const struct strbuf *other);
/* printf-style append. */
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Removes ASCII white space at both ends. */
void strbuf_trim(struct strbuf *sb);
/* Removes len bytes starting at pos. */
void strbuf_remove(struct strbuf *sb, size_t pos, size_t len);

#endif
