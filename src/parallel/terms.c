/*
 * terms.c - confirming and proposing the English of terms from aligned segments (terms.h).
 */
#include <stdlib.h>
#include <string.h>

#include "align/translit.h"
#include "model/concept.h"
#include "parallel/terms.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"
#include "util/banned.h"

const char *par_term_verdict_name(enum par_term_verdict v)
{
    static const char *const names[] = {"unseen", "confirmed", "proposed", "absent"};
    return names[v];
}

static int word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

/*
 * Whether s holds w as whole words, in any case; a plural -s or -es after
 * the last word counts (clouds for cloud).
 */
static int has_words(const char *s, const char *w)
{
    size_t wl = strlen(w);
    if (!wl)
        return 0;
    for (const char *p = s; *p; p++) {
        if (p > s && word_byte((unsigned char)p[-1]))
            continue;
        size_t k = 0;
        while (k < wl && p[k] && lower((unsigned char)p[k]) == lower((unsigned char)w[k]))
            k++;
        if (k < wl)
            continue;
        const char *e = p + wl;
        if (*e == 's' && !word_byte((unsigned char)e[1]))
            e++;
        else if (e[0] == 'e' && e[1] == 's' && !word_byte((unsigned char)e[2]))
            e += 2;
        if (!word_byte((unsigned char)*e))
            return 1;
    }
    return 0;
}

/* The segment of link side (ko or en) joined by spaces into out. */
static void segment(struct strbuf *out, const struct par_doc *d, size_t first, unsigned n)
{
    strbuf_reset(out);
    for (unsigned k = 0; k < n; k++) {
        if (k)
            strbuf_addch(out, ' ');
        strbuf_add(out, par_sentence_text(d, first + k), d->sent[first + k].len);
    }
}

static int all_hangul_or_space(const char *s)
{
    size_t len = strlen(s);
    int any = 0;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t k = utf8_decode(s + i, len - i, &c);
        if (!k)
            return 0;
        if (uc_is_hangul_syllable(c))
            any = 1;
        else if (c != ' ')
            return 0;
        i += k;
    }
    return any;
}

/*
 * A proposal for the loanword gloss from the English segment: for each
 * Hangul word, the best transliteration candidate the segment holds; all
 * words must have one. Returns 1 with the words joined into out.
 */
static int propose(struct translit *t, const char *loanword, const char *en_seg, struct strbuf *out)
{
    struct translit_candidate cand[10];
    const char *p = loanword;

    strbuf_reset(out);
    while (*p) {
        while (*p == ' ')
            p++;
        const char *q = p;
        while (*q && *q != ' ')
            q++;
        if (q == p)
            break;
        int n = translit_lookup(t, p, (size_t)(q - p), cand, 10), hit = -1;
        for (int i = 0; i < n && hit < 0; i++)
            if (has_words(en_seg, cand[i].en))
                hit = i;
        if (hit < 0)
            return 0;
        if (out->len)
            strbuf_addch(out, ' ');
        strbuf_addstr(out, cand[hit].en);
        p = q;
    }
    return out->len > 0;
}

void par_term_check(const struct extract_pair *pair, const struct par_doc *ko,
                    const struct par_doc *en, const struct par_alignment *al, struct translit *t,
                    struct par_term *out)
{
    struct strbuf ks = STRBUF_INIT, es = STRBUF_INIT, prop = STRBUF_INIT;
    const char *loanword =
        pair->kind == MODEL_KIND_LOANWORD && all_hangul_or_space(pair->gloss) ? pair->gloss : NULL;
    /* a transliteration guess may be wrong: the aligned English may say otherwise */
    int guess = !pair->en || (pair->evidence && strstr(pair->evidence, "translit"));
    const struct par_link *confirmed = NULL, *proposed = NULL;
    char *proposal = NULL;

    memset(out, 0, sizeof(*out));
    out->pair = pair;
    for (size_t i = 0; i < al->n; i++) {
        const struct par_link *l = &al->links[i];
        segment(&ks, ko, l->ko, l->nko);
        if (!strstr(ks.buf, pair->ko) && !(loanword && strstr(ks.buf, loanword)))
            continue;
        out->links++;
        segment(&es, en, l->en, l->nen);
        if (pair->en && has_words(es.buf, pair->en)) {
            out->found++;
            if (!confirmed)
                confirmed = l;
        } else if (!confirmed && guess && loanword && t && propose(t, loanword, es.buf, &prop)) {
            if (!proposal) {
                proposal = xstrdup(prop.buf);
                proposed = l;
            }
        }
    }
    if (confirmed) {
        out->verdict = PAR_TERM_CONFIRMED;
        out->parallel_en = xstrdup(pair->en);
        out->example = confirmed;
        free(proposal);
    } else if (proposal) {
        out->verdict = PAR_TERM_PROPOSED;
        out->parallel_en = proposal;
        out->example = proposed;
        /* count the segments holding the proposal */
        out->found = 0;
        for (size_t i = 0; i < al->n; i++) {
            const struct par_link *l = &al->links[i];
            segment(&ks, ko, l->ko, l->nko);
            if (!strstr(ks.buf, pair->ko) && !strstr(ks.buf, loanword))
                continue;
            segment(&es, en, l->en, l->nen);
            out->found += has_words(es.buf, proposal) != 0;
        }
    } else {
        out->verdict = out->links ? PAR_TERM_ABSENT : PAR_TERM_UNSEEN;
    }
    strbuf_release(&ks);
    strbuf_release(&es);
    strbuf_release(&prop);
}

int par_term_to_model(const struct par_term *term, struct model_pair *p)
{
    double score, have;

    if (term->verdict != PAR_TERM_CONFIRMED && term->verdict != PAR_TERM_PROPOSED)
        return 0;
    score =
        term->verdict == PAR_TERM_CONFIRMED ? PAR_TERM_SCORE_CONFIRMED : PAR_TERM_SCORE_PROPOSED;
    /* as the termbase will rate each (termbase.c: doc_add, add_form) */
    have = p->en && p->en_source
               ? model_form_confidence(model_source_of_evidence(p->en_source), p->en_score)
               : 0;
    if (have >= model_form_confidence(MODEL_SOURCE_PARALLEL, score))
        return 0;
    p->en = term->parallel_en;
    p->en_source = MODEL_SOURCE_PARALLEL;
    p->en_score = score;
    return 1;
}

void par_terms_write_header(FILE *fp)
{
    fputs("ko\tgloss\tkind\ten\tevidence\tparallel\tparallel_en\tlinks\tfound\tko_file\ten_file"
          "\texample_en\n",
          fp);
}

static void field(FILE *fp, const char *s)
{
    for (; s && *s; s++)
        fputc(*s == '\t' || *s == '\n' ? ' ' : *s, fp);
}

void par_terms_write(FILE *fp, const struct par_term *term, const struct par_doc *en,
                     const char *ko_name, const char *en_name)
{
    const struct extract_pair *p = term->pair;
    field(fp, p->ko);
    fputc('\t', fp);
    field(fp, p->gloss);
    fprintf(fp, "\t%s\t", model_kind_name(p->kind));
    field(fp, p->en);
    fputc('\t', fp);
    field(fp, p->evidence);
    fprintf(fp, "\t%s\t", par_term_verdict_name(term->verdict));
    field(fp, term->parallel_en);
    fprintf(fp, "\t%u\t%u\t", term->links, term->found);
    field(fp, ko_name);
    fputc('\t', fp);
    field(fp, en_name);
    fputc('\t', fp);
    if (term->example)
        for (unsigned k = 0; k < term->example->nen; k++) {
            if (k)
                fputc(' ', fp);
            field(fp, par_sentence_text(en, term->example->en + k));
        }
    fputc('\n', fp);
}
