//go:build linux

package bench

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/openledger/openledger/ai/poa"
)

// reportData is everything the benchmark report shows.
type reportData struct {
	command            string
	corpus             *benchCorpus
	pool               *sentencePool
	manifest           poa.Manifest
	build, baseline    *buildRun
	checkTime          time.Duration
	results            map[string]latency
	openBlocks         latency
	residentAfterEvict float64
	meanAttributedPPM  int64
	warm, cold         int
	indexBytes         int64
	baselineBytes      int64
	blocksPerColdQuery map[int]int64 // distinct 4 KiB blocks of the large files read
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/1e6) }

func mb(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

func (r *reportData) markdown() string {
	var b strings.Builder
	c := r.corpus
	fmt.Fprintf(&b, "Command: `%s` (%s)\n\n", r.command, time.Now().UTC().Format("2006-01-02"))
	fmt.Fprintf(&b, "Machine: %s\n\n", machine())
	fmt.Fprintf(&b, "Corpus: %d contributions, %s of text (%s JSONL), generated from %d unique real sentences (%s) found in %d files; %d word positions.\n\n",
		c.documents, mb(c.textBytes), mb(c.inputBytes), len(r.pool.sentences), mb(r.pool.bytes), r.pool.files, r.manifest.Counts.WordPositions)

	b.WriteString("| Build | PoA index | n-gram baseline |\n|---|---|---|\n")
	row := func(name string, f func(*buildRun) string) {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", name, orNA(r.build, f), orNA(r.baseline, f))
	}
	row("wall time", func(x *buildRun) string { return x.wall.Round(time.Millisecond).String() })
	row("throughput (JSONL input)", func(x *buildRun) string {
		return fmt.Sprintf("%.1f MB/s", float64(c.inputBytes)/1e6/x.wall.Seconds())
	})
	row("peak RSS", func(x *buildRun) string { return mb(x.maxRSS) })
	fmt.Fprintf(&b, "| index size | %s | %s |\n", mb(r.indexBytes), mb(r.baselineBytes))
	fmt.Fprintf(&b, "| index bytes per text byte | %.2f | %.2f |\n",
		float64(r.indexBytes)/float64(c.textBytes), float64(r.baselineBytes)/float64(c.textBytes))
	words := float64(r.manifest.Counts.WordPositions)
	fmt.Fprintf(&b, "| index bytes per word token | %.2f | %.2f |\n\n", float64(r.indexBytes)/words, float64(r.baselineBytes)/words)
	if r.build != nil {
		fmt.Fprintf(&b, "Build phases (from `%s`):\n\n```\n%s```\n\n", r.build.command, r.build.stderr)
	}
	fmt.Fprintf(&b, "Full verification of the index (`poa check`, SHA-256 of every file, cold cache): %s. "+
		"Opening with per-block verification: p50 %s.\n\n", r.checkTime.Round(time.Millisecond), ms(r.openBlocks.p50))

	fmt.Fprintf(&b, "Attribute latency (in-process, one query at a time; warm: %d queries after 20 warm-up; cold: %d queries, each on a fresh mapping after evicting the index files from the page cache, at most %.1f%% of sa.bin/text.bin pages still resident):\n\n",
		r.warm, r.cold, 100*r.residentAfterEvict)
	b.WriteString("| Output | Cache | PoA p50 | PoA p99 | n-gram p50 | n-gram p99 |\n|---|---|---|---|---|---|\n")
	for _, size := range []int{1024, 8192} {
		for _, cache := range []string{"warm", "cold"} {
			p := r.results[fmt.Sprintf("poa/%d/%s", size, cache)]
			n := r.results[fmt.Sprintf("ngram/%d/%s", size, cache)]
			fmt.Fprintf(&b, "| %d KB | %s | %s | %s | %s | %s |\n", size/1024, cache, ms(p.p50), ms(p.p99), ms(n.p50), ms(n.p99))
		}
	}
	fmt.Fprintf(&b, "\nA cold query reads (and checks) on average %d distinct 4 KiB blocks of the large index files for a 1 KB output and %d for an 8 KB output.\n",
		r.blocksPerColdQuery[1024], r.blocksPerColdQuery[8192])
	fmt.Fprintf(&b, "\nMean attributed_ppm of the warm queries: %d (outputs mix copied, reworded and novel text).\n", r.meanAttributedPPM)
	return b.String()
}

func orNA(x *buildRun, f func(*buildRun) string) string {
	if x == nil {
		return "(reused)"
	}
	return f(x)
}

// machine describes the CPU and memory from /proc.
func machine() string {
	model := "unknown CPU"
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	mem := ""
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		first := strings.SplitN(string(data), "\n", 2)[0]
		mem = ", " + strings.Join(strings.Fields(first), " ")
	}
	return fmt.Sprintf("%d CPUs (runtime.NumCPU), %s%s, %s %s/%s", runtime.NumCPU(), model, mem, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
