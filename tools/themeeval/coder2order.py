#!/usr/bin/env python3
"""The order in which the second coder (issue 14, point 3; session 14) codes
theme levels: the dev texts of batches 6-9 (m432-m653, o303-o563), sorted by
sha256("coder2:" + file name), e.g. `printf %s coder2:m500.txt | sha256sum`.

usage: python3 tools/themeeval/coder2order.py [testdata/realtexts]

Prints one file name a line, in coding order. A coder codes a prefix of this
list with no gaps, so which texts got a second label is fixed by the rule and
not by choice.

Only the `file` and `split` columns of documents-*.tsv are read (never the
level columns: the second coder must not see the first coder's calls), and
each row's split is checked against the split rule of the README (first hex
digit of sha256(file name) 0-4 = heldout); a row whose column disagrees with
the rule, or a text in range with no row, stops the script with an error
naming the file, so no held-out text can slip into the list."""
import csv
import hashlib
import os
import sys

RANGES = (('m', 432, 653), ('o', 303, 563))


def rule_split(name):
    first = hashlib.sha256(name.encode()).hexdigest()[0]
    return 'heldout' if first in '01234' else 'dev'


def coding_key(name):
    return hashlib.sha256(('coder2:' + name).encode()).hexdigest()


def in_range(name):
    stem, ext = os.path.splitext(name)
    if ext != '.txt' or len(stem) < 2 or not stem[1:].isdigit():
        return False
    return any(stem[0] == p and lo <= int(stem[1:]) <= hi for p, lo, hi in RANGES)


def dev_texts(root):
    splits = {}
    for part in ('municipal', 'other'):
        path = os.path.join(root, 'documents-%s.tsv' % part)
        with open(path, newline='') as f:
            for row in csv.DictReader(f, delimiter='\t'):
                name = os.path.basename(row['file'])
                if not in_range(name):
                    continue
                if row['split'] != rule_split(name):
                    sys.exit('%s: %s says split %r, the sha256 rule says %r'
                             % (path, name, row['split'], rule_split(name)))
                splits[name] = row['split']
    for name in os.listdir(os.path.join(root, 'texts')):
        if in_range(name) and name not in splits:
            sys.exit('%s: no row in documents-*.tsv' % os.path.join(root, 'texts', name))
    return sorted((n for n, s in splits.items() if s == 'dev'), key=coding_key)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else 'testdata/realtexts'
    for name in dev_texts(root):
        print(name)


if __name__ == '__main__':
    main()
