# shellcheck shell=bash
# Shared by localnet-ibc.sh and the live IBC tests (tests/ibclive): the
# counterparty chain (ibc-go's test application, built as simd from the
# ibc-go version go.mod pins), the Go relayer and their configuration.

# The Go relayer, installed into build/tools by install_relayer.
relayer_module="github.com/cosmos/relayer/v2"
relayer_version="v2.6.0"

simd_chain_id="simd-local-1"
path_name="openledger-simd"

# Published mnemonics for development keys: never use them on a real network.
simd_validator_mnemonic="wait message brother celery shift ensure pistol access shallow negative error inspire improve best bicycle crawl avocado this dice mistake assist total expect spot"
# user: the account that holds tokens on the counterparty chain.
simd_user_mnemonic="guess october rifle chest food medal butter earth theme pony decline display copy chef recycle celery island deliver car bachelor champion inject legal buddy"
# relayer: one secp256k1 key (coin type 118) signs on both chains;
# OpenLedger accepts secp256k1 signatures beside eth_secp256k1 ones.
relayer_mnemonic="squirrel gift bridge anchor easily bachelor slush ready flat beef valve stand defy robot ivory update clerk fever cushion length collect rescue pledge false"

# install_relayer TOOLS: builds the pinned Go relayer into TOOLS/rly (once
# per version). `go install pkg@version` needs the proxy's version list,
# which it refuses for this module, so a throw-away module outside this
# repository requires the exact version and builds it: the relayer's own
# go.mod then selects every dependency, as `go install` would.
install_relayer() {
	local tools="$1" work
	if [[ -x "$tools/rly" ]] && [[ "$(cat "$tools/.rly.version" 2>/dev/null)" == "$relayer_version" ]]; then
		return 0
	fi
	echo "installing the Go relayer $relayer_version (a few minutes on first use)"
	mkdir -p "$tools"
	work="$(mktemp -d)"
	(
		cd "$work" || exit 1
		printf 'module relayerbuild\n\ngo 1.23\n' >go.mod
		if ! GOFLAGS=-mod=mod go get "$relayer_module@$relayer_version" >get.log 2>&1; then
			cat get.log >&2
			exit 1
		fi
		GOFLAGS=-mod=mod nice go build -ldflags "-X $relayer_module/cmd.Version=$relayer_version" \
			-o "$tools/rly" "$relayer_module"
	)
	rm -rf "$work"
	echo "$relayer_version" >"$tools/.rly.version"
}

# init_simd SIMD HOME RPC P2P GRPC API BLOCK_TIME: a single-validator simd
# home on loopback, with validator, user and relayer keys funded at genesis.
init_simd() {
	local simd="$1" home="$2" rpc="$3" p2p="$4" grpc="$5" api="$6" block_time="$7" entry name mnemonic
	rm -rf "$home"
	"$simd" init simd --chain-id "$simd_chain_id" --home "$home" >/dev/null 2>&1
	for entry in "validator|$simd_validator_mnemonic" "user|$simd_user_mnemonic" "relayer|$relayer_mnemonic"; do
		IFS='|' read -r name mnemonic <<<"$entry"
		echo "$mnemonic" | "$simd" keys add "$name" --recover --keyring-backend test --home "$home" >/dev/null 2>&1
		"$simd" genesis add-genesis-account "$name" 1000000000000stake --keyring-backend test --home "$home"
	done
	"$simd" genesis gentx validator 100000000stake --chain-id "$simd_chain_id" --keyring-backend test --home "$home" >/dev/null 2>&1
	"$simd" genesis collect-gentxs --home "$home" >/dev/null 2>&1
	sed -i \
		-e "s#^laddr = \"tcp://127.0.0.1:26657\"#laddr = \"tcp://127.0.0.1:$rpc\"#" \
		-e "s#^laddr = \"tcp://0.0.0.0:26656\"#laddr = \"tcp://127.0.0.1:$p2p\"#" \
		-e "s#^pprof_laddr = .*#pprof_laddr = \"\"#" \
		-e "s#^timeout_commit = .*#timeout_commit = \"$block_time\"#" \
		"$home/config/config.toml"
	# app.toml: gRPC and REST on loopback, no fees needed on this test chain.
	sed -i \
		-e "s#^minimum-gas-prices = .*#minimum-gas-prices = \"0stake\"#" \
		-e "s#^address = \"localhost:9090\"#address = \"127.0.0.1:$grpc\"#" \
		-e "s#^address = \"tcp://localhost:1317\"#address = \"tcp://127.0.0.1:$api\"#" \
		"$home/config/app.toml"
	"$simd" config set client chain-id "$simd_chain_id" --home "$home" >/dev/null
	"$simd" config set client keyring-backend test --home "$home" >/dev/null
	"$simd" config set client node "tcp://127.0.0.1:$rpc" --home "$home" >/dev/null
}

# init_relayer RLY HOME OPENLEDGER_CHAIN_ID OPENLEDGER_RPC SIMD_RPC: the
# relayer's configuration for the two chains, its keys and the path.
init_relayer() {
	local rly="$1" home="$2" ol_chain_id="$3" ol_rpc="$4" simd_rpc="$5"
	rm -rf "$home"
	"$rly" config init --home "$home" >/dev/null
	cat >"$home/openledger.json" <<JSON
{"type": "cosmos", "value": {"key": "relayer", "chain-id": "$ol_chain_id", "rpc-addr": "http://127.0.0.1:$ol_rpc",
 "account-prefix": "open", "keyring-backend": "test", "gas-adjustment": 1.5, "gas-prices": "1000000000aopen",
 "debug": false, "timeout": "20s", "output-format": "json", "sign-mode": "direct", "coin-type": 118,
 "broadcast-mode": "batch"}}
JSON
	cat >"$home/simd.json" <<JSON
{"type": "cosmos", "value": {"key": "relayer", "chain-id": "$simd_chain_id", "rpc-addr": "http://127.0.0.1:$simd_rpc",
 "account-prefix": "cosmos", "keyring-backend": "test", "gas-adjustment": 1.5, "gas-prices": "0stake",
 "debug": false, "timeout": "20s", "output-format": "json", "sign-mode": "direct", "coin-type": 118,
 "broadcast-mode": "batch"}}
JSON
	"$rly" chains add --file "$home/openledger.json" openledger --home "$home" >/dev/null
	"$rly" chains add --file "$home/simd.json" simd --home "$home" >/dev/null
	"$rly" keys restore openledger relayer "$relayer_mnemonic" --coin-type 118 --home "$home" >/dev/null
	"$rly" keys restore simd relayer "$relayer_mnemonic" --coin-type 118 --home "$home" >/dev/null
	"$rly" paths new "$ol_chain_id" "$simd_chain_id" "$path_name" --home "$home" >/dev/null
}
