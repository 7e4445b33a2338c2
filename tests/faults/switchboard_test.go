//go:build faults

package faults_test

import (
	"io"
	"net"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// switchboard carries every peer connection of the network: node i reaches
// node j through a listener of its own for that direction, which forwards
// to j's P2P port. Isolating a node closes every connection it is part of
// and refuses new ones until it is reconnected: a network partition as the
// nodes see it (their TCP connections drop and redials fail), on loopback
// and without privileges.
type switchboard struct {
	mu        sync.Mutex
	listeners map[[2]int]net.Listener
	isolated  map[int]bool
	live      map[*forwarding]bool
	targets   []string
}

// forwarding is one connection carried from node from to node to.
type forwarding struct {
	from, to  int
	down, up  net.Conn
	closeOnce sync.Once
}

func (f *forwarding) close() {
	f.closeOnce.Do(func() {
		f.down.Close()
		f.up.Close()
	})
}

func newSwitchboard(t *testing.T, targets []string) *switchboard {
	t.Helper()
	s := &switchboard{
		listeners: map[[2]int]net.Listener{}, isolated: map[int]bool{},
		live: map[*forwarding]bool{}, targets: targets,
	}
	for from := range targets {
		for to := range targets {
			if from == to {
				continue
			}
			l, err := net.Listen("tcp", "127.0.0.1:0")
			require.NoError(t, err)
			s.listeners[[2]int{from, to}] = l
			go s.accept(l, from, to)
		}
	}
	return s
}

// address is where node from dials node to.
func (s *switchboard) address(from, to int) string {
	return s.listeners[[2]int{from, to}].Addr().String()
}

func (s *switchboard) accept(l net.Listener, from, to int) {
	for {
		down, err := l.Accept()
		if err != nil {
			return
		}
		go s.forward(down, from, to)
	}
}

func (s *switchboard) forward(down net.Conn, from, to int) {
	up, err := net.Dial("tcp", s.targets[to])
	if err != nil {
		down.Close()
		return
	}
	f := &forwarding{from: from, to: to, down: down, up: up}
	s.mu.Lock()
	if s.isolated[from] || s.isolated[to] {
		s.mu.Unlock()
		f.close()
		return
	}
	s.live[f] = true
	s.mu.Unlock()

	done := make(chan struct{}, 2)
	go func() { _, _ = io.Copy(up, down); done <- struct{}{} }()
	go func() { _, _ = io.Copy(down, up); done <- struct{}{} }()
	<-done
	f.close()
	s.mu.Lock()
	delete(s.live, f)
	s.mu.Unlock()
}

// isolate cuts node i off from every peer.
func (s *switchboard) isolate(i int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.isolated[i] = true
	for f := range s.live {
		if f.from == i || f.to == i {
			f.close()
		}
	}
}

// reconnect lets node i's peers reach it again.
func (s *switchboard) reconnect(i int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.isolated, i)
}

func (s *switchboard) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, l := range s.listeners {
		l.Close()
	}
	for f := range s.live {
		f.close()
	}
}
