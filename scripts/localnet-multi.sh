#!/usr/bin/env bash
# Starts a 4-validator OpenLedger network on 127.0.0.1: four nodes, each with
# its own home, keys and ports, peered with each other.
#
#   scripts/localnet-multi.sh             initialise (first run) and start all four
#   scripts/localnet-multi.sh --reset     start over from a new genesis
#   scripts/localnet-multi.sh --init-only write the four homes and exit
#
# Node i (0..3) listens on the single-node ports plus 10*i: node 0 on 26657
# (CometBFT RPC), 9090 (gRPC), 1317 (REST), 8545/8546 (EVM JSON-RPC HTTP/WS),
# node 1 on 26667, 9100, 1327, 8555/8556, and so on; P2P on 26656+10*i.
#
# Environment: OPENLEDGERD (binary), LOCALNET_MULTI_HOME (default
# .localnet-multi), BLOCK_TIME (default 1s), PORT_OFFSET (added to every
# port, default 0).
#
# Genesis: made by scripts/genesis-ceremony.sh, as a real network's would be
# (the coordinator's home is LOCALNET_MULTI_HOME/genesis). 1,000,000,000 OPEN
# in all; each validator 25,000,000 (1,000,000 bonded), the dev accounts and
# treasury as in the single-node localnet.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${OPENLEDGERD:-$repo_root/build/openledgerd}"
base_dir="${LOCALNET_MULTI_HOME:-$repo_root/.localnet-multi}"
# shellcheck source=lib/devnet.sh
source "$repo_root/scripts/lib/devnet.sh"

validators=4
validator_open=25000000

parse_devnet_args "${BASH_SOURCE[0]}" "$@"

node_home() { echo "$base_dir/node$1"; }
port_offset="${PORT_OFFSET:-0}"
port() { echo $(($1 + 10 * $2 + port_offset)); } # port BASE NODE

ceremony="$repo_root/scripts/genesis-ceremony.sh"

# init_network runs the genesis ceremony of scripts/genesis-ceremony.sh with
# four validators on one machine: $base_dir/genesis is the coordinator's
# home, node0..node3 the validators'. The dev keys go into node 0's test
# keyring.
init_network() {
	rm -rf "$base_dir"
	echo "Initialising $validators validators of $chain_id in $base_dir"
	local i home coordinator="$base_dir/genesis" accounts="$base_dir/accounts.txt"
	local gentxs=() gentx address entry name mnemonic amount sum=0
	export OPENLEDGERD="$bin" KEYRING_BACKEND=test GAS_PRICES="$gas_price"
	mkdir -p "$base_dir"
	: >"$accounts"

	# Each validator makes its keys in its own home and hands over its
	# operator address.
	for ((i = 0; i < validators; i++)); do
		address="$("$ceremony" key "$(node_home "$i")" "validator$i" "$chain_id")"
		echo "$address ${validator_open}${atto}aopen" >>"$accounts"
		sum=$((sum + validator_open))
	done
	for entry in "${dev_accounts[@]}"; do
		IFS='|' read -r name mnemonic amount <<<"$entry"
		echo "$mnemonic" | "$bin" keys add "$name" --recover --keyring-backend test --home "$(node_home 0)" >/dev/null 2>&1
		address="$("$bin" keys show "$name" -a --keyring-backend test --home "$(node_home 0)")"
		echo "$address ${amount}${atto}aopen" >>"$accounts"
		sum=$((sum + amount))
	done
	require_total_supply "$sum"

	# The coordinator writes the base genesis; each validator signs its
	# gentx against it; the coordinator collects them.
	"$ceremony" base "$coordinator" "$chain_id" "$accounts" >/dev/null
	for ((i = 0; i < validators; i++)); do
		gentx="$("$ceremony" gentx "$(node_home "$i")" "$coordinator/config/genesis.json" \
			"${validator_stake_open}${atto}aopen" "127.0.0.1:$(port 26656 "$i")")"
		gentxs+=("$gentx")
	done
	"$ceremony" collect "$coordinator" "${gentxs[@]}" >/dev/null

	local peers node_id others
	peers="$(cat "$coordinator/config/peers.txt")"
	for ((i = 0; i < validators; i++)); do
		home="$(node_home "$i")"
		cp "$coordinator/config/genesis.json" "$home/config/genesis.json"
		configure_node "$home" "$(port 26657 "$i")" "$(port 26656 "$i")" "$(port 9090 "$i")" \
			"$(port 1317 "$i")" "$(port 8545 "$i")" "$(port 8546 "$i")" "${BLOCK_TIME:-1s}"
		node_id="$("$bin" comet show-node-id --home "$home")"
		# Every other validator's address from the published list.
		others="$(tr ',' '\n' <<<"$peers" | grep -v "^$node_id@" | paste -sd, -)"
		sed -i "s#^persistent_peers = .*#persistent_peers = \"$others\"#" "$home/config/config.toml"
	done
}

if $reset || [[ ! -f "$(node_home 0)/config/genesis.json" ]]; then
	init_network
fi
if $init_only; then
	exit 0
fi

pids=()
for ((i = 0; i < validators; i++)); do
	home="$(node_home "$i")"
	"$bin" start --home "$home" --log_no_color >>"$home/node.log" 2>&1 &
	pids+=($!)
done
trap 'echo; echo "Stopping the nodes..."; kill "${pids[@]}" 2>/dev/null; wait "${pids[@]}" 2>/dev/null; exit 0' INT TERM

echo "Waiting for the first block..."
wait_for_first_block "$(node_home 0)" "${pids[0]}" "$(node_home 0)/node.log"

echo
echo "OpenLedger 4-validator localnet is running (chain id $chain_id, EVM chain id $evm_chain_id)."
echo
printf '  %-6s %-24s %-16s %-24s %-24s %s\n' node "CometBFT RPC" gRPC REST "EVM JSON-RPC" "log"
for ((i = 0; i < validators; i++)); do
	printf '  %-6s %-24s %-16s %-24s %-24s %s\n' "$i" "http://127.0.0.1:$(port 26657 "$i")" \
		"127.0.0.1:$(port 9090 "$i")" "http://127.0.0.1:$(port 1317 "$i")" \
		"http://127.0.0.1:$(port 8545 "$i")" "$(node_home "$i")/node.log"
done
echo
echo "Dev accounts (test keyring in $(node_home 0)):"
# shellcheck disable=SC2046
print_accounts "$(node_home 0)" $(dev_account_names)
echo
echo "Validators: $("$bin" query staking validators --home "$(node_home 0)" --output json | grep -o '"moniker": *"[^"]*"' | wc -l) bonded."
echo "Stop: Ctrl-C stops all four nodes.  Start over: scripts/localnet-multi.sh --reset"
echo
tail -n 0 -f --pid="${pids[0]}" "$(node_home 0)/node.log" | grep --line-buffered -E 'finalized block|WRN|ERR' &
wait "${pids[@]}"
