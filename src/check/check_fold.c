/*
 * check_fold.c - folding lines and patterns to what is compared (see
 * check.c). The particles that may follow a term are text/korean.h's.
 */
#include <stdint.h>
#include <string.h>

#include "check/check_int.h"
#include "util/ascii.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/* ---- folding -------------------------------------------------------------------------- */

static int is_space_like(uint32_t c)
{
    return uc_is_space(c) || c == 0xB7 || c == 0x318D || c == 0x30FB || c == 0x2027 ||
           c == 0x2219 || c == 0xFEFF || c == 0x200C || c == 0x200D;
}

int check_is_latin_alnum(uint32_t c)
{
    return uc_is_latin_letter(c) || uc_is_digit(c);
}

int check_is_word(uint32_t c)
{
    return uc_is_hangul(c) || check_is_latin_alnum(c) || uc_is_han(c);
}

/* Lower case for ASCII and the Latin-1 letters (À-Þ but ×). */
static uint32_t fold_lower(uint32_t c)
{
    if (c < 0x80)
        return (uint32_t)ascii_lower((int)c);
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
        return c + 32;
    return c;
}

/* Folds s[0..len) into f (reset first). */
void check_fold(const char *s, size_t len, struct fvec *f)
{
    size_t i = 0, col = 0;
    int sp = 0;

    f->n = 0;
    while (i < len) {
        uint32_t c, c2;
        size_t b0 = i, n = utf8_decode(s + i, len - i, &c);
        size_t col0 = col;

        i += n;
        col++;
        if (is_space_like(c)) {
            sp = 1;
            continue;
        }
        if (c >= 0xFF01 && c <= 0xFF5E)
            c -= 0xFEE0;
        /* L V (T) and LV T as conjoining jamo compose to one syllable */
        if (c >= 0x1100 && c <= 0x1112 && i < len) {
            n = utf8_decode(s + i, len - i, &c2);
            if (c2 >= 0x1161 && c2 <= 0x1175) {
                c = 0xAC00 + ((c - 0x1100) * 21 + (c2 - 0x1161)) * 28;
                i += n;
                col++;
            }
        }
        if (uc_is_hangul_syllable(c) && (c - 0xAC00) % 28 == 0 && i < len) {
            n = utf8_decode(s + i, len - i, &c2);
            if (c2 >= 0x11A8 && c2 <= 0x11C2) {
                c += c2 - 0x11A7;
                i += n;
                col++;
            }
        }
        ALLOC_GROW(f->v, f->n + 1, f->alloc);
        f->v[f->n].cp = fold_lower(c);
        f->v[f->n].orig = c;
        f->v[f->n].b0 = b0;
        f->v[f->n].b1 = i;
        f->v[f->n].col = col0;
        f->v[f->n].sp = sp;
        f->n++;
        sp = 0;
    }
}

/* Appends the folded code points of f (lower case, or as written) as UTF-8. */
void check_fold_key(const struct fvec *f, int keep_case, struct strbuf *out)
{
    for (size_t i = 0; i < f->n; i++)
        utf8_add(out, keep_case ? f->v[i].orig : f->v[i].cp);
}
