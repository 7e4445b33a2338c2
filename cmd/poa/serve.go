package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"github.com/openledger/openledger/ai/poa/server"
)

func runServe(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve", "--index INDEX_DIR [--index ...] --listen 127.0.0.1:PORT [flags]",
		`Serves the indexes over HTTP:
  POST /v1/attribute  {"text": "...", "min_span": N, "indexes": ["name", ...]}
  POST /v1/verify     {"text": "...", "claim": {...}, "indexes": [...]}
  GET  /healthz
  GET  /metrics       (Prometheus)
Errors are JSON: {"error": {"code": "...", "message": "..."}} with a 4xx
status for bad requests. SIGINT or SIGTERM stops it gracefully.`, stderr)
	var ixf indexFlags
	ixf.register(fs)
	listen := fs.String("listen", "127.0.0.1:8470", "address to listen on")
	maxBody := fs.Int64("max-body", 1<<20, "largest request body, in bytes")
	maxConcurrent := fs.Int("max-concurrent", runtime.GOMAXPROCS(0), "requests computed at once")
	queueWait := fs.Duration("queue-wait", 5*time.Second, "how long a request may wait for a free slot before 503")
	if code, stop := parseFlags(fs, args); stop {
		return code
	}
	if *maxBody < 1 || *maxConcurrent < 1 {
		fmt.Fprintln(stderr, "poa serve: --max-body and --max-concurrent must be positive")
		return exitError
	}
	engine, closeAll, err := ixf.open()
	if err != nil {
		fmt.Fprintf(stderr, "poa serve: %v\n", err)
		return exitError
	}
	defer closeAll()

	srv, err := server.New(engine, server.Limits{MaxBody: *maxBody, MaxConcurrent: *maxConcurrent, QueueWait: *queueWait})
	if err != nil {
		fmt.Fprintf(stderr, "poa serve: %v\n", err)
		return exitError
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		fmt.Fprintf(stderr, "poa serve: %v\n", err)
		return exitError
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Fprintf(stderr, "poa serve: listening on %s with %d index(es)\n", ln.Addr(), len(engine.Indexes()))
	err = srv.Serve(ctx, ln, func() { fmt.Fprintln(stderr, "poa serve: shutting down") })
	if err != nil {
		fmt.Fprintf(stderr, "poa serve: %v\n", err)
		return exitError
	}
	fmt.Fprintln(stderr, "poa serve: stopped")
	return exitOK
}
