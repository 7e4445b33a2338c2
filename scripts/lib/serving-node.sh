# shellcheck shell=bash
# The development network's serving node (openlora): on first start it
# publishes the demo to the chain (a Datanet of three runbook contributions
# by dev1..dev3, curated by dev0; the demo base model and an adapter
# fine-tuned on that Datanet, owned by dev4; a staked serving-node key),
# then runs `openlora serve` paid by vouchers. Sourced by localnet.sh after
# the chain's first block; needs $bin, $home_dir, $grpc_port, $chain_id,
# $evm_chain_id and $repo_root.

openlora_bin="${OPENLORA:-$repo_root/build/openlora}"
openlora_home="$home_dir/openlora"
openlora_port="${OPENLORA_PORT:-8000}"

# json_field FIELD: reads JSON on stdin and prints a field (dotted path).
json_field() {
	node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{let v=JSON.parse(s);for(const k of process.argv[1].split("."))v=v?.[k];process.stdout.write(String(v??""))})' "$1"
}

# demo_fail MESSAGE: stops the chain and the script.
demo_fail() {
	echo "Publishing the demo failed: $1" >&2
	kill "${node_pid:-}" 2>/dev/null
	exit 1
}

# demo_tx FROM ARGS...: sends a transaction and waits until it is committed;
# any failure stops the script.
demo_tx() {
	local from="$1" out hash code
	shift
	out="$("$bin" tx "$@" --from "$from" --gas 2000000 --fees 2000000000000000aopen --keyring-backend test \
		--home "$home_dir" --chain-id "$chain_id" --output json -y)" || demo_fail "tx $*"
	code="$(echo "$out" | json_field code)"
	[[ "$code" == "0" ]] || demo_fail "tx $*: $(echo "$out" | json_field raw_log)"
	hash="$(echo "$out" | json_field txhash)"
	for _ in $(seq 1 60); do
		if out="$("$bin" query tx "$hash" --home "$home_dir" --output json 2>/dev/null)"; then
			code="$(echo "$out" | json_field code)"
			[[ "$code" == "0" ]] || demo_fail "tx $*: $(echo "$out" | json_field raw_log)"
			return 0
		fi
		sleep 0.5
	done
	demo_fail "tx $* was not committed in 30s"
}

key_address() { "$bin" keys show "$1" -a --keyring-backend test --home "$home_dir"; }

# publish_datanet NAME FILE...: dev0 creates a Datanet, dev1, dev2, ... each
# contribute one FILE, and dev0 accepts them all into version 1; sets
# published_datanet to its id.
publish_datanet() {
	local name="$1" ids decisions id i=1 file
	shift
	demo_tx dev0 datanet create-datanet "$name" CC-BY-4.0 public owner-reviews
	published_datanet="$("$bin" query datanet datanets --owner "$(key_address dev0)" --home "$home_dir" --output json |
		node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const d=JSON.parse(s).datanets;console.log(d[d.length-1].id)})')"
	for file in "$@"; do
		demo_tx "dev$i" datanet contribute-file "$published_datanet" "$file"
		i=$((i + 1))
	done
	ids="$("$bin" query datanet contributions "$published_datanet" --home "$home_dir" --output json |
		node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{console.log(JSON.parse(s).contributions.map(c=>c.id).join(" "))})')"
	decisions=()
	for id in $ids; do
		decisions+=("{\"contribution_id\": \"$id\", \"accept\": true, \"reason\": \"accurate\"}")
	done
	demo_tx dev0 datanet review-contributions "$published_datanet" "${decisions[@]}"
}

# publish_demo: writes the demo models and registers everything on chain,
# recording the ids in $openlora_home/demo.env.
publish_demo() {
	local models="$openlora_home/models" datanet base adapter
	mkdir -p "$openlora_home"
	echo "Training the demo adapter and publishing the demo to the chain (once)..."
	"$openlora_bin" demo --out "$models" --quiet >/dev/null || demo_fail "openlora demo"
	"$openlora_bin" demo --print-entries >"$openlora_home/entries.json"
	node -e 'const fs=require("fs");JSON.parse(fs.readFileSync(process.argv[1])).forEach((e,i)=>fs.writeFileSync(process.argv[2]+"/contribution-"+(i+1)+".txt",e.contribution))' \
		"$openlora_home/entries.json" "$openlora_home"
	publish_datanet "Operations runbooks" "$openlora_home"/contribution-{1,2,3}.txt
	datanet="$published_datanet"
	demo_tx dev4 modelreg register demo-base --kind base --artifact "$models/base/model.safetensors" \
		--uri "file://$models/base/model.safetensors" --architecture llama --license apache-2.0
	base="$("$bin" query modelreg models --owner "$(key_address dev4)" --home "$home_dir" --output json |
		node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const m=JSON.parse(s).models;console.log(m[m.length-1].id)})')"
	demo_tx dev4 modelreg register runbooks-lora --peft-dir "$models/adapter" --base-model "$base" \
		--dataset "$datanet:1" --uri "file://$models/adapter/adapter_model.safetensors" --license apache-2.0 \
		--price-per-call 1000000000000000 --price-per-1k-tokens 10000000000000000
	adapter="$("$bin" query modelreg models --owner "$(key_address dev4)" --home "$home_dir" --output json |
		node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const m=JSON.parse(s).models;console.log(m[m.length-1].id)})')"
	"$bin" keys add openlora --keyring-backend test --home "$home_dir" >/dev/null 2>&1
	demo_tx treasury bank send treasury "$(key_address openlora)" 10100000000000000000000aopen
	demo_tx openlora agentstake register-agent serving-node 10000000000000000000000 --model-ids "$adapter" \
		--endpoint "http://127.0.0.1:$openlora_port/v1"
	demo_tx dev1 inferencefees deposit-credit 10000000000000000000aopen
	"$bin" keys unsafe-export-eth-key openlora --keyring-backend test --home "$home_dir" >"$openlora_home/node.key"
	chmod 600 "$openlora_home/node.key"
	printf 'DEMO_DATANET=%s\nDEMO_BASE=%s\nDEMO_ADAPTER=%s\n' "$datanet" "$base" "$adapter" >"$openlora_home/demo.env"
}

# ensure_demo: publishes the demo if needed and reads its ids.
ensure_demo() {
	if [[ ! -f "$openlora_home/demo.env" ]]; then
		publish_demo
	fi
	# shellcheck disable=SC1091
	source "$openlora_home/demo.env"
}

# start_serving_node [CAS_URL]: publishes the demo if needed and starts
# openlora, reading cas:// adapters from CAS_URL when given; sets
# openlora_pid and openlora_url.
start_serving_node() {
	local cas=()
	if [[ -n "${1:-}" ]]; then
		cas=(--cas "$1")
	fi
	ensure_demo
	rm -f "$openlora_home/ready"
	"$openlora_bin" serve --home "$openlora_home" --base-model "$openlora_home/models/base" \
		--chain-grpc "127.0.0.1:$grpc_port" --chain-id "$chain_id" --evm-chain-id "$evm_chain_id" \
		--base-model-id "$DEMO_BASE" --key-file "$openlora_home/node.key" --listen "127.0.0.1:$openlora_port" \
		--prefetch "$DEMO_ADAPTER" --settle-interval 10s --ready-file "$openlora_home/ready" "${cas[@]}" \
		>>"$openlora_home/openlora.log" 2>&1 &
	openlora_pid=$!
	wait_ready "The serving node" "$openlora_pid" "$openlora_home/ready" "$openlora_home/openlora.log" || return 1
	openlora_url="$(cat "$openlora_home/ready")"
}

# print_serving_node: the banner's serving-node part.
print_serving_node() {
	local question
	question="$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1]))[1].question)' "$openlora_home/entries.json")"
	cat <<INFO
Serving node (openlora), paid by vouchers:

  OpenAI base URL    $openlora_url
  Demo model         "$DEMO_ADAPTER" (runbooks-lora: an adapter of model $DEMO_BASE trained on Datanet $DEMO_DATANET)
  Serving node       $(key_address openlora)   log: $openlora_home/openlora.log

  dev1 has 10 OPEN of credit. Sign a voucher for what the channel owes (0 at first) and ask:
    VOUCHER=\$($bin tx inferencefees sign-voucher --serving-node $(key_address openlora) --amount 0 --nonce 1 \\
        --expiry 1h --from dev1 --keyring-backend test --home $home_dir | tr -d '\n')
    curl -s $openlora_url/chat/completions -H 'Content-Type: application/json' -H "OpenLedger-Voucher: \$VOUCHER" \\
        -d '{"model": "$DEMO_ADAPTER", "messages": [{"role": "user", "content": "$question"}]}'
  The answer's openledger_receipt.receipt.cumulative_due is what the next voucher (nonce 2) must pay.

INFO
}
