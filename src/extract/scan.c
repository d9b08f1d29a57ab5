/*
 * scan.c - finding bracket groups in a normalised line.
 *
 * One left-to-right pass keeps a stack of open brackets. Round brackets and
 * angle brackets (<클라우드>) may hold a gloss; square brackets, braces
 * (superscript annotations) and title brackets 「」『』《》 only delimit
 * context. Each closed gloss group becomes an occurrence with its clause: the
 * text back to the nearest hard boundary (punctuation, quote, bracket,
 * bullet, tab). Unbalanced brackets are ignored, never fatal.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/acronym.h"
#include "extract/extract_int.h"
#include "extract/lexicon.h"
#include "text/korean.h"
#include "util/ascii.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

#define SCAN_MAX_DEPTH 64   /* deeper nesting is treated as plain text */
#define SCAN_MAX_GROUPS 256 /* per line; the rest of a pathological line is skipped */

struct group {
    size_t open, close; /* byte offsets of the brackets */
    size_t inner;       /* where the content begins: open + 1, or open when the
                           opening bracket is missing (acronym_missing_open) */
    uint32_t kind;      /* '(' or '<' */
    int depth;          /* 0 at top level */
};

/* Non-ASCII hard boundaries outside the ranges below, sorted for bsearch. */
static const uint32_t hard_boundaries[] = {
    0x00A7, 0x00B6, 0x2013, 0x2014, 0x2015, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2023, 0x2026,
    0x203B, 0x204E, 0x2190, 0x2192, 0x2194, 0x21D2, 0x21D4, 0x21E8, 0x2299, 0x25A0, 0x25A1, 0x25AA,
    0x25AB, 0x25B2, 0x25B3, 0x25B6, 0x25B8, 0x25BA, 0x25BC, 0x25BD, 0x25C6, 0x25C7, 0x25CB, 0x25CE,
    0x25CF, 0x25E6, 0x2605, 0x2606, 0x2666, 0x2713, 0x2714, 0x2794, 0x27A1, 0x27A2, 0x2B95, 0x3001,
    0x3002, 0x300A, 0x300B, 0x300C, 0x300D, 0x300E, 0x300F, 0x3010, 0x3011, 0xFF0C};

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Punctuation, brackets, bullets, arrows, circled numbers: nothing a term spans. */
static int is_hard_boundary(uint32_t c)
{
    if (c < 0x80)
        return c == '\t' || (c >= 0x21 && c <= 0x2F && c != '&' && c != '-') ||
               (c >= 0x3A && c <= 0x3F && c != '@') ||
               (c >= 0x5B && c <= 0x60 && c != '^' && c != '_') || (c >= 0x7B && c <= 0x7E);
    /* whole blocks of symbols that mark list items and bullets (▴, ▶, ■, ★, ✔, ➡):
     * arrows, box drawing, block elements, geometric shapes, miscellaneous
     * symbols, dingbats, supplemental arrows, miscellaneous symbols and arrows */
    if ((c >= 0x2460 && c <= 0x24FF) || (c >= 0x3251 && c <= 0x325F) ||
        (c >= 0x32B1 && c <= 0x32BF) || (c >= 0x2190 && c <= 0x21FF) ||
        (c >= 0x2500 && c <= 0x27BF) || (c >= 0x27F0 && c <= 0x27FF) ||
        (c >= 0x2900 && c <= 0x297F) || (c >= 0x2B00 && c <= 0x2BFF))
        return 1;
    if (c < 0xA7)
        return 0;
    return bsearch(&c, hard_boundaries, sizeof(hard_boundaries) / sizeof(hard_boundaries[0]),
                   sizeof(hard_boundaries[0]), cmp_u32) != NULL;
}

static int latin_or_digit(uint32_t c)
{
    return uc_is_latin_letter(c) || uc_is_digit(c);
}

/* 1 when the hyphen at byte p follows a one- or two-letter Latin word (K-, e-). */
static int latin_prefix_before(const char *s, size_t p)
{
    size_t n = 0, i = p;
    while (i > 0 && n < 3 && uc_is_latin_letter(utf8_before(s, i))) {
        i = utf8_prev(s, i);
        n++;
    }
    if (n == 0 || n > 2)
        return 0;
    return i == 0 || !latin_or_digit(utf8_before(s, i));
}

/* The opening quote that matches closing quote c, or 0. */
static uint32_t opener_of(uint32_t c)
{
    switch (c) {
    case '\'':
        return '\'';
    case '"':
        return '"';
    case '`':
        return '`';
    case '?': /* 「」 lost to an encoding: ?생활물류서비스산업발전법?(이하 “생활물류법”) */
        return '?';
    case 0x2019:
        return 0x2018;
    case 0x201D:
        return 0x201C;
    case 0x300D:
        return 0x300C;
    case 0x300F:
        return 0x300E;
    case 0x300B:
        return 0x300A;
    case '>': /* 〈미국의 유럽부흥계획〉(마셜플랜), its angle brackets folded to < > */
        return '<';
    default:
        return 0;
    }
}

/*
 * ‘디지털 권리장전’(Digital Bill of Rights): when a quote closes right before
 * the bracket, the quoted text is the left context. Sets *qs and *qe to its
 * bounds and returns 1.
 */
static int quoted_before(const char *s, size_t open, size_t *qs, size_t *qe)
{
    size_t i = open;
    while (i > 0 && s[i - 1] == ' ')
        i--;
    uint32_t c = utf8_before(s, i);
    uint32_t o = opener_of(c);
    if (!o)
        return 0;
    size_t close = utf8_prev(s, i), j = close;
    /* a straight quote after a space opens a quote that the bracket begins: 명칭은
     * '(지역명)출입국청', no title before it */
    if (o == c && (close == 0 || s[close - 1] == ' '))
        return 0;
    int depth = 0; /* a title may hold brackets of its own: ‘인공지능(AI) … 기본법’ */
    while (j > 0) {
        size_t p = utf8_prev(s, j);
        uint32_t d;
        utf8_decode(s + p, j - p, &d);
        if (d == o && !depth) {
            if (close - j == 0)
                return 0;
            /* a question mark stands for a lost quote only as a pair around words:
             * after a space or the line's start, before a word (왜? 그것은?(예) is
             * no title) */
            if (o == '?' && (s[j] == ' ' || (p > 0 && s[p - 1] != ' ')))
                return 0;
            *qs = j;
            *qe = close;
            return 1;
        }
        /* an opener inside a bracket of the title is that bracket's: (’23~’27) */
        if (d == ')')
            depth++;
        else if ((d == '(' && --depth < 0) || (d == '.' && (j == close || s[j] == ' ')))
            return 0; /* inside a bracket, or a sentence ended (not 2.0): no title */
        j = p;
    }
    return 0;
}

/*
 * Start of the clause that ends at byte end: the byte after the nearest
 * hard boundary. *stop receives the boundary character (0 at line start).
 */
static size_t clause_start(const char *s, size_t end, uint32_t *stop)
{
    size_t i = end;
    *stop = 0;
    while (i > 0) {
        size_t p = utf8_prev(s, i);
        uint32_t c;
        utf8_decode(s + p, i - p, &c);
        if (is_hard_boundary(c)) {
            *stop = c;
            break;
        }
        /* a hyphen joins Latin or digits (K-CLOUD, 1-2) and a short Latin
         * prefix to Hangul (K-클라우드), and splits Hangul (인공지능-반도체) */
        if (c == '-' &&
            !(latin_or_digit(utf8_before(s, p)) && latin_or_digit(utf8_at(s, end, i))) &&
            !latin_prefix_before(s, p)) {
            *stop = c;
            break;
        }
        i = p;
    }
    return i;
}

/*
 * Can the letter c begin the name whose first syllable is u? As
 * span_initial_matches_letter, but a syllable without a consonant (ㅇ) asks
 * its vowel: 인도 is I or E, 아시아 A (not any vowel).
 */
static int letter_of_syllable(uint32_t u, char c)
{
    static const char *const vowels[21] = {"A", "AE", "Y", "Y",  "OUE", "EA", "Y",
                                           "Y", "O",  "W", "W",  "W",   "Y",  "UOW",
                                           "W", "W",  "W", "UY", "EU",  "E",  "IE"};
    unsigned v = u - 0xAC00;
    if (v / 588 != 11)
        return span_initial_matches_letter(u, c);
    c = (char)ascii_upper(c);
    return strchr(vowels[(v % 588) / 28], c) != NULL;
}

/*
 * 1 when the word that ends at the hyphen s[h] is one to four Hangul syllables
 * whose first the acronym letter c may stand for, while the syllable after the
 * hyphen, right, may not.
 */
static int hyphen_name_before(const char *s, size_t h, uint32_t right, char c)
{
    size_t i = h, n = 0;
    uint32_t first = 0;
    while (i > 0) {
        size_t p = utf8_prev(s, i);
        uint32_t u;
        utf8_decode(s + p, i - p, &u);
        if (!uc_is_hangul_syllable(u))
            break;
        first = u;
        n++;
        i = p;
    }
    if (i > 0 && s[i - 1] != ' ')
        return 0;
    return n >= 1 && n <= 4 && uc_is_hangul_syllable(right) && letter_of_syllable(first, c) &&
           !span_initial_matches_letter(right, c);
}

static uint32_t closer_of(uint32_t open)
{
    switch (open) {
    case 0x300C:
        return 0x300D;
    case 0x300E:
        return 0x300F;
    case 0x300A:
        return 0x300B;
    case '\'':
        return '\'';
    case '"':
        return '"';
    default:
        return 0;
    }
}

/* Text glued after a group, and a cue that the bracket named a source. */
static int attribution_follows(const char *s, size_t len, size_t from)
{
    static const char *const cues[] = {"집계", "기준", "자료", "조사 결과", "발표", "인용",
                                       "추정", "전망", "분석", "제공",      NULL};
    while (from < len && s[from] == ' ')
        from++;
    for (const char *const *c = cues; *c; c++) {
        size_t n = strlen(*c);
        if (from + n <= len && !memcmp(s + from, *c, n))
            return 1;
    }
    return 0;
}

/* 1 when the bytes between two groups are a separator and one word (or names joined
 * by dots). */
static int chain_link(const char *s, size_t from, size_t to, int *strong)
{
    size_t words = 0;
    int in_word = 0;
    *strong = 0;
    for (size_t i = from; i < to;) {
        uint32_t c;
        size_t n = utf8_decode(s + i, to - i, &c);
        if (c == 0xB7 && in_word && i + n < to && s[i + n] != ' ') {
            /* two names joined by a dot are one item: 노랑풍선·선민투어(항공) */
        } else if (c == ',' || c == 0xB7 || c == '/') {
            if (words)
                return 0; /* a separator after the word: not X(Y), X(Y) */
            *strong = 1;
            in_word = 0;
        } else if (c == ' ') {
            in_word = 0;
        } else if (is_hard_boundary(c)) {
            return 0;
        } else if (!in_word) {
            in_word = 1;
            words++;
        }
        i += n;
    }
    return words == 1;
}

/*
 * 1 when the word glued to the bracket stands for the list of words inside:
 * ESG(환경·사회·지배구조), one capital letter per item, or 소부장(소재·부품·장비),
 * the first syllable of each item. Such a bracket is the expansion of an
 * abbreviation, not an enumeration.
 */
static int expands_initials(const char *word, size_t wlen, const char *g, size_t glen)
{
    struct ko_script ws, gs;
    ko_script_of(word, wlen, &ws);
    ko_script_of(g, glen, &gs);
    if (!wlen || !gs.hangul || gs.latin || gs.han || gs.digit || memchr(g, ',', glen) ||
        memchr(g, '/', glen) || memchr(g, ';', glen))
        return 0;
    uint32_t firsts[16];
    size_t items = 0;
    int at_start = 1;
    for (size_t i = 0; i < glen;) {
        uint32_t c;
        i += utf8_decode(g + i, glen - i, &c);
        if (c == 0xB7) {
            if (at_start)
                return 0; /* an empty item */
            at_start = 1;
        } else if (at_start && c != ' ') {
            if (items == sizeof(firsts) / sizeof(*firsts))
                return 0;
            firsts[items++] = c;
            at_start = 0;
        }
    }
    if (items < 2 || at_start)
        return 0;
    if (ws.latin && !ws.hangul && !ws.han) {
        size_t caps = 0;
        for (size_t i = 0; i < wlen; i++)
            caps += word[i] >= 'A' && word[i] <= 'Z';
        return caps == items && caps == ws.latin;
    }
    if (ws.latin || ws.han || ws.digit || ws.hangul != items)
        return 0;
    size_t k = 0;
    for (size_t i = 0; i < wlen;) {
        uint32_t c;
        i += utf8_decode(word + i, wlen - i, &c);
        if (c != firsts[k++])
            return 0;
    }
    return 1;
}

/* 1 when word is the Korean name of the Latin letter c: 케이(K), 에이(A), 더블유(W). */
static int letter_name(const char *word, size_t wlen, char c)
{
    const char *n = span_letter_name(c, 0);
    return n && strlen(n) == wlen && !memcmp(n, word, wlen);
}

/*
 * 1 when capital letter c is the first letter of the English of the word: a morpheme
 * the lexicon renders (환경(E) environment, 지배구조(G) governance), or a loanword
 * whose first sound is c (플랫폼(P), 네트워크(N), 켈빈(K)): the word's initial, the
 * way ESG and the like are spelled out, not an item label (방안(A), 시나리오(B)).
 */
static int initial_of_word(const char *word, size_t wlen, char c)
{
    if (c < 'A' || c > 'Z' || ko_syllable_count(word, wlen) < 2)
        return 0;
    const char *en[LEX_MAX_FORMS];
    size_t n = lexicon_morpheme_en(word, wlen, en, LEX_MAX_FORMS);
    for (size_t i = 0; i < n; i++)
        if ((en[i][0] & ~0x20) == c)
            return 1;
    uint32_t first;
    utf8_decode(word, wlen, &first);
    return !n && term_is_loanword(word, wlen) && span_initial_matches_letter(first, c);
}

/* How many hyphens of s stand between two Latin letters (K-INFLUENCER, Asia-Pacific; not
 * the hyphen of K-클라우드). */
static unsigned latin_hyphens(const char *s, size_t len)
{
    unsigned n = 0;
    for (size_t i = 1; i + 1 < len; i++)
        n += s[i] == '-' && uc_is_latin_letter(utf8_before(s, i)) &&
             uc_is_latin_letter(utf8_at(s, len, i + 1));
    return n;
}

/*
 * A person's or a place's name in Hangul and in Latin letters side by side in
 * the bracket, after a role: 지원국장(마리아 헬레나 안드레, Maria Helena André),
 * (장관 María …, 마리아 …). Two items, one Hangul and one Latin, as many words
 * each, that sound alike, with a person's title before the bracket or inside
 * it. Sets *ko and *lat to them; the pair is inside.
 */
static int name_and_romanisation(const char *s, size_t len, const char *before, size_t blen,
                                 struct strbuf *ko, struct strbuf *lat)
{
    /* after a person's title (지원국장*, 사무소장), or with one inside (장관 María …); a
     * loanword and its English after a plain term is a gloss (스마트 팩토리, Smart Factory) */
    while (blen && (before[blen - 1] == '*' || before[blen - 1] == ' '))
        blen--;
    int role = span_person_title(before, blen);
    const char *comma = memchr(s, ',', len);
    if (!comma || memchr(comma + 1, ',', len - (size_t)(comma + 1 - s)))
        return 0;
    struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
    strbuf_add(&a, s, (size_t)(comma - s));
    strbuf_add(&b, comma + 1, len - (size_t)(comma + 1 - s));
    strbuf_trim(&a);
    strbuf_trim(&b);
    for (int round = 0; round < 2; round++) {
        struct strbuf *first = round ? &b : &a;
        /* a role before the name: 장관 María … */
        const char *sp = memchr(first->buf, ' ', first->len);
        if (sp && span_person_title(first->buf, (size_t)(sp - first->buf))) {
            strbuf_remove(first, 0, (size_t)(sp + 1 - first->buf));
            role = 1;
        }
    }
    struct ko_script sa, sb;
    ko_script_of(a.buf, a.len, &sa);
    ko_script_of(b.buf, b.len, &sb);
    struct strbuf *h = sa.hangul && !sa.latin ? &a : &b, *l = h == &a ? &b : &a;
    struct ko_script sh = h == &a ? sa : sb, sl = h == &a ? sb : sa;
    int ok = role && sh.hangul && !sh.latin && !sh.han && !sh.digit && sl.latin && !sl.hangul &&
             !sl.han && !sl.digit && sh.hangul >= 2;
    if (ok) {
        unsigned wh = 1, wl = 1;
        for (size_t i = 0; i < h->len; i++)
            wh += h->buf[i] == ' ';
        for (size_t i = 0; i < l->len; i++)
            wl += l->buf[i] == ' ';
        ok = wh == wl && wh >= 2 && score_sound_fit(h->buf, h->len, l->buf) >= SOUND_FIT_NAME;
    }
    if (ok) {
        strbuf_reset(ko);
        strbuf_addbuf(ko, h);
        strbuf_reset(lat);
        strbuf_addbuf(lat, l);
    }
    strbuf_release(&a);
    strbuf_release(&b);
    return ok;
}

/*
 * A refusal by the gloss's shape that the words before the bracket overturn
 * (NULL then): a list spelled by the acronym or the contraction glued to it,
 * ESG(환경·사회·지배구조); one hanja that the syllable before it reads, 전(全) 주기,
 * 문화재(財); one Latin letter after its Korean name, 케이(K). clause is the text
 * before the bracket, word the word glued to it (empty after a space).
 */
/*
 * 1 when the first run of digits of word is the gloss's only number, followed by
 * a Hangul syllable that counts (6G and 6세대, G20 and 주요 20개국).
 */
static int same_number_first(const char *word, size_t wlen, const char *gloss, size_t glen)
{
    size_t i = 0, n = 0, g = 0;
    while (i < wlen && !(word[i] >= '0' && word[i] <= '9'))
        i++;
    while (i + n < wlen && word[i + n] >= '0' && word[i + n] <= '9')
        n++;
    while (g < glen && !(gloss[g] >= '0' && gloss[g] <= '9'))
        g++;
    if (!n || glen - g <= n || memcmp(word + i, gloss + g, n))
        return 0;
    for (size_t k = g + n; k < glen; k++)
        if (gloss[k] >= '0' && gloss[k] <= '9')
            return 0; /* another number */
    uint32_t c;
    utf8_decode(gloss + g + n, glen - g - n, &c);
    return uc_is_hangul_syllable(c);
}

/*
 * Where the word after the word at q[at..) begins when that word is a verb's
 * adnominal with a noun after it: the subject before it belongs to a clause that
 * modifies that noun (‘모두가 함께하는 우리말 다듬기’, ‘국민이 만든 정책’), not to a
 * sentence. 0 otherwise.
 */
static size_t relative_clause_end(const char *q, size_t len, size_t at)
{
    const char *sp = at < len ? memchr(q + at, ' ', len - at) : NULL;
    if (!sp)
        return 0;
    size_t wl = (size_t)(sp - q) - at;
    return ko_word_form(q + at, wl) == KO_FORM_ADNOMINAL ||
                   (ko_syllable_count(q + at, wl) >= 2 && span_ends_with(q + at, wl, "는", 3))
               ? at + wl + 1
               : 0;
}

/*
 * 1 when quoted text q[0..len) reads as a sentence, not a title: a word before the
 * last is a noun with its subject or topic particle ('경쟁력의 핵심은 공급망 회복력',
 * "기업들이 앞으로 디지털 전환"). Titles join their words with genitives, 및, 에서 …
 * 으로 and objects of 위한 or 통한 (‘환경 개선을 통한 범죄예방’), seldom with these.
 * With topic_only, the topic particle alone: a list item may hold a subject in a
 * clause that modifies its head (△국민이 참여하는 정책 설계).
 */
static int reads_as_sentence(const char *q, size_t len, int topic_only)
{
    static const char *const all[] = {"이", "가", "은", "는", NULL};
    const char *const *particles = topic_only ? all + 2 : all;
    for (size_t i = 0; i < len;) {
        const char *sp = memchr(q + i, ' ', len - i);
        if (!sp)
            break; /* the last word is the head the bracket glosses */
        size_t wl = (size_t)(sp - q) - i;
        size_t stem = wl ? ko_noun_particle(q + i, wl) : 0, next = i + wl + 1;
        for (const char *const *p = particles; *p; p++) {
            size_t pl = strlen(*p);
            if (stem && wl - stem == pl && !memcmp(q + i + stem, *p, pl)) {
                /* the clause's verb is read with its subject (참여하는 is no 참여하+는) */
                size_t rel = p < all + 2 ? relative_clause_end(q, len, next) : 0;
                if (!rel)
                    return 1;
                next = rel;
                break;
            }
            /* a plural and its particle: 기업들이, 국가들은 */
            if (wl > pl + 3 && !memcmp(q + i + wl - pl, *p, pl) &&
                !memcmp(q + i + wl - pl - 3, "들", 3))
                return 1;
        }
        i = next;
    }
    return 0;
}

/* 1 when the word glued to the bracket at the end of clause[0..clen) names a body:
 * it ends like one, or the lexicon knows it as acronym g's Korean name. */
static int share_of_body(const char *clause, size_t clen, const struct strbuf *g)
{
    size_t w = clen;
    while (w > 0 && clause[w - 1] != ' ')
        w--;
    return span_org_like(clause + w, clen - w) || lexicon_is_ko_form(g->buf, clause + w, clen - w);
}

/* 1 when s[0..at) ends with a file's name: a dot and a lower-case type (.pdf). */
static int file_name_before(const char *s, size_t at)
{
    while (at > 0 && s[at - 1] == ' ')
        at--;
    size_t e = at;
    while (e > 0 && s[e - 1] >= 'a' && s[e - 1] <= 'z')
        e--;
    return e > 1 && e < at && s[e - 1] == '.' && gloss_file_reference(s + e, at - e);
}

/*
 * 1 when s[0..at) ends with a web or e-mail address: a word with "://" in it, a
 * host name (gloss_domain_name: pis.rda.go.kr, www.kosaf.go.kr) or a mailbox at
 * one (help@korea.kr).
 */
static int address_before(const char *s, size_t at)
{
    while (at > 0 && s[at - 1] == ' ')
        at--;
    size_t w = at;
    while (w > 0 && s[w - 1] != ' ' && s[w - 1] != '(' && (unsigned char)s[w - 1] < 0x80)
        w--;
    for (size_t i = w; i + 3 <= at; i++)
        if (!memcmp(s + i, "://", 3))
            return 1;
    const char *mailbox = memchr(s + w, '@', at - w);
    if (mailbox)
        w = (size_t)(mailbox + 1 - s);
    return gloss_domain_name(s + w, at - w);
}

static int clause_has_digit(const char *s, size_t len)
{
    struct ko_script sc;
    ko_script_of(s, len, &sc);
    return sc.digit != 0;
}

/* 1 when g[0..glen) is in capitals and word, the word glued before it, is Hangul
 * that does not end a date (7월 6일(TUE), 6일(Mon.)). */
static int acronym_after_name(const char *word, size_t wlen, const char *g, size_t glen)
{
    for (size_t i = 0; i < glen; i++)
        if (!(g[i] >= 'A' && g[i] <= 'Z'))
            return 0;
    struct ko_script sc;
    ko_script_of(word, wlen, &sc);
    return sc.hangul >= 2 && !sc.digit && !sc.latin &&
           !(wlen >= 3 && !memcmp(word + wlen - 3, "일", 3));
}

/* 1 when w[0..n) holds Latin letters and no Hangul (KEPCO, KT). */
static int is_latin_word(const char *w, size_t n)
{
    struct ko_script sc;
    ko_script_of(w, n, &sc);
    return sc.latin && !sc.hangul;
}

/* Length of the middle dot at s, or 0: normalised text writes every form of it
 * (‧ ․ ㆍ ・) as U+00B7 (src/text/normalize.c). */
static size_t dot_at(const char *s, size_t len)
{
    return len >= 2 && !memcmp(s, "·", 2) ? 2 : 0;
}

/* Middle dots in s[0..len). */
static unsigned count_dots(const char *s, size_t len)
{
    unsigned n = 0;
    for (size_t i = 0; i + 1 < len; i++)
        if (dot_at(s + i, len - i))
            n++, i++;
    return n;
}

/* 1 when each dotted item of g is one syllable that begins the matching dotted item
 * of the word w[0..wlen): 경·사·문 of 경제·사회·문화. */
static int syllables_begin_items(const char *g, size_t glen, const char *w, size_t wlen)
{
    const char *k = w, *kend = w + wlen;
    for (size_t i = 0; i < glen;) {
        uint32_t c, kc;
        size_t n = utf8_decode(g + i, glen - i, &c);
        if (k >= kend)
            return 0;
        utf8_decode(k, (size_t)(kend - k), &kc);
        if (c != kc)
            return 0;
        i += n;
        size_t dl = i < glen ? dot_at(g + i, glen - i) : 0;
        if (i < glen && !dl)
            return 0; /* more than one syllable */
        i += dl;
        while (k < kend && !dot_at(k, (size_t)(kend - k)))
            k++;
        if (k < kend)
            k += dot_at(k, (size_t)(kend - k));
    }
    return k >= kend;
}

/*
 * 1 when a gloss of items joined by middle dots alone renders a term of as many
 * dotted items right before the bracket: 가상·증강현실(VR·AR), 하향·외향
 * 기류(다운워시·아웃워시), 데이터·네트워크·인공지능(D·N·A). One of the last three
 * words before the bracket holds the dots.
 */
static int dotted_in_parallel(const char *clause, size_t clen, const struct strbuf *gloss,
                              const struct extract_oracle *oracle)
{
    if (memchr(gloss->buf, ',', gloss->len) || memchr(gloss->buf, '/', gloss->len) ||
        memchr(gloss->buf, ';', gloss->len) || memchr(gloss->buf, ' ', gloss->len))
        return 0;
    unsigned want = count_dots(gloss->buf, gloss->len);
    if (!want)
        return 0;
    size_t end = clen;
    while (end > 0 && clause[end - 1] == ' ')
        end--; /* 경제·사회·문화 (경·사·문) */
    for (int w = 0; w < 3 && end > 0; w++) {
        size_t b = end;
        while (b > 0 && clause[b - 1] != ' ')
            b--;
        unsigned have = count_dots(clause + b, end - b);
        if (have) {
            /* Korean items are loanwords (다운워시·아웃워시) or contractions whose
             * syllables begin the dotted words (경·사·문 of 경제·사회·문화); others are
             * a list of their own (마련·운영(인·허가)) */
            struct ko_script gs;
            ko_script_of(gloss->buf, gloss->len, &gs);
            return have == want &&
                   (!gs.hangul || gloss_is_loanword(gloss->buf, gloss->len, oracle) ||
                    syllables_begin_items(gloss->buf, gloss->len, clause + b, end - b));
        }
        while (b > 0 && clause[b - 1] == ' ')
            b--;
        end = b;
    }
    return 0;
}

/* 1 when s[0..len) has two words or more and its middle dots all join the parts of
 * one of them: the words beside that word are shared by its parts, a head noun
 * (에너지·대기오염 작업반) or a modifier (CO₂ 포집·저장), and the whole is one name.
 * A dot with a space beside it joins no parts of a word (환경 · 개발 회의). */
static int dots_in_one_word(const char *s, size_t len)
{
    size_t dotted = 0, words = 0;
    for (size_t b = 0, i; b < len; b = i) {
        i = span_next_word(s, len, &b);
        if (i > b && (dot_at(s + b, i - b) || (i - b >= 2 && dot_at(s + i - 2, 2))))
            return 0;
        if (i > b)
            words++, dotted += count_dots(s + b, i - b) > 0;
    }
    return words >= 2 && dotted == 1;
}

/*
 * 1 when the bracket after an acronym holds its Korean name, whose words are
 * joined by middle dots or commas: CCUS(이산화탄소 포집·저장·활용), ATP(조립,
 * 테스트, 패키징), ESG(환경,사회,지배구조). An acronym of three letters or more,
 * and as many items as it has letters, a name that spells half of them or one
 * whose dots join the parts of one word (GRPE(에너지·대기오염 작업반)); not
 * examples (등) or a list that sorts a short acronym's field (AI(반도체·바이오)).
 */
static int korean_expansion_of(const char *word, size_t wlen, const struct strbuf *gloss)
{
    char acr[32];
    if (!wlen || wlen >= sizeof(acr) || !gloss_is_acronym_token(word, wlen))
        return 0;
    memcpy(acr, word, wlen);
    acr[wlen] = '\0';
    struct ko_script sc;
    ko_script_of(gloss->buf, gloss->len, &sc);
    /* a Latin word beside the dotted one is part of such a name: CCS(CO₂ 포집·저장); an
     * acronym the lexicon names otherwise is described, not named (OECD(경제·사회 분야)) */
    int one_name = dots_in_one_word(gloss->buf, gloss->len) &&
                   !memchr(gloss->buf, ',', gloss->len) &&
                   lexicon_acronym_names(word, wlen, gloss->buf, gloss->len) != 0;
    if (sc.hangul < 4 || (sc.latin && !one_name) || sc.han || sc.digit ||
        utf8_count(gloss->buf, gloss->len) > 40 || memchr(gloss->buf, '/', gloss->len) ||
        memchr(gloss->buf, ';', gloss->len))
        return 0;
    size_t n = gloss->len;
    if ((n >= 4 && !memcmp(gloss->buf + n - 4, " 등", 4)) || !strcmp(gloss->buf, "등"))
        return 0;
    unsigned items = 1 + count_dots(gloss->buf, gloss->len);
    for (size_t i = 0; i < n; i++)
        items += gloss->buf[i] == ',';
    size_t letters = acronym_alnum(word, wlen);
    return letters >= 3 &&
           (items == letters || one_name || score_acronym_fit(gloss->buf, gloss->len, acr) >= 0.5);
}

/*
 * 1 when the bracket after acronym word holds two items, joined by a comma or a
 * middle dot, that both name it: its Hangul reading and the Korean name the lexicon
 * gives it (ASEAN(아세안, 동남아국가연합), score_reads_acronym), in either order. Not
 * a list of two things; span.c takes the name as the term (reading_apart).
 */
static int reading_and_name(const char *word, size_t wlen, const struct strbuf *gloss)
{
    const char *a, *b;
    size_t al, bl;
    if (!span_two_items(gloss->buf, gloss->len, &a, &al, &b, &bl))
        return 0;
    for (int k = 0; k < 2; k++) {
        const char *name = k ? a : b, *reading = k ? b : a;
        size_t nl = k ? al : bl, rl = k ? bl : al;
        const char *acr = lexicon_acronym_for_ko(name, nl);
        if (acr && strlen(acr) == wlen && !ascii_casecmp_n(acr, word, wlen) &&
            score_reads_acronym(reading, rl, name, nl))
            return 1;
    }
    return 0;
}

static const char *lift_refusal(const char *why, const char *clause, size_t clen, const char *word,
                                size_t wlen, struct strbuf *gloss, unsigned flags)
{
    int glued = !(flags & OCC_SPACED);
    /* a short form defined with 이하 is one name however short or dotted: (이하 "법"이라
     * 한다), (이하 "영"), (이하 "시ㆍ도"라 한다) */
    if ((flags & OCC_SHORTFORM) &&
        (!strcmp(why, "list label or weekday") ||
         (!strcmp(why, "enumeration") && !memchr(gloss->buf, ',', gloss->len) &&
          !memchr(gloss->buf, '/', gloss->len) && !memchr(gloss->buf, ';', gloss->len))))
        return NULL;
    /* hanja that the words before read, dots and all, restate them as one gloss:
     * 출입국·외국인정책본부(出入國·外國人政策本部), 산·연(産·硏) */
    if (!strcmp(why, "enumeration") &&
        ko_hanja_reading_start(clause, clen, gloss->buf, gloss->len) >= 0)
        return NULL;
    if (!strcmp(why, "enumeration"))
        return (glued && expands_initials(word, wlen, gloss->buf, gloss->len)) ||
                       korean_expansion_of(word, wlen, gloss) || reading_and_name(word, wlen, gloss)
                   ? NULL
                   : why;
    /* KEPCO(한국전력공사㈜), KT(주식회사 케이티): the Korean name of the company whose
     * Latin name stands before it; the mark goes */
    if (!strcmp(why, "a company") && wlen && is_latin_word(word, wlen)) {
        static const char *const marks[] = {"주식회사", "(주)", "㈜", NULL};
        for (const char *const *mk = marks; *mk; mk++) {
            const char *at = strstr(gloss->buf, *mk);
            if (at)
                strbuf_remove(gloss, (size_t)(at - gloss->buf), strlen(*mk));
        }
        strbuf_trim(gloss);
        return gloss->len ? NULL : why;
    }
    /* 게임스컴 2012(gamescom 2012): the year the term ends with ends its name */
    if (!strcmp(why, "date, time or number") && wlen == 4 && gloss->len > 5 &&
        !memcmp(gloss->buf + gloss->len - 4, word, 4) && gloss->buf[gloss->len - 5] == ' ' &&
        gloss_is_year(word) && uc_is_latin_letter(utf8_at(gloss->buf, gloss->len, 0)))
        return NULL;
    /* 6G(6세대), 3D(3차원 영상): a count that restates the number of the acronym
     * glued before it is the acronym's Korean name */
    if (!strcmp(why, "date, time or number") && glued && gloss_is_acronym_token(word, wlen) &&
        same_number_first(word, wlen, gloss->buf, gloss->len))
        return NULL;
    if (!strcmp(why, "list label or weekday")) {
        if (ko_hanja_reading_start(clause, clen, gloss->buf, gloss->len) >= 0)
            return NULL;
        /* an acronym that spells a weekday after a term, not a date: 치료목적사용면책(TUE);
         * not after a time word or an event of a programme (오전(THU), 개막식(WED)) */
        if (glued && gloss->len >= 3 && ko_syllable_count(word, wlen) >= 4 &&
            !clause_has_digit(clause, clen) &&
            acronym_after_name(word, wlen, gloss->buf, gloss->len))
            return NULL;
        if (glued && gloss->len == 1 &&
            (letter_name(word, wlen, gloss->buf[0]) || initial_of_word(word, wlen, gloss->buf[0])))
            return NULL;
    }
    return why;
}

/* 1 when g[0..len) holds the word w between spaces, commas or its ends. */
static int has_word(const char *g, size_t len, const char *w)
{
    size_t n = strlen(w);
    for (size_t i = 0; i + n <= len; i++)
        if (!memcmp(g + i, w, n) && (i == 0 || g[i - 1] == ' ' || g[i - 1] == ',') &&
            (i + n == len || g[i + n] == ' ' || g[i + n] == ','))
            return 1;
    return 0;
}

/*
 * 1 when g lists two to four plain Korean words or phrases, separated by
 * middle dots or commas (모임·회의, 뜯기, 해체, 헐기): Hangul and spaces only,
 * each item two to ten syllables, no marker of a definition or of examples.
 */
static int plain_alternatives(const char *g, size_t len)
{
    static const char *const markers[] = {"이하", "약칭", "예", "등", NULL};
    unsigned items = 1, syl = 0;
    for (const char *const *w = markers; *w; w++)
        if (has_word(g, len, *w))
            return 0; /* a short form's definition or examples: 이하, 총괄 지원단; 도, 시 등 */
    for (size_t i = 0; i < len;) {
        uint32_t c;
        i += utf8_decode(g + i, len - i, &c);
        if (c == 0xB7 || c == ',') {
            if (syl < 2)
                return 0; /* an empty or one-syllable item: 부·처·청 are kinds */
            items++, syl = 0;
        } else if (uc_is_hangul_syllable(c)) {
            if (++syl > 10)
                return 0;
        } else if (c != ' ') {
            return 0;
        }
    }
    return items >= 2 && items <= 4 && syl >= 2;
}

static void extra_release(struct gloss_extra *extra)
{
    for (size_t i = 0; i < sizeof(extra->g) / sizeof(*extra->g); i++)
        strbuf_release(&extra->g[i]);
}

/*
 * 1 when a bracket closes right before at and holds a date, a time or a number (a
 * law's enactment, a plan's years: (‘20.2 제정), (’21~’30, 5+5)); sets *open to
 * where it opens.
 */
static int aside_before(const char *s, size_t at, const struct extract_oracle *oracle, size_t *open)
{
    if (at < 3 || s[at - 1] != ')')
        return 0;
    size_t close = at - 1, i = close;
    while (i > 0 && s[i - 1] != '(' && s[i - 1] != ')')
        i--;
    if (i == 0 || s[i - 1] != '(' || i - 1 == 0)
        return 0;
    struct strbuf g = STRBUF_INIT, x = STRBUF_INIT;
    struct gloss_extra extra = GLOSS_EXTRA_INIT;
    unsigned flags = 0;
    const char *why = gloss_clean(s + i, close - i, oracle, &g, &flags, &x, &extra);
    int aside = why && !strcmp(why, "date, time or number");
    extra_release(&extra);
    strbuf_release(&g);
    strbuf_release(&x);
    *open = i - 1;
    return aside;
}

/* 1 for a mark that heads a list item: a geometric shape (△, ▲, □, ○), a circled
 * number (①) or a bullet (•). */
static int list_bullet(uint32_t c)
{
    return (c >= 0x2460 && c <= 0x24FF) || (c >= 0x25A0 && c <= 0x25FF) || c == 0x2022;
}

/*
 * 1 when the item headed by the bullet at byte b ends with the bracket that closes
 * before byte i: the line ends or the next item begins there, after a comma at most
 * (△시설 및 제품 등록 의무화(Mandatory Facility Registration and Product Listing),
 * △…); or the sentence goes on after the last of a list whose item before ended
 * with its bracket too (⑤국민 주도형 정부(User-Driven), ⑥선제적 정부(Proactiveness)이다;
 * not ②글로벌 표준을 반영한 결정인자(criteria) 도출, after ①… 용어 사용,).
 */
static int item_closed(const char *s, size_t len, size_t b, size_t i)
{
    while (i < len && s[i] == ' ')
        i++;
    if (i < len && (s[i] == ',' || s[i] == '.' || s[i] == ';'))
        i++;
    while (i < len && s[i] == ' ')
        i++;
    if (i >= len || list_bullet(utf8_at(s, len, i)))
        return 1;
    while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == ','))
        b--;
    return b > 0 && s[b - 1] == ')' && uc_is_hangul_syllable(utf8_at(s, len, i));
}

static void add_group(struct extract_doc *d, const char *s, size_t len, const struct group *g,
                      unsigned long lineno, size_t line_idx, unsigned chain)
{
    struct strbuf gloss = STRBUF_INIT, expansion = STRBUF_INIT;
    struct gloss_extra extra = GLOSS_EXTRA_INIT;
    uint32_t stop;
    const unsigned listed = chain ? OCC_CHAIN : 0; /* chain: its list on the line, or 0 */
    unsigned flags = listed;
    /* a footnote mark glued between the term and its bracket (이행검토위원회*(CRIC))
     * is not a boundary: the words before it are the clause */
    size_t at = g->open;
    if (at >= 2 && s[at - 1] == '*' && s[at - 2] != '*' && s[at - 2] != ' ')
        at--;
    size_t start = clause_start(s, at, &stop), end = at, qs, qe;
    const char *inner = s + g->inner;
    size_t ilen = g->close - g->inner;
    const char *why;

    if (g->kind == '<')
        flags |= OCC_ANGLE;
    if (at > 0 && s[at - 1] == ' ')
        flags |= OCC_SPACED;
    struct strbuf name_ko = STRBUF_INIT, name_lat = STRBUF_INIT;
    if (name_and_romanisation(inner, ilen, s, at, &name_ko, &name_lat)) {
        /* the pair is the two items; the role before the bracket glosses nothing */
        struct occ o;
        memset(&o, 0, sizeof(o));
        o.line = lineno;
        o.line_idx = line_idx;
        o.left = strbuf_detach(&name_ko, NULL);
        o.gloss = strbuf_detach(&name_lat, NULL);
        o.flags = listed | OCC_TITLE;
        o.chain = chain;
        doc_add_occ(d, &o);
        goto done;
    }
    strbuf_release(&name_ko);
    strbuf_release(&name_lat);
    why = gloss_clean(inner, ilen, doc_oracle(d), &gloss, &flags, &expansion, &extra);
    if (why) {
        size_t e = at; /* the word before the bracket, glued or after a space (ESG
                        * (환경,사회,지배구조)): back to a space, a bracket or a middle
                        * dot (환경(E)·사회(S)) */
        while (e > start && s[e - 1] == ' ')
            e--;
        size_t w = e;
        while (w > start && s[w - 1] != ' ' && s[w - 1] != ')' &&
               !(w - start >= 2 && !memcmp(s + w - 2, "·", 2)))
            w--;
        why = lift_refusal(why, s + start, at - start, s + w, e - w, &gloss, flags);
    }
    /* a body quoted with its figure, (KDI·1.6%): the acronym glosses the body's name
     * before it, not a figure's (경제성장률 전망치(IMF·2.9%)) */
    if (!why && memchr(inner, '%', ilen) && !share_of_body(s + start, at - start, &gloss))
        why = "date, time or number";
    /* a file's name before the bracket and what it is (연구_2017.pdf(다운로드),
     * 포럼(12.18).png (안내장)): a link's label, not a term and its gloss */
    if (!why && file_name_before(s, at))
        why = "a file or a table";
    /* nor an address and what it leads to (http://pis.rda.go.kr (농약정보서비스),
     * help@korea.kr(고객센터)): the last label of a host name is no term */
    if (!why && address_before(s, at))
        why = "a web or e-mail address";
    /* plain words listed as alternatives (미팅(모임·회의), 바라시(뜯기, 해체, 헐기)):
     * whether they are a list or the replacements of the word before them is known
     * only when the whole section is read (resolve_section) */
    if (why && !strcmp(why, "enumeration") && plain_alternatives(gloss.buf, gloss.len)) {
        flags |= OCC_DOTTED;
        why = NULL;
    }
    if (why && !strcmp(why, "enumeration") &&
        dotted_in_parallel(s + start, at - start, &gloss, doc_oracle(d))) {
        flags |= OCC_PARALLEL;
        why = NULL;
    }
    if (why) {
        doc_add_reject(d, lineno, s + start, at - start, inner, ilen, why);
        goto done;
    }
    /* a hyphen between Hangul splits a clause (인공지능-반도체) unless the gloss is
     * hyphenated too: 케이-인플루언서(K-INFLUENCER), 아시아-태평양 …(Asia-Pacific …) */
    for (unsigned h = latin_hyphens(gloss.buf, gloss.len); h > 0 && stop == '-' && start > 0; h--) {
        /* a dash between spaces or a bullet that opens the line (- 지급여력제도(K-ICS),
         * -지급여력제도(K-ICS)) joins nothing */
        if (start < 2 || s[start] == ' ' || s[start - 2] == ' ' || s[start - 2] == '\t')
            break;
        start = clause_start(s, start - 1, &stop);
    }
    /* nor after 한 when the acronym's K spells it: 한-아프리카 경제협력(KOAFEC),
     * 한-중남미 … 협의체(KoLFACI), 한-유럽 과학기술학술대회(EKC), names of Korea's
     * bodies and meetings with a region */
    if (stop == '-' && start >= 4 &&
        (gloss.buf[0] == 'K' || gloss.buf[0] == 'k' ||
         (gloss_is_acronym_token(gloss.buf, gloss.len) && memchr(gloss.buf, 'K', gloss.len))) &&
        !memcmp(s + start - 4, "한", 3) &&
        (start == 4 || !uc_is_hangul_syllable(utf8_before(s, start - 4))))
        start = clause_start(s, start - 1, &stop);
    /* nor between two names when the acronym's first letter spells the first
     * and not the second: 인도-태평양 경제프레임워크(IPEF), 아시아-태평양 경제협력체(APEC) */
    if (stop == '-' && start > 1 && gloss_is_acronym_token(gloss.buf, gloss.len) &&
        hyphen_name_before(s, start - 1, utf8_at(s, end, start), gloss.buf[0]))
        start = clause_start(s, start - 1, &stop);
    /* nor at commas between nouns that an acronym may spell word by word (외교,
     * 정보, 군사, 경제(DIME)): one comma per letter at most; span.c decides */
    if (stop == ',' && gloss_is_acronym_token(gloss.buf, gloss.len))
        for (size_t joins = 0, letters = acronym_alnum(gloss.buf, gloss.len);
             stop == ',' && joins + 1 < letters && start >= 2 && s[start] == ' ' &&
             uc_is_hangul_syllable(utf8_before(s, start - 1));
             joins++)
            start = clause_start(s, start - 1, &stop);
    /* 「... 기본법(AI 기본법)」: the bracket closes a title; so do quotes, short forms
     * too (‘건강한 지배구조 개선위원회(이하 위원회)’), unless they hold a sentence */
    uint32_t after = utf8_at(s, len, g->close + 1);
    if (stop && closer_of(stop) && after == closer_of(stop) &&
        (!(stop == '\'' || stop == '"') || !reads_as_sentence(s + start, end - start, 0)))
        flags |= OCC_TITLE;
    /* a bracket that closes a bulleted item glosses all of it, unless the item reads
     * as a sentence, its topic named: ○ 정부는 올해 … 연산 장치(Hyperscale Compute
     * Unit), a line broken before its verb */
    if (list_bullet(stop) && item_closed(s, len, utf8_prev(s, start), g->close + 1) &&
        !reads_as_sentence(s + start, end - start, 1))
        flags |= OCC_ITEM;
    /* a bracket right after a date's (법률(‘20.2 제정)(이하 수소경제법)): the term
     * stands before the date */
    size_t po;
    if (start == end && stop == ')' && aside_before(s, at, doc_oracle(d), &po)) {
        end = po;
        start = clause_start(s, po, &stop);
    }
    if (start == end || (start + 1 >= end && s[start] == ' ')) {
        if (quoted_before(s, end, &qs, &qe)) {
            start = qs;
            end = qe;
            /* ‘… 혁신 이행안(로드맵)(‘23~’27)’: the years are no part of the title, nor
             * is a footnote mark that ends it (「… 촉진에 관한 법률*」(이하 친환경선박법)) */
            while (end > start && (s[end - 1] == ' ' || s[end - 1] == '*'))
                end--;
            if (aside_before(s, end, doc_oracle(d), &po) && po > start)
                end = po;
            flags |= OCC_TITLE;
        }
    }
    /* a word glued to the bracket before ends that bracket's word, not this term:
     * 극자외선(EUV)용 감광제(포토레지스트) */
    if (stop == ')' && start < end && uc_is_hangul_syllable(utf8_at(s, end, start))) {
        const char *sp = memchr(s + start, ' ', end - start);
        /* a particle (…(MDL)이) is a hard stop already, for the span to stop at */
        if (sp && ko_token_stop(s + start, (size_t)(sp - s) - start) != KO_STOP_HARD)
            start = (size_t)(sp - s) + 1;
    }
    if (attribution_follows(s, len, g->close + 1))
        flags |= OCC_ATTRIB;

    struct occ o;
    memset(&o, 0, sizeof(o));
    o.line = lineno;
    o.line_idx = line_idx;
    struct strbuf left = STRBUF_INIT;
    strbuf_add(&left, s + start, end - start);
    strbuf_trim(&left);
    o.left = strbuf_detach(&left, NULL);
    o.gloss = strbuf_detach(&gloss, NULL);
    o.expansion = expansion.len ? strbuf_detach(&expansion, NULL) : NULL;
    size_t rlen = len - (g->close + 1);
    if (rlen > sizeof(o.right) - 1)
        rlen = utf8_valid_prefix(s + g->close + 1, sizeof(o.right) - 1);
    memcpy(o.right, s + g->close + 1, rlen);
    o.right[rlen] = '\0';
    o.flags = flags;
    o.chain = chain;
    /* the other glosses of a bracket of several items: the same term, other forms */
    struct ko_script main;
    ko_script_of(o.gloss, strlen(o.gloss), &main);
    for (size_t i = 0; i < extra.n; i++) {
        struct occ e = o;
        e.left = xstrdup(o.left);
        e.gloss = strbuf_detach(&extra.g[i], NULL);
        e.expansion = NULL;
        /* a loanword that spells the acronym beside it (코피아, KOPIA): the acronym is
         * its English, as the document writes it */
        struct ko_script es;
        ko_script_of(e.gloss, strlen(e.gloss), &es);
        if (es.hangul && !es.latin && gloss_is_acronym_token(o.gloss, strlen(o.gloss)) &&
            gloss_is_loanword(e.gloss, strlen(e.gloss), doc_oracle(d)))
            e.expansion = xstrdup(o.gloss);
        e.flags &= ~(unsigned)OCC_QUOTED;
        /* an acronym, English name or hanja beside a short form's definition
         * glosses the term itself */
        if ((es.latin || es.han) && !es.hangul && (e.flags & OCC_SHORTFORM)) {
            e.flags &= ~(unsigned)OCC_SHORTFORM;
            e.flags |= OCC_SAMETERM;
        }
        /* a restatement takes the term of the gloss beside it: after hanja the one its
         * reading decides (span.c), after an acronym or English name the one that gloss
         * is paired with (doc.c) */
        e.flags &= ~(unsigned)OCC_RESTATES;
        if ((extra.restates & (1u << i)) && main.latin) {
            e.flags |= OCC_RESTATES;
            e.back = (unsigned)i + 1;
        } else if (extra.restates & (1u << i)) {
            e.flags |= OCC_SAMETERM;
        }
        doc_add_occ(d, &o);
        o = e;
    }
    doc_add_occ(d, &o);
done:
    strbuf_release(&gloss);
    strbuf_release(&expansion);
    extra_release(&extra);
}

/*
 * 1 when the square bracket s[open..close] holds a Latin gloss of the word
 * glued before it (동아시아정상회의[EAS], 아프리카연합[African Union]), as some
 * ministries write them: Latin letters with a capital, digits, spaces, hyphens,
 * '&' and '.' only; or its hanja or kana (ko_script_of counts both). A footnote
 * ([1]), an editing mark ([편집]) or a credit ([사진=…]) is none.
 */
static int square_gloss(const char *s, size_t open, size_t close)
{
    uint32_t before = 0;
    if (open == 0)
        return 0;
    size_t at = utf8_prev(s, open);
    utf8_decode(s + at, open - at, &before);
    if (!uc_is_hangul_syllable(before))
        return 0;
    /* or hanja alone, as dictionaries and lists of terms write a word's spelling:
     * 이케부쿠로[池袋], 관세 납세[關稅納稅] */
    struct ko_script sc;
    ko_script_of(s + open + 1, close - open - 1, &sc);
    if (sc.han && !sc.hangul && !sc.latin && !sc.digit && !sc.other)
        return 1;
    int letters = 0, capital = 0;
    for (size_t i = open + 1; i < close; i++) {
        char c = s[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
            letters++, capital |= c <= 'Z';
        else if (c != ' ' && c != '-' && c != '&' && c != '.' && !(c >= '0' && c <= '9'))
            return 0; /* digits may name a strain or a model: 신종플루[H1N1] */
    }
    return letters >= 2 && capital;
}

/*
 * A ')' that closes nothing after capitals glued to Hangul lost its '(' to a typo:
 * 우수농산물관리제도GAP), 고분자전해질막PEM). Returns where the acronym begins, or 0
 * when the ')' follows anything else (a list label: 1), 가), A)).
 */
static size_t acronym_missing_open(const char *s, size_t close)
{
    size_t a = close;
    while (a > 0 && ((s[a - 1] >= 'A' && s[a - 1] <= 'Z') || (s[a - 1] >= '0' && s[a - 1] <= '9') ||
                     s[a - 1] == '&' || s[a - 1] == '-'))
        a--;
    if (!a || s[a] < 'A' || s[a] > 'Z' || !gloss_is_acronym_token(s + a, close - a))
        return 0;
    return uc_is_hangul_syllable(utf8_before(s, a)) ? a : 0;
}

void scan_line(struct extract_doc *d, const char *s, size_t len, unsigned long lineno,
               size_t line_idx)
{
    struct {
        size_t pos;
        uint32_t c;
    } stack[SCAN_MAX_DEPTH];
    struct group *groups = NULL;
    size_t ng = 0, alloc = 0, sp = 0;
    unsigned long unread = 0; /* groups past SCAN_MAX_GROUPS */
    const char *gt = memchr(s, '>', len);

    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)s[i];
        uint32_t c;

        /* only brackets matter: ASCII ones and U+300A..U+300F (E3 80 8A..8F) */
        if (b == 0xE3 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] >= 0x8A && (unsigned char)s[i + 2] <= 0x8F) {
            c = 0x3000 + ((unsigned char)s[i + 2] - 0x80);
        } else if (b == '(' || b == ')' || b == '[' || b == ']' || b == '{' || b == '}' ||
                   b == '<' || b == '>') {
            c = b;
        } else {
            continue;
        }
        int opener = c == '(' || c == '[' || c == '{' || c == 0x300C || c == 0x300E ||
                     c == 0x300A ||
                     (c == '<' && gt && s + i < gt && i + 1 < len && s[i + 1] != ' ' &&
                      s[i + 1] != '=' && s[i + 1] != '-');
        if (opener) {
            if (sp < SCAN_MAX_DEPTH) {
                stack[sp].pos = i;
                stack[sp].c = c;
                sp++;
            }
        } else if (c == ')' || c == ']' || c == '}' || c == '>' || c == 0x300D || c == 0x300F ||
                   c == 0x300B) {
            uint32_t want = c == ')'      ? '('
                            : c == ']'    ? '['
                            : c == '}'    ? '{'
                            : c == '>'    ? '<'
                            : c == 0x300D ? 0x300C
                            : c == 0x300F ? 0x300E
                                          : 0x300A;
            size_t k = sp;
            while (k > 0 && stack[k - 1].c != want)
                k--;
            /* a '>' only closes the innermost '<' (arrows stay text) */
            if (k > 0 && (c != '>' || k == sp)) {
                sp = k - 1;
                if (want == '[' && square_gloss(s, stack[sp].pos, i))
                    want = '('; /* read like a round bracket from here on */
                if ((want == '(' || want == '<') && ng >= SCAN_MAX_GROUPS) {
                    unread++;
                } else if (want == '(' || want == '<') {
                    ALLOC_GROW(groups, ng + 1, alloc);
                    groups[ng].open = stack[sp].pos;
                    groups[ng].inner = stack[sp].pos + 1;
                    groups[ng].close = i;
                    groups[ng].kind = want;
                    groups[ng].depth = (int)sp;
                    ng++;
                }
            } else if (c == ')' && !sp) {
                size_t a = acronym_missing_open(s, i);
                if (a && ng >= SCAN_MAX_GROUPS) {
                    unread++; /* as any bracket past the limit, said, not lost */
                } else if (a) {
                    ALLOC_GROW(groups, ng + 1, alloc);
                    groups[ng] = (struct group){.open = a, .inner = a, .close = i, .kind = '('};
                    ng++;
                }
            }
        }
    }
    if (unread)
        doc_note_unread(d, lineno, unread);
    if (!ng)
        return;

    /* groups close inner-first; report them in order of their opening */
    for (size_t a = 1; a < ng; a++) {
        struct group g = groups[a];
        size_t b = a;
        while (b > 0 && groups[b - 1].open > g.open) {
            groups[b] = groups[b - 1];
            b--;
        }
        groups[b] = g;
    }

    /* mark lists of X(Y) items: 강원(블랙아이스) 전남(에너지) ..., AI(NIPA), 양자(NIA);
     * chain[k] numbers group k's list from 1, 0 for none */
    unsigned *chain = xcalloc(ng ? ng : 1, sizeof(*chain));
    unsigned lists = 0;
    for (size_t a = 0; a < ng;) {
        size_t b = a, strong = 0;
        while (b + 1 < ng && groups[b].depth == 0 && groups[b + 1].depth == 0) {
            int st;
            if (!chain_link(s, groups[b].close + 1, groups[b + 1].open, &st))
                break;
            strong += (size_t)st;
            b++;
        }
        size_t members = b - a + 1;
        if ((members >= 2 && strong) || members >= 3) {
            lists++;
            for (size_t k = a; k <= b; k++)
                chain[k] = lists;
        }
        a = b + 1;
    }
    for (size_t a = 0; a < ng; a++)
        add_group(d, s, len, &groups[a], lineno, line_idx, chain[a]);
    free(chain);
    free(groups);
}
