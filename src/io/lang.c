/*
 * lang.c - language tag normalisation (BCP 47, RFC 5646 §2.1.1 case rules).
 */
#include <ctype.h>
#include <string.h>

#include "io/lang.h"
#include "util/ascii.h"
#include "util/banned.h"

/* Where a subtag may stand (RFC 5646 §2.1: langtag, privateuse, grandfathered "i-"). */
enum slot {
    AFTER_LANGUAGE, /* extlang, script, region, variant or a singleton may follow */
    AFTER_EXTLANG,  /* the same, one extlang fewer each time */
    AFTER_SCRIPT,   /* region, variant, singleton */
    AFTER_REGION,   /* variant, singleton */
    AFTER_VARIANT,  /* variant, singleton */
    EXTENSION,      /* after a singleton: 2-8 alphanumerics, or the next singleton */
    PRIVATE         /* after "x" (or "i"): 1-8 alphanumerics */
};

static int all(const char *s, size_t len, int (*is)(int))
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80 || !is((unsigned char)s[i]))
            return 0;
    return 1;
}

/*
 * The irregular grandfathered tags that the grammar below would refuse
 * (RFC 5646 §2.2.8; the "i-" ones pass as "i" plus subtags): their
 * registered form into out, or LANG_INVALID.
 */
static enum lang_result irregular(const char *tag, struct strbuf *out)
{
    static const char *const tags[] = {"en-GB-oed", "sgn-BE-FR", "sgn-BE-NL", "sgn-CH-DE"};
    for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
        const char *t = tags[i];
        size_t k = 0;
        int sep = 0;
        for (; t[k] && tag[k]; k++) {
            unsigned char a = (unsigned char)tag[k], b = (unsigned char)t[k];
            if (b == '-' && a == '_')
                sep = 1;
            else if (ascii_lower(a) != ascii_lower(b))
                break;
        }
        if (!t[k] && !tag[k]) {
            strbuf_addstr(out, t);
            return sep ? LANG_REPAIRED : strcmp(tag, t) ? LANG_RECASED : LANG_CANONICAL;
        }
    }
    return LANG_INVALID;
}

enum lang_result lang_normalize(const char *tag, struct strbuf *out)
{
    size_t start = out->len, n = strlen(tag), i = 0, sub = 0, extlangs = 0;
    enum lang_result res = irregular(tag, out);
    enum slot slot = AFTER_LANGUAGE;
    int need = 0; /* a singleton waits for its first subtag */

    if (res != LANG_INVALID)
        return res;
    res = LANG_CANONICAL;
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
        const char *s = tag + i;
        enum { LOWER, TITLE, UPPER } want = LOWER; /* the subtag's canonical case */
        while (j < n && tag[j] != '-' && tag[j] != '_')
            j++;
        len = j - i;
        if (!len || len > 8 || !all(s, len, isalnum))
            goto invalid;
        if (sub == 0) {
            /* ISO 639 codes only: longer primary subtags would take words for tags */
            int single = len == 1 && strchr("iIxX", s[0]);
            if (!single && !(len >= 2 && len <= 3 && all(s, len, isalpha)))
                goto invalid;
            if (single) {
                slot = PRIVATE;
                need = 1;
            }
        } else if (slot == PRIVATE) {
            need = 0;
        } else if (len == 1) { /* a singleton */
            if (need)
                goto invalid;
            slot = ascii_lower((unsigned char)s[0]) == 'x' ? PRIVATE : EXTENSION;
            need = 1;
        } else if (slot == EXTENSION) {
            need = 0; /* 2-8 characters: a 1-character subtag is the next singleton */
        } else if (len == 3 && all(s, 3, isalpha) && slot <= AFTER_EXTLANG && extlangs < 3) {
            slot = AFTER_EXTLANG;
            extlangs++;
        } else if (len == 4 && all(s, 4, isalpha) && slot <= AFTER_EXTLANG) {
            slot = AFTER_SCRIPT;
            want = TITLE; /* Hang */
        } else if (((len == 2 && all(s, 2, isalpha)) || (len == 3 && all(s, 3, isdigit))) &&
                   slot <= AFTER_SCRIPT) {
            slot = AFTER_REGION;
            want = UPPER; /* KR, 419 */
        } else if (len >= 5 || (len == 4 && isdigit((unsigned char)s[0]))) {
            slot = AFTER_VARIANT;
        } else {
            goto invalid;
        }
        if (sub)
            strbuf_addch(out, '-');
        for (size_t k = 0; k < len; k++) {
            unsigned char c = (unsigned char)s[k], w;
            int up = want == UPPER || (want == TITLE && k == 0);
            w = (unsigned char)(up ? ascii_upper(c) : ascii_lower(c));
            if (w != c && res == LANG_CANONICAL)
                res = LANG_RECASED;
            strbuf_addch(out, (char)w);
        }
        if (j < n && tag[j] == '_')
            res = LANG_REPAIRED;
        if (j < n && j + 1 == n)
            goto invalid; /* trailing separator */
        i = j < n ? j + 1 : j;
        sub++;
    }
    if (need)
        goto invalid; /* "en-a", "x" */
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
        if (ascii_lower((unsigned char)a[i]) != ascii_lower((unsigned char)b[i]))
            return 0;
    }
}
