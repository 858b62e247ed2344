#!/usr/bin/env python3
"""Check the "other" part of the labelled real set (testdata/realtexts).

Checks that every row of documents-other.tsv and sentences-other.tsv parses,
that files exist and belong to this part (o*/t* ids), that municipality codes,
names and counties agree with the registry (municipalities.csv beside this
script, copied from shared/data/municipalities.csv), that enums, dates and
theme levels are valid, that the split column follows the sha256 rule, that
titles are one line, and that every sentence row's offsets cut exactly its
sentence column out of the text (tabs/newlines shown as single spaces).
Exit status 1 and one line per problem when anything is wrong.

Usage: check.py [REALTEXTS_DIR]   (default: testdata/realtexts of this repo)
"""
import csv
import hashlib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DOC_COLS = ("file url municipality_code municipality county_code kind title adopted_by adopted_on "
            "valid_from valid_to reference difficulty category speaker split work housing language "
            "attitude meeting_places cooperation education gender_equality culture_leisure health "
            "reception").split()
THEMES = DOC_COLS[16:]
SENT_COLS = ["file", "start", "end", "themes", "sentence"]
KINDS = {"plan", "policy", "program", "strategy", "guidelines", "action_plan", "report", "other"}
DIFFICULTY = {"easy", "hard", "unnamed"}
CATEGORY = {"named", "none", "unnamed", "title"}
SPEAKER = {"municipality", "agency", "county_board", "region", "skr", "party", "government",
           "news", "association", "other"}
DATE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")
FILE = re.compile(r"^texts/([ot]\d{3})\.txt$")


def split_of(name):
    return "heldout" if hashlib.sha256(name.encode()).hexdigest()[0] in "01234" else "dev"


def read_tsv(path, cols, errs):
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].split("\t") != cols:
        errs.append(f"{path}: header is not: {' '.join(cols)}")
        return []
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(cols):
            errs.append(f"{path}:{n}: {len(cells)} columns, want {len(cols)}")
            continue
        rows.append((n, dict(zip(cols, cells))))
    return rows


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "testdata", "realtexts")
    errs = []
    reg = {}
    with open(os.path.join(HERE, "municipalities.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            reg[r["code"]] = (r["name"], r["county_code"])
    dpath = os.path.join(root, "documents-other.tsv")
    docs = {}
    for n, r in read_tsv(dpath, DOC_COLS, errs):
        where = f"{dpath}:{n} ({r['file']})"
        m = FILE.match(r["file"])
        if not m:
            errs.append(f"{where}: file must be texts/oNNN.txt or texts/tNNN.txt")
            continue
        if r["file"] in docs:
            errs.append(f"{where}: duplicate row")
        fid = m.group(1)
        p = os.path.join(root, r["file"])
        try:
            data = open(p, "rb").read()
            text = data.decode("utf-8")
        except (OSError, UnicodeDecodeError) as e:
            errs.append(f"{where}: cannot read text: {e}")
            continue
        docs[r["file"]] = data
        if not text.strip():
            errs.append(f"{where}: empty text")
        if not r["url"].startswith(("http://", "https://")):
            errs.append(f"{where}: url is not an address")
        code, name, county = r["municipality_code"], r["municipality"], r["county_code"]
        if code == "-":
            if name != "-" or county != "-":
                errs.append(f"{where}: code '-' needs municipality and county '-'")
        elif code not in reg:
            errs.append(f"{where}: municipality code {code} not in registry")
        elif reg[code] != (name, county):
            errs.append(f"{where}: {code} is {reg[code]}, row says ({name}, {county})")
        for col, allowed in (("kind", KINDS), ("difficulty", DIFFICULTY), ("category", CATEGORY),
                             ("speaker", SPEAKER)):
            if r[col] not in allowed:
                errs.append(f"{where}: {col} {r[col]!r} not in {sorted(allowed)}")
        for col in ("adopted_on", "valid_from", "valid_to"):
            if r[col] and not DATE.match(r[col]):
                errs.append(f"{where}: {col} {r[col]!r} is not YYYY or YYYY-MM-DD")
        want = split_of(os.path.basename(r["file"]))
        if r["split"] != want:
            errs.append(f"{where}: split {r['split']!r}, the sha256 rule says {want!r}")
        for t in THEMES:
            if r[t] not in ("0", "1", "2"):
                errs.append(f"{where}: theme {t} level {r[t]!r} not 0/1/2")
        cat = r["category"]
        if fid.startswith("t"):
            if cat != "title":
                errs.append(f"{where}: a t-file is category title")
            if "\n" in text.rstrip("\n"):
                errs.append(f"{where}: a title is one line")
        else:
            if cat == "title":
                errs.append(f"{where}: an o-file is not a title")
            if cat == "named" and code == "-":
                errs.append(f"{where}: category named needs a municipality")
            if cat in ("none", "unnamed") and code != "-":
                errs.append(f"{where}: category {cat} has municipality '-'")
            if cat == "none" and r["speaker"] == "municipality":
                errs.append(f"{where}: category none cannot have speaker municipality")
            if cat == "unnamed" and r["difficulty"] != "unnamed":
                errs.append(f"{where}: category unnamed has difficulty unnamed")
    spath = os.path.join(root, "sentences-other.tsv")
    last = {}
    count = 0
    for n, r in read_tsv(spath, SENT_COLS, errs):
        where = f"{spath}:{n} ({r['file']})"
        if r["file"] not in docs:
            errs.append(f"{where}: file has no row in documents-other.tsv")
            continue
        data = docs[r["file"]]
        try:
            s, e = int(r["start"]), int(r["end"])
        except ValueError:
            errs.append(f"{where}: start/end not integers")
            continue
        if not 0 <= s < e <= len(data):
            errs.append(f"{where}: offsets {s}..{e} outside 0..{len(data)}")
            continue
        if s < last.get(r["file"], 0):
            errs.append(f"{where}: sentences overlap or are out of order")
        last[r["file"]] = e
        try:
            got = re.sub(r"[\t\r\n]+", " ", data[s:e].decode("utf-8"))
        except UnicodeDecodeError:
            errs.append(f"{where}: offsets cut a UTF-8 character")
            continue
        if got != r["sentence"]:
            errs.append(f"{where}: text[{s}:{e}] is {got!r}, row says {r['sentence']!r}")
        if got != got.strip():
            errs.append(f"{where}: sentence starts or ends with space")
        if r["themes"] != "-":
            ts = r["themes"].split(",")
            bad = [t for t in ts if t not in THEMES]
            if bad or len(set(ts)) != len(ts):
                errs.append(f"{where}: themes {r['themes']!r} not distinct theme ids or '-'")
        count += 1
    # the first problems say enough; a systematic error would otherwise flood the terminal
    for e in errs[:40]:
        print(e)
    if len(errs) > 40:
        print(f"... and {len(errs) - 40} more")
    print(f"{len(docs)} documents, {count} sentences, {len(errs)} problems")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
