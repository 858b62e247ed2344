#!/usr/bin/env python3
"""Draft sentence rows for a text of the labelled real set.

Why: sentences-other.tsv needs byte offsets into the .txt file; cutting them
by hand is error-prone. This prints one candidate row per sentence (a line,
split further after . ! ? followed by a space and a capital, not after a
known abbreviation) with themes "?". The labeller reads every row and writes
the themes; segmentation is only a starting point and may be merged by hand.

Usage: segment.py TEXTS_DIR FILE_ID...   (e.g. segment.py ../../testdata/realtexts/texts o001)
"""
import re
import sys

ABBREV = ("t.ex.", "bl.a.", "m.m.", "osv.", "dvs.", "s.k.", "ca.", "kl.", "nr.", "t.o.m.",
          "fr.o.m.", "resp.", "enl.", "jfr.", "tf.", "gd.", "fd.")
SPLIT = re.compile(r'[.!?]["”»)]?(?= +[A-ZÅÄÖ–"”0-9[])')


def sentences(text):
    b = text.encode("utf-8")
    pos = 0
    for line in b.split(b"\n"):
        start_line = pos
        pos += len(line) + 1
        s = line.decode("utf-8")
        lead = len(s) - len(s.lstrip())
        if not s.strip():
            continue
        cur = lead
        for m in SPLIT.finditer(s):
            end = m.end()
            word = s[:end].split()[-1].lower() if s[:end].split() else ""
            if word in ABBREV:
                continue
            piece = s[cur:end]
            if piece.strip():
                yield start_line + len(s[:cur].encode()), start_line + len(s[:end].encode())
            cur = end
            while cur < len(s) and s[cur] == " ":
                cur += 1
        tail = s[cur:].rstrip()
        if tail:
            yield start_line + len(s[:cur].encode()), start_line + len(tail.encode()) + len(s[:cur].encode())


def main():
    d = sys.argv[1]
    for fid in sys.argv[2:]:
        b = open(f"{d}/{fid}.txt", "rb").read()
        for i, (s, e) in enumerate(sentences(b.decode("utf-8"))):
            txt = re.sub(r"[\t\r\n]+", " ", b[s:e].decode("utf-8"))
            print(f"texts/{fid}.txt\t{s}\t{e}\t?\t{txt}\t#{i}")


if __name__ == "__main__":
    main()
