#!/usr/bin/env bash
# Regenerates the Ethereum bridge contracts' committed artifacts: solc-js
# (pinned by contracts/package-lock.json) compiles contracts/src into
# contracts/bindings/<Name>.abi and .bin, and go-ethereum's abigen (bind v2,
# installed once at the version pinned below, outside this module so that
# go.mod's go-ethereum replacement does not apply to the tool) writes the Go
# bindings next to them. `make contracts-gen` runs it; .ci/run fails when
# the committed files differ from what it makes.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
abigen_version="v1.17.2"
tools="$repo_root/build/tools"
mkdir -p "$tools"

if [[ ! -x "$tools/abigen" ]] || [[ "$(cat "$tools/.abigen.version" 2>/dev/null)" != "$abigen_version" ]]; then
	echo "installing abigen $abigen_version"
	(cd "$(mktemp -d)" && GOBIN="$tools" GOFLAGS= go install "github.com/ethereum/go-ethereum/cmd/abigen@$abigen_version")
	echo "$abigen_version" >"$tools/.abigen.version"
fi

cd "$repo_root/contracts"
npm ci --no-audit --no-fund --silent
node compile.js

cd bindings
for pair in OpenToken:opentoken OpenLedgerBridge:openledgerbridge; do
	contract="${pair%%:*}"
	file="${pair##*:}"
	"$tools/abigen" --v2 --abi "$contract.abi" --bin "$contract.bin" --pkg bindings --type "$contract" --out "$file.go"
done
echo "contracts-gen: bindings of solc $(node -p 'require("solc").version()') and abigen $abigen_version"
