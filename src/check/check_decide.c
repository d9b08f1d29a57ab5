/*
 * check_decide.c - the decision pass: walking the occurrences in order
 * and turning them into findings and fixes (see check.c).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_int.h"
#include "text/korean.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"
#include "util/banned.h"

/* ---- deciding ------------------------------------------------------------------------- */

/* Per group: the renderings the document uses, and what it should use. */
struct group_state {
    size_t target;             /* concept the document should use */
    unsigned long target_line; /* first line using the target, or 0 */
    int nrender;               /* concepts used as renderings: 0, 1, 2 (or more) */
    size_t first_concept;      /* the first one used */
    int introduced;            /* a foreign form was introduced */
};

static void result_add(struct check_result *r, enum check_rule rule, const struct line *lines,
                       const struct occ *o, const char *suggestion, const char *term, int first_use,
                       unsigned long ref_line, size_t fix_b0, size_t fix_b1, const char *fix_text)
{
    struct check_finding *f;
    struct finding_fix *x;
    const char *ls = lines[o->line].s;

    ALLOC_GROW(r->f, r->n + 1, r->alloc);
    ALLOC_GROW(r->fix, r->n + 1, r->fix_alloc);
    f = &r->f[r->n];
    x = &r->fix[r->n];
    r->n++;
    f->rule = rule;
    f->line = (unsigned long)o->line + 1;
    f->column = o->col;
    f->found = xmemdupz(ls + o->b0, o->b1 - o->b0);
    f->suggestion = xstrdup(suggestion);
    f->term = xstrdup(term);
    f->first_use = first_use;
    f->ref_line = ref_line;
    x->line = o->line;
    x->b0 = fix_b0;
    x->b1 = fix_b1;
    x->text = xstrdup(fix_text);
}

/*
 * Records a finding for occurrence o: the text o->b0..b1 becomes
 * suggestion, and a following particle agrees with agree (the word before
 * any parenthesis): it is kept when agree does not end in a syllable.
 */
static void finding(struct check_result *r, enum check_rule rule, const struct line *lines,
                    const struct occ *o, const char *suggestion, const char *term,
                    const char *agree, int first_use, unsigned long ref_line)
{
    struct strbuf fix = STRBUF_INIT;
    size_t end = o->b1;

    strbuf_addstr(&fix, suggestion);
    if (o->particle >= 0) {
        const char *p = ko_particle_agreeing(o->particle, agree);
        if (p) {
            strbuf_addstr(&fix, p);
            end = o->pb1;
        }
    }
    result_add(r, rule, lines, o, suggestion, term, first_use, ref_line, o->b0, end, fix.buf);
    strbuf_release(&fix);
}

void check_decide(struct check_glossary *g, const struct scan *sc, const struct line *lines,
                  struct check_result *r)
{
    struct group_state *gs = xcalloc(g->nc + 1, sizeof(*gs));
    unsigned char *defined = xcalloc(g->np + 1, 1);
    unsigned long *def_line = xcalloc(g->np + 1, sizeof(*def_line));
    struct strbuf s = STRBUF_INIT;

    /* pre-pass: renderings used per group, and where abbreviations are defined */
    for (size_t i = 0; i < sc->n; i++) {
        const struct occ *o = &sc->o[i];
        size_t gr, pp = o->role == OCC_REVERSED ? o->inner : o->pat;
        struct group_state *st;

        if (o->role == OCC_DEFINED && g->p[o->pat].type == MODEL_FORM_ABBREV && !def_line[o->pat])
            def_line[o->pat] = (unsigned long)o->line + 1;
        if (o->role != OCC_PLAIN && o->role != OCC_REVERSED)
            continue;
        gr = check_group_of(g, pp);
        st = &gs[gr];
        if (!st->nrender) {
            st->first_concept = g->p[pp].concept;
            st->nrender = 1;
        } else if (st->first_concept != g->p[pp].concept) {
            st->nrender = 2;
        }
    }
    for (size_t ci = 0; ci < g->nc; ci++) {
        struct group_state *st = &gs[ci];
        if (check_uf_find(g, ci) != ci)
            continue;
        st->target = st->nrender == 1 ? st->first_concept : g->best[ci];
    }
    /* the target's rendering key and first line, for messages */
    for (size_t i = 0; i < sc->n; i++) {
        const struct occ *o = &sc->o[i];
        size_t pp = o->role == OCC_REVERSED ? o->inner : o->pat;
        struct group_state *st;

        if (o->role != OCC_PLAIN && o->role != OCC_REVERSED)
            continue;
        st = &gs[check_group_of(g, pp)];
        if (!st->target_line && g->p[pp].concept == st->target)
            st->target_line = (unsigned long)o->line + 1;
    }

    for (size_t i = 0; i < sc->n; i++) {
        const struct occ *o = &sc->o[i];
        const struct pattern *p = &g->p[o->pat];
        struct group_state *st = &gs[check_group_of(g, o->pat)];
        const char *term = g->c[st->target].plain;
        char *found = xmemdupz(lines[o->line].s + o->b0, o->tb1 - o->b0);
        enum check_rule rule = p->type == MODEL_FORM_ABBREV    ? CHECK_RULE_ABBREV
                               : p->type == MODEL_FORM_ENGLISH ? CHECK_RULE_ENGLISH
                                                               : CHECK_RULE_LOANWORD;

        strbuf_reset(&s);
        switch (o->role) {
        case OCC_PLAIN:
            if (st->nrender > 1 && p->concept != st->target)
                finding(r, CHECK_RULE_INCONSISTENT, lines, o, term, term, term, 0, st->target_line);
            break;
        case OCC_DEFINED:
            st->introduced = 1;
            if (p->type == MODEL_FORM_ABBREV)
                defined[o->pat] = 1;
            break;
        case OCC_FOREIGN:
            if (p->type == MODEL_FORM_ABBREV) {
                if (defined[o->pat])
                    break;
                strbuf_addf(&s, "%s(%s)", term, found);
                finding(r, rule, lines, o, s.buf, term, term, 1,
                        def_line[o->pat] > o->line + 1 ? def_line[o->pat] : 0);
                defined[o->pat] = 1;
                st->introduced = 1;
            } else if (!st->introduced) {
                strbuf_addf(&s, "%s(%s)", term, found);
                finding(r, rule, lines, o, s.buf, term, term, 1, 0);
                st->introduced = 1;
            } else {
                finding(r, rule, lines, o, term, term, term, 0, 0);
            }
            break;
        case OCC_REVERSED:
            if (p->type == MODEL_FORM_ABBREV ? !defined[o->pat] : !st->introduced) {
                strbuf_addf(&s, "%s(%s)", term, found);
                finding(r, CHECK_RULE_ORDER, lines, o, s.buf, term, term, 1, 0);
            } else if (p->type == MODEL_FORM_ABBREV) {
                finding(r, CHECK_RULE_ORDER, lines, o, found, term, found, 0, 0);
            } else {
                finding(r, CHECK_RULE_ORDER, lines, o, term, term, term, 0, 0);
            }
            if (p->type == MODEL_FORM_ABBREV)
                defined[o->pat] = 1;
            st->introduced = 1;
            break;
        }
        free(found);
    }
    strbuf_release(&s);
    free(gs);
    free(defined);
    free(def_line);
}
