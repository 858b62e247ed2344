#!/usr/bin/env python3
"""Theme claims and levels of `styrdok analyze` against the labelled real
texts (testdata/realtexts), dev split only: never run it on held-out rows.

usage: python3 tools/themeeval/eval.py BINARY testdata/realtexts [-v] [-l] [-s] [--heldout] [--half A|B] [--only FILE] [--levels FILE] [--by-speaker]

Prints: claims (a theme with any evidence) against the themes the labelled
sentences treat (whole document, and only evidence inside labelled
sentences, which is the fair view: not every sentence is labelled);
level >= 1 against the documents' levels; sentence-level precision and
recall of own-word evidence. -v lists every disagreement, -l every
level >= 1 disagreement with its own-word evidence, -s every labelled
sentence theme with no own-word evidence (a false negative) with the
matches, of every theme, of the evidence segments that overlap it (a
damped match shows its weight below 1; "no evidence" means no codebook
word reached min_score there: `styrdok explain` shows the rest).
--half A keeps the dev texts whose file number is even (m002, o010, r022 ...),
--half B those whose number is odd: a fixed split-half check, so a change found
on one half is kept only if it also helps the other (themes round 9).
--except FILE leaves out the texts FILE names (same format as --only).
THEMEEVAL_CACHE=DIR keeps each binary's outputs (keyed by its sha256) for reuse.
--only FILE keeps the dev texts named in FILE (one name a line, "m003" or
"texts/m003.txt"; "#" starts a comment): a slice such as the fresh sentence
labels of tools/themeeval/fresh-14.txt, scored apart from the texts the rules
were made from.
--levels FILE scores styrdok's levels against an alternative label file (a
second coder's, e.g. tools/themeeval/coder2-16.tsv: "#" comments, header
`file` + the 11 themes, levels 0-2; read by coder2agree.read_levels) and keeps
only the dev texts it lists: besides the usual figures (against the first
coder, documents-*.tsv) it prints level >= 1 P/R and Cohen's kappa (level >= 1
yes/no and 0/1/2) against coder 1, against the file, and on the cells where
the two coders agree (see levels_against_coders).
--by-speaker adds level >= 1 P/R per labelled speaker (the `speaker` column:
municipality, party, association, ...), with the right and wrong level >= 1
cells a rule setting that speaker's levels to 0 would take (session 17: no
speaker rule holds, docs/validity-themes.md); dev only.
--heldout scores the
held-out rows instead, figures only (it refuses -v, -l and -s: no rule may be
tuned to a held-out text; run it once, at the end of a round).

The labels' offsets (into the stored text) are mapped into the text as
ingest cleaned it (`BINARY text`, where the evidence's offsets point) by
align_raw, a copy of eval.alignRaw (eval/real.go), before the sentence
figures and "claims in labelled sentences" are counted (session 19: without
it, evidence on texts that cleaning changes landed on the neighbouring
sentence and -s listed hits as misses). --raw-offsets compares them
unaligned, as before. `styrdok eval --real` remains the figure to cite.
The claims and level figures do not depend on offsets within a text."""
import csv, json, subprocess, sys, os, glob, collections
BIN = sys.argv[1]
RT = sys.argv[2] if len(sys.argv) > 2 and not sys.argv[2].startswith('-') else None
V = '-v' in sys.argv
L = '-l' in sys.argv  # list level>=1 disagreements with their own-word evidence
S = '-s' in sys.argv  # list sentence false negatives with their segments' matches
SPLIT = 'heldout' if '--heldout' in sys.argv else 'dev'
HALF = sys.argv[sys.argv.index('--half') + 1] if '--half' in sys.argv else None
if HALF not in (None, 'A', 'B'):
    sys.exit('--half takes A (even file numbers) or B (odd)')
EXCEPT = set()  # --except FILE: leave out the texts FILE names (a fresh slice kept for the end)
if '--except' in sys.argv:
    for line in open(sys.argv[sys.argv.index('--except') + 1]):
        line = line.split('#', 1)[0].strip()
        if line:
            EXCEPT.add(os.path.splitext(os.path.basename(line))[0])
ONLY = None
if '--only' in sys.argv:
    ONLY = set()
    for line in open(sys.argv[sys.argv.index('--only') + 1]):
        line = line.split('#', 1)[0].strip()
        if line:
            ONLY.add(os.path.splitext(os.path.basename(line))[0])
def alt_levels_option():
    """--levels FILE: the alternative labels {stem: ({theme: level}, reason)},
    and ONLY narrowed to the texts the file lists; None without the option."""
    global ONLY
    if '--levels' not in sys.argv:
        return None
    if '--heldout' in sys.argv:
        sys.exit('--levels compares coders on dev texts: drop --heldout')
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    sys.dont_write_bytecode = True  # importing coder2agree leaves no __pycache__ in the tree
    from coder2agree import read_levels
    alt = read_levels(sys.argv[sys.argv.index('--levels') + 1])
    ONLY = set(alt) if ONLY is None else ONLY & set(alt)
    return alt
ALT = alt_levels_option()
def in_half(name):
    if os.path.splitext(os.path.basename(name))[0] in EXCEPT:
        return False
    if ONLY is not None and os.path.splitext(os.path.basename(name))[0] not in ONLY:
        return False
    if HALF is None:
        return True
    digits = ''.join(ch for ch in os.path.basename(name) if ch.isdigit())
    return (int(digits) % 2 == 0) == (HALF == 'A')
BY_SPEAKER = '--by-speaker' in sys.argv
RAW_OFFSETS = '--raw-offsets' in sys.argv  # the old way: labelled offsets compared with evidence offsets unaligned
if SPLIT == 'heldout' and (V or L or S or BY_SPEAKER):
    sys.exit('--heldout prints figures only: drop -v, -l, -s and --by-speaker')
THEMES = "work housing language attitude meeting_places cooperation education gender_equality culture_leisure health reception".split()
speaker_of = {}  # stem -> the labelled speaker (--by-speaker)
docs = []  # (path, gold_levels{theme:lvl}, gold_any set or None, sentences list or None)
if RT:
    sents = collections.defaultdict(list)
    for f in glob.glob(RT + '/sentences-*.tsv'):
        for r in csv.DictReader(open(f), delimiter='\t', quoting=csv.QUOTE_NONE):
            th = set() if r['themes'] == '-' else set(r['themes'].split(','))
            sents[r['file']].append((int(r['start']), int(r['end']), th, r['sentence']))
    for f in glob.glob(RT + '/documents-*.tsv'):
        for r in csv.DictReader(open(f), delimiter='\t', quoting=csv.QUOTE_NONE):
            if r['split'] != SPLIT or not in_half(r['file']):
                continue
            speaker_of[os.path.splitext(os.path.basename(r['file']))[0]] = r['speaker']
            if r['file'].startswith('texts/r'):  # realdocs: levels, no sentence labels
                docs.append((RT + '/' + r['file'], {t: int(r[t]) for t in THEMES}, None, None))
                continue
            ss = sents.get(r['file'], [])
            gany = set().union(*[s[2] for s in ss]) if ss else set()
            docs.append((RT + '/' + r['file'], {t: int(r[t]) for t in THEMES}, gany, ss))
level_cells = []  # (stem, theme, styrdok's level, coder 1's level): --levels scores them
ctp = [0, 0, 0]; tp = fp = fn = 0; ltp = lfp = lfn = 0; stp = sfp = sfn = 0
CACHE = os.environ.get('THEMEEVAL_CACHE')  # a directory: outputs kept per binary (its sha256) and text
if CACHE:
    import hashlib
    CACHE = os.path.join(CACHE, hashlib.sha256(open(BIN, 'rb').read()).hexdigest()[:16])
    os.makedirs(CACHE, exist_ok=True)
def run(path):
    if CACHE:
        f = os.path.join(CACHE, os.path.basename(path) + '.json')
        if os.path.exists(f):
            return subprocess.CompletedProcess([], 0, open(f).read(), '')
    out = subprocess.run([BIN, 'analyze', '--format', 'json', path], capture_output=True, text=True)
    if CACHE and out.returncode == 0:
        open(f, 'w').write(out.stdout)
    return out
def clean_text(path):
    """The text as ingest cleaned it (`BIN text`), bytes: evidence offsets point into it."""
    if CACHE:
        f = os.path.join(CACHE, os.path.basename(path) + '.clean')
        if os.path.exists(f):
            return open(f, 'rb').read()
    out = subprocess.run([BIN, 'text', path], capture_output=True)
    if CACHE and out.returncode == 0:
        open(f, 'wb').write(out.stdout)
    return out.stdout if out.returncode == 0 else None
def runes(b):
    """(rune, byte offset, byte length) of the non-space runes of UTF-8 bytes b."""
    out, i = [], 0
    t = b.decode('utf-8', 'replace')
    for ch in t:
        n = len(ch.encode('utf-8'))
        if not ch.isspace():
            out.append((ch, i, n))
        i += n
    return out
def align_raw(raw, clean):
    """Each byte offset of raw mapped to one of clean, as eval.alignRaw (eval/real.go) does it:
    the non-space runes walked in step, up to 4 skipped on either side to find step again;
    gaps take the next mapped offset; never decreasing."""
    m = [-1] * (len(raw) + 1)
    R, C = runes(raw), runes(clean)
    i = j = 0
    while i < len(R) and j < len(C):
        if R[i][0] == C[j][0]:
            m[R[i][1]] = C[j][1]; i += 1; j += 1; continue
        for skip in range(1, 5):
            if i + skip < len(R) and R[i + skip][0] == C[j][0]:
                i += skip; break
            if j + skip < len(C) and C[j + skip][0] == R[i][0]:
                j += skip; break
        else:
            m[R[i][1]] = C[j][1]; i += 1; j += 1
    last = len(clean)
    for k in range(len(raw), -1, -1):
        if m[k] < 0:
            m[k] = last
        else:
            last = m[k]
    for k in range(1, len(m)):
        if m[k] < m[k - 1]:
            m[k] = m[k - 1]
    return m
import concurrent.futures
with concurrent.futures.ThreadPoolExecutor(int(os.environ.get('THEMEEVAL_JOBS', '2'))) as pool:
    outs = list(pool.map(run, [d[0] for d in docs]))  # order kept: output is deterministic
pt = collections.defaultdict(lambda: [0, 0, 0])  # per theme, claims in labelled sentences
for (path, lv, gany, ss), out in zip(docs, outs):
    if out.returncode not in (0,):
        print('FAIL', path, out.stderr[:200]); continue
    d = json.loads(out.stdout)
    claim = {t['id'] for t in d['themes'] if t['evidence']}
    lvl = {t['id']: t['level'] for t in d['themes']}
    gold = gany if gany is not None else {t for t in THEMES if lv[t] >= 1}
    for t in THEMES:
        c, g = t in claim, t in gold
        tp += c and g; fp += c and not g; fn += g and not c
        lc, lg = lvl.get(t, 0) >= 1, lv[t] >= 1
        level_cells.append((os.path.splitext(os.path.basename(path))[0], t, lvl.get(t, 0), lv[t]))
        ltp += lc and lg; lfp += lc and not lg; lfn += lg and not lc
        if L and lc != lg:
            ev = [e for th in d['themes'] if th['id'] == t for e in th['evidence'] if not e['inherited']]
            print(f"  L{'FP' if lc else 'FN'} {os.path.basename(path)} {t} lvl={lvl.get(t)} gold={lv[t]} own={len(ev)}")
            for e in ev[:8]:
                print('      ', e.get('kind'), e.get('modality'), [m['text'] for m in e['matched']], e['text'][:150].replace('\n', ' '))
        if V and c != g:
            ev = [e for th in d['themes'] if th['id'] == t for e in th['evidence']]
            print(f"  {'FP' if c else 'FN'} {os.path.basename(path)} {t} lvl={lvl.get(t)} gold={lv[t]}")
            for e in ev[:6]:
                print('      ', [m['text'] for m in e['matched']], e['inherited'], e['text'][:140].replace('\n', ' '))
    if ss and not RAW_OFFSETS:
        clean = clean_text(path)
        if clean is not None:
            raw = open(path, 'rb').read()
            if raw != clean:
                m = align_raw(raw, clean)
                ss = [(m[min(a, len(raw))], m[min(b, len(raw))], g, txt) for (a, b, g, txt) in ss]
    if ss is not None:
        lab = set()
        for th in d['themes']:
            for e in th['evidence']:
                if any(e['start'] < en and s < e['end'] for (s, en, g, _) in ss):
                    lab.add(th['id'])
        for t in THEMES:
            c, g = t in lab, t in gany
            ctp[0] += c and g; ctp[1] += c and not g; ctp[2] += g and not c
            pt[t][0] += c and g; pt[t][1] += c and not g; pt[t][2] += g and not c
            if V and c != g:
                print(f"  C{'FP' if c else 'FN'} {os.path.basename(path)} {t}")
        hits = collections.defaultdict(set)
        for th in d['themes']:
            for e in th['evidence']:
                if e['inherited']: continue
                for (s, en, g, _) in ss:
                    if e['start'] < en and s < e['end']:
                        hits[(s, en)].add(th['id'])
        for (s, en, g, txt) in ss:
            h = hits[(s, en)]
            stp += len(h & g); sfp += len(h - g); sfn += len(g - h)
            if S and g - h:
                ms = sorted({f"{m['theme']}:{m['text']}={m['weight']:g}" for th in d['themes'] for e in th['evidence']
                             if e['start'] < en and s < e['end'] for m in e['matched']})
                print(f"  SFN {os.path.basename(path)} -{sorted(g-h)} {txt[:140]}")
                print('       ', ' '.join(ms) if ms else '(no evidence of any theme)')
            if V and (h - g or g - h):
                print(f"  S {os.path.basename(path)} +{sorted(h-g)} -{sorted(g-h)} {txt[:140]}")
def levels_against_coders(cells, alt):
    """Level >= 1 P/R and kappa of styrdok against coder 1, the --levels file
    (coder 2) and the cells where the two agree (on level >= 1 for P/R and the
    yes/no kappa, on the exact level for the 0/1/2 kappa)."""
    from coder2agree import kappa
    def prl(pairs):  # level >= 1 P/R of (styrdok, label) pairs
        return pr(sum(s >= 1 and g >= 1 for s, g in pairs), sum(s >= 1 and g < 1 for s, g in pairs),
                  sum(s < 1 and g >= 1 for s, g in pairs))
    missing = sorted(x for x in set(alt) - {c[0] for c in cells} if in_half(x))  # --half keeps a part
    if missing:
        sys.exit('--levels: no dev text scored for ' + ', '.join(missing))
    views = [('coder 1', [(s, g) for _, _, s, g in cells]),
             ('coder 2', [(s, alt[stem][0][t]) for stem, t, s, _ in cells]),
             ('both agree >=1', [(s, g) for stem, t, s, g in cells if (g >= 1) == (alt[stem][0][t] >= 1)]),
             ('both agree 012', [(s, g) for stem, t, s, g in cells if g == alt[stem][0][t]])]
    print(f"levels against coders, texts={len({c[0] for c in cells})}, cells={len(cells)}:")
    for name, pairs in views:
        kb = kappa([(s >= 1, g >= 1) for s, g in pairs], (False, True))
        k3 = kappa([(min(s, 2), g) for s, g in pairs], (0, 1, 2))
        print(f"  {name:15s} cells={len(pairs):4d} level>=1 {prl(pairs)} kappa(>=1)={kb:.3f} kappa(012)={k3:.3f}")
    c1fp = [(stem, t) for stem, t, s, g in cells if s >= 1 and g < 1]
    c1fn = [(stem, t) for stem, t, s, g in cells if s < 1 and g >= 1]
    print(f"  of {len(c1fp)} false positives against coder 1, coder 2 labels {sum(alt[x][0][t] >= 1 for x, t in c1fp)} level >= 1;"
          f" of {len(c1fn)} false negatives, coder 2 labels {sum(alt[x][0][t] < 1 for x, t in c1fn)} level 0")
    if '--per-theme' in sys.argv:
        for th in THEMES:
            mine = [(s, g, alt[stem][0][t]) for stem, t, s, g in cells if t == th]
            print(f"    {th:16s} coder 1 {prl([(s, g) for s, g, _ in mine])}  coder 2 {prl([(s, x) for s, _, x in mine])}")
def pr(a, b, c):
    return f"P={a/(a+b) if a+b else 0:.3f} R={a/(a+c) if a+c else 0:.3f} (tp={a} fp={b} fn={c})"
print(f"split={SPLIT}{' half=' + HALF if HALF else ''}{' only=' + str(len(ONLY)) if ONLY is not None else ''} docs={len(docs)}")
print("claims (any evidence):", pr(tp, fp, fn))
print("level>=1:             ", pr(ltp, lfp, lfn))
if RT:
    print("claims in labelled sentences vs themes a labelled sentence treats:", pr(*ctp))
    print(f"sentences (own words{', offsets not aligned' if RAW_OFFSETS else ''}; cite `styrdok eval --real`):", pr(stp, sfp, sfn))
    if '--per-theme' in sys.argv:
        for t in THEMES:
            print(f"  {t:16s}", pr(*pt[t]))
if ALT is not None:
    levels_against_coders(level_cells, ALT)
if BY_SPEAKER:
    print("level>=1 by labelled speaker (a rule setting the speaker's levels to 0 would lose tp and remove fp):")
    for sp in sorted({speaker_of[c[0]] for c in level_cells}):
        mine = [(s, g) for stem, _, s, g in level_cells if speaker_of[stem] == sp]
        a = sum(s >= 1 and g >= 1 for s, g in mine); b = sum(s >= 1 and g < 1 for s, g in mine)
        print(f"  {sp:13s} texts={len(mine) // len(THEMES):4d}", pr(a, b, sum(s < 1 and g >= 1 for s, g in mine)))
