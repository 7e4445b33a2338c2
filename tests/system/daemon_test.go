package system_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// daemon is a running service binary (a serving node, a trainer) that
// writes its URL to a ready file once it listens.
type daemon struct {
	name string
	cmd  *exec.Cmd
	url  string
	log  *os.File
	done chan struct{} // closed when the process has exited
}

// startDaemon runs bin with args plus --ready-file, logging to
// home/<name>.log, and waits until it listens. The log is printed when the
// test fails.
func startDaemon(t *testing.T, bin, name, home string, args ...string) *daemon {
	t.Helper()
	ready := filepath.Join(home, name+".ready")
	_ = os.Remove(ready)
	logFile, err := os.OpenFile(filepath.Join(home, name+".log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	require.NoError(t, err)
	cmd := exec.Command(bin, append(args, "--ready-file", ready)...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	require.NoError(t, cmd.Start())
	d := &daemon{name: name, cmd: cmd, log: logFile, done: make(chan struct{})}
	go func() {
		_ = cmd.Wait() // the exit status is checked through the test's assertions and log
		close(d.done)
	}()
	t.Cleanup(func() {
		d.stop(t)
		if t.Failed() {
			if bz, err := os.ReadFile(logFile.Name()); err == nil {
				t.Logf("%s log:\n%s", name, bz)
			}
		}
	})
	waitFor(t, 60*time.Second, name+" to listen", func() bool {
		bz, err := os.ReadFile(ready)
		d.url = strings.TrimSpace(string(bz))
		return err == nil && d.url != ""
	})
	return d
}

// stop sends SIGTERM (a graceful shutdown) and waits.
func (d *daemon) stop(t *testing.T) {
	if d.cmd.ProcessState != nil {
		return
	}
	_ = d.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-d.done:
	case <-time.After(90 * time.Second):
		_ = d.cmd.Process.Kill()
		<-d.done
		t.Errorf("%s did not stop on SIGTERM", d.name)
	}
	d.log.Close()
}

// kill sends SIGKILL and waits.
func (d *daemon) kill(t *testing.T) {
	require.NoError(t, d.cmd.Process.Kill())
	<-d.done
	d.log.Close()
}
