package index

import (
	"os"
	"strconv"
	"strings"
)

// PeakMemoryBytes returns this process's peak resident memory (VmHWM from
// /proc/self/status), or 0 where that is not available. Unlike rusage's
// maxrss it is not inflated by the parent's memory when the process was
// started by a large parent (the high-water mark of the pre-exec address
// space is carried into maxrss on Linux).
func PeakMemoryBytes() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				return 0
			}
			return kb * 1024
		}
	}
	return 0
}
