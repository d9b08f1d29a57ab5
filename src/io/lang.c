/*
 * lang.c - language tag normalisation (BCP 47, RFC 5646 §2.1.1 case rules).
 */
#include <ctype.h>
#include <string.h>

#include "io/lang.h"
#include "util/banned.h"

enum lang_result lang_normalize(const char *tag, struct strbuf *out)
{
    size_t start = out->len, n = strlen(tag), i = 0, sub = 0;
    enum lang_result res = LANG_CANONICAL;

    if (!strcmp(tag, "*all*")) {
        strbuf_addstr(out, tag);
        return LANG_CANONICAL;
    }
    /* POSIX locale suffixes: ko_KR.UTF-8, de_DE@euro */
    for (size_t k = 0; k < n; k++)
        if (tag[k] == '.' || tag[k] == '@') {
            n = k;
            res = LANG_REPAIRED;
            break;
        }
    if (!n)
        goto invalid;
    while (i < n) {
        size_t j = i, len;
        while (j < n && tag[j] != '-' && tag[j] != '_')
            j++;
        len = j - i;
        if (!len || len > 8)
            goto invalid;
        if (sub)
            strbuf_addch(out, '-');
        for (size_t k = i; k < j; k++) {
            unsigned char c = (unsigned char)tag[k], w;
            if (!isalnum(c) || c >= 0x80)
                goto invalid;
            if (sub == 0)
                w = (unsigned char)tolower(c); /* language (or i, x) */
            else if (len == 2 && isalpha((unsigned char)tag[i]))
                w = (unsigned char)toupper(c); /* region */
            else if (len == 4 && isalpha((unsigned char)tag[i]) && sub == 1)
                w = (unsigned char)(k == i ? toupper(c) : tolower(c)); /* script */
            else
                w = (unsigned char)tolower(c);
            if (w != c && res == LANG_CANONICAL)
                res = LANG_RECASED;
            strbuf_addch(out, (char)w);
        }
        if (sub == 0 && !(len >= 2 && len <= 3) &&
            !(len == 1 && (tag[i] == 'i' || tag[i] == 'x' || tag[i] == 'I' || tag[i] == 'X')))
            goto invalid;
        if (j < n && tag[j] == '_')
            res = LANG_REPAIRED;
        if (j < n && j + 1 == n)
            goto invalid; /* trailing separator */
        i = j < n ? j + 1 : j;
        sub++;
    }
    return res;
invalid:
    strbuf_setlen(out, start);
    strbuf_addstr(out, tag);
    return LANG_INVALID;
}

int lang_same_language(const char *a, const char *b)
{
    size_t i = 0;
    if (!a || !b)
        return 0;
    for (;; i++) {
        int ea = !a[i] || a[i] == '-' || a[i] == '_';
        int eb = !b[i] || b[i] == '-' || b[i] == '_';
        if (ea || eb)
            return ea && eb && i > 0;
        if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
            return 0;
    }
}
