package server

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/openledger/openledger/ai/poa"
)

// serverMetrics are exported at /metrics, on a registry of their own.
type serverMetrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	inFlight prometheus.Gauge
	corrupt  prometheus.Counter
}

func newServerMetrics(engine *poa.Engine) *serverMetrics {
	m := &serverMetrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "poa_http_requests_total", Help: "HTTP requests by endpoint and status code.",
		}, []string{"endpoint", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "poa_http_request_duration_seconds", Help: "Time to answer a request.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 16),
		}, []string{"endpoint"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "poa_requests_in_flight", Help: "Attribute and verify requests being computed.",
		}),
		corrupt: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "poa_corrupt_index_errors_total", Help: "Queries refused because index bytes failed their checksum.",
		}),
	}
	documents := prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "poa_index_documents", Help: "Contributions in each served index.",
	}, []string{"index"})
	normalized := prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "poa_index_normalized_bytes", Help: "Normalised corpus bytes in each served index.",
	}, []string{"index"})
	for _, ix := range engine.Indexes() {
		documents.WithLabelValues(ix.Name()).Set(float64(ix.Documents()))
		normalized.WithLabelValues(ix.Name()).Set(float64(ix.Manifest.Counts.NormalizedBytes))
	}
	m.registry.MustRegister(m.requests, m.duration, m.inFlight, m.corrupt, documents, normalized,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}
