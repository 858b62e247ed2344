#!/usr/bin/env python3
"""Generate analysis/vowelforms.tsv: Swedish nouns whose plural changes the
vowel (bostad -> bostäder, stad -> städer, man -> män), with every written
form of the plural, from Debian's hunspell-sv (Den stora svenska ordlistan,
Göran Andersson, LGPL-3).

    apt-get install hunspell-sv
    python3 tools/vowelforms/gen.py > analysis/vowelforms.tsv

Why a generated table and not the dictionary at run time: styrdok runs
offline on machines without hunspell, and the tagger needs only these
irregular forms (regular endings are rules in analysis/match.go).

How: hunspell-sv lists such plurals as words of their own ("bostäder/AJY").
For each plural entry with ä or ö, the lemma is found by undoing the
umlaut of the last ä/ö (ä -> a or å, ö -> o) and the plural ending
(-er, with a doubled consonant undone: böcker -> bok; -män -> -man), and
kept when the dictionary has that lemma. Compounds whose head is already
in the table (hyresbostäder: bostad) are left out: styrdok applies the
head's forms to any compound ending in it. The plural's forms are the
entry expanded by its suffix flags (bostäder, bostäderna, bostädernas,
bostäders).
"""
import re, sys

DIC = '/usr/share/hunspell/sv_SE.dic'
AFF = '/usr/share/hunspell/sv_SE.aff'

def load_aff(path):
    rules = {}
    for line in open(path, encoding='utf-8'):
        f = line.split()
        if len(f) >= 5 and f[0] == 'SFX':
            flag, strip, add, cond = f[1], f[2], f[3].split('/')[0], f[4]
            rules.setdefault(flag, []).append(('' if strip == '0' else strip, '' if add == '0' else add, re.compile(cond + '$')))
    return rules

def expand(word, flags, rules):
    out = {word}
    for fl in flags:
        for strip, add, cond in rules.get(fl, []):
            if cond.search(word) and word.endswith(strip):
                out.add(word[:len(word) - len(strip)] + add)
    return out

def umlauted(lemma, form):
    # form changes one of lemma's a/å/o into ä/ö before its ending
    n = 0
    while n < min(len(lemma), len(form)) and lemma[n] == form[n]:
        n += 1
    return n < len(lemma) and n < len(form) and lemma[n] in 'aåo' and form[n] in 'äö'

def noun(flags):
    # a noun entry has a definite-form flag (B: -et, D: -en, E: -n)
    return any(f in flags for f in 'BDE')

# nouns whose look-alike is another word's plural: sockerärter are sugar
# peas (sockerärt), not kinds of sugar
# and (duck, änder) is left out as well: as a compound's head it would
# give "band" and "sand" the forms bänder, sänder; grand (a grain) is
# not gränd (an alley, gränder)
FALSE_PAIRS = {'sockerart', 'and', 'grand'}

SUPPLEMENT = {
    'stad': 'städer städerna städernas städers',
    'natt': 'nätter nätterna nätternas nätters',
    'bot': 'böter böterna böternas böters',
    'gås': 'gäss gässen gässens gäss',
    'mus': 'möss mössen mössens',
    'broder': 'bröder bröderna brödernas bröders',
    'fader': 'fäder fäderna fädernas fäders',
    'moder': 'mödrar mödrarna mödrarnas mödrars',
    'dotter': 'döttrar döttrarna döttrarnas döttrars',
}

def main():
    rules = load_aff(AFF)
    entries = {}
    with open(DIC, encoding='utf-8') as fh:
        next(fh)  # the word count
        for line in fh:
            w, _, flags = line.strip().partition('/')
            if w and w.islower() and w.isalpha():
                entries[w] = flags
    pairs = {}
    # 1. lemmas whose own suffix flags change the vowel (fot/J: fötter)
    for w, flags in entries.items():
        if 'J' not in flags or not noun(flags) or w in FALSE_PAIRS:
            continue
        forms = expand(w, 'J', rules)
        changed = sorted(f for f in forms if umlauted(w, f))
        if changed:
            pairs[w] = (changed, '')
    # 2. plurals listed as words of their own, with the noun-plural flag
    # J (bostäder/AJY) or, for -män, F (män/AFY); an adjective or a verb
    # that happens to look like one (säker, fäster) has neither
    for p, flags in entries.items():
        if not ('J' in flags or (p.endswith('män') and 'F' in flags)):
            continue
        cands = []
        if p.endswith('män'):
            cands.append(p[:-3] + 'man')
        elif p.endswith('er') and ('ä' in p[:-2] or 'ö' in p[:-2]):
            base = p[:-2]
            k = max(base.rfind('ä'), base.rfind('ö'))
            back = ['a', 'å'] if base[k] == 'ä' else ['o']
            for v in back:
                b = base[:k] + v + base[k + 1:]
                m = re.search(r'(ck|tt)$', b)
                if m:  # böcker -> bok before bock, fötter -> fot
                    cands.append(b[:-2] + m.group(1)[-1])
                cands.append(b + 'e')  # bönder -> bonde
                cands.append(b)
        for c in cands:
            if c in entries and c != p and len(c) >= 3 and noun(entries[c]) and c not in FALSE_PAIRS:
                if c not in pairs:
                    pairs[c] = (sorted(expand(p, flags, rules)), '')
                break
    # 3. what the dictionary lacks (it has no städer, nätter)
    for lemma, forms in SUPPLEMENT.items():
        pairs.setdefault(lemma, (forms.split(), ''))
    # leave out compounds whose head lemma is in the table with the same change
    keep = {}
    for lemma, (p, flags) in pairs.items():
        head = any(lemma.endswith(h) and len(lemma) - len(h) >= 2 and p[0].endswith(pairs[h][0][0])
                   for h in pairs if h != lemma)
        if not head:
            keep[lemma] = sorted(set(p) - {lemma})
    print('# Swedish nouns whose plural changes the vowel, with the plural\'s written forms.')
    print('# Generated by tools/vowelforms/gen.py from Debian hunspell-sv 1:7.5.0-1')
    print('# (dictionaries/sv_SE: Den stora svenska ordlistan, (c) 2003-2014 Göran Andersson,')
    print('# LGPL-3); this derived table is under the same licence. Do not edit: regenerate.')
    print('# lemma<TAB>forms (space-separated); a compound ending in a lemma takes its forms.')
    for lemma in sorted(keep):
        print(lemma + '\t' + ' '.join(keep[lemma]))

main()
