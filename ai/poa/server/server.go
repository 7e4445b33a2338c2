// Package server is the PoA engine's HTTP API: POST /v1/attribute and
// /v1/verify, GET /healthz and /metrics (see ai/poa/README.md, "HTTP API").
// `poa serve` runs it; a service that already holds an engine can embed it.
package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/openledger/openledger/ai/poa"
)

// Limits bound what one server takes on.
type Limits struct {
	// MaxBody is the largest request body, in bytes.
	MaxBody int64
	// MaxConcurrent is how many attribute and verify requests are computed
	// at once.
	MaxConcurrent int
	// QueueWait is how long a request may wait for a free slot before it
	// is answered 503 busy.
	QueueWait time.Duration
}

// Server answers attribution requests; every request is computed by the
// same engine, with at most Limits.MaxConcurrent at once.
type Server struct {
	engine  *poa.Engine
	limits  Limits
	slots   chan struct{}
	metrics *serverMetrics
}

// New returns a server over engine. Limits must be positive.
func New(engine *poa.Engine, limits Limits) (*Server, error) {
	if limits.MaxBody < 1 || limits.MaxConcurrent < 1 {
		return nil, errors.New("the body limit and the concurrency limit must be positive")
	}
	return &Server{
		engine:  engine,
		limits:  limits,
		slots:   make(chan struct{}, limits.MaxConcurrent),
		metrics: newServerMetrics(engine),
	}, nil
}

// Handler routes the API's endpoints; anything else is a JSON 404.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/v1/attribute", s.instrument("attribute", http.MethodPost, s.handleAttribute))
	mux.Handle("/v1/verify", s.instrument("verify", http.MethodPost, s.handleVerify))
	mux.Handle("/healthz", s.instrument("healthz", http.MethodGet, s.handleHealth))
	mux.Handle("/metrics", promhttp.HandlerFor(s.metrics.registry, promhttp.HandlerOpts{}))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "not_found", "no such endpoint: "+r.URL.Path)
	})
	return mux
}

// apiError is an error with its HTTP status and a stable code.
type apiError struct {
	status        int
	code, message string
}

func (e *apiError) Error() string { return e.message }

func writeError(w http.ResponseWriter, status int, code, message string) {
	writeJSONResponse(w, status, map[string]any{"error": map[string]string{"code": code, "message": message}})
}

func writeJSONResponse(w http.ResponseWriter, status int, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		data = []byte(`{"error":{"code":"internal","message":"encoding the answer failed"}}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)+1))
	w.WriteHeader(status)
	// The status is sent by now: a body that cannot be written means the
	// client has gone, and the handler has no one left to tell.
	_, _ = w.Write(append(data, '\n'))
}

// statusRecorder remembers the status for metrics.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

// instrument checks the method, counts and times the request, and limits
// concurrency for the computing endpoints.
func (s *Server) instrument(endpoint, method string, handle func(*http.Request) (any, *apiError)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		started := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		defer func() {
			s.metrics.requests.WithLabelValues(endpoint, strconv.Itoa(rec.status)).Inc()
			s.metrics.duration.WithLabelValues(endpoint).Observe(time.Since(started).Seconds())
		}()
		if r.Method != method {
			rec.Header().Set("Allow", method)
			writeError(rec, http.StatusMethodNotAllowed, "method_not_allowed", endpoint+" accepts "+method+" only")
			return
		}
		if method == http.MethodPost {
			timer := time.NewTimer(s.limits.QueueWait)
			defer timer.Stop()
			select {
			case s.slots <- struct{}{}:
				defer func() { <-s.slots }()
			case <-timer.C:
				writeError(rec, http.StatusServiceUnavailable, "busy", "too many requests in progress; retry later")
				return
			case <-r.Context().Done():
				return
			}
			s.metrics.inFlight.Inc()
			defer s.metrics.inFlight.Dec()
		}
		answer, apiErr := handle(r)
		if apiErr != nil {
			if apiErr.code == "corrupt_index" {
				s.metrics.corrupt.Inc()
			}
			writeError(rec, apiErr.status, apiErr.code, apiErr.message)
			return
		}
		writeJSONResponse(rec, http.StatusOK, answer)
	})
}

func (s *Server) handleHealth(*http.Request) (any, *apiError) {
	var indexes []map[string]any
	for _, ix := range s.engine.Indexes() {
		indexes = append(indexes, map[string]any{"name": ix.Name(), "documents": ix.Documents(), "manifest_sha256": ix.ManifestSHA256})
	}
	return map[string]any{"status": "ok", "method": poa.Method, "indexes": indexes}, nil
}

type attributeRequest struct {
	Text    json.RawMessage `json:"text"`
	MinSpan int             `json:"min_span"`
	Indexes []string        `json:"indexes"`
}

type verifyRequest struct {
	Text    json.RawMessage `json:"text"`
	Claim   json.RawMessage `json:"claim"`
	Indexes []string        `json:"indexes"`
}

type verifyResponse struct {
	OK          bool        `json:"ok"`
	Differences []string    `json:"differences"`
	Omitted     int         `json:"omitted"`
	Recomputed  *poa.Result `json:"recomputed"`
}

func (s *Server) handleAttribute(r *http.Request) (any, *apiError) {
	var req attributeRequest
	if err := s.decode(r, &req); err != nil {
		return nil, err
	}
	text, apiErr := requiredText(req.Text)
	if apiErr != nil {
		return nil, apiErr
	}
	engine, apiErr := s.selectIndexes(req.Indexes)
	if apiErr != nil {
		return nil, apiErr
	}
	res, err := engine.Attribute([]byte(text), poa.Options{MinSpanWords: req.MinSpan})
	if err != nil {
		return nil, attributionError(err)
	}
	return res, nil
}

func (s *Server) handleVerify(r *http.Request) (any, *apiError) {
	var req verifyRequest
	if err := s.decode(r, &req); err != nil {
		return nil, err
	}
	text, apiErr := requiredText(req.Text)
	if apiErr != nil {
		return nil, apiErr
	}
	if len(bytes.TrimSpace(req.Claim)) == 0 || bytes.Equal(bytes.TrimSpace(req.Claim), []byte("null")) {
		return nil, &apiError{http.StatusBadRequest, "missing_claim", `"claim" is required`}
	}
	engine, apiErr := s.selectIndexes(req.Indexes)
	if apiErr != nil {
		return nil, apiErr
	}
	v, err := engine.VerifyClaim([]byte(text), req.Claim)
	if err != nil {
		return nil, attributionError(err)
	}
	return verifyResponse{OK: v.OK(), Differences: append([]string{}, v.Differences...), Omitted: v.Omitted, Recomputed: v.Recomputed}, nil
}

// decode reads a bounded JSON body into v, rejecting unknown fields.
func (s *Server) decode(r *http.Request, v any) *apiError {
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, s.limits.MaxBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return &apiError{http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("the request body is larger than %d bytes", s.limits.MaxBody)}
		}
		return &apiError{http.StatusBadRequest, "bad_request", "reading the request body: " + err.Error()}
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return &apiError{http.StatusBadRequest, "bad_json", "the request is not valid JSON for this endpoint: " + err.Error()}
	}
	if dec.More() {
		return &apiError{http.StatusBadRequest, "bad_json", "the request holds more than one JSON value"}
	}
	return nil
}

// requiredText decodes the "text" field strictly.
func requiredText(raw json.RawMessage) (string, *apiError) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return "", &apiError{http.StatusBadRequest, "missing_text", `"text" is required`}
	}
	text, err := poa.DecodeJSONText(raw)
	if err != nil {
		return "", &apiError{http.StatusBadRequest, "invalid_text", `"text": ` + err.Error()}
	}
	return text, nil
}

func (s *Server) selectIndexes(names []string) (*poa.Engine, *apiError) {
	engine, err := s.engine.Select(names)
	if err != nil {
		var unknown *poa.UnknownIndexError
		if errors.As(err, &unknown) {
			return nil, &apiError{http.StatusNotFound, "unknown_index", err.Error()}
		}
		return nil, &apiError{http.StatusBadRequest, "bad_request", err.Error()}
	}
	return engine, nil
}

// attributionError maps engine errors to HTTP errors.
func attributionError(err error) *apiError {
	var invalid *poa.InvalidTextError
	var corrupt *poa.CorruptIndexError
	switch {
	case errors.Is(err, poa.ErrEmptyText):
		return &apiError{http.StatusBadRequest, "empty_text", err.Error()}
	case errors.As(err, &invalid):
		return &apiError{http.StatusBadRequest, "invalid_text", err.Error()}
	case errors.As(err, &corrupt):
		return &apiError{http.StatusInternalServerError, "corrupt_index", err.Error()}
	}
	// Remaining engine errors are about the request (min span, claim).
	return &apiError{http.StatusBadRequest, "bad_request", err.Error()}
}
