#!/usr/bin/env python3
"""Derive analysis/data/attribution/ordinary-word-names.txt from hunspell-sv.

Usage: python3 tools/distinctnames/make.py [/usr/share/hunspell/sv_SE] > analysis/data/attribution/ordinary-word-names.txt

A municipality name (registry/data/municipalities.csv) is an ordinary
Swedish word when its lower-case form is a lower-case entry of the
hunspell sv_SE dictionary or a form its suffix rules make from one
("boden" = bod + -en, "mark", "vara"). Entries flagged as forbidden
(%, FORBIDDENWORD: "kungsbacka", place names the dictionary rejects in
lower case) are not words. Capitalised entries (place and
person names) are not ordinary words: "Kiruna" is in the dictionary as a
place. Only one-word names are checked; the attributor reads the file at
build time (analysis/municipality_distinct.go), never the dictionary.

The dictionary: Debian package hunspell-sv (LibreOffice dictionaries,
sv_SE by Göran Andersson, 2003-2014), licence LGPL-3
(/usr/share/doc/hunspell-sv/copyright). The file written holds only the
municipality names found, a fact about the words, not the dictionary.
"""
import csv, re, sys

base = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/hunspell/sv_SE"
names = []
with open("registry/data/municipalities.csv", encoding="utf-8") as f:
    for row in csv.reader(f):
        if row and row[0].isdigit():
            names.append(row[1])
targets = {n.lower(): n for n in names if " " not in n and "-" not in n}

# Suffix rules: flag -> [(strip, add, condition regex)].
sfx = {}
with open(base + ".aff", encoding="utf-8") as f:
    lines = f.read().splitlines()
i = 0
while i < len(lines):
    p = lines[i].split()
    if len(p) >= 4 and p[0] == "SFX" and p[3].isdigit():
        flag, n = p[1], int(p[3])
        rules = []
        for k in range(1, n + 1):
            q = lines[i + k].split()
            strip = "" if q[2] == "0" else q[2]
            add = q[3].split("/")[0]
            add = "" if add == "0" else add
            cond = q[4] if len(q) > 4 else "."
            rules.append((strip, add, re.compile("(" + cond + ")$")))
        sfx.setdefault(flag, []).extend(rules)
        i += n + 1
        continue
    i += 1

found = {}
with open(base + ".dic", encoding="utf-8") as f:
    next(f)  # the entry count
    for line in f:
        entry = line.strip()
        if not entry:
            continue
        stem, _, flags = entry.partition("/")
        if not stem or not stem[0].islower():
            continue  # a capitalised entry is a name, not an ordinary word
        if "%" in flags:
            continue  # FORBIDDENWORD: a place name the dictionary rejects in lower case ("kungsbacka")
        if stem in targets:
            found.setdefault(stem, stem)
        for fl in flags:
            for strip, add, cond in sfx.get(fl, ()):
                if not cond.search(stem) or (strip and not stem.endswith(strip)):
                    continue
                form = stem[: len(stem) - len(strip)] + add
                if form in targets:
                    found.setdefault(form, stem)

print("# Municipality names that are ordinary Swedish words: the lower-case name")
print("# is a lower-case word of hunspell sv_SE or one of its suffix forms (the")
print("# stem after the tab). Derived by tools/distinctnames/make.py from the")
print("# Debian package hunspell-sv (LibreOffice dictionaries, sv_SE by Göran")
print("# Andersson, LGPL-3); regenerate with that script, do not edit by hand.")
print("# A name here is not distinctive (analysis/municipality_distinct.go).")
for form in sorted(found):
    print(f"{form}\t{found[form]}")
