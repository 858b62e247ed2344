#!/usr/bin/env python3
"""Agreement of a second coder's theme levels with the first coder's
(issue 14, point 3; session 14). Dev texts only: a row of the second file
whose text is held out, or has no row in documents-*.tsv, stops the script
with an error naming the file, before anything is printed.

usage: python3 tools/themeeval/coder2agree.py [LABELS] [testdata/realtexts] [-d]

LABELS (default tools/themeeval/coder2-16.tsv): tab-separated, "#" lines are
comments, header `file` + the 11 themes (+ any further columns), levels 0-2.
Prints, per theme and pooled over the 11 themes: the share of texts where
both coders give the same level, Cohen's kappa on level >= 1 (yes/no) and on
the 0/1/2 scale (unweighted), and a 3x3 confusion table (rows coder 1,
columns coder 2). -d also lists every disagreement by theme and direction
(which coder says more), with the second coder's reason for the text."""
import csv
import os
import sys

THEMES = ("work housing language attitude meeting_places cooperation education "
          "gender_equality culture_leisure health reception").split()


def read_levels(path):
    """{stem: ({theme: level}, reason)} of a label file like coder2-16.tsv."""
    try:
        with open(path, newline='') as f:
            lines = [l for l in f if not l.startswith('#')]
    except OSError as e:
        sys.exit('%s: %s' % (path, e.strerror))
    reader = csv.DictReader(lines, delimiter='\t', quoting=csv.QUOTE_NONE)
    missing = [c for c in ['file'] + THEMES if c not in (reader.fieldnames or [])]
    if missing:
        sys.exit('%s: header lacks %s' % (path, ', '.join(missing)))
    out = {}
    for n, row in enumerate(reader, 2):
        stem = os.path.splitext(os.path.basename(row['file']))[0]
        try:
            lv = {t: int(row[t]) for t in THEMES}
        except (KeyError, TypeError, ValueError) as e:
            sys.exit('%s: row %d (%s): bad level: %s' % (path, n, stem, e))
        if any(v not in (0, 1, 2) for v in lv.values()):
            sys.exit('%s: row %d (%s): a level outside 0-2' % (path, n, stem))
        if stem in out:
            sys.exit('%s: row %d: %s twice' % (path, n, stem))
        out[stem] = (lv, row.get('reason', ''))
    if not out:
        sys.exit('%s: no rows' % path)
    return out


def first_coder(root, stems):
    """{stem: {theme: level}} of documents-*.tsv, for the stems given; every
    stem must be a dev row."""
    rows = {}
    for part in ('municipal', 'other', 'shared'):
        path = os.path.join(root, 'documents-%s.tsv' % part)
        with open(path, newline='') as f:
            for r in csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE):
                stem = os.path.splitext(os.path.basename(r['file']))[0]
                if stem in stems:
                    if r['split'] != 'dev':
                        sys.exit('%s: %s is %s: only dev texts may be compared' % (path, stem, r['split']))
                    rows[stem] = {t: int(r[t]) for t in THEMES}
    missing = sorted(set(stems) - set(rows))
    if missing:
        sys.exit('%s: no row for %s' % (root, ', '.join(missing)))
    return rows


def kappa(pairs, cats):
    n = len(pairs)
    if not n:
        return float('nan')
    po = sum(a == b for a, b in pairs) / n
    pe = sum((sum(a == c for a, _ in pairs) / n) * (sum(b == c for _, b in pairs) / n) for c in cats)
    return (po - pe) / (1 - pe) if pe < 1 else float('nan')


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('-')]
    labels = args[0] if args else 'tools/themeeval/coder2-16.tsv'
    root = args[1] if len(args) > 1 else 'testdata/realtexts'
    second = read_levels(labels)
    first = first_coder(root, set(second))
    stems = sorted(second)
    print('texts=%d (%s against %s/documents-*.tsv)' % (len(stems), labels, root))
    print('%-16s %5s %7s %7s %7s %5s %5s %5s %5s' % ('theme', 'agree', 'k(>=1)', 'k(012)', 'agr>=1',
                                                    'c1>=1', 'c2>=1', '1>2', '2>1'))
    allpairs = []
    for t in THEMES + ['ALL']:
        ts = THEMES if t == 'ALL' else [t]
        pairs = [(first[s][x], second[s][0][x]) for s in stems for x in ts]
        if t != 'ALL':
            allpairs += pairs
        bin_pairs = [(a >= 1, b >= 1) for a, b in pairs]
        print('%-16s %5.3f %7.3f %7.3f %7.3f %5d %5d %5d %5d' % (
            t, sum(a == b for a, b in pairs) / len(pairs), kappa(bin_pairs, (False, True)),
            kappa(pairs, (0, 1, 2)), sum(a == b for a, b in bin_pairs) / len(pairs),
            sum(a for a, _ in bin_pairs), sum(b for _, b in bin_pairs),
            sum(a > b for a, b in pairs), sum(b > a for a, b in pairs)))
    print('\nconfusion, all themes pooled (rows coder 1, columns coder 2):')
    print('        c2=0  c2=1  c2=2')
    for a in (0, 1, 2):
        print('c1=%d %6d %5d %5d' % (a, *[sum(1 for x, y in allpairs if x == a and y == b) for b in (0, 1, 2)]))
    if '-d' in sys.argv:
        print('\ndisagreements (theme, direction, text, coder 1 -> coder 2, coder 2\'s reason):')
        for t in THEMES:
            for up in (True, False):
                for s in stems:
                    a, b = first[s][t], second[s][0][t]
                    if a != b and (b > a) == up:
                        print('  %-16s %s %s %d->%d  %s' % (t, 'c2>c1' if up else 'c1>c2', s, a, b, second[s][1]))


if __name__ == '__main__':
    main()
