#!/usr/bin/env bash
# Starts two chains and a relayer on 127.0.0.1: the OpenLedger localnet
# (scripts/localnet.sh), ibc-go's test chain simd on other ports, and the Go
# relayer, which creates a client on each chain, a connection and an ICS-20
# channel (transfer/channel-0 on both sides) and then relays.
#
#   scripts/localnet-ibc.sh            start everything (a new pair of chains each time)
#   scripts/localnet-ibc.sh --with-services
#                                      also start the serving node and ModelFactory
#
# Environment (all optional):
#   IBC_HOME      folder for both chains and the relayer (default: build/localnet-ibc)
#   OPENLEDGERD   OpenLedger's binary (default: build/openledgerd)
#   SIMD          simd (default: build/simd, `make localnet-ibc` builds it)
#   RLY           the relayer (default: build/tools/rly, installed at its pinned version)
#   OpenLedger's ports as for scripts/localnet.sh (26657, 26656, 9090, 1317, 8545, 8546);
#   SIMD_RPC_PORT SIMD_P2P_PORT SIMD_GRPC_PORT SIMD_API_PORT
#                 simd's ports (defaults: 26757 26756 9190 1417)
#
# The relayer signs with one secp256k1 key on both chains; on OpenLedger the
# treasury funds it with 1,000 OPEN (the genesis holds every OPEN there is).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/ibc.sh
source "$repo_root/scripts/lib/ibc.sh"

ibc_home="${IBC_HOME:-$repo_root/build/localnet-ibc}"
openledgerd="${OPENLEDGERD:-$repo_root/build/openledgerd}"
simd="${SIMD:-$repo_root/build/simd}"
rly="${RLY:-$repo_root/build/tools/rly}"
rpc_port="${RPC_PORT:-26657}"
simd_rpc="${SIMD_RPC_PORT:-26757}"
simd_grpc="${SIMD_GRPC_PORT:-9190}"
simd_api="${SIMD_API_PORT:-1417}"
services=(--no-serving-node --no-modelfactory)

for arg in "$@"; do
	case "$arg" in
	--with-services) services=() ;;
	-h | --help)
		sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
		exit 0
		;;
	*)
		echo "unknown argument: $arg (try --help)" >&2
		exit 2
		;;
	esac
done
for b in "$openledgerd" "$simd"; do
	if [[ ! -x "$b" ]]; then
		echo "$b not found: run 'make localnet-ibc' (it builds both chains)" >&2
		exit 1
	fi
done
if [[ -z "${RLY:-}" ]]; then
	install_relayer "$repo_root/build/tools"
fi

ol_home="$ibc_home/openledger"
simd_home="$ibc_home/simd"
rly_home="$ibc_home/relayer"
mkdir -p "$ibc_home"
pids=()
stop_all() {
	echo
	echo "Stopping the relayer and both chains..."
	local pid
	for pid in "${pids[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${pids[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	exit "${1:-0}"
}
trap stop_all INT TERM
# A step that fails under set -e stops what was started too.
on_exit() {
	local status=$?
	if ((status != 0)); then
		stop_all "$status"
	fi
}
trap on_exit EXIT

echo "Starting the OpenLedger localnet in $ol_home (log: $ibc_home/openledger.log)"
OPENLEDGERD="$openledgerd" LOCALNET_HOME="$ol_home" "$repo_root/scripts/localnet.sh" --reset "${services[@]}" \
	>"$ibc_home/openledger.log" 2>&1 &
pids+=($!)

echo "Initialising simd ($simd_chain_id) in $simd_home"
init_simd "$simd" "$simd_home" "$simd_rpc" "${SIMD_P2P_PORT:-26756}" "$simd_grpc" "$simd_api" 1s
"$simd" start --home "$simd_home" --log_no_color >"$simd_home/node.log" 2>&1 &
pids+=($!)

# wait_height RPC_PORT NAME: waits until the chain at RPC_PORT has made a block.
wait_height() {
	for _ in $(seq 1 240); do
		if curl -s "http://127.0.0.1:$1/status" 2>/dev/null | grep -q '"latest_block_height":"[1-9]'; then
			return 0
		fi
		sleep 0.5
	done
	echo "$2 made no block; see its log in $ibc_home" >&2
	stop_all 1
}
wait_height "$rpc_port" OpenLedger
wait_height "$simd_rpc" simd
# The OpenLedger banner (accounts, endpoints) is printed once its services are up.
until grep -q "is running" "$ibc_home/openledger.log"; do
	sleep 0.5
done

echo "Configuring the relayer in $rly_home"
init_relayer "$rly" "$rly_home" openledger-local-1 "$rpc_port" "$simd_rpc"
relayer_address="$("$rly" keys show openledger relayer --home "$rly_home")"
"$openledgerd" tx bank send treasury "$relayer_address" "1000000000000000000000aopen" \
	--gas 200000 --fees 200000000000000aopen --keyring-backend test --home "$ol_home" -y --output json >/dev/null
for _ in $(seq 1 60); do
	if "$openledgerd" query bank balance "$relayer_address" aopen --home "$ol_home" --output json 2>/dev/null |
		grep -q '"amount":"[1-9]'; then
		break
	fi
	sleep 0.5
done

echo "Creating clients, a connection and the ICS-20 channel (about 30 s)..."
if ! "$rly" tx link "$path_name" --src-port transfer --dst-port transfer --version ics20-1 \
	--home "$rly_home" >"$ibc_home/link.log" 2>&1; then
	echo "rly tx link failed; last lines of $ibc_home/link.log:" >&2
	tail -n 20 "$ibc_home/link.log" >&2
	stop_all 1
fi
"$rly" start "$path_name" --home "$rly_home" >"$ibc_home/relayer.log" 2>&1 &
pids+=($!)

ol="$openledgerd --home $ol_home"
s="$simd --home $simd_home --keyring-backend test --chain-id $simd_chain_id --node tcp://127.0.0.1:$simd_rpc"
simd_user="$("$simd" keys show user -a --keyring-backend test --home "$simd_home")"
# ICS-20's voucher denom: ibc/ + SHA-256 of the denom's path on this side.
voucher="ibc/$(printf 'transfer/channel-0/aopen' | sha256sum | cut -d' ' -f1 | tr 'a-f' 'A-F')"
sed -n '/OpenLedger localnet is running/,/^Send 1 OPEN/p' "$ibc_home/openledger.log" | sed '$d'
cat <<INFO
simd ($simd_chain_id), ibc-go's test chain, is running too:

  CometBFT RPC       http://127.0.0.1:$simd_rpc
  gRPC               127.0.0.1:$simd_grpc
  REST (LCD)         http://127.0.0.1:$simd_api
  user               $simd_user (test keyring in $simd_home)

The Go relayer $relayer_version relays transfer/channel-0 <-> transfer/channel-0 (log: $ibc_home/relayer.log).
On simd, OPEN is the voucher $voucher.

Send 5 OPEN to simd:
    $ol tx ibc-transfer transfer transfer channel-0 $simd_user 5000000000000000000aopen \\
        --from dev0 --gas 300000 --fees 300000000000000aopen -y

Send 2 of them back as inference credit for dev1 (pays for inference from simd):
    $s tx ibc-transfer transfer transfer channel-0 \$($ol keys show dev1 -a --keyring-backend test) \\
        2000000000000000000$voucher --memo '{"openledger":{"deposit_credit":{}}}' --from user -y
    $ol query inferencefees credit \$($ol keys show dev1 -a --keyring-backend test)

Stop: Ctrl-C (each start begins from new genesis files).

INFO
wait "${pids[-1]}"
stop_all 0
