#!/usr/bin/make -f
# OpenLedger: `make localnet` starts a development chain, `make test` runs every
# test. `make help` lists the rest.

BINARY      := build/openledgerd
# The counterparty chain and the relayer of the live IBC setup.
SIMD        := build/simd
RLY         := build/tools/rly
GO          ?= go
# In-process tests need cosmos/evm's `test` build tag: it lets several
# applications in one process reset the EVM's process-wide configuration.
TEST_TAGS   := test
TEST_FLAGS  ?= -timeout 30m
# The chain simulation's seeds, blocks per seed and operations per block.
SIM_SEEDS      ?= 2,4,7
SIM_BLOCKS     ?= 200
SIM_BLOCK_SIZE ?= 10
VERSION     ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS     := -X github.com/cosmos/cosmos-sdk/version.Name=openledger \
               -X github.com/cosmos/cosmos-sdk/version.AppName=openledgerd \
               -X github.com/cosmos/cosmos-sdk/version.Version=$(VERSION)

.DEFAULT_GOAL := help

## help: list the targets
help:
	@awk '/^## /{ sub(/^## /, ""); i = index($$0, ":"); printf "  %-16s %s\n", substr($$0, 1, i-1), substr($$0, i+2) }' $(MAKEFILE_LIST)

## build: build openledgerd, the openlora serving node and the modelfactory trainer into build/
build:
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BINARY) ./cmd/openledgerd
	$(GO) build -o build/openlora ./cmd/openlora
	$(GO) build -o build/modelfactory ./cmd/modelfactory

## install: install openledgerd into $GOPATH/bin
install:
	$(GO) install -ldflags '$(LDFLAGS)' ./cmd/openledgerd

## localnet: build and start a single-validator chain, the demo serving node and ModelFactory on 127.0.0.1 (RESET=1 starts over from genesis, NO_SERVING_NODE=1 / NO_MODELFACTORY=1 leave them out)
localnet: build
	@scripts/localnet.sh $(if $(RESET),--reset,) $(if $(NO_SERVING_NODE),--no-serving-node,) $(if $(NO_MODELFACTORY),--no-modelfactory,)

## localnet-multi: build and start a 4-validator network on 127.0.0.1 (Ctrl-C stops all four)
localnet-multi: build
	@scripts/localnet-multi.sh

## test: run every test: unit, in-process chain, IBC, and system tests on the real binary
test: build
	OPENLEDGERD_BIN=$(CURDIR)/$(BINARY) OPENLORA_BIN=$(CURDIR)/build/openlora MODELFACTORY_BIN=$(CURDIR)/build/modelfactory $(GO) test -tags $(TEST_TAGS) $(TEST_FLAGS) ./...

## test-unit: run the tests that need no running node
test-unit:
	$(GO) test -tags $(TEST_TAGS) $(TEST_FLAGS) $$($(GO) list ./... | grep -v /tests/system)

## test-system: run the system tests on the real binary
test-system: build
	OPENLEDGERD_BIN=$(CURDIR)/$(BINARY) OPENLORA_BIN=$(CURDIR)/build/openlora MODELFACTORY_BIN=$(CURDIR)/build/modelfactory $(GO) test -tags $(TEST_TAGS) $(TEST_FLAGS) -v -count=1 ./tests/system/...

## load-test: send bank transfers to a running localnet and report sustained TPS (TXS=, CONCURRENCY=)
load-test: build
	$(GO) run ./cmd/loadtest -home .localnet $(if $(TXS),-txs $(TXS),) $(if $(CONCURRENCY),-senders $(CONCURRENCY),)

## test-sim: the chain simulation: SIM_SEEDS (2,4,7) x SIM_BLOCKS (200) random blocks of every module's messages, all invariants every 10 blocks and at the end, the state exported, imported through InitChain and compared store by store; one seed twice to the same app hash
test-sim:
	$(GO) test -tags $(TEST_TAGS) $(TEST_FLAGS) -count=1 -run '^TestAppSimulation' ./app -sim.seeds=$(SIM_SEEDS) -sim.blocks=$(SIM_BLOCKS) -sim.block-size=$(SIM_BLOCK_SIZE)

## fuzz: every fuzz target (CheckTx and mempool, message handlers, parsers) for FUZZTIME each (60s); CI: FUZZTIME=10s, CHECKTX_FUZZTIME=60s
fuzz:
	FUZZTIME=$(or $(FUZZTIME),60s) CHECKTX_FUZZTIME=$(or $(CHECKTX_FUZZTIME),$(FUZZTIME),60s) scripts/fuzz.sh

## bench-settle: settlement blocks of 100, 1,000 and 10,000 vouchers through FinalizeBlock, and message gas
bench-settle:
	$(GO) test -tags test ./app -run '^$$' -bench 'SettleBatchBlock|MessageGas' -benchtime 3x

## bench-poa: build a 100 MB corpus in /tmp/poa-bench and measure the attribution engine
bench-poa:
	$(GO) run ./cmd/poa-bench --dir /tmp/poa-bench --size 100MB

## eval-poa-paraphrase: the real-paraphrase evaluation of the PoA engine over every passage pair (installs the texts)
eval-poa-paraphrase:
	@scripts/test-deps.sh poa-texts
	@mkdir -p build/poa-pairs
	$(GO) run ./ai/poa/eval/paired/genpairs -out build/poa-pairs/pairs.jsonl
	$(GO) run ./ai/poa/eval/paired/evalpairs -pairs build/poa-pairs/pairs.jsonl

## localnet-ibc: start the OpenLedger localnet, ibc-go's simd and the Go relayer on 127.0.0.1, joined by an ICS-20 channel (WITH_SERVICES=1 adds the serving node and ModelFactory)
localnet-ibc: build simd relayer
	@scripts/localnet-ibc.sh $(if $(WITH_SERVICES),--with-services,)

## test-ibc-live: OpenLedger and simd as live nodes with the Go relayer: OPEN there and back, a timeout refunded, relayer crashes, IBC credit paying a voucher, bad memos
test-ibc-live: build simd relayer
	OPENLEDGERD_BIN=$(CURDIR)/$(BINARY) SIMD_BIN=$(CURDIR)/$(SIMD) RLY_BIN=$(CURDIR)/$(RLY) $(GO) test -tags $(TEST_TAGS),ibclive $(TEST_FLAGS) -v -count=1 ./tests/ibclive/...

## test-faults: four validators on loopback under a mixed load, perturbed one at a time (kill -9, SIGSTOP, cut off from its peers, data folder wiped); prints each fault's downtime and catch-up
test-faults: build
	OPENLEDGERD_BIN=$(CURDIR)/$(BINARY) $(GO) test -tags $(TEST_TAGS),faults $(TEST_FLAGS) -v -count=1 ./tests/faults/...

## bench-ibc: packet latency send->ack and transfers/s relayed between the live chains on loopback
bench-ibc: build simd relayer
	IBCLIVE_FIGURES=1 OPENLEDGERD_BIN=$(CURDIR)/$(BINARY) SIMD_BIN=$(CURDIR)/$(SIMD) RLY_BIN=$(CURDIR)/$(RLY) $(GO) test -tags $(TEST_TAGS),ibclive $(TEST_FLAGS) -v -count=1 -run TestRelayFigures ./tests/ibclive/...

## simd: build ibc-go's test chain (the counterparty of localnet-ibc) into build/simd
simd:
	$(GO) build -o $(SIMD) ./tests/ibclive/simd

## relayer: install the Go relayer at its pinned version into build/tools/rly
relayer:
	@bash -c 'source scripts/lib/ibc.sh && install_relayer "$(CURDIR)/build/tools"'

## proto-gen: generate Go code from proto/ with pinned local plugins (offline)
proto-gen:
	@scripts/protocgen.sh

## proto-lint: lint proto/ with buf (installed by proto-gen)
proto-lint: proto-gen
	build/tools/buf lint --path proto

## contracts-gen: compile contracts/ (solc-js, pinned) and regenerate their Go bindings (abigen, pinned)
contracts-gen:
	@scripts/contracts-gen.sh

## lint: golangci-lint (pinned, installed on first use) and the map-order check of state-machine code
lint:
	@scripts/lint.sh

## fmt: format the Go code as make lint requires (gofumpt, gci import groups)
fmt:
	@scripts/lint.sh fmt

.PHONY: help build install localnet localnet-multi test test-unit test-system test-sim fuzz load-test bench-settle bench-poa eval-poa-paraphrase localnet-ibc test-ibc-live test-faults bench-ibc simd relayer proto-gen proto-lint contracts-gen lint fmt
