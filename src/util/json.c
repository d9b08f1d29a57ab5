/*
 * json.c - JSON string literals, shared by every JSON writer.
 */
#include "util/json.h"
#include "util/banned.h"

void json_write_string(FILE *fp, const char *s)
{
    if (!s) {
        fputs("null", fp);
        return;
    }
    fputc('"', fp);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(fp, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", fp);
        else if (c == '\t')
            fputs("\\t", fp);
        else if (c == '\r')
            fputs("\\r", fp);
        else if (c < 0x20 || c == 0x7F)
            fprintf(fp, "\\u%04x", c);
        else if (c == 0xC2 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9F)
            fprintf(fp, "\\u%04x", (unsigned char)*++s); /* C1: a terminal control too */
        else
            fputc(c, fp);
    }
    fputc('"', fp);
}
