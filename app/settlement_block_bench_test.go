package app_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"
)

// inferencesPerVoucher is how many inferences each voucher of the benchmark
// pays for: a user's newest voucher covers everything since the last
// settlement, so one signature check settles many inferences.
const inferencesPerVoucher = 10

// BenchmarkSettleBatchBlock measures settlement the way the chain executes
// it: a block holding one MsgSettleBatch of N vouchers goes through
// FinalizeBlock (ante handler, both signature checks per voucher, the split,
// the attribution record) and Commit. Signing happens outside the timer.
//
//	go test -tags test ./app -run '^$' -bench SettleBatchBlock -benchtime 3x
func BenchmarkSettleBatchBlock(b *testing.B) {
	for _, vouchers := range []int{100, 1_000, 10_000} {
		b.Run(fmt.Sprintf("vouchers=%d", vouchers), func(b *testing.B) {
			p := newPaidInference(b, vouchers, 100)
			perVoucher := math.NewInt(1_000_000_000_000_000) // 0.001 OPEN
			gas := uint64(1_000_000 + 40_000*vouchers)
			var elapsed time.Duration
			var gasUsed int64
			var txBytes int
			b.ResetTimer()
			for round := 1; round <= b.N; round++ {
				b.StopTimer()
				tx := p.settleBatchTx(b, round, perVoucher, inferencesPerVoucher, gas)
				txBytes = len(tx)
				b.StartTimer()
				start := time.Now()
				res := p.chain.NextBlock(tx)
				elapsed += time.Since(start)
				require.Zerof(b, res[0].Code, "%s", res[0].Log)
				gasUsed = res[0].GasUsed
			}
			seconds := elapsed.Seconds()
			b.ReportMetric(float64(vouchers*b.N)/seconds, "vouchers/s")
			b.ReportMetric(float64(vouchers*inferencesPerVoucher*b.N)/seconds, "inferences/s")
			b.ReportMetric(float64(gasUsed), "gas/batch")
			b.ReportMetric(float64(gasUsed)/float64(vouchers), "gas/voucher")
			b.ReportMetric(float64(txBytes)/float64(vouchers), "tx-bytes/voucher")
		})
	}
}
