/*
 * expat_floor.c - the floor of a streaming expat reader, for make bench.
 *
 *   expat_floor FILE
 *
 * Parses FILE with expat as dadeum's readers feed it (XML_GetBuffer, 256 KiB
 * read per XML_ParseBuffer call) and with empty element handlers, the least
 * any reader that looks at elements must set. No text handler, no work,
 * no output but the element count. Beside xmlwf, which maps the whole file
 * and parses it in one call, it shows what reading in pieces costs by
 * itself: expat then rescans each piece to keep line numbers, and calls
 * back for every tag. Exit status 0, or 1 with a message.
 */
#include <expat.h>
#include <stdio.h>

#define CHUNK (256 * 1024)

static unsigned long elements;

static void XMLCALL on_start(void *data, const XML_Char *name, const XML_Char **attrs)
{
    (void)data;
    (void)name;
    (void)attrs;
    elements++;
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
    (void)data;
    (void)name;
}

int main(int argc, char **argv)
{
    FILE *fp;
    XML_Parser p;
    size_t n;

    if (argc != 2) {
        fputs("usage: expat_floor FILE\n", stderr);
        return 1;
    }
    if (!(fp = fopen(argv[1], "rb"))) {
        perror(argv[1]);
        return 1;
    }
    if (!(p = XML_ParserCreate(NULL))) {
        fputs("expat_floor: out of memory\n", stderr);
        return 1;
    }
    XML_SetElementHandler(p, on_start, on_end);
    do {
        void *buf = XML_GetBuffer(p, CHUNK);
        if (!buf) {
            fputs("expat_floor: out of memory\n", stderr);
            return 1;
        }
        n = fread(buf, 1, CHUNK, fp);
        if (ferror(fp)) {
            perror(argv[1]);
            return 1;
        }
        if (XML_ParseBuffer(p, (int)n, n == 0) != XML_STATUS_OK) {
            fprintf(stderr, "%s:%lu: %s\n", argv[1], (unsigned long)XML_GetCurrentLineNumber(p),
                    XML_ErrorString(XML_GetErrorCode(p)));
            return 1;
        }
    } while (n);
    printf("%lu elements\n", elements);
    XML_ParserFree(p);
    fclose(fp);
    return 0;
}
