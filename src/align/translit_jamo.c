/*
 * translit_jamo.c - Hangul syllables <-> jamo codes, and the weighted jamo distance.
 *
 * The distance is a Levenshtein distance whose costs encode how Korean
 * spellings of one English sound vary in practice and across the rules of
 * 외래어 표기법 (1986, 문교부 고시 제85-11호). A cost is in tenths of a plain
 * substitution:
 *
 *   - letters that render neighbouring English sounds cost little: ㅔ/ㅐ
 *     (English [e] vs [æ] after the 표 1 IPA table), ㅓ/ㅗ ([ə]/[ɔ] and British
 *     vs American [ɒ]), ㅂ/ㅍ, ㄷ/ㅌ, ㄱ/ㅋ ([b]/[p] ... 제2장 표 1), 받침 ㅅ/ㄷ;
 *   - the same consonant as a 받침 or as an initial followed by 으 is close:
 *     셋 vs 세트 (제3장 제1절 제1항 1 vs 3, often written either way);
 *   - inserting the epenthetic ㅡ, a null initial ㅇ or the second ㄹ of ㄹㄹ
 *     (제6항 2) is cheap.
 * A consonant never aligns with a vowel.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "align/translit_int.h"
#include "util/utf8.h"
#include "util/banned.h"

#define SBASE 0xAC00u /* first precomposed syllable (UAX #15 §3.12) */
#define NCOUNT 588    /* syllables per initial: 21 medials * 28 finals */
#define TCOUNT 28     /* final slots, 0 = none */

int translit_jamo_from_utf8(const char *s, size_t len, unsigned char *out, size_t max)
{
    size_t n = 0, i = 0;

    while (i < len) {
        uint32_t c;
        i += utf8_decode(s + i, len - i, &c);
        if (!uc_is_hangul_syllable(c))
            return -1;
        c -= SBASE;
        if (n + 3 > max)
            return -1;
        out[n++] = (unsigned char)(JAMO_INI + c / NCOUNT);
        out[n++] = (unsigned char)(JAMO_MED + (c % NCOUNT) / TCOUNT);
        if (c % TCOUNT)
            out[n++] = (unsigned char)(JAMO_FIN + c % TCOUNT);
    }
    return (int)n;
}

/* Compatibility jamo (U+3131..) for a lone initial or final, by Unicode index. */
static const uint16_t compat_initial[19] = {0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141,
                                            0x3142, 0x3143, 0x3145, 0x3146, 0x3147, 0x3148, 0x3149,
                                            0x314A, 0x314B, 0x314C, 0x314D, 0x314E};
static const uint16_t compat_final[28] = {0,      0x3131, 0x3132, 0x3133, 0x3134, 0x3135, 0x3136,
                                          0x3137, 0x3139, 0x313A, 0x313B, 0x313C, 0x313D, 0x313E,
                                          0x313F, 0x3140, 0x3141, 0x3142, 0x3144, 0x3145, 0x3146,
                                          0x3147, 0x3148, 0x314A, 0x314B, 0x314C, 0x314D, 0x314E};

int translit_jamo_to_utf8(const unsigned char *codes, size_t n, struct strbuf *sb)
{
    size_t i = 0;

    while (i < n) {
        int ini = INI_NULL, med, fin = 0;
        if (codes[i] >= JAMO_FIN + 1) {
            utf8_add(sb, compat_final[codes[i++] - JAMO_FIN]);
            continue;
        }
        if (codes[i] < JAMO_MED) {
            ini = codes[i++] - JAMO_INI;
            if (i == n || codes[i] < JAMO_MED || codes[i] > JAMO_FIN) {
                utf8_add(sb, compat_initial[ini]);
                continue;
            }
        }
        med = codes[i++] - JAMO_MED;
        if (i < n && codes[i] > JAMO_FIN &&
            !(i + 1 < n && codes[i + 1] >= JAMO_MED && codes[i + 1] <= JAMO_FIN))
            fin = codes[i++] - JAMO_FIN;
        utf8_add(sb, SBASE + (uint32_t)(ini * NCOUNT + med * TCOUNT + fin));
    }
    return 0;
}

size_t translit_jamo_syllables(const unsigned char *codes, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += codes[i] >= JAMO_MED && codes[i] <= JAMO_FIN;
    return k;
}

/* ---- costs ------------------------------------------------------------------- */

enum jamo_class { J_INI, J_MED, J_FIN };

static enum jamo_class class_of(unsigned c)
{
    return c < JAMO_MED ? J_INI : c <= JAMO_FIN ? J_MED : J_FIN;
}

/*
 * Sound group of a consonant, shared by initials and finals: consonants of
 * one group render one English phoneme or its voiced/aspirated neighbour
 * (표 1: [p] ㅍ/ㅂ, [b] ㅂ; [t] ㅌ/ㅅ, [d] ㄷ; [k] ㅋ/ㄱ, [g] ㄱ ...).
 */
enum { G_NONE, G_VEL, G_ALV, G_LAB, G_AFF, G_SIB, G_N, G_L, G_M, G_NG, G_H };

static int initial_group(int i)
{
    static const unsigned char g[19] = {G_VEL, G_VEL, G_N,   G_ALV, G_ALV,  G_L,   G_M,
                                        G_LAB, G_LAB, G_SIB, G_SIB, G_NONE, G_AFF, G_AFF,
                                        G_AFF, G_VEL, G_ALV, G_LAB, G_H};
    return g[i];
}

static int final_group(int f)
{
    switch (f) {
    case 1:
    case 2:
    case 24:
        return G_VEL; /* ㄱ ㄲ ㅋ */
    case 7:
    case 19:
    case 20:
    case 25:
        return G_ALV; /* ㄷ ㅅ ㅆ ㅌ: all [t] as 받침 */
    case 17:
    case 26:
        return G_LAB; /* ㅂ ㅍ */
    case 4:
        return G_N;
    case 8:
        return G_L;
    case 16:
        return G_M;
    case 21:
        return G_NG;
    case 22:
    case 23:
        return G_AFF;
    default:
        return G_NONE;
    }
}

/* Vowel pairs that render neighbouring English vowels (표 1, 제8항, 제9항), and
 * their cost; any other two vowels cost 10. */
static const struct {
    unsigned char a, b, cost;
} near_vowels[] = {
    {MED_E, MED_AE, 2},   {MED_EO, MED_O, 3},   {MED_EO, MED_A, 4},   {MED_A, MED_AE, 4},
    {MED_EU, MED_U, 4},   {MED_O, MED_U, 4},    {MED_EO, MED_EU, 5},  {MED_EU, MED_I, 5},
    {MED_EO, MED_E, 5},   {MED_E, MED_I, 6},    {MED_YEO, MED_EO, 4}, {MED_YA, MED_A, 4},
    {MED_YO, MED_O, 4},   {MED_YU, MED_U, 4},   {MED_YE, MED_E, 4},   {MED_YAE, MED_AE, 4},
    {MED_YE, MED_YAE, 2}, {MED_YEO, MED_YO, 3}, {MED_WO, MED_O, 5},   {MED_WO, MED_EO, 5},
    {MED_WA, MED_A, 5},   {MED_WI, MED_I, 5},   {MED_WE, MED_E, 5},   {MED_WAE, MED_WE, 2},
    {MED_OE, MED_WE, 2},  {MED_WO, MED_WA, 4},  {MED_A, MED_O, 5},    {MED_EO, MED_U, 6},
    {MED_UI, MED_I, 4},   {MED_EO, MED_I, 7},
};
#define N_MEDIALS 21

/* Cost of one consonant for another of group ga/gb, as an initial or a final alike. */
static int consonant_cost(int ga, int gb)
{
    if (ga == gb && ga != G_NONE)
        return 3;
    if ((ga == G_SIB && gb == G_AFF) || (ga == G_AFF && gb == G_SIB) ||
        (ga == G_ALV && gb == G_AFF) || (ga == G_AFF && gb == G_ALV))
        return 6;
    if ((ga == G_N && gb == G_L) || (ga == G_L && gb == G_N) || (ga == G_N && gb == G_M) ||
        (ga == G_M && gb == G_N) || (ga == G_N && gb == G_NG) || (ga == G_NG && gb == G_N))
        return 6;
    return 10;
}

static unsigned char sub_table[JAMO_END][JAMO_END];
static unsigned char indel_table[JAMO_END];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT; /* builds the tables below */

/* med: the cost of each vowel for each other (tables_init fills it from near_vowels). */
static int sub_cost(unsigned a, unsigned b, const unsigned char (*med)[N_MEDIALS])
{
    enum jamo_class ca = class_of(a), cb = class_of(b);

    if (a == b)
        return 0;
    if ((ca == J_MED) != (cb == J_MED))
        return 20;
    if (ca == J_MED)
        return med[a - JAMO_MED][b - JAMO_MED];
    if (ca == J_INI && cb == J_INI) {
        int ia = (int)(a - JAMO_INI), ib = (int)(b - JAMO_INI);
        if (ia == INI_NULL || ib == INI_NULL)
            return (ia == INI_H || ib == INI_H) ? 5 : 10;
        return consonant_cost(initial_group(ia), initial_group(ib));
    }
    if (ca == J_FIN && cb == J_FIN) {
        int ga = final_group((int)(a - JAMO_FIN)), gb = final_group((int)(b - JAMO_FIN));
        if (ga == G_ALV && gb == G_ALV)
            return 2; /* 받침 ㅅ/ㄷ/ㅌ: one sound, spelled ㅅ by 제1장 제3항 */
        return consonant_cost(ga, gb);
    }
    /* an initial against a final: 셋 vs 세트, 북 vs 부크 */
    {
        unsigned ini = ca == J_INI ? a : b, fin = ca == J_INI ? b : a;
        int gi = initial_group((int)(ini - JAMO_INI)), gf = final_group((int)(fin - JAMO_FIN));
        if (gi == gf && gi != G_NONE)
            return 3;
        if ((int)(ini - JAMO_INI) == INI_NULL)
            return 12;
        return 10 + (consonant_cost(gi, gf) < 10 ? 0 : 2);
    }
}

static int indel_cost(unsigned c)
{
    switch (class_of(c)) {
    case J_MED:
        switch ((int)(c - JAMO_MED)) {
        case MED_EU:
            return 4; /* epenthetic 으 (제1항 3, 제2항, 제3항 1) */
        case MED_I:
            return 6; /* 시/치/지 of 제3항 2-3, 제4항 1 */
        case MED_EO:
            return 7; /* the 어 of [ɛə], [ɪə] (케어, 비어) */
        default:
            return 10;
        }
    case J_INI:
        if ((int)(c - JAMO_INI) == INI_NULL)
            return 3; /* null initial: only ever moves with a vowel */
        return (int)(c - JAMO_INI) == INI_R ? 8 : 10;
    case J_FIN:
        switch ((int)(c - JAMO_FIN)) {
        case FIN_L:
            return 5; /* the first ㄹ of ㄹㄹ (제6항 2) */
        case FIN_NG:
            return 6; /* 행잉 vs 해잉 (제5항 2) */
        case FIN_S:
            return 6;
        default:
            return 7;
        }
    }
    return 10;
}

static void tables_init(void)
{
    /* the vowels' costs first: looked up pair by pair in near_vowels they were
     * two thirds of the 0.27 M instructions this costs every process */
    unsigned char med[N_MEDIALS][N_MEDIALS];
    for (unsigned a = 0; a < N_MEDIALS; a++)
        for (unsigned b = 0; b < N_MEDIALS; b++)
            med[a][b] = a == b ? 0 : 10;
    /* backwards, so that the first row naming a pair decides it */
    for (size_t i = sizeof(near_vowels) / sizeof(near_vowels[0]); i-- > 0;)
        med[near_vowels[i].a][near_vowels[i].b] = med[near_vowels[i].b][near_vowels[i].a] =
            near_vowels[i].cost;
    for (unsigned a = JAMO_INI; a < JAMO_END; a++) {
        indel_table[a] = (unsigned char)indel_cost(a);
        for (unsigned b = JAMO_INI; b < JAMO_END; b++)
            sub_table[a][b] = (unsigned char)sub_cost(a, b, (const unsigned char(*)[N_MEDIALS])med);
    }
}

int translit_jamo_sub_cost(unsigned a, unsigned b)
{
    pthread_once(&tables_once, tables_init);
    if (a < JAMO_INI || a >= JAMO_END || b < JAMO_INI || b >= JAMO_END)
        return 20;
    return sub_table[a][b];
}

int translit_jamo_distance(const unsigned char *a, size_t na, const unsigned char *b, size_t nb,
                           int limit)
{
    int row0[TRANSLIT_MAX_JAMO + 1], row1[TRANSLIT_MAX_JAMO + 1];
    int *prev = row0, *cur = row1;

    pthread_once(&tables_once, tables_init);
    if (na > TRANSLIT_MAX_JAMO || nb > TRANSLIT_MAX_JAMO)
        return limit + 1;
    prev[0] = 0;
    for (size_t j = 1; j <= nb; j++)
        prev[j] = prev[j - 1] + indel_table[b[j - 1]];
    for (size_t i = 1; i <= na; i++) {
        int ia = indel_table[a[i - 1]], best;
        const unsigned char *srow = sub_table[a[i - 1]];
        int *t;
        cur[0] = prev[0] + ia;
        best = cur[0];
        for (size_t j = 1; j <= nb; j++) {
            int v = prev[j - 1] + srow[b[j - 1]];
            int d = prev[j] + ia;
            int ins = cur[j - 1] + indel_table[b[j - 1]];
            if (d < v)
                v = d;
            if (ins < v)
                v = ins;
            cur[j] = v;
            if (v < best)
                best = v;
        }
        if (best > limit)
            return limit + 1;
        t = prev;
        prev = cur;
        cur = t;
    }
    return prev[nb];
}

static unsigned char add_sat(unsigned a, unsigned b)
{
    return (unsigned char)(a + b < TRANSLIT_COL_MAX ? a + b : TRANSLIT_COL_MAX);
}

void translit_jamo_col_init(unsigned char *buf)
{
    memset(buf, TRANSLIT_COL_MAX, TRANSLIT_COL_SIZE);
}

void translit_jamo_first_column(const unsigned char *a, size_t na, struct translit_jamo_profile *p,
                                unsigned char *col)
{
    pthread_once(&tables_once, tables_init);
    p->n = na;
    memset(p->ins, TRANSLIT_COL_MAX, sizeof(p->ins));
    /* the rows of the codes an index word holds (JAMO_INI ..), for rows 0..na
     * and the block after: a column reads no further */
    size_t rows = na + 1 + 16 < TRANSLIT_COL_ROWS ? na + 1 + 16 : TRANSLIT_COL_ROWS;
    for (unsigned b = JAMO_INI; b < JAMO_END; b++) {
        memset(p->del[b], indel_table[b], sizeof(p->del[b]));
        memset(p->sub[b], TRANSLIT_COL_MAX, rows);
        for (size_t i = 1; i <= na; i++)
            p->sub[b][i] = sub_table[a[i - 1]][b];
    }
    for (unsigned s = 0; s < 4; s++)
        for (size_t i = (size_t)1 << s; i <= na; i++) {
            unsigned sum = 0;
            for (size_t k = i - ((size_t)1 << s); k < i; k++)
                sum += indel_table[a[k]];
            p->ins[s][i] = add_sat(sum, 0);
        }
    col[0] = 0;
    for (size_t i = 1; i <= na; i++)
        col[i] = add_sat(col[i - 1], indel_table[a[i - 1]]);
    for (size_t i = na + 1; i < TRANSLIT_COL_ROWS; i++)
        col[i] = TRANSLIT_COL_MAX;
}
