//go:build !unix

package model_test

import "time"

// processCPU is not measured here; CPU-time figures read zero.
func processCPU() time.Duration { return 0 }
