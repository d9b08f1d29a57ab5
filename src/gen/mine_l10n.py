#!/usr/bin/env python3
"""mine_l10n.py - attested loanwords and Korean<->English words from Debian's
Korean message catalogues (English msgid, Korean msgstr).

    src/gen/mine_l10n.py fetch                  # apt-get download + dpkg-deb -x
    src/gen/mine_l10n.py mine [--dadeum ./dadeum] \
        --loan-out glossaries/lexicon/attested-loanwords.tsv \
        --words-out glossaries/lexicon/l10n-words.tsv
    src/gen/mine_l10n.py heldout > candidates.tsv   # single-word pairs of the
                                                  # held-out packages, for review
    src/gen/mine_l10n.py cldr [--dadeum ./dadeum] \
        --out glossaries/lexicon/cldr-loanwords.tsv

fetch downloads the packages of MINED and HELD_OUT into build/l10n/debs and
unpacks each into build/l10n/root/<deb name>. mine reads every
*/ko/LC_MESSAGES/*.mo of the MINED packages only.

Attested loanwords. Each Hangul word of a msgstr (also with a particle or a
-하다 ending taken off: 센서를 -> 센서) is looked up with `dadeum translit -n 8`;
when one of its candidates is a word of the msgid (or its plural), the pair
(Hangul word, English word) is attested once. Counts are the number of
catalogue messages attesting the pair; of a word's forms, the one whose reading
ranks highest among its candidates is taken (파일 over 파일을, 디스플레이 over
디스플레). Rows need count >= MIN_LOAN_COUNT and a count of at least
MIN_LOAN_SHARE of the messages holding the Hangul word (위치 reads 'which' but
means location); a
Hangul word keeps at most its two best attested English words.

Korean<->English words. Over the same messages, for every Korean word (particle
stripped, not an attested loanword) and every English content word, the Dice
coefficient 2 c(k,e) / (c(k) + c(e)) of message co-occurrence. A pair is kept
when e is k's best English word and k is among e's best three Korean words,
c(k,e) >= MIN_WORD_COUNT and Dice >= MIN_DICE.

CLDR loanwords. The same attestation over Unicode CLDR's emoji annotations
(Debian's unicode-cldr-core: common/annotations/en.xml and ko.xml), one
"message" per emoji: its English keywords and name against its Korean ones
(🍴 cutlery | fork | fork and knife against 나이프 | 식당 | 포크 | 포크와 나이프).
They name everyday things the software catalogues seldom do (fork, sandal,
steak, bowling), and an emoji's keywords are one concept, so one emoji attests
a pair (count >= MIN_CLDR_COUNT).

The script prints nothing but a summary on stderr; the files it writes carry
their provenance (packages, versions, command, row counts) in '#' lines.
"""
import argparse
import collections
import glob
import math
import os
import re
import struct
import subprocess
import sys

L10N = 'build/l10n'
# Mined: general desktop software (LibreOffice, GNOME, Xfce, GTK, GIMP, Inkscape,
# GnuCash, Gnumeric, ...). Not media players or games: their genre and piece names
# (포크 folk, 디스크 disc, 나이트 knight) outnumber the common sense of the word.
MINED = ['libreoffice-l10n-ko', 'gimp-data', 'inkscape', 'gnome-control-center-data',
         'nautilus-data', 'gedit-common', 'evolution-data-server-common', 'thunar-data',
         'xfce4-panel', 'xfce4-settings', 'mousepad', 'gnumeric-common', 'gnucash-common',
         'gnome-maps', 'gnome-weather', 'gnome-calendar', 'gnome-software-common',
         'gnome-shell-common', 'orca', 'pidgin-data', 'shotwell-common', 'evince-common', 'eog',
         'file-roller', 'gnome-disk-utility', 'gnome-system-monitor', 'cheese-common',
         'libgtk-3-common', 'homebank-data', 'gthumb-data', 'gnome-clocks', 'gnome-contacts',
         'xfce4-session', 'xfdesktop4-data', 'ristretto', 'xfce4-terminal', 'gnome-builder']
# Held out whole: KDE. tests/data/translit/l10n-kde.tsv is drawn from these.
HELD_OUT = ['plasma-workspace-data', 'dolphin']

# Unicode CLDR (emoji annotations), for cldr.
CLDR = 'unicode-cldr-core'
CLDR_ANNOTATIONS = 'usr/share/unicode/cldr/common/annotations'

MIN_LOAN_COUNT = 2
MIN_CLDR_COUNT = 1
MIN_WORD_COUNT = 4
MIN_LOAN_SHARE = 0.2
MIN_DICE = 0.3

# Particles and verb endings taken off a Hangul word, longest first.
SUFFIXES = sorted('''에서는 에서도 에서의 으로는 으로도 으로의 에게서 하시겠습니까 하겠습니까 했습니다
합니다 됩니다 되었습니다 하십시오 하세요 하려면 하거나 하면 하는 하지 하고 하여 해서 하기
했음 하기 할 한 된 되는 되지 되어 되었 에서 으로 로는 로도 로의 에게 까지 부터 처럼 보다
에는 에도 와의 과의 이나 들을 들이 들의 들은 들에 들 를 을 이 가 은 는 의 에 로 와 과 도
만'''.split(), key=len, reverse=True)

# English words that carry no content in menu text.
STOP = set('''a an the of to in on for and or by with from at as is are be been was were this that
these those it its not no all any can cannot could will would should may must do does did has have
had if then than into out up down off over under about after before when which what who how where
there here you your we our they their he she his her him them one two three new use used using
s t d ll m re ve e g i etc'''.split())


def read_mo(path):
    """(msgid, msgstr) pairs of a GNU .mo file; context and plurals dropped."""
    data = open(path, 'rb').read()
    magic = struct.unpack('<I', data[:4])[0]
    if magic == 0x950412de:
        e = '<'
    elif magic == 0xde120495:
        e = '>'
    else:
        raise SystemExit('%s: not a .mo file' % path)
    _, n, oo, ot = struct.unpack(e + '4I', data[4:20])
    out = []
    for i in range(n):
        ln, o = struct.unpack(e + '2I', data[oo + 8 * i:oo + 8 * i + 8])
        mid = data[o:o + ln].decode('utf-8', 'replace')
        ln, o = struct.unpack(e + '2I', data[ot + 8 * i:ot + 8 * i + 8])
        mst = data[o:o + ln].decode('utf-8', 'replace')
        if not mid:
            continue  # the header entry
        out.append((mid.split('\x04')[-1].split('\x00')[0], mst.split('\x00')[0]))
    return out


MARKUP = re.compile(r'<[^>]*>|%[-+ #0-9.]*[a-zA-Z]|\{[^}]*\}|\$\{[^}]*\}|\\[nt]|\(_?[A-Za-z]\)')


def clean(s):
    s = MARKUP.sub(' ', s)
    return re.sub(r'[_&~](?=\w)', '', s)


def en_words(s):
    """Lower-case words of s; a hyphenated word also closed up (plug-in: plugin)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", s)]
    words += [w.lower().replace('-', '') for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)+", s)]
    return words


def ko_forms(tok):
    """The token and the token less one particle or ending (>= 2 syllables left)."""
    forms = [tok]
    for suf in SUFFIXES:
        if tok.endswith(suf) and len(tok) - len(suf) >= 2 and not tok[:-len(suf)].endswith('으'):
            forms.append(tok[:-len(suf)])
    return forms


def deb_dir(pkg):
    hits = sorted(glob.glob(os.path.join(L10N, 'root', pkg + '_*')))
    if not hits:
        raise SystemExit('mine_l10n: package %s not unpacked; run src/gen/mine_l10n.py fetch' % pkg)
    return hits[-1]


def pkg_version(d):
    name = os.path.basename(d)
    _, ver, _ = name.split('_')
    return ver.replace('%3a', ':')


def messages(pkgs):
    msgs = []
    for pkg in pkgs:
        d = deb_dir(pkg)
        mos = sorted(glob.glob(os.path.join(d, '**', 'ko', 'LC_MESSAGES', '*.mo'), recursive=True))
        if not mos:
            raise SystemExit('mine_l10n: %s ships no Korean .mo' % pkg)
        for mo in mos:
            for mid, mst in read_mo(mo):
                if mst:
                    msgs.append((pkg, clean(mid), clean(mst)))
    return msgs


def cmd_fetch(_args):
    debs = os.path.join(L10N, 'debs')
    os.makedirs(debs, exist_ok=True)
    for pkg in MINED + HELD_OUT + [CLDR]:
        if not glob.glob(os.path.join(debs, pkg + '_*.deb')):
            subprocess.run(['apt-get', 'download', pkg], cwd=debs, check=True)
        deb = sorted(glob.glob(os.path.join(debs, pkg + '_*.deb')))[-1]
        root = os.path.join(L10N, 'root', os.path.basename(deb)[:-4])
        if not os.path.isdir(root):
            os.makedirs(os.path.dirname(root), exist_ok=True)  # dpkg-deb -x makes one level only
            subprocess.run(['dpkg-deb', '-x', deb, root], check=True)


def translit(dadeum, words):
    """word -> list of English candidates (dadeum translit -n 8)."""
    out = subprocess.run([dadeum, 'translit', '-n', '8', '-'], input='\n'.join(words) + '\n',
                         capture_output=True, text=True, check=True).stdout.split('\n')
    res = {}
    for line in out:
        f = line.split('\t')
        if len(f) > 1:
            res[f[0]] = [c for c in f[1:] if c]
    return res


def matches(cand, ewords):
    """1 when candidate cand (maybe 'game changer') is in the msgid words."""
    parts = cand.split()
    if len(parts) > 1 and any(len(p) < 3 or p in STOP for p in parts):
        return False  # 폴더안: folder an
    for p in parts:
        if p not in ewords and p + 's' not in ewords and p + 'es' not in ewords:
            return False
    return True


def header(f, title, pkgs, argv, rows, extra):
    f.write('# %s\n' % title)
    f.write('# Source: Debian 12 Korean message catalogues (English msgid, Korean msgstr) of\n')
    for pkg in pkgs:
        f.write('#   %s %s\n' % (pkg, pkg_version(deb_dir(pkg))))
    f.write('# Held out (not read): %s (tests/data/translit/l10n-kde.tsv).\n' % ' '.join(HELD_OUT))
    f.write('# Made by: src/gen/mine_l10n.py fetch && %s\n' % ' '.join(argv))
    for line in extra:
        f.write('# %s\n' % line)
    f.write('# rows: %d\n' % rows)


def attest(dadeum, msgs, min_count):
    """Rows (ko, en, count) of the loanwords msgs attest, best first (see the top)."""
    forms = set()
    for _, _, mst in msgs:
        for tok in re.findall(r'[가-힣]+', mst):
            forms.update(f for f in ko_forms(tok) if len(f) >= 2)
    cands = translit(dadeum, sorted(forms))

    loan = collections.Counter()
    freq = collections.Counter()  # messages holding each Hangul form
    for _, mid, mst in msgs:
        ewords = set(en_words(mid))
        seen, present = set(), set()
        for tok in re.findall(r'[가-힣]+', mst):
            best = None  # (candidate position, -length, form, English)
            for form in ko_forms(tok):
                present.add(form)
                pos = next((i for i, c in enumerate(cands.get(form, [])) if matches(c, ewords)), None)
                if pos is None:
                    continue
                hit = cands[form][pos]
                if len(hit.replace(' ', '')) >= 3 and (best is None or (pos, -len(form)) < best[:2]):
                    best = (pos, -len(form), form, hit)
            if best:
                seen.add(best[2:])
        for pair in seen:
            loan[pair] += 1
        freq.update(present)
    # a form with a particle whose stem attests the same word joins the stem (아이콘을: 아이콘)
    for (ko, en) in sorted(loan, key=lambda p: -len(p[0])):
        bases = [en] + [en[:-k] for k in (1, 2) if en.endswith('es'[2 - k:])]
        into = next(((f, b) for f in ko_forms(ko)[1:] for b in bases if (f, b) in loan), None)
        if into:
            loan[into] += loan.pop((ko, en))
            freq[into[0]] += freq[ko]
    by_ko = collections.defaultdict(list)
    for (ko, en), c in loan.items():
        # a native word read as English by chance (위치: which) attests it in
        # few of the messages that hold it
        if c >= min_count and c >= MIN_LOAN_SHARE * freq[ko]:
            by_ko[ko].append((c, en))
    loan_rows = []
    for ko, lst in by_ko.items():
        lst.sort(key=lambda x: (-x[0], x[1]))
        for c, en in lst[:2]:
            if c * 4 >= lst[0][0]:  # a second reading needs a quarter of the first's count
                loan_rows.append((ko, en, c))
    loan_rows.sort(key=lambda r: (-r[2], r[0], r[1]))
    return loan_rows


def cmd_mine(args):
    msgs = messages(MINED)
    loan_rows = attest(args.dadeum, msgs, MIN_LOAN_COUNT)
    loanwords = {r[0] for r in loan_rows}

    # Korean<->English words by Dice over messages.
    ck, ce, cke = collections.Counter(), collections.Counter(), collections.Counter()
    for _, mid, mst in msgs:
        ks = set()
        for tok in re.findall(r'[가-힣]+', mst):
            f = ko_forms(tok)[-1]
            if len(f) >= 2 and f not in loanwords:
                ks.add(f)
        es = {w for w in en_words(mid) if w not in STOP and len(w) >= 3}
        if not ks or not es or len(ks) > 12:
            continue
        ck.update(ks)
        ce.update(es)
        for k in ks:
            for e in es:
                cke[(k, e)] += 1
    best_k = collections.defaultdict(list)
    best_e = {}
    for (k, e), c in cke.items():
        if c < MIN_WORD_COUNT:
            continue
        d = 2 * c / (ck[k] + ce[e])
        if d < MIN_DICE:
            continue
        best_k[e].append((d, k))
        if k not in best_e or best_e[k][0] < d:
            best_e[k] = (d, e, c)
    word_rows = []
    for k, (d, e, c) in best_e.items():
        top = {kk for _, kk in sorted(best_k[e], reverse=True)[:3]}
        if k in top:
            word_rows.append((k, e, c, d))
    word_rows.sort(key=lambda r: (-r[2], r[0]))

    argv = ['src/gen/mine_l10n.py'] + sys.argv[1:]
    with open(args.loan_out, 'w', encoding='utf-8') as f:
        header(f, 'attested-loanwords.tsv - Hangul loanwords attested beside their English source.',
               MINED, argv, len(loan_rows),
               ['A row: a Hangul word of a msgstr whose transliteration (dadeum translit -n 8,',
                'built before this file: it feeds the ranking) is a word of the msgid; count = messages attesting it;',
                'count >= %d and >= %.1f of the messages holding ko; at most two readings per ko.' % (MIN_LOAN_COUNT, MIN_LOAN_SHARE),
                'Columns: ko, en, count. Reviewed: see glossaries/lexicon/README.md.'])
        f.write('ko\ten\tcount\n')
        for ko, en, c in loan_rows:
            f.write('%s\t%s\t%d\n' % (ko, en, c))
    with open(args.words_out, 'w', encoding='utf-8') as f:
        header(f, 'l10n-words.tsv - Korean words and the English words they translate.',
               MINED, argv, len(word_rows),
               ['Dice coefficient of message co-occurrence (see src/gen/mine_l10n.py):',
                'c(k,e) >= %d, Dice >= %.2f, e the best word for k and k among e\'s best three.'
                % (MIN_WORD_COUNT, MIN_DICE),
                'Columns: ko, en, count (messages with both), dice.'])
        f.write('ko\ten\tcount\tdice\n')
        for k, e, c, d in word_rows:
            f.write('%s\t%s\t%d\t%.2f\n' % (k, e, c, d))
    print('mine_l10n: %d messages, %d loanword rows, %d word rows'
          % (len(msgs), len(loan_rows), len(word_rows)), file=sys.stderr)


def cldr_annotations(path):
    """emoji -> its annotations (keywords and name) joined by ' | '."""
    out = collections.defaultdict(list)
    text = open(path, encoding='utf-8').read()
    for cp, words in re.findall(r'<annotation cp="([^"]+)"[^>]*>([^<]*)</annotation>', text):
        out[cp].append(words)
    return {cp: ' | '.join(w) for cp, w in out.items()}


def cmd_cldr(args):
    d = deb_dir(CLDR)
    en = cldr_annotations(os.path.join(d, CLDR_ANNOTATIONS, 'en.xml'))
    ko = cldr_annotations(os.path.join(d, CLDR_ANNOTATIONS, 'ko.xml'))
    msgs = [(cp, en[cp], ko[cp]) for cp in sorted(set(en) & set(ko))]
    rows = attest(args.dadeum, msgs, MIN_CLDR_COUNT)
    argv = ['src/gen/mine_l10n.py'] + sys.argv[1:]
    with open(args.out, 'w', encoding='utf-8') as f:
        f.write('# cldr-loanwords.tsv - Hangul loanwords attested beside their English source.\n')
        f.write('# Source: Unicode CLDR emoji annotations, Debian 12 %s %s\n'
                % (CLDR, pkg_version(d)))
        f.write('#   (%s/en.xml and ko.xml: %d emoji annotated in both)\n'
                % (CLDR_ANNOTATIONS, len(msgs)))
        f.write('# Made by: src/gen/mine_l10n.py fetch && %s\n' % ' '.join(argv))
        f.write('# A row: a Hangul keyword of an emoji whose transliteration (dadeum translit -n 8,\n')
        f.write('# built before this file: it feeds the ranking) is an English keyword of the same emoji; count = emoji\n')
        f.write('# attesting it; count >= %d and >= %.1f of the emoji holding ko; at most two\n'
                % (MIN_CLDR_COUNT, MIN_LOAN_SHARE))
        f.write('# readings per ko. Columns: ko, en, count.\n')
        f.write('# rows: %d\n' % len(rows))
        f.write('ko\ten\tcount\n')
        for k, e, c in rows:
            f.write('%s\t%s\t%d\n' % (k, e, c))
    print('mine_l10n cldr: %d emoji, %d loanword rows' % (len(msgs), len(rows)), file=sys.stderr)


def cmd_heldout(_args):
    """Single-word msgid/msgstr pairs of the held-out packages, with counts."""
    c = collections.Counter()
    for _, mid, mst in messages(HELD_OUT):
        mid, mst = mid.strip(), mst.strip()
        if re.fullmatch(r'[A-Za-z]+', mid) and re.fullmatch(r'[가-힣]{2,}', mst):
            c[(mst, mid.lower())] += 1
    for (ko, en), n in sorted(c.items(), key=lambda x: (-x[1], x[0])):
        print('%s\t%s\t%d' % (ko, en, n))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    sub = ap.add_subparsers(dest='cmd', required=True)
    sub.add_parser('fetch')
    m = sub.add_parser('mine')
    m.add_argument('--dadeum', default='./dadeum')
    m.add_argument('--loan-out', required=True)
    m.add_argument('--words-out', required=True)
    sub.add_parser('heldout')
    c = sub.add_parser('cldr')
    c.add_argument('--dadeum', default='./dadeum')
    c.add_argument('--out', required=True)
    args = ap.parse_args()
    {'fetch': cmd_fetch, 'mine': cmd_mine, 'heldout': cmd_heldout, 'cldr': cmd_cldr}[args.cmd](args)


if __name__ == '__main__':
    main()
