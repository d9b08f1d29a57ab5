/*
 * test_extract.c - unit tests for src/extract: token shapes (korean.h),
 * cleaning and classifying what is inside a bracket (extract_int.h:
 * gloss_clean, gloss_is_acronym_token, gloss_shape_kind, gloss_is_loanword,
 * with and without the context's oracle), whether the lexicon names an
 * acronym with a term (lexicon_acronym_names) and the public extract.h API
 * on small multi-line documents.
 *
 * The end-to-end cases of tests/data/extract/cases.txt test spans through
 * the CLI; these tests pin the building blocks so that a regression points
 * at the function that broke.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "dadeum.h"
#include "extract/extract.h"
#include "extract/extract_int.h"
#include "extract/lexicon.h"
#include "text/korean.h"
#include "util/strbuf.h"
#include "util/banned.h"

/* made in main: the documents are extracted as the CLI extracts them */
static struct dadeum_ctx *ctx;

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

static const char *stop_name(enum ko_stop s)
{
    return s == KO_STOP_NONE ? "NONE" : s == KO_STOP_SOFT ? "SOFT" : "HARD";
}

/* ---- korean.h ----------------------------------------------------------------- */

static void test_token_stop(void)
{
    static const struct {
        const char *tok;
        enum ko_stop want;
    } cases[] = {
        /* particles, endings, function words, numbers */
        {"정책을", KO_STOP_HARD},
        {"위한", KO_STOP_HARD},
        {"및", KO_STOP_HARD},
        {"3대", KO_STOP_HARD},
        {"특히", KO_STOP_HARD},
        {"하는", KO_STOP_HARD},
        {"시장에서", KO_STOP_HARD},
        {"기업은", KO_STOP_HARD},
        {"다양한", KO_STOP_HARD},
        {"새로운", KO_STOP_HARD},
        {"제17차", KO_STOP_HARD},
        {"2024년", KO_STOP_HARD},
        /* a dictionary noun and a case particle (hunspell-ko's nouns) */
        {"장관이", KO_STOP_HARD},
        {"개회사와", KO_STOP_HARD},
        {"통계청이", KO_STOP_HARD}, /* ends with the noun 통계 */
        {"예정인", KO_STOP_HARD},   /* a noun and the copula: a relative clause ends */
        {"①", KO_STOP_HARD},
        {"AI", KO_STOP_HARD}, /* Latin: left to the caller */
        {"", KO_STOP_HARD},
        /* modifiers and ambiguous endings */
        {"국내", KO_STOP_SOFT},
        {"민간", KO_STOP_SOFT},
        {"미지의", KO_STOP_SOFT},
        {"기업인", KO_STOP_SOFT},
        {"주요", KO_STOP_SOFT},
        /* plain nouns, including those ending in a particle-like syllable */
        {"분과", KO_STOP_NONE},
        {"제도", KO_STOP_NONE},
        {"회의", KO_STOP_NONE},
        {"인터넷", KO_STOP_NONE},
        {"추진", KO_STOP_NONE},
        {"기반", KO_STOP_NONE},
        {"클라우드", KO_STOP_NONE},
        {"보고서", KO_STOP_NONE},
        {"평가", KO_STOP_NONE},
        {"성과", KO_STOP_NONE},     /* a noun ending in 과, not 성 + 과 */
        {"연구성과", KO_STOP_SOFT}, /* ends with that noun: only the soft ending */
        {"고양이", KO_STOP_SOFT},   /* a noun: not 고양 + 이, only the soft ending */
    };
    for (size_t i = 0; i < N_ELEMS(cases); i++) {
        enum ko_stop got = ko_token_stop(cases[i].tok, strlen(cases[i].tok));
        OK(got == cases[i].want, "%s is %s, want %s", cases[i].tok, stop_name(got),
           stop_name(cases[i].want));
    }
}

static void test_noun_particle(void)
{
    static const struct {
        const char *tok, *noun; /* noun NULL: not a noun and a particle */
    } cases[] = {
        {"장관이", "장관"},   {"개회사와", "개회사"},
        {"정책을", "정책"},   {"기업은", "기업"},
        {"시장에서", "시장"}, {"도시로", "도시"},
        {"서울로", "서울"},   {"위원회는", "위원회"},
        {"장관가", NULL},   /* 가 after a consonant is not the particle */
        {"도시으로", NULL}, /* nor 으로 after a vowel */
        {"성과", NULL},       {"고양이", NULL},
        {"연구성과", NULL},   {"클라우드", NULL},
        {"이", NULL},         {"", NULL},
    };
    for (size_t i = 0; i < N_ELEMS(cases); i++) {
        size_t len = strlen(cases[i].tok), got = ko_noun_particle(cases[i].tok, len);
        char buf[64];
        snprintf(buf, sizeof(buf), "%.*s", (int)got, cases[i].tok);
        STR_EQ(buf, cases[i].noun ? cases[i].noun : "", "noun and particle in %s", cases[i].tok);
    }
    OK(ko_is_noun("장관", strlen("장관")), "장관 is a noun");
    OK(!ko_is_noun("열린", strlen("열린")), "열린 is not a noun");
}

static void test_strip_particle(void)
{
    static const struct {
        const char *tok;
        int min_stem;
        const char *want;
    } cases[] = {
        {"클라우드를", 1, "클라우드"},
        {"정책을", 1, "정책"},
        {"시장에서", 1, "시장"},
        {"시장에서는", 1, "시장"}, /* the longest particle wins */
        {"기업으로", 1, "기업"},
        {"AI를", 0, "AI"},   /* a Latin stem */
        {"분과", 1, "분과"}, /* a noun, not 분 + 과 */
        {"제도", 1, "제도"},
        {"회의", 1, "회의"},
        {"클라우드", 1, "클라우드"}, /* nothing to strip */
        {"를", 1, "를"},             /* a particle alone is not stripped to nothing */
        {"정책을", 2, "정책"},
        {"책을", 2, "책을"}, /* the stem would be shorter than min_stem */
    };
    for (size_t i = 0; i < N_ELEMS(cases); i++) {
        size_t len = strlen(cases[i].tok);
        size_t got = ko_strip_particle(cases[i].tok, len, cases[i].min_stem);
        char buf[64];
        snprintf(buf, sizeof(buf), "%.*s", (int)got, cases[i].tok);
        STR_EQ(buf, cases[i].want, "strip %s (min_stem %d)", cases[i].tok, cases[i].min_stem);
    }
}

static void test_numeric_token(void)
{
    static const char *const yes[] = {"3대", "제17차", "'24.5.", "2024년", "①", "15명", "G7"};
    static const char *const no[] = {"클라우드", "대", "AI", "", "제도", "情報"};

    for (size_t i = 0; i < N_ELEMS(yes); i++)
        OK(ko_is_numeric_token(yes[i], strlen(yes[i])), "%s is numeric", yes[i]);
    for (size_t i = 0; i < N_ELEMS(no); i++)
        OK(!ko_is_numeric_token(no[i], strlen(no[i])), "%s is not numeric", no[i]);
}

static void test_script_and_syllables(void)
{
    struct ko_script sc;
    const char *s = "AI 기반 情報 2024 Cloud·";

    ko_script_of(s, strlen(s), &sc);
    INT_EQ(sc.hangul, 2, "hangul");
    INT_EQ(sc.latin, 7, "latin");
    INT_EQ(sc.upper, 3, "upper");
    INT_EQ(sc.han, 2, "han");
    INT_EQ(sc.digit, 4, "digit");
    INT_EQ(sc.other, 1, "other (the middle dot; spaces are not counted)");
    INT_EQ(ko_syllable_count(s, strlen(s)), 2, "syllables");
    INT_EQ(ko_syllable_count("클라우드", strlen("클라우드")), 4, "클라우드");

    /* 기 reads 基/技...; 똠 and 꿍 read no hanja */
    OK(ko_is_sino_syllable(0xAE30), "기 is Sino-Korean");
    OK(ko_is_sino_syllable(0xC815), "정 is Sino-Korean");
    OK(!ko_is_sino_syllable(0xB620), "똠 is not Sino-Korean");
    OK(!ko_is_sino_syllable(0xAFCD), "꿍 is not Sino-Korean");
    OK(!ko_is_sino_syllable('A'), "A is not a syllable");
    ko_script_of("클라우드", strlen("클라우드"), &sc);
    OK(sc.nonsino >= 2, "클라우드 has non-Sino syllables (%u)", sc.nonsino);
}

/* ---- gloss.c: shapes ----------------------------------------------------------- */

static void test_acronym_token(void)
{
    static const char *const yes[] = {"CEO", "G7", "R&D",  "SaaS", "K-CLOUD", "ICT",
                                      "5G",  "AI", "IaaS", "B2B",  "U.S."};
    static const char *const no[] = {"Infra", "A",       "Cloud", "cloud",  "ai",    "클라우드",
                                     "",      "Mistral", "G 7",   "GitHub", "iPhone"};

    for (size_t i = 0; i < N_ELEMS(yes); i++)
        OK(gloss_is_acronym_token(yes[i], strlen(yes[i])), "%s is an acronym", yes[i]);
    for (size_t i = 0; i < N_ELEMS(no); i++)
        OK(!gloss_is_acronym_token(no[i], strlen(no[i])), "%s is not an acronym", no[i]);
    /*
     * OpenAI is a camel-case name, not an acronym, but 3 capitals of 6
     * letters meet "upper >= 2 && upper * 2 >= letters", the rule meant for
     * SaaS/IaaS; the gloss (OpenAI) is then classified abbrev, not english.
     */
    OK(!gloss_is_acronym_token("OpenAI", 6), "OpenAI is a word, not an acronym");
}

/* Whether the lexicon names an acronym with a term: its own row or a writing of it, another
 * body's name only, or no Korean name at all (the acronym the bracket may then name). */
static void test_acronym_names(void)
{
    static const struct {
        const char *acr, *ko;
        int want;
    } cases[] = {
        {"ODA", "공적개발원조", 1},
        {"OECD", "경제협력개발기구", 1},
        {"oecd", "경제협력개발기구", 1},
        {"OECD", "공적개발원조", 0},
        {"OECD", "경제·사회 분야", 0},
        {"ESG", "환경·사회·지배구조", 1},
        {"GRPE", "에너지·대기오염 작업반", -1},
    };
    for (size_t i = 0; i < N_ELEMS(cases); i++)
        INT_EQ(lexicon_acronym_names(cases[i].acr, strlen(cases[i].acr), cases[i].ko,
                                     strlen(cases[i].ko)),
               cases[i].want, "%s names %s", cases[i].acr, cases[i].ko);
}

static void test_shape_kind(void)
{
    static const struct {
        const char *gloss;
        enum model_kind want;
    } cases[] = {
        {"CSAP", MODEL_KIND_ABBREV},       {"ICT R&D", MODEL_KIND_ABBREV},
        {"Mistral", MODEL_KIND_ENGLISH},   {"Unknown Risk", MODEL_KIND_ENGLISH},
        {"AI Infra", MODEL_KIND_ENGLISH},  {"클라우드", MODEL_KIND_LOANWORD},
        {"거버넌스", MODEL_KIND_LOANWORD}, {"게임체인저", MODEL_KIND_LOANWORD},
        {"情報", MODEL_KIND_NATIVE},       {"정보통신기술", MODEL_KIND_NATIVE},
        {"인공지능", MODEL_KIND_NATIVE},
    };
    for (size_t i = 0; i < N_ELEMS(cases); i++) {
        enum model_kind got = gloss_shape_kind(cases[i].gloss, strlen(cases[i].gloss), NULL);
        STR_EQ(model_kind_name(got), model_kind_name(cases[i].want), "kind of %s", cases[i].gloss);
    }
}

static void test_loanword(void)
{
    static const char *const yes[] = {"클라우드", "거버넌스", "솔루션",
                                      "바우처",   "세션",     "클라우드 서비스"};
    static const char *const no[] = {"정보통신기술", "인공지능", "클라우드 기반", "보안인증제",
                                     "과학기술"};

    for (size_t i = 0; i < N_ELEMS(yes); i++)
        OK(gloss_is_loanword(yes[i], strlen(yes[i]), NULL), "%s is a loanword", yes[i]);
    for (size_t i = 0; i < N_ELEMS(no); i++)
        OK(!gloss_is_loanword(no[i], strlen(no[i]), NULL), "%s is not a loanword", no[i]);
}

/*
 * The oracle is an argument: 투어 (tour), whose syllables all read hanja, is a
 * loanword only when the caller passes one, and the same call without it
 * still answers from syllables and lexicon. Sino words the transliterator
 * can spell (강연 = gang yearn) stay native either way.
 */
static void test_loanword_oracle(void)
{
    const struct extract_oracle *o = dadeum_ctx_get_oracle(ctx);
    static const char *const sino[] = {"강연", "조직", "인물"};

    OK(o != NULL, "the context has an oracle");
    OK(gloss_is_loanword("투어", strlen("투어"), o), "투어 is a loanword with the oracle");
    OK(!gloss_is_loanword("투어", strlen("투어"), NULL), "투어 is not one without it");
    STR_EQ(model_kind_name(gloss_shape_kind("투어", strlen("투어"), o)), "loanword",
           "kind of 투어 with the oracle");
    STR_EQ(model_kind_name(gloss_shape_kind("투어", strlen("투어"), NULL)), "native",
           "kind of 투어 without it");
    for (size_t i = 0; i < N_ELEMS(sino); i++)
        OK(!gloss_is_loanword(sino[i], strlen(sino[i]), o), "%s is not a loanword", sino[i]);
}

static void test_kind_names(void)
{
    STR_EQ(model_kind_name(MODEL_KIND_LOANWORD), "loanword", "loanword");
    STR_EQ(model_kind_name(MODEL_KIND_ENGLISH), "english", "english");
    STR_EQ(model_kind_name(MODEL_KIND_ABBREV), "abbrev", "abbrev");
    STR_EQ(model_kind_name(MODEL_KIND_NATIVE), "native", "native");
    STR_EQ(model_kind_name(MODEL_KIND_SHORTFORM), "shortform", "shortform");
}

/* ---- gloss.c: gloss_clean ------------------------------------------------------ */

struct cleaned {
    const char *why;     /* NULL: accepted */
    char gloss[256];     /* cleaned text */
    char expansion[256]; /* expansion */
    unsigned flags;      /* OCC_* set */
    char extra[256];     /* the first other gloss of the same term, or "" */
    size_t nextra;       /* how many other glosses */
};

static void clean(const char *inner, struct cleaned *c)
{
    struct strbuf out = STRBUF_INIT, exp = STRBUF_INIT;
    struct gloss_extra extra = GLOSS_EXTRA_INIT;
    c->flags = 0;
    c->why = gloss_clean(inner, strlen(inner), NULL, &out, &c->flags, &exp, &extra);
    c->nextra = extra.n;
    snprintf(c->extra, sizeof(c->extra), "%s", extra.n ? extra.g[0].buf : "");
    for (size_t i = 0; i < 3; i++)
        strbuf_release(&extra.g[i]);
    snprintf(c->gloss, sizeof(c->gloss), "%s", out.buf);
    snprintf(c->expansion, sizeof(c->expansion), "%s", exp.buf);
    strbuf_release(&out);
    strbuf_release(&exp);
}

static void test_clean_rejects(void)
{
    static const struct {
        const char *inner, *why;
    } cases[] = {
        /* dates, times, numbers, phones */
        {"2024.5.3.", "date, time or number"},
        {"'24.5.", "date, time or number"},
        {"'25~'27", "date, time or number"},
        {"14:00", "date, time or number"},
        {"5'", "date, time or number"},
        {"02-1234-5678", "date, time or number"},
        {"044-202-4363", "date, time or number"},
        {"4층, 332평", "date, time or number"},
        {"15명", "date, time or number"},
        {"年 1~2천만원", "date, time or number"},
        {"7F", "date, time or number"},
        /* weekdays and list labels */
        {"금", "list label or weekday"},
        {"수", "list label or weekday"},
        {"안", "list label or weekday"},
        {"가", "list label or weekday"},
        {"2", "date, time or number"},
        /* labels */
        {"요약", "label"},
        {"가칭", "label"},
        {"현지시간", "label"},
        {"잠정", "label"},
        /* credits and sources */
        {"뉴시스 제공", "source or credit"},
        {"사진=연합뉴스", "source or credit"},
        {"IDC 자료 가공", "source or credit"},
        {"www.msit.go.kr", "source or credit"},
        /* label: value */
        {"단위: 억원", "label: value"},
        {"문의: 홍길동", "label: value"},
        /* enumerations */
        {"英·美·日", "enumeration"},
        {"지표·기준·방법", "enumeration"},
        {"AI, 반도체", "enumeration"},
        {"IaaS/PaaS", "enumeration"},
        /* examples */
        {"AGI 등", "examples (등)"},
        {"기술 등", "examples (등)"},
        {"SaaS등", "examples (등)"},
        {"등", "list label or weekday"}, /* one syllable that reads a hanja (等) */
        /* the rest */
        {"", "empty"},
        {"   ", "empty"},
        {"--", "no letters"},
        {"情", "list label or weekday"}, /* one character */
        {"情.", "single hanja"},
    };
    struct cleaned c;

    for (size_t i = 0; i < N_ELEMS(cases); i++) {
        clean(cases[i].inner, &c);
        STR_EQ(c.why ? c.why : "(accepted)", cases[i].why, "reason for (%s)", cases[i].inner);
    }

    /* too long: more than 60 characters with Hangul, more than 160 in Latin alone
     * (an English name may run long: The Wassenaar Arrangement on ...) */
    char longer[512] = "";
    for (int i = 0; i < 61; i++)
        memcpy(longer + 3 * i, "가", 3);
    clean(longer, &c);
    STR_EQ(c.why ? c.why : "(accepted)", "too long", "61 syllables");
    longer[3 * 60] = '\0';
    clean(longer, &c);
    OK(c.why == NULL || strcmp(c.why, "too long"), "60 syllables are not too long");
    memset(longer, 0, sizeof(longer));
    for (int i = 0; i < 161; i++)
        longer[i] = (char)('a' + i % 26);
    clean(longer, &c);
    STR_EQ(c.why ? c.why : "(accepted)", "too long", "161 letters");
    longer[160] = '\0';
    clean(longer, &c);
    OK(c.why == NULL || strcmp(c.why, "too long"), "160 letters are not too long");
}

static void test_clean_accepts(void)
{
    static const struct {
        const char *inner, *gloss;
        unsigned flags;
    } cases[] = {
        {"Cloud", "Cloud", 0},
        {" 클라우드 ", "클라우드", 0},
        {"G7", "G7", 0},
        {"5G", "5G", 0},
        {"이음5G", "이음5G", 0},
        {"AI 기본법", "AI 기본법", 0},
        {"R&D", "R&D", 0},
        {"CSAP*", "CSAP", 0},                                    /* footnote star */
        {"영문: Korea Internet", "Korea Internet", 0},           /* label removed */
        {"English: Cloud", "Cloud", 0},                          /* any label before a colon */
        {"영문 Korea Internet", "Korea Internet", 0},            /* a Korean one before Latin */
        {"English Cloud", "English Cloud", 0},                   /* English is a word of the name */
        {"English Premier League", "English Premier League", 0}, /* a word of a name */
        {"'이음5G'", "이음5G", OCC_QUOTED},
        {"“클라우드”", "클라우드", OCC_QUOTED},
        {"셋", "셋", 0}, /* a one-syllable loanword (set) */
        {"情報", "情報", 0},
        {"장관 유상임, 이하 '과기정통부'", "과기정통부", OCC_SHORTFORM},
        {"이하 'AI'", "AI", OCC_SHORTFORM},
        {"이하 보호위원회라 한다", "보호위원회", OCC_SHORTFORM},
        {"이하 \"정보통신망법\"", "정보통신망법", OCC_SHORTFORM},
        {"약칭: 개인정보법", "개인정보법", OCC_SHORTFORM},
        {"이하 '가·나'", "가·나", OCC_SHORTFORM}, /* a short form may hold a dot */
    };
    struct cleaned c;

    for (size_t i = 0; i < N_ELEMS(cases); i++) {
        clean(cases[i].inner, &c);
        OK(c.why == NULL, "(%s) rejected: %s", cases[i].inner, c.why ? c.why : "");
        STR_EQ(c.gloss, cases[i].gloss, "cleaned (%s)", cases[i].inner);
        INT_EQ(c.flags, cases[i].flags, "flags of (%s)", cases[i].inner);
        STR_EQ(c.expansion, "", "no expansion for (%s)", cases[i].inner);
    }

    /* digits after a Latin prefix and a hyphen belong to a name */
    clean("K-5G", &c);
    OK(c.why == NULL && !strcmp(c.gloss, "K-5G"), "(K-5G) rejected: %s",
       c.why ? c.why : "(accepted)");
}

static void test_clean_expansion(void)
{
    struct cleaned c;

    clean("KISA, Korea Internet & Security Agency", &c);
    OK(c.why == NULL, "rejected: %s", c.why ? c.why : "");
    STR_EQ(c.gloss, "KISA", "the acronym");
    STR_EQ(c.expansion, "Korea Internet & Security Agency", "the expansion");
    INT_EQ(c.flags, 0, "flags");

    clean(" NIA , National Information Society Agency ", &c);
    OK(c.why == NULL, "rejected: %s", c.why ? c.why : "");
    STR_EQ(c.gloss, "NIA", "trimmed acronym");
    STR_EQ(c.expansion, "National Information Society Agency", "trimmed expansion");

    /* the long form must start with the acronym's letter */
    clean("KISA, Internet Agency", &c);
    STR_EQ(c.expansion, "", "a mismatched initial is no expansion");
    STR_EQ(c.why ? c.why : "(accepted)", "enumeration", "and is an enumeration");
    /* two commas: a list */
    clean("KISA, Korea, Agency", &c);
    STR_EQ(c.expansion, "", "two commas");
    /* a Korean word as the second part: a list */
    clean("AI, 반도체", &c);
    STR_EQ(c.expansion, "", "Korean after the comma");
    STR_EQ(c.why ? c.why : "(accepted)", "enumeration", "Korean after the comma");
    /* an acronym, then a remark: the acronym is the gloss, the remark dropped */
    clean("KIST, 現 한국과학기술연구원", &c);
    OK(c.why == NULL, "an acronym and what it became: %s", c.why ? c.why : "");
    STR_EQ(c.gloss, "KIST", "the acronym before a remark");
    STR_EQ(c.expansion, "", "a remark is no expansion");
    clean("MoCRA·The Modernization of Cosmetics Regulation Act of 2022", &c);
    OK(c.why == NULL, "an acronym and its long form with a year: %s", c.why ? c.why : "");
    STR_EQ(c.gloss, "MoCRA", "the acronym before its long form");
    STR_EQ(c.expansion, "The Modernization of Cosmetics Regulation Act of 2022",
           "the long form after a middle dot");
    /* ... but not a source and its year, nor a list */
    clean("OECD, 2023", &c);
    STR_EQ(c.why ? c.why : "(accepted)", "date, time or number", "a citation");
    clean("LTE, WCDMA 등", &c);
    OK(c.why != NULL, "a list of acronyms is refused");
    clean("IoT·빅데이터·자율주행차·드론 활용", &c);
    STR_EQ(c.why ? c.why : "(accepted)", "enumeration", "three dotted items");
    clean("SK, 현대차 등", &c);
    OK(c.why != NULL, "examples after an acronym are refused: %s", c.gloss);
    /* ... unless it names a body: the acronym's Korean name, a second gloss */
    clean("KISA, 한국인터넷진흥원", &c);
    OK(c.why == NULL, "a body's name after the comma: %s", c.why ? c.why : "");
    STR_EQ(c.gloss, "KISA", "the acronym");
    STR_EQ(c.expansion, "", "no expansion");
    INT_EQ(c.nextra, 1, "one other gloss");
    STR_EQ(c.extra, "한국인터넷진흥원", "the body's name");
    /* English and a Korean name: both gloss the term */
    clean("International Monetary Fund, 국제통화기금", &c);
    OK(c.why == NULL, "English and Korean: %s", c.why ? c.why : "");
    STR_EQ(c.gloss, "International Monetary Fund", "the English");
    STR_EQ(c.extra, "국제통화기금", "the Korean, another gloss");
    /* not an acronym first */
    clean("Korea, Korea Internet Agency", &c);
    STR_EQ(c.expansion, "", "a word, not an acronym, first");

    /* the expansion strbuf is reset by every call */
    clean("KISA, Korea Internet & Security Agency", &c);
    clean("Cloud", &c);
    STR_EQ(c.expansion, "", "reset between calls");
}

/* ---- the public API ------------------------------------------------------------ */

static struct extract_doc *run_doc(const char *const *lines, size_t n, unsigned flags)
{
    struct extract_doc *d = dadeum_doc_new(ctx, "doc.txt", flags);
    for (size_t i = 0; i < n; i++)
        if (lines[i])
            extract_doc_add_line(d, lines[i], strlen(lines[i]), (unsigned long)i + 1);
    extract_doc_finish(d);
    return d;
}

/* "ko|gloss|kind|line|count|reversed|expansion\n" per pair */
static char *dump(const struct extract_doc *d)
{
    struct strbuf sb = STRBUF_INIT;
    for (size_t i = 0; i < extract_doc_count(d); i++) {
        const struct extract_pair *p = extract_doc_get(d, i);
        strbuf_addf(&sb, "%s|%s|%s|%lu|%u|%d|%s\n", p->ko, p->gloss, model_kind_name(p->kind),
                    p->line, p->count, p->reversed, p->expansion ? p->expansion : "");
    }
    return strbuf_detach(&sb, NULL);
}

static void test_doc_pairs(void)
{
    static const char *const lines[] = {
        "과학기술정보통신부(장관 유상임, 이하 '과기정통부')는 18일 밝혔다.",
        "",
        "주요 7개국(G7) 디지털 기술 장관회의에 참석했다.",
        "보도시점 2025. 5. 28.(수) 16:00",
        "ICT(정보통신기술) 분야의 투자가 늘었다.",
        "한국인터넷진흥원(KISA, Korea Internet & Security Agency)은 점검했다.",
        "이어 주요 7개국(G7) 정상회의와 5G 특화망('이음5G') 사업도 소개했다.",
        "과기정통부는 3대 국면전환요소(게임체인저)를 발표했다.",
    };
    struct extract_doc *d = run_doc(lines, N_ELEMS(lines), 0);
    char *got = dump(d);

    STR_EQ(got,
           "과학기술정보통신부|과기정통부|shortform|1|1|0|\n"
           "주요 7개국|G7|abbrev|3|2|0|\n"
           "정보통신기술|ICT|abbrev|5|1|1|\n"
           "한국인터넷진흥원|KISA|abbrev|6|1|0|Korea Internet & Security Agency\n"
           "5G 특화망|이음5G|native|7|1|0|\n"
           "국면전환요소|게임체인저|loanword|8|1|0|\n",
           "pairs");
    STR_EQ(extract_doc_get_name(d), "doc.txt", "name");
    INT_EQ(extract_doc_reject_count(d), 0, "no rejects kept without EXTRACT_EXPLAIN");
    OK(extract_doc_get(d, extract_doc_count(d)) == NULL, "get past the end");
    if (extract_doc_count(d) >= 2) {
        const struct extract_pair *p = extract_doc_get(d, 1);
        STR_EQ(p->context, lines[2], "context is the first occurrence's line");
    }
    free(got);
    extract_doc_free(d);
}

/* Line numbers are the caller's, not a count of the lines fed. */
static void test_doc_line_numbers(void)
{
    struct extract_doc *d = dadeum_doc_new(ctx, "x", 0);
    const char *a = "우수 기업의 해결책(솔루션)을 지원한다.";
    const char *b = "주요 7개국(G7) 회의";

    extract_doc_add_line(d, a, strlen(a), 17);
    extract_doc_add_line(d, b, strlen(b), 1000000);
    extract_doc_add_line(d, a, strlen(a), 1000001);
    extract_doc_finish(d);
    char *got = dump(d);
    STR_EQ(got, "해결책|솔루션|loanword|17|2|0|\n주요 7개국|G7|abbrev|1000000|1|0|\n", "pairs");
    free(got);
    extract_doc_free(d);
}

static void test_doc_explain(void)
{
    static const char *const lines[] = {
        "보도시점 2025. 5. 28.(수) 16:00",
        "미래 AI(AGI 등) 대응과 주요 7개국(G7) 회의",
    };
    struct extract_doc *plain = run_doc(lines, N_ELEMS(lines), 0);
    struct extract_doc *d = run_doc(lines, N_ELEMS(lines), EXTRACT_EXPLAIN);
    char *a = dump(plain), *b = dump(d);

    STR_EQ(b, a, "EXPLAIN does not change the pairs");
    STR_EQ(b, "주요 7개국|G7|abbrev|2|1|0|\n", "pairs");
    INT_EQ(extract_doc_reject_count(d), 2, "two rejects");
    if (extract_doc_reject_count(d) == 2) {
        const struct extract_reject *r = extract_doc_get_reject(d, 0);
        INT_EQ(r->line, 1, "first reject line");
        STR_EQ(r->inner, "수", "first reject inside");
        STR_EQ(r->reason, "list label or weekday", "first reject reason");
        r = extract_doc_get_reject(d, 1);
        INT_EQ(r->line, 2, "second reject line");
        STR_EQ(r->inner, "AGI 등", "second reject inside");
        STR_EQ(r->reason, "examples (등)", "second reject reason");
    }
    OK(extract_doc_get_reject(d, 2) == NULL, "reject past the end");
    free(a);
    free(b);
    extract_doc_free(plain);
    extract_doc_free(d);
}

static void test_doc_empty_and_finish_twice(void)
{
    struct extract_doc *d = dadeum_doc_new(ctx, "empty", 0);
    const char *none = "괄호가 없는 줄";

    extract_doc_add_line(d, none, strlen(none), 1);
    extract_doc_add_line(d, "", 0, 2);
    extract_doc_finish(d);
    INT_EQ(extract_doc_count(d), 0, "no pairs");
    OK(extract_doc_get(d, 0) == NULL, "get on an empty result");
    extract_doc_free(d);

    /* finish is idempotent: a second call must not duplicate pairs */
    static const char *const lines[] = {"주요 7개국(G7) 회의", "주요 7개국(G7) 정상회의"};
    d = run_doc(lines, N_ELEMS(lines), 0);
    extract_doc_finish(d);
    char *got = dump(d);
    STR_EQ(got, "주요 7개국|G7|abbrev|1|2|0|\n", "after a second finish");
    free(got);
    extract_doc_free(d);
    extract_doc_free(NULL);
}

/* Freeing a document that was never finished releases its occurrences. */
static void test_doc_free_unfinished(void)
{
    static const char *const lines[] = {
        "과학기술정보통신부(장관 유상임, 이하 '과기정통부')는 18일 밝혔다.",
        "주요 7개국(G7) 회의와 인터넷 기반 자원 공유(클라우드) 보도(2024.5.3.)",
    };
    struct extract_doc *d = dadeum_doc_new(ctx, "unfinished", EXTRACT_EXPLAIN);
    for (size_t i = 0; i < N_ELEMS(lines); i++)
        extract_doc_add_line(d, lines[i], strlen(lines[i]), i + 1);
    INT_EQ(extract_doc_count(d), 0, "no pairs before finish");
    OK(extract_doc_reject_count(d) >= 1, "the date was set aside while scanning");
    extract_doc_free(d); /* LeakSanitizer checks that everything went */

    d = dadeum_doc_new(ctx, "never fed", 0);
    extract_doc_free(d);
}

/* Documents are independent: what one pairs does not leak into the next. */
static void test_doc_independent(void)
{
    static const char *const first[] = {"인공지능(AI) 기술", "인공지능 반도체(AI반도체)"};
    static const char *const second[] = {"주요 7개국(G7) 회의"};
    struct extract_doc *a = run_doc(first, N_ELEMS(first), 0);
    struct extract_doc *b = run_doc(second, N_ELEMS(second), 0);
    char *got = dump(b);

    STR_EQ(got, "주요 7개국|G7|abbrev|1|1|0|\n", "second document");
    OK(extract_doc_count(a) >= 1, "first document has pairs");
    free(got);
    extract_doc_free(a);
    extract_doc_free(b);
}

int main(void)
{
    ctx = dadeum_ctx_new(); /* the CLI's extractor: lexicons, tables, oracle */
    RUN(test_token_stop);
    RUN(test_noun_particle);
    RUN(test_strip_particle);
    RUN(test_numeric_token);
    RUN(test_script_and_syllables);
    RUN(test_acronym_token);
    RUN(test_acronym_names);
    RUN(test_shape_kind);
    RUN(test_loanword);
    RUN(test_loanword_oracle);
    RUN(test_kind_names);
    RUN(test_clean_rejects);
    RUN(test_clean_accepts);
    RUN(test_clean_expansion);
    RUN(test_doc_pairs);
    RUN(test_doc_line_numbers);
    RUN(test_doc_explain);
    RUN(test_doc_empty_and_finish_twice);
    RUN(test_doc_free_unfinished);
    RUN(test_doc_independent);
    dadeum_ctx_free(ctx);
    return harness_done();
}
