package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"
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

	srv := newServer(engine, serverLimits{maxBody: *maxBody, maxConcurrent: *maxConcurrent, queueWait: *queueWait})
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		fmt.Fprintf(stderr, "poa serve: %v\n", err)
		return exitError
	}
	httpServer := &http.Server{
		Handler:           srv.routes(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- httpServer.Serve(ln) }()
	fmt.Fprintf(stderr, "poa serve: listening on %s with %d index(es)\n", ln.Addr(), len(engine.Indexes()))

	select {
	case err := <-served:
		fmt.Fprintf(stderr, "poa serve: %v\n", err)
		return exitError
	case <-ctx.Done():
	}
	fmt.Fprintln(stderr, "poa serve: shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := httpServer.Shutdown(shutdownCtx); err != nil {
		fmt.Fprintf(stderr, "poa serve: shutdown: %v\n", err)
		return exitError
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "poa serve: %v\n", err)
		return exitError
	}
	fmt.Fprintln(stderr, "poa serve: stopped")
	return exitOK
}
