package index

import (
	"fmt"
	"io"
	"time"
)

// progress writes build progress for people watching a large input; it
// never affects the index.
type progress struct {
	w         io.Writer
	started   time.Time
	lastPrint time.Time
}

func newProgress(w io.Writer) *progress {
	now := time.Now()
	return &progress{w: w, started: now, lastPrint: now}
}

func (p *progress) logf(format string, args ...any) {
	if p.w == nil {
		return
	}
	fmt.Fprintf(p.w, "poa index: "+format+"\n", args...)
}

// reading reports input progress at most once a second.
func (p *progress) reading(inputBytes int64, docs int) {
	if p.w == nil {
		return
	}
	now := time.Now()
	if now.Sub(p.lastPrint) < time.Second {
		return
	}
	p.lastPrint = now
	rate := float64(inputBytes) / now.Sub(p.started).Seconds()
	p.logf("reading: %d contributions, %s (%s/s)", docs, byteSize(inputBytes), byteSize(int64(rate)))
}

// byteSize formats a byte count for people.
func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.2f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
