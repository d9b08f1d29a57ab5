/*
 * strbuf.c - growable byte strings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/xmalloc.h"
#include "util/banned.h"

char strbuf_slopbuf[1];

void strbuf_init(struct strbuf *sb, size_t hint)
{
    sb->alloc = sb->len = 0;
    sb->buf = strbuf_slopbuf;
    if (hint)
        strbuf_grow(sb, hint);
}

void strbuf_release(struct strbuf *sb)
{
    if (sb->alloc)
        free(sb->buf);
    strbuf_init(sb, 0);
}

char *strbuf_detach(struct strbuf *sb, size_t *len)
{
    char *res;
    if (len)
        *len = sb->len;
    if (!sb->alloc)
        return xstrdup("");
    res = sb->buf;
    strbuf_init(sb, 0);
    return res;
}

void strbuf_grow(struct strbuf *sb, size_t extra)
{
    int new_buf = !sb->alloc;
    if (sb->len + extra + 1 <= sb->len)
        die_oom((size_t)-1);
    if (new_buf)
        sb->buf = NULL;
    ALLOC_GROW(sb->buf, sb->len + extra + 1, sb->alloc);
    if (new_buf)
        sb->buf[0] = '\0';
}

void strbuf_add_grow(struct strbuf *sb, const void *data, size_t len)
{
    if (!len)
        return;
    /* appending a part of sb to itself: the buffer may move when it grows */
    if (sb->alloc && (const char *)data >= sb->buf && (const char *)data < sb->buf + sb->alloc) {
        size_t off = (size_t)((const char *)data - sb->buf);
        strbuf_grow(sb, len);
        memmove(sb->buf + sb->len, sb->buf + off, len);
        strbuf_setlen(sb, sb->len + len);
        return;
    }
    strbuf_grow(sb, len);
    memcpy(sb->buf + sb->len, data, len);
    strbuf_setlen(sb, sb->len + len);
}

void strbuf_addbuf(struct strbuf *sb, const struct strbuf *other)
{
    strbuf_add(sb, other->buf, other->len);
}

void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
    va_list cp;
    int n;

    va_copy(cp, ap);
    n = vsnprintf(sb->buf + sb->len, sb->alloc ? sb->alloc - sb->len : 0, fmt, cp);
    va_end(cp);
    if (n < 0)
        return;
    if (!sb->alloc || (size_t)n >= sb->alloc - sb->len) {
        strbuf_grow(sb, (size_t)n);
        n = vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, ap);
    }
    strbuf_setlen(sb, sb->len + (size_t)n);
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    strbuf_vaddf(sb, fmt, ap);
    va_end(ap);
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void strbuf_trim(struct strbuf *sb)
{
    size_t start = 0, end = sb->len;
    while (end > 0 && is_space(sb->buf[end - 1]))
        end--;
    while (start < end && is_space(sb->buf[start]))
        start++;
    if (!sb->alloc || (start == 0 && end == sb->len)) /* nothing to trim: the usual case */
        return;
    memmove(sb->buf, sb->buf + start, end - start);
    strbuf_setlen(sb, end - start);
}

void strbuf_remove(struct strbuf *sb, size_t pos, size_t len)
{
    if (pos > sb->len || len > sb->len - pos)
        return;
    memmove(sb->buf + pos, sb->buf + pos + len, sb->len - pos - len);
    strbuf_setlen(sb, sb->len - len);
}
