#!/usr/bin/env python3
"""How right are sentence tags that rest on compound modifiers alone?

usage: python3 tools/themeeval/modifiers.py BINARY testdata/realtexts [-v]

Runs `styrdok analyze --format json` on every dev text that has sentence
labels (never the held-out rows) and, for each own-words evidence sentence
and theme, asks whether every match for that theme is a compound modifier
("elev" in "elevboendet"; match "as": "modifier") or not. Each such tag is
right when a labelled sentence it overlaps carries the theme. Prints the
counts and precision of both kinds; -v lists the modifier-only tags.
"""
import collections
import concurrent.futures as cf
import csv
import json
import os
import subprocess
import sys


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    if len(args) != 2:
        sys.exit(__doc__)
    binary, root = args
    verbose = "-v" in sys.argv
    split = {}
    for name in ("documents-municipal.tsv", "documents-other.tsv", "documents-shared.tsv"):
        with open(os.path.join(root, name), newline="") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                split[r["file"]] = r["split"]
    gold = collections.defaultdict(list)
    for name in ("sentences-municipal.tsv", "sentences-other.tsv"):
        with open(os.path.join(root, name), newline="") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                if split.get(r["file"]) != "dev":
                    continue
                themes = set() if r["themes"] == "-" else set(r["themes"].split(","))
                gold[r["file"]].append((int(r["start"]), int(r["end"]), themes))

    def analyse(name):
        out = subprocess.run([binary, "analyze", "--format", "json", "--as-of", "2026-11-30",
                              os.path.join(root, name)], capture_output=True)
        try:
            return name, json.loads(out.stdout)
        except ValueError:
            return name, None

    tally = collections.Counter()
    listed = []
    with cf.ThreadPoolExecutor(os.cpu_count() or 2) as ex:
        for name, doc in ex.map(analyse, sorted(gold)):
            if doc is None:
                tally["failed"] += 1
                continue
            for theme in doc["themes"]:
                for ev in theme["evidence"]:
                    if ev.get("inherited"):
                        continue
                    ms = [m for m in ev["matched"] if m["theme"] == theme["id"]]
                    if not ms:
                        continue
                    kind = "modifier only" if {m.get("as", "word") for m in ms} == {"modifier"} else "other"
                    over = [g for g in gold[name] if g[0] < ev["end"] and ev["start"] < g[1]]
                    if not over:
                        continue
                    right = any(theme["id"] in g[2] for g in over)
                    tally[(kind, right)] += 1
                    if verbose and kind == "modifier only":
                        listed.append((right, name, theme["id"], ",".join(m["text"] for m in ms), ev["text"][:100]))
    for kind in ("modifier only", "other"):
        r, w = tally[(kind, True)], tally[(kind, False)]
        print(f"{kind:14s} right {r:5d}  wrong {w:5d}  precision {r / max(r + w, 1):.3f}")
    if tally["failed"]:
        print(f"failed: {tally['failed']} texts")
    for row in sorted(listed):
        print("  " + ("RIGHT " if row[0] else "WRONG ") + "\t".join(row[1:]))


if __name__ == "__main__":
    main()
