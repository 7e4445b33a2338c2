package lora

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoadPEFT loads PEFT folders of arbitrary adapter_config.json and
// adapter_model.safetensors bytes against a tiny base model, as a serving
// node loads an adapter it downloaded: no input may panic. An adapter that
// loads saves to a folder that loads again, and saving that gives the same
// files.
func FuzzLoadPEFT(f *testing.F) {
	m := base(f)
	for i, cfg := range []Config{
		{R: 2, LoraAlpha: 4, TargetModules: TargetModules{"q_proj", "v_proj"}},
		{R: 1, LoraAlpha: 1, UseRSLoRA: true, TargetModules: TargetModules{"down_proj"}},
	} {
		dir := f.TempDir()
		if err := adapter(f, m, cfg, uint64(i)).Save(dir); err != nil {
			f.Fatal(err)
		}
		if _, err := Load(dir, &m.Config); err != nil {
			f.Fatalf("a seed adapter does not load: %v", err)
		}
		config, weights := readPEFT(f, dir)
		f.Add(config, weights)
	}
	f.Fuzz(func(t *testing.T, config, weights []byte) {
		dir := t.TempDir()
		writePEFT(t, dir, config, weights)
		a, err := Load(dir, &m.Config)
		if err != nil {
			return
		}
		saved := t.TempDir()
		if err := a.Save(saved); err != nil {
			t.Fatalf("saving a loaded adapter: %v", err)
		}
		back, err := Load(saved, &m.Config)
		if err != nil {
			t.Fatalf("a saved adapter does not load: %v", err)
		}
		again := t.TempDir()
		if err := back.Save(again); err != nil {
			t.Fatal(err)
		}
		c1, w1 := readPEFT(t, saved)
		c2, w2 := readPEFT(t, again)
		if !bytes.Equal(c1, c2) || !bytes.Equal(w1, w2) {
			t.Fatal("saving a reloaded adapter gives other files")
		}
	})
}

func readPEFT(t testing.TB, dir string) ([]byte, []byte) {
	t.Helper()
	config, err := os.ReadFile(filepath.Join(dir, "adapter_config.json"))
	if err != nil {
		t.Fatal(err)
	}
	weights, err := os.ReadFile(filepath.Join(dir, "adapter_model.safetensors"))
	if err != nil {
		t.Fatal(err)
	}
	return config, weights
}

func writePEFT(t testing.TB, dir string, config, weights []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "adapter_config.json"), config, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "adapter_model.safetensors"), weights, 0o600); err != nil {
		t.Fatal(err)
	}
}
