//go:build linux

package bench

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unsafe"

	"github.com/openledger/openledger/ai/poa"
	"github.com/openledger/openledger/ai/poa/eval/ngram"
	"github.com/openledger/openledger/ai/poa/internal/index"
)

// Main runs the benchmark with command-line arguments and returns the exit
// status: 0 when the report was written, 2 on any error.
func Main(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet(stderr)
	dir := fs.String("dir", "", "working directory (corpus, indexes, report)")
	sizeFlag := fs.String("size", "100MB", "corpus text size (e.g. 100MB, 1GB, 5000000)")
	seed := fs.Uint64("seed", 1, "seed for the corpus and queries")
	warm := fs.Int("queries", 200, "warm queries per output size")
	cold := fs.Int("cold", 30, "cold queries per output size")
	defaultSources := "/usr/share/doc"
	if src := goSourceDir(); src != "" {
		defaultSources += "," + src
	}
	sources := fs.String("sources", defaultSources, "comma-separated directories of prose")
	reuse := fs.Bool("reuse", false, "reuse DIR/corpus.jsonl and the indexes if present")
	indexInput := fs.String("build-index", "", "internal: build the PoA index from this JSONL into --dir")
	baselineInput := fs.String("build-baseline", "", "internal: build the n-gram baseline from this JSONL into --dir")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the warm PoA queries to this file")
	if code, stop := parseFlags(fs, args); stop {
		return code
	}
	if *dir == "" {
		fmt.Fprintln(stderr, "poa-bench: --dir is required")
		return exitError
	}
	// The builds run as children of this binary so that each one's peak
	// memory is its own.
	if *indexInput != "" {
		return buildIndex(*indexInput, *dir, stderr)
	}
	if *baselineInput != "" {
		return buildBaseline(*baselineInput, *dir, stderr)
	}
	size, err := parseSize(*sizeFlag)
	if err != nil {
		fmt.Fprintf(stderr, "poa-bench: %v\n", err)
		return exitError
	}
	b := &bench{
		dir: *dir, size: size, seed: *seed, warm: *warm, cold: *cold, reuse: *reuse, log: stderr,
		sources: strings.Split(*sources, ","), cpuProfile: *cpuProfile, command: "poa-bench " + strings.Join(args, " "),
	}
	report, err := b.run()
	if err != nil {
		fmt.Fprintf(stderr, "poa-bench: %v\n", err)
		return exitError
	}
	fmt.Fprint(stdout, report)
	if err := os.WriteFile(filepath.Join(*dir, "report.md"), []byte(report), 0o644); err != nil {
		fmt.Fprintf(stderr, "poa-bench: %v\n", err)
		return exitError
	}
	return exitOK
}

// buildIndex builds the PoA index the way `poa index` does, printing its
// progress and its peak memory for the parent to read.
func buildIndex(input, dir string, stderr io.Writer) int {
	f, err := os.Open(input)
	if err != nil {
		fmt.Fprintf(stderr, "poa-bench: %v\n", err)
		return exitError
	}
	defer f.Close()
	opts := poa.BuildOptions{Progress: stderr, Replace: true}
	if st, err := f.Stat(); err == nil {
		opts.SizeHint = st.Size()
	}
	stats, err := poa.Build(f, dir, opts)
	if err != nil {
		fmt.Fprintf(stderr, "poa-bench: %v\n", err)
		return exitError
	}
	fmt.Fprintf(stderr, "%s%d bytes\n", peakMemoryPrefix, stats.PeakMemoryBytes)
	return exitOK
}

// buildBaseline builds the n-gram baseline, printing its peak memory for
// the parent to read.
func buildBaseline(input, dir string, stderr io.Writer) int {
	f, err := os.Open(input)
	if err != nil {
		fmt.Fprintf(stderr, "poa-bench: %v\n", err)
		return exitError
	}
	defer f.Close()
	if err := ngram.Build(bufio.NewReaderSize(f, 1<<20), dir, poa.DefaultMinSpanWords); err != nil {
		fmt.Fprintf(stderr, "poa-bench: %v\n", err)
		return exitError
	}
	fmt.Fprintf(stderr, "%s%d bytes\n", peakMemoryPrefix, index.PeakMemoryBytes())
	return exitOK
}

// peakMemoryPrefix starts the line on which a child build reports its peak
// resident memory.
const peakMemoryPrefix = "poa: peak memory "

func parseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		factor int64
	}{{"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"B", 1}}
	u := strings.ToUpper(strings.TrimSpace(s))
	for _, unit := range units {
		if strings.HasSuffix(u, unit.suffix) {
			n, err := strconv.ParseFloat(strings.TrimSuffix(u, unit.suffix), 64)
			if err != nil || n <= 0 {
				return 0, fmt.Errorf("bad size %q", s)
			}
			return int64(n * float64(unit.factor)), nil
		}
	}
	n, err := strconv.ParseInt(u, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return n, nil
}

type bench struct {
	dir        string
	size       int64
	seed       uint64
	warm, cold int
	reuse      bool
	sources    []string
	command    string
	cpuProfile string
	log        io.Writer
}

// buildRun is one index build measured from outside.
type buildRun struct {
	wall    time.Duration
	maxRSS  int64 // bytes
	bytes   int64 // index size on disk
	stderr  string
	command string
}

// latency summarises query times.
type latency struct{ p50, p99, mean time.Duration }

func summarize(ds []time.Duration) latency {
	s := slices.Clone(ds)
	slices.Sort(s)
	var sum time.Duration
	for _, d := range s {
		sum += d
	}
	pick := func(q float64) time.Duration { return s[min(len(s)-1, int(q*float64(len(s))))] }
	return latency{p50: pick(0.50), p99: pick(0.99), mean: sum / time.Duration(len(s))}
}

func (b *bench) logf(format string, args ...any) {
	fmt.Fprintf(b.log, "poa-bench: "+format+"\n", args...)
}

func (b *bench) run() (string, error) {
	if err := os.MkdirAll(b.dir, 0o755); err != nil {
		return "", err
	}
	corpusPath := filepath.Join(b.dir, "corpus.jsonl")
	t0 := time.Now()
	pool, err := collectSentences(b.sources)
	if err != nil {
		return "", err
	}
	b.logf("sentence pool: %d unique sentences, %d bytes from %d files in %s", len(pool.sentences), pool.bytes, pool.files, time.Since(t0).Round(time.Millisecond))
	corpus, err := generateCorpus(pool, corpusPath+".tmp", b.size, b.seed)
	if err != nil {
		return "", err
	}
	if !b.reuse || !fileExists(corpusPath) {
		if err := os.Rename(corpusPath+".tmp", corpusPath); err != nil {
			return "", err
		}
	} else {
		os.Remove(corpusPath + ".tmp")
	}
	corpus.path = corpusPath
	b.logf("corpus: %d contributions, %d text bytes, %d JSONL bytes", corpus.documents, corpus.textBytes, corpus.inputBytes)

	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	indexDir := filepath.Join(b.dir, "index")
	baselineDir := filepath.Join(b.dir, "ngram")
	var build, baseline *buildRun
	if !b.reuse || !fileExists(filepath.Join(indexDir, "manifest.json")) {
		if err := b.dropCaches(corpusPath); err != nil {
			return "", err
		}
		build, err = b.measure(exe, "--dir", indexDir, "--build-index", corpusPath)
		if err != nil {
			return "", err
		}
		build.bytes = dirBytes(indexDir)
	}
	if !b.reuse || !fileExists(filepath.Join(baselineDir, "ngrams.bin")) {
		os.RemoveAll(baselineDir)
		if err := b.dropCaches(corpusPath); err != nil {
			return "", err
		}
		baseline, err = b.measure(exe, "--dir", baselineDir, "--build-baseline", corpusPath)
		if err != nil {
			return "", err
		}
		baseline.bytes = dirBytes(baselineDir)
	}

	// Full verification cost (what `poa check` does).
	if err := b.dropCaches(indexFiles(indexDir)...); err != nil {
		return "", err
	}
	t0 = time.Now()
	checked, err := poa.Verify(indexDir)
	if err != nil {
		return "", err
	}
	checkTime := time.Since(t0)
	manifest := checked.Manifest
	checked.Close()

	rng := rand.New(rand.NewPCG(b.seed, 0x7175))
	sizes := []int{1024, 8192}
	queries := map[int][]string{}
	for _, size := range sizes {
		queries[size] = makeQueries(corpus, b.warm+b.cold+20, size, rng)
	}
	results := map[string]latency{}
	var openBlocks []time.Duration
	blocksTouched := map[int]int64{}
	var residentAfterEvict float64
	var attributedSample []int64
	for _, size := range sizes {
		qs := queries[size]
		// Warm: one opened index, page cache warmed by 20 queries.
		engine, closeAll, err := openEngine(indexDir)
		if err != nil {
			return "", err
		}
		for _, q := range qs[:20] {
			if _, err := engine.Attribute([]byte(q), poa.Options{}); err != nil {
				closeAll()
				return "", err
			}
		}
		var times []time.Duration
		if b.cpuProfile != "" {
			stopProfile, err := startProfile(fmt.Sprintf("%s.%d", b.cpuProfile, size))
			if err != nil {
				closeAll()
				return "", err
			}
			defer stopProfile()
		}
		for _, q := range qs[20 : 20+b.warm] {
			t := time.Now()
			res, err := engine.Attribute([]byte(q), poa.Options{})
			if err != nil {
				closeAll()
				return "", err
			}
			times = append(times, time.Since(t))
			attributedSample = append(attributedSample, res.AttributedPPM)
		}
		closeAll()
		stopProfiles()
		results[fmt.Sprintf("poa/%d/warm", size)] = summarize(times)

		// Cold: evict the index from the page cache, map it afresh, query.
		times = times[:0]
		for _, q := range qs[20+b.warm:] {
			if err := b.dropCaches(indexFiles(indexDir)...); err != nil {
				return "", err
			}
			for _, name := range []string{"sa.bin", "text.bin"} {
				resident, err := residency(filepath.Join(indexDir, name))
				if err != nil {
					return "", err
				}
				residentAfterEvict = max(residentAfterEvict, resident)
			}
			t := time.Now()
			engine, closeAll, err := openEngine(indexDir)
			if err != nil {
				return "", err
			}
			opened := time.Now()
			before := engine.Indexes()[0].BlocksVerified()
			if _, err := engine.Attribute([]byte(q), poa.Options{}); err != nil {
				closeAll()
				return "", err
			}
			times = append(times, time.Since(opened))
			blocksTouched[size] += engine.Indexes()[0].BlocksVerified() - before
			openBlocks = append(openBlocks, opened.Sub(t))
			closeAll()
		}
		results[fmt.Sprintf("poa/%d/cold", size)] = summarize(times)

		// Baseline, warm then cold.
		ng, err := ngram.Open(baselineDir, poa.DefaultMinSpanWords)
		if err != nil {
			return "", err
		}
		for _, q := range qs[:20] {
			ng.Query([]byte(q))
		}
		times = times[:0]
		for _, q := range qs[20 : 20+b.warm] {
			t := time.Now()
			ng.Query([]byte(q))
			times = append(times, time.Since(t))
		}
		ng.Close()
		results[fmt.Sprintf("ngram/%d/warm", size)] = summarize(times)
		times = times[:0]
		for _, q := range qs[20+b.warm:] {
			if err := b.dropCaches(ngram.Files(baselineDir)...); err != nil {
				return "", err
			}
			ng, err := ngram.Open(baselineDir, poa.DefaultMinSpanWords)
			if err != nil {
				return "", err
			}
			t := time.Now()
			ng.Query([]byte(q))
			times = append(times, time.Since(t))
			ng.Close()
		}
		results[fmt.Sprintf("ngram/%d/cold", size)] = summarize(times)
		b.logf("%d-byte outputs: poa warm p50 %s, cold p50 %s; ngram warm p50 %s, cold p50 %s", size,
			results[fmt.Sprintf("poa/%d/warm", size)].p50, results[fmt.Sprintf("poa/%d/cold", size)].p50,
			results[fmt.Sprintf("ngram/%d/warm", size)].p50, results[fmt.Sprintf("ngram/%d/cold", size)].p50)
	}
	var meanAttributed int64
	for _, a := range attributedSample {
		meanAttributed += a
	}
	meanAttributed /= int64(max(1, len(attributedSample)))

	r := &reportData{
		command: b.command, corpus: corpus, pool: pool, manifest: manifest,
		build: build, baseline: baseline, checkTime: checkTime, results: results,
		openBlocks: summarize(openBlocks), residentAfterEvict: residentAfterEvict,
		meanAttributedPPM: meanAttributed, warm: b.warm, cold: b.cold,
		indexBytes: dirBytes(indexDir), baselineBytes: dirBytes(baselineDir),
		blocksPerColdQuery: map[int]int64{},
	}
	for size, n := range blocksTouched {
		r.blocksPerColdQuery[size] = n / int64(max(1, b.cold))
	}
	return r.markdown(), nil
}

var activeProfile *os.File

// startProfile starts a CPU profile; stopProfiles ends it.
func startProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	activeProfile = f
	return stopProfiles, nil
}

func stopProfiles() {
	if activeProfile != nil {
		pprof.StopCPUProfile()
		activeProfile.Close()
		activeProfile = nil
	}
}

func openEngine(dir string) (*poa.Engine, func(), error) {
	ix, err := poa.Open(dir, poa.OpenOptions{})
	if err != nil {
		return nil, nil, err
	}
	engine, err := poa.NewEngine([]*poa.Index{ix})
	if err != nil {
		ix.Close()
		return nil, nil, err
	}
	return engine, func() { ix.Close() }, nil
}

// measure runs this binary as a child and records its wall time and peak
// resident memory.
func (b *bench) measure(exe string, args ...string) (*buildRun, error) {
	cmd := exec.Command(exe, args...)
	var errBuf strings.Builder
	cmd.Stderr = io.MultiWriter(b.log, &errBuf)
	cmd.Stdout = b.log
	t := time.Now()
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s %s: %w", filepath.Base(exe), strings.Join(args, " "), err)
	}
	run := &buildRun{wall: time.Since(t), command: "poa-bench " + strings.Join(args, " ")}
	// The child reports its own peak (VmHWM): rusage maxrss would include
	// this process's memory, inherited across the exec.
	for _, line := range strings.Split(errBuf.String(), "\n") {
		if rest, ok := strings.CutPrefix(line, peakMemoryPrefix); ok {
			run.maxRSS, _ = strconv.ParseInt(strings.TrimSuffix(rest, " bytes"), 10, 64)
			continue
		}
		if line != "" {
			run.stderr += line + "\n"
		}
	}
	return run, nil
}

// dropCaches evicts files from the page cache (posix_fadvise DONTNEED:
// it needs no privileges and leaves the rest of the machine's cache alone).
// Files that cannot be opened are skipped; a file that is open but cannot
// be written back or evicted is an error, since a cold measurement would
// then run on a warm cache.
func (b *bench) dropCaches(paths ...string) error {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		err = evict(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("evicting %s from the page cache: %w", p, err)
		}
	}
	return nil
}

// evict writes f's dirty pages back, then drops its pages from the cache.
func evict(f *os.File) error {
	if err := f.Sync(); err != nil {
		return err
	}
	const fadvDontNeed = 4
	if _, _, errno := syscall.Syscall6(syscall.SYS_FADVISE64, f.Fd(), 0, 0, fadvDontNeed, 0, 0); errno != 0 {
		return errno
	}
	return nil
}

// residency returns the fraction of a file's pages in the page cache (0
// for an empty file).
func residency(path string) (fraction float64, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() == 0 {
		return 0, err
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return 0, fmt.Errorf("mapping %s: %w", path, err)
	}
	defer func() {
		if unmapErr := syscall.Munmap(data); unmapErr != nil && err == nil {
			fraction, err = 0, fmt.Errorf("unmapping %s: %w", path, unmapErr)
		}
	}()
	pages := (len(data) + os.Getpagesize() - 1) / os.Getpagesize()
	vec := make([]byte, pages)
	if _, _, errno := syscall.Syscall(syscall.SYS_MINCORE, uintptr(unsafe.Pointer(&data[0])), uintptr(len(data)), uintptr(unsafe.Pointer(&vec[0]))); errno != 0 {
		return 0, fmt.Errorf("mincore %s: %w", path, errno)
	}
	resident := 0
	for _, v := range vec {
		resident += int(v & 1)
	}
	return float64(resident) / float64(pages), nil
}

// goSourceDir returns the standard library source directory of the go
// command on PATH, or "" when there is no go command.
func goSourceDir() string {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return ""
	}
	root := strings.TrimSpace(string(out))
	if root == "" {
		return ""
	}
	return filepath.Join(root, "src")
}

func indexFiles(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		out = append(out, filepath.Join(dir, e.Name()))
	}
	return out
}

func dirBytes(dir string) int64 {
	var n int64
	for _, p := range indexFiles(dir) {
		if st, err := os.Stat(p); err == nil {
			n += st.Size()
		}
	}
	return n
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
