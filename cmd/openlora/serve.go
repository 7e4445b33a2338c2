package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/evm/crypto/ethsecp256k1"

	"cosmossdk.io/log/v2"
	"cosmossdk.io/math"

	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/app"
	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/services/chaintx"
	"github.com/openledger/openledger/services/openlora"
)

// serveFlags are openlora serve's settings; a --config JSON file may set
// any of them by flag name, and flags given on the command line win.
type serveFlags struct {
	configFile      string
	listen          string
	home            string
	baseModel       string
	adapters        multiFlag
	chainGRPC       string
	chainID         string
	evmChainID      uint64
	baseModelID     uint64
	keyFile         string
	free            bool
	store           string
	adapterCache    int64
	maxBatch        int
	maxTokens       int
	maxPromptTokens int
	settleInterval  time.Duration
	settleReceipts  int
	cacheTTL        time.Duration
	prefetch        string
	readyFile       string
	gasPrice        int64
	upstream        string
	upstreamModel   string
	adapterLoading  bool
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func (f *serveFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.configFile, "config", "", "JSON file of settings by flag name, e.g. {\"listen\": \"127.0.0.1:8000\"}")
	fs.StringVar(&f.listen, "listen", "127.0.0.1:8000", "address of the HTTP API")
	fs.StringVar(&f.home, "home", defaultHome(), "folder for the receipt store, artifact cache and attribution indexes")
	fs.StringVar(&f.baseModel, "base-model", "", "the base model: a Hugging Face folder or a llama GGUF file (required)")
	fs.Var(&f.adapters, "adapter", "name=folder: serve a local PEFT adapter folder (repeatable; local mode only)")
	fs.StringVar(&f.chainGRPC, "chain-grpc", "", "host:port of an OpenLedger node's gRPC; without it the node serves locally, for free")
	fs.StringVar(&f.chainID, "chain-id", "openledger-local-1", "the chain's Cosmos chain id (settlement transactions)")
	fs.Uint64Var(&f.evmChainID, "evm-chain-id", config.DefaultEVMChainID, "the chain's EVM chain id (the voucher and settlement EIP-712 domains)")
	fs.Uint64Var(&f.baseModelID, "base-model-id", 0, "the on-chain id of the base model; its artifact hash must match --base-model")
	fs.StringVar(&f.keyFile, "key-file", "", "file holding the node operator's eth_secp256k1 private key in hex (openledgerd keys unsafe-export-eth-key); local mode makes one in --home")
	fs.BoolVar(&f.free, "free", false, "with --chain-grpc, serve on-chain models without asking for vouchers (no settlement)")
	fs.StringVar(&f.store, "cas", "", "content-addressed artifact store for cas:// URIs: a folder or an http(s) base URL")
	fs.Int64Var(&f.adapterCache, "adapter-cache-bytes", 4<<30, "memory for loaded adapters (least recently used leave first)")
	fs.IntVar(&f.maxBatch, "max-batch", 32, "the most requests decoded together")
	fs.IntVar(&f.maxTokens, "max-tokens", 4096, "the largest max_tokens a request may ask for")
	fs.IntVar(&f.maxPromptTokens, "max-prompt-tokens", 0, "refuse longer prompts (0: the model's context length)")
	fs.DurationVar(&f.settleInterval, "settle-interval", 30*time.Second, "settle pending receipts this often")
	fs.IntVar(&f.settleReceipts, "settle-receipts", 1000, "settle at once when this many receipts are pending")
	fs.DurationVar(&f.cacheTTL, "chain-cache", 3*time.Second, "how long chain answers (models, credit, stake) are reused")
	fs.StringVar(&f.prefetch, "prefetch", "", "comma-separated model ids to load (adapter and attribution index) at start")
	fs.Int64Var(&f.gasPrice, "gas-price", 1_000_000_000, "fee per gas of settlement transactions, in aopen (the chain's floor is 1 gwei)")
	fs.StringVar(&f.upstream, "upstream", "", "forward generation to this OpenAI-compatible server with run-time LoRA loading (vLLM --enable-lora, or another openlora with --enable-adapter-loading), e.g. http://127.0.0.1:8001/v1; it must see this node's --home")
	fs.StringVar(&f.upstreamModel, "upstream-model", "", "the upstream's name for the base model (default: the base model folder's name)")
	fs.BoolVar(&f.adapterLoading, "enable-adapter-loading", false, "serve vLLM's /v1/load_lora_adapter and /v1/unload_lora_adapter (local mode), to be another node's upstream")
	fs.StringVar(&f.readyFile, "ready-file", "", "write the API's base URL to this file once it listens (for scripts)")
}

func defaultHome() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ".openlora"
	}
	return filepath.Join(home, ".openlora")
}

// applyConfigFile sets, from the JSON file, every flag not given on the
// command line.
func applyConfigFile(fs *flag.FlagSet, path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var settings map[string]json.RawMessage
	if err := json.Unmarshal(raw, &settings); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	names := make([]string, 0, len(settings))
	for name := range settings {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if fs.Lookup(name) == nil {
			return fmt.Errorf("%s: unknown setting %q", path, name)
		}
		if given[name] {
			continue
		}
		values := []string{}
		var list []any
		var one any
		if json.Unmarshal(settings[name], &list) == nil {
			for _, v := range list {
				values = append(values, fmt.Sprint(v))
			}
		} else if err := json.Unmarshal(settings[name], &one); err == nil {
			values = append(values, fmt.Sprint(one))
		}
		for _, v := range values {
			if err := fs.Set(name, v); err != nil {
				return fmt.Errorf("%s: %s: %w", path, name, err)
			}
		}
	}
	return nil
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("openlora serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f serveFlags
	f.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: openlora serve --base-model PATH [flags]\n\nServes /v1/models, /v1/chat/completions, /v1/completions, /v1/receipts/{id},\n/v1/batches, /healthz, /readyz and /metrics.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if f.configFile != "" {
		if err := applyConfigFile(fs, f.configFile); err != nil {
			fmt.Fprintln(stderr, "openlora:", err)
			return 2
		}
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	if err := serve(&f, stdout, logger); err != nil {
		fmt.Fprintln(stderr, "openlora:", err)
		return 1
	}
	return 0
}

func serve(f *serveFlags, stdout io.Writer, logger *slog.Logger) error {
	if f.baseModel == "" {
		return errors.New("--base-model is required")
	}
	sdkConfig := sdk.GetConfig()
	config.SetAddressConfig(sdkConfig)
	if err := os.MkdirAll(f.home, 0o700); err != nil {
		return err
	}
	key, err := loadKey(f)
	if err != nil {
		return err
	}
	baseSHA, err := openlora.BaseModelHash(f.baseModel)
	if err != nil {
		return err
	}
	var backend openlora.Backend
	if f.upstream != "" {
		name := f.upstreamModel
		if name == "" {
			name = filepath.Base(f.baseModel)
		}
		backend = &openlora.Upstream{BaseURL: f.upstream, BaseModel: name}
		logger.Info("generation runs upstream", "url", f.upstream, "model", name)
	} else {
		logger.Info("loading the base model", "path", f.baseModel)
		if backend, err = openlora.NewEmbedded(f.baseModel, openlora.EmbeddedOptions{MaxBatch: f.maxBatch}); err != nil {
			return err
		}
	}
	defer backend.Close()
	store, err := openlora.OpenStore(filepath.Join(f.home, "store"))
	if err != nil {
		return err
	}
	defer store.Close()
	node := sdk.AccAddress(key.PubKey().Address())
	opts := openlora.Options{
		Backend: backend, Store: store, Key: key, AdapterCacheBytes: f.adapterCache,
		MaxTokens: f.maxTokens, MaxPromptTokens: f.maxPromptTokens, BaseSHA256: hex.EncodeToString(baseSHA),
		BaseModelID: f.baseModelID, Logger: logger, AdapterLoading: f.adapterLoading,
		Artifacts: &openlora.Artifacts{Dir: f.home, StoreBase: f.store},
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	var settler *openlora.Settler
	if f.adapterLoading && f.chainGRPC != "" {
		return errors.New("--enable-adapter-loading serves local adapters; it cannot be combined with --chain-grpc")
	}
	if f.chainGRPC == "" {
		if len(f.adapters) == 0 {
			logger.Info("serving the base model only; add --adapter name=folder to serve local adapters")
		}
		local := map[string]string{}
		for _, a := range f.adapters {
			name, dir, ok := strings.Cut(a, "=")
			if !ok || name == "" || dir == "" {
				return fmt.Errorf("--adapter %q: want name=folder", a)
			}
			local[name] = dir
		}
		opts.Catalog = openlora.NewLocalCatalog(backend.BaseName(), local)
	} else {
		if f.baseModelID == 0 {
			return errors.New("--base-model-id is required with --chain-grpc")
		}
		chain, err := openlora.DialChain(f.chainGRPC, f.cacheTTL)
		if err != nil {
			return err
		}
		defer chain.Close()
		if opts.Catalog, err = openlora.NewChainCatalog(ctx, chain, node.String(), f.baseModelID, baseSHA); err != nil {
			return err
		}
		opts.Attributor = &openlora.Attributor{Chain: chain, Dir: f.home}
		// Adapters whose training recorded row gradients are attributed
		// by gradients too, on the embedded base model's weights.
		if embedded, ok := backend.(*openlora.Embedded); ok {
			opts.Gradients = &openlora.GradientAttributor{Artifacts: opts.Artifacts, Base: embedded}
		}
		if !f.free {
			opts.Payments = &openlora.Payments{Chain: chain, Store: store, Node: node, EVMChainID: f.evmChainID}
			codecs := app.New(log.NewNopLogger(), dbm.NewMemDB(), true, simtestutil.EmptyAppOptions{})
			settler = openlora.NewSettler(openlora.SettlerOptions{
				Store: store, Chain: chain, Key: key, ChainID: f.chainID, EVMChainID: f.evmChainID,
				TxConfig: codecs.GetTxConfig(), Codec: codecs.AppCodec(),
				Interval: f.settleInterval, MaxReceipts: f.settleReceipts, Logger: logger, GasPrice: math.NewInt(f.gasPrice),
			})
		}
	}
	srv := openlora.NewServer(opts)
	if settler != nil {
		srv.SetSettler(settler)
	}
	if f.prefetch != "" {
		if err := srv.Prefetch(ctx, strings.Split(f.prefetch, ",")); err != nil {
			logger.Warn("prefetch", "err", err)
		}
	}

	listener, err := net.Listen("tcp", f.listen)
	if err != nil {
		return err
	}
	base := "http://" + listener.Addr().String() + "/v1"
	httpServer := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	settled := make(chan struct{})
	settleCtx, stopSettling := context.WithCancel(context.Background())
	defer stopSettling()
	if settler != nil {
		go func() { settler.Run(settleCtx); close(settled) }()
	} else {
		close(settled)
	}
	served := make(chan error, 1)
	go func() { served <- httpServer.Serve(listener) }()
	mode := "free"
	if opts.Payments != nil {
		mode = "paid by vouchers"
	}
	fmt.Fprintf(stdout, "openlora serving %s (%s) at %s as node %s\n", backend.BaseName(), mode, base, node)
	if f.readyFile != "" {
		if err := os.WriteFile(f.readyFile, []byte(base+"\n"), 0o600); err != nil {
			return err
		}
	}

	select {
	case err := <-served:
		stopSettling()
		<-settled
		return err
	case <-ctx.Done():
	}
	// Graceful shutdown: not ready, finish the answers in flight, then
	// settle what is pending.
	logger.Info("shutting down: finishing answers in flight, then settling")
	srv.SetReady(false)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err = httpServer.Shutdown(shutdownCtx)
	stopSettling()
	<-settled
	return err
}

// loadKey reads the operator key, or in local mode makes one in --home.
func loadKey(f *serveFlags) (*ethsecp256k1.PrivKey, error) {
	path := f.keyFile
	if path == "" {
		if f.chainGRPC != "" {
			return nil, errors.New("--key-file is required with --chain-grpc: the node signs receipts and settlements with its staked operator key")
		}
		return chaintx.LoadOrCreateKey(filepath.Join(f.home, "node_key.hex"))
	}
	return chaintx.LoadKey(path)
}
