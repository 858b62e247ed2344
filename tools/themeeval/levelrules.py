#!/usr/bin/env python3
"""Level rules measured before they are written: each rule below moves some level
cells of `styrdok analyze`'s output to 0, and this prints, per slice of the DEV part
of testdata/realtexts, the right level >= 1 cells it would lose, the wrong ones it
would remove, level >= 1 precision and Cohen's unweighted kappa over the 11 x N level
cells, before -> after (docs/validity-themes.md, session 13).

usage: python3 tools/themeeval/levelrules.py BINARY testdata/realtexts CACHE_DIR

CACHE_DIR holds one `analyze --format json` output per dev text (written on the first
run, reused after: delete it when the binary changes). Dev rows only: the split column
is read before any text is, and held-out texts are never analysed or printed.

A rule here sees what the JSON shows (evidence segments, their kind, matches with
weight and position, the document's sections and kind), not GradeRule's passing
halves: it approximates a rule in analysis/explain.go, so a rule that holds here
must still be written in Go and measured with eval.py --half A|B and `styrdok eval
--real` before it is kept. Slices: half A / B (even / odd file numbers, as eval.py
--half), batches 6-8 (m432-m602, o303-o499: labelled after the level rules were
made) and tools/themeeval/fresh-14.txt."""
import bisect, collections, concurrent.futures, csv, glob, json, os, re, subprocess, sys

THEMES = "work housing language attitude meeting_places cooperation education gender_equality culture_leisure health reception".split()


def load(binary, rt, cache):
    rows = []
    for f in sorted(glob.glob(rt + '/documents-*.tsv')):
        for r in csv.DictReader(open(f, encoding='utf-8'), delimiter='\t', quoting=csv.QUOTE_NONE):
            if r['split'] == 'dev':
                rows.append(r)
    os.makedirs(cache, exist_ok=True)

    def get(r):
        name = os.path.splitext(os.path.basename(r['file']))[0]
        path = os.path.join(cache, name + '.json')
        if not os.path.exists(path):
            out = subprocess.run([binary, 'analyze', '--format', 'json', os.path.join(rt, r['file'])],
                                 capture_output=True, text=True)
            if out.returncode != 0:
                sys.exit(f"{r['file']}: analyze failed: {out.stderr[:200]}")
            with open(path, 'w', encoding='utf-8') as w:
                w.write(out.stdout)
        return name, r, json.load(open(path, encoding='utf-8'))
    with concurrent.futures.ThreadPoolExecutor(int(os.environ.get('THEMEEVAL_JOBS', '2'))) as pool:
        return list(pool.map(get, rows))


def own(t):
    return [e for e in t['evidence'] if not e['inherited']]


def body(es):
    return [e for e in es if e['kind'] != 'heading']


def one_section(d, t):
    # level 1 needs two own-word segments under one heading
    if t['level'] != 1:
        return False
    hs = sorted(s['sentence'] for s in d['sections'] or [])
    per = collections.Counter(bisect.bisect_right(hs, e['sentence']) for e in body(own(t)))
    return max(per.values(), default=0) < 2


def near(gap):
    def rule(d, t):  # level 1 needs two own-word segments at most gap segments apart
        if t['level'] != 1:
            return False
        ss = sorted(e['sentence'] for e in body(own(t)))
        return not any(b - a <= gap for a, b in zip(ss, ss[1:]))
    return rule


def list_item(d, t):
    # on a page of short items (3+ sections, 3 segments or fewer each), evidence inside one item only
    secs = d['sections'] or []
    if t['level'] < 1 or len(secs) < 3 or d['sentences'] / len(secs) > 3:
        return False
    hs = sorted(s['sentence'] for s in secs)
    per = collections.Counter(bisect.bisect_right(hs, e['sentence']) for e in own(t))
    return not (len(per) >= 2 or (t['level'] == 1 and max(per.values()) >= 3))


def modifier_only(d, t):
    # a compound is coded by its head: segments whose only words for the theme are modifiers do not count
    if t['level'] < 1:
        return False
    rest = [e for e in own(t) if not all(m['as'] == 'modifier' for m in e['matched'])]
    heads = [e for e in rest if e['kind'] == 'heading']
    n = len(rest) - len(heads)
    return (t['level'] == 1 and n < 2) or (t['level'] == 2 and not heads and n < 2)


def kind_other(need, sentences_only=False):
    def rule(d, t):  # on a page that is no steering document, level 1 needs more
        segs = [e for e in body(own(t)) if not sentences_only or e['kind'] == 'sentence']
        return d['kind'] == 'other' and t['level'] == 1 and len(segs) < need
    return rule


def weight(threshold, mode):
    def rule(d, t):
        if t['level'] != 1:
            return False
        b = body(own(t))
        if mode == 'best':
            w = sum(max((m['weight'] for m in e['matched']), default=0) for e in b)
        elif mode == 'sum':
            w = sum(m['weight'] for e in b for m in e['matched'])
        else:
            w = len({m['term'] for e in b for m in e['matched']})
        return w < threshold
    return rule


RULES = [
    ('level 1: two segments under one heading', one_section),
    ('level 1: two segments at most 3 apart', near(3)),
    ('level 1: two segments at most 5 apart', near(5)),
    ('page of short items: evidence in two items', list_item),
    ('modifier-only segments do not count', modifier_only),
    ('kind other: level 1 needs 3 segments', kind_other(3)),
    ('kind other: level 1 needs 4 segments', kind_other(4)),
    ('kind other: level 1 needs 2 full sentences', kind_other(2, True)),
    ('level 1: summed best weight per segment >= 5', weight(5, 'best')),
    ('level 1: summed match weight >= 5', weight(5, 'sum')),
    ('level 1: at least 2 distinct terms', weight(2, 'terms')),
]


def kappa(pairs):
    n = len(pairs)
    po = sum(a == b for a, b in pairs) / n
    ca = collections.Counter(a for a, _ in pairs)
    cb = collections.Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / n / n
    return (po - pe) / (1 - pe)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    binary, rt, cache = sys.argv[1:]
    docs = load(binary, rt, cache)
    here = os.path.dirname(os.path.abspath(__file__))
    fresh14 = set()
    for line in open(os.path.join(here, 'fresh-14.txt'), encoding='utf-8'):
        line = line.split('#', 1)[0].strip()
        if line:
            fresh14.add(os.path.splitext(os.path.basename(line))[0])

    def number(n):
        return int(re.sub(r'\D', '', n))

    def batches_6_8(n):
        return (n[0] == 'm' and 432 <= number(n) <= 602) or (n[0] == 'o' and 303 <= number(n) <= 499)
    slices = [('half A', lambda n: number(n) % 2 == 0), ('half B', lambda n: number(n) % 2 == 1),
              ('batches 6-8', batches_6_8), ('fresh-14', lambda n: n in fresh14)]
    print('| rule | ' + ' | '.join(s for s, _ in slices) + ' |')
    print('|---' * (len(slices) + 1) + '|')
    for name, rule in RULES:
        cells = []
        for _, keep in slices:
            lost = removed = tp0 = fp0 = tp1 = fp1 = 0
            before, after = [], []
            for n, r, d in docs:
                if not keep(n):
                    continue
                for t in d['themes']:
                    gold, a = int(r[t['id']]), t['level']
                    b = 0 if rule(d, t) else a
                    before.append((a, gold))
                    after.append((b, gold))
                    lost += a >= 1 and b < 1 and gold >= 1
                    removed += a >= 1 and b < 1 and gold < 1
                    tp0 += a >= 1 and gold >= 1
                    fp0 += a >= 1 and gold < 1
                    tp1 += b >= 1 and gold >= 1
                    fp1 += b >= 1 and gold < 1
            cells.append(f'{lost} / {removed}, P {tp0 / (tp0 + fp0):.3f} → {tp1 / (tp1 + fp1):.3f}, '
                         f'κ {kappa(before):.3f} → {kappa(after):.3f}')
        print(f'| {name} | ' + ' | '.join(cells) + ' |')


if __name__ == '__main__':
    main()
