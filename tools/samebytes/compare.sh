#!/bin/sh
# compare.sh OLD_BIN NEW_BIN [WORKDIR]: runs two styrdok binaries on the
# same corpora and compares every output file byte for byte (run.json
# aside: it records the output folder and the times). Corpora: the
# bundled testdata/corpus (as `make run`, with --format csv,parquet too), testdata/mixed
# (failures, unsupported files), and a generated 2,000-text corpus
# (tools/gencorpus -n 2000 -pdf 0 -seed 1); each with a store (cold, then warm: every
# analysis re-used) and with --no-store. Exit 1 on any
# difference (KEEP_OLD=1 re-uses the old binary's outputs in WORKDIR).
# Used to check that the streaming report writers
# (issue 17 item 1) write what the in-memory ones did.
set -eu
old=$1 new=$2
work=${3:-$(mktemp -d)}
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$work"
if [ ! -d "$work/gen2000" ]; then
	(cd "$root" && go run ./tools/gencorpus -n 2000 -pdf 0 -seed 1 -out "$work/gen2000" >/dev/null)
fi
asof=--as-of=2026-11-30
status=0
compare() { # label dirA dirB
	for f in $(cd "$2" && ls -A) $(cd "$3" && ls -A); do
		case $f in run.json|.lock|.styrdok*) continue ;; esac
		if ! cmp -s "$2/$f" "$3/$f"; then
			echo "DIFF $1: $f"
			status=1
		fi
	done
	echo "compared $1: $(ls "$2" | wc -l) files"
}
for c in corpus mixed gen2000; do
	case $c in
	corpus) src=$root/testdata/corpus ;;
	mixed) src=$root/testdata/mixed ;;
	gen2000) src=$work/gen2000 ;;
	esac
	for b in old new; do
		eval bin=\$$b
		# KEEP_OLD=1: re-use the old binary's outputs of an earlier call
		if [ "$b" = old ] && [ "${KEEP_OLD:-}" = 1 ] && [ -d "$work/$c-old/warm" ]; then
			continue
		fi
		rm -rf "$work/$c-$b" && mkdir -p "$work/$c-$b"
		"$bin" run --quiet $asof --format csv,parquet --no-store --out "$work/$c-$b/nostore" "$src" 2>/dev/null || true
		"$bin" run --quiet $asof --format csv,parquet --store "$work/$c-$b/store.db" --out "$work/$c-$b/cold" "$src" 2>/dev/null || true
		# again: every analysis re-used from the store (another output folder, so the reports are written)
		"$bin" run --quiet $asof --format csv,parquet --store "$work/$c-$b/store.db" --out "$work/$c-$b/warm" "$src" 2>/dev/null || true
	done
	for m in nostore cold warm; do
		compare "$c/$m" "$work/$c-old/$m" "$work/$c-new/$m"
	done
done
exit $status
