#!/usr/bin/env bash
# Lints the Go code: golangci-lint (installed with `go install` at the version
# pinned below, once) with .golangci.yml, and scripts/lint/maprange, which
# refuses ranging over Go maps in state-machine code (x/ and app/).
#   scripts/lint.sh        lint
#   scripts/lint.sh fmt    format the code as the linter requires (gofumpt, gci)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

golangci_version="v2.15.0"
tools="$repo_root/build/tools"
mkdir -p "$tools"

if [[ ! -x "$tools/golangci-lint" ]] || [[ "$(cat "$tools/.golangci-lint.version" 2>/dev/null)" != "$golangci_version" ]]; then
	echo "installing golangci-lint $golangci_version"
	GOBIN="$tools" GOFLAGS= go install "github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$golangci_version"
	echo "$golangci_version" >"$tools/.golangci-lint.version"
fi
if [[ "${1:-}" == fmt ]]; then
	exec "$tools/golangci-lint" fmt
fi
go build -o "$tools/maprange" ./scripts/lint/maprange

"$tools/golangci-lint" run ./...
"$tools/maprange" -test=false ./x/... ./app/...
echo "lint: clean"
