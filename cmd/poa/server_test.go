package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/openledger/openledger/ai/poa"
)

// TestServerIsBusyWhenSlotsAreTaken checks the concurrency bound: with the
// only slot held, a request waits queue-wait and gets a JSON 503.
func TestServerIsBusyWhenSlotsAreTaken(t *testing.T) {
	data, err := os.ReadFile("../../ai/poa/testdata/eval/corpus.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "ix")
	lines := strings.SplitN(string(data), "\n", 31)[:30]
	if _, err := poa.Build(strings.NewReader(strings.Join(lines, "\n")), dir, poa.BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	ix, err := poa.Open(dir, poa.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	engine, _ := poa.NewEngine([]*poa.Index{ix})
	s := newServer(engine, serverLimits{maxBody: 1 << 16, maxConcurrent: 1, queueWait: 20 * time.Millisecond})
	h := s.routes()

	request := func() *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/attribute", bytes.NewBufferString(`{"text":"some text to attribute"}`)))
		return rec
	}
	if rec := request(); rec.Code != 200 {
		t.Fatalf("free slot: %d %s", rec.Code, rec.Body)
	}
	s.slots <- struct{}{} // hold the only slot
	rec := request()
	var doc struct{ Error struct{ Code string } }
	json.Unmarshal(rec.Body.Bytes(), &doc)
	if rec.Code != http.StatusServiceUnavailable || doc.Error.Code != "busy" {
		t.Fatalf("held slot: %d %s", rec.Code, rec.Body)
	}
	<-s.slots
	if rec := request(); rec.Code != 200 {
		t.Fatalf("released slot: %d %s", rec.Code, rec.Body)
	}
	// Health checks do not queue.
	s.slots <- struct{}{}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if rec.Code != 200 {
		t.Fatalf("healthz while busy: %d", rec.Code)
	}
}
