#!/usr/bin/env python3
"""Per-term precision of styrdok's sentence evidence on the dev part of testdata/realtexts.

usage: python3 tools/themeeval/termprec.py BINARY [MIN_N]

For every (theme, codebook term) that matched in a labelled dev sentence (own words,
not inherited from a heading), count the sentences and those whose human label has
the theme; print the terms with at least MIN_N (default 8) sentences, lowest
precision first. A term that is right in few of its sentences is a candidate for a
lower weight or a `not` entry in codebook/codebook.yaml (docs/validity-themes.md,
session 33). Dev only: the held-out part is scored, never read term by term.
"""
import collections, csv, json, os, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

BIN = sys.argv[1]
MIN_N = int(sys.argv[2]) if len(sys.argv) > 2 else 8
R = 'testdata/realtexts'
split = {}
for part in ['municipal', 'other', 'shared']:
    for r in csv.DictReader(open(f'{R}/documents-{part}.tsv'), delimiter='\t'):
        split[r['file']] = r['split']
gold = collections.defaultdict(list)
for part in ['municipal', 'other']:
    for r in csv.DictReader(open(f'{R}/sentences-{part}.tsv'), delimiter='\t'):
        if split.get(r['file']) == 'dev':
            themes = set() if r['themes'] == '-' else set(r['themes'].split(','))
            gold[r['file']].append((int(r['start']), int(r['end']), themes))


def analyse(f):
    out = subprocess.run([BIN, 'analyze', '--format', 'json', os.path.join(R, f)],
                         capture_output=True, text=True, check=True).stdout
    return f, json.loads(out)


stat = collections.defaultdict(lambda: [0, 0])
with ThreadPoolExecutor(4) as ex:
    for f, d in ex.map(analyse, sorted(gold)):
        for th in d['themes']:
            for ev in th.get('evidence') or []:
                if ev.get('inherited'):
                    continue
                labels = next((t for (s, e, t) in gold[f] if s < ev['end'] and ev['start'] < e), None)
                if labels is None:
                    continue
                for m in ev.get('matched') or []:
                    k = (th['id'], m['term'])
                    stat[k][0] += 1
                    stat[k][1] += th['id'] in labels
rows = sorted(((k, n, ok) for k, (n, ok) in stat.items() if n >= MIN_N), key=lambda x: (x[2] / x[1], x[0]))
for (theme, term), n, ok in rows:
    print(f'{ok / n:.2f} {ok:4d}/{n:<4d} {theme:16s} {term}')
