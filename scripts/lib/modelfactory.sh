# shellcheck shell=bash
# The development network's fine-tuning service (modelfactory): on first
# start it publishes a training Datanet (the demo's three runbook questions
# and answers as JSON prompt/response rows, by dev1..dev3, curated by dev0),
# then runs `modelfactory serve` on the demo base model, publishing with
# dev4's key. Sourced by localnet.sh after the demo is published (it needs
# the demo base model's folder and the helpers of serving-node.sh).

modelfactory_bin="${MODELFACTORY:-$repo_root/build/modelfactory}"
modelfactory_home="$home_dir/modelfactory"
modelfactory_port="${MODELFACTORY_PORT:-8100}"
modelfactory_url="http://127.0.0.1:$modelfactory_port"

# publish_training_data: the training Datanet, once; its id goes to
# $modelfactory_home/training.env.
publish_training_data() {
	mkdir -p "$modelfactory_home"
	echo "Publishing the training Datanet (once)..."
	node -e 'const fs=require("fs");JSON.parse(fs.readFileSync(process.argv[1])).forEach((e,i)=>fs.writeFileSync(process.argv[2]+"/row-"+(i+1)+".json",JSON.stringify({prompt:e.question,response:e.contribution})))' \
		"$openlora_home/entries.json" "$modelfactory_home"
	publish_datanet "Runbook questions and answers" "$modelfactory_home"/row-{1,2,3}.json
	printf 'TRAINING_DATANET=%s\n' "$published_datanet" >"$modelfactory_home/training.env"
}

# start_modelfactory: publishes the training Datanet if needed and starts
# modelfactory; sets modelfactory_pid.
start_modelfactory() {
	if [[ ! -f "$modelfactory_home/training.env" ]]; then
		publish_training_data
	fi
	# shellcheck disable=SC1091
	source "$modelfactory_home/training.env"
	if [[ ! -f "$modelfactory_home/owner.key" ]]; then
		"$bin" keys unsafe-export-eth-key dev4 --keyring-backend test --home "$home_dir" >"$modelfactory_home/owner.key"
		chmod 600 "$modelfactory_home/owner.key"
	fi
	rm -f "$modelfactory_home/ready"
	"$modelfactory_bin" serve --home "$modelfactory_home" --chain-grpc "127.0.0.1:$grpc_port" --chain-id "$chain_id" \
		--base-model "$openlora_home/models/base" --key-file "$modelfactory_home/owner.key" \
		--listen "127.0.0.1:$modelfactory_port" --ready-file "$modelfactory_home/ready" \
		>>"$modelfactory_home/modelfactory.log" 2>&1 &
	modelfactory_pid=$!
	wait_ready ModelFactory "$modelfactory_pid" "$modelfactory_home/ready" "$modelfactory_home/modelfactory.log"
}

# print_modelfactory: the banner's ModelFactory part.
print_modelfactory() {
	cat <<INFO
ModelFactory (no-code fine-tuning), publishing as dev4:

  Web page           $modelfactory_url
  Ready to train     base model "$DEMO_BASE" (demo-base) on Datanet $TRAINING_DATANET version 1 (JSON prompt/response rows)
  Log                $modelfactory_home/modelfactory.log
  A published adapter is served once the serving node stakes for it (MODEL_ID from the page):
    $bin tx agentstake update-agent \$($bin keys show openlora -a --keyring-backend test --home $home_dir) \\
        --model-ids $DEMO_ADAPTER,MODEL_ID --endpoint http://127.0.0.1:$openlora_port/v1 \\
        --from openlora --keyring-backend test --home $home_dir --gas auto --gas-adjustment 1.3 --gas-prices $gas_price -y

INFO
}
