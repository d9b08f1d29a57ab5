/*
 * translit_ortho.c - English pronunciation -> Hangul by the loanword orthography.
 *
 * Implements 외래어 표기법 (문교부 고시 제85-11호, 1986), 제3장 표기 세칙
 * 제1절 영어의 표기, 제1항-제9항, over the IPA-Hangul table of 제2장 (표 1),
 * taking the pronunciation from the CMU dictionary (festlex-cmu, ARPAbet):
 *
 *   제1항 voiceless stops [p t k]: 받침 ㅂ ㅅ ㄱ after a short vowel at the end
 *         of a word or before a consonant other than [l r m n] (갭, 셋백);
 *         otherwise with 으 (스탬프, 파트)
 *   제2항 voiced stops [b d g]: with 으 at the end and before a consonant
 *   제3항 fricatives: [s z f v θ ð] with 으; [ʃ] 시 at the end, 슈 before a
 *         consonant, 샤 섀 셔 셰 쇼 슈 시 before a vowel; [ʒ] 지 / ㅈ
 *   제4항 affricates: [ʦ ʣ] 츠 즈, [ʧ ʤ] 치 지, before a vowel ㅊ ㅈ
 *   제5항 nasals: 받침 at the end and before a consonant; [ŋ] between vowels
 *         is the 받침 ㅇ of the first syllable (행잉)
 *   제6항 [l]: 받침 at the end and before a consonant; ㄹㄹ inside a word before
 *         a vowel or an unvoweled nasal (슬라이드, 필름), but ㄹ after a nasal
 *   제7항 long vowels are not marked
 *   제8항 diphthongs keep each part; [ou] is 오, [auə] 아워
 *   제9항 [w] 워 와 왜 웨 위 우, after a consonant two syllables except
 *         [gw hw kw]; [j] 야 얘 여 예 요 유 이, but [djə ljə njə] 디어 리어 니어
 *
 * Korean follows the British, non-rhotic pronunciation: [r] after a vowel is
 * not written (파트, 콘), and [ɛə ɪə ʊə] give 에어 이어 우어. CMU is American,
 * so two American features are undone from the spelling: ARPAbet AA spelled
 * with an "o" is British [ɒ] (톱, 쇼핑), and R after a vowel is dropped.
 * Schwa is 어 in the standard rendering; TRANSLIT_V_SPELLED writes it after
 * its vowel letter instead (시스템, 바나나), as established spellings often do.
 * TRANSLIT_V_CUSTOMARY also keeps the American [ɑ] of an o (팝, 박스), and
 * TRANSLIT_V_SPELLED the British [aɪl] of -ile (미사일) and [uː] of -ule (캡슐)
 * where CMU has a schwa.
 * TRANSLIT_V_LETTERS renders a letter reading, phones guessed from the
 * spelling as German or Latin would say it (gen_translit.c), and writes
 * every [r].
 */
#include <string.h>

#include "align/translit_int.h"
#include "util/banned.h"

enum phone {
    PH_NONE = 0,
    /* vowels */
    PH_AA,
    PH_AE,
    PH_AH,
    PH_AO,
    PH_AW,
    PH_AX,
    PH_AY,
    PH_EH,
    PH_ER,
    PH_EY,
    PH_IH,
    PH_IY,
    PH_OW,
    PH_OY,
    PH_UH,
    PH_UW,
    /* glides */
    PH_W,
    PH_Y,
    /* consonants */
    PH_B,
    PH_CH,
    PH_D,
    PH_DH,
    PH_F,
    PH_G,
    PH_HH,
    PH_JH,
    PH_K,
    PH_L,
    PH_M,
    PH_N,
    PH_NG,
    PH_P,
    PH_R,
    PH_S,
    PH_SH,
    PH_T,
    PH_TH,
    PH_V,
    PH_Z,
    PH_ZH
};

static const char *const phone_names[] = {
    "",   "aa", "ae", "ah", "ao", "aw", "ax", "ay", "eh", "er", "ey", "ih", "iy", "ow",
    "oy", "uh", "uw", "w",  "y",  "b",  "ch", "d",  "dh", "f",  "g",  "hh", "jh", "k",
    "l",  "m",  "n",  "ng", "p",  "r",  "s",  "sh", "t",  "th", "v",  "z",  "zh"};

#define MAX_PHONES 48

static int is_vowel(int p)
{
    return p >= PH_AA && p <= PH_UW;
}

static int is_glide(int p)
{
    return p == PH_W || p == PH_Y;
}

/* 1 for the diphthongs of 제8항: [ai ei ou au ɔi]. */
static int is_diphthong(int p)
{
    return p == PH_AY || p == PH_EY || p == PH_OW || p == PH_AW || p == PH_OY;
}

/* 1 for the lax ("short") vowels of 제1항: [ɪ ɛ æ ʌ ʊ ə ɒ]. */
static int is_short(int p, char letter)
{
    switch (p) {
    case PH_IH:
    case PH_EH:
    case PH_AE:
    case PH_AH:
    case PH_UH:
    case PH_AX:
        return 1;
    case PH_AA:
        return letter == 'o';
    default:
        return 0;
    }
}

/* Initial (제2장 표 1, 모음 앞) for a consonant phone. */
static int initial_of(int p)
{
    switch (p) {
    case PH_P:
    case PH_F:
        return INI_P;
    case PH_B:
    case PH_V:
        return INI_B;
    case PH_T:
        return INI_T;
    case PH_D:
    case PH_DH:
        return INI_D;
    case PH_K:
        return INI_K;
    case PH_G:
        return INI_G;
    case PH_TH:
    case PH_S:
    case PH_SH:
        return INI_S;
    case PH_Z:
    case PH_ZH:
    case PH_JH:
        return INI_J;
    case PH_CH:
        return INI_CH;
    case PH_M:
        return INI_M;
    case PH_N:
        return INI_N;
    case PH_NG:
        return INI_NULL;
    case PH_L:
    case PH_R:
        return INI_R;
    case PH_HH:
        return INI_H;
    default:
        return INI_NULL;
    }
}

/* ---- the syllable builder ------------------------------------------------------ */

struct syl {
    signed char ini; /* initial index, INI_NULL for none */
    signed char med; /* medial index */
    signed char fin; /* final index, 0 for none */
};

struct builder {
    struct syl s[MAX_PHONES * 2]; /* syllables so far */
    size_t n;                     /* syllables used */
    int overflow;                 /* set when s filled up */
};

static void emit(struct builder *b, int ini, int med)
{
    if (b->n == sizeof(b->s) / sizeof(b->s[0])) {
        b->overflow = 1;
        return;
    }
    b->s[b->n].ini = (signed char)ini;
    b->s[b->n].med = (signed char)med;
    b->s[b->n].fin = 0;
    b->n++;
}

/* Sets the 받침 of the last syllable, or writes consonant+으 when it has one. */
static void set_final(struct builder *b, int fin, int ini_if_taken)
{
    if (b->n && !b->s[b->n - 1].fin)
        b->s[b->n - 1].fin = (signed char)fin;
    else
        emit(b, ini_if_taken, MED_EU);
}

/* The medial for a plain vowel medial after a glide (제9항). */
static int glide_medial(int glide, int med)
{
    if (glide == PH_Y) {
        switch (med) {
        case MED_A:
            return MED_YA;
        case MED_AE:
            return MED_YAE;
        case MED_EO:
            return MED_YEO;
        case MED_E:
            return MED_YE;
        case MED_O:
            return MED_YO;
        case MED_U:
            return MED_YU;
        default:
            return med;
        }
    }
    if (glide == PH_W) {
        switch (med) {
        case MED_EO:
        case MED_O:
            return MED_WO; /* [wə wɔ wou] 워 */
        case MED_A:
            return MED_WA;
        case MED_AE:
            return MED_WAE;
        case MED_E:
            return MED_WE;
        case MED_I:
            return MED_WI;
        case MED_U:
        case MED_EU:
            return MED_U;
        default:
            return med;
        }
    }
    return med;
}

/* Medial for the vowel letter a schwa is spelled with (TRANSLIT_V_SPELLED). */
static int letter_medial(char c, int fallback)
{
    switch (c) {
    case 'a':
        return MED_A;
    case 'e':
        return MED_E;
    case 'i':
    case 'y':
        return MED_I;
    case 'o':
        return MED_O;
    case '-':
        return MED_EU; /* the "le" of apple, table */
    default:
        return fallback;
    }
}

/*
 * Vowel letters of word aligned with its vowel phones: letters[k] is the
 * first letter of the k-th vowel group of the spelling, when the number of
 * groups (after dropping a silent final e) equals nv; else all NUL.
 */
static void align_letters(const char *word, size_t nv, char *letters, char *single)
{
    char g[MAX_PHONES], one[MAX_PHONES];
    size_t ng = 0, len = strlen(word);
    int in = 0;

    memset(letters, 0, nv);
    memset(single, 0, nv);
    for (size_t i = 0; i < len && ng < MAX_PHONES; i++) {
        char c = word[i];
        int v = strchr("aeiou", c) != NULL || (c == 'y' && i > 0 && !in);
        if (c == 'y' && i + 1 < len && strchr("aeiou", word[i + 1]))
            v = 0;
        /* the u of qu, gu before a vowel is the glide [w]: penguin, quick */
        if (c == 'u' && i > 0 && (word[i - 1] == 'q' || word[i - 1] == 'g') && !in && i + 1 < len &&
            strchr("aeio", word[i + 1]))
            v = 0;
        if (v && !in) { /* au, aw: British [ɔː] where CMU has AA (audition) */
            one[ng] = 1;
            g[ng++] = c == 'a' && (word[i + 1] == 'u' || word[i + 1] == 'w') ? 'o' : c;
        } else if (v && ng) {
            one[ng - 1] = 0; /* a group of two or more vowel letters: ee, ea, ou */
        }
        in = v;
    }
    if (len >= 3 && !strcmp(word + len - 2, "le") && !strchr("aeiouy", word[len - 3]) && ng)
        g[ng - 1] = '-'; /* syllabic [l] of apple, table: 애플 */
    else if (ng == nv + 1 && len >= 2 && word[len - 1] == 'e' && !strchr("aeiouy", word[len - 2]))
        ng--; /* silent e: make, cape */
    if (ng == nv) {
        memcpy(letters, g, nv);
        memcpy(single, one, nv);
    }
}

/* Parses "k l aw1 d" into phone codes. Returns the count or -1. */
static int parse_phones(const char *s, unsigned char *ph, size_t max)
{
    size_t n = 0;

    while (*s) {
        size_t len = 0;
        int found = 0;
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        while (s[len] && s[len] != ' ' && !(s[len] >= '0' && s[len] <= '9'))
            len++;
        for (size_t p = 1; p < sizeof(phone_names) / sizeof(phone_names[0]); p++)
            if (strlen(phone_names[p]) == len && !memcmp(phone_names[p], s, len)) {
                found = (int)p;
                break;
            }
        if (!found || n == max)
            return -1;
        ph[n++] = (unsigned char)found;
        s += len;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return (int)n;
}

/* ---- the rules -------------------------------------------------------------------- */

/* Writes a consonant that no vowel follows (제1항-제6항). i indexes ph. */
static void render_coda(struct builder *b, const unsigned char *ph, size_t n, size_t i,
                        const char *vletter, enum translit_variant variant)
{
    int p = ph[i], prev = i ? ph[i - 1] : PH_NONE, next = i + 1 < n ? ph[i + 1] : PH_NONE;
    int after = i + 2 < n ? ph[i + 2] : PH_NONE;

    /* 제4항 1: [ts] and [dz] are 츠 and 즈 (키츠, 오즈), written at the [s] or [z] */
    if (((p == PH_T && next == PH_S) || (p == PH_D && next == PH_Z)) &&
        (after == PH_NONE || (!is_vowel(after) && !is_glide(after))))
        return;
    /* TRANSLIT_V_CUSTOMARY (제1장 제5항): a word-final [p k b g] after a
     * plain vowel is a 받침 whatever the vowel's length or voicing (빅, 웹,
     * 딥, 잡), as established spellings widely write it */
    /* ... except a word-final [k] after [ɛ], which custom writes with 으
     * (체크, 데크, 하이테크: all in the standard dictionary) */
    if (variant == TRANSLIT_V_CUSTOMARY && next == PH_NONE && p == PH_K && prev == PH_EH) {
        emit(b, INI_K, MED_EU);
        return;
    }
    if (variant == TRANSLIT_V_CUSTOMARY && next == PH_NONE && i && is_vowel(prev) &&
        !is_diphthong(prev) && (p == PH_P || p == PH_K || p == PH_B || p == PH_G)) {
        set_final(b, p == PH_P || p == PH_B ? FIN_B : FIN_G, initial_of(p));
        return;
    }
    /* ... and a word-final [d] after a short vowel is 받침 ㅅ, as [t] is (굿즈,
     * 팟캐스트, 아이팟), though not in every word (패드, 레드: the standard
     * spelling stays the first reading) */
    if (variant == TRANSLIT_V_CUSTOMARY && next == PH_NONE && p == PH_D && i &&
        is_short(prev, vletter[i - 1])) {
        set_final(b, FIN_S, initial_of(PH_T));
        return;
    }
    switch (p) {
    case PH_P:
    case PH_T:
    case PH_K:
        /* 제1항 1, 2 */
        /* a letter reading's plain vowels are all short (캅셀, German Kapsel) */
        if (i &&
            (is_short(prev, vletter[i - 1]) ||
             (variant == TRANSLIT_V_LETTERS && is_vowel(prev) && !is_diphthong(prev))) &&
            (next == PH_NONE ||
             (next != PH_L && next != PH_R && next != PH_M && next != PH_N && !is_glide(next)))) {
            set_final(b, p == PH_P ? FIN_B : p == PH_T ? FIN_S : FIN_G, initial_of(p));
            return;
        }
        emit(b, initial_of(p), MED_EU); /* 제1항 3 */
        return;
    case PH_S:
    case PH_Z:
        if (i && p == PH_S && prev == PH_T) {
            emit(b, INI_CH, MED_EU); /* 제4항 1: [ts] 츠 */
            return;
        }
        if (i && p == PH_Z && prev == PH_D) {
            emit(b, INI_J, MED_EU); /* 제4항 1: [dz] 즈 */
            return;
        }
        emit(b, initial_of(p), MED_EU); /* 제3항 1 */
        return;
    case PH_SH:
        emit(b, INI_S, next == PH_NONE ? MED_I : MED_YU); /* 제3항 2 */
        return;
    case PH_ZH:
    case PH_JH:
        emit(b, INI_J, MED_I); /* 제3항 3, 제4항 1 */
        return;
    case PH_CH:
        emit(b, INI_CH, MED_I); /* 제4항 1 */
        return;
    case PH_M:
        set_final(b, FIN_M, INI_M); /* 제5항 1 */
        return;
    case PH_N:
        set_final(b, FIN_N, INI_N);
        return;
    case PH_NG:
        set_final(b, FIN_NG, INI_NULL);
        return;
    case PH_L:
        /* 제6항 2: before a nasal that no vowel follows, ㄹㄹ (필름) */
        if ((next == PH_M || next == PH_N) && (after == PH_NONE || !is_vowel(after))) {
            set_final(b, FIN_L, INI_R);
            emit(b, INI_R, MED_EU);
            return;
        }
        set_final(b, FIN_L, INI_R); /* 제6항 1 */
        return;
    case PH_R:
        if (variant == TRANSLIT_V_LETTERS) {
            emit(b, INI_R, MED_EU); /* a letter reading sounds every r: 요구르트 */
            return;
        }
        if (i == 0 || !is_vowel(prev))
            emit(b, INI_R, MED_EU); /* 표 1: [r] 르 */
        else if (prev == PH_EH || prev == PH_IH || prev == PH_UH || prev == PH_AY ||
                 prev == PH_IY || prev == PH_UW)
            emit(b, INI_NULL, MED_EO); /* [ɛə ɪə ʊə aɪə]: 에어, 이어, 투어, 파이어 */
        else if (prev == PH_AW)
            emit(b, INI_NULL, MED_EO); /* [auə] 아워 (제8항) */
        else if (variant == TRANSLIT_V_CUSTOMARY && next == PH_NONE &&
                 (prev == PH_AO || prev == PH_OW))
            emit(b, INI_NULL, MED_EO); /* customary [ɔːə]: 스코어, 스토어, 도어 */
        return;                        /* otherwise silent, as in British English */
    case PH_HH:
        emit(b, INI_H, MED_EU);
        return;
    default:
        emit(b, initial_of(p), MED_EU); /* [b d g f v θ ð] with 으: 제2항, 제3항 1 */
        return;
    }
}

/* 1 when a vowel phone comes after ph[i]. */
static int vowel_follows(const unsigned char *ph, size_t n, size_t i)
{
    while (++i < n)
        if (is_vowel(ph[i]))
            return 1;
    return 0;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcmp(s + n - k, suffix);
}

/* Medial (and second syllable of a diphthong) for vowel phone p. */
static int vowel_medial(int p, char letter, enum translit_variant variant, int *second /* OUT */)
{
    *second = -1;
    switch (p) {
    case PH_AA:
        if (letter == 'o' && variant != TRANSLIT_V_CUSTOMARY)
            return MED_O; /* British [ɒ]: 톱, 쇼핑 */
        return MED_A;     /* and the customary American [ɑ]: 팝, 박스 */
    case PH_AE:
        return variant == TRANSLIT_V_SPELLED && letter == 'a' ? MED_A : MED_AE;
    case PH_AH:
        return variant == TRANSLIT_V_SPELLED ? letter_medial(letter == 'u' ? 0 : letter, MED_EO)
                                             : MED_EO;
    case PH_AO:
        return MED_O;
    case PH_AW:
        *second = MED_U;
        return MED_A;
    case PH_AX:
        return variant == TRANSLIT_V_SPELLED ? letter_medial(letter == 'u' ? 0 : letter, MED_EO)
                                             : MED_EO;
    case PH_AY:
        *second = MED_I;
        return MED_A;
    case PH_EH:
        return MED_E;
    case PH_ER:
        return MED_EO;
    case PH_EY:
        *second = MED_I;
        return MED_E;
    case PH_IH:
    case PH_IY:
        return MED_I;
    case PH_OW:
        return MED_O; /* 제8항: [ou] 오 */
    case PH_OY:
        *second = MED_I;
        return MED_O;
    case PH_UH:
    case PH_UW:
        return MED_U;
    default:
        return MED_EU;
    }
}

int translit_ortho_render(const char *word, const char *phones, enum translit_variant variant,
                          unsigned char *out, size_t max)
{
    unsigned char ph[MAX_PHONES];
    char vletter[MAX_PHONES], letters[MAX_PHONES], single[MAX_PHONES], vsingle[MAX_PHONES];
    struct builder b;
    int n = parse_phones(phones, ph, MAX_PHONES);
    int onset = INI_NULL, glide = PH_NONE;
    size_t nv = 0, k = 0, len = 0;

    if (n <= 0)
        return -1;
    /* British [aɪl] of -ile where American has a schwa: 미사일, 모바일 (TRANSLIT_V_SPELLED) */
    if (variant == TRANSLIT_V_SPELLED && n >= 2 && ph[n - 1] == PH_L &&
        (ph[n - 2] == PH_AX || ph[n - 2] == PH_AH || ph[n - 2] == PH_IH) && strlen(word) > 4 &&
        !strcmp(word + strlen(word) - 3, "ile"))
        ph[n - 2] = PH_AY;
    /* ... and British [uː] of -ule (with [j] after an alveolar, below): capsule
     * 캡슐, where CMU has [səl] */
    if (variant == TRANSLIT_V_SPELLED && n >= 2 && ph[n - 1] == PH_L &&
        (ph[n - 2] == PH_AX || ph[n - 2] == PH_AH) && strlen(word) > 4 && ends_with(word, "ule"))
        ph[n - 2] = PH_UW;
    b.n = 0;
    b.overflow = 0;
    for (int i = 0; i < n; i++)
        nv += is_vowel(ph[i]);
    align_letters(word, nv, letters, single);
    for (int i = 0; i < n; i++) {
        vsingle[i] = is_vowel(ph[i]) ? single[k] : 0;
        vletter[i] = is_vowel(ph[i]) ? letters[k++] : 0;
    }
    if (!nv || !letters[0]) {
        /* no alignment: an 'o' and no 'a' in the word still says [ɒ] */
        char o = strchr(word, 'o') && !strchr(word, 'a') ? 'o' : 0;
        for (int i = 0; i < n; i++)
            if (ph[i] == PH_AA)
                vletter[i] = o;
    }

    for (size_t i = 0; i < (size_t)n; i++) {
        int p = ph[i], next = i + 1 < (size_t)n ? ph[i + 1] : PH_NONE;
        int after = i + 2 < (size_t)n ? ph[i + 2] : PH_NONE;

        if (is_vowel(p)) {
            /* a letter reading takes the standard vowels */
            int second,
                med = vowel_medial(p, vletter[i],
                                   variant == TRANSLIT_V_SPELLED || variant == TRANSLIT_V_CUSTOMARY
                                       ? variant
                                       : TRANSLIT_V_STANDARD,
                                   &second);
            if (glide == PH_W && p == PH_AA)
                med = variant == TRANSLIT_V_SPELLED ? MED_A : MED_EO; /* [wɔ] 워, [wɑ] 와 */
            /* the spelled 아 of [æ] in a word of one syllable only where British
             * says [ɑː], before [s f θ] or [n] and a consonant (마스크, 찬스);
             * elsewhere it keeps 애, so that 닷 is dot, not that (댓) */
            if (p == PH_AE && nv == 1 && next != PH_S && next != PH_F && next != PH_TH &&
                !(next == PH_N && after != PH_NONE))
                med = MED_AE;
            /* British [juː] after an alveolar where American drops the [j]:
             * news 뉴스, tube 튜브 (TRANSLIT_V_SPELLED; spelled u or ew, not oo) */
            if (variant == TRANSLIT_V_SPELLED && p == PH_UW && glide == PH_NONE && i > 0 &&
                (vletter[i] == 'u' || vletter[i] == 'e') &&
                (ph[i - 1] == PH_N || ph[i - 1] == PH_T || ph[i - 1] == PH_D || ph[i - 1] == PH_S ||
                 ph[i - 1] == PH_L || ph[i - 1] == PH_TH))
                glide = PH_Y;
            /* a reduced vowel spelled i before another syllable is British
             * [ɪ], 이: capital 캐피털, festival 페스티벌; not the i of -tion,
             * -sion, -cian (션, 전), of union's [jə], or of a last syllable */
            if ((p == PH_AX || p == PH_AH) && vletter[i] == 'i' && i > 0 && ph[i - 1] != PH_SH &&
                ph[i - 1] != PH_ZH && ph[i - 1] != PH_JH && ph[i - 1] != PH_CH &&
                ph[i - 1] != PH_Y && vowel_follows(ph, (size_t)n, i))
                med = MED_I;
            /* the reduced vowel of -ed after [t] or [d] is British [ɪ], 이, where CMU
             * writes a schwa: connected 커넥티드, blended 블렌디드, limited 리미티드 */
            if ((p == PH_AX || p == PH_AH) && vletter[i] == 'e' && next == PH_D &&
                after == PH_NONE && i > 0 && (ph[i - 1] == PH_T || ph[i - 1] == PH_D) &&
                ends_with(word, "ed"))
                med = MED_I;
            /* spelling-influenced [iː] or [ɪ] of a lone e: zero 제로, meta 메타, ego 에고 */
            if (variant == TRANSLIT_V_SPELLED && (p == PH_IY || p == PH_IH) && vletter[i] == 'e' &&
                vsingle[i])
                med = MED_E;
            /* the unstressed vowel of the suffix -age [ɪdʒ] is 이, as every
             * standard spelling writes it: 메시지, 이미지, 패키지, 매니저 */
            if ((p == PH_AX || p == PH_AH || p == PH_IH) && next == PH_JH && i > 0 &&
                ((after == PH_NONE && ends_with(word, "age")) ||
                 (vletter[i] == 'a' && strstr(word, "age"))))
                med = MED_I;
            med = glide_medial(glide, med);
            if ((onset == INI_J || onset == INI_CH) && glide == PH_Y)
                med = glide_medial(PH_NONE, med);
            emit(&b, onset, med);
            /* 제8항: [auə] is 아워 (tower 타워, power 파워) */
            if (p == PH_AW && (next == PH_ER || next == PH_AX) && glide != PH_W) {
                emit(&b, INI_NULL, MED_WO);
                onset = INI_NULL;
                i++;
                continue;
            }
            if (second >= 0) {
                if (glide == PH_W && p == PH_OW)
                    second = -1;
                if (second >= 0)
                    emit(&b, INI_NULL, second);
            }
            onset = INI_NULL;
            glide = PH_NONE;
            /* [ər] and a vowel: 카메라; a vowel after a vowel: 바이오 */
            if (p == PH_ER && is_vowel(next))
                onset = INI_R;
            continue;
        }
        if (is_glide(p)) {
            if (is_vowel(next)) {
                glide = p;
                /* 제9항 3: [djə ljə njə] 디어 리어 니어 */
                if (p == PH_Y && (next == PH_AX || next == PH_AH) &&
                    (onset == INI_D || onset == INI_R || onset == INI_N) && i > 0 &&
                    (ph[i - 1] == PH_D || ph[i - 1] == PH_L || ph[i - 1] == PH_N)) {
                    emit(&b, onset, MED_I);
                    onset = INI_NULL;
                    glide = PH_NONE;
                }
            } else {
                emit(&b, onset, p == PH_W ? MED_U : MED_I);
                onset = INI_NULL;
            }
            continue;
        }
        /* a consonant */
        if (is_vowel(next)) {
            if (p == PH_NG) {
                set_final(&b, FIN_NG, INI_NULL); /* 제5항 2: 행잉 */
                onset = INI_NULL;
            } else if (p == PH_SH) {
                onset = INI_S;
                glide = PH_Y; /* 제3항 2: 샤 섀 셔 셰 쇼 슈 시 */
            } else {
                onset = initial_of(p);
                /* 제6항 2: ㄹㄹ inside a word, but ㄹ after a nasal */
                if (p == PH_L && i > 0 && b.n && !b.s[b.n - 1].fin && ph[i - 1] != PH_M &&
                    ph[i - 1] != PH_N && ph[i - 1] != PH_NG)
                    b.s[b.n - 1].fin = FIN_L;
            }
            continue;
        }
        if (is_glide(next) && is_vowel(after)) {
            if (next == PH_Y || p == PH_G || p == PH_K || p == PH_HH) {
                onset = initial_of(p); /* 큐, 퓨; 제9항 2: 궈 훠 쿼 in one syllable */
                if (p == PH_L && i > 0 && b.n && !b.s[b.n - 1].fin && is_vowel(ph[i - 1]))
                    b.s[b.n - 1].fin = FIN_L;
                if (p == PH_SH)
                    glide = PH_Y;
            } else {
                emit(&b, initial_of(p), p == PH_SH ? MED_YU : MED_EU); /* 제9항 2: 스윙 */
                onset = INI_NULL;
            }
            continue;
        }
        render_coda(&b, ph, (size_t)n, i, vletter, variant);
    }
    if (b.overflow)
        return -1;
    for (size_t s = 0; s < b.n; s++) {
        if (len + 3 > max)
            return -1;
        out[len++] = (unsigned char)(JAMO_INI + b.s[s].ini);
        out[len++] = (unsigned char)(JAMO_MED + b.s[s].med);
        if (b.s[s].fin)
            out[len++] = (unsigned char)(JAMO_FIN + b.s[s].fin);
    }
    return (int)len;
}
