package openlora

import (
	"os"
	"testing"
)

var processTemp string

func tempDirForProcess() (string, error) { return processTemp, nil }

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "openlora-test-")
	if err != nil {
		panic(err)
	}
	processTemp = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
