// Package jscheck runs the Hugging Face JavaScript tokenizer and Jinja
// engine, pinned by this folder's package-lock.json, so that Go tests can
// compare the engine's tokenizer and chat templates with an independent
// implementation. Node scripts take a JSON request file and write a JSON
// response file, so each test starts one node process per batch.
package jscheck

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/openledger/openledger/testutil/npmtest"
)

// Dir is the folder holding package.json and the node scripts.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}

// Install makes sure the pinned npm packages are installed.
func Install(t testing.TB) {
	t.Helper()
	npmtest.Install(t, Dir())
}

// Run runs one of the folder's node scripts on request and decodes its
// answer into response.
func Run(t testing.TB, script string, request, response any) {
	t.Helper()
	npmtest.Run(t, Dir(), script, request, response)
}
