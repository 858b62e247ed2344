#!/usr/bin/env python3
"""Level >= 1 precision on the batches labelled blind after the level rules
(session 19, issue 14 item 3; docs/validity-themes.md, "Level >= 1 precision
on the late batches").

usage: python3 tools/themeeval/latelevel.py BINARY testdata/realtexts CACHE_DIR [-v]

CACHE_DIR holds one `analyze --format json` output per dev text
(levelrules.load: written on the first run, reused after; delete it when the
binary changes). Dev rows only: held-out texts are never analysed or printed.

Prints (1) level >= 1 P/R per slice: the early batches the level rules were
made on (m001-m431, o001-o302), the late batches labelled blind after them
(m432-, o303-) and their halves A (even file numbers) and B (odd), coder 2's
329 texts against coder 1 and against coder 2; (2) the late batches' wrong
level >= 1 cells (tool >= 1, label 0) by theme, speaker and half, split into
the labelling question of sessions 14 and 17 (most of the theme's matched
words are business life for work, clubs, sports and venues for culture and
leisure, care homes and the Migration Agency's asylum housing for housing)
and the rest, with coder 2's level where it coded the text; (3) the shape
that made the level (headings, own-word body segments) per slice; (4) each
candidate rule as a class of segments that would stop counting toward a
level: right cells lost / wrong cells removed per slice (the upper bound of
levelclasses.py: a cell moves when, without the class's segments, a level-1
cell keeps fewer than two own-word body segments, a level-2 cell no heading
and fewer than two body segments). -v lists the late wrong cells with their
segments and each moved cell."""
import collections
import os
import re
import sys

sys.dont_write_bytecode = True  # importing the sibling scripts leaves no __pycache__ in the tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from coder2agree import read_levels  # noqa: E402
from levelclasses import THEMES, era, moved, number, own  # noqa: E402
from levelrules import load  # noqa: E402

# The labelling question: a theme word of business life (work), of clubs,
# sports and their venues (culture and leisure), of care homes and asylum
# housing (housing), where coder 1 and coder 2 read the same text
# differently (sessions 14 and 17).
QUESTION = {
    'work': re.compile(r'företag|näringsliv|bolag', re.I),
    'culture_leisure': re.compile(r'idrott|förening|sport|fotboll|hall|bad|skid|klubb|lekplats|friluft|simn|isbana', re.I),
    'housing': re.compile(r'äldreboende|omsorgsboende|omsorgsbost|trygghetsbo|vårdboende|särskil|boendestöd|säbo|'
                          r'asylboende|anläggningsboende|boendeplats|leverantörsboende|korridorsboende', re.I),
}
QUOTE = re.compile(r'^\s*([–—-]\s|[”"“»])')
TEASER = re.compile(r'View Article|Läs mer|Sid \d+|(\.\.\.|…|\[…\])\s*$')


def theme_matches(e, t):
    return [m for m in e['matched'] if m['theme'] == t['id']]


def in_section(d, t):
    """Level-2 cells of one heading and one body segment whose body segment
    stands outside the heading's section (another item of a digest page)."""
    o = own(t)
    hs = [e for e in o if e['kind'] == 'heading']
    bs = [e for e in o if e['kind'] != 'heading']
    if t['level'] != 2 or len(hs) != 1 or len(bs) != 1:
        return None
    after = sorted(s['sentence'] for s in d['sections'] or [] if s['sentence'] > hs[0]['sentence'])
    return hs[0]['sentence'] < bs[0]['sentence'] and (not after or bs[0]['sentence'] < after[0])


def segments(pred):
    return lambda d, t: {e['start'] for e in own(t) if e['kind'] != 'heading' and pred(e, t)}


def heading_digest(d, t):
    """The heading of a one-heading, one-body-segment level-2 cell whose body segment is outside its section."""
    if in_section(d, t) is False:
        return {e['start'] for e in own(t)}
    return set()


def heading_one_body(d, t):
    o = own(t)
    if t['level'] == 2 and sum(e['kind'] == 'heading' for e in o) == 1 and len(o) == 2:
        return {e['start'] for e in o}
    return set()


# Word senses seen in the late wrong cells, as level-senses.tsv lines would
# read them: a prize's or a message's recipient, a sports hall as a landmark,
# residents ("många boende pendlar").
SENSES = [('reception', re.compile(r'\bmottagaren?\s+av\b', re.I)),
          ('culture_leisure', re.compile(r'\bvid\s+(sporthallen|badhuset|simhallen|ishallen|idrottshallen)\b', re.I)),
          ('housing', re.compile(r'\bmånga\s+boende\b', re.I))]

CANDIDATES = [
    ('quote: a segment opening with a dash or a quote mark', segments(lambda e, t: QUOTE.search(e['text']))),
    ('teaser or link: Läs mer, View Article, Sid N, ends in ... or […]', segments(lambda e, t: TEASER.search(e['text']))),
    ("compound modifier: every theme word is a compound's first part", segments(
        lambda e, t: all(m['as'] == 'modifier' for m in theme_matches(e, t)))),
    ('claims-level words: every theme word weighs 1 or less', segments(
        lambda e, t: all(m['weight'] <= 1 for m in theme_matches(e, t)))),
    ('one theme word of weight 1.5 or less', segments(
        lambda e, t: len(theme_matches(e, t)) == 1 and theme_matches(e, t)[0]['weight'] <= 1.5)),
    ('one theme word form in the segment, any weight', segments(
        lambda e, t: len({m['text'].lower() for m in theme_matches(e, t)}) == 1)),
    ('level 2 from one heading and one body segment', heading_one_body),
    ("... whose body segment stands outside the heading's section", heading_digest),
    ('word senses: mottagare av, vid sporthallen, många boende', segments(
        lambda e, t: any(th == t['id'] and rx.search(e['text']) for th, rx in SENSES))),
]


def pr(tp, fp):
    return f'{tp / (tp + fp):.3f}' if tp + fp else '-'


def main():
    args = [a for a in sys.argv[1:] if a != '-v']
    if len(args) != 3:
        sys.exit(__doc__)
    verbose = '-v' in sys.argv
    binary, rt, cache = args
    here = os.path.dirname(os.path.abspath(__file__))
    coder2 = {k: v[0] for k, v in read_levels(os.path.join(here, 'coder2-16.tsv')).items()}
    docs = load(binary, rt, cache)
    late = lambda n: era(n) == 'late'  # noqa: E731
    slices = [('early', lambda n: era(n) == 'early', None), ('late', late, None),
              ('late A', lambda n: late(n) and number(n) % 2 == 0, None),
              ('late B', lambda n: late(n) and number(n) % 2 == 1, None),
              ('coder 2 texts vs coder 1', lambda n: n in coder2, None),
              ('coder 2 texts vs coder 2', lambda n: n in coder2, coder2)]

    def gold(n, r, th, alt):
        return (alt[n][th] if alt else int(r[th])) >= 1

    print('1. level >= 1 P/R (right/wrong/missed)')
    for name, keep, alt in slices:
        tp = fp = fn = 0
        for n, r, d in docs:
            if keep(n):
                lv = {t['id']: t['level'] for t in d['themes']}
                for th in THEMES:
                    s, g = lv.get(th, 0) >= 1, gold(n, r, th, alt)
                    tp, fp, fn = tp + (s and g), fp + (s and not g), fn + (g and not s)
        print(f'  {name:25s} P {pr(tp, fp)} R {tp / (tp + fn):.3f} ({tp}/{fp}/{fn})')

    print('\n2. late wrong cells (tool >= 1, label 0)')
    by = collections.defaultdict(collections.Counter)
    listing = []
    for n, r, d in docs:
        if not late(n):
            continue
        for t in d['themes']:
            if t['level'] < 1 or int(r[t['id']]) >= 1:
                continue
            forms = [m['text'] for e in own(t) for m in theme_matches(e, t)]
            q = QUESTION.get(t['id'])
            kind = 'question' if q and sum(bool(q.search(f)) for f in forms) * 2 >= len(forms) else 'rest'
            c2 = coder2.get(n, {}).get(t['id'])
            for key in ('all', 'half ' + 'AB'[number(n) % 2], 'theme ' + t['id'], 'speaker ' + r['speaker'],
                        'coder 2 ' + ('not coded' if c2 is None else ('>= 1' if c2 >= 1 else '0'))):
                by[key][kind] += 1
            listing.append((n, r, d, t, kind, c2))
    for key in sorted(by, key=lambda k: (k.split()[0] != 'all', k.split()[0], -sum(by[k].values()))):
        print(f"  {key:28s} labelling question {by[key]['question']:3d}, rest {by[key]['rest']:3d}")
    if verbose:
        for n, r, d, t, kind, c2 in listing:
            print(f"  {kind:8s} {n} {r['speaker']} {t['id']} level {t['level']} coder 2 {'-' if c2 is None else c2}")
            for e in own(t):
                ms = ','.join(m['text'] for m in theme_matches(e, t))
                print(f"      [{e['kind']} {e['sentence']}] {ms} | {e['text'][:140]}")

    print('\n3. the shape that made the level: right/wrong per slice')
    shapes = collections.defaultdict(collections.Counter)
    for name, keep, alt in slices:
        for n, r, d in docs:
            if keep(n):
                for t in d['themes']:
                    if t['level'] >= 1:
                        o = own(t)
                        h = sum(e['kind'] == 'heading' for e in o)
                        shape = f"level {t['level']} headings {min(h, 2)} body {min(len(o) - h, 4)}{'+' if len(o) - h >= 4 else ''}"
                        shapes[shape][(name, gold(n, r, t['id'], alt))] += 1
    for shape in sorted(shapes):
        v = shapes[shape]
        print(f'  {shape:30s} ' + ' | '.join(f'{name} {v[(name, True)]}/{v[(name, False)]}' for name, _, _ in slices))

    print('\n4. candidate rules: right cells lost / wrong cells removed')
    for cname, cls in CANDIDATES:
        cells, moves = [], []
        for name, keep, alt in slices:
            lost = removed = 0
            for n, r, d in docs:
                if not keep(n):
                    continue
                for t in d['themes']:
                    starts = cls(d, t) if t['level'] >= 1 else set()
                    if moved(t, starts):
                        g = gold(n, r, t['id'], alt)
                        lost, removed = lost + g, removed + (not g)
                        if alt is None and name in ('early', 'late'):
                            moves.append(f"      {'right' if g else 'WRONG'} {n} {t['id']} level {t['level']}")
            cells.append(f'{name} {lost}/{removed}')
        print(f'  {cname}\n    ' + ' | '.join(cells))
        if verbose:
            print('\n'.join(moves))


if __name__ == '__main__':
    main()
