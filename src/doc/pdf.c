/*
 * pdf.c - PDF through poppler's pdftotext, run as a separate program.
 *
 * Linking poppler would put our library under the GPL, so pdftotext (Debian
 * poppler-utils) runs as a child: posix_spawnp, never a shell, the path
 * passed as one argument ("./" put in front of a path starting with '-',
 * so it cannot be read as an option):
 *
 *     pdftotext -layout -enc UTF-8 PATH -
 *
 * Its standard output is read as it comes: pages end with a form feed
 * (\f), lines with \n. Its standard error is kept (the first line, for the
 * message when it fails); both pipes are drained with poll() so that
 * neither can fill and block the child.
 *
 * Paragraphs: -layout keeps the visual lines, wrapped at the page width.
 * Consecutive non-blank lines of a page are joined by one space into a
 * paragraph (the indentation of layout mode removed), labelled with the
 * page and line of its first line, "pN:L"; a blank line, a page end and a
 * line that starts with a list mark (-, *, \*, □, ○, ◦, ·, •, ※, ▪, ◎) end
 * a paragraph. Korean wraps between words, so the space is where the line
 * broke; a paragraph split by a page break stays two.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "doc/doc.h"
#include "doc/doc_int.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/banned.h"

extern char **environ;

/* Longest line kept from pdftotext; longer lines are cut (layout lines are a page wide). */
#define PDF_MAX_LINE (1u << 20)
/* Bytes of pdftotext's standard error kept for a message. */
#define PDF_MAX_STDERR 200

struct pdf_state {
    const struct doc_sink *sink; /* where paragraphs go */
    int rc;                      /* the sink's nonzero value */
    unsigned long page, line;    /* 1-based page and line of the line being read */
    struct strbuf cur;           /* the line being read */
    struct strbuf para;          /* the paragraph so far */
    char where[48];              /* label of the paragraph's first line */
    unsigned long chars;         /* non-space bytes seen, to tell a scan from a text */
};

static int flush(struct pdf_state *st)
{
    if (st->para.len && !st->rc)
        st->rc = st->sink->para(st->sink->arg, st->para.buf, st->para.len, st->where);
    strbuf_reset(&st->para);
    return st->rc;
}

/* Whether line s starts with a list mark (then it starts a paragraph). */
static int starts_item(const char *s, size_t len)
{
    static const char *const marks[] = {"□", "○", "◦", "·", "•", "※", "▪", "◎", "ㅇ ", "o "};
    if (len >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
        return 1;
    if (len >= 2 && s[0] == '\\' && s[1] == '*')
        return 1;
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        size_t n = strlen(marks[i]);
        if (len >= n && !memcmp(s, marks[i], n))
            return 1;
    }
    return 0;
}

/* One line of the current page (without \n), the line count already advanced. */
static int take_line(struct pdf_state *st)
{
    const char *s = st->cur.buf;
    size_t a = 0, b = st->cur.len;

    while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r'))
        a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r'))
        b--;
    st->chars += b - a;
    if (a == b)
        return flush(st);
    if (st->para.len && starts_item(s + a, b - a))
        flush(st);
    if (st->para.len) {
        strbuf_addch(&st->para, ' ');
    } else {
        snprintf(st->where, sizeof st->where, "p%lu:%lu", st->page, st->line);
    }
    strbuf_add(&st->para, s + a, b - a);
    return st->rc;
}

/* Splits a chunk of pdftotext's output into lines and pages. */
static int feed(struct pdf_state *st, const char *s, size_t len)
{
    for (size_t i = 0; i < len && !st->rc; i++) {
        char c = s[i];
        if (c == '\n' || c == '\f') {
            take_line(st);
            strbuf_reset(&st->cur);
            if (c == '\f') {
                flush(st);
                st->page++;
                st->line = 1;
            } else {
                st->line++;
            }
        } else if (st->cur.len < PDF_MAX_LINE) {
            /* other controls (CR, VT, NUL) are not text: the sink's text is one line */
            strbuf_addch(&st->cur, (unsigned char)c < 0x20 && c != '\t' ? ' ' : c);
        }
    }
    return st->rc;
}

/*
 * The first line of what pdftotext said on its standard error, for a
 * one-line message: controls and bytes that are not UTF-8 (a file name in
 * another encoding) become '?'.
 */
static void first_line(struct strbuf *sb)
{
    char *nl = memchr(sb->buf, '\n', sb->len);
    if (nl)
        strbuf_setlen(sb, (size_t)(nl - sb->buf));
    for (size_t i = 0; i < sb->len;) {
        unsigned char c = (unsigned char)sb->buf[i];
        size_t n = c < 0x80 ? 1 : utf8_valid_prefix(sb->buf + i, sb->len - i);
        if (c < 0x20 || c == 0x7f || n == 0) {
            sb->buf[i] = '?';
            n = 1;
        }
        i += n;
    }
}

int doc_read_pdf(const char *path, const struct doc_sink *sink, struct doc_error *err)
{
    struct pdf_state st;
    struct strbuf arg = STRBUF_INIT, errtext = STRBUF_INIT;
    posix_spawn_file_actions_t fa;
    int out[2] = {-1, -1}, errp[2] = {-1, -1}, fa_ok = 0, rc = -1, status = 0;
    pid_t pid = -1;
    char chunk[65536];

    memset(&st, 0, sizeof st);
    st.sink = sink;
    st.page = st.line = 1;
    strbuf_init(&st.cur, 0);
    strbuf_init(&st.para, 0);
    err->msg[0] = '\0';

    if (path[0] == '-')
        strbuf_addstr(&arg, "./");
    strbuf_addstr(&arg, path);
    char a_prog[] = "pdftotext", a_layout[] = "-layout", a_enc[] = "-enc", a_utf8[] = "UTF-8",
         a_stdout[] = "-";
    char *argv[] = {a_prog, a_layout, a_enc, a_utf8, arg.buf, a_stdout, NULL};

    if (pipe(out) < 0 || pipe(errp) < 0) {
        doc__fail(err, "cannot run pdftotext: %s", strerror(errno));
        goto cleanup;
    }
    /* our ends must not leak into other children */
    fcntl(out[0], F_SETFD, FD_CLOEXEC);
    fcntl(errp[0], F_SETFD, FD_CLOEXEC);
    if (posix_spawn_file_actions_init(&fa) != 0) {
        doc__fail(err, "cannot run pdftotext: out of memory");
        goto cleanup;
    }
    fa_ok = 1;
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_adddup2(&fa, errp[1], 2);
    posix_spawn_file_actions_addclose(&fa, out[0]);
    posix_spawn_file_actions_addclose(&fa, errp[0]);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    int e = posix_spawnp(&pid, "pdftotext", &fa, NULL, argv, environ);
    close(out[1]);
    close(errp[1]);
    out[1] = errp[1] = -1;
    if (e != 0) {
        pid = -1;
        if (e == ENOENT)
            doc__fail(err, "cannot read PDF: pdftotext not found (install the Debian package "
                           "poppler-utils)");
        else
            doc__fail(err, "cannot run pdftotext: %s", strerror(e));
        goto cleanup;
    }

    /* read both pipes until both are closed; stop early when the sink says so */
    struct pollfd pf[2] = {{out[0], POLLIN, 0}, {errp[0], POLLIN, 0}};
    while ((pf[0].fd >= 0 || pf[1].fd >= 0) && !st.rc) {
        if (poll(pf, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            doc__fail(err, "cannot read from pdftotext: %s", strerror(errno));
            goto cleanup;
        }
        for (int i = 0; i < 2; i++) {
            if (pf[i].fd < 0 || !(pf[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            ssize_t n = read(pf[i].fd, chunk, sizeof chunk);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                close(pf[i].fd);
                if (i == 0)
                    out[0] = -1;
                else
                    errp[0] = -1;
                pf[i].fd = -1;
                continue;
            }
            if (i == 0)
                feed(&st, chunk, (size_t)n);
            else if (errtext.len < PDF_MAX_STDERR)
                strbuf_add(&errtext, chunk, (size_t)n);
        }
    }
    if (st.rc) {
        /* the sink stopped us: the child's output is no longer wanted */
        kill(pid, SIGTERM);
    }
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            doc__fail(err, "cannot wait for pdftotext: %s", strerror(errno));
            pid = -1;
            goto cleanup;
        }
    }
    pid = -1;
    if (st.rc) {
        rc = st.rc;
        goto cleanup;
    }
    first_line(&errtext);
    if (WIFSIGNALED(status)) {
        doc__fail(err, "pdftotext was killed by signal %d", WTERMSIG(status));
        goto cleanup;
    }
    if (WEXITSTATUS(status) != 0) {
        /* pdftotext(1): 1 cannot open the PDF, 3 permissions, 99 other */
        doc__fail(err, "pdftotext failed with exit status %d%s%.160s", WEXITSTATUS(status),
                  errtext.len ? ": " : "", errtext.len ? errtext.buf : "");
        goto cleanup;
    }
    if (st.cur.len) {
        take_line(&st);
        strbuf_reset(&st.cur);
    }
    flush(&st);
    if (st.rc) {
        rc = st.rc;
        goto cleanup;
    }
    if (!st.chars) {
        doc__fail(err, "no extractable text (a scanned image?)");
        goto cleanup;
    }
    rc = 0;

cleanup:
    if (pid > 0) {
        kill(pid, SIGTERM);
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
    }
    if (fa_ok)
        posix_spawn_file_actions_destroy(&fa);
    for (int i = 0; i < 2; i++) {
        if (out[i] >= 0)
            close(out[i]);
        if (errp[i] >= 0)
            close(errp[i]);
    }
    strbuf_release(&arg);
    strbuf_release(&errtext);
    strbuf_release(&st.cur);
    strbuf_release(&st.para);
    return rc;
}
