# shellcheck shell=bash
# Shared by localnet.sh and localnet-multi.sh: the development network's
# genesis accounts, node configuration and start-up helpers.

chain_id="openledger-local-1"
evm_chain_id="6736"
# One OPEN is 10^18 aopen: amounts below are whole OPEN followed by 18 zeros.
atto="000000000000000000"
gas_price="1000000000aopen" # the genesis floor of the EVM base fee (1 gwei)
total_supply_open=1000000000
validator_stake_open=1000000

# Funded dev accounts: name|mnemonic|OPEN. Published mnemonics: never use them
# on a real network. Validator accounts are added by each script, which checks
# that the genesis holds exactly total_supply_open.
dev_accounts=(
	"dev0|foam pioneer approve leopard bench hundred dog enough choose abuse juice exhaust mask page idea manual domain april pyramid excite wire life sudden until|10000000"
	"dev1|dove mouse magnet neglect wrong velvet lion love destroy idea hood need alert fluid puzzle author cloth advance shy flavor foam pink race dash|10000000"
	"dev2|purse fall master pumpkin muscle also program hazard loan gather flip client copper silent limit antique fan asthma once talent pizza bonus boat wreck|10000000"
	"dev3|accuse wine wing addict infant garment audit void around find leopard lend come pull crucial amused want duck decrease response combine sick gossip rain|10000000"
	"dev4|process want start trust figure erode rent diesel license inspire clinic trick must inherit tobacco general isolate relax midnight parent gold mix health resemble|10000000"
	"treasury|fame join put cargo snack tree armor penalty ivory whale process two trophy casino disease aisle version find earn provide culture today spike audit|850000000"
)

# parse_devnet_args SCRIPT ARGS...: sets reset, init_only, serving_node and
# modelfactory from the arguments both scripts take, prints SCRIPT's header
# comment for --help, and checks that the binary exists.
parse_devnet_args() {
	local script="$1" arg
	shift
	reset=false
	init_only=false
	serving_node=true
	modelfactory=true
	for arg in "$@"; do
		case "$arg" in
		-y | --reset) reset=true ;;
		--init-only) init_only=true ;;
		--no-serving-node) serving_node=false ;;
		--no-modelfactory) modelfactory=false ;;
		-h | --help)
			sed -n '2,/^set -euo/p' "$script" | sed '$d' | sed 's/^# \{0,1\}//'
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
}

# add_genesis_key HOME NAME MNEMONIC OPEN: recovers a key into HOME's test
# keyring and funds it in HOME's genesis.
add_genesis_key() {
	local home="$1" name="$2" mnemonic="$3" amount="$4"
	echo "$mnemonic" | "$bin" keys add "$name" --recover --keyring-backend test --home "$home" >/dev/null 2>&1
	"$bin" genesis add-genesis-account "$name" "${amount}${atto}aopen" --keyring-backend test --home "$home"
}

# add_dev_accounts HOME: funds every dev account; prints the OPEN allocated.
add_dev_accounts() {
	local home="$1" sum=0 entry name mnemonic amount
	for entry in "${dev_accounts[@]}"; do
		IFS='|' read -r name mnemonic amount <<<"$entry"
		add_genesis_key "$home" "$name" "$mnemonic" "$amount"
		sum=$((sum + amount))
	done
	echo "$sum"
}

# require_total_supply OPEN: stops unless the genesis holds exactly 10^9 OPEN.
require_total_supply() {
	if (($1 != total_supply_open)); then
		echo "genesis accounts hold $1 OPEN, not $total_supply_open" >&2
		exit 1
	fi
}

# configure_node HOME RPC P2P GRPC API JSONRPC JSONRPC_WS BLOCK_TIME: binds
# every endpoint of the node to loopback on the given ports.
configure_node() {
	local home="$1" rpc="$2" p2p="$3" grpc="$4" api="$5" jsonrpc="$6" ws="$7" block_time="$8"
	local set=("$bin" config set app)
	"${set[@]}" api.enable true --home "$home"
	"${set[@]}" api.address "tcp://127.0.0.1:$api" --home "$home"
	"${set[@]}" api.enabled-unsafe-cors true --home "$home"
	"${set[@]}" grpc.address "127.0.0.1:$grpc" --home "$home"
	"${set[@]}" json-rpc.enable true --home "$home"
	"${set[@]}" json-rpc.address "127.0.0.1:$jsonrpc" --home "$home"
	"${set[@]}" json-rpc.ws-address "127.0.0.1:$ws" --home "$home"
	"${set[@]}" json-rpc.api "eth,txpool,net,web3,debug" --home "$home"
	"${set[@]}" evm.evm-chain-id "$evm_chain_id" --home "$home"
	"${set[@]}" minimum-gas-prices "0aopen" --home "$home"

	# config.toml is CometBFT's; `config set` edits only the SDK's files.
	sed -i \
		-e "s#^laddr = \"tcp://127.0.0.1:26657\"#laddr = \"tcp://127.0.0.1:$rpc\"#" \
		-e "s#^laddr = \"tcp://0.0.0.0:26656\"#laddr = \"tcp://127.0.0.1:$p2p\"#" \
		-e "s#^pprof_laddr = .*#pprof_laddr = \"\"#" \
		-e "s#^cors_allowed_origins = .*#cors_allowed_origins = [\"*\"]#" \
		-e "s#^timeout_commit = .*#timeout_commit = \"$block_time\"#" \
		-e "s#^allow_duplicate_ip = .*#allow_duplicate_ip = true#" \
		-e "s#^addr_book_strict = .*#addr_book_strict = false#" \
		"$home/config/config.toml"

	"$bin" config set client chain-id "$chain_id" --home "$home"
	"$bin" config set client keyring-backend test --home "$home"
	"$bin" config set client node "tcp://127.0.0.1:$rpc" --home "$home"
}

# wait_for_first_block HOME PID LOG: waits until the node has committed a block.
wait_for_first_block() {
	local home="$1" pid="$2" log="$3"
	until "$bin" status --home "$home" 2>/dev/null | grep -q '"latest_block_height":"[1-9]'; do
		if ! kill -0 "$pid" 2>/dev/null; then
			echo "The node exited; last lines of $log:" >&2
			tail -n 30 "$log" >&2
			exit 1
		fi
		sleep 0.2
	done
}

# print_accounts HOME NAME...: open1 and 0x addresses and balances of keys.
print_accounts() {
	local home="$1" name bech hex balance
	shift
	printf '  %-10s %-44s %-42s %s\n' name address "EVM address (MetaMask)" OPEN
	for name in "$@"; do
		bech="$("$bin" keys show "$name" -a --keyring-backend test --home "$home")"
		hex="$("$bin" debug addr "$bech" 2>/dev/null | sed -n 's/^Address hex: //p')"
		balance="$("$bin" query bank balance "$bech" aopen --home "$home" --output json 2>/dev/null |
			sed -n 's/.*"amount": *"\([0-9]*\)".*/\1/p' | head -n 1)"
		printf '  %-10s %-44s %-42s %s\n' "$name" "$bech" "$hex" "$(format_open "${balance:-0}")"
	done
}

# format_open AOPEN: an aopen amount in OPEN, e.g. 1500000000000000000 -> 1.5.
format_open() {
	local aopen="$1" whole frac
	if ((${#aopen} > 18)); then
		whole="${aopen:0:${#aopen}-18}" frac="${aopen: -18}"
	else
		whole=0 frac="$(printf '%018d' "$aopen")"
	fi
	frac="$(echo "$frac" | sed 's/0*$//')"
	echo "$whole${frac:+.$frac}"
}

dev_account_names() {
	local entry
	for entry in "${dev_accounts[@]}"; do
		echo "${entry%%|*}"
	done
}

# wait_ready NAME PID READY_FILE LOG: waits up to 60 s until a service
# started in the background writes its ready file; fails, printing the
# log's last lines, if the process exits first.
wait_ready() {
	local name="$1" pid="$2" ready="$3" log="$4"
	for _ in $(seq 1 120); do
		if [[ -s "$ready" ]]; then
			return 0
		fi
		if ! kill -0 "$pid" 2>/dev/null; then
			echo "$name exited; last lines of $log:" >&2
			tail -n 20 "$log" >&2
			return 1
		fi
		sleep 0.5
	done
	echo "$name did not start listening" >&2
	return 1
}
