// Package browser drives the services' web pages with npm's playwright-core
// (pinned by this folder's package-lock.json) in Debian's chromium,
// headless, so tests use a page exactly as a person does.
package browser

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/openledger/openledger/testutil/npmtest"
	"github.com/openledger/openledger/testutil/reference"
)

// Dir is the folder holding package.json and the scripts.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}

// Chromium is the browser's path; the test is skipped (failed where
// references are required) when the system has none.
func Chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	reference.Unavailable(t, "no chromium on PATH: install Debian's chromium package (scripts/test-deps.sh does)")
	return ""
}

// Run runs one of this folder's scripts with request (to which it adds
// the browser's path as "chromium") and decodes its answer into response.
func Run(t testing.TB, script string, request map[string]any, response any) {
	t.Helper()
	request["chromium"] = Chromium(t)
	npmtest.Run(t, Dir(), script, request, response)
}
