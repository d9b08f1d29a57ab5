/*
 * acronym.c - the Schwartz-Hearst long-form search.
 */
#include <string.h>

#include "extract/acronym.h"
#include "util/ascii.h"
#include "util/banned.h"

int acronym_function_word(const char *w, size_t n)
{
    static const char *const fw[] = {"of", "and", "for", "the", "in", "on", "&", "to", "as", NULL};
    for (const char *const *f = fw; *f; f++)
        if (strlen(*f) == n && !ascii_casecmp_n(w, *f, n))
            return 1;
    return 0;
}

static int alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static size_t count_words(const char *s, size_t len)
{
    size_t n = 0;
    int in = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == ' ' || s[i] == '-')
            in = 0;
        else if (!in)
            in = 1, n++;
    }
    return n;
}

long acronym_long_form(const char *acr, size_t alen, const char *text, size_t tlen)
{
    size_t letters = 0;
    long s, l;

    while (tlen && text[tlen - 1] == ' ')
        tlen--;
    for (size_t i = 0; i < alen; i++)
        letters += alnum(acr[i]) != 0;
    if (letters < 2 || !tlen || !alnum(acr[0]))
        return -1;
    s = (long)alen - 1;
    l = (long)tlen - 1;
    while (s >= 0) {
        char c = (char)ascii_lower(acr[s]);
        if (!alnum(c)) {
            s--;
            continue;
        }
        /* the acronym's first character must begin a word */
        while (l >= 0 &&
               ((char)ascii_lower(text[l]) != c || (s == 0 && l > 0 && alnum(text[l - 1]))))
            l--;
        if (l < 0)
            return -1;
        l--;
        s--;
    }
    /* back to the start of the word where the match began */
    l++;
    while (l > 0 && text[l - 1] != ' ')
        l--;
    size_t llen = tlen - (size_t)l;
    size_t words = count_words(text + l, llen);
    size_t max_words = letters + 5 < 2 * letters ? letters + 5 : 2 * letters;
    if (words > max_words || llen <= alen)
        return -1;
    return l;
}

int acronym_matches(const char *acr, size_t alen, const char *lng, size_t llen)
{
    return acronym_long_form(acr, alen, lng, llen) == 0;
}

size_t acronym_alnum(const char *a, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += (a[i] >= 'A' && a[i] <= 'Z') || (a[i] >= 'a' && a[i] <= 'z') ||
             (a[i] >= '0' && a[i] <= '9');
    return k;
}
