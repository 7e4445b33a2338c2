// Package reference decides what a test does when an independent
// implementation it compares against (npm packages, PyTorch) is not installed:
// skip on a developer's machine, fail where OPENLEDGER_REQUIRE_REFERENCES is
// set (continuous integration installs them, so a missing one is a fault
// there, not a reason to pass).
package reference

import (
	"os"
	"testing"
)

// RequiredEnv makes a missing reference implementation fail the test.
const RequiredEnv = "OPENLEDGER_REQUIRE_REFERENCES"

// Unavailable skips t, or fails it when references are required, saying why.
func Unavailable(t testing.TB, why string) {
	t.Helper()
	if os.Getenv(RequiredEnv) != "" {
		t.Fatalf("%s (%s is set, so the comparison must run)", why, RequiredEnv)
	}
	t.Skip(why)
}
