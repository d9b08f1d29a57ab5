/*
 * doc.c - one document: occurrences in, distinct pairs out.
 *
 * Lines are scanned as they arrive; only the occurrences (and each line that
 * holds one, as context) are kept. extract_doc_finish then runs the
 * document-wide steps: agreement per gloss, pass 1 (abbreviations, short
 * forms, reversed pairs) whose results become knowledge, pass 2 (the rest),
 * and grouping by (Korean term, gloss) in order of first occurrence.
 *
 * Memory: occurrences and their lines grow with the text, pairs with the
 * terms. So that a document of any size is read in bounded memory, the
 * occurrences held are a section of at most SECTION_MAX bytes: when a line
 * takes them past it, the section is resolved as above (resolve_section),
 * its pairs join the document's pairs (one row per distinct term and gloss,
 * counts added, the first occurrence kept) and its occurrences are freed.
 * Spans are then decided within a section, not across the whole document;
 * the acronym long forms and the English forms stay document-wide. Real
 * documents (the largest of tests/corpus and the seeds is 63 KB long) are
 * one section, so their output is what the whole-document algorithm gives.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/acronym.h"
#include "extract/extract_int.h"
#include "extract/lexicon.h"
#include "text/korean.h"
#include "text/normalize.h"
#include "util/ascii.h"
#include "util/strmap.h"
#include "util/strpool.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/* Bytes of a line kept for a bracket that opens the next one (keep_tail). */
#define TAIL_MAX 160

struct extract_doc {
    char *name;                          /* as given by the caller */
    unsigned flags;                      /* enum extract_flags */
    const struct extract_oracle *oracle; /* the caller's, or NULL; passed down to
                                          * the scanner, span decisions and scorer */
    struct occ *occs;                    /* the section's occurrences in document order */
    size_t nocc, aocc;                   /* used, allocated */
    char **lines;              /* normalised lines of the section that hold an occurrence */
    char **marked;             /* each as written, where its quotes or dots differ; or NULL */
    char **written;            /* per pair, its ko and gloss as written, or NULL: in place
                                * of the folded ones once the English forms are filled */
    size_t nwritten, awritten; /* entries set (two per pair added by add_pair), allocated */
    unsigned char *line_taken; /* 1 when lines[i] became a pair's context (d->owned has it) */
    size_t nlines, alines, aline_taken, amarked; /* used, allocated */
    size_t held;                    /* bytes the section holds: lines, occurrences, their strings */
    struct strmap index;            /* "ko\tgloss" -> (void *) 1 + index of its pair */
    struct extract_pair *pairs;     /* results, after finish */
    size_t npairs, apairs;          /* used, allocated */
    struct extract_reject *rejects; /* set aside, with --explain */
    size_t nrej, arej;              /* used, allocated */
    struct strmap expansions;       /* acronym -> char * English long form written in the doc */
    const char **text;              /* with EXTRACT_KEEP_TEXT: every line, in text_pool */
    struct strpool text_pool;       /* a malloc and a free a line cost more than the lines */
    size_t *text_len, atext_len;    /* their lengths; allocated */
    unsigned long *text_no;         /* their line numbers */
    size_t ntext, atext, atext_no;  /* used, allocated */
    size_t text_bytes;              /* bytes in text */
    unsigned long text_cut;         /* the first line not kept (EXTRACT_TEXT_MAX), or 0 */
    char **owned;                   /* strings the pairs point to that no occurrence owns */
    size_t nowned, aowned;          /* used, allocated */
    int finished;                   /* extract_doc_finish ran */
    int plain_doc;        /* the lead or a line with a pair spoke of plain words (has_plain_cue) */
    struct strbuf lead;   /* the first PLAIN_CUE_LEAD bytes of the document, for that */
    char tail[TAIL_MAX];  /* the end of the previous line when it may run on into a */
    size_t tail_len;      /* bracket that opens the next (wrapped text); 0: none */
    struct strbuf joined; /* that end and the line that goes on from it */
    unsigned long unread; /* bracket groups past SCAN_MAX_GROUPS on their line */
    unsigned long unread_line; /* the first line that had such groups */
    struct score_row *feats;   /* with EXTRACT_FEATURES: the scorer's rows */
    size_t nfeat, afeat;       /* used, allocated */
    unsigned long *feat_line;  /* their line */
    size_t afeat_line;         /* allocated */
    struct strbuf where;       /* position labels of a document's lines, NUL-terminated */
    size_t *where_at;          /* where_at[lineno]: 1 + the label's offset in where, or 0 */
    size_t nwhere_at;          /* entries in where_at */
};

/*
 * Bytes of occurrences and lines held before a section is resolved: 60 times
 * the whole of the largest document in tests/corpus and the seeds (63 KB),
 * and small enough that extract reads 200 MB in 45 MB (docs/benchmarks.md).
 */
#define SECTION_MAX (4u << 20)

/* How sure the plain-words lexicon's English of a loanword is (curated, sourced). */
#define LEXICON_LOANWORD_CONFIDENCE 0.95

static const char *own(struct extract_doc *d, char *s)
{
    ALLOC_GROW(d->owned, d->nowned + 1, d->aowned);
    d->owned[d->nowned++] = s;
    return s;
}

/* Remembers the first long form seen for an acronym. */
static void add_expansion(struct extract_doc *d, const char *acr, size_t alen, const char *lng,
                          size_t llen)
{
    int created;
    while (llen && lng[llen - 1] == ' ')
        llen--;
    struct strmap_entry *e = strmap_put(&d->expansions, acr, alen, &created);
    if (created)
        e->value = xmemdupz(lng, llen);
}

static int is_latin_word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '&' ||
           c == '-' || c == '.' || c == '\'';
}

/*
 * CCFO·Chief Cloud First Officer: an acronym, a middle dot and its long form,
 * as tables and lists write them.
 */
static void scan_dot_expansions(struct extract_doc *d, const char *s, size_t len)
{
    static const char dot[] = "\xC2\xB7";
    for (const char *p = s; (p = memchr(p, dot[0], (size_t)(s + len - p))) != NULL; p++) {
        if (p + 1 >= s + len || p[1] != dot[1])
            continue;
        const char *a = p;
        while (a > s && is_latin_word_char(a[-1]))
            a--;
        const char *b = p + 2, *e = b;
        for (int words = 0; e < s + len && words < 10;) {
            const char *w = e;
            while (e < s + len && is_latin_word_char(*e))
                e++;
            if (e == w)
                break;
            words++;
            if (e < s + len && *e == ' ' && e + 1 < s + len && is_latin_word_char(e[1]))
                e++;
            else
                break;
        }
        if (a < p && e > b && gloss_is_acronym_token(a, (size_t)(p - a)) &&
            acronym_matches(a, (size_t)(p - a), b, (size_t)(e - b)))
            add_expansion(d, a, (size_t)(p - a), b, (size_t)(e - b));
    }
}

/* Latin(Latin): Chief Cloud First Officer (CCFO), or KISA(Korea Internet ...). */
static void occ_expansion(struct extract_doc *d, const struct occ *o)
{
    const char *g = o->gloss, *l = o->left;
    size_t glen = strlen(g), llen = strlen(l);
    struct ko_script gs, ls;
    ko_script_of(g, glen, &gs);
    ko_script_of(l, llen, &ls);
    if (o->expansion) {
        add_expansion(d, g, glen, o->expansion, strlen(o->expansion));
        return;
    }
    if (gs.hangul || !gs.latin || !llen)
        return;
    /* the Latin words at the end of the clause */
    size_t start = llen;
    while (start > 0 && (is_latin_word_char(l[start - 1]) || l[start - 1] == ' '))
        start--;
    while (start < llen && l[start] == ' ')
        start++;
    if (start == llen)
        return;
    if (gloss_is_acronym_token(g, glen)) {
        long off = acronym_long_form(g, glen, l + start, llen - start);
        if (off >= 0)
            add_expansion(d, g, glen, l + start + off, llen - start - (size_t)off);
        return;
    }
    const char *last = l + llen;
    while (last > l + start && last[-1] != ' ')
        last--;
    if (gloss_is_acronym_token(last, (size_t)(l + llen - last)) &&
        acronym_matches(last, (size_t)(l + llen - last), g, glen))
        add_expansion(d, last, (size_t)(l + llen - last), g, glen);
}

struct extract_doc *extract_doc_new(const char *name, unsigned flags,
                                    const struct extract_oracle *oracle)
{
    assert(name);
    struct extract_doc *d = xcalloc(1, sizeof(*d));
    d->name = xstrdup(name);
    d->flags = flags;
    d->oracle = oracle;
    return d;
}

const struct extract_oracle *doc_oracle(const struct extract_doc *d)
{
    return d->oracle;
}

void doc_add_occ(struct extract_doc *d, struct occ *o)
{
    ALLOC_GROW(d->occs, d->nocc + 1, d->aocc);
    o->order = (unsigned)d->nocc;
    d->occs[d->nocc++] = *o;
}

void doc_add_reject(struct extract_doc *d, unsigned long line, const char *left, size_t llen,
                    const char *inner, size_t ilen, const char *reason)
{
    if (!(d->flags & EXTRACT_EXPLAIN))
        return;
    ALLOC_GROW(d->rejects, d->nrej + 1, d->arej);
    struct extract_reject *r = &d->rejects[d->nrej++];
    r->line = line;
    while (llen && *left == ' ')
        left++, llen--;
    r->left = xmemdupz(left, llen);
    r->inner = xmemdupz(inner, ilen);
    r->reason = reason;
}

void doc_note_unread(struct extract_doc *d, unsigned long line, unsigned long n)
{
    if (!d->unread)
        d->unread_line = line;
    d->unread += n;
}

unsigned long extract_doc_unread_groups(const struct extract_doc *d, unsigned long *first_line)
{
    if (first_line)
        *first_line = d->unread_line;
    return d->unread;
}

static void resolve_section(struct extract_doc *d);

/*
 * 1 when a line speaks of plain words: 다듬은 말 and 순화어 announcements,
 * 쉬운 우리말 releases. In such a document X(Y) after X(Y) is a list of
 * words and their plain replacements, where elsewhere it is a list of
 * labels (교육(AI디지털교과서), 전남(에너지)): the pair model weighs it.
 */
static int has_plain_cue(const char *s, size_t len)
{
    /* and the lists of words to replace: 일본식 용어, 어려운 행정 용어 */
    static const char *const cues[] = {
        "다듬은 말",   "다듬은말",  "순화",      "우리말",      "쉬운 말",   "바꿔 쓸",
        "대체어",      "대신할",    "갈음할",    "쉬운 용어",   "쉬운 표현", "일본식 용어",
        "일본식 표현", "일본어 투", "외래 용어", "어려운 용어", "행정 용어", NULL};
    /* the second bytes of the cues' first syllables (다 8B, 순 88, 우 9A, 쉬 89, 바 B0,
     * 대 8C, 갈 B0, 일 9D, 외 99, 어 96, 행 96), as bits over 0x80..0xBF: most syllables
     * fail this one test; the rest (이, 인 and 일 among them) compare the syllable's
     * three bytes before a cue's whole */
    static const uint64_t second = 1ull << 0x0B | 1ull << 0x08 | 1ull << 0x1A | 1ull << 0x09 |
                                   1ull << 0x30 | 1ull << 0x0C | 1ull << 0x1D | 1ull << 0x19 |
                                   1ull << 0x16;
    for (size_t i = 0; i + 6 <= len; i++) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0xEA || b > 0xED)
            continue;
        unsigned char b2 = (unsigned char)s[i + 1];
        if (b2 >= 0x80 && b2 <= 0xBF && (second >> (b2 - 0x80) & 1)) {
            for (const char *const *c = cues; *c; c++) {
                if ((*c)[2] != s[i + 2] || (*c)[1] != s[i + 1] || (*c)[0] != s[i])
                    continue;
                size_t n = strlen(*c);
                if (i + n <= len && !memcmp(s + i + 3, *c + 3, n - 3))
                    return 1;
            }
        }
        i += 2;
    }
    return 0;
}

/* Where the cue is looked for, when a section has pairs to decide: the lines that
 * hold them, and the document's title and lead, its first few KB (kept as they are
 * read). A text without pairs is never searched: reading stays as fast as iconv. */
#define PLAIN_CUE_LEAD 1024

/*
 * Keeps the end of line text in d->tail when the line may run on into a
 * bracket that opens the next one, as text wrapped at a fixed width does
 * (…제도개선 방안의 하나로 사전예산제도 / (Pre-Budget Consultation)의 도입을…): it ends
 * in a Hangul syllable that does not end a sentence (다, 요, 음, 함, 임). At most
 * TAIL_MAX bytes, from a space.
 */
static void keep_tail(struct extract_doc *d, const char *text, size_t len)
{
    d->tail_len = 0;
    while (len && (text[len - 1] == ' ' || text[len - 1] == '\t' || text[len - 1] == '\r'))
        len--;
    /* a Hangul syllable is three bytes, EA..ED first: most lines end otherwise (다.) */
    const unsigned char *e = (const unsigned char *)text + len - 3;
    if (len < 3 || e[0] < 0xEA || e[0] > 0xED)
        return;
    uint32_t c = (uint32_t)(e[0] & 0x0F) << 12 | (uint32_t)(e[1] & 0x3F) << 6 | (e[2] & 0x3F);
    if (!uc_is_hangul_syllable(c) || c == 0xB2E4 /* 다 */ || c == 0xC694 /* 요 */ ||
        c == 0xC74C /* 음 */ || c == 0xD568 /* 함 */ || c == 0xC784 /* 임 */)
        return;
    size_t from = 0;
    if (len > TAIL_MAX) {
        const char *sp = memchr(text + len - TAIL_MAX - 1, ' ', TAIL_MAX);
        if (!sp)
            return; /* one word of more than TAIL_MAX bytes: no term */
        from = (size_t)(sp + 1 - text);
    }
    memcpy(d->tail, text + from, len - from);
    d->tail_len = len - from;
}

/* 1 when the bracket that opens s closes on the line with a Hangul syllable glued
 * after it, as a sentence goes on ((Pre-Budget Consultation)의 도입을), not a
 * caption or a label ((사진) 참석자들, (단위: 억원)). */
static int runs_on(const char *s, size_t len)
{
    const char *close = memchr(s, ')', len);
    if (!close || close + 1 >= s + len)
        return 0;
    uint32_t c;
    utf8_decode(close + 1, (size_t)(s + len - close - 1), &c);
    return uc_is_hangul_syllable(c);
}

/*
 * Line text as written where its quotes or middle dots differ from the
 * normalised form (text_normalize_line_marked of raw), else NULL.
 */
static char *marked_line(const char *text, size_t len, const char *raw, size_t raw_len)
{
    if (!raw || (!memchr(text, '\'', len) && !memchr(text, '"', len) && !memchr(text, 0xC2, len)))
        return NULL;
    struct strbuf m = STRBUF_INIT;
    text_normalize_line_marked(raw, raw_len, &m);
    if (m.len == len && !memcmp(m.buf, text, len)) {
        strbuf_release(&m);
        return NULL;
    }
    return strbuf_detach(&m, NULL);
}

static void add_line(struct extract_doc *d, const char *text, size_t len, const char *raw,
                     size_t raw_len, unsigned long lineno)
{
    size_t before = d->nocc;
    /* a bracket that opens the line, the sentence going on after it, glosses the
     * words that end the previous one */
    size_t lead_sp = 0;
    while (lead_sp < len && (text[lead_sp] == ' ' || text[lead_sp] == '\t'))
        lead_sp++;
    const char *scan = text;
    size_t scan_len = len;
    if (d->tail_len && lead_sp < len && text[lead_sp] == '(' &&
        runs_on(text + lead_sp, len - lead_sp)) {
        strbuf_reset(&d->joined);
        strbuf_add(&d->joined, d->tail, d->tail_len);
        strbuf_addch(&d->joined, ' ');
        strbuf_add(&d->joined, text + lead_sp, len - lead_sp);
        scan = d->joined.buf;
        scan_len = d->joined.len;
    }
    keep_tail(d, text, len);
    if ((d->flags & EXTRACT_KEEP_TEXT) && !d->text_cut &&
        d->text_bytes + len + 1 > EXTRACT_TEXT_MAX)
        d->text_cut = lineno;
    if ((d->flags & EXTRACT_KEEP_TEXT) && !d->text_cut) {
        d->text_bytes += len + 1;
        ALLOC_GROW(d->text, d->ntext + 1, d->atext);
        ALLOC_GROW(d->text_len, d->ntext + 1, d->atext_len);
        ALLOC_GROW(d->text_no, d->ntext + 1, d->atext_no);
        d->text[d->ntext] = strpool_dup(&d->text_pool, text, len);
        d->text_len[d->ntext] = len;
        d->text_no[d->ntext++] = lineno;
    }
    if (memchr(text, 0xC2, len))
        scan_dot_expansions(d, text, len);
    if (d->lead.len < PLAIN_CUE_LEAD) {
        size_t n = PLAIN_CUE_LEAD - d->lead.len;
        strbuf_add(&d->lead, text, len < n ? len : n);
        strbuf_addch(&d->lead, '\n');
    }
    /* a ')' alone may close an acronym whose '(' a typo lost (scan.c) */
    if (!memchr(text, '(', len) && !memchr(text, ')', len) && !memchr(text, '<', len) &&
        !memchr(text, '[', len))
        return;
    scan_line(d, scan, scan_len, lineno, d->nlines);
    if (d->nocc > before) {
        ALLOC_GROW(d->lines, d->nlines + 1, d->alines);
        ALLOC_GROW(d->line_taken, d->nlines + 1, d->aline_taken);
        ALLOC_GROW(d->marked, d->nlines + 1, d->amarked);
        d->line_taken[d->nlines] = 0;
        /* a line joined to the end of the one before has no raw text of its own */
        d->marked[d->nlines] = scan == text ? marked_line(text, len, raw, raw_len) : NULL;
        if (d->marked[d->nlines])
            d->held += strlen(d->marked[d->nlines]) + 1;
        d->lines[d->nlines++] = xmemdupz(scan, scan_len);
        d->held += scan_len + 1;
        for (size_t i = before; i < d->nocc; i++) {
            const struct occ *o = &d->occs[i];
            d->held += sizeof(*o) + strlen(o->left) + strlen(o->gloss) + 2 +
                       (o->expansion ? strlen(o->expansion) + 1 : 0);
        }
        if (d->held > SECTION_MAX)
            resolve_section(d);
    }
}

void extract_doc_set_where(struct extract_doc *d, unsigned long lineno, const char *where)
{
    assert(d && where);
    if (lineno >= d->nwhere_at) {
        size_t n = d->nwhere_at ? d->nwhere_at : 64;
        while (n <= lineno)
            n = st_mult(n, 2);
        d->where_at = xrealloc(d->where_at, st_mult(n, sizeof(*d->where_at)));
        memset(d->where_at + d->nwhere_at, 0, (n - d->nwhere_at) * sizeof(*d->where_at));
        d->nwhere_at = n;
    }
    d->where_at[lineno] = d->where.len + 1;
    strbuf_addstr(&d->where, where);
    strbuf_addch(&d->where, '\0');
}

const char *extract_doc_where(const struct extract_doc *d, unsigned long lineno)
{
    if (lineno >= d->nwhere_at || !d->where_at[lineno])
        return NULL;
    return d->where.buf + d->where_at[lineno] - 1;
}

void extract_doc_add_line(struct extract_doc *d, const char *text, size_t len, unsigned long lineno)
{
    assert(d && (text || !len));
    assert(!d->finished);
    add_line(d, text, len, NULL, 0, lineno);
}

void extract_doc_add_line_raw(struct extract_doc *d, const char *text, size_t len, const char *raw,
                              size_t raw_len, unsigned long lineno)
{
    assert(d && (text || !len) && (raw || !raw_len));
    assert(!d->finished);
    add_line(d, text, len, raw, raw_len, lineno);
}

/*
 * An occurrence to sort by gloss, with the gloss's first eight bytes in
 * the record (big-endian, zero after its end): most comparisons are
 * settled there, and a section's glosses, scattered over the heap, are
 * read only when two begin alike.
 */
struct by_gloss {
    uint64_t head;
    const char *g; /* the gloss compared: as cleaned, or as reported */
    struct occ *o;
};

static uint64_t gloss_head(const char *g)
{
    uint64_t h = 0;
    int ended = 0;
    for (size_t i = 0; i < 8; i++) {
        unsigned char c = ended ? 0 : (unsigned char)g[i];
        ended = !c;
        h = h << 8 | c;
    }
    return h;
}

/* strcmp of the glosses (as unsigned bytes), then the order in the document. */
static int cmp_gloss(const void *a, const void *b)
{
    const struct by_gloss *x = a, *y = b;
    int c = 0;
    if (x->head != y->head)
        c = x->head < y->head ? -1 : 1;
    else if (x->head & 0xFF) /* eight bytes alike, neither ended: the rest decides */
        c = strcmp(x->g + 8, y->g + 8);
    return c ? c : (x->o->order > y->o->order) - (x->o->order < y->o->order);
}

/*
 * Fills v with the section's occurrences sorted by gloss, then by order:
 * all of them by the cleaned gloss, or with decided, those with a Korean
 * side by the gloss they report. Returns how many it filled.
 */
static size_t by_gloss(struct extract_doc *d, int decided, struct occ **v)
{
    struct by_gloss *s = xcalloc(d->nocc ? d->nocc : 1, sizeof(*s));
    size_t n = 0;
    for (size_t i = 0; i < d->nocc; i++) {
        struct occ *o = &d->occs[i];
        if (decided && !o->ko)
            continue;
        s[n].g = decided ? o->gloss_out : o->gloss;
        s[n].head = gloss_head(s[n].g);
        s[n++].o = o;
    }
    qsort(s, n, sizeof(*s), cmp_gloss);
    for (size_t i = 0; i < n; i++)
        v[i] = s[i].o;
    free(s);
    return n;
}

/* Agreement: occurrences of the same gloss, normal direction. */
static void agree(struct extract_doc *d, struct doc_knowledge *k)
{
    struct occ **v = xcalloc(d->nocc ? d->nocc : 1, sizeof(*v));
    struct strbuf suf = STRBUF_INIT;
    by_gloss(d, 0, v);
    for (size_t i = 0; i < d->nocc;) {
        size_t j = i + 1;
        while (j < d->nocc && !strcmp(v[j]->gloss, v[i]->gloss))
            j++;
        strbuf_reset(&suf);
        if (j - i >= 2 && !(v[i]->flags & OCC_SHORTFORM) && span_agreement(v + i, j - i, &suf))
            knowledge_set_agreed(k, v[i]->gloss, suf.buf);
        i = j;
    }
    strbuf_release(&suf);
    free(v);
}

/* Korean sides of one gloss weighed in a section: a gloss with more has no one sense. */
#define SENSES_MAX 16

/* One Korean side of a gloss in a section. */
struct sense {
    const char *ko; /* that of its first occurrence */
    int named;      /* an occurrence pairs the acronym with the body's name (names_body) */
};

/*
 * 1 when o pairs acronym g with the name of the body it stands for beyond
 * doubt: the lexicon's name (유엔개발계획 for UNDP) or the acronym sounded
 * out (코트라 for KOTRA).
 */
static int names_body(const struct occ *o, const char *g)
{
    size_t kl = strlen(o->ko);
    return lexicon_is_ko_form(g, o->ko, kl) ||
           (o->kind == MODEL_KIND_ABBREV && score_sound_fit(o->ko, kl, g) >= SOUND_FIT_NAME);
}

/* 1 when side ko of a body's acronym is no name of the body, given its sides s[0..ns). */
static int names_other(const char *ko, const struct sense *s, size_t ns)
{
    size_t kl = strlen(ko);
    if (span_org_like(ko, kl))
        return 0; /* a body's name, if another body's */
    for (size_t m = 0; m < ns; m++)
        if (s[m].named && lexicon_shared_run(ko, kl, s[m].ko, strlen(s[m].ko)) >= 2)
            return 0; /* the name written another way (아프리카 연합 beside 아프리카연합) */
    return 1;
}

/*
 * One sense per document, for a body's acronym (the lexicon's kind "body"):
 * where the document pairs it with the body's name (names_body), another
 * Korean side before it that names no organisation and shares no two
 * characters with that name is something of the body's the bracket tags,
 * an affiliation, not a gloss: 본사(KOTRA) in a document that writes
 * 코트라(KOTRA), 동티모르 거버넌스 강화지원사업(UNDP) beside UNDP(유엔개발계획).
 * Its occurrences are dropped; letters read out (에이치케이(HK)) stay.
 */
static void one_sense(struct extract_doc *d)
{
    struct occ **v = xcalloc(d->nocc ? d->nocc : 1, sizeof(*v));
    unsigned char *sense_of = xcalloc(d->nocc ? d->nocc : 1, 1);
    size_t n = by_gloss(d, 1, v), j;
    struct sense s[SENSES_MAX];
    for (size_t i = 0; i < n; i = j) {
        const char *g = v[i]->gloss_out, *lk = lexicon_acronym_kind(g, strlen(g));
        size_t ns = 0;
        int body = lk && !strcmp(lk, "body"), named = 0;
        for (j = i; j < n && !strcmp(v[j]->gloss_out, g); j++) {
            if (!body || ns > SENSES_MAX)
                continue;
            size_t k = 0;
            while (k < ns && strcmp(s[k].ko, v[j]->ko))
                k++;
            if (k == SENSES_MAX) {
                ns = SENSES_MAX + 1; /* too many to be one sense: left alone */
                continue;
            }
            if (k == ns)
                s[ns++] = (struct sense){v[j]->ko, 0};
            if (names_body(v[j], g))
                named = s[k].named = 1;
            sense_of[j] = (unsigned char)k;
        }
        if (!named || ns < 2 || ns > SENSES_MAX)
            continue;
        int apart[SENSES_MAX];
        for (size_t k = 0; k < ns; k++)
            apart[k] = !s[k].named && names_other(s[k].ko, s, ns);
        for (size_t m = i; m < j; m++) {
            struct occ *o = v[m];
            if (apart[sense_of[m]] && !(o->flags & OCC_LETTERS)) {
                free(o->ko);
                o->ko = NULL;
                o->why = "the document names the acronym's body otherwise: an affiliation";
            }
        }
    }
    free(sense_of);
    free(v);
}

/*
 * A list of X(Y) items decides together: where most of its items were set aside
 * (labels, places, fields: 삼표산업(레미콘), 세익(온수분배기), 벽산(단열재)), the
 * few the rules let through are items of the same kind (태광후지킨(밸브)), not terms.
 * A Korean word for the loanword before it restates it whatever its neighbours
 * (탐색(디스커버리), 퓨전(융합), 인프라(기반)).
 */
static void chain_consensus(struct extract_doc *d)
{
    for (size_t i = 0, j; i < d->nocc; i = j) {
        size_t kept = 0, set_aside = 0;
        for (j = i; j < d->nocc && (d->occs[j].flags & OCC_CHAIN) &&
                    d->occs[j].line == d->occs[i].line && d->occs[j].chain == d->occs[i].chain;
             j++) {
            if (d->occs[j].flags & OCC_SAMETERM)
                continue;
            if (d->occs[j].ko)
                kept++;
            else
                set_aside++;
        }
        if (j == i) {
            j++;
            continue;
        }
        if (set_aside < 2 || set_aside <= kept)
            continue;
        for (size_t m = i; m < j; m++) {
            struct occ *o = &d->occs[m];
            if (o->ko && !(o->flags & OCC_REVERSED)) {
                free(o->ko);
                o->ko = NULL;
                o->why = "an item of a list whose other items are labels";
            }
        }
    }
}

/* Longest Korean side kept, in characters (as gloss.c's limit for a gloss). */
#define KO_TERM_MAX 60

/* Bytes of context: longer lines give a window this long around the gloss. */
#define CONTEXT_MAX 4096

/*
 * The context of a pair: its line, or for a line longer than CONTEXT_MAX
 * bytes (a paragraph of prose is shorter; generated or damaged text is
 * not) about CONTEXT_MAX bytes around the gloss's first appearance, cut at
 * character boundaries and marked with "…", so that JSONL output and the
 * termbase stay in proportion to the pairs.
 */
static const char *context_of(struct extract_doc *d, const char *line, const char *gloss,
                              unsigned char *taken /* OUT: 1 when line itself is returned */)
{
    size_t len = strlen(line), at, start, end;
    const char *g;
    struct strbuf sb = STRBUF_INIT;

    if (len <= CONTEXT_MAX) {
        if (taken)
            *taken = 1;
        return line;
    }
    g = strstr(line, gloss);
    at = g ? (size_t)(g - line) : 0;
    start = at > CONTEXT_MAX / 2 ? at - CONTEXT_MAX / 2 : 0;
    end = start + CONTEXT_MAX < len ? start + CONTEXT_MAX : len;
    while (start < end && ((unsigned char)line[start] & 0xC0) == 0x80)
        start++;
    while (end < len && end > start && ((unsigned char)line[end] & 0xC0) == 0x80)
        end--;
    if (start)
        strbuf_addstr(&sb, "…");
    strbuf_add(&sb, line + start, end - start);
    if (end < len)
        strbuf_addstr(&sb, "…");
    return own(d, strbuf_detach(&sb, NULL));
}

/*
 * s as line marked writes it, when s occurs in line, the normalised form of
 * marked (the same characters but for quotes and middle dots): for 육성·보호 of
 * a line that wrote 육성ㆍ보호, a copy 육성ㆍ보호. NULL when it reads the same or
 * the two cannot be lined up.
 */
static char *as_written(const char *line, const char *marked, const char *s)
{
    const char *at = strstr(line, s);
    if (!at)
        return NULL;
    size_t skip = utf8_count(line, (size_t)(at - line)), n = utf8_count(s, strlen(s));
    const char *from = marked, *end = marked + strlen(marked);
    uint32_t c;
    for (size_t i = 0; i < skip && from < end; i++)
        from += utf8_decode(from, (size_t)(end - from), &c);
    const char *to = from;
    for (size_t i = 0; i < n && to < end; i++)
        to += utf8_decode(to, (size_t)(end - to), &c);
    struct strbuf folded = STRBUF_INIT;
    char *copy = NULL;
    text_normalize_line(from, (size_t)(to - from), &folded);
    if (!strcmp(folded.buf, s) &&
        ((size_t)(to - from) != folded.len || memcmp(from, s, folded.len)))
        copy = xmemdupz(from, (size_t)(to - from));
    strbuf_release(&folded);
    return copy;
}

/*
 * Counts occurrence o in its pair, creating the pair on its first
 * occurrence; the pair takes over o's strings and, as context, its line, so
 * that they outlive the section. A pair is a term as the document writes it:
 * 한·중·일 환경장관회의 and 한‧중‧일 환경장관회의, the same once folded, are two
 * strings, so two pairs (the annotation's one row per distinct term).
 */
static void add_pair(struct extract_doc *d, struct occ *o)
{
    struct strbuf key = STRBUF_INIT;
    int created;
    const char *marked = d->marked[o->line_idx];
    char *ko_written = marked ? as_written(d->lines[o->line_idx], marked, o->ko) : NULL;
    char *gloss_written = marked ? as_written(d->lines[o->line_idx], marked, o->gloss_out) : NULL;
    strbuf_addstr(&key, ko_written ? ko_written : o->ko);
    strbuf_addch(&key, '\t');
    strbuf_addstr(&key, gloss_written ? gloss_written : o->gloss_out);
    struct strmap_entry *e = strmap_put(&d->index, key.buf, key.len, &created);
    if (created) {
        ALLOC_GROW(d->pairs, d->npairs + 1, d->apairs);
        struct extract_pair *p = &d->pairs[d->npairs];
        memset(p, 0, sizeof(*p));
        p->context =
            context_of(d, d->lines[o->line_idx], o->gloss_out, &d->line_taken[o->line_idx]);
        /* the forms the document writes replace the folded ones once the lexicons,
         * which key on the folded forms, have been asked (extract_doc_finish) */
        size_t need = 2 * (d->npairs + 1);
        if (need > d->nwritten) { /* pairs added otherwise (--cross) have no entries */
            ALLOC_GROW(d->written, need, d->awritten);
            memset(d->written + d->nwritten, 0, (need - d->nwritten) * sizeof(*d->written));
            d->nwritten = need;
        }
        d->written[2 * d->npairs] = ko_written;
        d->written[2 * d->npairs + 1] = gloss_written;
        ko_written = gloss_written = NULL;
        p->ko = own(d, o->ko);
        p->gloss = own(d, o->gloss_out);
        o->ko = o->gloss_out = NULL;
        p->kind = o->kind;
        p->line = o->line;
        p->reversed = (o->flags & OCC_REVERSED) != 0;
        p->source = "bracket";
        e->value = (void *)(d->npairs + 1);
        d->npairs++;
    }
    struct extract_pair *p = &d->pairs[(size_t)e->value - 1];
    p->count++;
    free(ko_written);
    free(gloss_written);
    strbuf_release(&key);
}

/*
 * English form and abbreviation from what the extractor knows: an English
 * gloss is its own English; an acronym's long form comes from the document,
 * else from the lexicon; a term the lexicon names gets its acronym.
 */
/*
 * Appends gloss g with every run of non-ASCII text the plain-words lexicon
 * knows replaced by its English (AI 컴퓨팅 인프라 -> AI 컴퓨팅 infrastructure).
 * Returns how many runs were replaced; *left counts the others.
 */
static size_t lexicon_english_runs(const char *g, struct strbuf *out, size_t *left /* OUT */)
{
    size_t replaced = 0, len = strlen(g);

    *left = 0;
    for (size_t i = 0, j; i < len; i = j) {
        int ascii = (unsigned char)g[i] < 0x80;
        for (j = i; j < len && ((unsigned char)g[j] < 0x80) == ascii; j++)
            ;
        const char *en = ascii ? NULL : lexicon_loanword_en(g + i, j - i);
        if (en) { /* a word of its own: 글로벌 R&D센터 -> global R&D center, but a
                   * hyphen joins it: K-가이드 -> K-guide */
            if (out->len && out->buf[out->len - 1] != ' ' && out->buf[out->len - 1] != '-')
                strbuf_addch(out, ' ');
            strbuf_addstr(out, en);
            if (j < len && g[j] != ' ' && g[j] != '-')
                strbuf_addch(out, ' ');
            replaced++;
        } else {
            strbuf_add(out, g + i, j - i);
            *left += !ascii;
        }
    }
    return replaced;
}

/*
 * A loanword gloss: the curated lexicon's English where it has the word,
 * else its transliteration (when an oracle is installed); a mixed gloss
 * takes the lexicon's English for the words it knows and transliterates
 * the rest, and is only as sure as its weakest part.
 */
static void fill_loanword_english(struct extract_doc *d, struct extract_pair *p)
{
    const struct extract_oracle *o = d->oracle;
    const char *whole = lexicon_loanword_en(p->gloss, strlen(p->gloss));
    const char *given = extract_doc_get_expansion(d, p->gloss);
    struct strbuf sub = STRBUF_INIT, en = STRBUF_INIT;
    size_t left, replaced;

    if (given) { /* the document writes it: (스마트 팩토리, Smart Factory) */
        p->en = given;
        p->confidence = 1.0;
        p->evidence = "corpus";
        return;
    }
    if (whole) {
        p->en = whole;
        p->confidence = LEXICON_LOANWORD_CONFIDENCE;
        p->evidence = "lexicon";
        return;
    }
    replaced = lexicon_english_runs(p->gloss, &sub, &left);
    if (!left) {
        p->en = own(d, strbuf_detach(&sub, NULL));
        p->confidence = LEXICON_LOANWORD_CONFIDENCE;
        p->evidence = "lexicon";
    } else if (o && o->english) {
        unsigned src = 0;
        double c = o->english(o->data, sub.buf, sub.len, &en, &src);
        if (c > 0 && en.len) {
            /* every source of a word, in the order lexicon, catalogues, transliteration */
            static const char *const names[2][4] = {
                {"translit", "translit", "l10n", "l10n+translit"},
                {"lexicon+translit", "lexicon+translit", "lexicon+l10n", "lexicon+l10n+translit"}};
            p->en = own(d, strbuf_detach(&en, NULL));
            p->confidence =
                replaced && c > LEXICON_LOANWORD_CONFIDENCE ? LEXICON_LOANWORD_CONFIDENCE : c;
            p->evidence = names[replaced != 0][src & 3];
        }
    }
    strbuf_release(&sub);
    strbuf_release(&en);
}

/*
 * How often the lexicon's one expansion of an acronym is the English of a
 * term whose Korean name the lexicon does not give (GPS of 위치확인시스템:
 * right; MVP of 최소 생존 개체 수: Minimum Viable Product, wrong), when the
 * term's morphemes do not deny it (morphemes_deny): the share right on the
 * dev split, 78 of 105 (tests/corpus/gate_eval.py --pairs, evidence
 * "derived", 2026-12-05; 84 of 129 before the morphemes were asked),
 * rounded down. Below the export gate, so such English is written only
 * with --all, as a guess.
 */
#define DERIVED_ACRONYM_CONFIDENCE 0.74

/*
 * 1 when the lexicon's morphemes read some of term ko and none of their
 * English is a word of en: the acronym's one expansion is another thing's
 * English (폐쇄회로, 회로 circuit: no Common Criteria; 조류인플루엔자: no
 * Artificial Intelligence). 0 when one is (위치확인시스템: System of Global
 * Positioning System) or when the lexicon reads none of ko (코이카).
 */
static int morphemes_deny(const char *ko, const char *en)
{
    size_t kl = strlen(ko);
    int read = 0;

    for (size_t i = 0, next; i < kl; i = next) {
        size_t ends[5], ne = 0;
        uint32_t c;
        next = i + utf8_decode(ko + i, kl - i, &c);
        for (size_t j = i; j < kl && ne < 5 && uc_is_hangul_syllable(c);) {
            j += utf8_decode(ko + j, kl - j, &c);
            if (uc_is_hangul_syllable(c))
                ends[ne++] = j;
        }
        /* the longest morpheme of two syllables or more that starts here */
        for (size_t e = ne; e-- > 1;) {
            const char *m[LEX_MAX_FORMS];
            size_t n = lexicon_morpheme_en(ko + i, ends[e] - i, m, LEX_MAX_FORMS);
            for (size_t x = 0; x < n; x++)
                if (span_english_in_expansion(m[x], strcspn(m[x], "|"), en))
                    return 0;
            if (n) {
                read = 1;
                next = ends[e];
                break;
            }
        }
    }
    return read;
}

/*
 * The lexicon's English of acronym a[0..alen) for p's term: sure (confidence
 * sure, evidence "lexicon") when a row of a names the term, a "derived" guess
 * otherwise (KCA of 한국소비자원 is the consumer agency; CC of 폐쇄회로 is no
 * Common Criteria). Returns 0, p unchanged, when the lexicon gives none.
 */
static int lexicon_english(struct extract_pair *p, const char *a, size_t alen, double sure)
{
    int agreed;
    const char *en = lexicon_acronym_en_for(a, alen, p->ko, strlen(p->ko), &agreed);
    if (!en || !*en || (!agreed && morphemes_deny(p->ko, en)))
        return 0;
    p->en = en;
    p->confidence = agreed ? sure : DERIVED_ACRONYM_CONFIDENCE;
    p->evidence = agreed ? "lexicon" : "derived";
    return 1;
}

/*
 * 1 when English en spells the letters of the lexicon's l, case and word
 * breaks aside, and breaks with a space a word l writes whole: a line end
 * of the source (International Telecommun ication Union, International
 * Labour Organi- zation). Breaks l writes otherwise are the document's
 * style and stay (Over The Top for Over-the-Top; Co-operation).
 */
static int splits_words_of(const char *en, const char *l)
{
    int split = 0;

    for (;;) {
        int spaced = 0, broken = 0;
        for (; *en == ' ' || *en == '-'; en++)
            spaced |= *en == ' ';
        for (; *l == ' ' || *l == '-'; l++)
            broken = 1;
        if (!*en || !*l)
            return !*en && !*l && split;
        if (ascii_lower((unsigned char)*en) != ascii_lower((unsigned char)*l))
            return 0;
        split |= spaced && !broken;
        en++;
        l++;
    }
}

/*
 * The English of an acronym gloss of several words (ICT R&D): the long
 * forms of its words, when all are known; a word whose Korean name the
 * term does not hold, beside one whose name it holds, is left out.
 */
static void words_english(struct extract_doc *d, struct extract_pair *p)
{
    struct strbuf en = STRBUF_INIT;
    int all = 1, any_held = 0;
    size_t n;

    for (const char *w = p->gloss; *w; w += n + strspn(w + n, " ")) {
        n = strcspn(w, " ");
        any_held |= lexicon_acronym_names(w, n, p->ko, strlen(p->ko)) == 1;
    }
    for (const char *w = p->gloss; *w && all; w += n + strspn(w + n, " ")) {
        n = strcspn(w, " ");
        if (any_held && lexicon_acronym_names(w, n, p->ko, strlen(p->ko)) == 0)
            continue; /* another body's: OECD of 공적개발원조 */
        const char *x = strmap_get(&d->expansions, w, n);
        const char *l = x ? x : lexicon_acronym_en(w, n);
        if (l && *l) {
            if (en.len)
                strbuf_addch(&en, ' ');
            strbuf_addstr(&en, l);
        } else {
            all = 0;
        }
    }
    if (all && en.len) {
        p->en = own(d, strbuf_detach(&en, NULL));
        p->confidence = 0.8;
        p->evidence = "lexicon";
    }
    strbuf_release(&en);
}

static void fill_english_one(struct extract_doc *d, struct extract_pair *p)
{
    {
        size_t glen = strlen(p->gloss);
        int latin_abbr = p->kind == MODEL_KIND_ABBREV || (p->kind == MODEL_KIND_SHORTFORM &&
                                                          gloss_is_acronym_token(p->gloss, glen));
        if (p->kind == MODEL_KIND_ENGLISH) {
            p->en = p->gloss;
            p->confidence = 1.0;
            p->evidence = "gloss";
        } else if (latin_abbr) {
            const char *x = strmap_get(&d->expansions, p->gloss, glen);
            p->abbr = p->gloss;
            p->expansion = x;
            if (x) {
                p->en = x;
                p->confidence = 0.95;
                p->evidence = "corpus";
            } else if (!lexicon_english(p, p->gloss, glen, 0.9) && strchr(p->gloss, ' ')) {
                words_english(d, p);
            }
        }
        if (!p->abbr) {
            const char *a = lexicon_acronym_for_ko(p->ko, strlen(p->ko));
            if (a) {
                p->abbr = a;
                if (!p->en) /* a row names the term: its English is sure */
                    lexicon_english(p, a, strlen(a), 0.85);
            }
        }
        if (p->en && p->abbr) {
            int agreed;
            const char *l =
                lexicon_acronym_en_for(p->abbr, strlen(p->abbr), p->ko, strlen(p->ko), &agreed);
            if (l && splits_words_of(p->en, l)) {
                if (p->expansion == p->en) /* the form exported beside it */
                    p->expansion = l;
                p->en = l;
            }
        }
    }
    if (!p->en && p->kind == MODEL_KIND_LOANWORD)
        fill_loanword_english(d, p);
}

/* A term with an acronym elsewhere in the document shares it. */
static void share_abbr(struct extract_doc *d, struct extract_pair *p)
{
    for (size_t j = 0; !p->abbr && j < d->npairs; j++) {
        const struct extract_pair *q = &d->pairs[j];
        if (q->kind == MODEL_KIND_ABBREV && !strcmp(q->ko, p->ko))
            p->abbr = q->gloss;
    }
}

static void fill_english(struct extract_doc *d)
{
    for (size_t i = 0; i < d->npairs; i++)
        fill_english_one(d, &d->pairs[i]);
    for (size_t i = 0; i < d->npairs; i++)
        share_abbr(d, &d->pairs[i]);
}

void extract_doc_set_en(struct extract_doc *d, size_t i, const char *en, double confidence,
                        const char *evidence)
{
    if (i >= d->npairs)
        return;
    d->pairs[i].en = en ? own(d, xstrdup(en)) : NULL;
    d->pairs[i].confidence = confidence;
    d->pairs[i].evidence = evidence ? own(d, xstrdup(evidence)) : NULL;
}

void extract_doc_add_pair(struct extract_doc *d, const char *ko, const char *gloss,
                          enum model_kind kind, unsigned long line, const char *source)
{
    assert(d && ko && gloss && source);
    assert(d->finished);
    ALLOC_GROW(d->pairs, d->npairs + 1, d->apairs);
    struct extract_pair *p = &d->pairs[d->npairs++];
    memset(p, 0, sizeof(*p));
    p->ko = own(d, xstrdup(ko));
    p->gloss = own(d, xstrdup(gloss));
    p->kind = kind;
    p->line = line;
    p->count = 1;
    p->source = own(d, xstrdup(source));
    for (size_t i = 0; i < d->ntext; i++)
        if (d->text_no[i] == line)
            p->context = context_of(d, d->text[i], gloss, NULL);
    fill_english_one(d, p);
    share_abbr(d, p);
}

unsigned long extract_doc_text_cut(const struct extract_doc *d)
{
    return d->text_cut;
}

size_t extract_doc_text_count(const struct extract_doc *d)
{
    return d->ntext;
}

const char *extract_doc_get_text(const struct extract_doc *d, size_t i, size_t *len,
                                 unsigned long *lineno)
{
    if (i >= d->ntext)
        return NULL;
    *len = d->text_len[i];
    *lineno = d->text_no[i];
    return d->text[i];
}

const char *extract_doc_get_expansion(const struct extract_doc *d, const char *s)
{
    return strmap_get(&d->expansions, s, strlen(s));
}

/* Frees the section's occurrences and the lines no pair took as context. */
static void release_section(struct extract_doc *d)
{
    for (size_t i = 0; i < d->nocc; i++) {
        struct occ *o = &d->occs[i];
        free(o->left);
        free(o->gloss);
        free(o->expansion);
        free(o->ko);
        free(o->gloss_out);
        free(o->cand);
    }
    d->nocc = 0;
    for (size_t i = 0; i < d->nlines; i++) {
        if (d->line_taken[i])
            own(d, d->lines[i]);
        else
            free(d->lines[i]);
        free(d->marked[i]);
    }
    d->nlines = 0;
    d->held = 0;
}

/*
 * Decides the spans of the section's occurrences and adds them to the
 * pairs (or, with --explain, the rejects); frees the section.
 */
static void resolve_section(struct extract_doc *d)
{
    struct doc_knowledge *k;
    struct strmap facts = STRMAP_INIT; /* the span model's, by token (score_decide) */

    k = knowledge_new();
    if (!d->plain_doc && d->nocc) {
        d->plain_doc = has_plain_cue(d->lead.buf, d->lead.len);
        for (size_t i = 0; i < d->nlines && !d->plain_doc; i++)
            d->plain_doc = has_plain_cue(d->lines[i], strlen(d->lines[i]));
    }
    for (size_t i = 0; i < d->nocc; i++) {
        occ_expansion(d, &d->occs[i]);
        if (d->plain_doc)
            d->occs[i].flags |= OCC_PLAIN_DOC;
        else if (d->occs[i].flags & OCC_DOTTED)
            d->occs[i].why = "enumeration"; /* (AI·반도체) lists things, as before */
    }
    agree(d, k);
    for (size_t i = 0; i < d->nocc; i++) {
        struct occ *o = &d->occs[i];
        span_decide(o, k, d->oracle, 1);
        /* (ERI, 이하 극동경제연구원): the acronym (or an English name) names the term
         * the short form does;
         * (懈怠, 게으름): the restatement glosses the term the hanja's reading found */
        size_t h = i;
        while (h > 0 && (d->occs[h].flags & OCC_SAMETERM))
            h--; /* the bracket's first gloss: the others follow it */
        if (h < i && (o->flags & OCC_SAMETERM) && d->occs[h].ko &&
            (d->occs[h].flags & (OCC_SHORTFORM | OCC_HANJA))) {
            struct ko_script gs;
            ko_script_of(o->gloss, strlen(o->gloss), &gs);
            free(o->ko);
            o->ko = xstrdup(d->occs[h].ko);
            free(o->gloss_out);
            o->gloss_out = xstrdup(o->gloss);
            o->kind = !gs.latin ? MODEL_KIND_NATIVE /* 게으름 of 懈怠; 國立國語院 */
                      : gloss_is_acronym_token(o->gloss, strlen(o->gloss))
                          ? MODEL_KIND_ABBREV
                          : MODEL_KIND_ENGLISH; /* (Child Friendly Cities, 이하 아동친화도시) */
            o->why = NULL;
        }
        if (o->ko)
            knowledge_add(k, o->gloss_out, o->ko);
    }
    for (size_t i = 0; i < d->nocc; i++) {
        struct occ *o = &d->occs[i];
        span_decide(o, k, d->oracle, 2);
        if (o->ko)
            knowledge_add_sibling(k, o->gloss, o->ko);
    }
    for (size_t i = 0; i < d->nocc; i++)
        span_extend_by_siblings(&d->occs[i], k);
    for (size_t i = 0; i < d->nocc; i++) {
        struct occ *o = &d->occs[i];
        char *why = NULL;
        size_t before = d->nfeat;
        /* 유네스코(UNESCO, 국제연합교육과학문화기구): the Korean name glosses the term the
         * acronym was paired with, not the loanword before the bracket; so does one that
         * sounds the acronym out (동남아국가연합(ASEAN·아세안)). One word shorter than the
         * term names something else: the body that runs a service (홈택스서비스(HTS·국세청)),
         * the quantity a unit measures (킬로그램(kg, 질량)). The pair stands without the
         * pair model when one Korean side reads the Latin gloss, a loanword restated (유네스코
         * and UNESCO, 아세안 and ASEAN); else the model decides, as for any native gloss:
         * 장소(Seoul, 부산), 온라인(Zoom, 비대면 방식) restate nothing. An item of two
         * syllables has two or three consonants to match, so it must sound closer: 부산
         * shares two of Event's three (행사(Event, 부산)), 유엔 all of UN's (기구(UN, 유엔)) */
        const struct occ *h = (o->flags & OCC_RESTATES) ? &d->occs[i - o->back] : NULL;
        size_t gl = strlen(o->gloss);
        int sounds =
            h && score_sound_fit(o->gloss, gl, h->gloss) >=
                     (ko_syllable_count(o->gloss, gl) <= 2 ? SOUND_FIT_WORD : SOUND_FIT_NAME);
        if (h && h->ko && !(h->flags & OCC_REVERSED) &&
            (sounds || strchr(o->gloss, ' ') ||
             ko_syllable_count(o->gloss, gl) >= ko_syllable_count(h->ko, strlen(h->ko)))) {
            free(o->ko);
            o->ko = xstrdup(h->ko);
            free(o->gloss_out);
            o->gloss_out = xstrdup(o->gloss);
            o->kind = sounds ? MODEL_KIND_LOANWORD : MODEL_KIND_NATIVE;
            o->flags &= ~(unsigned)OCC_REVERSED; /* span.c may have read it so */
            o->why = NULL;
            if (sounds || score_sound_fit(h->ko, strlen(h->ko), h->gloss) >= SOUND_FIT_NAME)
                continue;
        }
        score_decide(o, d->lines[o->line_idx], d->oracle, &facts, &why,
                     (d->flags & EXTRACT_FEATURES) ? &d->feats : NULL, &d->nfeat, &d->afeat);
        if (why && (d->flags & EXTRACT_EXPLAIN)) {
            o->why = own(d, why); /* printed with the rejects */
        } else if (why) {
            free(why); /* one per rejected occurrence: not kept unless asked for */
            o->why = "model rejected";
        }
        if (d->nfeat > before) {
            ALLOC_GROW(d->feat_line, d->nfeat, d->afeat_line);
            for (size_t f = before; f < d->nfeat; f++)
                d->feat_line[f] = o->line;
        }
    }
    one_sense(d);
    chain_consensus(d);
    for (size_t i = 0; i < d->nocc; i++) {
        struct occ *o = &d->occs[i];
        if (o->ko && utf8_count(o->ko, strlen(o->ko)) > KO_TERM_MAX) {
            free(o->ko); /* a run of text with no boundary in it, not a term */
            o->ko = NULL;
            o->why = "Korean side longer than 60 characters";
        } else if (o->ko && !strcmp(o->ko, o->gloss_out)) {
            /* a short form that repeats the end of a name cut short by a stop
             * (대학생 SNS 서포터즈(이하 ‘서포터즈’)): the term is longer, or none */
            free(o->ko);
            o->ko = NULL;
            o->why = "the term is its own gloss";
        }
        if (o->ko)
            add_pair(d, o);
        else if (o->why && (d->flags & EXTRACT_EXPLAIN)) {
            ALLOC_GROW(d->rejects, d->nrej + 1, d->arej);
            struct extract_reject *r = &d->rejects[d->nrej++];
            r->line = o->line;
            r->left = xstrdup(o->left);
            r->inner = xstrdup(o->gloss);
            r->reason = o->why;
        }
    }
    strmap_release(&facts, free);
    knowledge_free(k);
    release_section(d);
}

void extract_doc_finish(struct extract_doc *d)
{
    assert(d);
    if (d->finished)
        return;
    d->finished = 1;
    resolve_section(d);
    strmap_release(&d->index, NULL);
    fill_english(d);
    for (size_t i = 0; 2 * i + 1 < d->nwritten; i++) {
        struct extract_pair *p = &d->pairs[i];
        char *ko = d->written[2 * i], *gloss = d->written[2 * i + 1];
        if (ko)
            p->ko = own(d, ko);
        if (gloss) {
            if (p->en == p->gloss)
                p->en = gloss; /* an English gloss is its own English */
            p->gloss = own(d, gloss);
        }
        d->written[2 * i] = d->written[2 * i + 1] = NULL;
    }
}

size_t extract_doc_count(const struct extract_doc *d)
{
    return d->npairs;
}

const struct extract_pair *extract_doc_get(const struct extract_doc *d, size_t i)
{
    return i < d->npairs ? &d->pairs[i] : NULL;
}

size_t extract_doc_feature_count(const struct extract_doc *d)
{
    return d->nfeat;
}

void extract_doc_get_feature(const struct extract_doc *d, size_t i, struct extract_feature *out)
{
    out->line = d->feat_line[i];
    out->model = d->feats[i].model;
    out->ko = d->feats[i].ko;
    out->gloss = d->feats[i].gloss;
    out->features = d->feats[i].features;
}

size_t extract_doc_reject_count(const struct extract_doc *d)
{
    return d->nrej;
}

const struct extract_reject *extract_doc_get_reject(const struct extract_doc *d, size_t i)
{
    return i < d->nrej ? &d->rejects[i] : NULL;
}

const char *extract_doc_get_name(const struct extract_doc *d)
{
    return d->name;
}

void extract_doc_free(struct extract_doc *d)
{
    if (!d)
        return;
    release_section(d); /* when not finished */
    strmap_release(&d->index, NULL);
    for (size_t i = 0; i < d->nfeat; i++) {
        free(d->feats[i].ko);
        free(d->feats[i].gloss);
        free(d->feats[i].features);
    }
    free(d->feats);
    free(d->feat_line);
    free(d->line_taken);
    strbuf_release(&d->where);
    strbuf_release(&d->lead);
    strbuf_release(&d->joined);
    free(d->where_at);
    for (size_t i = 0; i < d->nrej; i++) {
        free((char *)d->rejects[i].left);
        free((char *)d->rejects[i].inner);
    }
    free(d->rejects);
    for (size_t i = 0; i < d->nowned; i++)
        free(d->owned[i]);
    strpool_release(&d->text_pool);
    free(d->text);
    free(d->text_len);
    free(d->text_no);
    free(d->owned);
    strmap_release(&d->expansions, free);
    free(d->lines);
    free(d->marked);
    for (size_t i = 0; i < d->nwritten; i++)
        free(d->written[i]);
    free(d->written);
    free(d->occs);
    free(d->pairs);
    free(d->name);
    free(d);
}
