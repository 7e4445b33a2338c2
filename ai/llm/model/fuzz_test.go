package model

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/openledger/openledger/ai/llm/hf"
)

// FuzzConfigJSON reads arbitrary config.json files as a model folder's
// loader does (hf.ReadConfig, then ConfigFromHF): no input may panic. A
// config the engine accepts is written back as config.json (Config.HF) and
// must read to the same Config.
func FuzzConfigJSON(f *testing.F) {
	for _, c := range []Config{TinyConfig(), func() Config {
		c := TinyConfig()
		c.Architecture, c.Rope = ArchQwen2, Rope{Theta: 1e6, Scaling: "llama3", Factor: 8, LowFreqFactor: 1, HighFreqFactor: 4, OriginalMax: 8192}
		return c
	}()} {
		path := filepath.Join(f.TempDir(), "config.json")
		if err := hf.WriteJSON(path, c.HF()); err != nil {
			f.Fatal(err)
		}
		bz, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(bz)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := readConfig(t, data)
		if err != nil {
			return
		}
		written := filepath.Join(t.TempDir(), "config.json")
		if err := hf.WriteJSON(written, c.HF()); err != nil {
			t.Fatalf("writing an accepted config: %v", err)
		}
		bz, err := os.ReadFile(written)
		if err != nil {
			t.Fatal(err)
		}
		again, err := readConfig(t, bz)
		if err != nil {
			t.Fatalf("a written config is refused: %v\n%s", err, bz)
		}
		if !reflect.DeepEqual(c, again) {
			t.Fatalf("config read back as %+v, wrote %+v", again, c)
		}
	})
}

// readConfig reads data as a folder's config.json.
func readConfig(t *testing.T, data []byte) (Config, error) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "config.json"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	h, err := hf.ReadConfig(dir)
	if err != nil {
		return Config{}, err
	}
	return ConfigFromHF(h)
}
