/*
 * error.c - the one error type (util/error.h).
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "util/error.h"
#include "util/utf8.h"
#include "util/banned.h"

static const char *const code_names[] = {[DD_OK] = "success",
                                         [DD_ENEGATIVE] = "negative answer",
                                         [DD_EUSAGE] = "usage error",
                                         [DD_EINPUT] = "input unreadable, undecodable or malformed",
                                         [DD_EOUTPUT] = "output not written",
                                         [DD_EINTERNAL] = "internal error"};
_Static_assert(sizeof(code_names) / sizeof(code_names[0]) == DD_NCODES, "one name per code");

/* Copies s into dst[0..size) whole, or cut at a UTF-8 boundary. */
static void copy_cut(char *dst, size_t size, const char *s, size_t len)
{
    if (len >= size)
        len = utf8_valid_prefix(s, size - 1);
    memcpy(dst, s, len);
    dst[len] = '\0';
}

void dd_error_clear(struct dd_error *e)
{
    /* field by field: the buffers are 5 KiB, and a merge clears once per concept */
    e->code = DD_OK;
    e->detail = 0;
    e->sys_errno = 0;
    e->path[0] = '\0';
    e->line = e->column = 0;
    e->offset = 0;
    e->encoding[0] = '\0';
    e->message[0] = '\0';
}

int dd_error_vset(struct dd_error *e, enum dd_code code, int detail, const char *fmt, va_list ap)
{
    struct strbuf sb = STRBUF_INIT;

    assert(e && (unsigned)code < DD_NCODES);
    strbuf_vaddf(&sb, fmt, ap);
    e->code = code;
    e->detail = detail;
    copy_cut(e->message, sizeof(e->message), sb.buf, sb.len);
    strbuf_release(&sb);
    return detail;
}

int dd_error_set(struct dd_error *e, enum dd_code code, int detail, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    dd_error_vset(e, code, detail, fmt, ap);
    va_end(ap);
    return detail;
}

void dd_error_set_path(struct dd_error *e, const char *path)
{
    copy_cut(e->path, sizeof(e->path), path ? path : "", path ? strlen(path) : 0);
}

void dd_error_prefix(struct dd_error *e, const char *fmt, ...)
{
    struct strbuf sb = STRBUF_INIT;
    va_list ap;

    va_start(ap, fmt);
    strbuf_vaddf(&sb, fmt, ap);
    va_end(ap);
    strbuf_addstr(&sb, e->message);
    copy_cut(e->message, sizeof(e->message), sb.buf, sb.len);
    strbuf_release(&sb);
}

void dd_error_locate(struct dd_error *e, const char *fmt, ...)
{
    struct strbuf sb = STRBUF_INIT;
    va_list ap;

    va_start(ap, fmt);
    strbuf_vaddf(&sb, fmt, ap);
    va_end(ap);
    if (e->line)
        strbuf_addf(&sb, ": line %lu, column %lu: ", e->line, e->column);
    else
        strbuf_addstr(&sb, ": ");
    dd_error_prefix(e, "%s", sb.buf);
    strbuf_release(&sb);
}

void dd_error_suffix(struct dd_error *e, const char *text)
{
    struct strbuf sb = STRBUF_INIT;

    strbuf_addstr(&sb, e->message);
    strbuf_addstr(&sb, text);
    copy_cut(e->message, sizeof(e->message), sb.buf, sb.len);
    strbuf_release(&sb);
}

void dd_decode_message(struct strbuf *out, const char *path, const char *encoding, uint64_t offset,
                       int truncated)
{
    const char *shown = path && !strcmp(path, "-") ? "<stdin>" : path;

    if (truncated && shown)
        strbuf_addf(out, "'%s' ends inside a %s character at byte %llu", shown, encoding,
                    (unsigned long long)offset);
    else if (truncated)
        strbuf_addf(out, "the input ends inside a %s character at byte %llu", encoding,
                    (unsigned long long)offset);
    else if (shown)
        strbuf_addf(out, "cannot decode '%s' as %s at byte %llu", shown, encoding,
                    (unsigned long long)offset);
    else
        strbuf_addf(out, "cannot decode as %s at byte %llu", encoding, (unsigned long long)offset);
}

const char *dadeum_strerror(enum dd_code code)
{
    return (unsigned)code < DD_NCODES ? code_names[code] : "unknown error";
}

void dd_error_format(const struct dd_error *e, struct strbuf *out)
{
    if (e->message[0]) {
        strbuf_addstr(out, e->message);
        return;
    }
    strbuf_addstr(out, dadeum_strerror(e->code));
    if (e->path[0])
        strbuf_addf(out, ": '%s'", e->path);
    if (e->line && e->column)
        strbuf_addf(out, " line %lu, column %lu", e->line, e->column);
    else if (e->line)
        strbuf_addf(out, " line %lu", e->line);
}
