package openlora

import (
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"

	"github.com/cosmos/evm/crypto/ethsecp256k1"

	"github.com/openledger/openledger/ai/llm/lora"
	"github.com/openledger/openledger/ai/llm/model"
	"github.com/openledger/openledger/ai/llm/tinymodel"
)

// corpus trains the test tokenizer.
var corpus = []string{
	"Rotate the storage keys every ninety days and keep the previous key readable for one extra week.",
	"When a replica lags behind the primary, stop routing reads to it until it has caught up.",
	"Warm the hot paths with a scripted replay of yesterday's busiest queries after a deploy.",
}

var (
	fixtureOnce sync.Once
	fixtureDir  string
	fixtureErr  error
)

// fixture writes (once per test binary) a seeded tiny model folder with a
// trained tokenizer and a PEFT adapter for it.
func fixture(t testing.TB) (baseDir, adapterDir string) {
	t.Helper()
	fixtureOnce.Do(func() {
		fixtureDir, fixtureErr = tempDirForProcess()
		if fixtureErr != nil {
			return
		}
		cfg := model.TinyConfig()
		cfg.TieEmbeddings = false
		cfg.MaxPositions = 512
		var m *model.Model
		m, fixtureErr = tinymodel.Write(filepath.Join(fixtureDir, "base"), tinymodel.Options{Config: cfg, Seed: 7, TokenizerText: corpus, VocabSize: 400})
		if fixtureErr != nil {
			return
		}
		var a *lora.Adapter
		a, fixtureErr = lora.NewRandom(&m.Config, lora.Config{PeftType: "LORA", R: 4, LoraAlpha: 8, TargetModules: lora.TargetModules{"q_proj", "v_proj"}}, 3)
		if fixtureErr != nil {
			return
		}
		fixtureErr = a.Save(filepath.Join(fixtureDir, "adapter"))
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return filepath.Join(fixtureDir, "base"), filepath.Join(fixtureDir, "adapter")
}

// localNode starts a free, chain-less node over the fixture on an
// httptest server.
func localNode(t *testing.T) (*Server, *httptest.Server) {
	t.Helper()
	baseDir, adapterDir := fixture(t)
	backend, err := NewEmbedded(baseDir, EmbeddedOptions{MaxBatch: 8})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = backend.Close() })
	store, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	key, err := ethsecp256k1.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	srv := NewServer(Options{
		Backend: backend, Catalog: NewLocalCatalog("tiny", map[string]string{"tiny-lora": adapterDir}),
		Store: store, Key: key, MaxTokens: 64,
	})
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return srv, ts
}
