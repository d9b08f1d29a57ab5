/*
 * korean.c - token shapes: particles, verb endings, function words, numbers.
 *
 * The lists below are closed classes of Korean grammar (particles, endings,
 * determiners, sentence adverbs), not vocabulary: they hold for any document.
 * Nouns that happen to end in a particle-like syllable (분과, 제도, 회의) are
 * listed as exceptions so that the stop class of a real noun stays NONE.
 */
#include <assert.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "text/korean.h"
#include "ko_wordforms.h"
#include "ko_wordforms_index.h"
#include "sino_syllables.h"
#include "util/strmap.h"
#include "util/utf8.h"
#include "util/wordlist.h"
#include "util/wordset.h"
#include "util/banned.h"

int ko_is_sino_syllable(uint32_t c)
{
    if (!uc_is_hangul_syllable(c))
        return 0;
    unsigned i = c - 0xAC00;
    return (sino_syllable_bits[i / 8] >> (i % 8)) & 1;
}

/*
 * What this file answers about a token, kept per thread: the span and pair
 * models ask about the same tokens for every candidate they weigh, and an
 * answer was binary searches over hunspell-ko's word lists of 2 MB
 * (ko_word_form, ko_is_noun) or ko_noun_particle's suffix search (ko_token_stop:
 * one 8 KB release asked 899 times, about 2,900 instructions each). A slot is
 * chosen by a hash of the token, a newer token taking it and forgetting the
 * older one's answers; tokens longer than WORD_MEMO_KEY bytes are not kept.
 */
#define WORD_MEMO_SLOTS 512
#define WORD_MEMO_KEY 44
#define WORD_MEMO_UNKNOWN 0xFF
static _Thread_local struct word_memo {
    unsigned char len;  /* 0: empty (an empty token is never kept) */
    unsigned char form; /* enum ko_form, or WORD_MEMO_UNKNOWN */
    unsigned char noun; /* 0, 1, or WORD_MEMO_UNKNOWN */
    unsigned char stop; /* enum ko_stop, or WORD_MEMO_UNKNOWN */
    char key[WORD_MEMO_KEY];
} word_memo[WORD_MEMO_SLOTS];

/*
 * The slot of tok, emptied of another token's answers; NULL when tok is not
 * kept. Computing an answer may ask about other tokens and take the slot: ask
 * for it again before storing.
 */
static struct word_memo *word_slot(const char *tok, size_t len)
{
    if (!len || len > WORD_MEMO_KEY)
        return NULL;
    struct word_memo *m = &word_memo[strmap_hash(tok, len) % WORD_MEMO_SLOTS];
    if (m->len != len || memcmp(m->key, tok, len)) {
        m->len = (unsigned char)len;
        m->form = m->noun = m->stop = WORD_MEMO_UNKNOWN;
        memcpy(m->key, tok, len);
    }
    return m;
}

static enum ko_form word_form(const char *tok, size_t len)
{
    if (wordlist_index_find(ko_adnominal_forms, ko_adnominal_forms_slot, ko_adnominal_forms_MASK,
                            tok, len) >= 0)
        return KO_FORM_ADNOMINAL;
    if (wordlist_index_find(ko_connective_forms, ko_connective_forms_slot, ko_connective_forms_MASK,
                            tok, len) >= 0)
        return KO_FORM_CONNECTIVE;
    if (wordlist_index_find(ko_adverb_forms, ko_adverb_forms_slot, ko_adverb_forms_MASK, tok,
                            len) >= 0)
        return KO_FORM_ADVERB;
    return KO_FORM_NONE;
}

enum ko_form ko_word_form(const char *tok, size_t len)
{
    struct word_memo *m = word_slot(tok, len);
    if (!m)
        return word_form(tok, len);
    if (m->form == WORD_MEMO_UNKNOWN)
        m->form = (unsigned char)word_form(tok, len);
    return (enum ko_form)m->form;
}

int ko_is_noun(const char *tok, size_t len)
{
    struct word_memo *m = word_slot(tok, len);
    if (!m)
        return wordlist_index_find(ko_nouns, ko_nouns_slot, ko_nouns_MASK, tok, len) >= 0;
    if (m->noun == WORD_MEMO_UNKNOWN)
        m->noun = wordlist_index_find(ko_nouns, ko_nouns_slot, ko_nouns_MASK, tok, len) >= 0;
    return m->noun;
}

/* 1 when some suffix of s[0..len) of two syllables or more is a dictionary noun. */
static int ends_with_noun(const char *s, size_t len)
{
    unsigned syl = 0;
    for (size_t pos = len; pos > 0;) {
        pos = utf8_prev(s, pos);
        if (++syl >= 2 && ko_is_noun(s + pos, len - pos))
            return 1;
    }
    return 0;
}

size_t ko_noun_particle(const char *tok, size_t len)
{
    /* (after a consonant, after a vowel); 으로 takes 로 after ㄹ as well */
    static const struct {
        const char *cons, *vowel;
    } sure[] = {{"이", "가"},
                {"은", "는"},
                {"을", "를"},
                {"과", "와"},
                {"으로", "로"},
                {"에서", "에서"},
                {"에게", "에게"},
                {"에는", "에는"},
                {"에서는", "에서는"},
                {"까지", "까지"},
                {"부터", "부터"},
                /* the copula's adnominal ending a relative clause: 예정인, 협의체인 */
                {"인", "인"}};
    for (size_t i = 0; i < sizeof(sure) / sizeof(*sure); i++) {
        for (int v = 0; v < 2; v++) {
            const char *p = v ? sure[i].vowel : sure[i].cons;
            size_t pl = strlen(p);
            if (pl >= len || memcmp(tok + len - pl, p, pl))
                continue;
            size_t stem = len - pl;
            uint32_t c = 0;
            utf8_decode(tok + utf8_prev(tok, stem), stem - utf8_prev(tok, stem), &c);
            if (c < 0xAC00 || c > 0xD7A3)
                continue;
            unsigned fin = (c - 0xAC00) % 28;
            int want_vowel = fin == 0 || (fin == 8 && !strcmp(sure[i].cons, "으로"));
            if (strcmp(sure[i].cons, sure[i].vowel) && want_vowel != v)
                continue;
            if ((ko_is_noun(tok, stem) || ends_with_noun(tok, stem)) && !ends_with_noun(tok, len))
                return stem;
            return 0;
        }
    }
    return 0;
}

/* The syllable with the initial of the initial-sound law folded: ㄹ and ㄴ read ㅇ or ㄴ at
 * the start of a word (力 력 in 능력, 역량; 聯 련 in 연합), so they all compare as ㅇ. */
static unsigned fold_initial(unsigned syl)
{
    unsigned ini = syl / 588;
    if (ini == 2 || ini == 5) /* ㄴ, ㄹ */
        ini = 11;             /* ㅇ */
    return ini * 588 + syl % 588;
}

int ko_hanja_reads(uint32_t han, uint32_t syllable)
{
    if (!uc_is_hangul_syllable(syllable))
        return 0;
    size_t lo = 0, hi = HANJA_READING_COUNT;
    while (lo < hi) { /* the first entry of han */
        size_t mid = lo + (hi - lo) / 2;
        if (hanja_readings[mid].cp < han)
            lo = mid + 1;
        else
            hi = mid;
    }
    unsigned want = fold_initial(syllable - 0xAC00);
    for (; lo < HANJA_READING_COUNT && hanja_readings[lo].cp == han; lo++)
        if (fold_initial(hanja_readings[lo].syl) == want)
            return 1;
    return 0;
}

long ko_hanja_reading_start(const char *left, size_t llen, const char *hanja, size_t hlen)
{
    uint32_t han[64];
    size_t nh = 0;
    for (size_t i = 0; i < hlen;) {
        uint32_t c;
        size_t cl = utf8_decode(hanja + i, hlen - i, &c);
        /* between words, not before the first nor after the last */
        int sep = (c == ' ' || c == 0xB7) && nh && i + cl < hlen;
        i += cl;
        if (sep)
            continue;
        if (!uc_is_han(c) || nh == sizeof(han) / sizeof(han[0]))
            return -1;
        han[nh++] = c;
    }
    if (!nh)
        return -1;
    /* the last nh syllables of left, right to left, over spaces and middle dots
     * between words */
    size_t at = llen;
    for (size_t k = nh; k-- > 0;) {
        for (;;) {
            if (at > 0 && left[at - 1] == ' ')
                at--;
            else if (k + 1 < nh && at >= 2 && !memcmp(left + at - 2, "\xc2\xb7", 2))
                at -= 2;
            else
                break;
        }
        if (!at)
            return -1;
        size_t prev = utf8_prev(left, at);
        uint32_t c;
        utf8_decode(left + prev, at - prev, &c);
        if (!ko_hanja_reads(han[k], c))
            return -1;
        at = prev;
    }
    return (long)at;
}

void ko_script_of(const char *s, size_t len, struct ko_script *o)
{
    memset(o, 0, sizeof(*o));
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += utf8_decode(s + i, len - i, &c);
        if (uc_is_hangul(c)) {
            o->hangul++;
            if (uc_is_hangul_syllable(c) && !ko_is_sino_syllable(c))
                o->nonsino++;
        } else if (uc_is_latin_letter(c)) {
            o->latin++;
            if (c >= 'A' && c <= 'Z')
                o->upper++;
        } else if (uc_is_digit(c)) {
            o->digit++;
        } else if (uc_is_han(c) || (c >= 0x3041 && c <= 0x30FF && c != 0x30FB)) {
            o->han++; /* hanja, and kana: the original of a Japanese loan (지리(ちり)) */
        } else if (!uc_is_space(c)) {
            o->other++;
        }
    }
}

unsigned ko_syllable_count(const char *s, size_t len)
{
    unsigned n = 0;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += utf8_decode(s + i, len - i, &c);
        if (uc_is_hangul_syllable(c))
            n++;
    }
    return n;
}

/* ---- word lists --------------------------------------------------------- */

/* Asked about for every token of every candidate span: each list is also a
 * wordset (util/wordset.h), built once. */

/* 1 when tok ends with, and is longer than, a word of set (of 1 to 3 syllables). */
static int ends_with_set(const char *tok, size_t len, const struct wordset *set)
{
    for (size_t n = 3; n <= 9; n += 3)
        if (len > n && wordset_has(set, tok + len - n, n))
            return 1;
    return 0;
}

static int ends_with(const char *tok, size_t len, const char *suf)
{
    size_t n = strlen(suf);
    return len > n && !memcmp(tok + len - n, suf, n);
}

/* Words that never begin or continue a term: conjunctions, determiners,
 * sentence adverbs, time words (올해, 연내, 상반기), bound nouns used as
 * postpositions, nouns of a body's place under another (금융위원회 산하
 * 금융정보분석원: 산하, 소속, 직속). */
/* clang-format off */
static const char *const function_words[] = {
    "및",   "등",   "또는", "혹은",   "그리고", "그러나", "하지만", "또한",   "또",     "더",
    "더욱", "매우", "특히", "이",     "그",     "저",     "이번",   "해당",   "각",     "각종",
    "모든", "여러", "올해", "지난해", "내년",   "지난",   "향후",   "최근",   "현재",   "당시",
    "통해", "위해", "대해", "관련",   "대비",   "가운데", "중",     "간",     "내",     "외",
    "후",   "전",   "등의", "이후",   "이전",   "동안",   "때",     "경우",   "비롯해", "포함해",
    "함께", "따라", "이에", "우선",   "먼저",   "아울러", "한편",   "즉",     "약",     "총",
    "첫째", "둘째", "셋째", "넷째",   "마지막", "다만",   "모두",   "바로",   "같이",   "오는",
    "지금", "오늘", "금일", "당일",   "매년",   "그간",   "이미",   "앞으로", "새로",   "등을",
    "등이", "등과", "등에", "및",     "또한",   "다시",   "이제",   "곧",     "아직",   "직접",
    "적극", "계속", "주로", "처음",   "다음",   "위",     "아래",   "이상",   "이하",   "미만",
    "초과", "내외", "전후", "통한",   "위한",   "시",     "산하",   "소속",   "직속",   "연내",
    "연중", "연말", "연초", "상반기", "하반기", "당초",   "조만간", "각각",
    /* where a body stands with the genitive (과학기술정보통신부 소속의 …) */
    "산하의", "소속의", "직속의", "내의", "간의",
    /* the copula's 인 cut from its noun by a footnote's star (훈증제*인 메틸브로마이드) */
    "인",
    /* the bound noun 중 ("among") with its particles, and 것 ("what is") */
    "중에서", "중에서도", "중에는", "중에도", "가운데서", "것",
    /* the connective 도록 ("so that") after the commonest stems; 당분간 ("for now") */
    "않도록", "하도록", "되도록", "있도록", "없도록", "당분간", NULL};
/* clang-format on */

/*
 * Particles standing alone after a bracket (...)와 정보통신산업진흥원): never
 * inside a term, like function_words. A subset of ko_particles (build_sets
 * asserts it): the forms that follow a closing bracket in practice; 이 is
 * among function_words, as a determiner.
 */
static const char *const standalone_particles[] = {
    "와",   "과",   "은",     "는",   "가",   "을",   "를",   "의", "에",
    "도",   "로",   "으로",   "에서", "에게", "부터", "까지", "만", "와의",
    "과의", "에는", "으로는", "이나", "나",   "란",   NULL};

/* Modifiers that usually stand before a term rather than inside it. */
static const char *const modifiers[] = {
    "국내",   "국외", "해외", "국제",   "민간",   "세계",   "전세계", "글로벌", "주요",   "신규",
    "기존",   "첨단", "신",   "새",     "우리",   "정부",   "공공",   "전체",   "전반",   "일반",
    "핵심",   "대표", "최초", "대규모", "초대형", "대형",   "소형",   "고성능", "저전력", "최고위",
    "최신",   "미래", "기타", "현행",   "본격",   "초거대", "자체",   "국산",   "외산",   "세부",
    "본격적", "우수", "유망", "차기",   "신기술", "범국가", "범정부", "국가적", "실제",   "다수",
    "일부",   "관계", "해당", "전국",   "지역",   "초고속", "부설",   NULL};

/* Multi-syllable endings that make a token a verb, adnominal or case form (the last
 * six: a verb's adnominal of what is to come, 이끌어갈, 나아갈, 발전시킬, 만들어낼). */
/* clang-format off */
static const char *const hard_endings[] = {
    "에서", "에게", "으로", "부터",   "까지", "처럼",   "보다",   "에는", "에도",   "에선",
    "로서", "로써", "라는", "하며",   "하고", "하여",   "해서",   "하는", "되는",   "있는",
    "없는", "위한", "대한", "관한",   "통한", "인한",   "향한",   "따른", "의한",   "같은",
    "이며", "이고", "했던", "하던",   "하게", "되어",   "되며",   "되고", "이라",   "이란",
    "에의", "과의", "와의", "으로의", "로의", "에서의", "이라는", "하면", "하면서", "하기",
    "되기", "이던", "였던", "에는",   "한다", "했다",   "된다",   "이다", "였다",   "있다",
    "없다", "었다", "았다", "혔다",   "됐다", "니다",   "어갈",   "아갈", "해갈",   "시킬",
    "어낼", "해낼",   NULL};
/* clang-format on */

/* Final syllables that are particles or endings in practically every token. */
static const char *const hard_finals[] = {"는", "을", "를", "에", "며",   "히", "은",
                                          "된", "될", "할", "던", "롭게", "돼", NULL};

/* Nouns ending in a syllable that is also a particle or ending. */
static const char *const noun_exceptions[] = {
    "회의", "논의",   "정의",   "협의",   "합의", "건의", "동의", "창의", "강의", "주의", "의의",
    "모의", "심의",   "결의",   "질의",   "문의", "민의", "토의", "상의", "편의", "신의", "분과",
    "효과", "결과",   "성과",   "학과",   "부과", "통과", "초과", "경과", "교과", "사과", "국가",
    "평가", "전문가", "원가",   "증가",   "추가", "참가", "대가", "시가", "작가", "제도", "정도",
    "속도", "지도",   "태도",   "용도",   "한도", "강도", "밀도", "빈도", "연도", "년도", "경로",
    "도로", "통로",   "진로",   "항로",   "회로", "불만", "최고", "보고", "광고", "재고", "참고",
    "문서", "각서",   "보고서", "순서",   "질서", "국면", "측면", "전면", "이면", "권한", "기한",
    "제한", "무한",   "최소한", "최대한", "시한", "국한", "상한", "하한", "마을", "지은", "방은",
    "수도", "시도",   "의도",   "기도",   "적도", "고도", "위도", "경도", "신도", "도도", "개인",
    "원인", "요인",   "확인",   "승인",   "인인", "군인", "법인", NULL};

static struct wordset function_set, standalone_set, exception_set, modifier_set, ending_set,
    final_set;
static pthread_once_t sets_once = PTHREAD_ONCE_INIT;

static void assert_particle_subsets(void);

static void build_sets(void)
{
    assert_particle_subsets();
    wordset_build(&function_set, function_words);
    wordset_build(&standalone_set, standalone_particles);
    wordset_build(&exception_set, noun_exceptions);
    wordset_build(&modifier_set, modifiers);
    wordset_build(&ending_set, hard_endings);
    wordset_build(&final_set, hard_finals);
}

static enum ko_stop token_stop(const char *tok, size_t len);

enum ko_stop ko_token_stop(const char *tok, size_t len)
{
    struct word_memo *m = word_slot(tok, len);
    if (!m)
        return token_stop(tok, len);
    if (m->stop != WORD_MEMO_UNKNOWN)
        return (enum ko_stop)m->stop;
    enum ko_stop stop = token_stop(tok, len); /* asks about other tokens */
    word_slot(tok, len)->stop = (unsigned char)stop;
    return stop;
}

int ko_is_label(const char *tok, size_t len)
{
    return len && (tok[len - 1] == ':' || ends_with(tok, len, "："));
}

int ko_ends_as_verb(const char *tok, size_t len)
{
    pthread_once(&sets_once, build_sets);
    return ko_syllable_count(tok, len) >= 2 && ends_with_set(tok, len, &final_set);
}

static enum ko_stop token_stop(const char *tok, size_t len)
{
    struct ko_script sc;

    pthread_once(&sets_once, build_sets);

    if (!len)
        return KO_STOP_HARD;
    if (ko_is_numeric_token(tok, len))
        return KO_STOP_HARD;
    /* a letter standing alone is a bullet of the hangeul word processor's
     * outlines (ㅇ 핵심협약, ㅁ 추진 배경), never a word */
    uint32_t c;
    if (utf8_decode(tok, len, &c) == len && c >= 0x3131 && c <= 0x318E)
        return KO_STOP_HARD;
    ko_script_of(tok, len, &sc);
    if (!sc.hangul)
        return KO_STOP_HARD; /* Latin, hanja or symbols: handled by the caller */
    if (ko_is_label(tok, len) || tok[len - 1] == ',')
        return KO_STOP_HARD; /* 대표: (a label), 기술, (an item of a list) */
    if (wordset_has(&function_set, tok, len) || wordset_has(&standalone_set, tok, len))
        return KO_STOP_HARD;
    if (wordset_has(&exception_set, tok, len))
        return KO_STOP_NONE;
    /* a particle after a Latin or numeric stem cannot be part of a noun (CSW는,
     * APEC은, AI를, G20과): the Hangul is the particle alone */
    if (sc.latin || sc.digit) {
        size_t stem = ko_strip_particle(tok, len, 0);
        if (stem < len && ko_syllable_count(tok, stem) == 0)
            return KO_STOP_HARD;
    }
    /* a dictionary noun and a case particle: 장관이, 개회사와, 위원국과 */
    if (ko_noun_particle(tok, len))
        return KO_STOP_HARD;
    if (wordset_has(&modifier_set, tok, len))
        return KO_STOP_SOFT;
    if (ends_with_set(tok, len, &ending_set))
        return KO_STOP_HARD;
    if (ko_syllable_count(tok, len) >= 2 && ends_with_set(tok, len, &final_set))
        return KO_STOP_HARD;
    /* 다양한, 필요한, 새로운: adjectives before a noun */
    if (ko_syllable_count(tok, len) >= 2 &&
        (ends_with(tok, len, "한") || ends_with(tok, len, "로운") || ends_with(tok, len, "러운") ||
         ends_with(tok, len, "적인") || ends_with(tok, len, "른")))
        return KO_STOP_HARD;
    /* a noun and the copula's 인 (국제기구인 국제수로기구, 예정인, 요소인): the end of a
     * clause that describes what follows, not part of its name (23 of 24 such tokens
     * before a gold term of the corpus's dev split); a word that ends in 人 is a
     * dictionary noun (외국인, 법인) */
    if (ko_syllable_count(tok, len) >= 2 && ends_with(tok, len, "인") && !sc.latin && !sc.digit &&
        !ko_is_noun(tok, len))
        return KO_STOP_HARD;
    if (ends_with(tok, len, "의") || ends_with(tok, len, "과") || ends_with(tok, len, "와") ||
        ends_with(tok, len, "도") || ends_with(tok, len, "로") || ends_with(tok, len, "만") ||
        ends_with(tok, len, "고") || ends_with(tok, len, "서") || ends_with(tok, len, "인") ||
        ends_with(tok, len, "적") || ends_with(tok, len, "면") || ends_with(tok, len, "게") ||
        ends_with(tok, len, "이나") || ends_with(tok, len, "이") || ends_with(tok, len, "가"))
        return KO_STOP_SOFT;
    return KO_STOP_NONE;
}

/*
 * The particles that may follow a term: the one list of them (korean.h), as
 * (after a consonant, after a vowel);
 * the same string twice when the particle does not alternate. The 으로
 * family takes its vowel form after ㄹ as well (서울로, 도시로).
 */
static const struct {
    const char *cons, *vowel;
} ko_particles[] = {
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

#define NPARTICLES (sizeof(ko_particles) / sizeof(ko_particles[0]))

int ko_particle_find(const char *s, size_t len)
{
    for (size_t i = 0; i < NPARTICLES; i++)
        if ((strlen(ko_particles[i].cons) == len && !memcmp(ko_particles[i].cons, s, len)) ||
            (strlen(ko_particles[i].vowel) == len && !memcmp(ko_particles[i].vowel, s, len)))
            return (int)i;
    return -1;
}

const char *ko_particle_agreeing(int p, const char *word)
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
    if (fin == 0 || (fin == 8 && !strncmp(ko_particles[p].cons, "으로", strlen("으로"))))
        return ko_particles[p].vowel;
    return ko_particles[p].cons;
}

/*
 * The particles ko_strip_particle strips, longest first so that 에서 wins
 * over 서: a subset of ko_particles (build_sets asserts it) on purpose. The
 * stripper must not take 인, 임, 들, 이랑 and the like off a noun (개인,
 * 인인, 마을), which the checker may safely accept after a whole term.
 */
/* With its length: the stripper is asked about every token, and measuring
 * 43 strings each time was most of its cost. */
#define P(s)                                                                                       \
    {                                                                                              \
        s, sizeof(s) - 1                                                                           \
    }
static const struct {
    const char *s;
    size_t n;
} strip_particles[] = {P("에서는"), P("에서도"), P("으로는"), P("으로도"), P("에게는"), P("까지는"),
                       P("부터는"), P("에서의"), P("으로의"), P("이라는"), P("에서"),   P("에게"),
                       P("으로"),   P("부터"),   P("까지"),   P("처럼"),   P("보다"),   P("에는"),
                       P("에도"),   P("로는"),   P("로도"),   P("과의"),   P("와의"),   P("로의"),
                       P("이나"),   P("이다"),   P("이며"),   P("이고"),   P("라는"),   P("은"),
                       P("는"),     P("이"),     P("가"),     P("을"),     P("를"),     P("의"),
                       P("에"),     P("로"),     P("와"),     P("과"),     P("도"),     P("만"),
                       P("나")};
#undef P
#define NSTRIP (sizeof(strip_particles) / sizeof(strip_particles[0]))

/* The lists of particle forms above are subsets of ko_particles. */
static void assert_particle_subsets(void)
{
#ifndef NDEBUG
    for (size_t i = 0; i < NSTRIP; i++)
        assert(strlen(strip_particles[i].s) == strip_particles[i].n &&
               ko_particle_find(strip_particles[i].s, strip_particles[i].n) >= 0);
    for (const char *const *p = standalone_particles; *p; p++)
        assert(ko_particle_find(*p, strlen(*p)) >= 0);
#endif
}

size_t ko_strip_particle(const char *tok, size_t len, int min_stem)
{
    pthread_once(&sets_once, build_sets);
    if (wordset_has(&exception_set, tok, len))
        return len;
    for (size_t i = 0; i < NSTRIP; i++) {
        const char *p = strip_particles[i].s;
        size_t n = strip_particles[i].n;
        /* every particle ends in a syllable: its last byte rules most out */
        if (len > n && tok[len - 1] == p[n - 1] && !memcmp(tok + len - n, p, n) &&
            ko_syllable_count(tok, len - n) >= (unsigned)min_stem) {
            /* the stem must end in Hangul: 'AI를' keeps its Latin stem too */
            uint32_t c;
            size_t prev = utf8_prev(tok, len - n);
            utf8_decode(tok + prev, len - n - prev, &c);
            if (uc_is_hangul_syllable(c) || uc_is_latin_letter(c) || uc_is_digit(c))
                return len - n;
        }
    }
    return len;
}

int ko_is_numeric_token(const char *tok, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += utf8_decode(tok + i, len - i, &c);
        if (uc_is_digit(c) || (c >= 0x2460 && c <= 0x24FF) || (c >= 0x2776 && c <= 0x2793))
            return 1;
    }
    return 0;
}
