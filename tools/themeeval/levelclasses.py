#!/usr/bin/env python3
"""The wrong level >= 1 cells of the DEV part of testdata/realtexts by speaker,
theme and cause, and what each candidate cause would move (session 18, issue 14
item 3; docs/validity-themes.md, "Level >= 1 precision: ... session 18").

usage: python3 tools/themeeval/levelclasses.py BINARY testdata/realtexts CACHE_DIR [-v]

CACHE_DIR holds one `analyze --format json` output per dev text (levelrules.load:
written on the first run, reused after; delete it when the binary changes). Dev
rows only: the split column is read before any text is, held-out texts are never
analysed or printed.

Prints (1) the level >= 1 cells the tool gets wrong (tool >= 1, label 0) by
labelled speaker and by theme, against coder 1 (documents-*.tsv) and, on the 329
texts of tools/themeeval/coder2-16.tsv, against coder 2; (2) per candidate
cause, a segment class that would stop counting toward a level: the right level
>= 1 cells it would lose and the wrong ones it would remove, on all dev, half A
(even file numbers), half B (odd), the fresh slices (tools/themeeval/fresh-*.txt
together), the batches labelled blind after the level rules (era 'late') and coder 2's texts against either coder. -v lists each moved cell
with the segments of the class; (3) level >= 1 P/R by labelling era: the
batches the level rules were made on (m001-m431, o001-o302) and the batches
labelled blind after them (m432-, o303-), and dev's P re-weighted, era by era,
to the number of held-out texts of each era (only the file names and split
column of the held-out rows are read for this: no held-out text is analysed).

A cell moves when, without the class's segments, a level-1 cell keeps fewer
than two own-word body segments, or a level-2 cell keeps no heading and fewer
than two body segments. This is an upper bound on what a rule in GradeRule
(analysis/explain.go) could move, with no passing halves and no 1% need: a class
that moves no wrong cell here moves none in Go either, and one that loses more
right cells than it removes wrong ones here is not worth writing."""
import collections
import glob
import os
import re
import sys

sys.dont_write_bytecode = True  # importing the sibling scripts leaves no __pycache__ in the tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from coder2agree import read_levels  # noqa: E402
from levelrules import load  # noqa: E402

THEMES = ("work housing language attitude meeting_places cooperation education "
          "gender_equality culture_leisure health reception").split()

# Boilerplate a page carries around its text: cookie banners, contact and
# accessibility footers, share and subscribe links, publishing stamps.
BOILERPLATE = re.compile(
    r'\b(kakor|cookies?|webbplatsen|tillgänglighet|kontakta oss|telefon|tel\.|e-post|växel|öppettider|'
    r'personuppgifter|gdpr|prenumerera|nyhetsbrev|facebook|instagram|dela på|läs mer|lyssna|translate|'
    r'sidan uppdaterad|senast uppdaterad|publicerad)\b', re.I)
# Another organisation named in the segment: the state's agencies, a region,
# a county board, parties, associations, churches, universities, the government.
ORGANISATION = re.compile(
    r'\b(Region [A-ZÅÄÖ]\w+|Regionen|Länsstyrelsen|Arbetsförmedlingen|Migrationsverket|Försäkringskassan|'
    r'Skatteverket|Folkhälsomyndigheten|Svenskt Näringsliv\w*|Socialstyrelsen|Skolverket|Polisen|Röda Korset|'
    r'Rädda Barnen|SKR|Sveriges Kommuner och Regioner|Centerpartiet|Moderaterna|Socialdemokraterna|'
    r'Sverigedemokraterna|Liberalerna|Kristdemokraterna|Vänsterpartiet|Miljöpartiet|[A-ZÅÄÖ]\w*partiet|'
    r'Svenska kyrkan|[A-ZÅÄÖ]\w+ församling|[Rr]egeringen|[A-ZÅÄÖ]\w*förbundet|[A-ZÅÄÖ]\w*föreningen|'
    r'Högskolan|[A-ZÅÄÖ]\w* universitet|Universitetet)')
# A photo caption or credit: "Foto: Johanna Rundgren", "Arkivbild:".
CAPTION = re.compile(r'\b(Foto|Bild|Arkivbild|Fotograf|Illustration|Photo)\s*:', re.I)
# A unit or a post named for a field: "avdelningen för utbildning och
# arbetsmarknad", "ansvarig för idrotts- och friskvårdsfrågor".
UNIT = re.compile(
    r'\b(avdelning(en)?|enhet(en)?|sektion(en)?|nämnd(en)?|förvaltning(en)?|kontor(et)?|chef|ansvarig|'
    r'samordnare|handläggare|strateg|utvecklare|rådet|utskott(et)?|ordförande|minister)\s+'
    r'(för|inom|med ansvar för)\s+((\w+-?\s+(och|&)\s+)?\w+-?\s+)?$', re.I)


def words(text):
    return len(re.findall(r'\w+', text))


def norm(text):
    return ' '.join(re.findall(r'\w+', text.lower()))


def own(t):
    return [e for e in t['evidence'] if not e['inherited']]


def unit_named(e, theme):
    """Every match of the theme in e stands right after a unit's or a post's 'för'."""
    ms = [m for m in e['matched'] if m['theme'] == theme]

    def after_unit(m):
        at = e['text'].find(m['text'])
        while at >= 0:
            if UNIT.search(e['text'][:at]):
                return True
            at = e['text'].find(m['text'], at + 1)
        return False
    return bool(ms) and all(after_unit(m) for m in ms)


def repeats(t):
    """Segments whose text repeats an earlier own segment's (a caption and its
    alt text, a teaser and its article): each text counts once."""
    seen, out = set(), set()
    for e in sorted(own(t), key=lambda e: e['start']):
        k = norm(e['text'])
        if k in seen:
            out.add(e['start'])
        seen.add(k)
    return out


def split_parts(t):
    """The second part of one sentence split in two segments: the next segment
    after one that ends in no full stop, or that begins in lower case."""
    body = sorted((e for e in own(t) if e['kind'] != 'heading'), key=lambda e: e['start'])
    out = set()
    for a, b in zip(body, body[1:]):
        end = a['text'].rstrip()
        if b['sentence'] == a['sentence'] + 1 and (not end.endswith(('.', '!', '?', ':', '"', '”'))
                                                   or end.endswith((',', ';')) or b['text'][:1].islower()):
            out.add(b['start'])
    return out


# Each class: (name, function(theme coverage) -> the starts of its segments).
CLASSES = [
    ('boilerplate (cookie, contact, accessibility, share, publishing lines)',
     lambda t: {e['start'] for e in own(t) if BOILERPLATE.search(e['text'])}),
    ("another organisation named in the segment (an agency's, region's, party's, association's work)",
     lambda t: {e['start'] for e in own(t) if ORGANISATION.search(e['text'])}),
    ('navigation or link text: a non-heading line of 6 words or fewer without a full stop',
     lambda t: {e['start'] for e in own(t) if e['kind'] == 'sentence' and words(e['text']) <= 6
                and not e['text'].rstrip().endswith(('.', '!', '?'))}),
    ('one sentence split in two segments: the second part', split_parts),
    ('a repeated segment text (caption and alt text, teaser and article): the repeat', repeats),
    ('a photo caption or credit in the segment (Foto:, Bild:, Arkivbild:)',
     lambda t: {e['start'] for e in own(t) if CAPTION.search(e['text'])}),
    ("a unit's or post's name ('avdelningen för utbildning', 'ansvarig för idrottsfrågor')",
     lambda t: {e['start'] for e in own(t) if unit_named(e, t['id'])}),
]


def moved(t, starts):
    """Whether the level >= 1 cell t drops below 1 without the segments at starts."""
    if t['level'] < 1 or not starts:
        return False
    rest = [e for e in own(t) if e['start'] not in starts]
    heads = sum(e['kind'] == 'heading' for e in rest)
    body = len(rest) - heads
    return body < 2 if t['level'] == 1 else (heads == 0 and body < 2)


def fresh_stems(here):
    out = set()
    for f in glob.glob(os.path.join(here, 'fresh-*.txt')):
        for line in open(f, encoding='utf-8'):
            line = line.split('#', 1)[0].strip()
            if line:
                out.add(os.path.splitext(os.path.basename(line))[0])
    return out


def number(stem):
    return int(re.sub(r'\D', '', stem))


def pr(tp, fp):
    return f'{tp / (tp + fp):.3f}' if tp + fp else '-'


def era(stem):
    """The labelling era of a text: the batches the level rules were made on
    (m001-m431, o001-o302: 'early'), those labelled blind after them ('late'),
    bare titles (t) and the project's first real texts (r)."""
    if stem[0] in 'tr':
        return stem[0]
    return 'early' if number(stem) <= (431 if stem[0] == 'm' else 302) else 'late'


def heldout_eras(rt):
    """Held-out texts per era, from the documents-*.tsv file names and split column only."""
    out = collections.Counter()
    for f in glob.glob(os.path.join(rt, 'documents-*.tsv')):
        with open(f, encoding='utf-8') as r:
            head = r.readline().rstrip('\n').split('\t')
            fi, si = head.index('file'), head.index('split')
            for line in r:
                cols = line.rstrip('\n').split('\t')
                if cols[si] == 'heldout':
                    out[era(os.path.splitext(os.path.basename(cols[fi]))[0])] += 1
    return out


def main():
    args = [a for a in sys.argv[1:] if a != '-v']
    if len(args) != 3:
        sys.exit(__doc__)
    verbose = '-v' in sys.argv
    binary, rt, cache = args
    here = os.path.dirname(os.path.abspath(__file__))
    coder2 = {k: v[0] for k, v in read_levels(os.path.join(here, 'coder2-16.tsv')).items()}
    fresh = fresh_stems(here)
    docs = load(binary, rt, cache)

    print('1. wrong level >= 1 cells (tool >= 1, label 0)')
    for against, keep, label in (('coder 1', lambda n: True, lambda n, r, th: int(r[th])),
                                 ('coder 2', lambda n: n in coder2, lambda n, r, th: coder2[n][th])):
        right, wrong = collections.Counter(), collections.Counter()
        rt_, wt_ = collections.Counter(), collections.Counter()
        for n, r, d in docs:
            if not keep(n):
                continue
            for t in d['themes']:
                if t['level'] < 1:
                    continue
                ok = label(n, r, t['id']) >= 1
                (right if ok else wrong)[r['speaker']] += 1
                (rt_ if ok else wt_)[t['id']] += 1
        print(f'  against {against}: right {sum(right.values())}, wrong {sum(wrong.values())}, '
              f'P {pr(sum(right.values()), sum(wrong.values()))}')
        print('    by speaker: ' + ', '.join(f'{s} {wrong[s]}/{right[s] + wrong[s]} (P {pr(right[s], wrong[s])})'
                                            for s in sorted(right.keys() | wrong.keys(), key=lambda s: -wrong[s])))
        print('    by theme:   ' + ', '.join(f'{th} {wt_[th]}/{rt_[th] + wt_[th]} (P {pr(rt_[th], wt_[th])})'
                                            for th in sorted(THEMES, key=lambda th: -wt_[th])))

    slices = [('all dev', lambda n: True, None), ('half A', lambda n: number(n) % 2 == 0, None),
              ('half B', lambda n: number(n) % 2 == 1, None), ('fresh-11..19', lambda n: n in fresh, None),
              ('late batches', lambda n: era(n) == 'late', None),
              ('coder 2 texts vs coder 1', lambda n: n in coder2, None),
              ('coder 2 texts vs coder 2', lambda n: n in coder2, coder2)]
    print('\n2. candidate causes: right cells lost / wrong cells removed (level >= 1 P before -> after)')
    for name, cls in CLASSES:
        cells, examples = [], []
        for sname, keep, alt in slices:
            tp = fp = lost = removed = 0
            for n, r, d in docs:
                if not keep(n):
                    continue
                for t in d['themes']:
                    if t['level'] < 1:
                        continue
                    gold = alt[n][t['id']] if alt else int(r[t['id']])
                    tp += gold >= 1
                    fp += gold < 1
                    starts = cls(t)
                    if moved(t, starts):
                        lost += gold >= 1
                        removed += gold < 1
                        if sname == 'all dev':
                            examples.append((n, r['speaker'], t['id'], t['level'], gold, coder2.get(n, {}).get(t['id'], '-'),
                                             [e['text'][:100] for e in own(t) if e['start'] in starts][:2]))
            cells.append(f'{sname} {lost}/{removed} ({pr(tp, fp)} -> {pr(tp - lost, fp - removed)})')
        print(f'  {name}:\n    ' + '; '.join(cells))
        if verbose:
            for n, sp, th, lv, gold, c2, texts in examples:
                print(f"      {'right' if gold >= 1 else 'WRONG'} {n} {sp} {th} level {lv} coder1 {gold} coder2 {c2} {texts}")

    print('\n3. level >= 1 by labelling era (early: the batches the rules were made on; late: labelled blind after)')
    tp, fp, fn, texts = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
    for n, r, d in docs:
        e = era(n)
        texts[e] += 1
        lv = {t['id']: t['level'] for t in d['themes']}
        for th in THEMES:
            s, g = lv.get(th, 0) >= 1, int(r[th]) >= 1
            tp[e] += s and g
            fp[e] += s and not g
            fn[e] += g and not s
    held = heldout_eras(rt)
    for e in sorted(texts):
        print(f'  {e:5s} dev texts {texts[e]:4d} (held-out {held[e]:3d}): P {pr(tp[e], fp[e])} '
              f'R {tp[e] / (tp[e] + fn[e]) if tp[e] + fn[e] else 0:.3f} (right {tp[e]}, wrong {fp[e]}), '
              f'labelled level >= 1 cells per text {(tp[e] + fn[e]) / texts[e]:.2f}')
    w = {e: held[e] / texts[e] for e in texts}
    etp, efp = sum(tp[e] * w[e] for e in texts), sum(fp[e] * w[e] for e in texts)
    print(f'  dev P re-weighted to the held-out texts per era: {pr(etp, efp)} (dev {pr(sum(tp.values()), sum(fp.values()))})')


if __name__ == '__main__':
    main()
