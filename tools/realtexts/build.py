#!/usr/bin/env python3
"""Build documents-<part>.tsv and sentences-<part>.tsv of testdata/realtexts from the
hand-written label files beside this script (<part>.spec, <part>.sents), so the labels
stay readable and the byte offsets are computed, never typed.

<part>.spec: one text a line, fields separated by " | ":
  id | url | municipality_code or - | kind | title | adopted_by | adopted_on | valid_from |
  valid_to | reference | difficulty | category | speaker | 11 theme digits
  (work housing language attitude meeting_places cooperation education gender_equality
  culture_leisure health reception). Name and county come from the registry; split from
  the sha256 rule.
<part>.sents: "@id" starts a text; then lines "N[-M] themes" give the themes of
  sentence N (or N..M) of segment() below; "N+M themes" labels sentences N..M as one
  sentence (where the splitter cut at an abbreviation). themes: comma list or -.
Usage: python3 tools/realtexts/build.py municipal [--show ID]   (--show prints the
numbered sentences of a text to label)."""
import csv, hashlib, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
ROOT = os.path.join(REPO, "testdata", "realtexts")
THEMES = ("work housing language attitude meeting_places cooperation education "
          "gender_equality culture_leisure health reception").split()
HEAD = ("file url municipality_code municipality county_code kind title adopted_by adopted_on "
        "valid_from valid_to reference difficulty category speaker split").split() + THEMES
ABBR = {"t.ex", "bl.a", "m.m", "osv", "dvs", "s.k", "ca", "kl", "nr", "t.o.m", "fr.o.m", "resp",
        "enl", "jfr", "bl", "ex", "tel", "o.s.v", "d.v.s", "fr", "t", "m.fl", "mfl", "st", "ang"}
BOUND = re.compile(r"(?<=[.!?])[ \u00a0]+(?=[\"”–•A-ZÅÄÖ0-9])")


def segment(text):
    """Sentences as (start, end) character offsets: every line is split at a sentence
    end followed by a capital or digit, except after a known abbreviation."""
    out = []
    pos = 0
    for line in text.split("\n"):
        ls = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        starts = [0]
        for m in BOUND.finditer(line):
            word = line[:m.start()].rsplit(None, 1)[-1].rstrip(".").lower()
            if word in ABBR:
                continue
            starts.append(m.end())
        starts.append(len(line))
        for a, b in zip(starts, starts[1:]):
            seg = line[a:b]
            if not seg.strip():
                continue
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg.rstrip())
            out.append((ls + a + lead, ls + a + trail))
    return out


def split_of(name):
    if name.startswith("r"):
        return "dev"
    return "heldout" if hashlib.sha256(name.encode()).hexdigest()[0] in "01234" else "dev"


def registry():
    reg = {}
    with open(os.path.join(REPO, "registry", "data", "municipalities.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            reg[row["code"]] = (row["name"], row["county_code"])
    return reg


def read_text(i):
    with open(os.path.join(ROOT, "texts", i + ".txt"), encoding="utf-8") as f:
        return f.read()


def build_docs(part, reg):
    rows = []
    with open(os.path.join(HERE, part + ".spec"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            p = [x.strip() for x in line.split(" | ")]
            if len(p) != 14:
                sys.exit(f"{part}.spec:{n}: {len(p)} fields, want 14")
            i, url, code, kind, title, by, on, vf, vt, ref, diff, cat, spk, th = p
            if not re.fullmatch(r"[0-2]{11}", th):
                sys.exit(f"{part}.spec:{n}: themes {th!r}")
            if code == "-":
                name = county = "-"
            else:
                if code not in reg:
                    sys.exit(f"{part}.spec:{n}: unknown code {code}")
                name, county = reg[code]
            rows.append([f"texts/{i}.txt", url, code, name, county, kind, title, by, on, vf, vt,
                         ref, diff, cat, spk, split_of(i + ".txt")] + list(th))
    with open(os.path.join(ROOT, f"documents-{part}.tsv"), "w", encoding="utf-8") as f:
        f.write("\t".join(HEAD) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    return len(rows)


def build_sents(part):
    path = os.path.join(HERE, part + ".sents")
    if not os.path.exists(path):
        return 0
    out = []
    cur = None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@"):
                cur = line[1:]
                text = read_text(cur)
                segs = segment(text)
                continue
            rng, themes = line.split()
            for t in themes.split(","):
                if themes != "-" and t not in THEMES:
                    sys.exit(f"{part}.sents:{n}: theme {t!r}")
            if "+" in rng:
                a, b = map(int, rng.split("+"))
                groups = [(segs[a - 1][0], segs[b - 1][1])]
            elif "-" in rng:
                a, b = map(int, rng.split("-"))
                groups = segs[a - 1:b]
            else:
                groups = [segs[int(rng) - 1]]
            for s, e in groups:
                bs = len(text[:s].encode())
                be = len(text[:e].encode())
                sent = re.sub(r"[\t\n\r]+", " ", text[s:e])
                out.append((f"texts/{cur}.txt", bs, be, themes, sent))
    # Rows already in sentences-<part>.tsv for texts the .sents file does not label are kept
    # (first, in their order): sentences-other.tsv was drafted by hand before other.sents existed,
    # and one of its rows (o040) splits a segment() sentence, which .sents cannot express.
    labelled = {r[0] for r in out}
    kept = []
    tsv = os.path.join(ROOT, f"sentences-{part}.tsv")
    if os.path.exists(tsv):
        with open(tsv, encoding="utf-8") as f:
            kept = [l for l in f.read().split("\n")[1:] if l and l.split("\t", 1)[0] not in labelled]
    with open(tsv, "w", encoding="utf-8") as f:
        f.write("file\tstart\tend\tthemes\tsentence\n")
        for l in kept:
            f.write(l + "\n")
        for r in out:
            f.write("\t".join(map(str, r)) + "\n")
    return len(out)


def main():
    part = sys.argv[1]
    if len(sys.argv) > 3 and sys.argv[2] == "--show":
        for i in sys.argv[3:]:
            text = read_text(i)
            print(f"@{i}")
            for k, (s, e) in enumerate(segment(text), 1):
                print(f"{k:3d} {text[s:e]}")
        return
    nd = build_docs(part, registry())
    ns = build_sents(part)
    print(f"{part}: {nd} documents, {ns} sentences")


if __name__ == "__main__":
    main()
