//go:build !test

package testutil

import "errors"

// resetEVMConfig explains how to run in-process chains: cosmos/evm keeps its
// configuration in process-wide variables that only `-tags test` builds reset.
func resetEVMConfig() error {
	return errors.New("in-process chains need the test build tag: go test -tags test (make test does this)")
}
