package openlora

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// metrics are exported at /metrics on a registry of their own.
type metrics struct {
	registry      *prometheus.Registry
	requests      *prometheus.CounterVec
	tokens        *prometheus.CounterVec
	ttft          prometheus.Histogram
	interToken    prometheus.Histogram
	inFlight      prometheus.Gauge
	adapterTier   *prometheus.CounterVec
	adapterLoad   *prometheus.HistogramVec
	receiptTime   prometheus.Histogram
	settlements   *prometheus.CounterVec
	unsettled     prometheus.Gauge
	adaptersInRAM prometheus.GaugeFunc
}

// loadReporter is a backend that can say its batch size and queue depth.
type loadReporter interface {
	Load() (batch, queued int)
}

func newMetrics(adapters *AdapterCache, backend Backend) *metrics {
	latency := prometheus.ExponentialBuckets(0.001, 2, 16)
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "openlora_requests_total", Help: "API requests by endpoint and HTTP status.",
		}, []string{"endpoint", "code"}),
		tokens: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "openlora_tokens_total", Help: "Tokens processed, by kind (prompt, completion).",
		}, []string{"kind"}),
		ttft: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "openlora_time_to_first_token_seconds", Help: "Time from request to the first answer text.", Buckets: latency,
		}),
		interToken: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "openlora_inter_token_latency_seconds", Help: "Mean time between output tokens, per answer.", Buckets: latency,
		}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "openlora_requests_in_flight", Help: "Generations running or queued (the batch plus its queue).",
		}),
		adapterTier: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "openlora_adapter_lookups_total", Help: "Adapter lookups by the cache tier that answered (ram, disk, remote).",
		}, []string{"tier"}),
		adapterLoad: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "openlora_adapter_load_seconds", Help: "Time to make an adapter usable, by tier.", Buckets: latency,
		}, []string{"tier"}),
		receiptTime: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "openlora_receipt_seconds", Help: "Time to attribute, sign and persist an answer's receipt.", Buckets: latency,
		}),
		settlements: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "openlora_settlements_total", Help: "Settlement batches by outcome (settled, failed).",
		}, []string{"outcome"}),
		unsettled: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "openlora_unsettled_receipts", Help: "Paid receipts not yet in a settled batch.",
		}),
	}
	m.adaptersInRAM = prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "openlora_adapters_in_memory", Help: "Adapters loaded in memory.",
	}, func() float64 { return float64(adapters.Len()) })
	if lr, ok := backend.(loadReporter); ok {
		m.registry.MustRegister(
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "openlora_batch_size", Help: "Requests in the engine's current step."},
				func() float64 { b, _ := lr.Load(); return float64(b) }),
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "openlora_queue_depth", Help: "Requests waiting for a place in the engine's batch."},
				func() float64 { _, q := lr.Load(); return float64(q) }),
		)
	}
	m.registry.MustRegister(m.requests, m.tokens, m.ttft, m.interToken, m.inFlight, m.adapterTier, m.adapterLoad,
		m.receiptTime, m.settlements, m.unsettled, m.adaptersInRAM,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}
