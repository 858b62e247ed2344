#!/usr/bin/env python3
"""Write texts from a batch of stored excerpts: one text per line,
'ID<TAB>full|cut|line|dropN<TAB>"JSON string as the store returned it"'. `cut` marks an excerpt the
store had cut short: the text then ends at its last paragraph end (the last blank line after a sentence end, so no heading dangles),
with the white space at the cut dropped, so no text ends in a broken word. JSON strings
keep the stored white space exactly. Refuses to overwrite a text that differs.
Usage: python3 tools/realtexts/addjson.py BATCHFILE"""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(os.path.dirname(HERE)), "testdata", "realtexts", "texts")
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    if not line.strip() or line.startswith("#"):
        continue
    ident, mode, js = line.rstrip("\n").split("\t", 2)
    text = json.loads(js)
    if mode == "cut":
        k = text.rfind("\n\n")
        if k < 0:
            sys.exit(f"line {n}: {ident}: no paragraph end to cut at")
        text = text[:k].rstrip()
        # A heading left dangling at the cut belongs to the part cut off: go back to
        # the end of the last paragraph that ends a sentence.
        while not text.endswith((".", "!", ")", "\"", "”")) and "\n\n" in text:
            text = text[:text.rfind("\n\n")].rstrip()
    elif mode.startswith("drop"):
        # dropN: a page whose paragraphs are questions (FAQ lists end in "?"), where the
        # sentence-end rule would cut too much: drop the broken tail and N-1 more
        # paragraphs, counted by hand.
        for _ in range(int(mode[4:])):
            text = text[:text.rfind("\n\n")].rstrip()
    elif mode == "line":
        # A text with single line ends (no blank line to cut at): drop the broken last
        # line, then go back to the last line that ends a sentence (the batch-4 hand rule).
        lines = text.split("\n")[:-1]
        while lines and not lines[-1].rstrip().endswith((".", "!", ")", "\"", "”")):
            lines.pop()
        if not lines:
            sys.exit(f"line {n}: {ident}: no line ends a sentence")
        text = "\n".join(lines).rstrip()
    elif mode != "full":
        sys.exit(f"line {n}: mode {mode!r}")
    path = os.path.join(OUT, ident + ".txt")
    if os.path.exists(path) and open(path, encoding="utf-8").read() != text:
        sys.exit(f"{path}: exists with other content")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(ident, mode, len(text.encode()), repr(text[-60:]))
