/*
 * path.c - file names as dadeum stores and shows them (util/path.h).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/path.h"
#include "util/banned.h"

int path_is_absolute(const char *path)
{
    return path && path[0] == '/';
}

const char *path_basename(const char *path)
{
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/')
        len--;
    while (len && path[len - 1] != '/')
        len--;
    return path + len;
}

void path_normalize(const char *path, struct strbuf *out)
{
    size_t start = out->len, base;
    int abs = path_is_absolute(path);

    if (abs)
        strbuf_addch(out, '/');
    base = out->len; /* components begin here */
    while (*path) {
        size_t n;
        while (*path == '/')
            path++;
        n = strcspn(path, "/");
        if (!n)
            break;
        if (n == 1 && path[0] == '.') {
            /* "." adds nothing */
        } else if (n == 2 && path[0] == '.' && path[1] == '.') {
            /* drop the last component, unless there is none or it is ".." itself */
            size_t end = out->len, slash = end;
            while (slash > base && out->buf[slash - 1] != '/')
                slash--;
            if (end > base && !(end - slash == 2 && !memcmp(out->buf + slash, "..", 2))) {
                strbuf_setlen(out, slash > base ? slash - 1 : base);
            } else if (!abs) {
                if (out->len > base)
                    strbuf_addch(out, '/');
                strbuf_add(out, "..", 2);
            }
        } else {
            if (out->len > base)
                strbuf_addch(out, '/');
            strbuf_add(out, path, n);
        }
        path += n;
    }
    if (out->len == start)
        strbuf_addch(out, '.');
}

/* The working directory into out (normalised). Returns 0, or -1 when it cannot be read. */
static int add_cwd(struct strbuf *out)
{
    char *cwd = getcwd(NULL, 0); /* glibc allocates; no PATH_MAX limit */
    if (!cwd)
        return -1;
    path_normalize(cwd, out);
    free(cwd);
    return 0;
}

int path_absolute(const char *path, struct strbuf *out)
{
    struct strbuf joined = STRBUF_INIT;
    if (!path_is_absolute(path)) {
        if (add_cwd(&joined)) {
            strbuf_release(&joined);
            return -1;
        }
        strbuf_addch(&joined, '/');
    }
    strbuf_addstr(&joined, path);
    path_normalize(joined.buf, out);
    strbuf_release(&joined);
    return 0;
}

/*
 * Skips the components a and b (absolute, normalised) share: returns the
 * offset in a and sets *boff to the one in b, each at a '/' or the end.
 */
static size_t skip_common(const char *a, const char *b, size_t *boff)
{
    size_t i = 0, j = 0;
    for (;;) {
        size_t n, m;
        while (a[i] == '/')
            i++;
        while (b[j] == '/')
            j++;
        n = strcspn(a + i, "/");
        m = strcspn(b + j, "/");
        if (!n || n != m || memcmp(a + i, b + j, n))
            break;
        i += n;
        j += m;
    }
    *boff = j;
    return i;
}

void path_relative_to_cwd(const char *path, struct strbuf *out)
{
    struct strbuf abs = STRBUF_INIT, cwd = STRBUF_INIT, dir = STRBUF_INIT;
    const char *base, *rest;
    char *real = NULL;
    size_t start = out->len, cwd_rest;

    if (!path_is_absolute(path)) {
        strbuf_addstr(out, path);
        return;
    }
    /* the directory resolved as getcwd resolves the working directory */
    base = path_basename(path);
    strbuf_add(&dir, path, (size_t)(base - path));
    if (dir.len > 1)
        strbuf_setlen(&dir, dir.len - 1);
    if (*base && strcmp(base, ".") && strcmp(base, "..") && (real = realpath(dir.buf, NULL))) {
        strbuf_reset(&dir);
        strbuf_addstr(&dir, real);
        strbuf_addch(&dir, '/');
        strbuf_addstr(&dir, base);
        path_normalize(dir.buf, &abs);
    } else {
        path_normalize(path, &abs);
    }
    if (add_cwd(&cwd)) {
        strbuf_addbuf(out, &abs);
        goto cleanup;
    }
    rest = abs.buf + skip_common(abs.buf, cwd.buf, &cwd_rest);
    /* one ".." per component of the working directory below the shared ones */
    for (const char *p = cwd.buf + cwd_rest; *p;) {
        size_t n = strcspn(p, "/");
        if (n) {
            if (out->len > start)
                strbuf_addch(out, '/');
            strbuf_add(out, "..", 2);
        }
        p += n;
        while (*p == '/')
            p++;
    }
    while (*rest == '/')
        rest++;
    if (*rest) {
        if (out->len > start)
            strbuf_addch(out, '/');
        strbuf_addstr(out, rest);
    } else if (out->len == start) {
        strbuf_addch(out, '.');
    }
cleanup:
    free(real);
    strbuf_release(&abs);
    strbuf_release(&cwd);
    strbuf_release(&dir);
}
