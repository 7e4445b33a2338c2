package main

import (
	"context"
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
	"strings"
	"syscall"
	"time"

	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/log/v2"
	"cosmossdk.io/math"

	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/openledger/openledger/app"
	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/services/chaintx"
	"github.com/openledger/openledger/services/modelfactory"
	"github.com/openledger/openledger/services/openlora"
)

// stringList is a repeatable flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// chainFlags are the flags serve and verify share.
type chainFlags struct {
	home       string
	chainGRPC  string
	baseModels stringList
}

func (c *chainFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.home, "home", defaultHome(), "folder for jobs, checkpoints, adapters and the content-addressed store")
	fs.StringVar(&c.chainGRPC, "chain-grpc", "127.0.0.1:9090", "gRPC address of a chain node")
	fs.Var(&c.baseModels, "base-model", "a local base model folder (Hugging Face layout) or GGUF file; repeatable. A base model registered on chain can be trained when one of these has its SHA-256")
}

func defaultHome() string {
	if dir, err := os.UserHomeDir(); err == nil {
		return filepath.Join(dir, ".modelfactory")
	}
	return ".modelfactory"
}

// open dials the chain and opens the factory.
func (c *chainFlags) open(signer func(conn *openlora.Chain) (*chaintx.Signer, error), logger *slog.Logger, checkpointEvery int) (*modelfactory.Factory, func(), error) {
	config.SetAddressConfig(sdk.GetConfig())
	if err := os.MkdirAll(c.home, 0o700); err != nil {
		return nil, nil, err
	}
	chain, err := openlora.DialChain(c.chainGRPC, 0)
	if err != nil {
		return nil, nil, err
	}
	opts := modelfactory.Options{Home: c.home, Conn: chain.Conn(), BaseModels: c.baseModels, Logger: logger, CheckpointEvery: checkpointEvery}
	if signer != nil {
		if opts.Signer, err = signer(chain); err != nil {
			chain.Close()
			return nil, nil, err
		}
	}
	f, err := modelfactory.New(opts)
	if err != nil {
		chain.Close()
		return nil, nil, err
	}
	return f, func() { f.Close(); chain.Close() }, nil
}

type serveFlags struct {
	chainFlags
	listen          string
	keyFile         string
	chainID         string
	gasPrice        int64
	readyFile       string
	checkpointEvery int
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("modelfactory serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f serveFlags
	f.register(fs)
	fs.StringVar(&f.listen, "listen", "127.0.0.1:8100", "address of the web page and the API")
	fs.StringVar(&f.keyFile, "key-file", "", "hex secp256k1 key that publishes models (as `openledgerd keys unsafe-export-eth-key` prints it); without one, publishing is refused")
	fs.StringVar(&f.chainID, "chain-id", "openledger-local-1", "the chain's id, for signing")
	fs.Int64Var(&f.gasPrice, "gas-price", 1_000_000_000, "fee per gas in aopen")
	fs.StringVar(&f.readyFile, "ready-file", "", "write the page's URL to this file once listening")
	fs.IntVar(&f.checkpointEvery, "checkpoint-every", 10, "steps between checkpoints (a job also checkpoints when cancelled or stopped)")
	fs.Usage = func() {
		fmt.Fprint(stderr, `Usage: modelfactory serve [flags]

Serves the ModelFactory web page and its JSON API (docs/modelfactory.md):
pick a base model registered on chain whose weights are on this machine,
Datanet versions (exported and verified against their roots), train a LoRA
adapter, watch its loss, evaluate, chat, and publish it on chain. Jobs run
one at a time and survive restarts. The content-addressed store is served
at /cas/<sha256>: point a serving node's --cas at http://LISTEN/cas.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	if err := serve(&f, stdout, logger); err != nil {
		fmt.Fprintln(stderr, "modelfactory:", err)
		return 1
	}
	return 0
}

func serve(f *serveFlags, stdout io.Writer, logger *slog.Logger) error {
	var makeSigner func(*openlora.Chain) (*chaintx.Signer, error)
	if f.keyFile != "" {
		makeSigner = func(chain *openlora.Chain) (*chaintx.Signer, error) {
			key, err := chaintx.LoadKey(f.keyFile)
			if err != nil {
				return nil, err
			}
			codecs := app.New(log.NewNopLogger(), dbm.NewMemDB(), true, simtestutil.EmptyAppOptions{})
			return &chaintx.Signer{Conn: chain.Conn(), TxConfig: codecs.GetTxConfig(), Key: key, ChainID: f.chainID, GasPrice: math.NewInt(f.gasPrice)}, nil
		}
	}
	factory, closeAll, err := f.open(makeSigner, logger, f.checkpointEvery)
	if err != nil {
		return err
	}
	defer closeAll()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	listener, err := net.Listen("tcp", f.listen)
	if err != nil {
		return err
	}
	url := "http://" + listener.Addr().String()
	httpServer := &http.Server{Handler: factory.Handler(), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- httpServer.Serve(listener) }()
	trained := make(chan struct{})
	go func() { factory.Run(ctx); close(trained) }()
	fmt.Fprintf(stdout, "modelfactory at %s (content-addressed store %s/cas)\n", url, url)
	if f.readyFile != "" {
		if err := os.WriteFile(f.readyFile, []byte(url+"\n"), 0o600); err != nil {
			return err
		}
	}
	select {
	case <-ctx.Done():
	case err := <-served:
		stop()
		<-trained
		return err
	}
	// A running job checkpoints and stays queued; then the server stops.
	logger.Info("shutting down: checkpointing the running job")
	<-trained
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return httpServer.Shutdown(shutdownCtx)
}
