#!/usr/bin/env bash
# The genesis ceremony of a network of N validators, in the steps a real
# launch takes: each validator works only in its own home and hands the
# coordinator two files (an address, then a gentx); the coordinator never
# sees a validator's keys.
#
#   1. validator:   scripts/genesis-ceremony.sh key HOME MONIKER CHAIN_ID
#        initialises HOME (consensus key, node key) and makes the operator
#        key MONIKER; prints the operator address, which goes to the
#        coordinator.
#   2. coordinator: scripts/genesis-ceremony.sh base HOME CHAIN_ID ACCOUNTS
#        writes the base genesis, HOME/config/genesis.json: the chain's
#        parameters and one account per line of ACCOUNTS ("address coins",
#        e.g. "open1... 25000000000000000000000000aopen"), validators'
#        operator accounts included. It is published to the validators.
#   3. validator:   scripts/genesis-ceremony.sh gentx HOME BASE_GENESIS STAKE HOST:P2P_PORT
#        checks the base genesis, then signs, with its operator key and its
#        consensus key, a MsgCreateValidator that self-delegates STAKE
#        (e.g. 1000000000000000000000000aopen); its memo is the node's
#        address for peers. Prints the gentx file, which goes to the
#        coordinator.
#   4. coordinator: scripts/genesis-ceremony.sh collect HOME GENTX...
#        puts the gentxs into the base genesis (each is checked against the
#        accounts: a signature, a funded operator, a stake it holds),
#        validates the final genesis and writes the peer list,
#        HOME/config/peers.txt ("node-id@host:port,..."). Prints the final
#        genesis' SHA-256: every validator checks it against the file it
#        receives before starting.
#
# Then each validator copies the final genesis into HOME/config/, sets
# persistent_peers from peers.txt (leaving out its own entry) and starts.
#
# Environment: OPENLEDGERD (binary, default build/openledgerd),
# KEYRING_BACKEND (default os; a localnet uses test), GAS_PRICES (the gentx
# fee price, default 1000000000aopen, the genesis floor of the EVM base fee),
# MAX_GAS (the block gas limit written by `base`, default 300000000; -1 is
# unlimited: see docs/validators.md "Recommended settings").
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${OPENLEDGERD:-$repo_root/build/openledgerd}"
keyring="${KEYRING_BACKEND:-os}"
gas_prices="${GAS_PRICES:-1000000000aopen}"
max_gas="${MAX_GAS:-300000000}"

usage() {
	sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
	exit "${1:-0}"
}

fail() {
	echo "genesis-ceremony: $*" >&2
	exit 1
}

# genesis_chain_id GENESIS: the chain id a genesis file names.
genesis_chain_id() {
	jq -er '.chain_id' "$1"
}

cmd_key() {
	(($# == 3)) || usage 2
	local home="$1" moniker="$2" chain_id="$3"
	if [[ ! -f "$home/config/priv_validator_key.json" ]]; then
		"$bin" init "$moniker" --chain-id "$chain_id" --default-denom aopen --home "$home" >/dev/null 2>&1 ||
			fail "openledgerd init failed in $home"
	fi
	if ! "$bin" keys show "$moniker" --keyring-backend "$keyring" --home "$home" >/dev/null 2>&1; then
		"$bin" keys add "$moniker" --keyring-backend "$keyring" --home "$home" >/dev/null 2>&1 ||
			fail "could not make the key $moniker in $home"
	fi
	"$bin" keys show "$moniker" -a --keyring-backend "$keyring" --home "$home"
}

cmd_base() {
	(($# == 3)) || usage 2
	local home="$1" chain_id="$2" accounts="$3" address coins genesis
	[[ -f "$accounts" ]] || fail "no accounts file $accounts"
	rm -rf "$home"
	"$bin" init coordinator --chain-id "$chain_id" --default-denom aopen --home "$home" >/dev/null 2>&1 ||
		fail "openledgerd init failed in $home"
	while read -r address coins; do
		[[ -z "$address" || "$address" == \#* ]] && continue
		"$bin" genesis add-genesis-account "$address" "$coins" --home "$home" >/dev/null ||
			fail "could not add account $address"
	done <"$accounts"
	genesis="$home/config/genesis.json"
	jq --arg gas "$max_gas" '.consensus.params.block.max_gas = $gas' "$genesis" >"$genesis.tmp"
	mv "$genesis.tmp" "$genesis"
	"$bin" genesis validate "$genesis" --home "$home" >/dev/null || fail "the base genesis is not valid"
	echo "$genesis"
}

cmd_gentx() {
	(($# == 4)) || usage 2
	local home="$1" base="$2" stake="$3" address="$4" moniker chain_id out
	[[ -f "$home/config/priv_validator_key.json" ]] || fail "$home has no consensus key: run the key step first"
	chain_id="$(genesis_chain_id "$base")" || fail "$base names no chain id"
	moniker="$(sed -n 's/^moniker = "\(.*\)"$/\1/p' "$home/config/config.toml")"
	cp "$base" "$home/config/genesis.json"
	"$bin" genesis validate --home "$home" >/dev/null || fail "the base genesis is not valid"
	rm -rf "$home/config/gentx"
	"$bin" genesis gentx "$moniker" "$stake" --moniker "$moniker" --chain-id "$chain_id" \
		--ip "${address%:*}" --p2p-port "${address##*:}" --gas-prices "$gas_prices" \
		--keyring-backend "$keyring" --home "$home" >/dev/null 2>&1 ||
		fail "gentx failed in $home: is $moniker's account funded in the base genesis with at least $stake?"
	out=("$home"/config/gentx/*.json)
	echo "${out[0]}"
}

cmd_collect() {
	(($# >= 2)) || usage 2
	local home="$1" genesis
	shift
	genesis="$home/config/genesis.json"
	[[ -f "$genesis" ]] || fail "$home has no base genesis: run the base step first"
	rm -rf "$home/config/gentx"
	mkdir -p "$home/config/gentx"
	cp "$@" "$home/config/gentx/"
	"$bin" genesis collect-gentxs --home "$home" >/dev/null 2>&1 || fail "collect-gentxs failed: $("$bin" genesis collect-gentxs --home "$home" 2>&1 | tail -n 1)"
	"$bin" genesis validate "$genesis" --home "$home" >/dev/null || fail "the final genesis is not valid"
	[[ "$(jq '.app_state.genutil.gen_txs | length' "$genesis")" == "$#" ]] || fail "the final genesis does not hold all $# gentxs"
	# collect-gentxs writes the gentxs' memos, the validators' addresses,
	# into the coordinator's config.toml.
	sed -n 's/^persistent_peers = "\(.*\)"$/\1/p' "$home/config/config.toml" >"$home/config/peers.txt"
	sha256sum "$genesis" | cut -d' ' -f1
}

(($# >= 1)) || usage 2
step="$1"
shift
case "$step" in
key | base | gentx | collect)
	[[ -x "$bin" ]] || fail "openledgerd not found at $bin: run 'make build' first"
	"cmd_$step" "$@"
	;;
-h | --help) usage 0 ;;
*) usage 2 ;;
esac
