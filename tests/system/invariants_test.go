package system_test

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestInvariantsOnAStoppedNode runs `openledgerd invariants` against a node
// of its own that holds a Datanet: while the node runs, its database is
// locked and the command fails; once it is stopped, every check is reported
// holding on standard output, with the logs on standard error.
func TestInvariantsOnAStoppedNode(t *testing.T) {
	n, err := startNode(localnet.bin, filepath.Join(t.TempDir(), "home"))
	require.NoError(t, err)
	running := true
	defer func() {
		if running {
			n.stop()
		}
	}()
	n.moduleTx(t, "validator", "datanet", "create-datanet", "Invariant checks", "CC-BY-4.0", "public", "owner-reviews")

	invariants := func() (string, string, error) {
		var stdout, stderr bytes.Buffer
		cmd := exec.Command(n.bin, "invariants", "--home", n.home)
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		return stdout.String(), stderr.String(), err
	}

	_, stderr, err := invariants()
	require.Error(t, err, "a running node's database is locked")
	require.Contains(t, stderr, "is the node still running?")

	n.stop()
	running = false
	stdout, stderr, err := invariants()
	require.NoErrorf(t, err, "invariants: %s\n%s", stdout, stderr)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	require.Regexp(t, `^invariants at height [1-9][0-9]*$`, lines[0], "the report starts with the height, not with logs: %q", stdout)
	for _, module := range []string{"bank", "datanet", "modelreg", "agentstake", "attribution", "inferencefees", "bridge"} {
		require.Regexpf(t, `(?m)^`+module+` +ok$`, stdout, "no ok line for %s", module)
	}
	require.Equal(t, "all 7 checks hold", lines[len(lines)-1])
}
