package openlora

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/cosmos/evm/crypto/ethsecp256k1"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Options wire a serving node.
type Options struct {
	Backend Backend
	Catalog *Catalog
	Store   *Store
	// Key is the node's operator key: it signs receipts and settlements.
	Key *ethsecp256k1.PrivKey
	// Payments checks vouchers; nil serves for free (local use).
	Payments *Payments
	// Attributor attributes answers; nil attributes nothing.
	Attributor *Attributor
	// Gradients attributes chat answers of adapters whose training recorded
	// row gradients, as a second method; nil attributes none that way.
	Gradients *GradientAttributor
	// Artifacts fetches on-chain adapters.
	Artifacts *Artifacts
	// AdapterCacheBytes bounds the adapters kept in memory (default 4 GiB).
	AdapterCacheBytes int64
	// MaxPromptTokens refuses longer prompts (0: the model's context).
	MaxPromptTokens int
	// MaxTokens caps max_tokens (default 4096).
	MaxTokens int
	// AdapterLoading serves vLLM's POST /v1/load_lora_adapter and
	// /v1/unload_lora_adapter (local catalogs only), so another node can
	// use this one as its upstream.
	AdapterLoading bool
	// BaseModelID and BaseSHA256 describe the base model in receipts.
	BaseModelID uint64
	BaseSHA256  string
	Logger      *slog.Logger
}

// Server is the node's HTTP API.
type Server struct {
	opts     Options
	node     string // operator address, bech32
	adapters *AdapterCache
	metrics  *metrics
	log      *slog.Logger
	ready    atomic.Bool
	settler  *Settler
}

// NewServer builds the API over opts.
func NewServer(opts Options) *Server {
	if opts.AdapterCacheBytes <= 0 {
		opts.AdapterCacheBytes = 4 << 30
	}
	if opts.MaxTokens <= 0 {
		opts.MaxTokens = 4096
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	s := &Server{opts: opts, log: opts.Logger, node: sdk.AccAddress(opts.Key.PubKey().Address()).String()}
	s.adapters = &AdapterCache{MaxBytes: opts.AdapterCacheBytes, Load: s.loadAdapter}
	s.metrics = newMetrics(s.adapters, opts.Backend)
	s.adapters.Observe = func(tier string, took time.Duration) {
		s.metrics.adapterTier.WithLabelValues(tier).Inc()
		if tier != TierRAM {
			s.metrics.adapterLoad.WithLabelValues(tier).Observe(took.Seconds())
		}
	}
	s.ready.Store(true)
	return s
}

// NodeAddress is the node's operator address.
func (s *Server) NodeAddress() string { return s.node }

// SetSettler connects the settlement loop: its outcomes go to the
// metrics, and it is poked when MaxReceipts receipts wait.
func (s *Server) SetSettler(st *Settler) {
	s.settler = st
	st.OnFinished = func(b *Batch) {
		s.metrics.settlements.WithLabelValues(b.Status).Inc()
		if b.Status == BatchSettled {
			s.metrics.unsettled.Sub(float64(len(b.Receipts)))
		}
	}
}

// SetReady marks the node ready or not for /readyz (false while shutting
// down).
func (s *Server) SetReady(ready bool) { s.ready.Store(ready) }

// Handler is the HTTP API.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/models", s.instrument("models", s.handleModels))
	mux.HandleFunc("GET /v1/models/{id}", s.instrument("model", s.handleModel))
	mux.HandleFunc("POST /v1/chat/completions", s.instrument("chat", s.handleChat))
	mux.HandleFunc("POST /v1/completions", s.instrument("completions", s.handleCompletion))
	mux.HandleFunc("GET /v1/receipts/{id}", s.instrument("receipt", s.handleReceipt))
	mux.HandleFunc("GET /v1/batches", s.instrument("batches", s.handleBatches))
	mux.HandleFunc("GET /v1/batches/{root}/receipts", s.instrument("batch_receipts", s.handleBatchReceipts))
	if s.opts.AdapterLoading {
		mux.HandleFunc("POST /v1/load_lora_adapter", s.instrument("load_adapter", s.handleLoadAdapter))
		mux.HandleFunc("POST /v1/unload_lora_adapter", s.instrument("unload_adapter", s.handleUnloadAdapter))
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, map[string]string{"status": "ok"}) })
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) {
		if !s.ready.Load() {
			writeError(w, unavailable("not_ready", "the node is shutting down"))
			return
		}
		writeJSON(w, map[string]string{"status": "ready"})
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.metrics.registry, promhttp.HandlerOpts{}))
	mux.HandleFunc("/v1/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, notFound("unknown_url", "unknown request URL: %s %s", r.Method, r.URL.Path))
	})
	return mux
}

// statusRecorder remembers the status a handler answered with.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

func (r *statusRecorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (s *Server) instrument(endpoint string, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w}
		defer func() {
			// A bug answers one request with a 500, not a dropped
			// connection.
			if p := recover(); p != nil {
				s.log.Error("handler panicked", "endpoint", endpoint, "panic", p, "stack", string(debug.Stack()))
				if rec.status == 0 {
					writeError(rec, serverError("internal error"))
				}
				s.metrics.requests.WithLabelValues(endpoint, strconv.Itoa(rec.status)).Inc()
			}
		}()
		h(rec, r)
		s.metrics.requests.WithLabelValues(endpoint, strconv.Itoa(rec.status)).Inc()
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) modelObject(m *ServedModel) ModelObject {
	o := ModelObject{ID: m.ID, Object: "model", OwnedBy: "openledger", Name: m.Name, Kind: "adapter"}
	if m.IsBase {
		o.Kind = "base"
	}
	if m.OnChain != nil {
		o.OwnedBy = m.OnChain.Owner
		o.Created = m.OnChain.CreatedHeight
		o.ArtifactHash = m.ArtifactSHA256()
		p := m.Price()
		o.PricePerCall, o.PricePer1K = p.PerCall.String(), p.Per_1KTokens.String()
	}
	return o
}

func (s *Server) handleModels(w http.ResponseWriter, r *http.Request) {
	models, err := s.opts.Catalog.List(r.Context())
	if err != nil {
		writeError(w, err)
		return
	}
	list := ModelList{Object: "list", Data: []ModelObject{}}
	for _, m := range models {
		list.Data = append(list.Data, s.modelObject(m))
	}
	writeJSON(w, list)
}

func (s *Server) handleModel(w http.ResponseWriter, r *http.Request) {
	m, err := s.opts.Catalog.Resolve(r.Context(), r.PathValue("id"))
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, s.modelObject(m))
}

// loadAdapter is the adapter cache's loader: key is "local:<dir>" or the
// on-chain model id.
func (s *Server) loadAdapter(ctx context.Context, key string) (LoadedAdapter, string, error) {
	m, err := s.opts.Catalog.Resolve(ctx, key)
	if err != nil {
		return nil, "", err
	}
	if m.OnChain == nil {
		a, err := s.opts.Backend.LoadAdapter(ctx, m.ID, m.LocalDir)
		return a, TierDisk, err
	}
	if s.opts.Artifacts == nil {
		return nil, "", errors.New("no artifact store is configured")
	}
	dir, tier, err := s.opts.Artifacts.AdapterFolder(ctx, m.OnChain)
	if err != nil {
		return nil, "", err
	}
	a, err := s.opts.Backend.LoadAdapter(ctx, m.ArtifactSHA256(), dir)
	return a, tier, err
}

// Prefetch loads models' adapters (and attribution indexes) ahead of their
// first request.
func (s *Server) Prefetch(ctx context.Context, ids []string) error {
	var errs []error
	for _, id := range ids {
		m, err := s.opts.Catalog.Resolve(ctx, id)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !m.IsBase {
			if _, _, _, err := s.adapters.Get(ctx, m.ID); err != nil {
				errs = append(errs, err)
			}
		}
		if s.opts.Attributor != nil {
			if err := s.opts.Attributor.Prepare(ctx, m); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// loraRequest is the body of vLLM's adapter loading endpoints.
type loraRequest struct {
	Name string `json:"lora_name"`
	Path string `json:"lora_path"`
}

func (s *Server) handleLoadAdapter(w http.ResponseWriter, r *http.Request) {
	var req loraRequest
	if err := decodeBody(w, r, &req); err != nil {
		writeError(w, err)
		return
	}
	if req.Name == "" || req.Path == "" {
		writeError(w, invalidRequest("lora_name", "invalid_adapter", "lora_name and lora_path are required"))
		return
	}
	if err := s.opts.Catalog.AddLocal(req.Name, req.Path); err != nil {
		writeError(w, invalidRequest("lora_name", "adapter_exists", "%v", err))
		return
	}
	// Loaded now, so a bad folder is refused here, not at the first request.
	if _, _, _, err := s.adapters.Get(r.Context(), req.Name); err != nil {
		s.opts.Catalog.RemoveLocal(req.Name)
		writeError(w, invalidRequest("lora_path", "invalid_adapter", "%v", err))
		return
	}
	w.Header().Set("Content-Type", "text/plain")
	_, _ = w.Write([]byte("Success: LoRA adapter '" + req.Name + "' added successfully."))
}

func (s *Server) handleUnloadAdapter(w http.ResponseWriter, r *http.Request) {
	var req loraRequest
	if err := decodeBody(w, r, &req); err != nil {
		writeError(w, err)
		return
	}
	if !s.opts.Catalog.RemoveLocal(req.Name) {
		writeError(w, notFound("adapter_not_found", "no adapter %q is loaded", req.Name))
		return
	}
	s.adapters.Drop(req.Name)
	w.Header().Set("Content-Type", "text/plain")
	_, _ = w.Write([]byte("Success: LoRA adapter '" + req.Name + "' removed successfully."))
}
