// Package npmtest runs node scripts against npm packages pinned by a
// folder's package-lock.json, so Go tests can compare with, or drive the
// product through, independent JavaScript implementations. A script takes
// a JSON request file and writes a JSON response file.
package npmtest

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/openledger/openledger/testutil/reference"
)

// Install makes sure the packages pinned in dir are installed, running
// `npm ci` when they are missing or at other versions. It skips the test
// when npm is not on PATH (fails where references are required). Test
// binaries of several packages may call it at once, so the install holds a
// file lock.
func Install(t testing.TB, dir string) {
	t.Helper()
	InstallWith(t, dir, "ci", "--no-audit", "--no-fund")
}

// InstallWith is Install with other npm arguments (for example `install
// --no-save` where the lock cannot list every platform's optional
// binaries).
func InstallWith(t testing.TB, dir string, npmArgs ...string) {
	t.Helper()
	if _, err := exec.LookPath("npm"); err != nil {
		reference.Unavailable(t, "npm is not on PATH: this test needs node and npm")
	}
	lock, err := os.OpenFile(filepath.Join(dir, "node_modules.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		t.Fatalf("npmtest: %v", err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatalf("npmtest: lock: %v", err)
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN) //nolint:errcheck // released on close anyway
	if installed(dir) {
		return
	}
	cmd := exec.Command("npm", npmArgs...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npmtest: npm %v in %s: %v\n%s", npmArgs, dir, err, out)
	}
	if !installed(dir) {
		t.Fatalf("npmtest: npm %v in %s did not install the versions of package.json", npmArgs, dir)
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
	for name, version := range pkg.Dependencies { // order-independent: every one must match
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

// Run installs dir's packages, runs its node script on request and decodes
// the answer into response.
func Run(t testing.TB, dir, script string, request, response any) {
	t.Helper()
	Install(t, dir)
	tmp := t.TempDir()
	reqPath := filepath.Join(tmp, "request.json")
	respPath := filepath.Join(tmp, "response.json")
	data, err := json.Marshal(request)
	if err != nil {
		t.Fatalf("npmtest: %v", err)
	}
	if err := os.WriteFile(reqPath, data, 0o644); err != nil {
		t.Fatalf("npmtest: %v", err)
	}
	cmd := exec.Command("node", filepath.Join(dir, script), reqPath, respPath)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npmtest: node %s: %v\n%s", script, err, out)
	}
	data, err = os.ReadFile(respPath)
	if err != nil {
		t.Fatalf("npmtest: %v", err)
	}
	if err := json.Unmarshal(data, response); err != nil {
		t.Fatalf("npmtest: response of %s: %v", script, err)
	}
}
