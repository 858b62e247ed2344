#!/usr/bin/env python3
"""Write texts from a batch file: '@@@ ID' lines start a text; the text runs to the
next marker, without the one newline before the marker. Refuses to overwrite a text
that differs, so a later batch cannot silently change an earlier one.
Usage: python3 tools/realtexts/split.py BATCHFILE"""
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(os.path.dirname(HERE)), "testdata", "realtexts", "texts")
data = open(sys.argv[1], encoding="utf-8").read()
parts = data.split("@@@ ")[1:]
for p in parts:
    ident, _, body = p.partition("\n")
    ident = ident.strip()
    if body.endswith("\n"):
        body = body[:-1]
    path = os.path.join(OUT, ident + ".txt")
    if os.path.exists(path) and open(path, encoding="utf-8").read() != body:
        sys.exit(f"{path}: exists with other content")
    with open(path, "w", encoding="utf-8") as f:
        f.write(body)
    print(ident, len(body.encode()))
