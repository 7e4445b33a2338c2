#!/usr/bin/env bash
# Generates Go code from proto/openledger/**.proto, offline:
#   - buf and the protoc plugins are installed with `go install` at the
#     versions pinned below (from the Go module proxy, once);
#   - the protos we import (Cosmos SDK, gogoproto, cosmos_proto, googleapis)
#     are copied from the Go module cache at the versions go.mod uses.
# The generated *.pb.go and *.pb.gw.go files are committed.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

buf_version="v1.75.0"
grpc_gateway_version="v1.16.0" # the gateway generation the Cosmos SDK serves
tools="$repo_root/build/tools"
deps="$repo_root/.proto-deps"

install_tool() { # install_tool BINARY PACKAGE@VERSION
	if [[ ! -x "$tools/$1" ]] || [[ "$(cat "$tools/.$1.version" 2>/dev/null)" != "$2" ]]; then
		echo "installing $2"
		GOBIN="$tools" go install "$2"
		echo "$2" >"$tools/.$1.version"
	fi
}

module_dir() { # module_dir MODULE: its folder in the module cache, at go.mod's version
	go mod download "$1" >/dev/null 2>&1 || true
	go list -m -f '{{.Dir}}' "$1"
}

if ! find proto/openledger -name '*.proto' 2>/dev/null | grep -q .; then
	echo "no .proto files under proto/openledger: nothing to generate"
	exit 0
fi

mkdir -p "$tools"
install_tool buf "github.com/bufbuild/buf/cmd/buf@$buf_version"
install_tool protoc-gen-gocosmos "github.com/cosmos/gogoproto/protoc-gen-gocosmos@$(go list -m -f '{{.Version}}' github.com/cosmos/gogoproto)"
install_tool protoc-gen-grpc-gateway "github.com/grpc-ecosystem/grpc-gateway/protoc-gen-grpc-gateway@$grpc_gateway_version"

rm -rf "$deps" && mkdir -p "$deps/google"
sdk="$(module_dir github.com/cosmos/cosmos-sdk)"
cp -r "$sdk/proto/cosmos" "$sdk/proto/amino" "$deps/"
cp -r "$(module_dir github.com/cosmos/gogoproto)/gogoproto" "$deps/"
cp -r "$(module_dir github.com/cosmos/cosmos-proto)/proto/cosmos_proto" "$deps/"
go mod download "github.com/grpc-ecosystem/grpc-gateway@$grpc_gateway_version"
cp -r "$(go env GOMODCACHE)/github.com/grpc-ecosystem/grpc-gateway@$grpc_gateway_version/third_party/googleapis/google/api" "$deps/google/"
chmod -R u+w "$deps"

rm -rf .proto-gen
"$tools/buf" generate --template proto/buf.gen.gogo.yaml --path proto/openledger
# Files come out under their Go import path; move ours into the tree.
cp -r .proto-gen/github.com/openledger/openledger/* ./
rm -rf .proto-gen
echo "generated: $(git status --porcelain -- '*.pb.go' '*.pb.gw.go' | wc -l) changed file(s)"
