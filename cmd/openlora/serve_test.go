package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestConfigFile: a JSON file sets flags by name, the command line wins,
// and unknown settings are refused.
func TestConfigFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "openlora.json")
	if err := os.WriteFile(path, []byte(`{"listen": "127.0.0.1:9999", "max-batch": 8, "settle-interval": "5s", "adapter": ["a=/x", "b=/y"], "free": true}`), 0o600); err != nil {
		t.Fatal(err)
	}
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	var f serveFlags
	f.register(fs)
	if err := fs.Parse([]string{"--max-batch", "4"}); err != nil {
		t.Fatal(err)
	}
	if err := applyConfigFile(fs, path); err != nil {
		t.Fatal(err)
	}
	if f.listen != "127.0.0.1:9999" || f.maxBatch != 4 || f.settleInterval != 5*time.Second || len(f.adapters) != 2 || !f.free {
		t.Fatalf("settings %+v", f)
	}
	if err := os.WriteFile(path, []byte(`{"lisen": "x"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := applyConfigFile(fs, path); err == nil {
		t.Fatal("an unknown setting was accepted")
	}
}
