/*
 * check_fold.c - folding lines and patterns to what is compared, and the
 * particles that may follow a term (see check.c).
 */
#include <stdint.h>
#include <string.h>

#include "check/check_int.h"
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

static uint32_t fold_lower(uint32_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 32;
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

/* ---- particles ------------------------------------------------------------------------ */

/*
 * Particles that may follow a term, as (after a consonant, after a vowel);
 * the same string twice when the particle does not alternate. The 으로
 * family takes its vowel form after ㄹ as well (서울로, 도시로).
 */
static const struct {
    const char *cons, *vowel;
} particles[] = {
    {"이", "가"},         {"은", "는"},         {"을", "를"},         {"과", "와"},
    {"으로", "로"},       {"이나", "나"},       {"이랑", "랑"},       {"이며", "며"},
    {"이고", "고"},       {"이다", "다"},       {"이라는", "라는"},   {"이라고", "라고"},
    {"이란", "란"},       {"이라", "라"},       {"으로서", "로서"},   {"으로써", "로써"},
    {"으로는", "로는"},   {"으로도", "로도"},   {"으로의", "로의"},   {"으로부터", "로부터"},
    {"으로만", "로만"},   {"과의", "와의"},     {"과는", "와는"},     {"과도", "와도"},
    {"이든", "든"},       {"이야", "야"},       {"이면", "면"},       {"이었다", "였다"},
    {"의", "의"},         {"에", "에"},         {"에서", "에서"},     {"에게", "에게"},
    {"도", "도"},         {"만", "만"},         {"까지", "까지"},     {"부터", "부터"},
    {"처럼", "처럼"},     {"보다", "보다"},     {"에는", "에는"},     {"에도", "에도"},
    {"에서는", "에서는"}, {"에서도", "에서도"}, {"에서의", "에서의"}, {"에게는", "에게는"},
    {"까지는", "까지는"}, {"부터는", "부터는"}, {"께", "께"},         {"조차", "조차"},
    {"마저", "마저"},     {"만큼", "만큼"},     {"만의", "만의"},     {"입니다", "입니다"},
    {"인", "인"},         {"임", "임"},         {"들", "들"},         {"들을", "들을"},
    {"들이", "들이"},     {"들은", "들은"},     {"들의", "들의"},     {"에서부터", "에서부터"},
    {"에의", "에의"},     {"와의", "와의"},     {"와", "와"}};

#define NPARTICLES (sizeof(particles) / sizeof(particles[0]))

/* Index of the particle spelled s[0..len) (either form), or -1. */
int check_particle_find(const char *s, size_t len)
{
    for (size_t i = 0; i < NPARTICLES; i++)
        if ((strlen(particles[i].cons) == len && !memcmp(particles[i].cons, s, len)) ||
            (strlen(particles[i].vowel) == len && !memcmp(particles[i].vowel, s, len)))
            return (int)i;
    return -1;
}

/*
 * The form of particle p that follows word (its last syllable decides), or
 * NULL when word does not end in a Hangul syllable (keep the particle).
 */
const char *check_particle_for(int p, const char *word)
{
    size_t len = strlen(word);
    uint32_t c;
    int fin;

    if (!len)
        return NULL;
    utf8_decode(word + utf8_prev(word, len), len - utf8_prev(word, len), &c);
    fin = hangul_final(c);
    if (fin < 0)
        return NULL;
    if (fin == 0 || (fin == 8 && !strncmp(particles[p].cons, "으로", strlen("으로"))))
        return particles[p].vowel;
    return particles[p].cons;
}
