#!/usr/bin/env python3
"""Writes the checked reference texts of testdata/ingest/real (NAME.ref.txt).

Each reference starts from poppler's pdftotext output (plain, or -layout where the
plain output reads tables column by column) and applies the corrections below, each
checked against the page (glyph positions dumped from the PDF, and the rendered page):
they fix what pdftotext gets wrong, never what styrdok gets wrong.

Usage (from the repository root, poppler-utils installed):
    python3 tools/genfixtures/realrefs.py testdata/ingest/real
"""
import re
import subprocess
import sys

d = sys.argv[1]


def pdftotext(name, layout):
    args = ["pdftotext"] + (["-layout"] if layout else []) + [f"{d}/{name}.pdf", "-"]
    return subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")


def write(name, text):
    text = text.replace("\u200b", "")  # Google Docs' zero-width spaces: not on the page
    with open(f"{d}/{name}.ref.txt", "w", encoding="utf-8") as f:
        f.write(text)


# Word via Acrobat Distiller: pdftotext's plain reading is right.
write("karlshamn-it-och-informationssakerhetspolicy", pdftotext("karlshamn-it-och-informationssakerhetspolicy", False))

# LibreOffice Draw: "§ 1" is drawn with a space glyph between "§" and the number
# (pdftotext drops it: the glyph is narrow).
t = pdftotext("kalmar-nation-stadgar-ht25", False)
write("kalmar-nation-stadgar-ht25", re.sub(r"§(\d)", r"§ \1", t))

# Google Docs: the roster "Inspektor: Magnus Sandberg …" is a table without rules,
# read row by row (label, name, note) as printed; plain pdftotext reads it column by column.
t = pdftotext("kalmar-nation-verksamhetsberattelse-2025", False)
lay = pdftotext("kalmar-nation-verksamhetsberattelse-2025", True).replace("\u200b", "")
rows = [l.strip() for l in lay.splitlines() if re.match(r"\s*(Inspektor|Proinspektor|Kurator|ProKurator \w+|Senior|Notarie):", l)]
i = t.index("Inspektor:")
j = t.index("Seniorskollegiet är nationens styrelse")
write("kalmar-nation-verksamhetsberattelse-2025", t[:i] + "\n".join(rows) + "\n\n" + t[j:])

# Chrome (Skia): an accounting table; rows as printed (-layout). In the page header
# the right-hand block's lines sit on the baselines of "Räkenskapsår" (291 G 1 …)
# and "Period" (U 348 …), and "ÅRL" nearest the "Period" baseline (glyph dump: 783.65,
# 774.65; ÅRL 777.65); -layout shifts the block down a line.
t = pdftotext("kalmar-nation-resultatrapport-2024", True)
t, n = re.subn(r"(Räkenskapsår 2024-01-01 - 2024-12-31)\s*\n(Period 2024-01-01 - 2024-12-31)\s+(ÅRL)\s+(291 G 1 H 2 I 36 K 34 M 57 N 302 R 37)\s*\n\s*(U 348 Y 3 Z 306)",
               r"\1   \4\n\2   \3   \5", t)
assert n == 4, n
write("kalmar-nation-resultatrapport-2024", t)

# Word 2021: tables row by row as printed (-layout); the running header's file name
# "2026-02-01.DOCX" is letter-spaced without space glyphs (pdftotext splits it);
# table-of-contents dot leaders are not words; two hyphenated words across lines
# are one word each on the page ("prova-på-verksamhet", "2000-talet").
t = pdftotext("simrishamn-kfn-bokslut-2025", True)
t = t.replace("2026 -02 -01.DOCX", "2026-02-01.DOCX")
t = re.sub(r"\.{4,}", " ", t)
t = re.sub(r"prova-på-\s+verksamhet", "prova-på-verksamhet", t)
t = re.sub(r"2000-\s+talet", "2000-talet", t)
write("simrishamn-kfn-bokslut-2025", t)

# The scan has no text layer: its reference is empty.
write("kalmar-nation-bokslut-1990-scan", "")
