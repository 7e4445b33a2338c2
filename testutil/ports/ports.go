// Package ports finds free TCP ports on 127.0.0.1 for tests that start
// servers.
package ports

import (
	"fmt"
	"net"
)

// Free returns count distinct ports that were free a moment ago: all are
// held open together while they are picked, so none is returned twice.
func Free(count int) ([]int, error) {
	listeners := make([]net.Listener, 0, count)
	defer func() {
		for _, l := range listeners {
			l.Close()
		}
	}()
	ports := make([]int, 0, count)
	for range count {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		listeners = append(listeners, l)
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}

// FreeOffset returns the first offset, from first in steps of step below
// limit, at which every one of ports plus the offset is free: where a
// network of fixed port layout (scripts/localnet-multi.sh's PORT_OFFSET)
// can listen.
func FreeOffset(ports []int, first, step, limit int) (int, error) {
	for offset := first; offset < limit; offset += step {
		if allFree(ports, offset) {
			return offset, nil
		}
	}
	return 0, fmt.Errorf("no offset in [%d, %d) frees all %d ports", first, limit, len(ports))
}

func allFree(ports []int, offset int) bool {
	for _, p := range ports {
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", p+offset))
		if err != nil {
			return false
		}
		l.Close()
	}
	return true
}
