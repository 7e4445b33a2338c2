// Package jscheck runs the Hugging Face JavaScript tokenizer and Jinja
// engine, pinned by this folder's package-lock.json, so that Go tests can
// compare the engine's tokenizer and chat templates with an independent
// implementation. Node scripts take a JSON request file and write a JSON
// response file, so each test starts one node process per batch.
package jscheck

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"github.com/openledger/openledger/ai/llm/internal/reference"
)

// Dir is the folder holding package.json and the node scripts.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}

// Install makes sure the pinned npm packages are installed, running
// `npm ci` when they are missing or at other versions. It skips the test
// when npm is not on PATH. Test binaries of several packages may call it at
// once, so the install holds a file lock.
func Install(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("npm"); err != nil {
		reference.Unavailable(t, "npm is not on PATH: the comparison with the Hugging Face JavaScript implementation needs node and npm")
	}
	dir := Dir()
	lock, err := os.OpenFile(filepath.Join(dir, "node_modules.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		t.Fatalf("jscheck: %v", err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatalf("jscheck: lock: %v", err)
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN) //nolint:errcheck // released on close anyway
	if installed(dir) {
		return
	}
	cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("jscheck: npm ci in %s: %v\n%s", dir, err, out)
	}
	if !installed(dir) {
		t.Fatalf("jscheck: npm ci in %s did not install the versions of package.json", dir)
	}
}

// installed reports whether node_modules holds exactly the versions that
// package.json pins.
func installed(dir string) bool {
	var pkg struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil || json.Unmarshal(data, &pkg) != nil {
		return false
	}
	for name, version := range pkg.Dependencies {
		var got struct {
			Version string `json:"version"`
		}
		data, err := os.ReadFile(filepath.Join(dir, "node_modules", name, "package.json"))
		if err != nil || json.Unmarshal(data, &got) != nil || got.Version != version {
			return false
		}
	}
	return true
}

// Run runs one of the folder's node scripts on request and decodes its
// answer into response.
func Run(t testing.TB, script string, request, response any) {
	t.Helper()
	Install(t)
	tmp := t.TempDir()
	reqPath := filepath.Join(tmp, "request.json")
	respPath := filepath.Join(tmp, "response.json")
	data, err := json.Marshal(request)
	if err != nil {
		t.Fatalf("jscheck: %v", err)
	}
	if err := os.WriteFile(reqPath, data, 0o644); err != nil {
		t.Fatalf("jscheck: %v", err)
	}
	cmd := exec.Command("node", filepath.Join(Dir(), script), reqPath, respPath)
	cmd.Dir = Dir()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("jscheck: node %s: %v\n%s", script, err, out)
	}
	data, err = os.ReadFile(respPath)
	if err != nil {
		t.Fatalf("jscheck: %v", err)
	}
	if err := json.Unmarshal(data, response); err != nil {
		t.Fatalf("jscheck: response of %s: %v", script, err)
	}
}
