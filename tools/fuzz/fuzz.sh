#!/usr/bin/env bash
# fuzz.sh PACKAGE TARGET FUZZTIME: fuzzes one target (make fuzz, CI).
#
# Go 1.26's fuzzing coordinator can fail a run exactly at the -fuzztime
# boundary with a bare "context deadline exceeded" and no failing input
# written, when a loaded machine keeps a worker busy as the deadline fires
# (go.dev/issue/75804, fixed in Go 1.27; seen here on FuzzParsePDF in CI).
# Such a run is tried once more. A run that writes a failing input into
# PACKAGE/testdata/fuzz/TARGET, or fails in any other way, fails at once.
set -u
pkg=$1 target=$2 fuzztime=$3
dir="$pkg/testdata/fuzz/$target"
go=${GO:-go}
for attempt in 1 2; do
  before=$(ls "$dir" 2>/dev/null)
  log=$(mktemp)
  "$go" test "./$pkg" -run '^$' -fuzz "^$target\$" -fuzztime "$fuzztime" -fuzzminimizetime 100x 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  bare=0
  grep -q '^    context deadline exceeded$' "$log" && bare=1
  rm -f "$log"
  [ "$rc" -eq 0 ] && exit 0
  if [ "$(ls "$dir" 2>/dev/null)" != "$before" ] || [ "$bare" -eq 0 ] || [ "$attempt" -eq 2 ]; then
    exit "$rc"
  fi
  echo "fuzz.sh: $target stopped on a bare 'context deadline exceeded' with no failing input written (go.dev/issue/75804); running it once more" >&2
done
