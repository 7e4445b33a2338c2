//go:build !amd64

package kernels

func detectBackends() []Backend { return []Backend{goBackend{}} }
