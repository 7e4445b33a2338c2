// Package openlora is the OpenLedger serving node as a library: an
// OpenAI-compatible HTTP API over one base model and the LoRA adapters
// registered for it on chain, paid by EIP-712 vouchers, with every answer
// attributed by the Proof of Attribution engine, receipted and signed, and
// its receipts settled on chain in batches.
//
// The parts, one file each: the API's wire types (api_types.go) and errors
// (api_errors.go); the HTTP handlers (server.go, completions.go, stream.go);
// generation backends (backend.go: the embedded ai/llm engine,
// upstream.go: an OpenAI-compatible server with dynamic LoRA loading); the
// model catalog resolved from x/modelreg and x/agentstake (catalog.go), the
// artifact fetcher and disk cache (artifacts.go) and the in-memory adapter
// cache (adapters.go); vouchers and channel accounting (payment.go);
// receipts (receipts.go) in a durable store (store.go); attribution indexes
// built from chain state (attribution.go); and the settlement loop
// (settle.go). cmd/openlora is the thin binary over it.
package openlora
