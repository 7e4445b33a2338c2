// Package bench measures the PoA engine against an n-gram hash baseline on
// a corpus generated from real prose found on the machine: index build
// time, peak memory and size, full-verification cost, and attribute latency
// with a warm and a cold page cache. `poa-bench` (cmd/poa-bench) runs it;
// `make bench-poa` runs that. The figures are in docs/benchmarks.md.
package bench
