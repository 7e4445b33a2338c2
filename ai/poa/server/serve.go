package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// shutdownGrace is how long requests in flight may take to finish once the
// server is asked to stop.
const shutdownGrace = 30 * time.Second

// Serve answers on ln until ctx is done, then stops accepting connections
// and lets the requests in flight finish (for up to 30 s). shuttingDown,
// when not nil, is called once as the shutdown starts. Serve returns nil
// after a clean shutdown, and the error otherwise.
func (s *Server) Serve(ctx context.Context, ln net.Listener, shuttingDown func()) error {
	httpServer := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	served := make(chan error, 1)
	go func() { served <- httpServer.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	if shuttingDown != nil {
		shuttingDown()
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := httpServer.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
