#!/usr/bin/env bash
# Starts a single-validator OpenLedger development chain on 127.0.0.1 with
# funded dev accounts and every endpoint enabled.
#
#   scripts/localnet.sh            start the chain (initialising it on first run)
#   scripts/localnet.sh --reset    wipe the chain's data and start from genesis
#   scripts/localnet.sh --init-only [--reset]
#                                  write the node home and exit (used by tests)
#   scripts/localnet.sh --no-serving-node
#                                  without the openlora serving node
#   scripts/localnet.sh --no-modelfactory
#                                  without the modelfactory fine-tuning service
#
# With the serving node (the default), the first start publishes the demo to
# the chain: a Datanet of three runbooks (dev1..dev3, curated by dev0), the
# demo base model and an adapter fine-tuned on it (owned by dev4), and a
# staked serving-node key "openlora"; then `openlora serve` answers
# OpenAI-compatible requests paid by vouchers. With ModelFactory (the
# default), a training Datanet of the same runbooks as JSON prompt/response
# rows is published too, and `modelfactory serve` trains adapters of the
# demo base model in the browser and publishes them as dev4; the serving
# node reads what it publishes from its content-addressed store.
#
# Environment (all optional):
#   OPENLEDGERD        binary to run (default: build/openledgerd)
#   LOCALNET_HOME      node home folder (default: .localnet in the repository)
#   RPC_PORT P2P_PORT GRPC_PORT API_PORT JSONRPC_PORT JSONRPC_WS_PORT
#                      ports (defaults: 26657 26656 9090 1317 8545 8546)
#   BLOCK_TIME         CometBFT timeout_commit (default: 1s)
#   OPENLORA           the serving node's binary (default: build/openlora)
#   OPENLORA_PORT      its API port (default: 8000)
#   MODELFACTORY       the fine-tuning service's binary (default: build/modelfactory)
#   MODELFACTORY_PORT  its web page's port (default: 8100)
#
# The genesis holds exactly 1,000,000,000 OPEN: the validator 100,000,000,
# five dev accounts 10,000,000 each, and a treasury account the remaining
# 850,000,000. The keys are in a test keyring (unencrypted): development only.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${OPENLEDGERD:-$repo_root/build/openledgerd}"
home_dir="${LOCALNET_HOME:-$repo_root/.localnet}"
# shellcheck source=lib/devnet.sh
source "$repo_root/scripts/lib/devnet.sh"
# shellcheck source=lib/serving-node.sh
source "$repo_root/scripts/lib/serving-node.sh"
# shellcheck source=lib/modelfactory.sh
source "$repo_root/scripts/lib/modelfactory.sh"

rpc_port="${RPC_PORT:-26657}"
grpc_port="${GRPC_PORT:-9090}"
api_port="${API_PORT:-1317}"
jsonrpc_port="${JSONRPC_PORT:-8545}"
jsonrpc_ws_port="${JSONRPC_WS_PORT:-8546}"

validator_mnemonic="junk unknown civil young devote carbon acquire pool vibrant pill slim salon ill tiger law prize alcohol mail vicious balcony taxi unaware escape churn"
validator_open=100000000

parse_devnet_args "${BASH_SOURCE[0]}" "$@"

init_chain() {
	rm -rf "$home_dir"
	echo "Initialising $chain_id in $home_dir"
	"$bin" init localnet --chain-id "$chain_id" --default-denom aopen --home "$home_dir" >/dev/null 2>&1

	add_genesis_key "$home_dir" validator "$validator_mnemonic" "$validator_open"
	require_total_supply $(($(add_dev_accounts "$home_dir") + validator_open))

	"$bin" genesis gentx validator "${validator_stake_open}${atto}aopen" --moniker localnet \
		--chain-id "$chain_id" --gas-prices "$gas_price" --keyring-backend test --home "$home_dir" >/dev/null 2>&1
	"$bin" genesis collect-gentxs --home "$home_dir" >/dev/null 2>&1
	"$bin" genesis validate --home "$home_dir" >/dev/null

	configure_node "$home_dir" "$rpc_port" "${P2P_PORT:-26656}" "$grpc_port" "$api_port" \
		"$jsonrpc_port" "$jsonrpc_ws_port" "${BLOCK_TIME:-1s}"
}

if $reset || [[ ! -f "$home_dir/config/genesis.json" ]]; then
	init_chain
fi
if $init_only; then
	exit 0
fi

log_file="$home_dir/node.log"
started_at=$(date +%s.%N)
"$bin" start --home "$home_dir" --log_no_color >>"$log_file" 2>&1 &
node_pid=$!
openlora_pid=""
modelfactory_pid=""
# stop_all [STATUS]: stops ModelFactory (which checkpoints a running job),
# the serving node (which settles what is pending) and the chain, and exits
# with STATUS (0 by default).
stop_all() {
	echo
	if [[ -n "$modelfactory_pid" ]]; then
		echo "Stopping ModelFactory (a running job checkpoints and resumes next start)..."
		kill "$modelfactory_pid" 2>/dev/null
		wait "$modelfactory_pid" 2>/dev/null
	fi
	if [[ -n "$openlora_pid" ]]; then
		echo "Stopping the serving node (it settles what is pending)..."
		kill "$openlora_pid" 2>/dev/null
		wait "$openlora_pid" 2>/dev/null
	fi
	echo "Stopping the node..."
	kill "$node_pid" 2>/dev/null
	wait "$node_pid" 2>/dev/null
	exit "${1:-0}"
}
trap stop_all INT TERM

echo "Waiting for the first block..."
wait_for_first_block "$home_dir" "$node_pid" "$log_file"
first_block_after=$(awk -v s="$started_at" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
if $serving_node || $modelfactory; then
	ensure_demo
fi
if $modelfactory; then
	start_modelfactory || stop_all 1
fi
if $serving_node; then
	if $modelfactory; then
		start_serving_node "$modelfactory_url/cas" || stop_all 1
	else
		start_serving_node || stop_all 1
	fi
fi

cat <<INFO

OpenLedger localnet is running (first block ${first_block_after}s after start).

  Cosmos chain id    $chain_id
  EVM chain id       $evm_chain_id
  Denom              aopen (1 OPEN = 10^18 aopen)

  CometBFT RPC       http://127.0.0.1:$rpc_port
  gRPC               127.0.0.1:$grpc_port
  REST (LCD)         http://127.0.0.1:$api_port
  EVM JSON-RPC       http://127.0.0.1:$jsonrpc_port
  EVM WebSocket      ws://127.0.0.1:$jsonrpc_ws_port

Dev accounts (test keyring in $home_dir):
INFO
# shellcheck disable=SC2046
print_accounts "$home_dir" validator $(dev_account_names)
cat <<INFO

  Private key to import into MetaMask:
    $bin keys unsafe-export-eth-key dev0 --keyring-backend test --home $home_dir

Send 1 OPEN:
    $bin tx bank send dev0 \$($bin keys show dev1 -a --keyring-backend test --home $home_dir) 1000000000000000000aopen \\
        --gas auto --gas-adjustment 1.3 --gas-prices $gas_price --home $home_dir -y

INFO
if $serving_node; then
	print_serving_node
fi
if $modelfactory; then
	print_modelfactory
fi
cat <<INFO
Node log: $log_file (new blocks, warnings and errors follow)
Stop: Ctrl-C.  Start over from genesis: make localnet RESET=1 (or scripts/localnet.sh --reset)

INFO
tail -n 0 -f --pid="$node_pid" "$log_file" | grep --line-buffered -E 'finalized block|WRN|ERR' &
wait "$node_pid"
# The chain stopped by itself: the services cannot go on without it.
for pid in "$openlora_pid" "$modelfactory_pid"; do
	if [[ -n "$pid" ]]; then
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	fi
done
