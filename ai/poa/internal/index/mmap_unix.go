//go:build unix

package index

import (
	"os"
	"syscall"
)

// mapFile maps a whole file read-only. Pages are read on first touch, so a
// query only reads the parts of the index it looks at.
func mapFile(f *os.File, size int64, randomAccess bool) ([]byte, func() error, error) {
	if size == 0 {
		return nil, func() error { return nil }, nil
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, err
	}
	if randomAccess {
		// Binary searches jump around; read-ahead would only fetch pages
		// nobody asked for.
		_ = syscall.Madvise(data, syscall.MADV_RANDOM)
	}
	return data, func() error { return syscall.Munmap(data) }, nil
}
