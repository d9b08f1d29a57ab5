#!/usr/bin/env python3
"""Evaluate `dadeum align` on the LibreOffice help (issue 18), a gold no one here wrote.

Debian's libreoffice-help-ko and libreoffice-help-en-us ship the same help pages
in both languages; every paragraph carries the same id (par_id..., hd_id...) in
both. This script

  make  ROOT OUT [--module swriter | --sample N [--exclude swriter]] [--seed S]
        [--drop F]
        picks pages present in both languages (all pages of one module, or N
        pages drawn with a seeded generator, outside a module), leaves out a
        seeded fraction F of the Korean paragraphs when asked, writes OUT/ko.txt and OUT/en.txt
        (one paragraph per line, no id markup; pages separated by nothing, as
        one long document) and OUT/gold.tsv (ko line, en line) from the ids;
  score OUT ALIGN.tsv [--sentences] [--sentence-gold FILE]
        scores `dadeum align --format tsv` output (or hunalign's ladder with
        --ladder) against the gold: paragraph links, and with --sentences
        sentence links (see docs/sentence-alignment.md for what the sentence
        gold is). OUT may also be a gold file itself (ko line, en line; '#'
        starts a comment), and --sentence-gold reads a hand-made sentence gold
        (ko_pos, en_pos as in the TSV) instead of deriving one: the
        government releases of tests/data/align/gov/.

ROOT is the directory holding ko/ and en-US/ (usr/share/libreoffice/help).
Standard library only.
"""
import html.parser
import os
import random
import re
import sys

ID_RE = re.compile(r'^(par|hd)_id')
SKIP_TAGS = {'script', 'style', 'head', 'title'}
VOID = {'br', 'img', 'input', 'meta', 'link', 'hr', 'col', 'wbr', 'area', 'base', 'source'}


class Paras(html.parser.HTMLParser):
    """Text of every element whose id is par_id... or hd_id..., in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []   # [tag, id or None]
        self.open = []    # indexes into self.out of paragraphs being collected
        self.out = []     # [id, [text pieces]]
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        pid = dict(attrs).get('id') or ''
        rec = None
        if ID_RE.match(pid) and not self.open:
            rec = len(self.out)
            self.out.append([pid, []])
            self.open.append(rec)
        self.stack.append((tag, rec))
        if tag in SKIP_TAGS:
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        # close up to the matching tag (the pages are well formed but be lenient)
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                for t, rec in self.stack[k:]:
                    if rec is not None:
                        self.open.remove(rec)
                    if t in SKIP_TAGS:
                        self.skip -= 1
                del self.stack[k:]
                return

    def handle_data(self, data):
        if self.open and not self.skip:
            self.out[self.open[0]][1].append(data)


def paragraphs(path):
    p = Paras()
    with open(path, encoding='utf-8') as f:
        p.feed(f.read())
    res = []
    for pid, pieces in p.out:
        text = ' '.join(''.join(pieces).split())
        if text:
            res.append((pid, text))
    return res


def pages(root):
    ko, en = os.path.join(root, 'ko'), os.path.join(root, 'en-US')
    out = []
    for d, _, files in os.walk(os.path.join(ko, 'text')):
        for f in files:
            if f.endswith('.html'):
                rel = os.path.relpath(os.path.join(d, f), ko)
                if os.path.exists(os.path.join(en, rel)):
                    out.append(rel)
    return sorted(out)


def make(root, out, module=None, sample=None, seed=18, exclude=None, drop=0.0):
    rels = pages(root)
    if module:
        rels = [r for r in rels if r.startswith('text/' + module + '/')]
    if exclude:
        rels = [r for r in rels if not r.startswith('text/' + exclude + '/')]
    if sample:
        rels = sorted(random.Random(seed).sample(rels, min(sample, len(rels))))
    os.makedirs(out, exist_ok=True)
    ko_lines, en_lines, gold = [], [], []
    # --drop: a seeded fraction of the Korean paragraphs is left out, as when a translation
    # skips or merges passages (links 0-1 the aligner must find)
    dropper = random.Random(seed + 1)
    for rel in rels:
        kp = paragraphs(os.path.join(root, 'ko', rel))
        ep = paragraphs(os.path.join(root, 'en-US', rel))
        kcount, ecount = {}, {}
        for pid, _ in kp:
            kcount[pid] = kcount.get(pid, 0) + 1
        for pid, _ in ep:
            ecount[pid] = ecount.get(pid, 0) + 1
        kline = {}
        for pid, t in kp:
            if drop and dropper.random() < drop:
                continue
            ko_lines.append(t)
            kline[pid] = len(ko_lines)
        for pid, t in ep:
            en_lines.append(t)
            # ids repeated inside a page (embedded sections) are ambiguous: no gold for them
            if pid in kline and kcount[pid] == 1 and ecount[pid] == 1:
                gold.append((kline[pid], len(en_lines)))
    with open(os.path.join(out, 'ko.txt'), 'w', encoding='utf-8') as f:
        f.write(''.join(t + '\n' for t in ko_lines))
    with open(os.path.join(out, 'en.txt'), 'w', encoding='utf-8') as f:
        f.write(''.join(t + '\n' for t in en_lines))
    with open(os.path.join(out, 'gold.tsv'), 'w', encoding='utf-8') as f:
        f.write(''.join('%d\t%d\n' % g for g in gold))
    print('%d pages, %d ko paragraphs, %d en paragraphs, %d gold pairs'
          % (len(rels), len(ko_lines), len(en_lines), len(gold)))


def prf(out, gold):
    tp = len(out & gold)
    p = tp / len(out) if out else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def positions(field):
    """'12.1,12.2' -> [(12, 1), (12, 2)]; hunalign's plain line numbers -> (line, 0)."""
    res = []
    for x in field.split(','):
        if not x:
            continue
        if '.' in x:
            a, b = x.split('.')
            res.append((int(a), int(b)))
        else:
            res.append((int(x), 0))
    return res


def read_links(path, ladder=False):
    """Links as (ko positions, en positions)."""
    links = []
    with open(path, encoding='utf-8') as f:
        if ladder:
            # hunalign -text output: ko \t en \t score, one line per bead, lines of the input
            # are recovered by the caller (score_ladder)
            raise SystemExit('use ladder mode through score_ladder')
        header = f.readline().rstrip('\n').split('\t')
        ik, ie = header.index('ko_pos'), header.index('en_pos')
        for line in f:
            c = line.rstrip('\n').split('\t')
            links.append((positions(c[ik]), positions(c[ie])))
    return links


def para_links(links):
    s = set()
    for k, e in links:
        if not k or not e:
            continue
        for a in {p for p, _ in k}:
            for b in {p for p, _ in e}:
                s.add((a, b))
    return s


def read_gold(out):
    """OUT/gold.tsv, or OUT itself when it is a file (the hand-made golds of
    tests/data/align/gov/); lines starting with '#' are comments."""
    path = out if os.path.isfile(out) else os.path.join(out, 'gold.tsv')
    with open(path, encoding='utf-8') as f:
        return {tuple(map(int, l.split('\t'))) for l in f if l.strip() and not l.startswith('#')}


def read_sentence_gold(path):
    """A hand-made sentence gold: 'ko_pos<TAB>en_pos' rows as in dadeum's TSV
    (LINE.SENTENCE, comma-separated for 2-1, 1-2 and 2-2 links), scored as the
    sentence pairs each link joins, like the output links."""
    g = set()
    with open(path, encoding='utf-8') as f:
        for l in f:
            if not l.strip() or l.startswith('#'):
                continue
            k, e = l.rstrip('\n').split('\t')[:2]
            for a in positions(k):
                for b in positions(e):
                    g.add((a, b))
    return g


def score(out, align_path, sentences=False, ladder=False, sentence_gold=None):
    gold = read_gold(out)
    if ladder:
        links = read_ladder(align_path)
    else:
        links = read_links(align_path)
    # only paragraphs that have a gold partner are judged (the rest have no known answer)
    kgold = {a for a, _ in gold}
    egold = {b for _, b in gold}
    pl = {(a, b) for a, b in para_links(links) if a in kgold or b in egold}
    p, r, f = prf(pl, gold)
    print('paragraph links: P %.4f R %.4f F1 %.4f (%d links, %d gold; %d of them in order)'
          % (p, r, f, len(pl), len(gold), monotone(gold)))
    if sentences or sentence_gold:
        sgold = read_sentence_gold(sentence_gold) if sentence_gold else sentence_gold_of(links, gold)
        so = set()
        for k, e in links:
            if not k or not e:
                continue
            if not any(x in kgold for x, _ in k) and not any(x in egold for x, _ in e):
                continue
            for a in k:
                for b in e:
                    so.add((a, b))
        p, r, f = prf(so, sgold)
        print('sentence links:  P %.4f R %.4f F1 %.4f (%d links, %d gold)' % (p, r, f, len(so), len(sgold)))


def monotone(gold):
    """How many gold pairs a monotone aligner can find at best (a page whose sections the two
    languages order differently crosses): the longest chain increasing on both sides."""
    import bisect
    tails = []
    for _, b in sorted(gold):
        k = bisect.bisect_left(tails, b)
        if k == len(tails):
            tails.append(b)
        else:
            tails[k] = b
    return len(tails)


def sentence_gold_of(links, gold):
    """The ids give paragraphs; sentences come from dadeum's splitter (the positions in its
    output name every sentence it made). A gold paragraph pair whose sides split into the
    same number of sentences pairs them in order; otherwise every sentence of one side goes
    with every sentence of the other (one many-to-many link)."""
    ks, es = {}, {}
    for k, e in links:
        for p, s in k:
            ks.setdefault(p, set()).add(s)
        for p, s in e:
            es.setdefault(p, set()).add(s)
    g = set()
    for a, b in gold:
        ka, eb = sorted(ks.get(a, {1})), sorted(es.get(b, {1}))
        if len(ka) == len(eb):
            for x, y in zip(ka, eb):
                g.add(((a, x), (b, y)))
        else:
            for x in ka:
                for y in eb:
                    g.add(((a, x), (b, y)))
    return g


def read_ladder(path):
    """hunalign's ladder output (no -text): 'ko_line<TAB>en_line<TAB>score' rungs, 0-based
    line numbers of the input; consecutive rungs delimit beads."""
    rungs = []
    with open(path) as f:
        for line in f:
            c = line.split('\t')
            if len(c) >= 2:
                rungs.append((int(c[0]), int(c[1])))
    links = []
    for (k0, e0), (k1, e1) in zip(rungs, rungs[1:]):
        links.append(([(k + 1, 1) for k in range(k0, k1)], [(e + 1, 1) for e in range(e0, e1)]))
    return links


def main(argv):
    if len(argv) >= 3 and argv[0] == 'make':
        module = sample = exclude = None
        seed = 18
        drop = 0.0
        rest = argv[3:]
        while rest:
            if rest[0] == '--module':
                module = rest[1]
            elif rest[0] == '--sample':
                sample = int(rest[1])
            elif rest[0] == '--seed':
                seed = int(rest[1])
            elif rest[0] == '--exclude':
                exclude = rest[1]
            elif rest[0] == '--drop':
                drop = float(rest[1])
            else:
                raise SystemExit('unknown option ' + rest[0])
            rest = rest[2:]
        make(argv[1], argv[2], module, sample, seed, exclude, drop)
    elif len(argv) >= 3 and argv[0] == 'score':
        sgold = argv[argv.index('--sentence-gold') + 1] if '--sentence-gold' in argv else None
        score(argv[1], argv[2], '--sentences' in argv, '--ladder' in argv, sgold)
    else:
        raise SystemExit(__doc__)


if __name__ == '__main__':
    main(sys.argv[1:])
