#!/usr/bin/env python3
"""Silver dev set for municipality attribution (issue 14, round 3).

Municipal web pages from stored public copies (the search tool's "pages"
corpus) whose address is a municipality's own domain. The silver label is
that municipality; a page whose stored text never names it (neither the
name, capitalised, nor its domain) is "unnamed" (right answer: unknown).
Nobody read the texts to label them: the label is the address. It is a
development instrument for generalisation, never tuned text by text.

  build.py add RAW...   add pages from raw files ("=== URL" line, then the
                        text up to the next "=== " line); pages already here
                        or in testdata/realtexts are skipped
  build.py label        (re)write domains.tsv rows found by the name rule and
                        documents-silver.tsv from pages.tsv and texts/

Scored with: styrdok eval --real analysis/testdata/attribution/silver --split dev
(only the municipality table means anything: theme levels are not labelled).
"""
import csv, os, re, sys, unicodedata
from urllib.parse import urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
COLS = ("file url municipality_code municipality county_code kind title adopted_by adopted_on "
        "valid_from valid_to reference difficulty category speaker split work housing language "
        "attitude meeting_places cooperation education gender_equality culture_leisure health reception").split()


def munis():
    with open(os.path.join(ROOT, "corpus", "data", "municipalities.csv"), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def fold(s):
    s = s.lower()
    for a, b in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e"), ("ü", "u")):
        s = s.replace(a, b)
    return s


def site(url):
    """The registered domain of a page: the last two labels of its host."""
    host = urlsplit(url).hostname or ""
    return ".".join(host.split(".")[-2:])


def read_pages():
    p = os.path.join(HERE, "pages.tsv")
    if not os.path.exists(p):
        return []
    with open(p, encoding="utf-8") as f:
        return [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#") and not l.startswith("file\t")]


def read_domains():
    p = os.path.join(HERE, "domains.tsv")
    out = {}
    if os.path.exists(p):
        with open(p, encoding="utf-8") as f:
            for l in f:
                if l.startswith("#") or l.startswith("domain\t") or not l.strip():
                    continue
                d, code, name, src = l.rstrip("\n").split("\t")
                out[d] = (code, name, src)
    return out


def write_domains(dom):
    with open(os.path.join(HERE, "domains.tsv"), "w", encoding="utf-8") as f:
        f.write("# A municipality's own web domain, the municipality (SCB code, name) and the first\n"
                "# stored page at that domain that this set uses (the source of the row). Rows are\n"
                "# found by the name rule (the domain is the name folded to ASCII, spaces dropped or\n"
                "# hyphenated, with or without \"kommun\") or added by hand after reading the page.\n")
        f.write("domain\tcode\tname\tsource\n")
        for d in sorted(dom):
            f.write("%s\t%s\t%s\t%s\n" % ((d,) + dom[d]))


def add(raws):
    gold = set()
    for fn in os.listdir(os.path.join(ROOT, "testdata", "realtexts")):
        if fn.startswith("documents-") and fn.endswith(".tsv"):
            with open(os.path.join(ROOT, "testdata", "realtexts", fn), encoding="utf-8") as f:
                for l in f:
                    gold.add(l.split("\t")[1].strip())
    pages = read_pages()
    have = {p[1] for p in pages}
    os.makedirs(os.path.join(HERE, "texts"), exist_ok=True)
    n = len(pages)
    for raw in raws:
        with open(raw, encoding="utf-8") as f:
            body = f.read()
        for chunk in body.split("=== ")[1:]:
            url, _, text = chunk.partition("\n")
            url = url.strip()
            text = text.rstrip("\n") + "\n"
            if url in have or url in gold:
                print("skip (have it):", url)
                continue
            n += 1
            name = "s%03d.txt" % n
            with open(os.path.join(HERE, "texts", name), "w", encoding="utf-8") as f:
                f.write(text)
            pages.append(["texts/" + name, url])
            have.add(url)
    with open(os.path.join(HERE, "pages.tsv"), "w", encoding="utf-8") as f:
        f.write("file\turl\n")
        for p in pages:
            f.write("\t".join(p) + "\n")
    print(len(pages), "pages")


def names_in(text, m, domain):
    if domain in text.lower():
        return True
    words = re.split(r"[\s-]+", m["name"])
    pat = r"[\s-]+".join(re.escape(w) for w in words)
    return re.search(r"(?<![\w])" + pat + r"s?(?![\w])", text) is not None


def label():
    ms = munis()
    by_code = {m["code"]: m for m in ms}
    rule = {}
    clash = set()
    for m in ms:
        ws = re.split(r"[^\w]+", fold(m["name"]))
        ws = [w for w in ws if w]
        for base in ("".join(ws), "-".join(ws)):
            for d in (base, base + "kommun"):
                if d in rule and rule[d] != m["code"]:
                    clash.add(d)
                rule[d] = m["code"]
    for d in clash:
        del rule[d]
    dom = read_domains()
    rows, skipped = [], []
    for fn, url in read_pages():
        d = site(url)
        if d not in dom:
            stem = d[:-3] if d.endswith(".se") else None
            if stem in rule:
                code = rule[stem]
                dom[d] = (code, by_code[code]["name"], url)
            else:
                skipped.append((fn, url))
                continue
        code = dom[d][0]
        m = by_code[code]
        with open(os.path.join(HERE, fn), encoding="utf-8") as f:
            text = f.read()
        named = names_in(text, m, d)
        title = text.strip().split("\n")[0][:120].replace("\t", " ")
        r = {c: "" for c in COLS}
        r.update(file=fn, url=url, kind="other", title=title, difficulty="silver", speaker="municipality", split="dev")
        if named:
            r.update(municipality_code=code, municipality=m["name"], county_code=m["county_code"], category="named")
        else:
            r.update(municipality_code="-", municipality="-", county_code="-", category="unnamed")
        for c in COLS[16:]:
            r[c] = "0"
        rows.append(r)
    write_domains(dom)
    with open(os.path.join(HERE, "documents-silver.tsv"), "w", encoding="utf-8") as f:
        f.write("\t".join(COLS) + "\n")
        for r in rows:
            f.write("\t".join(r[c] for c in COLS) + "\n")
    named = sum(r["category"] == "named" for r in rows)
    counties = len({by_code[dom[site(r["url"])][0]]["county_code"] for r in rows})
    print("%d pages labelled (%d named, %d unnamed) from %d municipalities in %d counties" % (
        len(rows), named, len(rows) - named, len({dom[site(r['url'])][0] for r in rows}), counties))
    for fn, url in skipped:
        print("not labelled (domain not in domains.tsv):", fn, url)


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "add":
        add(sys.argv[2:])
    elif len(sys.argv) == 2 and sys.argv[1] == "label":
        label()
    else:
        sys.exit(__doc__)
