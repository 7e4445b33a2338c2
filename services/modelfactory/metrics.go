package modelfactory

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// metrics are exported at /metrics on a registry of their own.
type metrics struct {
	registry *prometheus.Registry
	jobs     *prometheus.CounterVec
	steps    prometheus.Counter
	tokens   prometheus.Counter
	queued   prometheus.GaugeFunc
}

func newMetrics(f *Factory) *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		jobs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "modelfactory_jobs_finished_total", Help: "Training jobs that ended, by outcome.",
		}, []string{"status"}),
		steps: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "modelfactory_training_steps_total", Help: "Optimizer steps taken.",
		}),
		tokens: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "modelfactory_training_tokens_total", Help: "Tokens run forward and backward in training.",
		}),
		queued: prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "modelfactory_jobs_queued", Help: "Jobs waiting to run.",
		}, func() float64 {
			jobs, _ := f.jobs.all()
			n := 0
			for _, j := range jobs {
				if j.Status == StatusQueued {
					n++
				}
			}
			return float64(n)
		}),
	}
	m.registry.MustRegister(m.jobs, m.steps, m.tokens, m.queued,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}
