#!/bin/sh
# samebytes.sh OLD NEW CORPUS [RUN OPTIONS...]
#
# Runs two styrdok binaries on the same corpus (a fresh output folder and
# store each, the same --as-of) and compares every output file byte for
# byte. run.json is compared with the output folder's name and the start
# and finish times taken out; styrdok.db table by table (every row of
# every table, the analyses' encoded blobs in hex), the runs table without
# its times and arguments (which name the output folder).
# Prints one line per difference and exits 1 if there is any.
# Used to show that a speed change leaves the outputs as they were:
#   go build -o /tmp/old ./cmd/styrdok   (at the branch point)
#   go build -o /tmp/new ./cmd/styrdok
#   tools/samebytes/samebytes.sh /tmp/old /tmp/new testdata/corpus
#   go run ./tools/gencorpus -out /tmp/c2000 -n 2000 -pdf 0 -seed 1
#   tools/samebytes/samebytes.sh /tmp/old /tmp/new /tmp/c2000
set -u
[ $# -ge 3 ] || { echo "usage: $0 OLD NEW CORPUS [RUN OPTIONS...]" >&2; exit 2; }
old=$1; new=$2; corpus=$3; shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for side in old new; do
	eval bin=\$$side
	"$bin" run --quiet --as-of 2026-11-30 --out "$work/$side" "$@" "$corpus" >"$work/$side.log" 2>&1
	echo "$?" >"$work/$side.rc"
done
status=0
cmp -s "$work/old.rc" "$work/new.rc" || { echo "exit status: old $(cat "$work/old.rc"), new $(cat "$work/new.rc")"; status=1; }
cmp -s "$work/old.log" "$work/new.log" || { echo "messages differ"; status=1; }
( cd "$work/old" && find . -type f | sort ) >"$work/old.files"
( cd "$work/new" && find . -type f | sort ) >"$work/new.files"
cmp -s "$work/old.files" "$work/new.files" || { echo "file lists differ:"; diff "$work/old.files" "$work/new.files"; status=1; }
dumpdb() {
	for t in $(sqlite3 "$1" "select name from sqlite_master where type='table' order by name"); do
		case $t in
		# run.json's own hash (in outputs) changes with the times in it.
		runs) echo "== runs"; sqlite3 "$1" "select id, status, pipeline_version, codebook_hash, as_of, workers, files, parsed, retagged, reused, failed, unsupported, inputs, replace(outputs, (select substr(outputs, instr(outputs, '\"name\":\"run.json\"'), 120) from runs r where r.id = runs.id), '') from runs order by id" ;;
		# Rows are inserted as workers finish: ids follow no fixed order,
		# so analyses and coverage are listed by document, not by id.
		analyses) echo "== analyses"; sqlite3 "$1" "select sha256, pipeline_version, codebook_hash, as_of, run_id, municipality_code, municipality, county_code, county, attribution_confidence, attribution_reason, kind, title, reference, adopted_by, adopted_on, valid_from, valid_to, year, status, words, sentences, hex(data), sentence_rows, hit_rows from analyses order by sha256, codebook_hash, as_of" ;;
		coverage) echo "== coverage"; sqlite3 "$1" "select a.sha256, a.codebook_hash, a.as_of, c.theme, c.sentences, c.share, c.level from coverage c join analyses a on a.id = c.analysis_id order by 1, 2, 3, 4" ;;
		*) echo "== $t"; sqlite3 "$1" "select * from \"$t\" order by 1, 2" ;;
		esac
	done
}
while read -r f; do
	[ -f "$work/new/$f" ] || continue
	case $f in
	./run.json)
		sed -e "s#$work/old#OUT#g" -e '/"started_at"/d' -e '/"finished_at"/d' "$work/old/$f" >"$work/a"
		sed -e "s#$work/new#OUT#g" -e '/"started_at"/d' -e '/"finished_at"/d' "$work/new/$f" >"$work/b" ;;
	*.db)
		dumpdb "$work/old/$f" >"$work/a"
		dumpdb "$work/new/$f" >"$work/b" ;;
	*)
		cmp -s "$work/old/$f" "$work/new/$f" || { echo "differs: $f"; status=1; }
		continue ;;
	esac
	cmp -s "$work/a" "$work/b" || { echo "differs: $f"; status=1; }
done <"$work/old.files"
[ $status = 0 ] && echo "same: $(wc -l <"$work/old.files") files, $corpus"
exit $status
