/*
 * error.h - the one error type of the library.
 *
 * Every module that can fail fills a struct dd_error the caller passes in
 * (expat's XML_GetErrorCode and XML_GetCurrentLineNumber, kept in one
 * struct): what kind of failure it is (code), the module's own reason
 * (detail: enum termbase_status, enum xml_read_status, ...), errno, where
 * it happened (path, line, column, byte offset) and a one-line message.
 * Nothing here prints or exits; src/cli/ prints the message and exits with
 * the status the code names.
 *
 * The codes are the exit statuses of `dadeum --help`, one to one, so the
 * module that knows what failed decides the status, not each command:
 *
 *   DD_ENEGATIVE  1  ran, and the answer is no (no concept with that id)
 *   DD_EUSAGE     2  the request itself is wrong (a query, an encoding name)
 *   DD_EINPUT     3  input unreadable, undecodable, malformed or over a limit
 *   DD_EOUTPUT    4  output not written (a termbase that cannot be written)
 *   DD_EINTERNAL  5  a bug or an unexpected system failure
 *
 * The message is complete as the module wrote it ("cannot open 'a.txt':
 * No such file or directory"), lower-case, without a newline or the
 * "dadeum: error: " prefix; dd_error_format writes it, or for an error
 * without one the code's dadeum_strerror with the path and position.
 */
#ifndef DADEUM_UTIL_ERROR_H
#define DADEUM_UTIL_ERROR_H

#include <stdarg.h>
#include <stdint.h>

#include "util/strbuf.h"

enum dd_code {
    DD_OK = 0,        /* no error */
    DD_ENEGATIVE = 1, /* ran, and the answer is no */
    DD_EUSAGE = 2,    /* the request is wrong */
    DD_EINPUT = 3,    /* input unreadable, undecodable, malformed or over a limit */
    DD_EOUTPUT = 4,   /* output not written */
    DD_EINTERNAL = 5, /* a bug or an unexpected system failure */
    DD_NCODES
};

/* Longest message kept, with its NUL; longer ones are cut (at a UTF-8 boundary). */
#define DD_ERROR_MESSAGE_MAX 1024
/* Longest path kept, with its NUL. */
#define DD_ERROR_PATH_MAX 4096

struct dd_error {
    enum dd_code code;                  /* DD_OK when there is no error */
    int detail;                         /* the failing module's reason (its status enum), or 0 */
    int sys_errno;                      /* errno of a failed system call, or 0 */
    char path[DD_ERROR_PATH_MAX];       /* the file concerned, or "" */
    unsigned long line;                 /* 1-based line in path, 0 when unknown */
    unsigned long column;               /* 1-based column (characters), 0 when unknown */
    uint64_t offset;                    /* byte offset in path (a decoding error), else 0 */
    char encoding[32];                  /* a decoding error: the encoding, lower-case */
    char message[DD_ERROR_MESSAGE_MAX]; /* one line, lower-case, no prefix; "" when none */
};

/* Sets every field to "no error". */
void dd_error_clear(struct dd_error *e);

/*
 * Sets e's code, detail and message (printf-style; cut to fit); the other
 * fields stay as they are. Returns detail, so that a module may write
 * "return dd_error_set(err, DD_EINPUT, TERMBASE_EINPUT, ...)".
 */
int dd_error_set(struct dd_error *e, enum dd_code code, int detail, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
int dd_error_vset(struct dd_error *e, enum dd_code code, int detail, const char *fmt, va_list ap);

/* Sets e->path to path (cut to fit; NULL clears it). */
void dd_error_set_path(struct dd_error *e, const char *path);

/* Puts "PREFIX" (printf-style) before e's message: "cannot store 'a.txt': " + message. */
void dd_error_prefix(struct dd_error *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Puts "PREFIX: line L, column C: " before e's message, or "PREFIX: " when
 * e has no line (the column is left out when 0 too): "cannot read 'a.tbx'
 * (tbx): line 3, column 7: " + "mismatched tag".
 */
void dd_error_locate(struct dd_error *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Appends text to e's message: message + "; nothing imported from it". */
void dd_error_suffix(struct dd_error *e, const char *text);

/*
 * The one "cannot decode" message: appends to out "cannot decode 'PATH' as
 * ENC at byte N", or with truncated set "'PATH' ends inside a ENC character
 * at byte N"; path "-" is written "<stdin>", and a NULL path leaves the
 * name out ("cannot decode as ENC at byte N").
 */
void dd_decode_message(struct strbuf *out, const char *path, const char *encoding, uint64_t offset,
                       int truncated);

/* A short description of code: "success", "negative answer", "usage error", ... */
const char *dadeum_strerror(enum dd_code code);

/*
 * Appends the one-line message of e to out: e->message when set, else
 * dadeum_strerror(e->code) with e->path and its line and column when known.
 */
void dd_error_format(const struct dd_error *e, struct strbuf *out);

#endif
