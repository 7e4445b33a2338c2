package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/openledger/openledger/ai/poa"
	"github.com/openledger/openledger/ai/poa/internal/poatest"
)

// TestServerIsBusyWhenSlotsAreTaken checks the concurrency bound: with the
// only slot held, a request waits queue-wait and gets a JSON 503.
func TestServerIsBusyWhenSlotsAreTaken(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	input := poatest.JSONL(t, poatest.SampleDocs(1, 30)...)
	if _, err := poa.Build(bytes.NewReader(input), dir, poa.BuildOptions{}); err != nil {
		t.Fatal(err)
	}
	ix, err := poa.Open(dir, poa.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	engine, _ := poa.NewEngine([]*poa.Index{ix})
	s, err := New(engine, Limits{MaxBody: 1 << 16, MaxConcurrent: 1, QueueWait: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	h := s.Handler()

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
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &doc), "held slot: %d %s", rec.Code, rec.Body)
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
