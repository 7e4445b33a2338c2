#!/usr/bin/env bash
# Runs every fuzz target of the repository, each func Fuzz... in a _test.go
# file, for a bounded time each: go test -fuzz takes one target per run.
# Targets are found by name, so a new one is fuzzed without being listed.
#   FUZZTIME          time per target (default 60s)
#   CHECKTX_FUZZTIME  time for FuzzCheckTxAndMempoolInsert (default FUZZTIME):
#                     raw transactions through CheckTx, the costliest path
#   FUZZMINIMIZETIME  time spent shrinking each new or failing input (default
#                     5s; go test's own default of 60s would take up most of
#                     a short run, during which no new input is tried)
#   scripts/fuzz.sh [REGEXP]   only the targets whose name matches REGEXP
# A failing input is written by go test into the package's
# testdata/fuzz/<target>/ folder: commit it with the fix, as a regression
# case that plain go test runs from then on.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

fuzztime="${FUZZTIME:-60s}"
checktx_fuzztime="${CHECKTX_FUZZTIME:-$fuzztime}"
minimizetime="${FUZZMINIMIZETIME:-5s}"
only="${1:-.}"

mapfile -t targets < <(
	grep -rHE --include='*_test.go' --exclude-dir=.git --exclude-dir=build --exclude-dir=node_modules \
		'^func Fuzz[A-Za-z0-9_]*\(' . |
		sed -E 's|^\./(.*)/[^/]*:func (Fuzz[A-Za-z0-9_]*)\(.*|\1 \2|' | sort
)

ran=0
failed=()
for target in "${targets[@]}"; do
	read -r dir name <<<"$target"
	[[ "$name" =~ $only ]] || continue
	t="$fuzztime"
	[[ "$name" == FuzzCheckTxAndMempoolInsert ]] && t="$checktx_fuzztime"
	ran=$((ran + 1))
	echo "== ./$dir $name ($t)"
	if ! go test -tags test "./$dir" -run '^$' -fuzz "^${name}\$" -fuzztime "$t" -fuzzminimizetime "$minimizetime"; then
		failed+=("./$dir $name")
	fi
done

if ((${#failed[@]} > 0)); then
	echo "fuzz: failing targets:" >&2
	printf '  %s\n' "${failed[@]}" >&2
	exit 1
fi
echo "fuzz: $ran targets, no failure"
