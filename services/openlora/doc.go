// Package openlora is the OpenLedger serving node as a library: an
// OpenAI-compatible HTTP API over one base model and the LoRA adapters
// registered for it on chain, paid by EIP-712 vouchers, with every answer
// attributed by the Proof of Attribution engine, receipted and signed, and
// its receipts settled on chain in batches.
//
// The parts, a file each: the API's wire types (api_types.go) and errors
// (api_errors.go); the HTTP routes and adapter loading endpoints
// (server.go), the request pipeline (completions.go) and SSE streaming
// (stream.go); generation backends (backend.go: the embedded ai/llm
// engine; upstream.go: an OpenAI-compatible server with run-time LoRA
// loading); chain reads (chain.go); the model catalog (catalog.go), the
// artifact fetcher and disk cache (artifacts.go) and the in-memory adapter
// cache (adapters.go); vouchers and channel accounting (payment.go);
// receipts (receipts.go) and their endpoints (receipts_api.go) over a
// durable store (store.go); attribution indexes built from chain state
// (attribution.go); the settlement loop (settle.go); and the Prometheus
// metrics (metrics.go). cmd/openlora is the thin binary over it; demo/
// makes the demo models and bench/ the benchmark cmd/openlora-bench runs.
package openlora
