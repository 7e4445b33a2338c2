// Package ports finds free TCP ports on 127.0.0.1 for tests that start
// servers.
package ports

import "net"

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
