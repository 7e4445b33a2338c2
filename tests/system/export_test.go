package system_test

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestExportWritesOnlyGenesis stops a node of its own and exports its state to
// standard output, as an operator does with `openledgerd export > genesis.json`:
// the output must be the genesis document alone, with the logs on standard
// error, and start after the height the node had reached.
func TestExportWritesOnlyGenesis(t *testing.T) {
	exported, err := startNode(localnet.bin, filepath.Join(t.TempDir(), "home"))
	if err != nil {
		t.Fatal(err)
	}
	height, err := exported.height()
	if err != nil {
		exported.stop()
		t.Fatal(err)
	}
	exported.stop()

	var stdout, stderr bytes.Buffer
	export := exec.Command(exported.bin, "export", "--home", exported.home)
	export.Stdout, export.Stderr = &stdout, &stderr
	if err := export.Run(); err != nil {
		t.Fatalf("export: %v\n%s", err, stderr.String())
	}
	var genesis struct {
		ChainID       string                     `json:"chain_id"`
		InitialHeight int64                      `json:"initial_height"`
		AppState      map[string]json.RawMessage `json:"app_state"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &genesis); err != nil {
		t.Fatalf("standard output of export is not one JSON document: %v\nfirst bytes: %.200q", err, stdout.String())
	}
	if genesis.ChainID == "" || genesis.InitialHeight <= height {
		t.Fatalf("exported chain id %q at initial height %d; the node had reached height %d", genesis.ChainID, genesis.InitialHeight, height)
	}
	for _, module := range []string{"datanet", "modelreg", "attribution", "agentstake", "inferencefees", "bridge"} {
		if _, ok := genesis.AppState[module]; !ok {
			t.Errorf("exported genesis has no %s state", module)
		}
	}
}
