#!/usr/bin/env bash
# Starts a single-validator OpenLedger development chain on 127.0.0.1 with
# funded dev accounts and every endpoint enabled.
#
#   scripts/localnet.sh            start the chain (initialising it on first run)
#   scripts/localnet.sh --reset    wipe the chain's data and start from genesis
#   scripts/localnet.sh --init-only [--reset]
#                                  write the home folder and exit (used by tests)
#
# Environment (all optional):
#   OPENLEDGERD        binary to run (default: build/openledgerd)
#   LOCALNET_HOME      node home folder (default: .localnet in the repository)
#   RPC_PORT P2P_PORT GRPC_PORT API_PORT JSONRPC_PORT JSONRPC_WS_PORT
#                      ports (defaults: 26657 26656 9090 1317 8545 8546)
#   BLOCK_TIME         CometBFT timeout_commit (default: 1s)
#
# The genesis holds exactly 1,000,000,000 OPEN: the validator 100,000,000,
# five dev accounts 10,000,000 each, and a treasury account the remaining
# 850,000,000. The keys are in a test keyring (unencrypted): development only.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${OPENLEDGERD:-$repo_root/build/openledgerd}"
home_dir="${LOCALNET_HOME:-$repo_root/.localnet}"
rpc_port="${RPC_PORT:-26657}"
p2p_port="${P2P_PORT:-26656}"
grpc_port="${GRPC_PORT:-9090}"
api_port="${API_PORT:-1317}"
jsonrpc_port="${JSONRPC_PORT:-8545}"
jsonrpc_ws_port="${JSONRPC_WS_PORT:-8546}"
block_time="${BLOCK_TIME:-1s}"

chain_id="openledger-local-1"
evm_chain_id="6736"
keyring=(--keyring-backend test --home "$home_dir")
# One OPEN is 10^18 aopen: amounts below are whole OPEN followed by 18 zeros.
atto="000000000000000000"
gas_price="1000000000aopen" # the genesis floor of the EVM base fee (1 gwei)

# Dev accounts: name, mnemonic, OPEN. Published mnemonics: never use them on a
# real network.
dev_accounts=(
	"validator|junk unknown civil young devote carbon acquire pool vibrant pill slim salon ill tiger law prize alcohol mail vicious balcony taxi unaware escape churn|100000000"
	"dev0|foam pioneer approve leopard bench hundred dog enough choose abuse juice exhaust mask page idea manual domain april pyramid excite wire life sudden until|10000000"
	"dev1|dove mouse magnet neglect wrong velvet lion love destroy idea hood need alert fluid puzzle author cloth advance shy flavor foam pink race dash|10000000"
	"dev2|purse fall master pumpkin muscle also program hazard loan gather flip client copper silent limit antique fan asthma once talent pizza bonus boat wreck|10000000"
	"dev3|accuse wine wing addict infant garment audit void around find leopard lend come pull crucial amused want duck decrease response combine sick gossip rain|10000000"
	"dev4|process want start trust figure erode rent diesel license inspire clinic trick must inherit tobacco general isolate relax midnight parent gold mix health resemble|10000000"
	"treasury|fame join put cargo snack tree armor penalty ivory whale process two trophy casino disease aisle version find earn provide culture today spike audit|850000000"
)
total_supply_open=1000000000
validator_stake_open=1000000

reset=false
init_only=false
for arg in "$@"; do
	case "$arg" in
	-y | --reset) reset=true ;;
	--init-only) init_only=true ;;
	-h | --help)
		sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*)
		echo "unknown argument: $arg (try --help)" >&2
		exit 2
		;;
	esac
done

if [[ ! -x "$bin" ]]; then
	echo "openledgerd not found at $bin: run 'make build' first" >&2
	exit 1
fi

init_chain() {
	rm -rf "$home_dir"
	echo "Initialising $chain_id in $home_dir"
	"$bin" init localnet --chain-id "$chain_id" --default-denom aopen --home "$home_dir" >/dev/null 2>&1

	local sum=0 entry name mnemonic amount
	for entry in "${dev_accounts[@]}"; do
		IFS='|' read -r name mnemonic amount <<<"$entry"
		echo "$mnemonic" | "$bin" keys add "$name" --recover "${keyring[@]}" >/dev/null 2>&1
		"$bin" genesis add-genesis-account "$name" "${amount}${atto}aopen" "${keyring[@]}"
		sum=$((sum + amount))
	done
	if ((sum != total_supply_open)); then
		echo "genesis accounts hold $sum OPEN, not $total_supply_open" >&2
		exit 1
	fi

	"$bin" genesis gentx validator "${validator_stake_open}${atto}aopen" \
		--chain-id "$chain_id" --gas-prices "$gas_price" "${keyring[@]}" >/dev/null 2>&1
	"$bin" genesis collect-gentxs --home "$home_dir" >/dev/null 2>&1
	"$bin" genesis validate --home "$home_dir" >/dev/null

	configure_node
}

# configure_node binds every endpoint to loopback on the chosen ports.
configure_node() {
	local app=("$bin" config set app) cfg="$home_dir/config/config.toml"
	"${app[@]}" api.enable true --home "$home_dir"
	"${app[@]}" api.address "tcp://127.0.0.1:$api_port" --home "$home_dir"
	"${app[@]}" api.enabled-unsafe-cors true --home "$home_dir"
	"${app[@]}" grpc.address "127.0.0.1:$grpc_port" --home "$home_dir"
	"${app[@]}" json-rpc.enable true --home "$home_dir"
	"${app[@]}" json-rpc.address "127.0.0.1:$jsonrpc_port" --home "$home_dir"
	"${app[@]}" json-rpc.ws-address "127.0.0.1:$jsonrpc_ws_port" --home "$home_dir"
	"${app[@]}" json-rpc.api "eth,txpool,net,web3,debug" --home "$home_dir"
	"${app[@]}" evm.evm-chain-id "$evm_chain_id" --home "$home_dir"
	"${app[@]}" minimum-gas-prices "0aopen" --home "$home_dir"

	# config.toml is CometBFT's; `config set` edits only the SDK's files.
	sed -i \
		-e "s#^laddr = \"tcp://127.0.0.1:26657\"#laddr = \"tcp://127.0.0.1:$rpc_port\"#" \
		-e "s#^laddr = \"tcp://0.0.0.0:26656\"#laddr = \"tcp://127.0.0.1:$p2p_port\"#" \
		-e "s#^pprof_laddr = .*#pprof_laddr = \"\"#" \
		-e "s#^cors_allowed_origins = .*#cors_allowed_origins = [\"*\"]#" \
		-e "s#^timeout_commit = .*#timeout_commit = \"$block_time\"#" \
		-e "s#^allow_duplicate_ip = .*#allow_duplicate_ip = true#" \
		"$cfg"

	"$bin" config set client chain-id "$chain_id" --home "$home_dir"
	"$bin" config set client keyring-backend test --home "$home_dir"
	"$bin" config set client node "tcp://127.0.0.1:$rpc_port" --home "$home_dir"
}

print_accounts() {
	local entry name mnemonic amount bech hex
	printf '  %-10s %-44s %-42s %s\n' name address "EVM address" OPEN
	for entry in "${dev_accounts[@]}"; do
		IFS='|' read -r name mnemonic amount <<<"$entry"
		bech="$("$bin" keys show "$name" -a "${keyring[@]}")"
		hex="$("$bin" debug addr "$bech" 2>/dev/null | sed -n 's/^Address hex: 0x//p')"
		printf '  %-10s %-44s 0x%-40s %s\n' "$name" "$bech" "$hex" "$amount"
	done
	echo
	echo "  Private key for MetaMask (Import account):"
	echo "    $bin keys unsafe-export-eth-key dev0 --keyring-backend test --home $home_dir"
}

if $reset || [[ ! -f "$home_dir/config/genesis.json" ]]; then
	init_chain
fi
if $init_only; then
	exit 0
fi

log_file="$home_dir/node.log"
started_at=$(date +%s.%N)
"$bin" start --home "$home_dir" --chain-id "$chain_id" --log_no_color >"$log_file" 2>&1 &
node_pid=$!
trap 'echo; echo "Stopping the node..."; kill "$node_pid" 2>/dev/null; wait "$node_pid" 2>/dev/null; exit 0' INT TERM

echo "Waiting for the first block..."
until "$bin" status --home "$home_dir" 2>/dev/null | grep -q '"latest_block_height":"[1-9]'; do
	if ! kill -0 "$node_pid" 2>/dev/null; then
		echo "The node exited; last lines of $log_file:" >&2
		tail -n 30 "$log_file" >&2
		exit 1
	fi
	sleep 0.2
done
first_block_after=$(awk -v s="$started_at" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')

cat <<EOF

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
EOF
print_accounts
cat <<EOF

Try:  $bin tx bank send dev0 \$($bin keys show dev1 -a --keyring-backend test --home $home_dir) 1000000000000000000aopen \\
        --gas-prices $gas_price --home $home_dir -y

Node log: $log_file (new blocks, warnings and errors follow below)
Stop: Ctrl-C.  Start over from genesis: make localnet RESET=1 (or scripts/localnet.sh --reset)

EOF
tail -n 0 -f "$log_file" | grep --line-buffered -E 'finalized block|WRN|ERR' &
tail_pid=$!
wait "$node_pid"
kill "$tail_pid" 2>/dev/null || true
