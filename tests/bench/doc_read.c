/*
 * doc_read.c - the document readers of src/doc/ on one file, for
 * tests/bench/docs.sh until `dadeum text` exists (then the bench uses it).
 *
 *     doc_read (hwpx | docx | pdf) FILE
 *
 * Prints "label<TAB>text" per paragraph to stdout, as `dadeum text
 * --positions` is meant to; exit 0, or 3 with the reader's message.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"

static int print_para(void *arg, const char *text, size_t len, const char *where)
{
    FILE *out = arg;
    fputs(where, out);
    fputc('\t', out);
    fwrite(text, 1, len, out);
    fputc('\n', out);
    return 0;
}

int main(int argc, char **argv)
{
    struct doc_sink sink = {print_para, stdout};
    struct doc_error err;
    int rc;

    if (argc != 3) {
        fputs("usage: doc_read (hwpx | docx | pdf) FILE\n", stderr);
        return 2;
    }
    if (!strcmp(argv[1], "pdf")) {
        rc = doc_read_pdf(argv[2], &sink, &err);
    } else {
        FILE *fp = fopen(argv[2], "rb");
        if (!fp) {
            perror(argv[2]);
            return 3;
        }
        size_t cap = 1 << 20, len = 0, n;
        unsigned char *buf = malloc(cap);
        while (buf && (n = fread(buf + len, 1, cap - len, fp)) > 0) {
            len += n;
            if (len == cap)
                buf = realloc(buf, cap *= 2);
        }
        fclose(fp);
        if (!buf)
            return 5;
        rc = !strcmp(argv[1], "hwpx") ? doc_read_hwpx(buf, len, &sink, &err)
                                      : doc_read_docx(buf, len, &sink, &err);
        free(buf);
    }
    if (rc) {
        fprintf(stderr, "doc_read: %s: %s\n", argv[2], err.msg);
        return 3;
    }
    return 0;
}
